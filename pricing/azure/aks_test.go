package azure_test

import "testing"

func TestKubernetesCluster(t *testing.T) {
	runModel(t, "azurerm_kubernetes_cluster", []modelCase{
		{
			Name:    "Standard tier, three nodes with AKS's OS disks",
			Attrs:   `{"sku_tier": "Standard", "default_node_pool": [{"vm_size": "Standard_D2s_v5", "node_count": 3}]}`,
			Unknown: `{"default_node_pool": [{"os_disk_size_gb": true}]}`,
			Want: []line{
				priced("Cluster management (Standard tier, uptime SLA)", "hours", "730", "0.1", "73"),
				priced("Virtual machine (Linux, Standard_D2s_v5)", "hours", "2190", "0.096", "210.24"),
				priced("OS disk storage (Premium SSD P10 assumed, LRS, 128 GB assumed)", "months", "3", "19.71", "59.13"),
			},
		},
		{
			Name:  "Free tier, autoscaled from min_count, ephemeral OS disks",
			Attrs: `{"default_node_pool": [{"vm_size": "Standard_D2s_v5", "enable_auto_scaling": true, "min_count": 2, "max_count": 5, "os_disk_type": "Ephemeral"}]}`,
			Want: []line{
				priced("Virtual machine (Linux, Standard_D2s_v5, min_count of an autoscaled pool)", "hours", "1460", "0.096", "140.16"),
			},
		},
		{
			Name:  "Premium tier; a size without premium storage gets Standard SSD",
			Attrs: `{"sku_tier": "Premium", "default_node_pool": [{"vm_size": "Standard_F4", "node_count": 1, "os_disk_size_gb": 64}]}`,
			Want: []line{
				priced("Cluster management (Premium tier, long-term support)", "hours", "730", "0.6", "438"),
				priced("Virtual machine (Linux, Standard_F4)", "hours", "730", "0.199", "145.27"),
				priced("OS disk storage (Standard SSD E6 assumed, LRS, 64 GB)", "months", "1", "4.8", "4.8"),
			},
		},
		{
			Name:    "node count known only after apply",
			Attrs:   `{"sku_tier": "Free", "default_node_pool": [{"vm_size": "Standard_D2s_v5"}]}`,
			Unknown: `{"default_node_pool": [{"node_count": true}]}`,
			Want:    []line{unpriced("Nodes", "hours", "0", "default_node_pool.node_count is known only after apply")},
		},
	})
}

func TestKubernetesNodePool(t *testing.T) {
	cluster := map[string]relatedResource{"kubernetes_cluster_id": {Address: "azurerm_kubernetes_cluster.main", Region: "East US", Attrs: `{}`}}
	runModel(t, "azurerm_kubernetes_cluster_node_pool", []modelCase{
		{
			Name:    "located by its cluster",
			Region:  "-",
			Attrs:   `{"vm_size": "Standard_E4s_v5", "node_count": 2}`,
			Unknown: `{"os_disk_size_gb": true}`,
			Related: cluster,
			Want: []line{
				priced("Virtual machine (Linux, Standard_E4s_v5)", "hours", "1460", "0.252", "367.92"),
				priced("OS disk storage (Premium SSD P10 assumed, LRS, 128 GB assumed)", "months", "2", "19.71", "39.42"),
			},
		},
		{
			Name:    "Windows spot nodes",
			Region:  "-",
			Attrs:   `{"vm_size": "Standard_E4s_v5", "node_count": 2, "os_type": "Windows", "priority": "Spot", "os_disk_type": "Ephemeral"}`,
			Related: cluster,
			Want:    []line{unpriced("Virtual machine (Windows, spot, Standard_E4s_v5)", "hours", "1460", "spot prices are not in the catalog")},
		},
		{
			Name:   "cluster not in the plan",
			Region: "-",
			Attrs:  `{"vm_size": "Standard_E4s_v5", "node_count": 1, "os_disk_type": "Ephemeral"}`,
			Want: []line{unpriced("Virtual machine (Linux, Standard_E4s_v5)", "hours", "730",
				"location is not known: kubernetes_cluster_id does not name a resource of the plan with a known location")},
		},
	})
}
