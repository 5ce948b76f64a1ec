package report_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
	"github.com/tollgate-dev/tollgate/engine/report"
)

// checked builds a failing check result over the sample estimate with
// every kind of finding: blocking deny (hard, and soft not overridden),
// waived deny, deny whose waiver expired, overridden soft deny, advisory
// deny, warn, info; with and without address and location; from rules
// that found nothing and from a rule id no rule declares.
func checked(t *testing.T) *engine.Result {
	t.Helper()
	loc := func(file string, line int) *change.Location { return &change.Location{File: file, Line: line} }
	finding := func(rule string, sev policy.Severity, address, msg string, l *change.Location, pol string) policy.Finding {
		return policy.Finding{Rule: rule, Severity: sev, Address: address, Message: msg, Location: l, Policy: pol}
	}
	active := &gate.Waiver{Rule: "required-tags", Address: "test_instance.sa*", Reason: "legacy host, retiring in Q1", Owner: "platform@example.com", Expires: "2027-01-31", Source: "tollgate.yml:14"}
	expired := &gate.Waiver{Rule: "allowed-instance-types", Address: "test_instance.big", Reason: "load test", Owner: "ops@example.com", Expires: "2025-01-31", Source: "main.tf:40"}
	unused := gate.Waiver{Rule: "required-tags", Address: "test_instance.old*", Reason: "decommissioning", Owner: "ops@example.com", Expires: "2026-12-31", Source: "tollgate.yml:20"}

	types := finding("allowed-instance-types", policy.Deny, "test_instance.big", "test_instance.big uses m5.large, which is not in the allowed instance types", loc("modules/app/main.tf", 7), "policies/instance_types.rego:10")
	types.Title = "Allowed instance types"
	increase := finding("budget-increase", policy.Deny, "", "monthly cost increases by $110.70, over the $100.00 limit", nil, "policies/budget.rego:20")
	total := finding("budget-total", policy.Deny, "", "monthly cost after the change is $336.12, over the $300.00 budget", nil, "policies/budget.rego:10")
	nat := finding("no-nat-gateways", policy.Deny, "test_nat.main", "NAT gateway costs 50% more than a VPC endpoint: review, then approve", loc("network.tf", 3), "policies/custom.rego:9")
	nat.Title = "NAT gateways need review"
	env := finding("required-tags", policy.Deny, "test_instance.new", `test_instance.new is missing required tag "env"`, loc("main.tf", 12), "policies/required_tags.rego:12")
	owner := finding("required-tags", policy.Deny, "test_instance.new", `test_instance.new is missing required tag "owner"`, loc("main.tf", 12), "policies/required_tags.rego:12")
	same := finding("required-tags", policy.Deny, "test_instance.same", `test_instance.same is missing required tag "owner"`, loc("main.tf", 30), "policies/required_tags.rego:12")
	warn := finding("cost-increase", policy.Warn, "test_nat.west", "data processing is usage-based and priced at 0 GB\nset monthly_data_processed_gb in the usage file", nil, "policy/cost.rego:5")
	info := finding("unpriced-resources", policy.Info, "test_widget.x", "has no price: <unsupported resource type> & counts as $0 | unknown", loc("main.tf", 50), "policy/cost.rego:20")

	return &engine.Result{
		Estimate: sample(t),
		Findings: []gate.Judged{
			{Finding: types, Level: gate.Hard, Expired: expired, Blocking: true},
			{Finding: increase, Level: gate.Soft, Overridden: true},
			{Finding: total, Level: gate.Soft, Blocking: true},
			{Finding: nat, Level: gate.Advisory},
			{Finding: env, Level: gate.Hard, Blocking: true},
			{Finding: owner, Level: gate.Hard, Blocking: true},
			{Finding: same, Level: gate.Hard, Waiver: active},
			{Finding: warn, Level: gate.Hard},
			{Finding: info, Level: gate.Hard},
		},
		Waivers: []gate.WaiverUse{
			{Waiver: *active, Status: gate.Active, Findings: 1},
			{Waiver: *expired, Status: gate.Expired},
			{Waiver: unused, Status: gate.Unused},
		},
		Passed: false,
		Rules:  rules(),
	}
}

