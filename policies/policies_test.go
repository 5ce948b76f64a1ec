package policies_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tollgate-dev/tollgate/engine/policy"
	"github.com/tollgate-dev/tollgate/engine/settings"
	"github.com/tollgate-dev/tollgate/policies"
)

// TestRego runs the Rego unit tests of the built-in policies and requires
// every line of every policy to be covered by them.
func TestRego(t *testing.T) {
	report, err := policy.Test(context.Background(), []policy.Source{policies.Source()}, policy.TestOptions{
		Schema:   policies.InputSchema,
		Coverage: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(report.Results) == 0 {
		t.Fatal("no Rego tests ran")
	}
	for _, r := range report.Results {
		if r.Pass || r.Skip {
			continue
		}
		msg := r.Location() + ": " + r.Name + " failed"
		if r.Error != "" {
			msg += ": " + r.Error
		}
		if r.Output != "" {
			msg += "\n" + strings.TrimRight(r.Output, "\n")
		}
		t.Error(msg)
	}
	var files []string
	for _, c := range report.Coverage {
		files = append(files, c.File)
		if c.NotCovered > 0 || c.Covered == 0 {
			t.Errorf("%s: %d lines not covered by tests (%.1f%% coverage)", c.File, c.NotCovered, c.Percent)
		}
	}
	want := []string{"builtin/budget.rego", "builtin/instance_types.rego", "builtin/required_tags.rego"}
	if diff := cmp.Diff(want, files); diff != "" {
		t.Errorf("covered policy files mismatch (-want +got):\n%s", diff)
	}
}

// TestRules loads the built-in policies as check does and lists their
// rules: exactly the five documented rule ids, each with a title and a
// description for reports.
func TestRules(t *testing.T) {
	e, err := policy.Load(context.Background(), []policy.Source{policies.Source()}, policy.Options{Schema: policies.InputSchema})
	if err != nil {
		t.Fatal(err)
	}
	type rule struct{ ID, Package, Name, Severity string }
	var got []rule
	for _, r := range e.Rules() {
		got = append(got, rule{r.ID, r.Package, r.Name, string(r.Severity)})
		if r.Title == "" || r.Description == "" {
			t.Errorf("rule %s has no title or description in its METADATA", r.ID)
		}
		if !strings.HasPrefix(r.Policy, "builtin/") {
			t.Errorf("rule %s is defined at %q, want builtin/FILE:ROW", r.ID, r.Policy)
		}
	}
	want := []rule{
		{"budget-increase", "tollgate.builtin.budget", "deny_budget_increase", "deny"},
		{"budget-increase-percent", "tollgate.builtin.budget", "deny_budget_increase_percent", "deny"},
		{"budget-total", "tollgate.builtin.budget", "deny_budget_total", "deny"},
		{"allowed-instance-types", "tollgate.builtin.instance_types", "deny", "deny"},
		{"required-tags", "tollgate.builtin.required_tags", "deny", "deny"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rules mismatch (-want +got):\n%s", diff)
	}
}

// TestDocumentedConfig evaluates the built-in policies with the complete
// tollgate.yml of docs/guardrails.md, read as check reads it, against a
// change that breaks every guardrail: the page's example works as written.
func TestDocumentedConfig(t *testing.T) {
	s, err := settings.Parse("guardrails.md", documentedConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	e, err := policy.Load(context.Background(), []policy.Source{policies.Source()}, policy.Options{
		Schema: policies.InputSchema,
		Data:   s.Data(),
	})
	if err != nil {
		t.Fatal(err)
	}
	findings, err := e.Evaluate(context.Background(), input(t), time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	type finding struct{ Rule, Severity, Address, Message string }
	var got []finding
	for _, f := range findings {
		got = append(got, finding{f.Rule, string(f.Severity), f.Address, f.Message})
	}
	const unpriced = "; 1 resource is not fully priced and its missing cost is not counted"
	want := []finding{
		{"allowed-instance-types", "deny", "aws_db_instance.main", `aws_db_instance.main: instance_class "db.r5.large" is not one of the allowed instance types "t3.*", "m5.*"`},
		{"allowed-instance-types", "deny", "aws_instance.gpu", `aws_instance.gpu: instance_type "p4d.24xlarge" matches the denied instance types "p4d.*"`},
		{"budget-increase", "deny", "", "This change raises the monthly cost by $347.59 (from $1,000.00 to $1,347.59), over the limit of $100.00" + unpriced},
		{"budget-increase-percent", "deny", "", "This change raises the monthly cost by 34.76% ($347.59, from $1,000.00 to $1,347.59), over the limit of 25.00%" + unpriced},
		{"budget-total", "deny", "", "The monthly cost after this change, $1,347.59, is over the budget of $1,000.00" + unpriced},
		{"required-tags", "deny", "aws_instance.gpu", `aws_instance.gpu has tag "env" = "qa", which is not an allowed value: "dev", "staging", "prod"`},
		{"required-tags", "deny", "aws_instance.gpu", `aws_instance.gpu is missing required tag "owner"`},
		{"allowed-instance-types", "warn", "aws_autoscaling_group.workers", "aws_autoscaling_group.workers: mixed_instances_policy[0].launch_template[0].override[1].instance_type is known only after apply and cannot be checked against the allowed instance types"},
		{"required-tags", "warn", "aws_iam_role.deploy", `aws_iam_role.deploy: the value of tag "owner" is known only after apply and cannot be checked`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

// TestNoConfigNoFindings: without tollgate.yml the built-in guardrails
// judge nothing, however the change looks.
func TestNoConfigNoFindings(t *testing.T) {
	e, err := policy.Load(context.Background(), []policy.Source{policies.Source()}, policy.Options{
		Schema: policies.InputSchema,
		Data:   (*settings.Settings)(nil).Data(),
	})
	if err != nil {
		t.Fatal(err)
	}
	findings, err := e.Evaluate(context.Background(), input(t), time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(findings) > 0 {
		t.Errorf("findings without a config: %+v", findings)
	}
}

// TestInputMatchesSchema keeps the test input honest: it is a document
// check could produce.
func TestInputMatchesSchema(t *testing.T) {
	var raw any
	if err := json.Unmarshal(policies.InputSchema, &raw); err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("input.schema.json", raw); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("input.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(readFile(t, "testdata/input.json")))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("testdata/input.json does not match the input schema: %v", err)
	}
}

// documentedConfig is the yaml block under the "complete tollgate.yml"
// heading of docs/guardrails.md.
func documentedConfig(t testing.TB) []byte {
	t.Helper()
	const heading = "## A complete tollgate.yml"
	_, section, ok := strings.Cut(string(readFile(t, "../docs/guardrails.md")), heading)
	blocks := fenced(section, "yaml")
	if !ok || len(blocks) == 0 {
		t.Fatalf("docs/guardrails.md has no yaml block under %q", heading)
	}
	return []byte(blocks[0])
}

func input(t *testing.T) ast.Value {
	t.Helper()
	v, err := ast.ValueFromReader(bytes.NewReader(readFile(t, "testdata/input.json")))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDocumentedPolicy compiles the example policy of docs/guardrails.md
// and runs its example tests.
func TestDocumentedPolicy(t *testing.T) {
	fsys := fstest.MapFS{}
	for i, block := range fenced(string(readFile(t, "../docs/guardrails.md")), "rego") {
		name := fmt.Sprintf("example%d.rego", i)
		if strings.Contains(block, "_test\n") {
			name = fmt.Sprintf("example%d_test.rego", i)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(block)}
	}
	if len(fsys) != 2 {
		t.Fatalf("docs/guardrails.md has %d rego blocks, want a policy and its tests", len(fsys))
	}
	sources := []policy.Source{{Name: "docs", FS: fsys}}
	e, err := policy.Load(context.Background(), sources, policy.Options{Schema: policies.InputSchema})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range e.Rules() {
		ids = append(ids, r.ID+" "+string(r.Severity))
	}
	if diff := cmp.Diff([]string{"dev-nat-gateway deny", "costly-resource warn"}, ids); diff != "" {
		t.Errorf("rules of the documented policy mismatch (-want +got):\n%s", diff)
	}
	report, err := policy.Test(context.Background(), sources, policy.TestOptions{Schema: policies.InputSchema})
	if err != nil {
		t.Fatal(err)
	}
	if len(report.Results) != 2 || report.Failed() {
		t.Errorf("documented tests: %+v, want two passing", report.Results)
	}
}

// fenced returns the contents of the markdown code blocks of a language.
func fenced(doc, lang string) []string {
	var blocks []string
	for {
		_, rest, ok := strings.Cut(doc, "```"+lang+"\n")
		if !ok {
			return blocks
		}
		block, after, _ := strings.Cut(rest, "```")
		blocks = append(blocks, block)
		doc = after
	}
}
