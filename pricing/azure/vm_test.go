package azure_test

import "testing"

func TestLinuxVirtualMachine(t *testing.T) {
	runModel(t, "azurerm_linux_virtual_machine", []modelCase{
		{
			Name:  "size and a Premium SSD OS disk",
			Attrs: `{"size": "Standard_D2s_v5", "os_disk": [{"storage_account_type": "Premium_LRS", "disk_size_gb": 64}]}`,
			Want: []line{
				priced("Virtual machine (Linux, Standard_D2s_v5)", "hours", "730", "0.096", "70.08"),
				priced("OS disk storage (Premium SSD P6, LRS, 64 GB)", "months", "1", "10.21", "10.21"),
			},
		},
		{
			Name:    "OS disk the size of the image",
			Attrs:   `{"size": "Standard_D2s_v5", "os_disk": [{"storage_account_type": "Premium_LRS"}]}`,
			Unknown: `{"os_disk": [{"disk_size_gb": true}]}`,
			Want: []line{
				priced("Virtual machine (Linux, Standard_D2s_v5)", "hours", "730", "0.096", "70.08"),
				priced("OS disk storage (Premium SSD P4, LRS, 30 GB assumed)", "months", "1", "5.28", "5.28"),
			},
		},
		{
			Name:   "location as the portal spells it",
			Region: "West Europe",
			Attrs:  `{"size": "Standard_D2s_v5", "os_disk": [{"storage_account_type": "StandardSSD_LRS", "disk_size_gb": 128}]}`,
			Want: []line{
				priced("Virtual machine (Linux, Standard_D2s_v5)", "hours", "730", "0.115", "83.95"),
				priced("OS disk storage (Standard SSD E10, LRS, 128 GB)", "months", "1", "9.6", "9.6"),
			},
		},
		{
			Name:  "ephemeral OS disk",
			Attrs: `{"size": "Standard_D2s_v5", "os_disk": [{"storage_account_type": "Standard_LRS", "diff_disk_settings": [{"option": "Local"}]}]}`,
			Want:  []line{priced("Virtual machine (Linux, Standard_D2s_v5)", "hours", "730", "0.096", "70.08")},
		},
		{
			Name:  "spot",
			Attrs: `{"size": "Standard_D2s_v5", "priority": "Spot", "os_disk": [{"storage_account_type": "Standard_LRS", "disk_size_gb": 30}]}`,
			Want: []line{
				unpriced("Virtual machine (Linux, spot, Standard_D2s_v5)", "hours", "730", "spot prices are not in the catalog"),
				priced("OS disk storage (Standard HDD S4, LRS, 30 GB)", "months", "1", "1.536", "1.536"),
			},
		},
		{
			Name:    "size known only after apply",
			Attrs:   `{}`,
			Unknown: `{"size": true}`,
			Want:    []line{unpriced("Virtual machine (Linux)", "hours", "730", "size is known only after apply")},
		},
		{
			Name:   "region without the size",
			Region: "brazilsouth",
			Attrs:  `{"size": "Standard_D2s_v5"}`,
			Want: []line{unpriced("Virtual machine (Linux, Standard_D2s_v5)", "hours", "730",
				"no azure-vm price for vm/Standard_D2s_v5/linux in brazilsouth in the catalog (priced in eastus, westeurope)")},
		},
		{
			Name:   "no location",
			Region: "-",
			Attrs:  `{"size": "Standard_D2s_v5"}`,
			Want:   []line{unpriced("Virtual machine (Linux, Standard_D2s_v5)", "hours", "730", "location is not known")},
		},
	})
}

func TestWindowsVirtualMachine(t *testing.T) {
	runModel(t, "azurerm_windows_virtual_machine", []modelCase{
		{
			Name:   "licence included",
			Region: "francecentral",
			Attrs:  `{"size": "Standard_M64ls", "os_disk": [{"storage_account_type": "Premium_LRS", "diff_disk_settings": [{"option": "Local"}]}]}`,
			Want:   []line{priced("Virtual machine (Windows, Standard_M64ls)", "hours", "730", "9.295", "6785.35")},
		},
		{
			Name:   "Azure Hybrid Benefit pays the Linux rate",
			Region: "francecentral",
			Attrs:  `{"size": "Standard_D64s_v4", "license_type": "Windows_Server"}`,
			Want:   []line{priced("Virtual machine (Windows, Azure Hybrid Benefit, Standard_D64s_v4)", "hours", "730", "3.584", "2616.32")},
		},
		{
			Name:  "Windows prices missing until a refresh; the disk is the Windows image's size",
			Attrs: `{"size": "Standard_D2s_v5", "os_disk": [{"storage_account_type": "Premium_LRS"}]}`,
			Want: []line{
				unpriced("Virtual machine (Windows, Standard_D2s_v5)", "hours", "730", "no azure-vm price for vm/Standard_D2s_v5/windows in eastus in the catalog"),
				priced("OS disk storage (Premium SSD P10, LRS, 127 GB assumed)", "months", "1", "19.71", "19.71"),
			},
		},
	})
}

