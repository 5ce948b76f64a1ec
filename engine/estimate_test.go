package engine_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

var cat = pricingtest.Catalog{
	"aws-ec2 us-east-1 instance/t3.micro/linux": "0.0104",
	"aws-ec2 us-east-1 instance/m5.large/linux": "0.096",
}

// calls counts how often the test model runs, to check that unchanged
// resources are priced once.
var calls int

var instance = pricing.Model{Type: "test_instance", Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	calls++
	typ, ok := r.Attrs.String("instance_type")
	if !ok {
		// Follow a reference, as an autoscaling group follows its template.
		if tmpl, found := r.Follow("template"); found {
			typ, ok = tmpl.Attrs.String("instance_type")
		}
	}
	if !ok {
		return []pricing.Component{pricing.Unpriced("Instance", "hours", pricing.UnknownAttr("instance_type"))}
	}
	return []pricing.Component{p.Hourly("Instance "+typ, decimal.NewFromInt(1), "aws-ec2", "instance/"+typ+"/linux")}
}}

func estimate(rs ...change.Resource) *engine.Estimate {
	for i := range rs {
		rs[i].Region = "us-east-1"
	}
	reg := pricing.NewRegistry([]pricing.Model{instance}, []string{"test_free"})
	return engine.Pricing{Registry: reg, Catalog: cat}.Estimate(&change.Set{Resources: rs})
}

type line struct {
	Address, Past, Monthly, Diff string
	Components, PastComponents   int
	Priced, Free                 bool
}

func lines(est *engine.Estimate) []line {
	var out []line
	for _, rc := range est.Resources {
		out = append(out, line{rc.Address, rc.Past.String(), rc.Monthly.String(), rc.Diff.String(), len(rc.Components), len(rc.PastComponents), rc.Priced, rc.Free})
	}
	return out
}

func TestEstimateActions(t *testing.T) {
	small := map[string]any{"instance_type": "t3.micro"}
	big := map[string]any{"instance_type": "m5.large"}
	calls = 0
	est := estimate(
		change.Resource{Address: "test_instance.a", Type: "test_instance", Action: change.Create, After: big},
		change.Resource{Address: "test_instance.b", Type: "test_instance", Action: change.Update, Before: small, After: big},
		change.Resource{Address: "test_instance.c", Type: "test_instance", Action: change.Delete, Before: small},
		change.Resource{Address: "test_instance.d", Type: "test_instance", Action: change.Replace, Before: big, After: small},
		change.Resource{Address: "test_instance.e", Type: "test_instance", Action: change.NoOp, Before: small, After: small},
		change.Resource{Address: "test_free.f", Type: "test_free", Action: change.Create, After: map[string]any{}},
	)
	want := []line{
		{"test_instance.a", "0", "70.08", "70.08", 1, 0, true, false},
		{"test_instance.b", "7.592", "70.08", "62.488", 1, 1, true, false},
		{"test_instance.c", "7.592", "0", "-7.592", 0, 1, true, false},
		{"test_instance.d", "70.08", "7.592", "-62.488", 1, 1, true, false},
		{"test_instance.e", "7.592", "7.592", "0", 1, 0, true, false},
		{"test_free.f", "0", "0", "0", 0, 0, true, true},
	}
	if diff := cmp.Diff(want, lines(est)); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if calls != 7 {
		t.Errorf("the model ran %d times, want 7 (the no-op priced once)", calls)
	}
	if got := []string{est.PastTotal.String(), est.Total.String(), est.DiffTotal.String()}; !cmp.Equal(got, []string{"92.856", "155.344", "62.488"}) {
		t.Errorf("totals = %v", got)
	}
	if diff := cmp.Diff(map[string]string{"aws-ec2": "2025-04-24"}, est.PricedAsOf); diff != "" {
		t.Errorf("PricedAsOf mismatch (-want +got):\n%s", diff)
	}
	if len(est.Unpriced) != 0 {
		t.Errorf("Unpriced = %v", est.Unpriced)
	}
}

func TestEstimateUnpriced(t *testing.T) {
	est := estimate(
		change.Resource{Address: "test_instance.x", Type: "test_instance", Action: change.Create, After: map[string]any{}},
		change.Resource{Address: "test_widget.y", Type: "test_widget", Action: change.Create, After: map[string]any{}},
		change.Resource{Address: "test_widget.z", Type: "test_widget", Action: change.Delete, Before: map[string]any{}},
	)
	want := []engine.Unpriced{
		{Address: "test_instance.x", Type: "test_instance", Reason: "Instance: instance_type is known only after apply"},
		{Address: "test_widget.y", Type: "test_widget", Reason: "unsupported resource type"},
		{Address: "test_widget.z", Type: "test_widget", Reason: "unsupported resource type"},
	}
	if diff := cmp.Diff(want, est.Unpriced); diff != "" {
		t.Errorf("Unpriced mismatch (-want +got):\n%s", diff)
	}
	if !est.Total.IsZero() {
		t.Errorf("Total = %s, want 0", est.Total)
	}
}

