//go:build unix

package policies_test

import (
	"context"
	"fmt"
	"io/fs"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tollgate-dev/tollgate/engine/policy"
	"github.com/tollgate-dev/tollgate/engine/settings"
	"github.com/tollgate-dev/tollgate/policies"
)

// benchConfig configures every built-in guardrail.
const benchConfig = `
required_tags:
  keys: [owner, env]
  values: {env: [dev, staging, prod]}
instance_types:
  allow: ["t3.*", "m5.*", "db.t3.*"]
  deny: ["p4d.*", "x2iedn.*"]
budget: {max_monthly_total: 1000, max_monthly_increase: 100, max_monthly_increase_percent: 25}
`

// benchSizes are the numbers of resources of the synthetic changes.
var benchSizes = []int{1000, 10000}

// BenchmarkEvaluate times the built-in guardrails, all together and each
// alone, on synthetic changes: input conversion excluded, as check
// converts the input once for every policy. "unconfigured" is every
// guardrail without a tollgate.yml: they must cost nothing then.
func BenchmarkEvaluate(b *testing.B) {
	configured, err := settings.Parse("tollgate.yml", []byte(benchConfig))
	if err != nil {
		b.Fatal(err)
	}
	now := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	inputs := map[int]ast.Value{}
	for _, n := range benchSizes {
		if inputs[n], err = ast.InterfaceToValue(syntheticInput(n)); err != nil {
			b.Fatal(err)
		}
	}
	all := []string{"required_tags.rego", "instance_types.rego", "budget.rego"}
	for _, bc := range []struct {
		name     string
		files    []string
		settings *settings.Settings
	}{
		{"all", all, configured},
		{"required_tags", all[:1], configured},
		{"instance_types", all[1:2], configured},
		{"budget", all[2:], configured},
		{"unconfigured", all, nil},
	} {
		fsys := fstest.MapFS{}
		for _, name := range bc.files {
			data, err := fs.ReadFile(policies.Builtin, name)
			if err != nil {
				b.Fatal(err)
			}
			fsys[name] = &fstest.MapFile{Data: data}
		}
		e, err := policy.Load(context.Background(), []policy.Source{{Name: policies.SourceName, FS: fsys}}, policy.Options{
			Schema: policies.InputSchema,
			Data:   bc.settings.Data(),
		})
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range benchSizes {
			b.Run(fmt.Sprintf("%s/%d", bc.name, n), func(b *testing.B) {
				var findings int
				cpu := cpuTime()
				for b.Loop() {
					fs, err := e.Evaluate(context.Background(), inputs[n], now)
					if err != nil {
						b.Fatal(err)
					}
					findings = len(fs)
				}
				b.ReportMetric(float64(findings), "findings")
				// CPU time says more than wall time on a shared CI runner.
				b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
			})
		}
	}
}

// syntheticInput is a change of n resources, most of them created or
// changed, one in a hundred breaking a guardrail, with attribute objects
// the size of real ones.
func syntheticInput(n int) map[string]any {
	// Roughly the mix of real AWS plans: a third of the resources have a
	// size, one in twenty keeps it in a list.
	kinds := []struct {
		typ, attr, size string
	}{
		{"aws_instance", "instance_type", "t3.large"},
		{"aws_instance", "instance_type", "m5.large"},
		{"aws_instance", "instance_type", "t3.micro"},
		{"aws_instance", "instance_type", "m5.xlarge"},
		{"aws_db_instance", "instance_class", "db.t3.large"},
		{"aws_eks_node_group", "instance_types", ""},
		{"aws_ebs_volume", "type", "gp3"},
		{"aws_ebs_volume", "type", "gp3"},
		{"aws_s3_bucket", "bucket", "logs"},
		{"aws_s3_bucket", "bucket", "data"},
		{"aws_lambda_function", "runtime", "python3.12"},
		{"aws_lambda_function", "runtime", "python3.12"},
		{"aws_iam_role", "name", "role"},
		{"aws_iam_role", "name", "role"},
		{"aws_iam_role", "name", "role"},
		{"aws_security_group", "name", "sg"},
		{"aws_security_group", "name", "sg"},
		{"aws_security_group_rule", "type", "ingress"},
		{"aws_lb", "load_balancer_type", "application"},
		{"aws_nat_gateway", "connectivity_type", "public"},
	}
	resources := make([]any, n)
	for i := range resources {
		k := kinds[i%len(kinds)]
		after := map[string]any{}
		for a := range 30 {
			after[fmt.Sprintf("attribute_%d", a)] = fmt.Sprintf("value %d", a)
		}
		after[k.attr] = k.size
		if k.typ == "aws_eks_node_group" {
			after[k.attr] = []any{"m5.large", "m5.xlarge"}
		}
		tags := map[string]any{"owner": "team@example.com", "env": "prod", "managed-by": "terraform"}
		if i%100 == 0 {
			delete(tags, "owner")
			after[k.attr] = "c5.large"
		}
		action := "create"
		if i%7 == 0 {
			action = "no-op"
		}
		resources[i] = map[string]any{
			"address": fmt.Sprintf("%s.r%05d", k.typ, i), "type": k.typ, "name": fmt.Sprintf("r%05d", i),
			"module": "", "provider": "registry.terraform.io/hashicorp/aws", "region": "us-east-1",
			"action": action, "before": nil, "after": after,
			"unknown": []any{"arn", "id", "tags_all.owner"}, "tags": tags, "unknown_tags": []any{},
			"tags_unknown": false, "taggable": k.typ != "aws_security_group_rule",
			"location":     map[string]any{"file": "main.tf", "line": i + 1},
			"monthly_cost": 10, "past_monthly_cost": 0, "diff_monthly_cost": 10,
			"priced": true, "free": false, "components": []any{},
		}
	}
	return map[string]any{
		"version": "1", "currency": "USD", "priced_as_of": map[string]any{},
		"past_total_monthly_cost": 0, "total_monthly_cost": 10 * n, "diff_total_monthly_cost": 10 * n,
		"unpriced": []any{}, "resources": resources,
		"context": map[string]any{"repo": "", "branch": "", "pull_request": 0, "labels": []any{}, "author": "", "commit": ""},
	}
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
