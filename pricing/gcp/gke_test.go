package gcp_test

import "testing"

func TestCluster(t *testing.T) {
	const fee = "73" // 730 × 0.1
	runModel(t, "google_container_cluster", []modelCase{
		{
			name:  "default pool removed (the shared GKE plan)",
			attrs: `{"location": "us-central1", "initial_node_count": 1, "remove_default_node_pool": true, "node_pool": []}`,
			want:  []line{priced("Cluster management fee", "hours", "730", "0.1", fee)},
		},
		{
			name:  "zonal cluster with its default pool",
			attrs: `{"location": "us-central1-a", "initial_node_count": 2, "node_config": [{"machine_type": "e2-standard-2", "disk_size_gb": 50, "disk_type": "pd-standard"}]}`,
			want: []line{
				priced("Cluster management fee", "hours", "730", "0.1", fee),
				priced("Default node pool: Instance usage (e2-standard-2, on-demand, 2 nodes)", "hours", "1460", "0.06701142", "97.8366732"),
				priced("Default node pool: Boot disk (pd-standard)", "GB-months", "100", "0.04", "4"),
			},
		},
		{
			name:  "regional cluster, default node_config, two zones",
			attrs: `{"location": "us-central1", "initial_node_count": 1, "node_locations": ["us-central1-a", "us-central1-b"]}`,
			want: []line{
				priced("Cluster management fee", "hours", "730", "0.1", fee),
				priced("Default node pool: Instance usage (e2-medium, on-demand, type assumed, 2 nodes: 1 per zone in 2 zones)", "hours", "1460", "0.03350571", "48.9183366"),
				priced("Default node pool: Boot disk (pd-balanced, type assumed, size assumed)", "GB-months", "200", "0.1", "20"),
			},
		},
		{
			name:  "inline node pools instead of the default one",
			attrs: `{"location": "us-central1-a", "node_locations": ["us-central1-b"], "node_pool": [{"name": "main", "node_count": 1, "node_config": [{"machine_type": "n2-standard-4", "disk_size_gb": 20, "disk_type": "pd-ssd"}]}, {"name": "empty", "node_count": 0}]}`,
			want: []line{
				priced("Cluster management fee", "hours", "730", "0.1", fee),
				priced("Node pool main: Instance usage (n2-standard-4, on-demand, 2 nodes: 1 per zone in 2 zones)", "hours", "1460", "0.194236", "283.58456"),
				priced("Node pool main: Boot disk (pd-ssd)", "GB-months", "40", "0.17", "6.8"),
			},
		},
		{
			name:  "Autopilot: the fee, and workloads the plan does not show",
			attrs: `{"location": "us-central1", "enable_autopilot": true}`,
			want: []line{
				priced("Cluster management fee", "hours", "730", "0.1", fee),
				unpricedUsage("Autopilot workloads", "vCPU-hours", "0", "Autopilot bills the vCPUs and memory pods request, which a plan does not show"),
			},
		},
	})
}

func TestNodePool(t *testing.T) {
	cluster := relatedResource{address: "google_container_cluster.primary", attrs: `{"location": "us-central1", "node_locations": ["us-central1-a", "us-central1-f"]}`}
	runModel(t, "google_container_node_pool", []modelCase{
		{
			// The shared conftest GKE plan's pool: preemptible n1-standard-1,
			// node_count 1 in a regional cluster; disk size and type are
			// known only after apply (GKE's defaults).
			name:    "preemptible pool of a regional cluster",
			attrs:   `{"cluster": "my-gke-cluster", "location": "us-central1", "node_count": 1, "autoscaling": [], "node_config": [{"machine_type": "n1-standard-1", "preemptible": true}]}`,
			unknown: `{"node_config": [{"disk_size_gb": true, "disk_type": true}]}`,
			related: map[string]relatedResource{"cluster": {address: "google_container_cluster.primary", attrs: `{"location": "us-central1"}`, unknown: `{"node_locations": true}`}},
			want: []line{
				priced("Instance usage (n1-standard-1, spot, 3 nodes: 1 per zone in 3 zones, zone count assumed): vCPUs", "vCPU-hours", "2190", "0.01115", "24.4185"),
				priced("Instance usage (n1-standard-1, spot, 3 nodes: 1 per zone in 3 zones, zone count assumed): memory", "GB-hours", "8212.5", "0.001494", "12.269475"),
				priced("Boot disk (pd-balanced, type assumed, size assumed)", "GB-months", "300", "0.1", "30"),
			},
		},
		{
			name:    "autoscaling minimum in the cluster's zones",
			attrs:   `{"cluster": "c", "location": "us-central1", "autoscaling": [{"min_node_count": 2, "max_node_count": 5}], "node_config": [{"machine_type": "e2-standard-2", "disk_size_gb": 30, "disk_type": "pd-standard", "local_ssd_count": 1}]}`,
			related: map[string]relatedResource{"cluster": cluster},
			want: []line{
				priced("Instance usage (e2-standard-2, on-demand, 4 nodes, the autoscaling minimum: 2 per zone in 2 zones)", "hours", "2920", "0.06701142", "195.6733464"),
				priced("Boot disk (pd-standard)", "GB-months", "120", "0.04", "4.8"),
				priced("Local SSD", "GB-months", "1500", "0.08", "120"),
			},
		},
		{
			name:  "total autoscaling minimum, own node_locations",
			attrs: `{"location": "us-central1", "node_locations": ["us-central1-a"], "autoscaling": [{"total_min_node_count": 3}], "node_config": [{"machine_type": "n2-standard-2", "spot": true, "disk_size_gb": 10, "disk_type": "pd-standard", "guest_accelerator": [{"type": "nvidia-tesla-t4", "count": 2}]}]}`,
			want: []line{
				unpriced("Instance usage (n2-standard-2, spot, 3 nodes, the autoscaling minimum): vCPUs", "vCPU-hours", "4380", "no gcp-compute price for spot/n2/vcpu in us-central1 in the catalog"),
				unpriced("Instance usage (n2-standard-2, spot, 3 nodes, the autoscaling minimum): memory", "GB-hours", "17520", "no gcp-compute price for spot/n2/ram in us-central1 in the catalog"),
				priced("Boot disk (pd-standard)", "GB-months", "30", "0.04", "1.2"),
				unpriced("GPUs (nvidia-tesla-t4)", "hours", "4380", "GPU prices are not in the catalog"),
			},
		},
		{
			name:  "zonal pool, Windows nodes",
			attrs: `{"location": "us-central1-c", "initial_node_count": 1, "node_config": [{"machine_type": "n2-standard-2", "image_type": "WINDOWS_LTSC_CONTAINERD", "disk_size_gb": 100, "disk_type": "pd-balanced"}]}`,
			want: []line{
				priced("Instance usage (n2-standard-2, on-demand, 1 node)", "hours", "730", "0.097118", "70.89614"),
				priced("Boot disk (pd-balanced)", "GB-months", "100", "0.1", "10"),
				unpriced("Licence (Windows Server image)", "hours", "730", "licence fees of premium images are not in the catalog"),
			},
		},
		{
			name:    "node count known only after apply",
			attrs:   `{"location": "us-central1-c", "node_config": [{"machine_type": "n2-standard-2", "disk_size_gb": 10, "disk_type": "pd-standard"}]}`,
			unknown: `{"node_count": true, "initial_node_count": true}`,
			want: []line{
				unpriced("Instance usage (n2-standard-2, on-demand)", "hours", "730", "node_count is known only after apply"),
				unpriced("Boot disk (pd-standard)", "GB-months", "10", "node_count is known only after apply"),
			},
		},
	})
}
