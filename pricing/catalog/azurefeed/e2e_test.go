package azurefeed_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/azure"
	"github.com/tollgate-dev/tollgate/pricing/catalog/azurefeed"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

// TestEndToEnd imports from the fake API, writes the catalog, reads it
// back and prices Azure resources with the cost models: the prices are
// the fake's (0.0984 for a D2s_v5, where the embedded catalog has 0.096).
func TestEndToEnd(t *testing.T) {
	items, _ := allItems(t)
	c := imported(t, azurefeed.New(azurefeed.Options{BaseURL: newFake(t, items).URL}), nil)
	reg := pricing.NewRegistry(azure.Models(), azure.Free)

	tests := []struct {
		typ, region, attrs, usage string
		want                      []string // name: quantity × unit price = monthly (source)
	}{
		{"azurerm_linux_virtual_machine", "East US",
			`{"size": "Standard_D2s_v5", "os_disk": [{"storage_account_type": "Premium_LRS", "disk_size_gb": 128}]}`, "",
			[]string{
				"Virtual machine (Linux, Standard_D2s_v5): 730 × 0.0984 = 71.832 (azure-vm-retail)",
				"OS disk storage (Premium SSD P10, LRS, 128 GB): 1 × 19.71 = 19.71 (azure-disk-retail)",
			}},
		{"azurerm_public_ip", "westeurope", `{"sku": "Standard", "allocation_method": "Static"}`, "",
			[]string{"Public IP address (Standard, static): 730 × 0.005 = 3.65 (azure-network-retail)"}},
		{"azurerm_lb", "eastus", `{"sku": "Standard"}`, `{"rules": 2, "monthly_data_processed_gb": 10}`,
			[]string{
				"Rules (first 5): 730 × 0.025 = 18.25 (azure-network-retail)",
				"Data processed: 10 × 0.005 = 0.05 (azure-network-retail)",
			}},
		{"azurerm_mssql_database", "eastus", `{"sku_name": "GP_Gen5_4", "max_size_gb": 100}`, "",
			[]string{
				"Compute (provisioned, GP_Gen5_4): 2920 × 0.1522 = 444.424 (azure-sql-retail)",
				"SQL license (General Purpose): 2920 × 0.099966 = 291.90072 (azure-sql-retail)",
				"Storage: 100 × 0.115 = 11.5 (azure-sql-retail)",
			}},
	}
	for _, tc := range tests {
		t.Run(tc.typ, func(t *testing.T) {
			res := pricing.Resource{Address: tc.typ + ".x", Type: tc.typ, Region: tc.region, Attrs: pricing.NewAttrs(pricingtest.DecodeJSON(t, tc.attrs), nil), Usage: pricingtest.DecodeJSON(t, tc.usage)}
			var got []string
			for _, comp := range reg.Cost(res, c).Components {
				if !comp.Priced() {
					t.Errorf("%s: %s", comp.Name, comp.Unpriced)
				}
				got = append(got, comp.Name+": "+comp.Quantity.String()+" × "+comp.UnitPrice.String()+" = "+comp.MonthlyCost.String()+" ("+comp.Source+")")
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("components (-want +got):\n%s", diff)
			}
		})
	}
	if s, ok := c.Source("azure-vm-retail"); !ok || s.PricedAsOf != "2026-11-25" {
		t.Errorf("source azure-vm-retail = %+v, want priced as of the day served, 2026-11-25", s)
	}
}
