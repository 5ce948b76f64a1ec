package azure_test

import "testing"

func TestMSSQLDatabase(t *testing.T) {
	server := map[string]relatedResource{"server_id": {address: "azurerm_mssql_server.main", region: "eastus", attrs: `{}`}}
	runModel(t, "azurerm_mssql_database", []modelCase{
		{
			name:    "DTU: 0.4839 a day is 0.0201625 an hour",
			region:  "-",
			attrs:   `{"sku_name": "S0"}`,
			related: server,
			want:    []line{priced("Compute (S0, DTU)", "hours", "730", "0.0201625", "14.718625")},
		},
		{
			name:    "vCore: compute, the Global licence, storage",
			region:  "-",
			attrs:   `{"sku_name": "GP_Gen5_2", "max_size_gb": 50, "license_type": "LicenseIncluded"}`,
			related: server,
			want: []line{
				priced("Compute (provisioned, GP_Gen5_2)", "vCore-hours", "1460", "0.1522", "222.212"),
				priced("SQL license (General Purpose)", "vCore-hours", "1460", "0.099966", "145.95036"),
				priced("Storage", "GB", "50", "0.115", "5.75"),
			},
		},
		{
			name:    "Azure Hybrid Benefit drops the licence; size left to Azure",
			region:  "-",
			attrs:   `{"sku_name": "GP_Gen5_2", "license_type": "BasePrice"}`,
			unknown: `{"max_size_gb": true}`,
			related: server,
			want: []line{
				priced("Compute (provisioned, GP_Gen5_2)", "vCore-hours", "1460", "0.1522", "222.212"),
				priced("Storage (32 GB assumed)", "GB", "32", "0.115", "3.68"),
			},
		},
		{
			name:    "serverless",
			region:  "-",
			attrs:   `{"sku_name": "GP_S_Gen5_2", "max_size_gb": 10}`,
			usage:   `{"monthly_vcore_hours": 100}`,
			related: server,
			want: []line{
				usage("Compute (serverless, GP_S_Gen5_2)", "vCore-hours", "100", "0.522", "52.2"),
				priced("Storage", "GB", "10", "0.115", "1.15"),
			},
		},
		{
			name:    "Hyperscale with a replica, prices missing",
			region:  "-",
			attrs:   `{"sku_name": "HS_Gen5_2", "read_replica_count": 1}`,
			related: server,
			want: []line{
				unpriced("Compute (provisioned, HS_Gen5_2, 2 replicas)", "vCore-hours", "2920", "no azure-sql price for vcore/hyperscale/gen5 in eastus in the catalog"),
				unpriced("SQL license (Hyperscale)", "vCore-hours", "2920", "no azure-sql price for license/hyperscale in eastus in the catalog"),
				{Name: "Storage", Unit: "GB", Quantity: "0", UnitPrice: "0", MonthlyCost: "0", UsageBased: true, Unpriced: "no azure-sql price for storage/hyperscale in eastus in the catalog"},
			},
		},
		{
			name:    "in an elastic pool",
			region:  "-",
			attrs:   `{"sku_name": "ElasticPool", "elastic_pool_id": "/subscriptions/x/elasticPools/p"}`,
			related: server,
		},
		{
			name:    "unknown SKU",
			region:  "-",
			attrs:   `{"sku_name": "DW100c"}`,
			related: server,
			want: []line{unpriced("Compute (DW100c)", "hours", "0",
				`sku_name "DW100c" is not a DTU (Basic, S0, P1...) or vCore (GP_Gen5_2, GP_S_Gen5_2, BC_Gen5_4, HS_Gen5_2) SKU`)},
		},
	})
}
