package aws_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/aws"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

func TestModelsRegistered(t *testing.T) {
	want := []string{
		"aws_alb", "aws_autoscaling_group", "aws_cloudwatch_log_group", "aws_db_instance",
		"aws_dynamodb_table", "aws_ebs_snapshot", "aws_ebs_volume", "aws_ecs_service", "aws_eip",
		"aws_eks_cluster", "aws_eks_node_group", "aws_elasticache_cluster",
		"aws_elasticache_replication_group", "aws_elb", "aws_instance", "aws_kms_external_key",
		"aws_kms_key", "aws_lambda_function", "aws_lb", "aws_nat_gateway", "aws_rds_cluster",
		"aws_rds_cluster_instance", "aws_route53_zone", "aws_s3_bucket",
		"aws_secretsmanager_secret", "aws_vpc_endpoint",
	}
	reg := pricing.NewRegistry(aws.Models(), nil)
	if diff := cmp.Diff(want, reg.Types()); diff != "" {
		t.Errorf("modelled types (-want +got):\n%s", diff)
	}
	// Priced through the resources that use them, never on their own.
	for _, typ := range []string{"aws_launch_template", "aws_launch_configuration", "aws_ecs_task_definition", "aws_ecs_cluster"} {
		if _, ok := reg.Model(typ); ok {
			t.Errorf("%s has a model; it costs nothing by itself", typ)
		}
	}
}

// TestModelsDocumentUsage checks what users read in usage-file errors and
// docs: every usage key is snake_case and described.
func TestModelsDocumentUsage(t *testing.T) {
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	for _, m := range aws.Models() {
		seen := map[string]bool{}
		for _, k := range m.Usage {
			if !snake.MatchString(k.Name) || k.Description == "" || seen[k.Name] {
				t.Errorf("%s: usage key %q: want a unique snake_case name with a description", m.Type, k.Name)
			}
			seen[k.Name] = true
		}
	}
}

