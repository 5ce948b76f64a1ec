package policy_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tollgate-dev/tollgate/engine/policy"
)

var schema = func() []byte {
	b, err := os.ReadFile("../../policies/input.schema.json")
	if err != nil {
		panic(err)
	}
	return b
}()

// input is a minimal valid input document with two resources.
const input = `{
	"version": "1", "currency": "USD", "priced_as_of": {},
	"past_total_monthly_cost": 10, "total_monthly_cost": 250.5, "diff_total_monthly_cost": 240.5,
	"unpriced": [], "context": {"repo": "acme/infra", "branch": "main", "pull_request": 7, "labels": ["cost-ok"], "author": "ana", "commit": "abc"},
	"resources": [
		{"address": "aws_instance.web", "type": "aws_instance", "name": "web", "module": "", "provider": "registry.terraform.io/hashicorp/aws",
		 "region": "us-east-1", "action": "create", "before": null, "after": {"instance_type": "p4d.24xlarge"}, "unknown": [], "tags": {},
		 "unknown_tags": [], "taggable": true, "location": {"file": "main.tf", "line": 3}, "monthly_cost": 240.5, "past_monthly_cost": 0,
		 "diff_monthly_cost": 240.5, "priced": true, "free": false, "components": []},
		{"address": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "name": "logs", "module": "", "provider": "registry.terraform.io/hashicorp/aws",
		 "region": "us-east-1", "action": "no-op", "before": {}, "after": {}, "unknown": [], "tags": {"owner": "ana"},
		 "unknown_tags": [], "taggable": true, "location": null, "monthly_cost": 10, "past_monthly_cost": 10,
		 "diff_monthly_cost": 0, "priced": true, "free": false, "components": []}
	]
}`

func load(t *testing.T, files map[string]string, opts policy.Options) (*policy.Engine, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	if opts.Schema == nil {
		opts.Schema = schema
	}
	return policy.Load(context.Background(), []policy.Source{{Name: "policies", FS: fsys}}, opts)
}

func evaluate(t *testing.T, e *policy.Engine) []policy.Finding {
	t.Helper()
	v, err := ast.ValueFromReader(strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	fs, err := e.Evaluate(context.Background(), v, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestRuleContract(t *testing.T) {
	e, err := load(t, map[string]string{
		"cost.rego": `# METADATA
# title: Monthly budget
# description: The change must stay under budget.
# custom:
#   rule: budget
package tollgate.cost

deny contains msg if {
	input.total_monthly_cost > data.tollgate.config.max
	msg := sprintf("total %v is over %v", [input.total_monthly_cost, data.tollgate.config.max])
}

# METADATA
# custom:
#   severity: info
warn_big_spender contains {"msg": "big spender", "address": r.address} if {
	some r in input.resources
	r.monthly_cost > 100
}
`,
		"main.rego": `package main

import rego.v1

deny_forbidden_types contains {"msg": sprintf("%s is a %s", [r.address, r.after.instance_type]), "address": r.address, "rule": "gpu"} if {
	some r in input.resources
	startswith(r.after.instance_type, "p4d")
}

warn contains "labels present" if count(input.context.labels) > 0

info contains {"msg": "custom severity", "severity": "warn"} if true
`,
		"other.rego": `package elsewhere

deny contains "never evaluated: not main or tollgate.*" if true
`,
		"legacy.rego": `package tollgate.legacy

deny[msg] {
	input.context.pull_request == 7
	msg := "v0 syntax still loads"
}
`,
	}, policy.Options{Data: map[string]any{"tollgate": map[string]any{"config": map[string]any{"max": 100}}}})
	if err != nil {
		t.Fatal(err)
	}
	want := []policy.Finding{
		{Rule: "budget", Severity: "deny", Message: "total 250.5 is over 100", Title: "Monthly budget", Description: "The change must stay under budget.", Policy: "policies/cost.rego:8"},
		{Rule: "gpu", Severity: "deny", Message: "aws_instance.web is a p4d.24xlarge", Address: "aws_instance.web", Policy: "policies/main.rego:5"},
		{Rule: "legacy", Severity: "deny", Message: "v0 syntax still loads", Policy: "policies/legacy.rego:3"},
		{Rule: "main", Severity: "warn", Message: "custom severity", Policy: "policies/main.rego:12"},
		{Rule: "main", Severity: "warn", Message: "labels present", Policy: "policies/main.rego:10"},
		{Rule: "big-spender", Severity: "info", Message: "big spender", Address: "aws_instance.web", Title: "Monthly budget", Description: "The change must stay under budget.", Policy: "policies/cost.rego:16"},
	}
	if diff := cmp.Diff(want, evaluate(t, e)); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"typo in an input field", "package main\n\ndeny contains \"x\" if {\n\tcount(input.resorces) > 0\n}\n",
			"policies/p.rego:4: rego_type_error: undefined ref: input.resorces"},
		{"typo in a resource field", "package main\n\ndeny contains r.adress if {\n\tsome r in input.resources\n}\n",
			"policies/p.rego:3: rego_type_error: undefined ref: r.adress"},
		{"network builtin", "package main\n\ndeny contains \"x\" if {\n\thttp.send({\"method\": \"get\", \"url\": \"https://example.com\"})\n}\n",
			"policies/p.rego:4: rego_type_error: undefined function http.send"},
		{"syntax error", "package main\n\ndeny contains if {\n",
			"policies/p.rego:3: rego_parse_error:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load(t, map[string]string{"p.rego": tc.src}, policy.Options{})
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("error = %v, want prefix %q", err, tc.want)
			}
		})
	}
}

