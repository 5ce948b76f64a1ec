package azure_test

import (
	"testing"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/azure"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

// recorder is a catalog that remembers what it was asked.
type recorder struct {
	pricing.Catalog
	asked map[[2]string]bool
}

func (r *recorder) Price(service, region, key string) (pricing.Price, bool) {
	r.asked[[2]string{service, key}] = true
	return r.Catalog.Price(service, region, key)
}

// samples are configurations of every model that between them ask for
// every kind of key.
var samples = map[string][]string{
	"azurerm_linux_virtual_machine":             {`{"size": "Standard_D2s_v5", "os_disk": [{"storage_account_type": "Premium_ZRS", "disk_size_gb": 64}]}`},
	"azurerm_windows_virtual_machine":           {`{"size": "Standard_D2s_v5", "os_disk": [{"storage_account_type": "StandardSSD_LRS"}]}`},
	"azurerm_virtual_machine":                   {`{"vm_size": "Standard_D2s_v3", "storage_os_disk": [{"managed_disk_type": "Standard_LRS"}]}`},
	"azurerm_linux_virtual_machine_scale_set":   {`{"sku": "Standard_D2s_v5", "instances": 2, "data_disk": [{"storage_account_type": "Premium_LRS", "disk_size_gb": 10}]}`},
	"azurerm_windows_virtual_machine_scale_set": {`{"sku": "Standard_D2s_v5", "instances": 2}`},
	"azurerm_managed_disk": {
		`{"storage_account_type": "StandardSSD_ZRS", "disk_size_gb": 10}`,
		`{"storage_account_type": "Standard_LRS", "disk_size_gb": 10}`,
	},
	"azurerm_kubernetes_cluster": {
		`{"sku_tier": "Standard", "default_node_pool": [{"vm_size": "Standard_D2s_v5", "node_count": 1}]}`,
		`{"sku_tier": "Premium"}`,
	},
	"azurerm_kubernetes_cluster_node_pool": {`{"vm_size": "Standard_F4", "node_count": 1}`},
	"azurerm_public_ip": {
		`{"sku": "Basic", "allocation_method": "Dynamic"}`,
		`{"sku": "Standard", "allocation_method": "Static", "sku_tier": "Global"}`,
	},
	"azurerm_nat_gateway": {`{}`},
	"azurerm_lb":          {`{"sku": "Standard"}`},
	"azurerm_firewall": {
		`{"sku_tier": "Basic"}`,
		`{"sku_tier": "Premium", "sku_name": "AZFW_Hub"}`,
	},
	"azurerm_storage_account": {
		`{"account_replication_type": "RAGZRS", "access_tier": "Cool"}`,
		`{"account_kind": "BlockBlobStorage", "account_tier": "Premium", "account_replication_type": "ZRS"}`,
	},
	"azurerm_mssql_database": {
		`{"sku_name": "P1"}`,
		`{"sku_name": "BC_Gen5_4"}`,
		`{"sku_name": "GP_S_Gen5_1"}`,
		`{"sku_name": "HS_Gen5_2"}`,
	},
	"azurerm_postgresql_flexible_server": {`{"sku_name": "MO_Standard_E4ds_v5"}`, `{"sku_name": "B_Standard_B2s"}`},
	"azurerm_mysql_flexible_server":      {`{"sku_name": "GP_Standard_D2ds_v4"}`},
	"azurerm_service_plan":               {`{"sku_name": "P1v3", "os_type": "Linux"}`},
	"azurerm_app_service_plan":           {`{"kind": "Windows", "sku": [{"tier": "Standard", "size": "S1"}]}`},
}

// TestKeysDocumented checks the key contract from the models' side: every
// key a model asks for is in pricing/catalog/README.md's Azure table.
func TestKeysDocumented(t *testing.T) {
	keys := pricingtest.DocumentedKeys(t, "../catalog/README.md", "Azure keys")
	cat := &recorder{Catalog: prices, asked: map[[2]string]bool{}}
	for _, m := range azure.Models() {
		if len(samples[m.Type]) == 0 {
			t.Errorf("no sample of %s", m.Type)
		}
		for _, attrs := range samples[m.Type] {
			r := pricing.Resource{Address: m.Type + ".x", Type: m.Type, Region: "eastus", Attrs: pricing.NewAttrs(pricingtest.DecodeJSON(t, attrs), nil),
				Related: func(string) (pricing.Resource, bool) { return pricing.Resource{Region: "eastus"}, true }}
			m.Price(r, pricing.NewPricer(cat, "eastus", nil))
		}
	}
	if len(cat.asked) < 40 {
		t.Errorf("the samples asked for %d keys only", len(cat.asked))
	}
	for sk := range cat.asked {
		if !keys.Documented(sk[0], sk[1]) {
			t.Errorf("%s %s: a model asks for it, README.md's Azure keys lack it", sk[0], sk[1])
		}
	}
}