func TestEstimateFollowsReferences(t *testing.T) {
	for _, tc := range []struct {
		name    string
		refs    []string
		targets []change.Resource
		want    string
	}{
		{"resource address", []string{"test_template.t"}, []change.Resource{
			{Address: "test_template.t", Type: "test_template", Action: change.Create, After: map[string]any{"instance_type": "m5.large"}}}, "70.08"},
		{"the only instance of a counted resource", []string{"test_template.t"}, []change.Resource{
			{Address: "test_template.t[0]", Type: "test_template", Index: 0, Action: change.Create, After: map[string]any{"instance_type": "t3.micro"}}}, "7.592"},
		{"ambiguous instances are not guessed", []string{"test_template.t"}, []change.Resource{
			{Address: "test_template.t[0]", Type: "test_template", Index: 0, Action: change.Create, After: map[string]any{"instance_type": "t3.micro"}},
			{Address: "test_template.t[1]", Type: "test_template", Index: 1, Action: change.Create, After: map[string]any{"instance_type": "m5.large"}}}, "0"},
		{"a deleted target is read before", []string{"test_template.t"}, []change.Resource{
			{Address: "test_template.t", Type: "test_template", Action: change.Delete, Before: map[string]any{"instance_type": "t3.micro"}}}, "7.592"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			asg := change.Resource{Address: "test_instance.asg", Type: "test_instance", Action: change.Create,
				After: map[string]any{}, AfterUnknown: map[string]any{"template": true}, Refs: map[string][]string{"template": tc.refs}}
			est := estimate(append([]change.Resource{asg}, tc.targets...)...)
			if got := est.Resources[0].Monthly.String(); got != tc.want {
				t.Errorf("monthly = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestEstimateUnexpanded(t *testing.T) {
	est := estimate(
		change.Resource{Address: "test_instance.n", Type: "test_instance", Action: change.Create, Unexpanded: "test_instance.n: count depends on values known only after apply; not priced"},
		change.Resource{Address: "module.vpc", Action: change.Create, Unexpanded: "module.vpc (terraform-aws-modules/vpc/aws) is not downloaded: run terraform init; its resources are not estimated"},
		change.Resource{Address: "test_instance.a", Type: "test_instance", Action: change.Create, After: map[string]any{"instance_type": "t3.micro"}},
	)
	if len(est.Resources) != 1 || est.Resources[0].Address != "test_instance.a" {
		t.Errorf("resources = %v, want only test_instance.a", lines(est))
	}
	want := []engine.Unpriced{
		{Address: "module.vpc", Type: "module", Reason: "module.vpc (terraform-aws-modules/vpc/aws) is not downloaded: run terraform init; its resources are not estimated"},
		{Address: "test_instance.n", Type: "test_instance", Reason: "test_instance.n: count depends on values known only after apply; not priced"},
	}
	if diff := cmp.Diff(want, est.Unpriced); diff != "" {
		t.Errorf("Unpriced mismatch (-want +got):\n%s", diff)
	}
}

func TestStalePrices(t *testing.T) {
	reg := pricing.NewRegistry([]pricing.Model{instance}, nil)
	set := func() *change.Set {
		return &change.Set{Resources: []change.Resource{{Address: "test_instance.a", Type: "test_instance", Action: change.Create, Region: "us-east-1", After: map[string]any{"instance_type": "t3.micro"}}}}
	}
	priced := time.Date(2025, 4, 24, 0, 0, 0, 0, time.UTC) // pricingtest's date
	tests := []struct {
		name string
		now  time.Time
		want []string
	}{
		{"no clock, no note", time.Time{}, nil},
		{"90 days old is current", priced.Add(engine.StaleAfter), nil},
		{"older is stale", priced.Add(engine.StaleAfter + time.Hour), []string{"prices of aws-ec2 are older than 90 days: run `tollgate pricing refresh` for current ones"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			est := engine.Pricing{Registry: reg, Catalog: cat, CatalogName: engine.EmbeddedCatalog, Now: tt.now}.Estimate(set())
			if diff := cmp.Diff(tt.want, est.Notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
			if est.Catalog != "embedded" {
				t.Errorf("catalog = %q", est.Catalog)
			}
		})
	}
}

func TestMissingPricesNote(t *testing.T) {
	reg := pricing.NewRegistry([]pricing.Model{instance}, nil)
	inst := func(addr, typ string) change.Resource {
		return change.Resource{Address: addr, Type: "test_instance", Action: change.Create, Region: "us-east-1", After: map[string]any{"instance_type": typ}}
	}
	tests := []struct {
		name, catalog string
		resources     []change.Resource
		want          []string
	}{
		{"all priced", engine.EmbeddedCatalog, []change.Resource{inst("test_instance.a", "t3.micro")}, nil},
		{"unknown attribute is no catalog gap", engine.EmbeddedCatalog, []change.Resource{
			{Address: "test_instance.u", Type: "test_instance", Action: change.Create, Region: "us-east-1", After: map[string]any{}}}, nil},
		{"one gap", engine.EmbeddedCatalog, []change.Resource{inst("test_instance.a", "t3.micro"), inst("test_instance.b", "x9.huge")},
			[]string{"1 resource has prices the embedded catalog lacks: `tollgate pricing refresh` fetches the providers' full price lists"}},
		{"two gaps", engine.EmbeddedCatalog, []change.Resource{inst("test_instance.b", "x9.huge"), inst("test_instance.c", "y1.tiny")},
			[]string{"2 resources have prices the embedded catalog lacks: `tollgate pricing refresh` fetches the providers' full price lists"}},
		{"a refreshed catalog has no more to fetch", "/cache/tollgate/2026-11-26", []change.Resource{inst("test_instance.b", "x9.huge")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			est := engine.Pricing{Registry: reg, Catalog: cat, CatalogName: tt.catalog}.Estimate(&change.Set{Resources: tt.resources})
			if diff := cmp.Diff(tt.want, est.Notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
}
