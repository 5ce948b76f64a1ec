package azure_test

import (
	"testing"

	"github.com/tollgate-dev/tollgate/pricing/azure"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

// prices are the unit prices the model tests use. VM prices come from
// ../shared/pricing/azure: vm_linux_ondemand_hourly_by_region.tsv
// (2026-06-18) for Linux, and the Consumption items of
// fixture_retail_prices_api_sample_francecentral_2021.json for Windows.
// The shared data has no other Azure prices: the rest are Azure's
// published pay-as-you-go list prices typed in by hand (mostly East US),
// as the Retail Prices API lists them and the importer stores them
// (per hour, per month, per GB, per 10k operations). They exercise the
// arithmetic and the keys, and are not checked against a live price list.
var prices = pricingtest.Catalog{
	// vm_linux_ondemand_hourly_by_region.tsv, row <region> <arm_sku_name>.
	"azure-vm eastus vm/Standard_D2s_v5/linux":         "0.096",
	"azure-vm eastus vm/Standard_D2s_v3/linux":         "0.096",
	"azure-vm eastus vm/Standard_E4s_v5/linux":         "0.252",
	"azure-vm eastus vm/Standard_F4/linux":             "0.199",
	"azure-vm westeurope vm/Standard_D2s_v5/linux":     "0.115",
	"azure-vm francecentral vm/Standard_D64s_v4/linux": "3.584",
	// The fixture's Consumption rows of "Virtual Machines ... Series Windows".
	"azure-vm francecentral vm/Standard_D16as_v5/windows": "1.544",
	"azure-vm francecentral vm/Standard_M64ls/windows":    "9.295",

	// Managed disks, per disk-month ("P10 LRS Disk", unit 1/Month), and
	// Standard SSD/HDD operations per 10k.
	"azure-disk eastus disk/P4/lrs":                      "5.28",
	"azure-disk eastus disk/P6/lrs":                      "10.21",
	"azure-disk eastus disk/P10/lrs":                     "19.71",
	"azure-disk eastus disk/P15/lrs":                     "38.01",
	"azure-disk eastus disk/E4/lrs":                      "2.4",
	"azure-disk eastus disk/E6/lrs":                      "4.8",
	"azure-disk eastus disk/E10/lrs":                     "9.6",
	"azure-disk eastus disk/S4/lrs":                      "1.536",
	"azure-disk eastus disk/S10/lrs":                     "5.888",
	"azure-disk westeurope disk/E10/lrs":                 "9.6",
	"azure-disk westeurope disk/P10/zrs":                 "29.57",
	"azure-disk eastus operations/standard-ssd/lrs":      "0.002",
	"azure-disk eastus operations/standard-hdd/lrs":      "0.0005",
	"azure-network eastus public-ip/basic/static":        "0.0036",
	"azure-network eastus public-ip/basic/dynamic":       "0.004",
	"azure-network eastus public-ip/standard/static":     "0.005",
	"azure-network eastus public-ip/global/static":       "0.01",
	"azure-network westeurope public-ip/standard/static": "0.005",
	// NAT gateway and load balancer meters are published for region Global.
	"azure-network global nat-gateway":               "0.045",
	"azure-network global nat-gateway/data":          "0.045",
	"azure-network global lb/standard/rules":         "0.025",
	"azure-network global lb/standard/rules-overage": "0.01",
	"azure-network global lb/standard/data":          "0.005",

	"azure-firewall eastus firewall/basic":            "0.395",
	"azure-firewall eastus firewall/basic/data":       "0.065",
	"azure-firewall eastus firewall/standard":         "1.25",
	"azure-firewall eastus firewall/standard/data":    "0.016",
	"azure-firewall eastus firewall/premium":          "1.75",
	"azure-firewall eastus firewall/premium/data":     "0.016",
	"azure-firewall eastus firewall/premium/hub":      "1.75",
	"azure-firewall eastus firewall/premium/hub/data": "0.016",

	// "Standard Uptime SLA" and "Standard Long Term Support" meters.
	"azure-aks eastus control-plane/standard": "0.1",
	"azure-aks eastus control-plane/premium":  "0.6",

	// App Service: "Azure App Service Premium v3 Plan - Linux" and the
	// unlabelled Windows product.
	"azure-appservice eastus plan/p1v3/linux":   "0.155",
	"azure-appservice eastus plan/p1v3/windows": "0.315",
	"azure-appservice eastus plan/s1/windows":   "0.1",
	"azure-appservice eastus plan/b1/linux":     "0.018",

	// General Block Blob v2: Hot LRS is tiered (0, 51200, 512000 GB);
	// Cool LRS is one price for every tier.
	"azure-storage eastus blob/hot/lrs":            "0.0208",
	"azure-storage eastus blob/hot/lrs/over-50tb":  "0.02",
	"azure-storage eastus blob/hot/lrs/over-500tb": "0.0192",
	"azure-storage eastus blob/hot/lrs/write":      "0.05",
	"azure-storage eastus blob/hot/lrs/read":       "0.004",
	"azure-storage eastus blob/cool/lrs":           "0.0152",
	"azure-storage eastus blob/cool/lrs/write":     "0.1",
	"azure-storage eastus blob/cool/lrs/read":      "0.01",

	// SQL Database: S0 is 0.4839 a day (1/Day), stored per hour; vCore
	// compute per vCore-hour without the licence, which is a Global meter.
	"azure-sql eastus dtu/S0":                          "0.0201625",
	"azure-sql eastus vcore/general-purpose/gen5":      "0.1522",
	"azure-sql eastus serverless/general-purpose/gen5": "0.522",
	"azure-sql eastus storage/general-purpose":         "0.115",
	"azure-sql global license/general-purpose":         "0.099966",

	// Flexible servers: Ddsv5 compute per vCore-hour (D2ds_v5 is 0.178 an
	// hour), burstable per server-hour, storage per GB-month.
	"azure-postgresql eastus compute/general-purpose/ddsv5":  "0.089",
	"azure-postgresql eastus compute/burstable/b1ms":         "0.0207",
	"azure-postgresql eastus storage":                        "0.115",
	"azure-postgresql eastus backup":                         "0.095",
	"azure-mysql koreacentral compute/burstable/b1ms":        "0.026",
	"azure-mysql koreacentral compute/general-purpose/ddsv5": "0.118",
	"azure-mysql koreacentral storage":                       "0.131",
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

// runModel prices each case with the model of typ from azure.Models(), in
// eastus unless the case names a region.
func runModel(t *testing.T, typ string, cases []modelCase) {
	t.Helper()
	pricingtest.RunModel(t, azure.Models(), typ, prices, "eastus", cases)
}
