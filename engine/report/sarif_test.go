package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
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

// TestSARIFMatchesOfficialSchema validates the output against OASIS's
// SARIF 2.1.0 schema (testdata/README.md says where it comes from), with
// formats (uri, uri-reference) asserted.
func TestSARIFMatchesOfficialSchema(t *testing.T) {
	schema := compileSARIFSchema(t)
	odd := clean(t)
	odd.Passed = false
	odd.Findings = []gate.Judged{{
		Finding: policy.Finding{Rule: "weird id!", Severity: policy.Deny, Address: `module.x["a b"].y.z`, Message: "m",
			Location: &change.Location{File: `modules\a b\main.tf`, Line: 0}},
		Blocking: true,
	}, {
		Finding: policy.Finding{Rule: "abs", Severity: policy.Info, Message: "m", Location: &change.Location{File: "/src/main.tf", Line: 2}},
	}}
	for name, build := range map[string]func(*testing.T) *engine.Result{
		"failing": checked, "passing": clean, "odd paths": func(*testing.T) *engine.Result { return odd },
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.SARIF(&buf, build(t), report.SARIFOptions{}); err != nil {
				t.Fatal(err)
			}
			doc, err := jsonschema.UnmarshalJSON(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Fatalf("SARIF output does not match the SARIF 2.1.0 schema: %v", err)
			}
		})
	}
}

// TestSARIFSchemaRejects shows that the schema test can fail.
func TestSARIFSchemaRejects(t *testing.T) {
	schema := compileSARIFSchema(t)
	var buf bytes.Buffer
	if err := report.SARIF(&buf, checked(t), report.SARIFOptions{}); err != nil {
		t.Fatal(err)
	}
	valid := buf.String()
	for _, tc := range []struct{ name, from, to string }{
		{"bad level", `"level": "error"`, `"level": "fatal"`},
		{"bad version", `"version": "2.1.0"`, `"version": "2.2"`},
		{"zero start line", `"startLine": 7`, `"startLine": 0`},
		{"unknown suppression kind", `"kind": "external"`, `"kind": "yaml"`},
		{"relative information URI", `"informationUri": "https://github.com/tollgate-dev/tollgate"`, `"informationUri": "tollgate"`},
		{"unknown result property", `"ruleIndex": 0,`, `"ruleIndex": 0, "severity": "deny",`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(valid, tc.from) {
				t.Fatalf("output lacks %q", tc.from)
			}
			doc, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(valid, tc.from, tc.to, 1)))
			if err != nil {
				t.Fatal(err)
			}
			if schema.Validate(doc) == nil {
				t.Error("schema accepted an invalid log")
			}
		})
	}
}

// sarifLog is what the tests read back of a SARIF log.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Version string
				Rules   []struct {
					ID                   string
					DefaultConfiguration struct{ Level string }
				}
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation *struct {
					ArtifactLocation struct{ URI, URIBaseID string }
					Region           *struct{ StartLine int }
				}
				LogicalLocations []struct{ FullyQualifiedName string }
			}
			PartialFingerprints map[string]string
			Suppressions        []struct{ Kind, Justification string }
		}
	}
}

func readSARIF(t *testing.T, res *engine.Result, opts report.SARIFOptions) sarifLog {
	t.Helper()
	var buf bytes.Buffer
	if err := report.SARIF(&buf, res, opts); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return log
}

