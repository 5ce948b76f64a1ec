package gcpfeed_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/gcpfeed"
	"github.com/tollgate-dev/tollgate/pricing/catalog/gcpfeed/gcpfeedtest"
	"github.com/tollgate-dev/tollgate/pricing/gcp"
)

// TestEstimateFromImport imports the fake's prices, writes and reopens the
// catalog, and prices Google resources with it; then a changed price in
// the API shows in the next import's estimate.
func TestEstimateFromImport(t *testing.T) {
	reg := pricing.NewRegistry(gcp.Models(), gcp.Free)
	instance := pricing.Resource{
		Address: "google_compute_instance.web", Type: "google_compute_instance", Region: "us-central1",
		Attrs: pricing.NewAttrs(map[string]any{
			"machine_type": "n2-standard-2",
			"boot_disk":    []any{map[string]any{"initialize_params": []any{map[string]any{"size": 20, "type": "pd-balanced"}}}},
		}, nil),
	}
	cluster := pricing.Resource{
		Address: "google_container_cluster.c", Type: "google_container_cluster", Region: "europe-west1",
		Attrs: pricing.NewAttrs(map[string]any{"location": "europe-west1", "remove_default_node_pool": true}, nil),
	}
	monthly := func(api *gcpfeedtest.API, r pricing.Resource) (string, []string) {
		b, _, err := run(t, api, gcpfeed.Options{})
		if err != nil {
			t.Fatal(err)
		}
		cost := reg.Cost(r, open(t, b))
		var sources []string
		for _, c := range cost.Components {
			sources = append(sources, c.Source)
		}
		if u := cost.Unpriced(); len(u) > 0 {
			t.Fatalf("%s unpriced: %v", r.Address, u)
		}
		return cost.Monthly().String(), sources
	}

	api := gcpfeedtest.New(apiKey)
	// 730 × (2 × 0.031611 + 8 × 0.004237) + 20 × 0.1 = 70.89614 + 2.
	got, sources := monthly(api, instance)
	if got != "72.89614" {
		t.Errorf("instance: %s a month, want 72.89614", got)
	}
	if diff := cmp.Diff([]string{"gcp-billing-compute", "gcp-billing-compute"}, sources); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	// 730 × 0.1, from the global SKU.
	if got, _ := monthly(api, cluster); got != "73" {
		t.Errorf("cluster: %s a month, want 73", got)
	}

	// N2 Instance Core running in Americas goes up to 0.04:
	// 730 × (2 × 0.04 + 8 × 0.004237) + 2 = 83.14408 + 2.
	if err := api.SetPrice("0009-6F35-3126", "0.04"); err != nil {
		t.Fatal(err)
	}
	if got, _ := monthly(api, instance); got != "85.14408" {
		t.Errorf("instance after the price change: %s a month, want 85.14408", got)
	}
}

// TestMachinesMatchEmbedded checks the claim machines.go rests on: a
// machine type's price is its vCPUs and memory at its family's rates. The
// fixtures' us-central1 family rates are the ones the embedded prices
// imply; every machine type built from them must have the embedded
// catalog's price, which comes from another source listing each type.
func TestMachinesMatchEmbedded(t *testing.T) {
	b, _, err := run(t, gcpfeedtest.New(apiKey), gcpfeed.Options{Regions: []string{"us-central1"}})
	if err != nil {
		t.Fatal(err)
	}
	emb := catalog.Embedded()
	n := 0
	open(t, b).Rows("gcp-compute", func(region, key string, p pricing.Price) {
		if !strings.HasPrefix(key, "machine/") {
			return
		}
		want, ok := emb.Price("gcp-compute", region, key)
		if !ok {
			return // a type the region does not offer (the API cannot say)
		}
		n++
		// -lssd shares are rounded to 12 places, the file's to 15.
		if p.Amount.Sub(want.Amount).Abs().GreaterThan(pricing.Dec("0.000000000001")) {
			t.Errorf("%s %s = %s, embedded %s", region, key, p.Amount, want.Amount)
		}
	})
	if n < 80 {
		t.Errorf("%d machine types compared, want the fixture families' 80 or more", n)
	}
	t.Logf("%d machine types match the embedded catalog", n)
}
