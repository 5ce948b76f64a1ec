package gcp_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/gcp"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

// prices are list prices typed in from ../shared/pricing/gcp/
// cyclenerd-pricing.yml (2026-07-30), each with the entry it comes from;
// the few that file lacks (Cloud SQL, GKE) say where they come from.
var prices = pricingtest.Catalog{
	// compute.instance.<type>.cost.<region>.hour
	"gcp-compute us-central1 machine/n2-standard-2":      "0.097118",
	"gcp-compute europe-west1 machine/n2-standard-2":     "0.106834",
	"gcp-compute us-central1 machine/n2-standard-4":      "0.194236",
	"gcp-compute us-central1 machine/n1-standard-1":      "0.04749975",
	"gcp-compute us-central1 machine/e2-medium":          "0.03350571",
	"gcp-compute us-central1 machine/e2-standard-2":      "0.06701142",
	"gcp-compute us-central1 machine/c3-standard-4-lssd": "0.242703890410959",
	// Spot rates solved from hour_spot: n1-standard-1 (1 vCPU, 3.75 GB)
	// 0.0167525 and n1-highmem-2 (2, 13) 0.041722; e2-standard-2 (2, 8)
	// 0.040212 and e2-highmem-2 (2, 16) 0.054244.
	"gcp-compute us-central1 spot/n1/vcpu": "0.01115",
	"gcp-compute us-central1 spot/n1/ram":  "0.001494",
	"gcp-compute us-central1 spot/e2/vcpu": "0.01309",
	"gcp-compute us-central1 spot/e2/ram":  "0.001754",
	// Custom N1 rates solved from the custom-*-ext examples' hour, e.g.
	// custom-2-10240-ext (2 vCPUs, 10 GB) 0.1108431.
	"gcp-compute us-central1 custom/n1/vcpu": "0.03319155",
	"gcp-compute us-central1 custom/n1/ram":  "0.004446",
	// Test values: the shared file has no N2 custom rates (a refreshed
	// catalog has them); what is tested is how the model uses them.
	"gcp-compute us-central1 custom/n2/vcpu":         "0.033174",
	"gcp-compute us-central1 custom/n2/ram":          "0.004446",
	"gcp-compute us-central1 custom/n2/ram-extended": "0.00955",
	// compute.storage.<entry>.cost.<region>.month
	"gcp-compute us-central1 disk/pd-standard":          "0.04",
	"gcp-compute us-central1 disk/pd-balanced":          "0.1",
	"gcp-compute us-central1 disk/pd-ssd":               "0.17",
	"gcp-compute us-central1 disk/pd-extreme":           "0.125",
	"gcp-compute us-central1 disk/pd-ssd/regional":      "0.34",
	"gcp-compute us-central1 disk/pd-balanced/regional": "0.2",
	"gcp-compute europe-west1 disk/pd-balanced":         "0.1",
	"gcp-compute us-central1 local-ssd":                 "0.08",
	// compute.network: ip.vm and ip.unused hour; nat.gateway hour
	// 0.0448 is 32 VMs at 0.0014; nat.data month (per GB).
	"gcp-network us-central1 external-ip/in-use": "0.005",
	"gcp-network us-central1 external-ip/unused": "0.01",
	"gcp-network us-central1 nat-gateway/vm":     "0.0014",
	"gcp-network us-central1 nat-gateway/data":   "0.045",
	// storage.bucket.<class>[-dual|-multi] and storage.retrieval month.
	"gcp-storage us-central1 storage/standard":   "0.02",
	"gcp-storage us-central1 storage/nearline":   "0.01",
	"gcp-storage us-central1 retrieval/nearline": "0.01",
	"gcp-storage us storage/standard":            "0.026",
	"gcp-storage nam4 storage/standard":          "0.044",
	"gcp-storage eu storage/archive":             "0.0024",
	"gcp-storage eu retrieval/archive":           "0.05",
	// Google's published cluster management fee (not in ../shared).
	"gcp-gke us-central1 cluster": "0.1",
	// Google's published Cloud SQL Enterprise edition prices in
	// us-central1 (not in ../shared; a refreshed catalog has them).
	"gcp-sql us-central1 vcpu/postgres":              "0.0413",
	"gcp-sql us-central1 ram/postgres":               "0.007",
	"gcp-sql us-central1 storage/ssd/postgres":       "0.17",
	"gcp-sql us-central1 storage/hdd/postgres":       "0.09",
	"gcp-sql us-central1 vcpu/mysql":                 "0.0413",
	"gcp-sql us-central1 ram/mysql":                  "0.007",
	"gcp-sql us-central1 storage/ssd/mysql":          "0.17",
	"gcp-sql us-central1 instance/db-f1-micro/mysql": "0.0105",
	"gcp-sql us-central1 vcpu/sqlserver":             "0.0413",
	"gcp-sql us-central1 ram/sqlserver":              "0.007",
	"gcp-sql us-central1 storage/ssd/sqlserver":      "0.17",
}

