package aws_test

import (
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/pricing"
)

// rootGP2Default is the root volume of an instance that configures none:
// 8 GB of gp2 at 0.10 per GB-month.
var rootGP2Default = priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "8", "0.1", "0.8")

func TestInstance(t *testing.T) {
	// What an aws_instance with nothing but a type looks like in a plan.
	const computed = `{"ebs_optimized": true, "monitoring": true, "tenancy": true, "root_block_device": true, "ebs_block_device": true}`
	runModel(t, "aws_instance", []modelCase{
		{
			name:    "linux on-demand with the AMI's root volume",
			attrs:   `{"instance_type": "m5.large", "root_block_device": [], "ebs_block_device": [], "credit_specification": []}`,
			unknown: computed,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				rootGP2Default,
			},
		},
		{
			// infracost-example-aws-create.json, aws_instance.web_app.
			name: "configured root and io1 data volume",
			attrs: `{"instance_type": "m5.4xlarge", "credit_specification": [],
				"root_block_device": [{"delete_on_termination": true, "volume_size": 50}],
				"ebs_block_device": [{"device_name": "my_data", "iops": 800, "volume_size": 1000, "volume_type": "io1"}]}`,
			unknown: `{"ebs_optimized": true, "monitoring": true, "tenancy": true,
				"root_block_device": [{"iops": true, "throughput": true, "volume_type": true}],
				"ebs_block_device": [{"throughput": true, "snapshot_id": true}]}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.4xlarge)", "hours", "730", "0.768", "560.64"),
				priced("Root volume: Storage (general purpose SSD, gp2 assumed)", "GB", "50", "0.1", "5"),
				priced("EBS volume my_data: Storage (provisioned IOPS SSD, io1)", "GB", "1000", "0.125", "125"),
				priced("EBS volume my_data: Provisioned IOPS", "IOPS", "800", "0.065", "52"),
			},
		},
		{
			name:  "windows from the usage file",
			attrs: `{"instance_type": "m5.large"}`,
			usage: `{"operating_system": "windows"}`,
			want: []line{
				priced("Instance usage (Windows, on-demand, m5.large)", "hours", "730", "0.188", "137.24"),
				rootGP2Default,
			},
		},
		{
			name:  "rhel from the usage file",
			attrs: `{"instance_type": "m5.large"}`,
			usage: `{"operating_system": "rhel"}`,
			want: []line{
				priced("Instance usage (RHEL, on-demand, m5.large)", "hours", "730", "0.16", "116.8"),
				rootGP2Default,
			},
		},
		{
			name:  "suse from the usage file, any case",
			attrs: `{"instance_type": "m5.large"}`,
			usage: `{"operating_system": "SUSE"}`,
			want: []line{
				priced("Instance usage (SUSE, on-demand, m5.large)", "hours", "730", "0.152", "110.96"),
				rootGP2Default,
			},
		},
		{
			name:  "operating system the catalog does not know",
			attrs: `{"instance_type": "m5.large"}`,
			usage: `{"operating_system": "freebsd"}`,
			want: []line{
				unpriced("Instance usage (freebsd, on-demand, m5.large)", "hours", "730",
					`operating_system "freebsd" in the usage file is not linux, windows, rhel or suse`),
				rootGP2Default,
			},
		},
		{
			name:    "instance type known only after apply",
			attrs:   `{"ami": "ami-1"}`,
			unknown: `{"instance_type": true}`,
			want: []line{
				unpriced("Instance usage", "hours", "730", "instance_type is known only after apply"),
				rootGP2Default,
			},
		},
		{
			name:  "region without the type's price",
			attrs: `{"instance_type": "m5.large"}`, region: "ap-south-1",
			want: []line{
				unpriced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730",
					"no aws-ec2 price for instance/m5.large/linux in ap-south-1 in the catalog (priced in eu-west-1, us-east-1)"),
				unpriced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "8",
					"no aws-ebs price for storage/gp2 in ap-south-1 in the catalog (priced in us-east-1)"),
			},
		},
		{
			name:  "dedicated tenancy",
			attrs: `{"instance_type": "m5.large", "tenancy": "dedicated"}`,
			want: []line{
				unpriced("Instance usage (Linux/UNIX, dedicated, m5.large)", "hours", "730", "dedicated tenancy prices are not in the catalog"),
				rootGP2Default,
			},
		},
		{
			name:  "linux on a dedicated host is billed through the host",
			attrs: `{"instance_type": "m5.large", "tenancy": "host", "host_id": "h-1"}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, dedicated host, m5.large, billed through the host)", "hours", "730", "0", "0"),
				rootGP2Default,
			},
		},
		{
			name:  "windows on a dedicated host",
			attrs: `{"instance_type": "m5.large", "tenancy": "host"}`,
			usage: `{"operating_system": "windows"}`,
			want: []line{
				unpriced("Instance usage (Windows, dedicated host, m5.large)", "hours", "730", "licence charges of instances on dedicated hosts are not in the catalog"),
				rootGP2Default,
			},
		},
		{
			name:  "spot instance",
			attrs: `{"instance_type": "m5.large", "instance_market_options": [{"market_type": "spot"}]}`,
			want: []line{
				unpriced("Instance usage (Linux/UNIX, spot, m5.large)", "hours", "730", "spot prices are not in the catalog"),
				rootGP2Default,
			},
		},
		{
			name:   "gp3 root volume above the baseline",
			region: "eu-west-1",
			attrs: `{"instance_type": "m5.large",
				"root_block_device": [{"volume_type": "gp3", "volume_size": 100, "iops": 4000, "throughput": 250}]}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.107", "78.11"),
				priced("Root volume: Storage (general purpose SSD, gp3)", "GB", "100", "0.088", "8.8"),
				priced("Root volume: Provisioned IOPS (above 3,000)", "IOPS", "1000", "0.0055", "5.5"),
				priced("Root volume: Provisioned throughput (above 125 MiB/s)", "MiBps", "125", "0.044", "5.5"),
			},
		},
		{
			name:    "root size from the AMI",
			attrs:   `{"instance_type": "m5.large", "root_block_device": [{"volume_type": "gp3"}]}`,
			unknown: `{"root_block_device": [{"volume_size": true, "iops": true, "throughput": true}]}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				priced("Root volume: Storage (general purpose SSD, gp3, 8 GB assumed)", "GB", "8", "0.08", "0.64"),
			},
		},
		{
			name: "magnetic root volume with I/O requests",
			attrs: `{"instance_type": "m5.large",
				"root_block_device": [{"volume_type": "standard", "volume_size": 20}]}`,
			usage: `{"monthly_standard_io_requests": 5000000}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				priced("Root volume: Storage (magnetic)", "GB", "20", "0.05", "1"),
				usage("Root volume: I/O requests", "1M requests", "5", "0.05", "0.25"),
			},
		},
		{
			name: "data volume sized by its snapshot",
			attrs: `{"instance_type": "m5.large",
				"ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": "snap-1", "volume_type": "gp2"}]}`,
			unknown: `{"ebs_block_device": [{"volume_size": true}]}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				rootGP2Default,
				unpriced("EBS volume /dev/sdf: Storage (general purpose SSD, gp2)", "GB", "0",
					"ebs_block_device.volume_size is known only after apply (the size comes from snapshot snap-1)"),
			},
		},
		{
			name: "data volumes in device order",
			attrs: `{"instance_type": "m5.large", "ebs_block_device": [
				{"device_name": "/dev/sdg", "volume_type": "st1", "volume_size": 500},
				{"device_name": "/dev/sdf", "volume_type": "sc1", "volume_size": 1000}]}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				rootGP2Default,
				priced("EBS volume /dev/sdf: Storage (cold HDD, sc1)", "GB", "1000", "0.015", "15"),
				priced("EBS volume /dev/sdg: Storage (throughput optimized HDD, st1)", "GB", "500", "0.045", "22.5"),
			},
		},
		{
			name:  "EBS optimization charged on an older family",
			attrs: `{"instance_type": "m3.xlarge", "ebs_optimized": true}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m3.xlarge)", "hours", "730", "0.266", "194.18"),
				priced("EBS-optimized usage", "hours", "730", "0.02", "14.6"),
				rootGP2Default,
			},
		},
		{
			name:  "EBS optimization included in a current family",
			attrs: `{"instance_type": "m5.large", "ebs_optimized": true}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				rootGP2Default,
			},
		},
		{
			name:    "EBS optimization on an unknown type",
			attrs:   `{"ebs_optimized": true}`,
			unknown: `{"instance_type": true}`,
			want: []line{
				unpriced("Instance usage", "hours", "730", "instance_type is known only after apply"),
				unpriced("EBS-optimized usage", "hours", "0", "instance_type is known only after apply"),
				rootGP2Default,
			},
		},
		{
			name:  "detailed monitoring",
			attrs: `{"instance_type": "m5.large", "monitoring": true}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				priced("EC2 detailed monitoring", "metrics", "7", "0.3", "2.1"),
				rootGP2Default,
			},
		},
		{
			name:  "t3 is unlimited by default: credits without usage",
			attrs: `{"instance_type": "t3.medium", "credit_specification": []}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.medium)", "hours", "730", "0.0416", "30.368"),
				usage("CPU credits", "vCPU-hours", "0", "0.05", "0"),
				rootGP2Default,
			},
		},
		{
			// 100 burst hours × 2 vCPUs of a t3.medium.
			name:  "t3 credits from usage",
			attrs: `{"instance_type": "t3.medium"}`,
			usage: `{"monthly_cpu_credit_hrs": 100}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.medium)", "hours", "730", "0.0416", "30.368"),
				usage("CPU credits", "vCPU-hours", "200", "0.05", "10"),
				rootGP2Default,
			},
		},
		{
			name:  "vcpu_count in the usage file",
			attrs: `{"instance_type": "t3.large"}`,
			usage: `{"monthly_cpu_credit_hrs": 10, "vcpu_count": 4}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.large)", "hours", "730", "0.0832", "60.736"),
				usage("CPU credits", "vCPU-hours", "40", "0.05", "2"),
				rootGP2Default,
			},
		},
		{
			name:  "vCPUs of a 2xlarge",
			attrs: `{"instance_type": "t3.2xlarge"}`,
			usage: `{"monthly_cpu_credit_hrs": 10}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.2xlarge)", "hours", "730", "0.3328", "242.944"),
				usage("CPU credits", "vCPU-hours", "80", "0.05", "4"),
				rootGP2Default,
			},
		},
		{
			name:  "vCPUs of a t4g xlarge",
			attrs: `{"instance_type": "t4g.xlarge"}`,
			usage: `{"monthly_cpu_credit_hrs": 10}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t4g.xlarge)", "hours", "730", "0.1344", "98.112"),
				usage("CPU credits", "vCPU-hours", "40", "0.04", "1.6"),
				rootGP2Default,
			},
		},
		{
			name:  "vCPUs of a t3a nano",
			attrs: `{"instance_type": "t3a.nano"}`,
			usage: `{"monthly_cpu_credit_hrs": 10}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3a.nano)", "hours", "730", "0.0047", "3.431"),
				usage("CPU credits", "vCPU-hours", "20", "0.05", "1"),
				rootGP2Default,
			},
		},
		{
			name:  "burstable size of unknown vCPUs",
			attrs: `{"instance_type": "t3.8xlarge"}`,
			want: []line{
				unpriced("Instance usage (Linux/UNIX, on-demand, t3.8xlarge)", "hours", "730", "no aws-ec2 price for instance/t3.8xlarge/linux in us-east-1 in the catalog"),
				unpricedUsage("CPU credits", "vCPU-hours", "0", "vCPU count of t3.8xlarge is not known; set vcpu_count in the usage file"),
				rootGP2Default,
			},
		},
		{
			name:    "spot instance of a type known only after apply",
			attrs:   `{"instance_market_options": [{"market_type": "spot"}]}`,
			unknown: `{"instance_type": true}`,
			want: []line{
				unpriced("Instance usage (spot)", "hours", "730", "spot prices are not in the catalog"),
				rootGP2Default,
			},
		},
		{
			name:  "t3 in standard mode",
			attrs: `{"instance_type": "t3.medium", "credit_specification": [{"cpu_credits": "standard"}]}`,
			usage: `{"monthly_cpu_credit_hrs": 100}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.medium)", "hours", "730", "0.0416", "30.368"),
				rootGP2Default,
			},
		},
		{
			name:  "t2 is standard by default",
			attrs: `{"instance_type": "t2.micro"}`,
			usage: `{"monthly_cpu_credit_hrs": 100}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t2.micro)", "hours", "730", "0.0116", "8.468"),
				rootGP2Default,
			},
		},
		{
			// 100 burst hours × the one vCPU of a t2.micro.
			name:  "t2 in unlimited mode",
			attrs: `{"instance_type": "t2.micro", "credit_specification": [{"cpu_credits": "unlimited"}]}`,
			usage: `{"monthly_cpu_credit_hrs": 100}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t2.micro)", "hours", "730", "0.0116", "8.468"),
				usage("CPU credits", "vCPU-hours", "100", "0.05", "5"),
				rootGP2Default,
			},
		},
		{
			name:  "windows credits",
			attrs: `{"instance_type": "t3.medium"}`,
			usage: `{"operating_system": "windows", "monthly_cpu_credit_hrs": 10}`,
			want: []line{
				priced("Instance usage (Windows, on-demand, t3.medium)", "hours", "730", "0.06", "43.8"),
				usage("CPU credits", "vCPU-hours", "20", "0.096", "1.92"),
				rootGP2Default,
			},
		},
		{
			name:    "credit mode known only after apply",
			attrs:   `{"instance_type": "t3.medium", "credit_specification": [{}]}`,
			unknown: `{"credit_specification": [{"cpu_credits": true}]}`,
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.medium)", "hours", "730", "0.0416", "30.368"),
				unpricedUsage("CPU credits", "vCPU-hours", "0", "credit_specification.cpu_credits is known only after apply"),
				rootGP2Default,
			},
		},
		{
			name:    "type and volumes from the launch template",
			attrs:   `{"launch_template": [{"name": "app"}], "root_block_device": []}`,
			unknown: `{"instance_type": true, "root_block_device": true, "launch_template": [{"id": true}]}`,
			related: map[string]relatedResource{"launch_template": {address: "aws_launch_template.app", attrs: `{"instance_type": "t3.large",
				"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"volume_size": 30, "volume_type": "gp3"}]}]}`}},
			want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.large)", "hours", "730", "0.0832", "60.736"),
				usage("CPU credits", "vCPU-hours", "0", "0.05", "0"),
				priced("Root volume: Storage (general purpose SSD, gp3)", "GB", "30", "0.08", "2.4"),
			},
		},
	})
}

