package azure_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/azure"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

func TestModelsRegistered(t *testing.T) {
	want := []string{
		"azurerm_app_service_plan", "azurerm_firewall", "azurerm_kubernetes_cluster",
		"azurerm_kubernetes_cluster_node_pool", "azurerm_lb", "azurerm_linux_virtual_machine",
		"azurerm_linux_virtual_machine_scale_set", "azurerm_managed_disk", "azurerm_mssql_database",
		"azurerm_mysql_flexible_server", "azurerm_nat_gateway", "azurerm_postgresql_flexible_server",
		"azurerm_public_ip", "azurerm_service_plan", "azurerm_storage_account",
		"azurerm_virtual_machine", "azurerm_windows_virtual_machine",
		"azurerm_windows_virtual_machine_scale_set",
	}
	reg := pricing.NewRegistry(azure.Models(), nil)
	if diff := cmp.Diff(want, reg.Types()); diff != "" {
		t.Errorf("modelled types (-want +got):\n%s", diff)
	}
}

func TestRegion(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"westeurope", "westeurope"},
		{"West Europe", "westeurope"},
		{"WestEurope", "westeurope"},
		{" East US 2 ", "eastus2"},
		{"", ""},
	} {
		if got := azure.Region(tc.in); got != tc.want {
			t.Errorf("Region(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestModelsDocumentUsage checks what users read in usage-file errors and
// docs.
func TestModelsDocumentUsage(t *testing.T) {
	pricingtest.CheckUsageDocumented(t, azure.Models())
}

// FuzzModels feeds arbitrary attribute values to every model, seeded with
// values of the wrong type and size for each kind of resource.
func FuzzModels(f *testing.F) {
	seeds := []string{
		`{"size": "Standard_D2s_v5", "os_disk": [{"storage_account_type": "Premium_LRS", "disk_size_gb": "x"}]}`,
		`{"sku": "Standard_D2s_v5", "instances": -3, "data_disk": [{"disk_size_gb": 99999999999999999999}]}`,
		`{"default_node_pool": [{"vm_size": 3, "node_count": 2.5, "min_count": "two"}], "sku_tier": "Paid"}`,
		`{"storage_account_type": "Premium_LRS", "disk_size_gb": -1}`,
		`{"sku_name": "GP_S_Gen5_x", "max_size_gb": "big", "read_replica_count": -1}`,
		`{"sku_name": "GP_Standard_D2ds", "storage_mb": -5, "high_availability": [{"mode": null}]}`,
		`{"sku": [{"tier": "Dynamic", "capacity": -1}], "kind": 7}`,
		`{"account_kind": "BlockBlobStorage", "account_replication_type": "ZRS", "access_tier": "Archive"}`,
		`{"sku": "Standard", "sku_tier": "Global", "allocation_method": "Dynamic", "virtual_hub": "x"}`,
		`{"storage_os_disk": [{"vhd_uri": 1}], "storage_data_disk": [{"create_option": "Empty"}], "vm_size": ""}`,
	}
	usageValues := pricing.Usage(pricingtest.DecodeJSON(f, `{"storage_gb": 600000, "rules": 9, "monthly_data_processed_gb": 5,
		"monthly_vcore_hours": 10, "monthly_disk_operations": 100000, "additional_backup_storage_gb": 3}`))
	pricingtest.FuzzModels(f, pricingtest.Fuzz{
		Models:  azure.Models(),
		Seeds:   seeds,
		Prices:  prices,
		Region:  "eastus",
		Usage:   usageValues,
		Related: pricing.Resource{Address: "azurerm_mssql_server.x", Region: "eastus"},
	})
}

// TestModelsNeverSilentZero prices real plan resources and bare resources
// against an empty catalog: nothing may panic, and every component must
// say why it has no price.
func TestModelsNeverSilentZero(t *testing.T) {
	pricingtest.CheckNeverSilentZero(t, azure.Models(), "eastus")
}
