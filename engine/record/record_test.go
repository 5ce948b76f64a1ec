package record

import (
	"encoding/json"
	"flag"
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/plan"
	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixture is the shared reconciliation example, see testdata/reconcile.
const fixture = "../../testdata/reconcile/"

// TestFromEstimateFixture records the example stack as `tollgate record`
// does: the plan priced with the embedded catalog and the usage file, and
// the identifiers of the applied state.
func TestFromEstimateFixture(t *testing.T) {
	data, err := os.ReadFile(fixture + "plan.json")
	if err != nil {
		t.Fatal(err)
	}
	set, err := plan.Parse("plan.json", data, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	udata, err := os.ReadFile(fixture + "usage.yml")
	if err != nil {
		t.Fatal(err)
	}
	usage, err := pricing.ParseUsage("usage.yml", udata)
	if err != nil {
		t.Fatal(err)
	}
	est := engine.Pricing{Registry: engine.Registry(), Catalog: catalog.Embedded(), Usage: usage, CatalogName: engine.EmbeddedCatalog}.Estimate(set)
	f, err := os.Open(fixture + "state.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ids, err := prediction.ReadState(f, "state.json")
	if err != nil {
		t.Fatal(err)
	}
	ctx := Context{Repo: "acme/infra", Commit: "4f2a9c1e7b3d5f6a8c0e2b4d6f8a0c2e4b6d8f0a", PullRequest: "42",
		RecordedAt: time.Date(2025, 5, 28, 16, 3, 0, 0, time.FixedZone("CEST", 2*3600))}
	run := FromEstimate(est, ids, ctx)

	if len(run.Resources) != len(ids) {
		t.Errorf("%d resources recorded, the state has %d", len(run.Resources), len(ids))
	}
	total := decimal.Zero
	for _, r := range run.Resources {
		if diff := cmp.Diff(ids[r.Address], r.CloudIDs); diff != "" {
			t.Errorf("%s: cloud ids differ from the state's (-state +run):\n%s", r.Address, diff)
		}
		sum := decimal.Zero
		for _, c := range r.Components {
			sum = sum.Add(c.Monthly)
		}
		if !sum.Equal(r.Monthly) {
			t.Errorf("%s: components sum to %s, monthly is %s", r.Address, sum, r.Monthly)
		}
		total = total.Add(r.Monthly)
	}
	if !total.Equal(est.Total) {
		t.Errorf("recorded monthly costs sum to %s, the estimate's total is %s", total, est.Total)
	}

	got, err := json.MarshalIndent(run, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const golden = "testdata/run.golden.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("run differs from %s (-want +got; go test -update rewrites it):\n%s", golden, diff)
	}
}

func TestFromEstimate(t *testing.T) {
	d := decimal.RequireFromString
	at := time.Date(2025, 6, 1, 9, 0, 0, 0, time.FixedZone("EST", -5*3600))
	hours := pricing.Component{Name: "Instance", Unit: "hours", Quantity: d("730"), UnitPrice: d("0.1"), MonthlyCost: d("73"), Source: "aws-ec2"}
	data := pricing.Component{Name: "Data processed", Unit: "GB", Quantity: d("500"), UnitPrice: d("0.045"), MonthlyCost: d("22.5")}.FromUsage("monthly_data_processed_gb", true)
	lcu := pricing.Component{Name: "LCU", Unit: "LCU-hours", UnitPrice: d("0.008")}.FromUsage("monthly_lcu", false)
	missing := pricing.Unpriced("Storage", "GB", "no price")
	res := func(addr, typ, provider string, action change.Action) *change.Resource {
		return &change.Resource{Address: addr, Type: typ, Provider: provider, Action: action, Region: "us-east-1"}
	}
	tagged := res("aws_instance.a", "aws_instance", "registry.terraform.io/hashicorp/aws", change.Update)
	tagged.Tags = map[string]string{"env": "prod"}
	deposed := res("aws_instance.a", "aws_instance", "registry.terraform.io/hashicorp/aws", change.Delete)
	deposed.Deposed = "0011"

	est := &engine.Estimate{
		Source: "plan.json", Currency: "USD", Catalog: "embedded", PricedAsOf: map[string]string{"aws-ec2": "2025-04-24"},
		Resources: []engine.ResourceCost{
			{Resource: res("google_compute_instance.z", "google_compute_instance", "registry.terraform.io/hashicorp/google-beta", change.Create),
				Monthly: d("0"), Components: []pricing.Component{missing}, UnpricedReason: "Storage: no price"},
			{Resource: tagged, Monthly: d("95.5"), Past: d("73"), Components: []pricing.Component{hours, data, lcu}, PastComponents: []pricing.Component{hours}, Priced: true},
			{Resource: deposed, Past: d("73"), PastComponents: []pricing.Component{hours}, Priced: true},
			{Resource: res("aws_instance.gone", "aws_instance", "registry.terraform.io/hashicorp/aws", change.Delete),
				Past: d("10"), PastComponents: []pricing.Component{missing}, UnpricedReason: "Storage: no price"},
		},
	}
	ids := map[string][]string{"aws_instance.a": {"i-2", "i-1", "i-2"}, "aws_instance.gone": {"i-9"}}
	got := FromEstimate(est, ids, Context{Repo: "acme/infra", Commit: "abc", PullRequest: "7", RecordedAt: at})

	want := prediction.Run{
		Repo: "acme/infra", Commit: "abc", PullRequest: "7", RecordedAt: at.UTC(),
		Source: "plan.json", Catalog: "embedded", PricedAsOf: map[string]string{"aws-ec2": "2025-04-24"}, Currency: "USD",
		Resources: []prediction.Resource{
			{Address: "aws_instance.a", Type: "aws_instance", Provider: "aws", Region: "us-east-1", Action: "update",
				Monthly: d("95.5"), Priced: true, CloudIDs: []string{"i-1", "i-2"}, Tags: map[string]string{"env": "prod"},
				Components: []prediction.Component{
					{Name: "Instance", Unit: "hours", Quantity: d("730"), UnitPrice: d("0.1"), Monthly: d("73")},
					{Name: "Data processed", Unit: "GB", Quantity: d("500"), UnitPrice: d("0.045"), Monthly: d("22.5"), UsageKey: "monthly_data_processed_gb", UsageGiven: true},
					{Name: "LCU", Unit: "LCU-hours", UnitPrice: d("0.008"), UsageKey: "monthly_lcu"},
				}},
			// Gone: nothing left to cost, nothing unpriced.
			{Address: "aws_instance.gone", Type: "aws_instance", Provider: "aws", Region: "us-east-1", Action: "delete",
				Priced: true, CloudIDs: []string{"i-9"}},
			{Address: "google_compute_instance.z", Type: "google_compute_instance", Provider: "google", Region: "us-east-1", Action: "create",
				Components: []prediction.Component{{Name: "Storage", Unit: "GB", Unpriced: "no price"}}},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FromEstimate (-want +got):\n%s", diff)
	}

	// The run shares nothing the caller may change later.
	tagged.Tags["env"] = "dev"
	est.PricedAsOf["aws-ec2"] = "2000-01-01"
	ids["aws_instance.a"][0] = "i-changed"
	if got.Resources[0].Tags["env"] != "prod" || got.PricedAsOf["aws-ec2"] != "2025-04-24" || got.Resources[0].CloudIDs[1] != "i-2" {
		t.Errorf("the run aliases its inputs: %+v", got)
	}
}

func TestProviderName(t *testing.T) {
	tests := []struct{ source, want string }{
		{"registry.terraform.io/hashicorp/aws", "aws"},
		{"registry.opentofu.org/hashicorp/azurerm", "azurerm"},
		{"registry.terraform.io/hashicorp/google-beta", "google"},
		{"registry.terraform.io/hashicorp/google", "google"},
		{`provider["registry.terraform.io/hashicorp/aws"]`, "aws"},
		{"provider.aws.eu", "aws"}, // Terraform 0.12
		{"aws", "aws"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := ProviderName(tt.source); got != tt.want {
			t.Errorf("ProviderName(%q) = %q, want %q", tt.source, got, tt.want)
		}
	}
}
