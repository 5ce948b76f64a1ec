package azure_test

import "testing"

func TestMSSQLDatabase(t *testing.T) {
	server := map[string]relatedResource{"server_id": {Address: "azurerm_mssql_server.main", Region: "eastus", Attrs: `{}`}}
	runModel(t, "azurerm_mssql_database", []modelCase{
		{
			Name:    "DTU: 0.4839 a day is 0.0201625 an hour",
			Region:  "-",
			Attrs:   `{"sku_name": "S0"}`,
			Related: server,
			Want:    []line{priced("Compute (S0, DTU)", "hours", "730", "0.0201625", "14.718625")},
		},
		{
			Name:    "vCore: compute, the Global licence, storage",
			Region:  "-",
			Attrs:   `{"sku_name": "GP_Gen5_2", "max_size_gb": 50, "license_type": "LicenseIncluded"}`,
			Related: server,
			Want: []line{
				priced("Compute (provisioned, GP_Gen5_2)", "vCore-hours", "1460", "0.1522", "222.212"),
				priced("SQL license (General Purpose)", "vCore-hours", "1460", "0.099966", "145.95036"),
				priced("Storage", "GB", "50", "0.115", "5.75"),
			},
		},
		{
			Name:    "Azure Hybrid Benefit drops the licence; size left to Azure",
			Region:  "-",
			Attrs:   `{"sku_name": "GP_Gen5_2", "license_type": "BasePrice"}`,
			Unknown: `{"max_size_gb": true}`,
			Related: server,
			Want: []line{
				priced("Compute (provisioned, GP_Gen5_2)", "vCore-hours", "1460", "0.1522", "222.212"),
				priced("Storage (32 GB assumed)", "GB", "32", "0.115", "3.68"),
			},
		},
		{
			Name:    "serverless",
			Region:  "-",
			Attrs:   `{"sku_name": "GP_S_Gen5_2", "max_size_gb": 10}`,
			Usage:   `{"monthly_vcore_hours": 100}`,
			Related: server,
			Want: []line{
				usage("Compute (serverless, GP_S_Gen5_2)", "vCore-hours", "100", "0.522", "52.2"),
				priced("Storage", "GB", "10", "0.115", "1.15"),
			},
		},
		{
			Name:    "Hyperscale with a replica, prices missing",
			Region:  "-",
			Attrs:   `{"sku_name": "HS_Gen5_2", "read_replica_count": 1}`,
			Related: server,
			Want: []line{
				unpriced("Compute (provisioned, HS_Gen5_2, 2 replicas)", "vCore-hours", "2920", "no azure-sql price for vcore/hyperscale/gen5 in eastus in the catalog"),
				unpriced("SQL license (Hyperscale)", "vCore-hours", "2920", "no azure-sql price for license/hyperscale in eastus in the catalog"),
				{Name: "Storage", Unit: "GB", Quantity: "0", UnitPrice: "0", MonthlyCost: "0", UsageBased: true, Unpriced: "no azure-sql price for storage/hyperscale in eastus in the catalog"},
			},
		},
		{
			Name:    "in an elastic pool",
			Region:  "-",
			Attrs:   `{"sku_name": "ElasticPool", "elastic_pool_id": "/subscriptions/x/elasticPools/p"}`,
			Related: server,
		},
		{
			Name:    "unknown SKU",
			Region:  "-",
			Attrs:   `{"sku_name": "DW100c"}`,
			Related: server,
			Want: []line{unpriced("Compute (DW100c)", "hours", "0",
				`sku_name "DW100c" is not a DTU (Basic, S0, P1...) or vCore (GP_Gen5_2, GP_S_Gen5_2, BC_Gen5_4, HS_Gen5_2) SKU`)},
		},
	})
}