// TestCreditsWithUsageCountAsMissing checks that CPU credits that cannot
// be priced make the instance's cost incomplete only when the usage file
// gives credit hours: without usage the line is 0 whatever its price.
func TestCreditsWithUsageCountAsMissing(t *testing.T) {
	model, _ := modelOf("aws_instance")
	reg := pricing.NewRegistry([]pricing.Model{model}, nil)
	for _, tc := range []struct {
		name, attrs, unknown, usage string
		incomplete                  bool
	}{
		{"credit mode unknown, no usage", `{"instance_type": "t3.micro", "credit_specification": [{}]}`, `{"credit_specification": [{"cpu_credits": true}]}`, ``, false},
		{"credit mode unknown, usage given", `{"instance_type": "t3.micro", "credit_specification": [{}]}`, `{"credit_specification": [{"cpu_credits": true}]}`, `{"monthly_cpu_credit_hrs": 10}`, true},
		{"vCPUs unknown, usage given", `{"instance_type": "t3.weird"}`, ``, `{"monthly_cpu_credit_hrs": 10}`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := resource(t, "aws_instance.x", "us-east-1", tc.attrs, tc.unknown)
			r.Usage = pricing.Usage(decodeJSON(t, tc.usage))
			var credits []string
			for _, reason := range reg.Cost(r, prices).Unpriced() {
				if strings.HasPrefix(reason, "CPU credits") {
					credits = append(credits, reason)
				}
			}
			if got := len(credits) > 0; got != tc.incomplete {
				t.Errorf("CPU credits make the cost incomplete: %v, want %v (reasons %q)", got, tc.incomplete, credits)
			}
		})
	}
}
