package aws_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/aws"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

// computePrices are list prices typed in from ../shared/pricing/aws; each
// line names its file and row. The few not in those files say where they
// come from.
var computePrices = pricingtest.Catalog{
	// ec2_ondemand_hourly_by_region.tsv, row <type> <region>, column linux/windows/rhel/sles.
	"aws-ec2 us-east-1 instance/m5.large/linux":    "0.096",
	"aws-ec2 us-east-1 instance/m5.large/windows":  "0.188",
	"aws-ec2 us-east-1 instance/m5.large/rhel":     "0.16",
	"aws-ec2 us-east-1 instance/m5.large/suse":     "0.152",
	"aws-ec2 eu-west-1 instance/m5.large/linux":    "0.107",
	"aws-ec2 us-east-1 instance/m5.xlarge/linux":   "0.192",
	"aws-ec2 us-east-1 instance/m5.4xlarge/linux":  "0.768",
	"aws-ec2 us-east-1 instance/m3.xlarge/linux":   "0.266",
	"aws-ec2 us-east-1 instance/t2.micro/linux":    "0.0116",
	"aws-ec2 us-east-1 instance/t3.medium/linux":   "0.0416",
	"aws-ec2 us-east-1 instance/t3.medium/windows": "0.06",
	"aws-ec2 us-east-1 instance/t3.large/linux":    "0.0832",
	"aws-ec2 us-east-1 instance/t3.2xlarge/linux":  "0.3328",
	"aws-ec2 us-east-1 instance/t3a.nano/linux":    "0.0047",
	"aws-ec2 us-east-1 instance/t4g.xlarge/linux":  "0.1344",
	// infracost_prices_unique.tsv, aws_instance "EBS-optimized usage" (the
	// row does not name the type).
	"aws-ec2 us-east-1 ebs-optimized/m3.xlarge": "0.02",
	// infracost_prices_unique.tsv, aws_instance "CPU credits" us-east-1.
	"aws-ec2 us-east-1 cpu-credit/t2/linux": "0.05",
	"aws-ec2 us-east-1 cpu-credit/t3/linux": "0.05",
	// AWS T3 pricing page, Windows surplus credits (not in ../shared).
	"aws-ec2 us-east-1 cpu-credit/t3/windows": "0.096",
	// AWS T3a and T4g pricing pages (not in ../shared).
	"aws-ec2 us-east-1 cpu-credit/t3a/linux": "0.05",
	"aws-ec2 us-east-1 cpu-credit/t4g/linux": "0.04",
	// infracost_prices_unique.tsv, aws_instance "EC2 detailed monitoring".
	"aws-cloudwatch us-east-1 metric": "0.3",
	// infracost_prices_unique.tsv, aws_ebs_volume rows, us-east-1.
	"aws-ebs us-east-1 storage/gp2":          "0.1",
	"aws-ebs us-east-1 storage/gp3":          "0.08",
	"aws-ebs us-east-1 storage/io1":          "0.125",
	"aws-ebs us-east-1 storage/io2":          "0.125",
	"aws-ebs us-east-1 storage/st1":          "0.045",
	"aws-ebs us-east-1 storage/sc1":          "0.015",
	"aws-ebs us-east-1 storage/standard":     "0.05",
	"aws-ebs us-east-1 iops/io1":             "0.065",
	"aws-ebs us-east-1 iops/gp3":             "0.005",
	"aws-ebs us-east-1 throughput/gp3":       "0.04",
	"aws-ebs us-east-1 io-requests/standard": "0.05",
	"aws-ebs us-east-1 snapshot/standard":    "0.05", // aws_ebs_snapshot "EBS snapshot storage"
	// terracost_eu-west-1_2023-02-23_non_instance_ondemand.tsv, usagetype EU-EBS:*.
	"aws-ebs eu-west-1 storage/gp3":       "0.088",   // VolumeUsage.gp3
	"aws-ebs eu-west-1 storage/io2":       "0.138",   // VolumeUsage.io2
	"aws-ebs eu-west-1 iops/gp3":          "0.0055",  // VolumeP-IOPS.gp3
	"aws-ebs eu-west-1 throughput/gp3":    "0.044",   // VolumeP-Throughput.gp3, 45.056 per GiBps-month / 1024
	"aws-ebs eu-west-1 iops/io2/tier1":    "0.072",   // VolumeP-IOPS.io2
	"aws-ebs eu-west-1 iops/io2/tier2":    "0.0504",  // VolumeP-IOPS.io2.tier2
	"aws-ebs eu-west-1 iops/io2/tier3":    "0.03528", // VolumeP-IOPS.io2.tier3
	"aws-ebs eu-west-1 snapshot/archive":  "0.0125",  // SnapshotArchiveStorage
	"aws-ebs eu-west-1 snapshot/standard": "0.05",    // SnapshotUsage
	// infracost_prices_unique.tsv, aws_eks_cluster "EKS cluster".
	"aws-eks us-east-1 cluster": "0.1",
	// infracost_prices_unique.tsv, aws_lambda_function rows, us-east-1.
	"aws-lambda us-east-1 requests":           "0.2",
	"aws-lambda us-east-1 duration/x86/tier1": "0.0000166667", // Duration (first 6B)
	"aws-lambda us-east-1 duration/x86/tier2": "0.000015",     // Duration (next 9B)
	"aws-lambda us-east-1 duration/x86/tier3": "0.0000133334", // Duration (over 15B)
	"aws-lambda us-east-1 duration/arm/tier1": "0.0000133334", // Duration (first 7.5B)
	"aws-lambda us-east-1 duration/arm/tier2": "0.0000120001", // Duration (next 11.25B)
	"aws-lambda us-east-1 duration/arm/tier3": "0.0000106667", // Duration (over 18.75B)
	"aws-lambda us-east-1 ephemeral-storage":  "0.0000000309",
	// infracost_prices_unique.tsv, aws_ecs_service "Per vCPU per hour" 29.55
	// and "Per GB per hour" 3.245 a month are these hourly prices × 730.
	"aws-fargate us-east-1 vcpu/x86":   "0.04048",
	"aws-fargate us-east-1 memory/x86": "0.004445",
	// AWS Fargate pricing page, us-east-1 (not in ../shared).
	"aws-fargate us-east-1 vcpu/arm":          "0.03238",
	"aws-fargate us-east-1 memory/arm":        "0.00356",
	"aws-fargate us-east-1 ephemeral-storage": "0.000111",
}

