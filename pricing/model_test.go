package pricing_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

func decode(t *testing.T, s string) map[string]any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestAttrs(t *testing.T) {
	a := pricing.NewAttrs(
		decode(t, `{"type":"gp3","size":100,"size_text":"20","on":true,"ids":["a","b"],"new_ids":[null,null],
			"tags":{"env":"prod"},"block":[{"x":1},{"x":2}],"obj":{"x":3},"nothing":null}`),
		decode(t, `{"later":true,"new_ids":[true,true],"block":[{"x":true},{}]}`))
	if s, ok := a.String("type"); !ok || s != "gp3" {
		t.Errorf("String(type) = %q, %v", s, ok)
	}
	if d, ok := a.Decimal("size"); !ok || d.String() != "100" {
		t.Errorf("Decimal(size) = %s, %v", d, ok)
	}
	if d, ok := a.Decimal("size_text"); !ok || d.String() != "20" {
		t.Errorf("Decimal(size_text) = %s, %v", d, ok)
	}
	if _, ok := a.Decimal("later"); ok {
		t.Error("an unknown attribute has a value")
	}
	if !a.Unknown("later") || a.Unknown("size") {
		t.Error("Unknown is wrong")
	}
	if a.Has("nothing") || a.Has("later") || !a.Has("type") {
		t.Error("Has is wrong")
	}
	if got := a.StringOr("nothing", "gp2"); got != "gp2" {
		t.Errorf("StringOr = %q", got)
	}
	if b, ok := a.Bool("on"); !ok || !b {
		t.Error("Bool(on) is wrong")
	}
	if ids, ok := a.Strings("ids"); !ok || !cmp.Equal(ids, []string{"a", "b"}) {
		t.Errorf("Strings(ids) = %v, %v", ids, ok)
	}
	if _, ok := a.Strings("new_ids"); ok {
		t.Error("Strings of unknown elements succeeded")
	}
	if n, ok := a.Len("new_ids"); !ok || n != 2 {
		t.Errorf("Len(new_ids) = %d, %v", n, ok)
	}
	if m, ok := a.StringMap("tags"); !ok || m["env"] != "prod" {
		t.Errorf("StringMap(tags) = %v", m)
	}
	blocks := a.Blocks("block")
	if len(blocks) != 2 || !blocks[0].Unknown("x") || blocks[1].Unknown("x") {
		t.Errorf("Blocks(block) = %v", blocks)
	}
	if b, ok := a.Block("obj"); !ok || !b.Has("x") {
		t.Error("Block(obj) of an object failed")
	}
	if _, ok := a.Block("missing"); ok {
		t.Error("Block(missing) succeeded")
	}
}

func TestRegistryCost(t *testing.T) {
	cat := pricingtest.Catalog{
		"aws-vpc us-east-1 nat-gateway":      "0.045",
		"aws-vpc us-east-1 nat-gateway/data": "0.045",
		"aws-vpc eu-west-1 nat-gateway":      "0.048",
	}
	nat := pricing.Model{Type: "aws_nat_gateway", Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		return []pricing.Component{
			p.Hourly("NAT gateway", decimal.NewFromInt(1), "aws-vpc", "nat-gateway"),
			p.UsageComponent("Data processed", "GB", "monthly_data_processed_gb", "aws-vpc", "nat-gateway/data"),
		}
	}}
	nothing := pricing.Model{Type: "aws_vpc_endpoint", Price: func(pricing.Resource, pricing.Pricer) []pricing.Component { return nil }}
	reg := pricing.NewRegistry([]pricing.Model{nat, nothing}, []string{"aws_iam_*", "aws_vpc"})

	type result struct {
		Monthly     string
		Free        bool
		Unsupported bool
		Unpriced    []string
	}
	for _, tc := range []struct {
		name string
		res  pricing.Resource
		want result
	}{
		{"priced with usage", pricing.Resource{Type: "aws_nat_gateway", Region: "us-east-1", Usage: pricing.Usage{"monthly_data_processed_gb": json.Number("100")}},
			result{Monthly: "37.35"}},
		{"usage component without a price, no usage", pricing.Resource{Type: "aws_nat_gateway", Region: "eu-west-1"},
			result{Monthly: "35.04"}},
		{"usage component without a price, usage given", pricing.Resource{Type: "aws_nat_gateway", Region: "eu-west-1", Usage: pricing.Usage{"monthly_data_processed_gb": json.Number("1")}},
			result{Monthly: "35.04", Unpriced: []string{"Data processed: no aws-vpc price for nat-gateway/data in eu-west-1 in the catalog (priced in us-east-1)"}}},
		{"free by prefix", pricing.Resource{Type: "aws_iam_role"}, result{Monthly: "0", Free: true}},
		{"free exactly", pricing.Resource{Type: "aws_vpc"}, result{Monthly: "0", Free: true}},
		{"not a prefix match", pricing.Resource{Type: "aws_vpc_peering"}, result{Monthly: "0", Unsupported: true, Unpriced: []string{"unsupported resource type"}}},
		{"model with no components is free", pricing.Resource{Type: "aws_vpc_endpoint"}, result{Monthly: "0", Free: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := reg.Cost(tc.res, cat)
			got := result{Monthly: c.Monthly().String(), Free: c.Free, Unsupported: c.Unsupported, Unpriced: c.Unpriced()}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if got := reg.Types(); !cmp.Equal(got, []string{"aws_nat_gateway", "aws_vpc_endpoint"}) {
		t.Errorf("Types() = %v", got)
	}
}

func TestMissingPriceNamesRegions(t *testing.T) {
	cat := pricingtest.Catalog{}
	for _, r := range []string{"a-1", "b-1", "c-1", "d-1", "e-1", "f-1"} {
		cat["svc "+r+" k"] = "1"
	}
	c := pricing.NewPricer(cat, "z-1", nil).Component("X", "hours", decimal.NewFromInt(1), "svc", "k")
	want := "no svc price for k in z-1 in the catalog (priced in a-1, b-1, c-1, d-1 and 2 more)"
	if c.Unpriced != want || !c.MonthlyCost.IsZero() {
		t.Errorf("got %q (cost %s), want %q", c.Unpriced, c.MonthlyCost, want)
	}
}
