// Package pricingtest is the test kit of cost models: what the tests of
// pricing/aws, pricing/azure and pricing/gcp share, so that each states only
// its cases. It has an in-memory pricing.Catalog for prices typed in from
// public price lists, the runner of model case tables with the component
// lines they expect, the checks every provider's models must pass (usage
// keys documented, no silent zero on real plans, fuzzed attributes), and
// the reader of pricing/catalog/README.md's key tables. Only tests import
// it.
package pricingtest

import (
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// Catalog is an in-memory catalog: "service region key" -> price.
type Catalog map[string]string

// Price implements pricing.Catalog.
func (c Catalog) Price(service, region, key string) (pricing.Price, bool) {
	s, ok := c[service+" "+region+" "+key]
	if !ok {
		return pricing.Price{}, false
	}
	return pricing.Price{Amount: decimal.RequireFromString(s), Source: service}, true
}

// Regions implements pricing.Catalog.
func (c Catalog) Regions(service, key string) []string {
	var out []string
	for k := range c {
		parts := strings.SplitN(k, " ", 3)
		if parts[0] == service && parts[2] == key {
			out = append(out, parts[1])
		}
	}
	sort.Strings(out)
	return out
}

// Source implements pricing.Catalog: every service is its own source.
func (c Catalog) Source(id string) (pricing.Source, bool) {
	return pricing.Source{ID: id, PricedAsOf: "2025-04-24"}, true
}