// computeCase is one priced configuration of a resource type.
type computeCase struct {
	name    string
	region  string // us-east-1 when empty
	attrs   string // attribute values, as in a plan's "after"
	unknown string // the plan's "after_unknown", when needed
	usage   pricing.Usage
	// related are the resources r.Follow finds, by attribute name.
	related map[string]computeRelated
	want    []computeLine
}

type computeRelated struct{ address, attrs, unknown string }

// computeLine is a component as the tests compare it: money and
// quantities as decimal strings.
type computeLine struct {
	Name, Unit, Quantity, UnitPrice, Monthly string
	Unpriced                                 string
	Usage                                    bool
}

func runCompute(t *testing.T, typ string, cases []computeCase) {
	t.Helper()
	var model pricing.Model
	for _, m := range aws.Models() {
		if m.Type == typ {
			model = m
		}
	}
	if model.Price == nil {
		t.Fatalf("no model for %s", typ)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			region := tc.region
			if region == "" {
				region = "us-east-1"
			}
			r := computeResource(t, typ+".test", region, tc.attrs, tc.unknown)
			r.Usage = tc.usage
			r.Related = func(attr string) (pricing.Resource, bool) {
				rel, ok := tc.related[attr]
				if !ok {
					return pricing.Resource{}, false
				}
				return computeResource(t, rel.address, region, rel.attrs, rel.unknown), true
			}
			got := computeLines(model.Price(r, pricing.NewPricer(computePrices, region, tc.usage)))
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("components (-want +got):\n%s", diff)
			}
		})
	}
}

func computeResource(t *testing.T, address, region, attrs, unknown string) pricing.Resource {
	t.Helper()
	typ, _, _ := strings.Cut(address, ".")
	return pricing.Resource{
		Address: address,
		Type:    typ,
		Region:  region,
		Attrs:   pricing.NewAttrs(computeJSON(t, attrs), computeJSON(t, unknown)),
	}
}

func computeJSON(t *testing.T, s string) map[string]any {
	t.Helper()
	if s == "" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("test JSON %s: %v", s, err)
	}
	return m
}

func computeLines(cs []pricing.Component) []computeLine {
	var out []computeLine
	for _, c := range cs {
		out = append(out, computeLine{
			Name: c.Name, Unit: c.Unit,
			Quantity: c.Quantity.String(), UnitPrice: c.UnitPrice.String(), Monthly: c.MonthlyCost.String(),
			Unpriced: c.Unpriced, Usage: c.UsageBased,
		})
	}
	return out
}