func TestSARIFRulesAndResults(t *testing.T) {
	res := checked(t)
	run := readSARIF(t, res, report.SARIFOptions{}).Runs[0]
	if v := run.Tool.Driver.Version; v != "dev" {
		t.Errorf("version %q without one given, want dev", v)
	}
	seen := map[string]bool{}
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		if seen[r.ID] {
			t.Errorf("rule %q listed twice", r.ID)
		}
		seen[r.ID] = true
		ids = append(ids, r.ID)
	}
	// Every rule id evaluated or found, once, sorted; required-tags has a
	// deny and a warn rule and is an error.
	wantIDs := []string{"allowed-instance-types", "budget-increase", "budget-increase-percent", "budget-total", "cost-increase", "gp2-volumes", "main", "no-nat-gateways", "required-tags", "unpriced-resources"}
	if diff := cmp.Diff(wantIDs, ids); diff != "" {
		t.Errorf("rule ids (-want +got):\n%s", diff)
	}
	if len(run.Results) != len(res.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(res.Findings))
	}
	type row struct {
		Rule, Level, Where, Suppression string
	}
	var got []row
	fingerprints := map[string]bool{}
	for i, r := range run.Results {
		if rule := run.Tool.Driver.Rules[r.RuleIndex]; rule.ID != r.RuleID {
			t.Errorf("result %d: ruleIndex %d is %q, not %q", i, r.RuleIndex, rule.ID, r.RuleID)
		}
		if r.RuleID == "required-tags" && run.Tool.Driver.Rules[r.RuleIndex].DefaultConfiguration.Level != "error" {
			t.Error("required-tags is not an error by default")
		}
		fp := r.PartialFingerprints["tollgateFinding/v1"]
		if fp == "" || fingerprints[fp] {
			t.Errorf("result %d: fingerprint %q missing or not unique", i, fp)
		}
		fingerprints[fp] = true
		rw := row{Rule: r.RuleID, Level: r.Level}
		for _, l := range r.Locations {
			if p := l.PhysicalLocation; p != nil {
				rw.Where = p.ArtifactLocation.URIBaseID + "/" + p.ArtifactLocation.URI
				if p.Region != nil {
					rw.Where += ":" + strconv.Itoa(p.Region.StartLine)
				}
			}
			for _, ll := range l.LogicalLocations {
				rw.Where += " " + ll.FullyQualifiedName
			}
		}
		for _, s := range r.Suppressions {
			rw.Suppression = s.Kind + ": " + s.Justification
		}
		got = append(got, rw)
	}
	want := []row{
		{"allowed-instance-types", "error", "%SRCROOT%/modules/app/main.tf:7 test_instance.big", ""},
		{"budget-increase", "warning", "", ""}, // overridden
		{"budget-total", "error", "", ""},
		{"no-nat-gateways", "warning", "%SRCROOT%/network.tf:3 test_nat.main", ""}, // advisory
		{"required-tags", "error", "%SRCROOT%/main.tf:12 test_instance.new", ""},
		{"required-tags", "error", "%SRCROOT%/main.tf:12 test_instance.new", ""},
		{"required-tags", "error", "%SRCROOT%/main.tf:30 test_instance.same", "external: legacy host, retiring in Q1"},
		{"cost-increase", "warning", " test_nat.west", ""},
		{"unpriced-resources", "note", "%SRCROOT%/main.tf:50 test_widget.x", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
}

func TestSARIFSuppressionKind(t *testing.T) {
	for _, tc := range []struct{ source, want string }{
		{"tollgate.yml:12", "external"},
		{"main.tf:4", "inSource"},
		{"modules/app/main.tf.json:9", "inSource"},
		{"", "external"},
	} {
		t.Run(tc.source, func(t *testing.T) {
			res := clean(t)
			res.Findings = []gate.Judged{{
				Finding: policy.Finding{Rule: "r", Severity: policy.Deny, Message: "m"},
				Waiver:  &gate.Waiver{Rule: "r", Address: "*", Reason: "why", Owner: "me", Expires: "2030-01-01", Source: tc.source},
			}}
			run := readSARIF(t, res, report.SARIFOptions{ToolVersion: "v9"}).Runs[0]
			if v := run.Tool.Driver.Version; v != "v9" {
				t.Errorf("version %q, want v9", v)
			}
			if s := run.Results[0].Suppressions; len(s) != 1 || s[0].Kind != tc.want {
				t.Errorf("suppressions %+v, want one of kind %s", s, tc.want)
			}
		})
	}
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSARIFArtifactURIs(t *testing.T) {
	for _, tc := range []struct{ file, uri, base string }{
		{"main.tf", "main.tf", "%SRCROOT%"},
		{"modules/app/main.tf", "modules/app/main.tf", "%SRCROOT%"},
		{`modules\a b\main.tf`, "modules/a%20b/main.tf", "%SRCROOT%"},
		{"a#b%.tf", "a%23b%25.tf", "%SRCROOT%"},
		{"a:b.tf", "./a:b.tf", "%SRCROOT%"}, // not a scheme
		{"/src/main.tf", "file:///src/main.tf", ""},
	} {
		t.Run(tc.file, func(t *testing.T) {
			res := clean(t)
			res.Findings = []gate.Judged{{Finding: policy.Finding{Rule: "r", Severity: policy.Info, Message: "m", Location: &change.Location{File: tc.file, Line: 1}}}}
			locs := readSARIF(t, res, report.SARIFOptions{}).Runs[0].Results[0].Locations
			if len(locs) != 1 || locs[0].PhysicalLocation == nil {
				t.Fatalf("locations %+v, want one physical location", locs)
			}
			got := locs[0].PhysicalLocation.ArtifactLocation
			if got.URI != tc.uri || got.URIBaseID != tc.base {
				t.Errorf("uri %q base %q, want %q base %q", got.URI, got.URIBaseID, tc.uri, tc.base)
			}
		})
	}
}