// rules are the evaluated rules: budget-increase-percent and gp2-volumes
// found nothing; main.warn renames its findings cost-increase.
func rules() []policy.Rule {
	return []policy.Rule{
		{Package: "main", Name: "info", ID: "unpriced-resources", Severity: policy.Info, Policy: "policy/cost.rego:20"},
		{Package: "main", Name: "warn", ID: "main", Severity: policy.Warn, Policy: "policy/cost.rego:5"},
		{Package: "tollgate.builtin.budget", Name: "deny_increase", ID: "budget-increase", Severity: policy.Deny, Title: "Budget: monthly increase", Policy: "policies/budget.rego:20"},
		{Package: "tollgate.builtin.budget", Name: "deny_increase_percent", ID: "budget-increase-percent", Severity: policy.Deny, Title: "Budget: monthly increase in percent", Policy: "policies/budget.rego:30"},
		{Package: "tollgate.builtin.budget", Name: "deny_total", ID: "budget-total", Severity: policy.Deny, Title: "Budget: monthly total", Description: "The monthly cost of the whole plan after the change stays under budget.max_monthly_total.", Policy: "policies/budget.rego:10"},
		{Package: "tollgate.builtin.instance_types", Name: "deny", ID: "allowed-instance-types", Severity: policy.Deny, Title: "Allowed instance types", Description: "Instance sizes match budget.instance_types allow globs and no deny glob.", Policy: "policies/instance_types.rego:10"},
		{Package: "tollgate.builtin.required_tags", Name: "deny", ID: "required-tags", Severity: policy.Deny, Title: "Required tags", Description: "Every taggable resource carries the tags the platform team requires.", Policy: "policies/required_tags.rego:12"},
		{Package: "tollgate.builtin.required_tags", Name: "warn", ID: "required-tags", Severity: policy.Warn, Title: "Required tags", Policy: "policies/required_tags.rego:40"},
		{Package: "tollgate.custom", Name: "deny_nat", ID: "no-nat-gateways", Severity: policy.Deny, Title: "NAT gateways need review", Policy: "policies/custom.rego:9"},
		{Package: "tollgate.custom", Name: "warn_gp2", ID: "gp2-volumes", Severity: policy.Warn, Title: "Use gp3 volumes", Policy: "policies/custom.rego:30"},
	}
}

// clean is a passing check result with no findings.
func clean(t *testing.T) *engine.Result {
	return &engine.Result{Estimate: sample(t), Passed: true, Rules: rules()}
}

// renderers are every check output, by golden file suffix.
var renderers = []struct {
	suffix string
	render func(*bytes.Buffer, *engine.Result) error
}{
	{".txt", func(b *bytes.Buffer, r *engine.Result) error { return report.CheckTable(b, r, report.TableOptions{}) }},
	{"-color.txt", func(b *bytes.Buffer, r *engine.Result) error {
		return report.CheckTable(b, r, report.TableOptions{Color: true})
	}},
	{".md", func(b *bytes.Buffer, r *engine.Result) error { return report.CheckMarkdown(b, r) }},
	{".json", func(b *bytes.Buffer, r *engine.Result) error { return report.CheckJSON(b, r) }},
	{".sarif", func(b *bytes.Buffer, r *engine.Result) error {
		return report.SARIF(b, r, report.SARIFOptions{ToolVersion: "1.2.3"})
	}},
	{".junit.xml", func(b *bytes.Buffer, r *engine.Result) error { return report.JUnit(b, r) }},
	{".github.txt", func(b *bytes.Buffer, r *engine.Result) error { return report.GitHub(b, r) }},
}

