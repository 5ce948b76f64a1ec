package aws_test

import "testing"

func TestAutoscalingGroup(t *testing.T) {
	template := func(attrs string) map[string]relatedResource {
		return map[string]relatedResource{"launch_template": {Address: "aws_launch_template.web", Attrs: attrs}}
	}
	const m5gp3 = `{"instance_type": "m5.large",
		"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"volume_size": 20, "volume_type": "gp3"}]}]}`
	runModel(t, "aws_autoscaling_group", []modelCase{
		{
			// 3 × 730 hours; 3 × 20 GB.
			Name:    "launch template × desired capacity",
			Attrs:   `{"desired_capacity": 3, "min_size": 1, "max_size": 5, "launch_template": [{"version": "$Latest"}]}`,
			Unknown: `{"launch_template": [{"id": true, "name": true}]}`,
			Related: template(m5gp3),
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "2190", "0.096", "210.24"),
				priced("Root volume: Storage (general purpose SSD, gp3)", "GB", "60", "0.08", "4.8"),
			},
		},
		{
			Name:    "min_size when desired capacity is not set",
			Attrs:   `{"min_size": 2, "max_size": 5, "launch_template": [{"id": "lt-1"}]}`,
			Unknown: `{"desired_capacity": true}`,
			Related: template(`{"instance_type": "m5.large"}`),
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large, min_size of 2 assumed)", "hours", "1460", "0.096", "140.16"),
				priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "16", "0.1", "1.6"),
			},
		},
		{
			Name:    "no instances",
			Attrs:   `{"desired_capacity": 0, "min_size": 0, "launch_template": [{"id": "lt-1"}]}`,
			Related: template(m5gp3),
		},
		{
			Name:    "size known only after apply",
			Attrs:   `{"launch_template": [{"id": "lt-1"}]}`,
			Unknown: `{"desired_capacity": true, "min_size": true}`,
			Related: template(m5gp3),
			Want: []line{
				unpriced("Instance usage", "hours", "0", "desired_capacity and min_size are known only after apply"),
			},
		},
		{
			Name:  "launch template not in the plan",
			Attrs: `{"desired_capacity": 2, "launch_template": [{"id": "lt-0123", "name": null}]}`,
			Want: []line{
				unpriced("Instance usage", "hours", "1460", "launch template lt-0123 is not in the plan, so its instance type is unknown"),
			},
		},
		{
			Name:  "template type known only after apply",
			Attrs: `{"desired_capacity": 1, "launch_template": [{"name": "web"}]}`,
			Related: map[string]relatedResource{"launch_template": {Address: "aws_launch_template.web",
				Attrs: `{"block_device_mappings": []}`, Unknown: `{"instance_type": true}`}},
			Want: []line{
				unpriced("Instance usage", "hours", "730", "instance_type of aws_launch_template.web is known only after apply"),
				priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "8", "0.1", "0.8"),
			},
		},
		{
			// Per instance: 50 burst hours × 2 vCPUs; 7 metrics; 30 GB.
			Name:  "launch configuration with monitoring and credits",
			Attrs: `{"desired_capacity": 2, "launch_configuration": "web-lc"}`,
			Usage: `{"monthly_cpu_credit_hrs": 50}`,
			Related: map[string]relatedResource{"launch_configuration": {Address: "aws_launch_configuration.web", Attrs: `{
				"instance_type": "t3.large", "enable_monitoring": true, "ebs_optimized": false,
				"root_block_device": [{"volume_size": 30, "volume_type": "gp2"}], "ebs_block_device": []}`}},
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.large)", "hours", "1460", "0.0832", "121.472"),
				priced("EC2 detailed monitoring", "metrics", "14", "0.3", "4.2"),
				usage("CPU credits", "vCPU-hours", "200", "0.05", "10"),
				priced("Root volume: Storage (general purpose SSD, gp2)", "GB", "60", "0.1", "6"),
			},
		},
		{
			Name:    "launch configuration monitoring is on unless turned off",
			Attrs:   `{"desired_capacity": 1}`,
			Unknown: `{"launch_configuration": true}`,
			Related: map[string]relatedResource{"launch_configuration": {Address: "aws_launch_configuration.web", Attrs: `{"instance_type": "m5.large"}`}},
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				priced("EC2 detailed monitoring", "metrics", "7", "0.3", "2.1"),
				priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "8", "0.1", "0.8"),
			},
		},
		{
			Name:  "launch configuration not in the plan",
			Attrs: `{"desired_capacity": 1, "launch_configuration": "legacy-lc"}`,
			Want: []line{
				unpriced("Instance usage", "hours", "730", "launch configuration legacy-lc is not in the plan, so its instance type is unknown"),
			},
		},
		{
			// 4 instances: a base of 1, then 50 % of 3 rounded up = 2
			// on-demand; 1 spot. The first override picks the type.
			Name: "mixed instances policy",
			Attrs: `{"desired_capacity": 4, "mixed_instances_policy": [{
				"instances_distribution": [{"on_demand_base_capacity": 1, "on_demand_percentage_above_base_capacity": 50}],
				"launch_template": [{"launch_template_specification": [{"launch_template_name": "web"}],
					"override": [{"instance_type": "m5.large"}, {"instance_type": "m5.xlarge"}]}]}]}`,
			Related: map[string]relatedResource{"mixed_instances_policy": {Address: "aws_launch_template.web", Attrs: `{"instance_type": null}`}},
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "2190", "0.096", "210.24"),
				unpriced("Instance usage (Linux/UNIX, spot, m5.large)", "hours", "730", "spot prices are not in the catalog"),
				priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "32", "0.1", "3.2"),
			},
		},
		{
			Name: "mixed instances policy, all on-demand by default",
			Attrs: `{"desired_capacity": 2, "mixed_instances_policy": [{
				"launch_template": [{"launch_template_specification": [{"launch_template_id": "lt-1"}], "override": []}]}]}`,
			Related: map[string]relatedResource{"mixed_instances_policy": {Address: "aws_launch_template.web", Attrs: m5gp3}},
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "1460", "0.096", "140.16"),
				priced("Root volume: Storage (general purpose SSD, gp3)", "GB", "40", "0.08", "3.2"),
			},
		},
		{
			Name: "mixed instances policy template not in the plan",
			Attrs: `{"desired_capacity": 2, "mixed_instances_policy": [{
				"launch_template": [{"launch_template_specification": [{"launch_template_name": "shared"}]}]}]}`,
			Want: []line{
				unpriced("Instance usage", "hours", "1460", "launch template shared is not in the plan, so its instance type is unknown"),
			},
		},
		{
			Name:    "template without a type",
			Attrs:   `{"desired_capacity": 1, "launch_template": [{"name": "web"}]}`,
			Related: template(`{"image_id": "ami-1"}`),
			Want: []line{
				unpriced("Instance usage", "hours", "730", "aws_launch_template.web sets no instance_type"),
				priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "8", "0.1", "0.8"),
			},
		},
		{
			Name:    "min_size and a template not in the plan",
			Attrs:   `{"min_size": 2, "launch_template": [{"name": "shared"}]}`,
			Unknown: `{"desired_capacity": true}`,
			Want: []line{
				unpriced("Instance usage (min_size of 2 assumed)", "hours", "1460", "launch template shared is not in the plan, so its instance type is unknown"),
			},
		},
		{
			Name:  "no launch template or configuration",
			Attrs: `{"desired_capacity": 1}`,
			Want: []line{
				unpriced("Instance usage", "hours", "730", "the group names no launch template or launch configuration"),
			},
		},
		{
			Name:  "spot launch template",
			Attrs: `{"desired_capacity": 2, "launch_template": [{"id": "lt-1"}]}`,
			Related: template(`{"instance_type": "m5.large", "instance_market_options": [{"market_type": "spot"}],
				"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"volume_size": 20, "volume_type": "gp3"}]}]}`),
			Want: []line{
				unpriced("Instance usage (Linux/UNIX, spot, m5.large)", "hours", "1460", "spot prices are not in the catalog"),
				priced("Root volume: Storage (general purpose SSD, gp3)", "GB", "40", "0.08", "3.2"),
			},
		},
		{
			// A mapping for a non-root device leaves the AMI's root volume.
			Name:  "template with monitoring, EBS optimization and a data volume",
			Attrs: `{"desired_capacity": 1, "launch_template": [{"id": "lt-1"}]}`,
			Related: template(`{"instance_type": "m3.xlarge", "ebs_optimized": "true", "monitoring": [{"enabled": true}],
				"block_device_mappings": [{"device_name": "/dev/sdf", "ebs": [{"volume_size": 100, "volume_type": "io1", "iops": 1000}]},
					{"device_name": "/dev/sdb", "virtual_name": "ephemeral0", "ebs": []}]}`),
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m3.xlarge)", "hours", "730", "0.266", "194.18"),
				priced("EBS-optimized usage", "hours", "730", "0.02", "14.6"),
				priced("EC2 detailed monitoring", "metrics", "7", "0.3", "2.1"),
				priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "8", "0.1", "0.8"),
				priced("EBS volume /dev/sdf: Storage (provisioned IOPS SSD, io1)", "GB", "100", "0.125", "12.5"),
				priced("EBS volume /dev/sdf: Provisioned IOPS", "IOPS", "1000", "0.065", "65"),
			},
		},
		{
			Name:  "template mapping without a size",
			Attrs: `{"desired_capacity": 1, "launch_template": [{"id": "lt-1"}]}`,
			Related: template(`{"instance_type": "m5.large", "block_device_mappings": [
				{"device_name": "/dev/sda1", "ebs": [{"volume_type": "gp3"}]},
				{"device_name": "/dev/sdf", "ebs": [{"snapshot_id": "snap-9"}]}]}`),
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				priced("Root volume: Storage (general purpose SSD, gp3, 8 GB assumed)", "GB", "8", "0.08", "0.64"),
				unpriced("EBS volume /dev/sdf: Storage (general purpose SSD, gp2 assumed)", "GB", "0",
					"block_device_mappings.ebs.volume_size is not set (the size comes from snapshot snap-9)"),
			},
		},
		{
			Name:  "template in standard credit mode on dedicated tenancy",
			Attrs: `{"desired_capacity": 2, "launch_template": [{"id": "lt-1"}]}`,
			Usage: `{"monthly_cpu_credit_hrs": 50}`,
			Related: template(`{"instance_type": "t3.large", "ebs_optimized": false,
				"credit_specification": [{"cpu_credits": "standard"}], "placement": [{"tenancy": "dedicated"}]}`),
			Want: []line{
				unpriced("Instance usage (Linux/UNIX, dedicated, t3.large)", "hours", "1460", "dedicated tenancy prices are not in the catalog"),
				priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "16", "0.1", "1.6"),
			},
		},
		{
			Name:  "spot launch configuration without monitoring",
			Attrs: `{"desired_capacity": 3, "launch_configuration": "spot-lc"}`,
			Related: map[string]relatedResource{"launch_configuration": {Address: "aws_launch_configuration.spot", Attrs: `{
				"instance_type": "m5.large", "spot_price": "0.05", "enable_monitoring": false}`}},
			Want: []line{
				unpriced("Instance usage (Linux/UNIX, spot, m5.large)", "hours", "2190", "spot prices are not in the catalog"),
				priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "24", "0.1", "2.4"),
			},
		},
		{
			Name:  "launch configuration type known only after apply",
			Attrs: `{"desired_capacity": 1, "launch_configuration": "lc"}`,
			Related: map[string]relatedResource{"launch_configuration": {Address: "aws_launch_configuration.lc",
				Attrs: `{"enable_monitoring": false}`, Unknown: `{"instance_type": true}`}},
			Want: []line{
				unpriced("Instance usage", "hours", "730", "instance_type of aws_launch_configuration.lc is known only after apply"),
				priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "8", "0.1", "0.8"),
			},
		},
		{
			Name:    "windows from the usage file",
			Attrs:   `{"desired_capacity": 1, "launch_template": [{"id": "lt-1"}]}`,
			Usage:   `{"operating_system": "windows"}`,
			Related: template(m5gp3),
			Want: []line{
				priced("Instance usage (Windows, on-demand, m5.large)", "hours", "730", "0.188", "137.24"),
				priced("Root volume: Storage (general purpose SSD, gp3)", "GB", "20", "0.08", "1.6"),
			},
		},
	})
}
