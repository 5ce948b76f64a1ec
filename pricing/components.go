package pricing

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// The helpers below are what every provider's cost models build
// components with.

// NeedString returns a string attribute the cost depends on, or why it
// cannot be used.
func (a Attrs) NeedString(name string) (string, string) {
	if a.Unknown(name) {
		return "", UnknownAttr(name)
	}
	s, ok := a.String(name)
	if !ok || s == "" {
		return "", name + " is not set"
	}
	return s, ""
}

// NeedDecimal returns a numeric attribute the cost depends on, or why it
// cannot be used.
func (a Attrs) NeedDecimal(name string) (decimal.Decimal, string) {
	if a.Unknown(name) {
		return decimal.Zero, UnknownAttr(name)
	}
	d, ok := a.Decimal(name)
	if !ok {
		return decimal.Zero, name + " is not set"
	}
	return d, ""
}

// UnpriceAll turns components into unpriced ones, keeping their
// quantities, for configurations the catalog has no prices for.
func UnpriceAll(comps []Component, reason string) []Component {
	for i := range comps {
		c := &comps[i]
		c.UnitPrice, c.MonthlyCost, c.Source, c.Approximation = decimal.Zero, decimal.Zero, "", ""
		c.Unpriced = reason
	}
	return comps
}

// Qualified builds a component name such as "Storage (general purpose
// SSD, gp3, Multi-AZ)" from its qualifiers, skipping empty ones.
func Qualified(what string, quals ...string) string {
	quals = slices.DeleteFunc(slices.Clone(quals), func(s string) bool { return s == "" })
	if len(quals) == 0 {
		return what
	}
	return what + " (" + strings.Join(quals, ", ") + ")"
}

// Times multiplies the components of one thing by a count of identical
// ones (instances, nodes).
func Times(cs []Component, n decimal.Decimal) []Component {
	if n.Equal(decimal.NewFromInt(1)) {
		return cs
	}
	for i := range cs {
		cs[i].Quantity = cs[i].Quantity.Mul(n)
		cs[i].MonthlyCost = cs[i].MonthlyCost.Mul(n)
	}
	return cs
}
