package aws_test

import (
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/aws"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

// rootGP2Default is the root volume of an instance that configures none:
// 8 GB of gp2 at 0.10 per GB-month.
var rootGP2Default = priced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "8", "0.1", "0.8")

func TestInstance(t *testing.T) {
	// What an aws_instance with nothing but a type looks like in a plan.
	const computed = `{"ebs_optimized": true, "monitoring": true, "tenancy": true, "root_block_device": true, "ebs_block_device": true}`
	runModel(t, "aws_instance", []modelCase{
		{
			Name:    "linux on-demand with the AMI's root volume",
			Attrs:   `{"instance_type": "m5.large", "root_block_device": [], "ebs_block_device": [], "credit_specification": []}`,
			Unknown: computed,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				rootGP2Default,
			},
		},
		{
			// infracost-example-aws-create.json, aws_instance.web_app.
			Name: "configured root and io1 data volume",
			Attrs: `{"instance_type": "m5.4xlarge", "credit_specification": [],
				"root_block_device": [{"delete_on_termination": true, "volume_size": 50}],
				"ebs_block_device": [{"device_name": "my_data", "iops": 800, "volume_size": 1000, "volume_type": "io1"}]}`,
			Unknown: `{"ebs_optimized": true, "monitoring": true, "tenancy": true,
				"root_block_device": [{"iops": true, "throughput": true, "volume_type": true}],
				"ebs_block_device": [{"throughput": true, "snapshot_id": true}]}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.4xlarge)", "hours", "730", "0.768", "560.64"),
				priced("Root volume: Storage (general purpose SSD, gp2 assumed)", "GB", "50", "0.1", "5"),
				priced("EBS volume my_data: Storage (provisioned IOPS SSD, io1)", "GB", "1000", "0.125", "125"),
				priced("EBS volume my_data: Provisioned IOPS", "IOPS", "800", "0.065", "52"),
			},
		},
		{
			Name:  "windows from the usage file",
			Attrs: `{"instance_type": "m5.large"}`,
			Usage: `{"operating_system": "windows"}`,
			Want: []line{
				priced("Instance usage (Windows, on-demand, m5.large)", "hours", "730", "0.188", "137.24"),
				rootGP2Default,
			},
		},
		{
			Name:  "rhel from the usage file",
			Attrs: `{"instance_type": "m5.large"}`,
			Usage: `{"operating_system": "rhel"}`,
			Want: []line{
				priced("Instance usage (RHEL, on-demand, m5.large)", "hours", "730", "0.16", "116.8"),
				rootGP2Default,
			},
		},
		{
			Name:  "suse from the usage file, any case",
			Attrs: `{"instance_type": "m5.large"}`,
			Usage: `{"operating_system": "SUSE"}`,
			Want: []line{
				priced("Instance usage (SUSE, on-demand, m5.large)", "hours", "730", "0.152", "110.96"),
				rootGP2Default,
			},
		},
		{
			Name:  "operating system the catalog does not know",
			Attrs: `{"instance_type": "m5.large"}`,
			Usage: `{"operating_system": "freebsd"}`,
			Want: []line{
				unpriced("Instance usage (freebsd, on-demand, m5.large)", "hours", "730",
					`operating_system "freebsd" in the usage file is not linux, windows, rhel or suse`),
				rootGP2Default,
			},
		},
		{
			Name:    "instance type known only after apply",
			Attrs:   `{"ami": "ami-1"}`,
			Unknown: `{"instance_type": true}`,
			Want: []line{
				unpriced("Instance usage", "hours", "730", "instance_type is known only after apply"),
				rootGP2Default,
			},
		},
		{
			Name:  "region without the type's price",
			Attrs: `{"instance_type": "m5.large"}`, Region: "ap-south-1",
			Want: []line{
				unpriced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730",
					"no aws-ec2 price for instance/m5.large/linux in ap-south-1 in the catalog (priced in eu-west-1, us-east-1)"),
				unpriced("Root volume: Storage (general purpose SSD, gp2, 8 GB assumed)", "GB", "8",
					"no aws-ebs price for storage/gp2 in ap-south-1 in the catalog (priced in us-east-1)"),
			},
		},
		{
			Name:  "dedicated tenancy",
			Attrs: `{"instance_type": "m5.large", "tenancy": "dedicated"}`,
			Want: []line{
				unpriced("Instance usage (Linux/UNIX, dedicated, m5.large)", "hours", "730", "dedicated tenancy prices are not in the catalog"),
				rootGP2Default,
			},
		},
		{
			Name:  "linux on a dedicated host is billed through the host",
			Attrs: `{"instance_type": "m5.large", "tenancy": "host", "host_id": "h-1"}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, dedicated host, m5.large, billed through the host)", "hours", "730", "0", "0"),
				rootGP2Default,
			},
		},
		{
			Name:  "windows on a dedicated host",
			Attrs: `{"instance_type": "m5.large", "tenancy": "host"}`,
			Usage: `{"operating_system": "windows"}`,
			Want: []line{
				unpriced("Instance usage (Windows, dedicated host, m5.large)", "hours", "730", "licence charges of instances on dedicated hosts are not in the catalog"),
				rootGP2Default,
			},
		},
		{
			Name:  "spot instance",
			Attrs: `{"instance_type": "m5.large", "instance_market_options": [{"market_type": "spot"}]}`,
			Want: []line{
				unpriced("Instance usage (Linux/UNIX, spot, m5.large)", "hours", "730", "spot prices are not in the catalog"),
				rootGP2Default,
			},
		},
		{
			Name:   "gp3 root volume above the baseline",
			Region: "eu-west-1",
			Attrs: `{"instance_type": "m5.large",
				"root_block_device": [{"volume_type": "gp3", "volume_size": 100, "iops": 4000, "throughput": 250}]}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.107", "78.11"),
				priced("Root volume: Storage (general purpose SSD, gp3)", "GB", "100", "0.088", "8.8"),
				priced("Root volume: Provisioned IOPS (above 3,000)", "IOPS", "1000", "0.0055", "5.5"),
				priced("Root volume: Provisioned throughput (above 125 MiB/s)", "MiBps", "125", "0.044", "5.5"),
			},
		},
		{
			Name:    "root size from the AMI",
			Attrs:   `{"instance_type": "m5.large", "root_block_device": [{"volume_type": "gp3"}]}`,
			Unknown: `{"root_block_device": [{"volume_size": true, "iops": true, "throughput": true}]}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				priced("Root volume: Storage (general purpose SSD, gp3, 8 GB assumed)", "GB", "8", "0.08", "0.64"),
			},
		},
		{
			Name: "magnetic root volume with I/O requests",
			Attrs: `{"instance_type": "m5.large",
				"root_block_device": [{"volume_type": "standard", "volume_size": 20}]}`,
			Usage: `{"monthly_standard_io_requests": 5000000}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				priced("Root volume: Storage (magnetic)", "GB", "20", "0.05", "1"),
				usage("Root volume: I/O requests", "1M requests", "5", "0.05", "0.25"),
			},
		},
		{
			Name: "data volume sized by its snapshot",
			Attrs: `{"instance_type": "m5.large",
				"ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": "snap-1", "volume_type": "gp2"}]}`,
			Unknown: `{"ebs_block_device": [{"volume_size": true}]}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				rootGP2Default,
				unpriced("EBS volume /dev/sdf: Storage (general purpose SSD, gp2)", "GB", "0",
					"ebs_block_device.volume_size is known only after apply (the size comes from snapshot snap-1)"),
			},
		},
		{
			Name: "data volumes in device order",
			Attrs: `{"instance_type": "m5.large", "ebs_block_device": [
				{"device_name": "/dev/sdg", "volume_type": "st1", "volume_size": 500},
				{"device_name": "/dev/sdf", "volume_type": "sc1", "volume_size": 1000}]}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				rootGP2Default,
				priced("EBS volume /dev/sdf: Storage (cold HDD, sc1)", "GB", "1000", "0.015", "15"),
				priced("EBS volume /dev/sdg: Storage (throughput optimized HDD, st1)", "GB", "500", "0.045", "22.5"),
			},
		},
		{
			Name:  "EBS optimization charged on an older family",
			Attrs: `{"instance_type": "m3.xlarge", "ebs_optimized": true}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m3.xlarge)", "hours", "730", "0.266", "194.18"),
				priced("EBS-optimized usage", "hours", "730", "0.02", "14.6"),
				rootGP2Default,
			},
		},
		{
			Name:  "EBS optimization included in a current family",
			Attrs: `{"instance_type": "m5.large", "ebs_optimized": true}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				rootGP2Default,
			},
		},
		{
			Name:    "EBS optimization on an unknown type",
			Attrs:   `{"ebs_optimized": true}`,
			Unknown: `{"instance_type": true}`,
			Want: []line{
				unpriced("Instance usage", "hours", "730", "instance_type is known only after apply"),
				unpriced("EBS-optimized usage", "hours", "0", "instance_type is known only after apply"),
				rootGP2Default,
			},
		},
		{
			Name:  "detailed monitoring",
			Attrs: `{"instance_type": "m5.large", "monitoring": true}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, m5.large)", "hours", "730", "0.096", "70.08"),
				priced("EC2 detailed monitoring", "metrics", "7", "0.3", "2.1"),
				rootGP2Default,
			},
		},
		{
			Name:  "t3 is unlimited by default: credits without usage",
			Attrs: `{"instance_type": "t3.medium", "credit_specification": []}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.medium)", "hours", "730", "0.0416", "30.368"),
				usage("CPU credits", "vCPU-hours", "0", "0.05", "0"),
				rootGP2Default,
			},
		},
		{
			// 100 burst hours × 2 vCPUs of a t3.medium.
			Name:  "t3 credits from usage",
			Attrs: `{"instance_type": "t3.medium"}`,
			Usage: `{"monthly_cpu_credit_hrs": 100}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.medium)", "hours", "730", "0.0416", "30.368"),
				usage("CPU credits", "vCPU-hours", "200", "0.05", "10"),
				rootGP2Default,
			},
		},
		{
			Name:  "vcpu_count in the usage file",
			Attrs: `{"instance_type": "t3.large"}`,
			Usage: `{"monthly_cpu_credit_hrs": 10, "vcpu_count": 4}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.large)", "hours", "730", "0.0832", "60.736"),
				usage("CPU credits", "vCPU-hours", "40", "0.05", "2"),
				rootGP2Default,
			},
		},
		{
			Name:  "vCPUs of a 2xlarge",
			Attrs: `{"instance_type": "t3.2xlarge"}`,
			Usage: `{"monthly_cpu_credit_hrs": 10}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.2xlarge)", "hours", "730", "0.3328", "242.944"),
				usage("CPU credits", "vCPU-hours", "80", "0.05", "4"),
				rootGP2Default,
			},
		},
		{
			Name:  "vCPUs of a t4g xlarge",
			Attrs: `{"instance_type": "t4g.xlarge"}`,
			Usage: `{"monthly_cpu_credit_hrs": 10}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t4g.xlarge)", "hours", "730", "0.1344", "98.112"),
				usage("CPU credits", "vCPU-hours", "40", "0.04", "1.6"),
				rootGP2Default,
			},
		},
		{
			Name:  "vCPUs of a t3a nano",
			Attrs: `{"instance_type": "t3a.nano"}`,
			Usage: `{"monthly_cpu_credit_hrs": 10}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3a.nano)", "hours", "730", "0.0047", "3.431"),
				usage("CPU credits", "vCPU-hours", "20", "0.05", "1"),
				rootGP2Default,
			},
		},
		{
			Name:  "burstable size of unknown vCPUs",
			Attrs: `{"instance_type": "t3.8xlarge"}`,
			Want: []line{
				unpriced("Instance usage (Linux/UNIX, on-demand, t3.8xlarge)", "hours", "730", "no aws-ec2 price for instance/t3.8xlarge/linux in us-east-1 in the catalog"),
				unpricedUsage("CPU credits", "vCPU-hours", "0", "vCPU count of t3.8xlarge is not known; set vcpu_count in the usage file"),
				rootGP2Default,
			},
		},
		{
			Name:    "spot instance of a type known only after apply",
			Attrs:   `{"instance_market_options": [{"market_type": "spot"}]}`,
			Unknown: `{"instance_type": true}`,
			Want: []line{
				unpriced("Instance usage (spot)", "hours", "730", "spot prices are not in the catalog"),
				rootGP2Default,
			},
		},
		{
			Name:  "t3 in standard mode",
			Attrs: `{"instance_type": "t3.medium", "credit_specification": [{"cpu_credits": "standard"}]}`,
			Usage: `{"monthly_cpu_credit_hrs": 100}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.medium)", "hours", "730", "0.0416", "30.368"),
				rootGP2Default,
			},
		},
		{
			Name:  "t2 is standard by default",
			Attrs: `{"instance_type": "t2.micro"}`,
			Usage: `{"monthly_cpu_credit_hrs": 100}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t2.micro)", "hours", "730", "0.0116", "8.468"),
				rootGP2Default,
			},
		},
		{
			// 100 burst hours × the one vCPU of a t2.micro.
			Name:  "t2 in unlimited mode",
			Attrs: `{"instance_type": "t2.micro", "credit_specification": [{"cpu_credits": "unlimited"}]}`,
			Usage: `{"monthly_cpu_credit_hrs": 100}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t2.micro)", "hours", "730", "0.0116", "8.468"),
				usage("CPU credits", "vCPU-hours", "100", "0.05", "5"),
				rootGP2Default,
			},
		},
		{
			Name:  "windows credits",
			Attrs: `{"instance_type": "t3.medium"}`,
			Usage: `{"operating_system": "windows", "monthly_cpu_credit_hrs": 10}`,
			Want: []line{
				priced("Instance usage (Windows, on-demand, t3.medium)", "hours", "730", "0.06", "43.8"),
				usage("CPU credits", "vCPU-hours", "20", "0.096", "1.92"),
				rootGP2Default,
			},
		},
		{
			Name:    "credit mode known only after apply",
			Attrs:   `{"instance_type": "t3.medium", "credit_specification": [{}]}`,
			Unknown: `{"credit_specification": [{"cpu_credits": true}]}`,
			Want: []line{
				priced("Instance usage (Linux/UNIX, on-demand, t3.medium)", "hours", "730", "0.0416", "30.368"),
				unpricedUsage("CPU credits", "vCPU-hours", "0", "credit_specification.cpu_credits is known only after apply"),
				rootGP2Default,
			},
		},
		{
			Name:    "type and volumes from the launch template",
			Attrs:   `{"launch_template": [{"name": "app"}], "root_block_device": []}`,
			Unknown: `{"instance_type": true, "root_block_device": true, "launch_template": [{"id": true}]}`,
			Related: map[string]relatedResource{"launch_template": {Address: "aws_launch_template.app", Attrs: `{"instance_type": "t3.large",
				"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"volume_size": 30, "volume_type": "gp3"}]}]}`}},
			Want: []line{
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
	reg := pricing.NewRegistry(aws.Models(), nil)
	for _, tc := range []struct {
		name, attrs, unknown, usage string
		incomplete                  bool
	}{
		{"credit mode unknown, no usage", `{"instance_type": "t3.micro", "credit_specification": [{}]}`, `{"credit_specification": [{"cpu_credits": true}]}`, ``, false},
		{"credit mode unknown, usage given", `{"instance_type": "t3.micro", "credit_specification": [{}]}`, `{"credit_specification": [{"cpu_credits": true}]}`, `{"monthly_cpu_credit_hrs": 10}`, true},
		{"vCPUs unknown, usage given", `{"instance_type": "t3.weird"}`, ``, `{"monthly_cpu_credit_hrs": 10}`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := pricingtest.Resource(t, "aws_instance.x", "us-east-1", tc.attrs, tc.unknown)
			r.Usage = pricing.Usage(pricingtest.DecodeJSON(t, tc.usage))
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
