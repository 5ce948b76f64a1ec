package aws_test

import (
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/aws"
)

func TestFreeIsNotModelled(t *testing.T) {
	reg := pricing.NewRegistry(aws.Models(), aws.Free)
	for _, typ := range reg.Types() {
		if reg.IsFree(typ) {
			t.Errorf("%s has a cost model and is listed as free", typ)
		}
	}
}

func TestFreeEntries(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range aws.Free {
		if seen[f] {
			t.Errorf("%s is listed twice", f)
		}
		seen[f] = true
		if !strings.HasPrefix(f, "aws_") || strings.Contains(strings.TrimSuffix(f, "*"), "*") {
			t.Errorf("%q: want an aws_ type, or a prefix with one trailing *", f)
		}
	}
}

func TestFree(t *testing.T) {
	reg := pricing.NewRegistry(nil, aws.Free)
	for _, tc := range []struct {
		typ  string
		free bool
	}{
		{"aws_iam_role", true},
		{"aws_iam_policy_attachment", true},
		{"aws_security_group", true},
		{"aws_vpc_security_group_ingress_rule", true},
		{"aws_default_vpc", true},
		{"aws_route", true},
		{"aws_route_table_association", true},
		{"aws_lb_listener", true},
		{"aws_s3_bucket_versioning", true},
		{"aws_kms_alias", true},
		{"aws_launch_template", true},
		// These can cost money on their own: never free.
		{"aws_route53_record", false},
		{"aws_route53_zone", false},
		{"aws_cloudwatch_metric_alarm", false},
		{"aws_cloudwatch_log_metric_filter", false},
		{"aws_ecr_repository", false},
		{"aws_sns_topic", false},
		{"aws_s3_object", false},
		{"aws_s3_bucket_inventory", false},
		{"aws_s3_bucket_analytics_configuration", false},
		{"aws_s3_bucket_replication_configuration", false},
		{"aws_s3_bucket_accelerate_configuration", false},
		{"aws_vpc_endpoint_subnet_association", false},
		{"aws_vpc_peering_connection", false},
		{"aws_flow_log", false},
		{"aws_ssm_parameter", false},
		{"aws_acm_certificate", false},
	} {
		if got := reg.IsFree(tc.typ); got != tc.free {
			t.Errorf("IsFree(%s) = %v, want %v", tc.typ, got, tc.free)
		}
	}
}
