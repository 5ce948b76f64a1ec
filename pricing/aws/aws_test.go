package aws_test

import (
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
// docs.
func TestModelsDocumentUsage(t *testing.T) {
	pricingtest.CheckUsageDocumented(t, aws.Models())
}

// FuzzModels feeds arbitrary attribute values to every model, seeded with
// values of the wrong type and size for each kind of resource.
func FuzzModels(f *testing.F) {
	seeds := []string{
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
	}
	usageValues := pricing.Usage(pricingtest.DecodeJSON(f, `{"monthly_requests": 1000, "request_duration_ms": 20, "operating_system": "windows",
		"storage_gb": 100, "capacity_units": 1.5, "average_acus": 2, "monthly_data_processed_gb": 2000000}`))
	pricingtest.FuzzModels(f, pricingtest.Fuzz{
		Models: aws.Models(),
		Seeds:  seeds,
		Prices: prices,
		Region: "us-east-1",
		Usage:  usageValues,
		// The same values stand in for every related resource too.
		Related: pricing.Resource{Address: "aws_launch_template.x"},
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
	reg := pricing.NewRegistry(aws.Models(), nil)
	var models []pricing.Model
	for _, typ := range serviceTypes {
		m, ok := reg.Model(typ)
		if !ok {
			t.Errorf("no model for %s", typ)
			continue
		}
		models = append(models, m)
	}
	pricingtest.CheckNeverSilentZero(t, models, "us-east-1")
}