// FuzzModels feeds arbitrary attribute values to every model: whatever a
// plan holds, a model must not panic, and a component without a price must
// not cost anything.
func FuzzModels(f *testing.F) {
	for _, seed := range []string{
		`{"instance_type": "t3.medium", "credit_specification": [{"cpu_credits": "unlimited"}], "root_block_device": [{"volume_size": "x"}]}`,
		`{"desired_capacity": -1, "launch_template": [{"id": 5}], "mixed_instances_policy": [{"launch_template": "oops"}]}`,
		`{"type": "io2", "size": 1e3, "iops": 99999999999999999999, "throughput": null}`,
		`{"scaling_config": [{"desired_size": 2.5}], "instance_types": [1, 2], "disk_size": "20"}`,
		`{"memory_size": "big", "architectures": "arm64", "ephemeral_storage": {"size": 10240}}`,
		`{"desired_count": 3, "capacity_provider_strategy": [{"capacity_provider": "FARGATE", "weight": -2, "base": 9}]}`,
		`{"cpu": "0.5 vcpu", "memory": "1 gb", "runtime_platform": [{}], "volume_size": [], "storage_tier": 7}`,
		`{"engine": "oracle-ee", "instance_class": "db.t3.micro", "multi_az": true, "storage_type": "gp3", "allocated_storage": "500", "iops": 20000}`,
		`{"engine": "aurora-postgresql", "instance_class": "db.serverless", "storage_type": "aurora-iopt1", "engine_mode": 3}`,
		`{"engine": "memcached", "node_type": "cache.m4.large", "num_cache_nodes": "x", "cluster_mode": [{"num_node_groups": 3}]}`,
		`{"billing_mode": "PROVISIONED", "write_capacity": null, "global_secondary_index": [{"name": 1}], "replica": [{}]}`,
		`{"vpc_endpoint_type": "Interface", "subnet_ids": [null, "subnet-1"], "load_balancer_type": "network"}`,
		`{"customer_master_key_spec": "ECC_NIST_P256", "log_group_class": "INFREQUENT_ACCESS", "public_ipv4_pool": ""}`,
	} {
		f.Add(seed)
	}
	reg := pricing.NewRegistry(aws.Models(), nil)
	usageValues := pricing.Usage(decodeJSON(f, `{"monthly_requests": 1000, "request_duration_ms": 20, "operating_system": "windows",
		"storage_gb": 100, "capacity_units": 1.5, "average_acus": 2, "monthly_data_processed_gb": 2000000}`))
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
		for _, typ := range reg.Types() {
			m, _ := reg.Model(typ)
			r := pricing.Resource{Address: typ + ".x", Type: typ, Region: "us-east-1", Attrs: pricing.NewAttrs(values, nil), Usage: usageValues, Related: related}
			for _, c := range m.Price(r, pricing.NewPricer(prices, "us-east-1", usageValues)) {
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

// serviceTypes are the managed service and networking types of Models.
var serviceTypes = []string{
	"aws_db_instance", "aws_rds_cluster_instance", "aws_rds_cluster",
	"aws_elasticache_cluster", "aws_elasticache_replication_group",
	"aws_dynamodb_table", "aws_s3_bucket", "aws_nat_gateway", "aws_eip",
	"aws_vpc_endpoint", "aws_lb", "aws_alb", "aws_elb",
	"aws_cloudwatch_log_group", "aws_kms_key", "aws_kms_external_key",
	"aws_secretsmanager_secret", "aws_route53_zone",
}

// TestServiceModelsNeverSilentZero prices real plan resources and bare
// resources against an empty catalog: nothing may panic, and every
// component must say why it has no price.
func TestServiceModelsNeverSilentZero(t *testing.T) {
	states := map[string][]pricing.Attrs{}
	for _, typ := range serviceTypes {
		states[typ] = []pricing.Attrs{pricing.NewAttrs(nil, nil)}
	}
	files, _ := filepath.Glob("../../../shared/plans/*.json")
	if len(files) == 0 {
		t.Log("../shared/plans is absent: bare resources only")
	}
	for _, f := range files {
		for typ, attrs := range planStates(t, f) {
			states[typ] = append(states[typ], attrs...)
		}
	}
	n := 0
	for _, typ := range serviceTypes {
		n += len(states[typ])
	}
	t.Logf("%d resource states from %d plans", n-len(serviceTypes), len(files))
	empty := pricingtest.Catalog{}
	for _, typ := range serviceTypes {
		model, ok := modelOf(typ)
		if !ok {
			t.Errorf("no model for %s", typ)
			continue
		}
		for i, a := range states[typ] {
			res := pricing.Resource{Address: typ + ".x", Type: typ, Region: "us-east-1", Attrs: a}
			for _, c := range model.Price(res, pricing.NewPricer(empty, "us-east-1", nil)) {
				if c.Name == "" || c.Unit == "" || c.Unpriced == "" || c.Quantity.IsNegative() {
					t.Errorf("%s state %d: component %+v: want a name, a unit, a reason and a quantity ≥ 0", typ, i, c)
				}
			}
		}
	}
}

// planStates returns the before and after attributes of a plan file's
// resources, by type; files that are not plain JSON are skipped (the plan
// parser's tests cover them).
func planStates(t *testing.T, name string) map[string][]pricing.Attrs {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var plan struct {
		ResourceChanges []struct {
			Type   string
			Change struct {
				Before, After map[string]any
				AfterUnknown  map[string]any `json:"after_unknown"`
			}
		} `json:"resource_changes"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if dec.Decode(&plan) != nil {
		return nil
	}
	out := map[string][]pricing.Attrs{}
	for _, rc := range plan.ResourceChanges {
		if rc.Change.Before != nil {
			out[rc.Type] = append(out[rc.Type], pricing.NewAttrs(rc.Change.Before, nil))
		}
		if rc.Change.After != nil {
			out[rc.Type] = append(out[rc.Type], pricing.NewAttrs(rc.Change.After, rc.Change.AfterUnknown))
		}
	}
	return out
}
