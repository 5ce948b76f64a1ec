package azure_test

import "testing"

func TestPostgreSQLFlexibleServer(t *testing.T) {
	runModel(t, "azurerm_postgresql_flexible_server", []modelCase{
		{
			Name:  "general purpose: vCores from the size",
			Attrs: `{"sku_name": "GP_Standard_D2ds_v5", "storage_mb": 65536}`,
			Usage: `{"additional_backup_storage_gb": 10}`,
			Want: []line{
				priced("Compute (GP_Standard_D2ds_v5)", "vCore-hours", "1460", "0.089", "129.94"),
				priced("Storage (64 GB)", "GB", "64", "0.115", "7.36"),
				usage("Additional backup storage", "GB", "10", "0.095", "0.95"),
			},
		},
		{
			Name:  "high availability doubles compute and storage",
			Attrs: `{"sku_name": "GP_Standard_D2ds_v5", "storage_mb": 65536, "high_availability": [{"mode": "ZoneRedundant"}]}`,
			Want: []line{
				priced("Compute (GP_Standard_D2ds_v5, with high-availability standby)", "vCore-hours", "2920", "0.089", "259.88"),
				priced("Storage (64 GB, with high-availability standby)", "GB", "128", "0.115", "14.72"),
				{Name: "Additional backup storage", Unit: "GB", Quantity: "0", UnitPrice: "0.095", MonthlyCost: "0", UsageBased: true},
			},
		},
		{
			Name:    "burstable, storage left to Azure",
			Attrs:   `{"sku_name": "B_Standard_B1ms"}`,
			Unknown: `{"storage_mb": true}`,
			Want: []line{
				priced("Compute (B_Standard_B1ms)", "hours", "730", "0.0207", "15.111"),
				priced("Storage (32 GB assumed)", "GB", "32", "0.115", "3.68"),
				{Name: "Additional backup storage", Unit: "GB", Quantity: "0", UnitPrice: "0.095", MonthlyCost: "0", UsageBased: true},
			},
		},
		{
			Name:  "unknown SKU",
			Attrs: `{"sku_name": "Standard_D2ds_v5", "storage_mb": 32768}`,
			Want: []line{
				unpriced("Compute (Standard_D2ds_v5)", "hours", "0", `sku_name "Standard_D2ds_v5" is not a tier prefix and a size, such as B_Standard_B1ms or GP_Standard_D2ds_v4`),
				priced("Storage (32 GB)", "GB", "32", "0.115", "3.68"),
				{Name: "Additional backup storage", Unit: "GB", Quantity: "0", UnitPrice: "0.095", MonthlyCost: "0", UsageBased: true},
			},
		},
	})
}

func TestMySQLFlexibleServer(t *testing.T) {
	runModel(t, "azurerm_mysql_flexible_server", []modelCase{
		{
			Name:   "burstable with the default storage",
			Region: "Korea Central",
			Attrs:  `{"sku_name": "B_Standard_B1ms"}`,
			Want: []line{
				priced("Compute (B_Standard_B1ms)", "hours", "730", "0.026", "18.98"),
				priced("Storage (20 GB assumed)", "GB", "20", "0.131", "2.62"),
				unpricedUsage("Additional backup storage", "GB", "0", "no azure-mysql price for backup in koreacentral in the catalog"),
			},
		},
		{
			Name:   "general purpose with storage",
			Region: "koreacentral",
			Attrs:  `{"sku_name": "GP_Standard_D4ds_v5", "storage": [{"size_gb": 100, "iops": 396}]}`,
			Want: []line{
				priced("Compute (GP_Standard_D4ds_v5)", "vCore-hours", "2920", "0.118", "344.56"),
				priced("Storage (100 GB)", "GB", "100", "0.131", "13.1"),
				unpricedUsage("Additional backup storage", "GB", "0", "no azure-mysql price for backup in koreacentral in the catalog"),
			},
		},
	})
}
