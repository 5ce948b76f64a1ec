package gcp_test

import (
	"testing"

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

// The case tables name the kit's types and lines by short local names.
type (
	modelCase       = pricingtest.Case
	relatedResource = pricingtest.Related
	line            = pricingtest.Line
)

var (
	priced        = pricingtest.Priced
	usage         = pricingtest.PricedUsage
	unpriced      = pricingtest.Unpriced
	unpricedUsage = pricingtest.UnpricedUsage
)

// runModel prices each case with the model of typ from gcp.Models(), in
// us-central1 unless the case names a region.
func runModel(t *testing.T, typ string, cases []modelCase) {
	t.Helper()
	pricingtest.RunModel(t, gcp.Models(), typ, prices, "us-central1", cases)
}
