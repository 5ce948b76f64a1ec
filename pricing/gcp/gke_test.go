package gcp_test

import "testing"

func TestCluster(t *testing.T) {
	const fee = "73" // 730 × 0.1
	runModel(t, "google_container_cluster", []modelCase{
		{
			Name:  "default pool removed (the shared GKE plan)",
			Attrs: `{"location": "us-central1", "initial_node_count": 1, "remove_default_node_pool": true, "node_pool": []}`,
			Want:  []line{priced("Cluster management fee", "hours", "730", "0.1", fee)},
		},
		{
			Name:  "zonal cluster with its default pool",
			Attrs: `{"location": "us-central1-a", "initial_node_count": 2, "node_config": [{"machine_type": "e2-standard-2", "disk_size_gb": 50, "disk_type": "pd-standard"}]}`,
			Want: []line{
				priced("Cluster management fee", "hours", "730", "0.1", fee),
				priced("Default node pool: Instance usage (e2-standard-2, on-demand, 2 nodes)", "hours", "1460", "0.06701142", "97.8366732"),
				priced("Default node pool: Boot disk (pd-standard)", "GB-months", "100", "0.04", "4"),
			},
		},
		{
			Name:  "regional cluster, default node_config, two zones",
			Attrs: `{"location": "us-central1", "initial_node_count": 1, "node_locations": ["us-central1-a", "us-central1-b"]}`,
			Want: []line{
				priced("Cluster management fee", "hours", "730", "0.1", fee),
				priced("Default node pool: Instance usage (e2-medium, on-demand, type assumed, 2 nodes: 1 per zone in 2 zones)", "hours", "1460", "0.03350571", "48.9183366"),
				priced("Default node pool: Boot disk (pd-balanced, type assumed, size assumed)", "GB-months", "200", "0.1", "20"),
			},
		},
		{
			Name:  "inline node pools instead of the default one",
			Attrs: `{"location": "us-central1-a", "node_locations": ["us-central1-b"], "node_pool": [{"name": "main", "node_count": 1, "node_config": [{"machine_type": "n2-standard-4", "disk_size_gb": 20, "disk_type": "pd-ssd"}]}, {"name": "empty", "node_count": 0}]}`,
			Want: []line{
				priced("Cluster management fee", "hours", "730", "0.1", fee),
				priced("Node pool main: Instance usage (n2-standard-4, on-demand, 2 nodes: 1 per zone in 2 zones)", "hours", "1460", "0.194236", "283.58456"),
				priced("Node pool main: Boot disk (pd-ssd)", "GB-months", "40", "0.17", "6.8"),
			},
		},
		{
			Name:  "Autopilot: the fee, and workloads the plan does not show",
			Attrs: `{"location": "us-central1", "enable_autopilot": true}`,
			Want: []line{
				priced("Cluster management fee", "hours", "730", "0.1", fee),
				unpricedUsage("Autopilot workloads", "vCPU-hours", "0", "Autopilot bills the vCPUs and memory pods request, which a plan does not show"),
			},
		},
	})
}

