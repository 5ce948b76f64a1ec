package azure_test

import "testing"

func TestManagedDisk(t *testing.T) {
	runModel(t, "azurerm_managed_disk", []modelCase{
		{
			Name:  "Premium SSD billed as the tier that holds it",
			Attrs: `{"storage_account_type": "Premium_LRS", "disk_size_gb": 100}`,
			Want:  []line{priced("Storage (Premium SSD P10, LRS, 100 GB)", "months", "1", "19.71", "19.71")},
		},
		{
			Name:  "tier boundary is inclusive",
			Attrs: `{"storage_account_type": "Premium_LRS", "disk_size_gb": 128}`,
			Want:  []line{priced("Storage (Premium SSD P10, LRS, 128 GB)", "months", "1", "19.71", "19.71")},
		},
		{
			Name:  "Standard SSD with operations",
			Attrs: `{"storage_account_type": "StandardSSD_LRS", "disk_size_gb": 129}`,
			Usage: `{"monthly_disk_operations": 5000000}`,
			Want: []line{
				unpriced("Storage (Standard SSD E15, LRS, 129 GB)", "months", "1", "no azure-disk price for disk/E15/lrs in eastus in the catalog"),
				usage("Disk operations (Standard SSD)", "10k operations", "500", "0.002", "1"),
			},
		},
		{
			Name:  "Standard HDD starts at S4",
			Attrs: `{"storage_account_type": "Standard_LRS", "disk_size_gb": 4}`,
			Want: []line{
				priced("Storage (Standard HDD S4, LRS, 4 GB)", "months", "1", "1.536", "1.536"),
				usage("Disk operations (Standard HDD)", "10k operations", "0", "0.0005", "0"),
			},
		},
		{
			Name:   "zone-redundant",
			Region: "westeurope",
			Attrs:  `{"storage_account_type": "Premium_ZRS", "disk_size_gb": 100}`,
			Want:   []line{priced("Storage (Premium SSD P10, ZRS, 100 GB)", "months", "1", "29.57", "29.57")},
		},
		{
			Name:  "Ultra Disk",
			Attrs: `{"storage_account_type": "UltraSSD_LRS", "disk_size_gb": 100, "disk_iops_read_write": 5000}`,
			Want: []line{unpriced("Storage (Ultra Disk)", "months", "0",
				"Ultra Disk is billed by provisioned capacity, IOPS and throughput, which the catalog does not hold")},
		},
		{
			Name:  "larger than any tier",
			Attrs: `{"storage_account_type": "Premium_LRS", "disk_size_gb": 40000}`,
			Want:  []line{unpriced("Storage (Premium SSD)", "months", "0", "40000 GB is larger than the largest Premium SSD disk (32,767 GB)")},
		},
		{
			Name:    "size known only after apply (a copy of another disk)",
			Attrs:   `{"storage_account_type": "Premium_LRS", "create_option": "Copy"}`,
			Unknown: `{"disk_size_gb": true}`,
			Want:    []line{unpriced("Storage (Premium SSD)", "months", "0", "disk_size_gb is known only after apply")},
		},
		{
			Name:  "unknown storage type",
			Attrs: `{"storage_account_type": "Magnetic", "disk_size_gb": 10}`,
			Want: []line{unpriced("Storage", "months", "0",
				`storage account type "Magnetic" is not Standard_LRS, StandardSSD_LRS, StandardSSD_ZRS, Premium_LRS or Premium_ZRS`)},
		},
	})
}
