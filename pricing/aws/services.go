package aws

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// serviceModels are the models of managed services and networking.
func serviceModels() []pricing.Model {
	return []pricing.Model{
		dbInstance,
		rdsClusterInstance,
		rdsCluster,
		elasticacheCluster,
		elasticacheReplicationGroup,
		dynamodbTable,
		s3Bucket,
		natGateway,
		eip,
		vpcEndpoint,
		loadBalancer("aws_lb"),
		loadBalancer("aws_alb"),
		classicLoadBalancer,
		cloudwatchLogGroup,
		kmsKey,
		kmsExternalKey,
		secretsmanagerSecret,
		route53Zone,
	}
}

// decimalOne counts one thing that runs all month.
var decimalOne = decimal.NewFromInt(1)

// Factors that turn a usage-file value into the unit its price is quoted
// in: requests are priced per 1M, 10k or 1k of them.
var (
	perMillion  = pricing.Dec("0.000001")
	perTenThou  = pricing.Dec("0.0001")
	perThousand = pricing.Dec("0.001")
)

// usageScaled prices a usage-file value multiplied by factor, for usage
// given in a unit other than the price's (requests against a price per 1M
// requests, an hourly average against a price per hour). The component is
// usage-based and appears with quantity 0 when the file says nothing.
func usageScaled(p pricing.Pricer, name, unit, usageKey string, factor decimal.Decimal, service, key string) pricing.Component {
	v, ok := p.Usage().Decimal(usageKey)
	c := p.Component(name, unit, v.Mul(factor), service, key)
	c.UsageBased = true
	if ok {
		c.UsageKey = usageKey
	}
	return c
}

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
