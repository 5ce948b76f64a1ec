package aws_test

import "testing"

func TestEKSCluster(t *testing.T) {
	runModel(t, "aws_eks_cluster", []modelCase{
		{
			Name:  "control plane",
			Attrs: `{"name": "prod", "version": "1.31"}`,
			Want:  []line{priced("EKS cluster", "hours", "730", "0.1", "73")},
		},
		{
			Name:   "region without a price",
			Region: "eu-west-1",
			Attrs:  `{"name": "prod"}`,
			Want: []line{unpriced("EKS cluster", "hours", "730",
				"no aws-eks price for cluster in eu-west-1 in the catalog (priced in us-east-1)")},
		},
	})
}

func TestEKSNodeGroup(t *testing.T) {
	runModel(t, "aws_eks_node_group", []modelCase{
		{
			// EKS's defaults: t3.medium nodes with 20 GB gp2 disks.
			Name:    "defaults",
			Attrs:   `{"scaling_config": [{"desired_size": 2, "min_size": 1, "max_size": 3}], "launch_template": []}`,
			Unknown: `{"instance_types": true, "disk_size": true, "capacity_type": true, "ami_type": true}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.medium assumed)", "hours", "1460", "0.0416", "60.736"),
				usage("CPU credits", "vCPU-hours", "0", "0.05", "0"),
				priced("Root volume: Storage (general purpose SSD, gp2, 20 GB assumed)", "GB", "40", "0.1", "4"),
			},
		},
		{
			Name: "instance type and disk size",
			Attrs: `{"scaling_config": [{"desired_size": 3}], "instance_types": ["m5.xlarge", "m5.large"],
				"disk_size": 50, "capacity_type": "ON_DEMAND", "ami_type": "AL2_x86_64"}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.xlarge)", "hours", "2190", "0.192", "420.48"),
				priced("Root volume: Storage (general purpose SSD, gp2)", "GB", "150", "0.1", "15"),
			},
		},
		{
			Name:  "spot capacity",
			Attrs: `{"scaling_config": [{"desired_size": 2}], "instance_types": ["m5.large"], "disk_size": 20, "capacity_type": "SPOT"}`,
			Want: []line{
				unpriced("Instance usage (Linux/UNIX, spot, m5.large)", "hours", "1460", "spot prices are not in the catalog"),
				priced("Root volume: Storage (general purpose SSD, gp2)", "GB", "40", "0.1", "4"),
			},
		},
		{
			Name:  "windows nodes",
			Attrs: `{"scaling_config": [{"desired_size": 1}], "instance_types": ["t3.medium"], "disk_size": 20, "ami_type": "WINDOWS_CORE_2022_x86_64"}`,
			Usage: `{"monthly_cpu_credit_hrs": 10}`,
			Want: []line{
				priced("Instance usage (Windows, on-demand, t3.medium)", "hours", "730", "0.06", "43.8"),
				usage("CPU credits", "vCPU-hours", "20", "0.096", "1.92"),
				priced("Root volume: Storage (general purpose SSD, gp2)", "GB", "20", "0.1", "2"),
			},
		},
		{
			Name:    "launch template",
			Attrs:   `{"scaling_config": [{"desired_size": 1}], "instance_types": [], "launch_template": [{"name": "nodes", "version": "1"}]}`,
			Unknown: `{"disk_size": true}`,
			Related: map[string]relatedResource{"launch_template": {Address: "aws_launch_template.nodes", Attrs: `{"instance_type": "m5.large",
				"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"volume_size": 100, "volume_type": "gp3", "iops": 3000}]}]}`}},
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				priced("Root volume: Storage (general purpose SSD, gp3)", "GB", "100", "0.08", "8"),
			},
		},
		{
			Name:  "launch template not in the plan, type from the group",
			Attrs: `{"scaling_config": [{"desired_size": 1}], "instance_types": ["m5.large"], "launch_template": [{"id": "lt-9"}]}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "8", "0.1", "0.8"),
			},
		},
		{
			Name:  "launch template not in the plan, no type",
			Attrs: `{"scaling_config": [{"desired_size": 1}], "launch_template": [{"id": "lt-9"}]}`,
			Want: []line{
				unpriced("Instance usage", "hours", "730", "launch template lt-9 is not in the plan, so its instance type is unknown"),
				priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "8", "0.1", "0.8"),
			},
		},
		{
			Name:    "desired size known only after apply",
			Attrs:   `{"scaling_config": [{"min_size": 1}], "instance_types": ["m5.large"]}`,
			Unknown: `{"scaling_config": [{"desired_size": true}]}`,
			Want: []line{
				unpriced("Instance usage", "hours", "0", "scaling_config.desired_size is known only after apply"),
			},
		},
		{
			Name:  "scaled to zero",
			Attrs: `{"scaling_config": [{"desired_size": 0}], "instance_types": ["m5.large"]}`,
		},
	})
}