func TestLegacyVirtualMachine(t *testing.T) {
	runModel(t, "azurerm_virtual_machine", []modelCase{
		{
			Name: "managed OS and data disks; attached disks are priced on their own",
			Attrs: `{"vm_size": "Standard_D2s_v3",
				"storage_os_disk": [{"managed_disk_type": "Premium_LRS", "disk_size_gb": 128, "os_type": "Linux"}],
				"storage_data_disk": [{"create_option": "Empty", "managed_disk_type": "Standard_LRS", "disk_size_gb": 100},
					{"create_option": "Attach", "managed_disk_id": "/subscriptions/x/disks/d"}]}`,
			Want: []line{
				priced("Virtual machine (Linux, Standard_D2s_v3)", "hours", "730", "0.096", "70.08"),
				priced("OS disk storage (Premium SSD P10, LRS, 128 GB)", "months", "1", "19.71", "19.71"),
				priced("Data disk 1 storage (Standard HDD S10, LRS, 100 GB)", "months", "1", "5.888", "5.888"),
			},
		},
		{
			Name:   "Windows from its image, with an unmanaged OS disk",
			Region: "francecentral",
			Attrs: `{"vm_size": "Standard_D16as_v5",
				"storage_image_reference": [{"publisher": "MicrosoftWindowsServer", "offer": "WindowsServer"}],
				"storage_os_disk": [{"vhd_uri": "https://acct.blob.core.windows.net/vhds/os.vhd"}]}`,
			Want: []line{
				priced("Virtual machine (Windows, Standard_D16as_v5)", "hours", "730", "1.544", "1127.12"),
				unpriced("OS disk storage", "months", "0", "an unmanaged disk (vhd_uri) is billed as page blobs of its storage account, which the catalog does not price"),
			},
		},
		{
			Name:    "managed disk type left to Azure",
			Attrs:   `{"vm_size": "Standard_D2s_v3", "os_profile_windows_config": [{}], "license_type": "Windows_Server", "storage_os_disk": [{"disk_size_gb": 64}]}`,
			Unknown: `{"storage_os_disk": [{"managed_disk_type": true}]}`,
			Want: []line{
				priced("Virtual machine (Windows, Azure Hybrid Benefit, Standard_D2s_v3)", "hours", "730", "0.096", "70.08"),
				unpriced("OS disk storage", "months", "0", "managed_disk_type is known only after apply"),
			},
		},
	})
}

func TestScaleSets(t *testing.T) {
	runModel(t, "azurerm_linux_virtual_machine_scale_set", []modelCase{
		{
			Name: "instances with OS and data disks",
			Attrs: `{"sku": "Standard_D2s_v5", "instances": 3,
				"os_disk": [{"storage_account_type": "StandardSSD_LRS", "disk_size_gb": 30}],
				"data_disk": [{"storage_account_type": "Premium_LRS", "disk_size_gb": 256}]}`,
			Want: []line{
				priced("Virtual machine (Linux, Standard_D2s_v5)", "hours", "2190", "0.096", "210.24"),
				priced("OS disk storage (Standard SSD E4, LRS, 30 GB)", "months", "3", "2.4", "7.2"),
				priced("Data disk 1 storage (Premium SSD P15, LRS, 256 GB)", "months", "3", "38.01", "114.03"),
			},
		},
		{
			Name:  "scaled to zero",
			Attrs: `{"sku": "Standard_D2s_v5", "instances": 0}`,
			Want:  []line{priced("Virtual machine (Linux, Standard_D2s_v5)", "hours", "0", "0.096", "0")},
		},
		{
			Name:    "instances known only after apply",
			Attrs:   `{"sku": "Standard_D2s_v5"}`,
			Unknown: `{"instances": true}`,
			Want:    []line{unpriced("Virtual machines", "hours", "0", "instances is known only after apply")},
		},
	})
	runModel(t, "azurerm_windows_virtual_machine_scale_set", []modelCase{
		{
			Name:   "Windows instances",
			Region: "francecentral",
			Attrs:  `{"sku": "Standard_M64ls", "instances": 2, "os_disk": [{"storage_account_type": "Standard_LRS", "diff_disk_settings": [{"option": "Local"}]}]}`,
			Want:   []line{priced("Virtual machine (Windows, Standard_M64ls)", "hours", "1460", "9.295", "13570.7")},
		},
	})
}