// modelCase is one resource state priced by one model.
type modelCase struct {
	name    string
	region  string // us-central1 when empty; "-" for none
	attrs   string // JSON object of attribute values, as in a plan's "after"
	unknown string // JSON object like the plan's "after_unknown", when needed
	usage   string // JSON object of usage-file values
	// related are the resources r.Follow finds, by attribute name.
	related map[string]relatedResource
	want    []line
}

// relatedResource is a resource the priced one refers to (an instance
// template, a cluster); attrs and unknown are JSON as in modelCase.
type relatedResource struct{ address, attrs, unknown string }

// line is a component as a test states it: decimals as strings.
type line struct {
	Name, Unit, Quantity, UnitPrice, MonthlyCost string
	UsageBased                                   bool
	Unpriced                                     string
}

// priced is a priced component line; its cost is hand-computed.
func priced(name, unit, quantity, unitPrice, monthly string) line {
	return line{Name: name, Unit: unit, Quantity: quantity, UnitPrice: unitPrice, MonthlyCost: monthly}
}

// usage is a priced usage-based component line.
func usage(name, unit, quantity, unitPrice, monthly string) line {
	l := priced(name, unit, quantity, unitPrice, monthly)
	l.UsageBased = true
	return l
}

// unpriced is a component line without a price.
func unpriced(name, unit, quantity, reason string) line {
	return line{Name: name, Unit: unit, Quantity: quantity, UnitPrice: "0", MonthlyCost: "0", Unpriced: reason}
}

// unpricedUsage is a usage-based component line without a price.
func unpricedUsage(name, unit, quantity, reason string) line {
	l := unpriced(name, unit, quantity, reason)
	l.UsageBased = true
	return l
}

// runModel prices each case with the model of typ from gcp.Models().
func runModel(t *testing.T, typ string, cases []modelCase) {
	t.Helper()
	model, ok := modelOf(typ)
	if !ok {
		t.Fatalf("no model for %s", typ)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			region := tc.region
			switch region {
			case "":
				region = "us-central1"
			case "-":
				region = ""
			}
			r := resource(t, typ+".test", region, tc.attrs, tc.unknown)
			r.Usage = pricing.Usage(decodeJSON(t, tc.usage))
			r.Related = func(attr string) (pricing.Resource, bool) {
				rel, ok := tc.related[attr]
				if !ok {
					return pricing.Resource{}, false
				}
				return resource(t, rel.address, region, rel.attrs, rel.unknown), true
			}
			got := linesOf(model.Price(r, pricing.NewPricer(prices, region, r.Usage)))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("components (-want +got):\n%s", diff)
			}
		})
	}
}

func modelOf(typ string) (pricing.Model, bool) {
	for _, m := range gcp.Models() {
		if m.Type == typ {
			return m, true
		}
	}
	return pricing.Model{}, false
}

// resource is one state of a resource; its type is the address's first part.
func resource(t *testing.T, address, region, attrs, unknown string) pricing.Resource {
	t.Helper()
	typ, _, _ := strings.Cut(address, ".")
	return pricing.Resource{
		Address: address,
		Type:    typ,
		Region:  region,
		Attrs:   pricing.NewAttrs(decodeJSON(t, attrs), decodeJSON(t, unknown)),
	}
}

// decodeJSON decodes a JSON object the way plan attributes are decoded:
// numbers stay json.Number. The empty string is no object at all.
func decodeJSON(tb testing.TB, s string) map[string]any {
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

func linesOf(cs []pricing.Component) []line {
	var out []line
	for _, c := range cs {
		out = append(out, line{
			Name:        c.Name,
			Unit:        c.Unit,
			Quantity:    c.Quantity.String(),
			UnitPrice:   c.UnitPrice.String(),
			MonthlyCost: c.MonthlyCost.String(),
			UsageBased:  c.UsageBased,
			Unpriced:    c.Unpriced,
		})
	}
	return out
}