func TestStrictBuiltinErrors(t *testing.T) {
	e, err := load(t, map[string]string{"p.rego": "package main\n\ndeny contains x if {\n\tx := sprintf(\"%d\", [to_number(\"not a number\")])\n}\n"}, policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := ast.ValueFromReader(strings.NewReader(input))
	if _, err := e.Evaluate(context.Background(), v, time.Now()); err == nil {
		t.Error("a failing builtin did not make evaluation fail")
	}
}

func TestInjectedClockAndPrint(t *testing.T) {
	var out bytes.Buffer
	e, err := load(t, map[string]string{"p.rego": `package main

deny contains sprintf("year %d", [time.date(time.now_ns())[0]]) if {
	print("checking", count(input.resources), "resources")
}
`}, policy.Options{Print: &out})
	if err != nil {
		t.Fatal(err)
	}
	got := evaluate(t, e)
	if len(got) != 1 || got[0].Message != "year 2026" {
		t.Errorf("findings = %+v, want one saying year 2026", got)
	}
	if want := "policies/p.rego:4: checking 2 resources\n"; out.String() != want {
		t.Errorf("print output = %q, want %q", out.String(), want)
	}
}

func TestForcedRegoVersion(t *testing.T) {
	_, err := load(t, map[string]string{"p.rego": "package main\n\ndeny[msg] { msg := \"v0\" }\n"}, policy.Options{RegoVersion: "v1"})
	if err == nil {
		t.Error("v0 syntax loaded although v1 was forced")
	}
}

func TestPolicyTests(t *testing.T) {
	fsys := fstest.MapFS{
		"cost.rego": {Data: []byte(`package tollgate.cost

deny contains "too expensive" if input.total_monthly_cost > 100

warn contains "unused" if input.version == "never"
`)},
		"cost_test.rego": {Data: []byte(`package tollgate.cost_test

import data.tollgate.cost

test_over_budget if {
	"too expensive" in cost.deny with input as {"total_monthly_cost": 101}
}

test_under_budget if {
	print("checking 99")
	count(cost.deny) == 1 with input as {"total_monthly_cost": 99}
}
`)},
	}
	report, err := policy.Test(context.Background(), []policy.Source{{Name: "p", FS: fsys}}, policy.TestOptions{Schema: schema, Coverage: true})
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		Name, Location, Output string
		Pass                   bool
	}
	var got []result
	for _, r := range report.Results {
		got = append(got, result{r.Name, r.Location(), r.Output, r.Pass})
	}
	want := []result{
		{"tollgate.cost_test.test_over_budget", "p/cost_test.rego:5", "", true},
		{"tollgate.cost_test.test_under_budget", "p/cost_test.rego:9", "checking 99\n", false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("results mismatch (-want +got):\n%s", diff)
	}
	if !report.Failed() {
		t.Error("Failed() is false with a failing test")
	}
	if len(report.Coverage) != 1 || report.Coverage[0].File != "p/cost.rego" || report.Coverage[0].NotCovered == 0 || report.Coverage[0].Covered == 0 {
		t.Errorf("coverage = %+v, want partial coverage of p/cost.rego", report.Coverage)
	}
}

func TestConflictingDefinitions(t *testing.T) {
	_, err := load(t, map[string]string{"p.rego": `package main

# METADATA
# custom:
#   rule: gpu
warn contains "a" if true

# METADATA
# custom:
#   rule: old-types
warn contains "b" if true
`}, policy.Options{})
	want := `policies/p.rego:11: rego_compile_error: main.warn is defined again as rule "old-types" (warn), but policies/p.rego:6 defines it as "gpu" (warn)`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("error = %v, want prefix %q", err, want)
	}
}
