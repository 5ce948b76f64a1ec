package aws

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

var (
	// one counts one thing that runs all month.
	one = decimal.NewFromInt(1)
	// mibPerGB turns memory sizes, which AWS gives in MiB (Lambda calls
	// them MB), into the GB that Lambda and Fargate prices are quoted per.
	mibPerGB = pricing.Dec("1024")
)

// needString returns a string attribute the cost depends on, or why it
// cannot be used.
func needString(a pricing.Attrs, name string) (string, string) {
	if a.Unknown(name) {
		return "", pricing.UnknownAttr(name)
	}
	s, ok := a.String(name)
	if !ok || s == "" {
		return "", name + " is not set"
	}
	return s, ""
}

// needDecimal returns a number attribute the cost depends on, or why it
// cannot be used.
func needDecimal(a pricing.Attrs, name string) (decimal.Decimal, string) {
	if a.Unknown(name) {
		return decimal.Zero, pricing.UnknownAttr(name)
	}
	d, ok := a.Decimal(name)
	if !ok {
		return decimal.Zero, name + " is not set"
	}
	return d, ""
}

// unpriceAll turns priced components into unpriced ones, keeping their
// quantities, for configurations the catalog has no prices for.
func unpriceAll(comps []pricing.Component, reason string) []pricing.Component {
	for i := range comps {
		c := &comps[i]
		c.UnitPrice, c.MonthlyCost, c.Source, c.Approximation = decimal.Zero, decimal.Zero, "", ""
		c.Unpriced = reason
	}
	return comps
}

// qualified builds a component name such as "Storage (general purpose SSD,
// gp3, Multi-AZ)" from its qualifiers, skipping empty ones.
func qualified(what string, quals ...string) string {
	quals = slices.DeleteFunc(slices.Clone(quals), func(s string) bool { return s == "" })
	if len(quals) == 0 {
		return what
	}
	return what + " (" + strings.Join(quals, ", ") + ")"
}