func TestNodePool(t *testing.T) {
	cluster := relatedResource{Address: "google_container_cluster.primary", Attrs: `{"location": "us-central1", "node_locations": ["us-central1-a", "us-central1-f"]}`}
	runModel(t, "google_container_node_pool", []modelCase{
		{
			// The shared conftest GKE plan's pool: preemptible n1-standard-1,
			// node_count 1 in a regional cluster; disk size and type are
			// known only after apply (GKE's defaults).
			Name:    "preemptible pool of a regional cluster",
			Attrs:   `{"cluster": "my-gke-cluster", "location": "us-central1", "node_count": 1, "autoscaling": [], "node_config": [{"machine_type": "n1-standard-1", "preemptible": true}]}`,
			Unknown: `{"node_config": [{"disk_size_gb": true, "disk_type": true}]}`,
			Related: map[string]relatedResource{"cluster": {Address: "google_container_cluster.primary", Attrs: `{"location": "us-central1"}`, Unknown: `{"node_locations": true}`}},
			Want: []line{
				priced("Instance usage (n1-standard-1, spot, 3 nodes: 1 per zone in 3 zones, zone count assumed): vCPUs", "vCPU-hours", "2190", "0.01115", "24.4185"),
				priced("Instance usage (n1-standard-1, spot, 3 nodes: 1 per zone in 3 zones, zone count assumed): memory", "GB-hours", "8212.5", "0.001494", "12.269475"),
				priced("Boot disk (pd-balanced, type assumed, size assumed)", "GB-months", "300", "0.1", "30"),
			},
		},
		{
			Name:    "autoscaling minimum in the cluster's zones",
			Attrs:   `{"cluster": "c", "location": "us-central1", "autoscaling": [{"min_node_count": 2, "max_node_count": 5}], "node_config": [{"machine_type": "e2-standard-2", "disk_size_gb": 30, "disk_type": "pd-standard", "local_ssd_count": 1}]}`,
			Related: map[string]relatedResource{"cluster": cluster},
			Want: []line{
				priced("Instance usage (e2-standard-2, on-demand, 4 nodes, the autoscaling minimum: 2 per zone in 2 zones)", "hours", "2920", "0.06701142", "195.6733464"),
				priced("Boot disk (pd-standard)", "GB-months", "120", "0.04", "4.8"),
				priced("Local SSD", "GB-months", "1500", "0.08", "120"),
			},
		},
		{
			Name:  "total autoscaling minimum, own node_locations",
			Attrs: `{"location": "us-central1", "node_locations": ["us-central1-a"], "autoscaling": [{"total_min_node_count": 3}], "node_config": [{"machine_type": "n2-standard-2", "spot": true, "disk_size_gb": 10, "disk_type": "pd-standard", "guest_accelerator": [{"type": "nvidia-tesla-t4", "count": 2}]}]}`,
			Want: []line{
				unpriced("Instance usage (n2-standard-2, spot, 3 nodes, the autoscaling minimum): vCPUs", "vCPU-hours", "4380", "no gcp-compute price for spot/n2/vcpu in us-central1 in the catalog"),
				unpriced("Instance usage (n2-standard-2, spot, 3 nodes, the autoscaling minimum): memory", "GB-hours", "17520", "no gcp-compute price for spot/n2/ram in us-central1 in the catalog"),
				priced("Boot disk (pd-standard)", "GB-months", "30", "0.04", "1.2"),
				unpriced("GPUs (nvidia-tesla-t4)", "hours", "4380", "GPU prices are not in the catalog"),
			},
		},
		{
			Name:  "zonal pool, Windows nodes",
			Attrs: `{"location": "us-central1-c", "initial_node_count": 1, "node_config": [{"machine_type": "n2-standard-2", "image_type": "WINDOWS_LTSC_CONTAINERD", "disk_size_gb": 100, "disk_type": "pd-balanced"}]}`,
			Want: []line{
				priced("Instance usage (n2-standard-2, on-demand, 1 node)", "hours", "730", "0.097118", "70.89614"),
				priced("Boot disk (pd-balanced)", "GB-months", "100", "0.1", "10"),
				unpriced("Licence (Windows Server image)", "hours", "730", "licence fees of premium images are not in the catalog"),
			},
		},
		{
			Name:    "node count known only after apply",
			Attrs:   `{"location": "us-central1-c", "node_config": [{"machine_type": "n2-standard-2", "disk_size_gb": 10, "disk_type": "pd-standard"}]}`,
			Unknown: `{"node_count": true, "initial_node_count": true}`,
			Want: []line{
				unpriced("Instance usage (n2-standard-2, on-demand)", "hours", "730", "node_count is known only after apply"),
				unpriced("Boot disk (pd-standard)", "GB-months", "10", "node_count is known only after apply"),
			},
		},
	})
}
