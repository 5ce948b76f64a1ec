package azure_test

import "testing"

func TestStorageAccount(t *testing.T) {
	runModel(t, "azurerm_storage_account", []modelCase{
		{
			Name:  "Hot LRS across two capacity tiers",
			Attrs: `{"account_kind": "StorageV2", "account_tier": "Standard", "account_replication_type": "LRS", "access_tier": "Hot"}`,
			Usage: `{"storage_gb": 60000, "monthly_write_operations": 1000000, "monthly_read_operations": 10000000}`,
			Want: []line{
				usage("Blob storage (Hot, LRS, first 50 TB)", "GB", "51200", "0.0208", "1064.96"),
				usage("Blob storage (Hot, LRS, next 450 TB)", "GB", "8800", "0.02", "176"),
				usage("Write operations (Hot, LRS)", "10k operations", "100", "0.05", "5"),
				usage("Read operations (Hot, LRS)", "10k operations", "1000", "0.004", "4"),
			},
		},
		{
			Name:  "Cool keeps one price past 50 TB",
			Attrs: `{"account_replication_type": "LRS", "access_tier": "Cool"}`,
			Usage: `{"storage_gb": 60000}`,
			Want: []line{
				usage("Blob storage (Cool, LRS, first 50 TB)", "GB", "51200", "0.0152", "778.24"),
				usage("Blob storage (Cool, LRS, next 450 TB)", "GB", "8800", "0.0152", "133.76"),
				{Name: "Write operations (Cool, LRS)", Unit: "10k operations", Quantity: "0", UnitPrice: "0.1", MonthlyCost: "0", UsageBased: true},
				{Name: "Read operations (Cool, LRS)", Unit: "10k operations", Quantity: "0", UnitPrice: "0.01", MonthlyCost: "0", UsageBased: true},
			},
		},
		{
			Name:  "replication without prices",
			Attrs: `{"account_replication_type": "RAGRS"}`,
			Usage: `{"storage_gb": 10}`,
			Want: []line{
				unpricedUsage("Blob storage (Hot, RAGRS, first 50 TB)", "GB", "10", "no azure-storage price for blob/hot/ragrs in eastus in the catalog"),
				unpricedUsage("Write operations (Hot, RAGRS)", "10k operations", "0", "no azure-storage price for blob/hot/ragrs/write in eastus in the catalog"),
				unpricedUsage("Read operations (Hot, RAGRS)", "10k operations", "0", "no azure-storage price for blob/hot/ragrs/read in eastus in the catalog"),
			},
		},
		{
			Name:  "Azure Files account",
			Attrs: `{"account_kind": "FileStorage", "account_tier": "Premium", "account_replication_type": "LRS"}`,
			Usage: `{"storage_gb": 100}`,
			Want: []line{
				unpricedUsage("Blob storage (Premium, LRS, first 50 TB)", "GB", "100", "Azure Files (FileStorage accounts) prices are not in the catalog"),
				unpricedUsage("Write operations (Premium, LRS)", "10k operations", "0", "Azure Files (FileStorage accounts) prices are not in the catalog"),
				unpricedUsage("Read operations (Premium, LRS)", "10k operations", "0", "Azure Files (FileStorage accounts) prices are not in the catalog"),
			},
		},
	})
}
