package aws_test

import "testing"

func TestEKSCluster(t *testing.T) {
	runModel(t, "aws_eks_cluster", []modelCase{
		{
			name:  "control plane",
			attrs: `{"name": "prod", "version": "1.31"}`,
			want:  []line{priced("EKS cluster", "hours", "730", "0.1", "73")},
		},
		{
			name:   "region without a price",
			region: "eu-west-1",
			attrs:  `{"name": "prod"}`,
			want: []line{unpriced("EKS cluster", "hours", "730",
				"no aws-eks price for cluster in eu-west-1 in the catalog (priced in us-east-1)")},
		},
	})
}

func TestEKSNodeGroup(t *testing.T) {
	runModel(t, "aws_eks_node_group", []modelCase{
		{
			// EKS's defaults: t3.medium nodes with 20 GB gp2 disks.
			name:    "defaults",
			attrs:   `{"scaling_config": [{"desired_size": 2, "min_size": 1, "max_size": 3}], "launch_template": []}`,
			unknown: `{"instance_types": true, "disk_size": true, "capacity_type": true, "ami_type": true}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.medium assumed)", "hours", "1460", "0.0416", "60.736"),
				usage("CPU credits", "vCPU-hours", "0", "0.05", "0"),
				priced("Root volume: Storage (general purpose SSD, gp2, 20 GB assumed)", "GB", "40", "0.1", "4"),
			},
		},
		{
			name: "instance type and disk size",
			attrs: `{"scaling_config": [{"desired_size": 3}], "instance_types": ["m5.xlarge", "m5.large"],
				"disk_size": 50, "capacity_type": "ON_DEMAND", "ami_type": "AL2_x86_64"}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.xlarge)", "hours", "2190", "0.192", "420.48"),
				priced("Root volume: Storage (general purpose SSD, gp2)", "GB", "150", "0.1", "15"),
			},
		},
		{
			name:  "spot capacity",
			attrs: `{"scaling_config": [{"desired_size": 2}], "instance_types": ["m5.large"], "disk_size": 20, "capacity_type": "SPOT"}`,
			want: []line{
				unpriced("Instance usage (Linux/UNIX, spot, m5.large)", "hours", "1460", "spot prices are not in the catalog"),
				priced("Root volume: Storage (general purpose SSD, gp2)", "GB", "40", "0.1", "4"),
			},
		},
		{
			name:  "windows nodes",
			attrs: `{"scaling_config": [{"desired_size": 1}], "instance_types": ["t3.medium"], "disk_size": 20, "ami_type": "WINDOWS_CORE_2022_x86_64"}`,
			usage: `{"monthly_cpu_credit_hrs": 10}`,
			want: []line{
				priced("Instance usage (Windows, on-demand, t3.medium)", "hours", "730", "0.06", "43.8"),
				usage("CPU credits", "vCPU-hours", "20", "0.096", "1.92"),
				priced("Root volume: Storage (general purpose SSD, gp2)", "GB", "20", "0.1", "2"),
			},
		},
		{
			name:    "launch template",
			attrs:   `{"scaling_config": [{"desired_size": 1}], "instance_types": [], "launch_template": [{"name": "nodes", "version": "1"}]}`,
			unknown: `{"disk_size": true}`,
			related: map[string]relatedResource{"launch_template": {address: "aws_launch_template.nodes", attrs: `{"instance_type": "m5.large",
				"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"volume_size": 100, "volume_type": "gp3", "iops": 3000}]}]}`}},
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				priced("Root volume: Storage (general purpose SSD, gp3)", "GB", "100", "0.08", "8"),
			},
		},
		{
			name:  "launch template not in the plan, type from the group",
			attrs: `{"scaling_config": [{"desired_size": 1}], "instance_types": ["m5.large"], "launch_template": [{"id": "lt-9"}]}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "8", "0.1", "0.8"),
			},
		},
		{
			name:  "launch template not in the plan, no type",
			attrs: `{"scaling_config": [{"desired_size": 1}], "launch_template": [{"id": "lt-9"}]}`,
			want: []line{
				unpriced("Instance usage", "hours", "730", "launch template lt-9 is not in the plan, so its instance type is unknown"),
				priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "8", "0.1", "0.8"),
			},
		},
		{
			name:    "desired size known only after apply",
			attrs:   `{"scaling_config": [{"min_size": 1}], "instance_types": ["m5.large"]}`,
			unknown: `{"scaling_config": [{"desired_size": true}]}`,
			want: []line{
				unpriced("Instance usage", "hours", "0", "scaling_config.desired_size is known only after apply"),
			},
		},
		{
			name:  "scaled to zero",
			attrs: `{"scaling_config": [{"desired_size": 0}], "instance_types": ["m5.large"]}`,
		},
	})
}
