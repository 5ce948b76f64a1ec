package policies_test

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tollgate-dev/tollgate/engine/policy"
	"github.com/tollgate-dev/tollgate/engine/settings"
	"github.com/tollgate-dev/tollgate/policies"
)

// BenchmarkEvaluate times the built-in guardrails, configured as in
// docs/guardrails.md, on synthetic changes: input conversion excluded, as
// check converts the input once for every policy.
func BenchmarkEvaluate(b *testing.B) {
	s, err := settings.Parse("guardrails.md", documentedConfig(b))
	if err != nil {
		b.Fatal(err)
	}
	now := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	inputs := map[int]ast.Value{}
	for _, n := range []int{1000, 10000} {
		if inputs[n], err = ast.InterfaceToValue(syntheticInput(n)); err != nil {
			b.Fatal(err)
		}
	}
	for _, file := range []string{"all", "required_tags.rego", "instance_types.rego", "budget.rego"} {
		fsys := fstest.MapFS{}
		for _, name := range []string{"required_tags.rego", "instance_types.rego", "budget.rego"} {
			if file == "all" || file == name {
				data, err := fs.ReadFile(policies.Builtin, name)
				if err != nil {
					b.Fatal(err)
				}
				fsys[name] = &fstest.MapFile{Data: data}
			}
		}
		e, err := policy.Load(context.Background(), []policy.Source{{Name: policies.SourceName, FS: fsys}}, policy.Options{
			Schema: policies.InputSchema,
			Data:   s.Data(),
		})
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range []int{1000, 10000} {
			b.Run(fmt.Sprintf("%s/%d", strings.TrimSuffix(file, ".rego"), n), func(b *testing.B) {
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

// syntheticInput is a change of n resources, a tenth of them breaking a
// guardrail, with attribute objects the size of real ones.
func syntheticInput(n int) map[string]any {
	kinds := []struct {
		typ, attr, size string
	}{
		{"aws_instance", "instance_type", "t3.large"},
		{"aws_db_instance", "instance_class", "db.t3.large"},
		{"aws_s3_bucket", "bucket", "logs"},
		{"aws_security_group_rule", "type", "ingress"},
		{"aws_eks_node_group", "instance_types", ""},
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
		if i%10 == 0 {
			delete(tags, "owner")
			after["instance_type"] = "c5.large"
		}
		action := "create"
		if i%3 == 0 {
			action = "no-op"
		}
		resources[i] = map[string]any{
			"address": fmt.Sprintf("%s.r%05d", k.typ, i), "type": k.typ, "name": fmt.Sprintf("r%05d", i),
			"module": "", "provider": "registry.terraform.io/hashicorp/aws", "region": "us-east-1",
			"action": action, "before": nil, "after": after,
			"unknown": []any{"arn", "id", "tags_all.owner"}, "tags": tags, "unknown_tags": []any{},
			"tags_unknown": false, "taggable": k.typ != "aws_security_group_rule",
			"location": map[string]any{"file": "main.tf", "line": i + 1},
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