func TestCheckGolden(t *testing.T) {
	for _, result := range []struct {
		name  string
		build func(*testing.T) *engine.Result
	}{
		{"check", checked},
		{"check-pass", clean},
	} {
		for _, r := range renderers {
			file := result.name + r.suffix
			t.Run(file, func(t *testing.T) {
				// A fresh result each time: rendering must not depend on an
				// earlier rendering of the same result.
				checkGolden(t, file, func(b *bytes.Buffer) error { return r.render(b, result.build(t)) })
			})
		}
	}
}

func TestCheckRenderersRejectMissingEstimate(t *testing.T) {
	for _, r := range renderers {
		for name, res := range map[string]*engine.Result{"nil result": nil, "no estimate": {Passed: true}} {
			t.Run(strings.TrimPrefix(r.suffix, ".")+"/"+name, func(t *testing.T) {
				var b bytes.Buffer
				if err := r.render(&b, res); err == nil {
					t.Error("no error")
				}
			})
		}
	}
}

// TestCheckEstimatePartUnchanged: the check outputs that contain the
// estimate contain it exactly as the estimate renderers write it.
func TestCheckEstimatePartUnchanged(t *testing.T) {
	res := checked(t)
	var est, chk bytes.Buffer
	if err := report.Table(&est, res.Estimate, report.TableOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := report.CheckTable(&chk, res, report.TableOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(chk.Bytes(), est.Bytes()) {
		t.Error("check table does not start with the estimate table")
	}
	est.Reset()
	chk.Reset()
	if err := report.Markdown(&est, res.Estimate); err != nil {
		t.Fatal(err)
	}
	if err := report.CheckMarkdown(&chk, res); err != nil {
		t.Fatal(err)
	}
	body := strings.TrimPrefix(est.String(), "## tollgate cost estimate\n\n")
	if !strings.HasSuffix(chk.String(), "\n### Cost\n\n"+body) {
		t.Error("check markdown does not end with the estimate's body")
	}

	var estDoc, chkDoc map[string]any
	est.Reset()
	chk.Reset()
	if err := report.JSON(&est, res.Estimate); err != nil {
		t.Fatal(err)
	}
	if err := report.CheckJSON(&chk, res); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(est.Bytes(), &estDoc); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(chk.Bytes(), &chkDoc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"passed", "findings", "waivers", "rules"} {
		delete(chkDoc, k)
	}
	if diff := cmp.Diff(estDoc, chkDoc); diff != "" {
		t.Errorf("check JSON's estimate part differs from the estimate document (-estimate +check):\n%s", diff)
	}
}

func TestCheckTableEscapesControlCharacters(t *testing.T) {
	res := clean(t)
	res.Passed = false
	res.Findings = []gate.Judged{{
		Finding:  policy.Finding{Rule: "r", Severity: policy.Deny, Address: "x.y[\"\x1b]0;pwned\x07\"]", Message: "bad\x1b[2Jthing\r\nsecond line"},
		Blocking: true,
	}}
	var b bytes.Buffer
	if err := report.CheckTable(&b, res, report.TableOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, c := range []string{"\x1b", "\x07", "\r"} {
		if strings.Contains(out, c) {
			t.Errorf("output contains control character %q", c)
		}
	}
	for _, want := range []string{`x.y["\x1b]0;pwned\a"]`, `bad\x1b[2Jthing\r`, "      second line\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCheckJSONMatchesSchema(t *testing.T) {
	schema := compileCheckSchema(t)
	for name, build := range map[string]func(*testing.T) *engine.Result{"failing": checked, "passing": clean} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.CheckJSON(&buf, build(t)); err != nil {
				t.Fatal(err)
			}
			doc, err := jsonschema.UnmarshalJSON(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Fatalf("check JSON does not match its schema: %v", err)
			}
		})
	}
}

func TestCheckSchemaRejects(t *testing.T) {
	schema := compileCheckSchema(t)
	estimate := `"version":"1","currency":"USD","priced_as_of":{},"past_total_monthly_cost":"0","total_monthly_cost":"1.5","diff_total_monthly_cost":"1.5","resources":[],"unpriced":[]`
	waiver := `{"rule":"r","address":"*","reason":"why","owner":"me","expires":"2027-01-31","source":"tollgate.yml:3"}`
	doc := func(rest string) string { return "{" + estimate + "," + rest + "}" }
	valid := doc(`"passed":false,"findings":[{"rule":"r","severity":"deny","message":"m","blocking":true,"enforcement":"hard"},{"rule":"r","severity":"deny","message":"m","address":"a.b","location":{"file":"main.tf","line":3},"waiver":` + waiver + `,"blocking":false}],"waivers":[` + strings.TrimSuffix(waiver, "}") + `,"status":"active","findings":1}]`)
	for _, tc := range []struct{ name, doc string }{
		{"missing passed", strings.Replace(valid, `"passed":false,`, "", 1)},
		{"missing findings", doc(`"passed":true,"waivers":[]`)},
		{"bad severity", strings.Replace(valid, `"severity":"deny"`, `"severity":"error"`, 1)},
		{"bad enforcement", strings.Replace(valid, `"enforcement":"hard"`, `"enforcement":"strict"`, 1)},
		{"waived yet blocking", strings.Replace(valid, `"blocking":false`, `"blocking":true`, 1)},
		{"blocking warn", doc(`"passed":false,"findings":[{"rule":"r","severity":"warn","message":"m","blocking":true}],"waivers":[]`)},
		{"waiver without owner", strings.Replace(valid, `"owner":"me",`, "", 1)},
		{"waiver date", strings.Replace(valid, `"expires":"2027-01-31"`, `"expires":"31/01/2027"`, 1)},
		{"active waiver that waived nothing", strings.Replace(valid, `"findings":1`, `"findings":0`, 1)},
		{"unknown field", strings.Replace(valid, `"passed":false`, `"passed":false,"gate":"x"`, 1)},
		{"float money", strings.Replace(valid, `"total_monthly_cost":"1.5"`, `"total_monthly_cost":1.5`, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := jsonschema.UnmarshalJSON(strings.NewReader(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			if schema.Validate(d) == nil {
				t.Error("schema accepted an invalid document")
			}
		})
	}
	d, err := jsonschema.UnmarshalJSON(strings.NewReader(valid))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(d); err != nil {
		t.Errorf("schema rejected a valid document: %v", err)
	}
}

// TestCheckSchemaCoversEstimate: every top-level field of the estimate
// document is a field of the check document, so that adding one to the
// estimate cannot break check's schema unnoticed.
func TestCheckSchemaCoversEstimate(t *testing.T) {
	var est, chk struct {
		Required   []string       `json:"required"`
		Properties map[string]any `json:"properties"`
	}
	if err := json.Unmarshal(report.EstimateSchema, &est); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(report.CheckSchema, &chk); err != nil {
		t.Fatal(err)
	}
	for name := range est.Properties {
		if _, ok := chk.Properties[name]; !ok {
			t.Errorf("check schema lacks the estimate's %q", name)
		}
	}
	for _, name := range est.Required {
		if !slices.Contains(chk.Required, name) {
			t.Errorf("check schema does not require the estimate's %q", name)
		}
	}
}

func compileCheckSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	for _, s := range []struct {
		id  string
		raw []byte
	}{
		{"https://github.com/tollgate-dev/tollgate/engine/report/estimate.schema.json", report.EstimateSchema},
		{"https://github.com/tollgate-dev/tollgate/engine/report/check.schema.json", report.CheckSchema},
	} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(s.raw))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(s.id, doc); err != nil {
			t.Fatal(err)
		}
	}
	schema, err := c.Compile("https://github.com/tollgate-dev/tollgate/engine/report/check.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return schema
}