// cPriced is a priced component line.
func cPriced(name, unit, quantity, unitPrice, monthly string) computeLine {
	return computeLine{Name: name, Unit: unit, Quantity: quantity, UnitPrice: unitPrice, Monthly: monthly}
}

// cUsage is a priced usage-based component line.
func cUsage(name, unit, quantity, unitPrice, monthly string) computeLine {
	l := cPriced(name, unit, quantity, unitPrice, monthly)
	l.Usage = true
	return l
}

// cUnpriced is a component line without a price.
func cUnpriced(name, unit, quantity, reason string) computeLine {
	return computeLine{Name: name, Unit: unit, Quantity: quantity, UnitPrice: "0", Monthly: "0", Unpriced: reason}
}

func cNum(s string) json.Number { return json.Number(s) }

func TestComputeModelsRegistered(t *testing.T) {
	want := []string{
		"aws_autoscaling_group", "aws_ebs_snapshot", "aws_ebs_volume", "aws_ecs_service",
		"aws_eks_cluster", "aws_eks_node_group", "aws_instance", "aws_lambda_function",
	}
	reg := pricing.NewRegistry(aws.Models(), nil)
	for _, typ := range want {
		m, ok := reg.Model(typ)
		if !ok {
			t.Errorf("%s has no model", typ)
			continue
		}
		for _, k := range m.Usage {
			if k.Description == "" {
				t.Errorf("%s usage key %s has no description", typ, k.Name)
			}
		}
	}
	// Priced through the resources that use them, never on their own.
	for _, typ := range []string{"aws_launch_template", "aws_launch_configuration", "aws_ecs_task_definition", "aws_ecs_cluster"} {
		if _, ok := reg.Model(typ); ok {
			t.Errorf("%s has a model; it costs nothing by itself", typ)
		}
	}
}

// FuzzComputeModels feeds arbitrary attribute values to every compute model:
// whatever a plan holds, a model must not panic, and a component without a
// price must not cost anything.
func FuzzComputeModels(f *testing.F) {
	for _, seed := range []string{
		`{"instance_type": "t3.medium", "credit_specification": [{"cpu_credits": "unlimited"}], "root_block_device": [{"volume_size": "x"}]}`,
		`{"desired_capacity": -1, "launch_template": [{"id": 5}], "mixed_instances_policy": [{"launch_template": "oops"}]}`,
		`{"type": "io2", "size": 1e3, "iops": 99999999999999999999, "throughput": null}`,
		`{"scaling_config": [{"desired_size": 2.5}], "instance_types": [1, 2], "disk_size": "20"}`,
		`{"memory_size": "big", "architectures": "arm64", "ephemeral_storage": {"size": 10240}}`,
		`{"desired_count": 3, "capacity_provider_strategy": [{"capacity_provider": "FARGATE", "weight": -2, "base": 9}]}`,
		`{"cpu": "0.5 vcpu", "memory": "1 gb", "runtime_platform": [{}], "volume_size": [], "storage_tier": 7}`,
	} {
		f.Add(seed)
	}
	types := []string{"aws_instance", "aws_ebs_volume", "aws_ebs_snapshot", "aws_autoscaling_group",
		"aws_eks_cluster", "aws_eks_node_group", "aws_lambda_function", "aws_ecs_service"}
	reg := pricing.NewRegistry(aws.Models(), nil)
	usage := pricing.Usage{"monthly_requests": cNum("1000"), "request_duration_ms": cNum("20"), "operating_system": "windows"}
	f.Fuzz(func(t *testing.T, attrs string) {
		dec := json.NewDecoder(strings.NewReader(attrs))
		dec.UseNumber()
		var values map[string]any
		if dec.Decode(&values) != nil {
			return
		}
		// The same values stand in for every related resource too.
		related := func(string) (pricing.Resource, bool) {
			return pricing.Resource{Address: "aws_launch_template.x", Attrs: pricing.NewAttrs(values, nil)}, true
		}
		for _, typ := range types {
			m, _ := reg.Model(typ)
			r := pricing.Resource{Address: typ + ".x", Type: typ, Region: "us-east-1", Attrs: pricing.NewAttrs(values, nil), Usage: usage, Related: related}
			for _, c := range m.Price(r, pricing.NewPricer(computePrices, "us-east-1", usage)) {
				if c.Name == "" || c.Unit == "" {
					t.Errorf("%s: component without a name or unit: %+v", typ, c)
				}
				if !c.Priced() && !c.MonthlyCost.IsZero() {
					t.Errorf("%s: unpriced component %q costs %s", typ, c.Name, c.MonthlyCost)
				}
			}
		}
	})
}
