package pricingtest

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing"
)

// Case is one resource state priced by one model, and the components it
// must come to.
type Case struct {
	Name    string
	Region  string // as the plan gives it; RunModel's default when empty, none when "-"
	Attrs   string // JSON object of attribute values, as in a plan's "after"
	Unknown string // JSON object like the plan's "after_unknown", when needed
	Usage   string // JSON object of usage-file values
	// Related are the resources r.Follow finds, by attribute name.
	Related map[string]Related
	Want    []Line
}

// Related is a resource the priced one refers to, such as a launch
// template, a cluster or a database server.
type Related struct {
	Address string
	Region  string // the priced resource's region when empty
	Attrs   string // JSON as in Case
	Unknown string // JSON as in Case
}

// Line is a component as a test states it: decimals as strings, so that a
// want table reads like the hand computation it comes from.
type Line struct {
	Name, Unit, Quantity, UnitPrice, MonthlyCost string
	UsageBased                                   bool
	Unpriced, Approximation                      string
}

// Priced is a priced component line; its cost is hand-computed.
func Priced(name, unit, quantity, unitPrice, monthly string) Line {
	return Line{Name: name, Unit: unit, Quantity: quantity, UnitPrice: unitPrice, MonthlyCost: monthly}
}

// PricedUsage is a priced usage-based component line.
func PricedUsage(name, unit, quantity, unitPrice, monthly string) Line {
	l := Priced(name, unit, quantity, unitPrice, monthly)
	l.UsageBased = true
	return l
}

// Unpriced is a component line without a price.
func Unpriced(name, unit, quantity, reason string) Line {
	return Line{Name: name, Unit: unit, Quantity: quantity, UnitPrice: "0", MonthlyCost: "0", Unpriced: reason}
}

// UnpricedUsage is a usage-based component line without a price.
func UnpricedUsage(name, unit, quantity, reason string) Line {
	l := Unpriced(name, unit, quantity, reason)
	l.UsageBased = true
	return l
}

// Lines states components as a test does.
func Lines(cs []pricing.Component) []Line {
	var out []Line
	for _, c := range cs {
		out = append(out, Line{
			Name:          c.Name,
			Unit:          c.Unit,
			Quantity:      c.Quantity.String(),
			UnitPrice:     c.UnitPrice.String(),
			MonthlyCost:   c.MonthlyCost.String(),
			UsageBased:    c.UsageBased,
			Unpriced:      c.Unpriced,
			Approximation: c.Approximation,
		})
	}
	return out
}

// RunModel prices each case, as a subtest, with the model of typ among
// models, against prices, and compares the components with the case's.
// defaultRegion is the provider's usual one, for cases that name none.
func RunModel(t *testing.T, models []pricing.Model, typ string, prices pricing.Catalog, defaultRegion string, cases []Case) {
	t.Helper()
	model, ok := pricing.NewRegistry(models, nil).Model(typ)
	if !ok {
		t.Fatalf("no model for %s", typ)
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			region := tc.Region
			switch region {
			case "":
				region = defaultRegion
			case "-":
				region = ""
			}
			r := Resource(t, typ+".test", region, tc.Attrs, tc.Unknown)
			r.Usage = pricing.Usage(DecodeJSON(t, tc.Usage))
			r.Related = func(attr string) (pricing.Resource, bool) {
				rel, ok := tc.Related[attr]
				if !ok {
					return pricing.Resource{}, false
				}
				relRegion := rel.Region
				if relRegion == "" {
					relRegion = region
				}
				return Resource(t, rel.Address, relRegion, rel.Attrs, rel.Unknown), true
			}
			// The registry hands models a Pricer in the resource's region
			// as the plan spells it; so does the runner.
			got := Lines(model.Price(r, pricing.NewPricer(prices, region, r.Usage)))
			if diff := cmp.Diff(tc.Want, got); diff != "" {
				t.Errorf("components (-want +got):\n%s", diff)
			}
		})
	}
}

// Resource is one state of a resource; its type is the address's first
// part, attrs and unknown are JSON as in Case.
func Resource(tb testing.TB, address, region, attrs, unknown string) pricing.Resource {
	tb.Helper()
	typ, _, _ := strings.Cut(address, ".")
	return pricing.Resource{
		Address: address,
		Type:    typ,
		Region:  region,
		Attrs:   pricing.NewAttrs(DecodeJSON(tb, attrs), DecodeJSON(tb, unknown)),
	}
}

// DecodeJSON decodes a JSON object the way plan attributes are decoded:
// numbers stay json.Number. The empty string is no object at all.
func DecodeJSON(tb testing.TB, s string) map[string]any {
	tb.Helper()
	if s == "" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		tb.Fatalf("test JSON %s: %v", s, err)
	}
	return m
}
