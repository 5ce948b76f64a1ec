package report_test

import (
	"bytes"
	"encoding/json"
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

// codeQualitySchema is what GitLab documents of a Code Quality report
// (docs.gitlab.com/ci/testing/code_quality, "Code Quality report
// format"): the fields it requires and the severities it knows. Issues
// with a relative path only: GitLab resolves paths against the
// repository.
const codeQualitySchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "array",
  "items": {
    "type": "object",
    "required": ["description", "check_name", "fingerprint", "severity", "location"],
    "properties": {
      "description": {"type": "string", "minLength": 1},
      "check_name": {"type": "string", "minLength": 1},
      "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
      "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
      "location": {
        "type": "object",
        "required": ["path", "lines"],
        "properties": {
          "path": {"type": "string", "minLength": 1, "not": {"pattern": "^(/|\\./|\\.\\./)"}},
          "lines": {
            "type": "object",
            "required": ["begin"],
            "properties": {"begin": {"type": "integer", "minimum": 1}}
          }
        }
      }
    }
  }
}`

// cqIssue is one issue of a rendered report, as a test reads it back.
type cqIssue struct {
	Description string `json:"description"`
	CheckName   string `json:"check_name"`
	Fingerprint string `json:"fingerprint"`
	Severity    string `json:"severity"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
		} `json:"lines"`
	} `json:"location"`
}

func codeQuality(t *testing.T, res *engine.Result, opts report.CodeQualityOptions) []cqIssue {
	t.Helper()
	var b bytes.Buffer
	if err := report.GitLabCodeQuality(&b, res, opts); err != nil {
		t.Fatal(err)
	}
	var issues []cqIssue
	if err := json.Unmarshal(b.Bytes(), &issues); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, b.String())
	}
	return issues
}

func TestGitLabGolden(t *testing.T) {
	for _, tc := range []struct {
		file   string
		build  func(*testing.T) *engine.Result
		render func(*bytes.Buffer, *engine.Result) error
	}{
		{"check.gitlab-codequality.json", checked, func(b *bytes.Buffer, r *engine.Result) error {
			return report.GitLabCodeQuality(b, r, report.CodeQualityOptions{})
		}},
		{"check-root.gitlab-codequality.json", checked, func(b *bytes.Buffer, r *engine.Result) error {
			return report.GitLabCodeQuality(b, r, report.CodeQualityOptions{Root: "infra/prod"})
		}},
		{"check-pass.gitlab-codequality.json", clean, func(b *bytes.Buffer, r *engine.Result) error {
			return report.GitLabCodeQuality(b, r, report.CodeQualityOptions{})
		}},
		{"check.terraform.json", checked, terraform},
		{"check-pass.terraform.json", clean, terraform},
	} {
		t.Run(tc.file, func(t *testing.T) {
			checkGolden(t, tc.file, func(b *bytes.Buffer) error { return tc.render(b, tc.build(t)) })
		})
	}
}

func terraform(b *bytes.Buffer, r *engine.Result) error { return report.TerraformReport(b, r) }

func TestGitLabRenderersRejectMissingEstimate(t *testing.T) {
	for name, res := range map[string]*engine.Result{"nil result": nil, "no estimate": {Passed: true}} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := report.GitLabCodeQuality(&b, res, report.CodeQualityOptions{}); err == nil {
				t.Error("code quality: no error")
			}
			if err := report.TerraformReport(&b, res); err == nil {
				t.Error("terraform: no error")
			}
		})
	}
}

func TestGitLabCodeQualityMatchesSchema(t *testing.T) {
	var raw any
	if err := json.Unmarshal([]byte(codeQualitySchema), &raw); err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("codequality.schema.json", raw); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("codequality.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	noLines := checked(t)
	for i := range noLines.Findings {
		if l := noLines.Findings[i].Location; l != nil {
			noLines.Findings[i].Location = &change.Location{File: "./" + l.File}
		}
	}
	for _, tc := range []struct {
		name string
		res  *engine.Result
		opts report.CodeQualityOptions
	}{
		{"failing", checked(t), report.CodeQualityOptions{}},
		{"passing", clean(t), report.CodeQualityOptions{}},
		{"root", checked(t), report.CodeQualityOptions{Root: "./infra/prod/"}},
		{"locations without lines", noLines, report.CodeQualityOptions{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := report.GitLabCodeQuality(&b, tc.res, tc.opts); err != nil {
				t.Fatal(err)
			}
			doc, err := jsonschema.UnmarshalJSON(&b)
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Fatalf("not a valid Code Quality report: %v", err)
			}
			if n := len(doc.([]any)); n != len(tc.res.Findings) {
				t.Errorf("%d issues for %d findings", n, len(tc.res.Findings))
			}
		})
	}
	// The schema is strict enough to catch what GitLab rejects.
	for name, bad := range map[string]string{
		"no fingerprint": `[{"description":"d","check_name":"c","severity":"major","location":{"path":"main.tf","lines":{"begin":1}}}]`,
		"bad severity":   `[{"description":"d","check_name":"c","fingerprint":"0123456789abcdef0123456789abcdef","severity":"error","location":{"path":"main.tf","lines":{"begin":1}}}]`,
		"no line":        `[{"description":"d","check_name":"c","fingerprint":"0123456789abcdef0123456789abcdef","severity":"major","location":{"path":"main.tf"}}]`,
		"absolute path":  `[{"description":"d","check_name":"c","fingerprint":"0123456789abcdef0123456789abcdef","severity":"major","location":{"path":"/src/main.tf","lines":{"begin":1}}}]`,
	} {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if schema.Validate(doc) == nil {
			t.Errorf("%s: schema accepted it", name)
		}
	}
}

// TestGitLabCodeQualityFingerprints: a finding keeps its fingerprint when
// its block moves, and no two findings of a result share one.
func TestGitLabCodeQualityFingerprints(t *testing.T) {
	before := codeQuality(t, checked(t), report.CodeQualityOptions{})
	moved := checked(t)
	for i := range moved.Findings {
		if l := moved.Findings[i].Location; l != nil {
			moved.Findings[i].Location = &change.Location{File: l.File, Line: l.Line + 40}
		}
	}
	after := codeQuality(t, moved, report.CodeQualityOptions{})
	seen := map[string]bool{}
	for i := range before {
		if before[i].Fingerprint != after[i].Fingerprint {
			t.Errorf("%s: fingerprint changed when its line moved", before[i].Description)
		}
		if before[i].Location.Lines.Begin == after[i].Location.Lines.Begin && before[i].Location.Path != "tollgate.yml" {
			t.Errorf("%s: line did not move", before[i].Description)
		}
		if seen[before[i].Fingerprint] {
			t.Errorf("%s: fingerprint repeats", before[i].Description)
		}
		seen[before[i].Fingerprint] = true
	}

	reworded := checked(t)
	reworded.Findings[0].Message += " (again)"
	if got := codeQuality(t, reworded, report.CodeQualityOptions{}); got[0].Fingerprint == before[0].Fingerprint {
		t.Error("fingerprint did not change with the message")
	}
	rooted := codeQuality(t, checked(t), report.CodeQualityOptions{Root: "infra"})
	if rooted[0].Fingerprint == before[0].Fingerprint {
		t.Error("two roots share a fingerprint")
	}
}

func TestGitLabCodeQualityPaths(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts report.CodeQualityOptions
		loc  *change.Location
		want string
		line int
	}{
		{"repository root", report.CodeQualityOptions{}, &change.Location{File: "main.tf", Line: 3}, "main.tf", 3},
		{"under root", report.CodeQualityOptions{Root: "infra/prod"}, &change.Location{File: "main.tf", Line: 3}, "infra/prod/main.tf", 3},
		{"root with dots and slashes", report.CodeQualityOptions{Root: "./infra/prod/"}, &change.Location{File: "./modules/app/main.tf", Line: 7}, "infra/prod/modules/app/main.tf", 7},
		{"root is dot", report.CodeQualityOptions{Root: "."}, &change.Location{File: "main.tf", Line: 1}, "main.tf", 1},
		{"module outside root", report.CodeQualityOptions{Root: "infra/prod"}, &change.Location{File: "../modules/vpc/main.tf", Line: 9}, "infra/modules/vpc/main.tf", 9},
		{"backslashes", report.CodeQualityOptions{Root: `infra\prod`}, &change.Location{File: `modules\app\main.tf`, Line: 2}, "infra/prod/modules/app/main.tf", 2},
		{"no line", report.CodeQualityOptions{}, &change.Location{File: "main.tf"}, "main.tf", 1},
		{"no location", report.CodeQualityOptions{}, nil, "tollgate.yml", 1},
		{"empty location", report.CodeQualityOptions{}, &change.Location{Line: 4}, "tollgate.yml", 1},
		{"no location under root", report.CodeQualityOptions{Root: "infra/prod"}, nil, "infra/prod/tollgate.yml", 1},
		{"no location, config given", report.CodeQualityOptions{Root: "infra/prod", Unlocated: "config/tollgate.yml"}, nil, "config/tollgate.yml", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := clean(t)
			res.Findings = []gate.Judged{{Finding: policy.Finding{Rule: "r", Severity: policy.Warn, Message: "m", Location: tc.loc}}}
			got := codeQuality(t, res, tc.opts)
			if len(got) != 1 {
				t.Fatalf("%d issues", len(got))
			}
			if got[0].Location.Path != tc.want || got[0].Location.Lines.Begin != tc.line {
				t.Errorf("at %s:%d, want %s:%d", got[0].Location.Path, got[0].Location.Lines.Begin, tc.want, tc.line)
			}
		})
	}
}

func TestGitLabCodeQualitySeverities(t *testing.T) {
	w := &gate.Waiver{Rule: "r", Address: "*", Reason: "why", Owner: "me", Expires: "2030-01-01"}
	for _, tc := range []struct {
		name string
		j    gate.Judged
		want string
	}{
		{"blocking deny", gate.Judged{Finding: policy.Finding{Severity: policy.Deny}, Level: gate.Hard, Blocking: true}, "blocker"},
		{"blocking deny, waiver expired", gate.Judged{Finding: policy.Finding{Severity: policy.Deny}, Level: gate.Hard, Expired: w, Blocking: true}, "blocker"},
		{"advisory deny", gate.Judged{Finding: policy.Finding{Severity: policy.Deny}, Level: gate.Advisory}, "critical"},
		{"overridden deny", gate.Judged{Finding: policy.Finding{Severity: policy.Deny}, Level: gate.Soft, Overridden: true}, "critical"},
		{"waived deny", gate.Judged{Finding: policy.Finding{Severity: policy.Deny}, Level: gate.Hard, Waiver: w}, "minor"},
		{"warn", gate.Judged{Finding: policy.Finding{Severity: policy.Warn}}, "major"},
		{"waived warn", gate.Judged{Finding: policy.Finding{Severity: policy.Warn}, Waiver: w}, "minor"},
		{"info", gate.Judged{Finding: policy.Finding{Severity: policy.Info}}, "info"},
		{"waived info", gate.Judged{Finding: policy.Finding{Severity: policy.Info}, Waiver: w}, "info"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := clean(t)
			tc.j.Rule, tc.j.Message = "r", "m"
			res.Findings = []gate.Judged{tc.j}
			if got := codeQuality(t, res, report.CodeQualityOptions{})[0].Severity; got != tc.want {
				t.Errorf("severity %s, want %s", got, tc.want)
			}
		})
	}
}

func TestGitLabCodeQualityDescription(t *testing.T) {
	for _, tc := range []struct {
		name string
		j    gate.Judged
		want string
	}{
		{"message names the address", gate.Judged{Finding: policy.Finding{Severity: policy.Warn, Address: "aws_instance.web", Message: "aws_instance.web has no owner"}}, "aws_instance.web has no owner"},
		{"address added", gate.Judged{Finding: policy.Finding{Severity: policy.Warn, Address: "aws_nat_gateway.main", Message: "usage-based"}}, "aws_nat_gateway.main: usage-based"},
		{"whole change", gate.Judged{Finding: policy.Finding{Severity: policy.Deny, Message: "over budget"}, Blocking: true}, "over budget [BLOCKING]"},
		{"advisory", gate.Judged{Finding: policy.Finding{Severity: policy.Deny, Message: "m"}, Level: gate.Advisory}, "m [ADVISORY]"},
		{"waived", gate.Judged{Finding: policy.Finding{Severity: policy.Deny, Message: "m"}, Waiver: &gate.Waiver{Owner: "ops", Expires: "2030-01-31", Reason: "legacy"}}, "m [WAIVED by ops until 2030-01-31: legacy]"},
		{"control characters", gate.Judged{Finding: policy.Finding{Severity: policy.Info, Message: "bad\x1b[2Jthing"}}, `bad\x1b[2Jthing`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := clean(t)
			tc.j.Rule = "r"
			res.Findings = []gate.Judged{tc.j}
			if got := codeQuality(t, res, report.CodeQualityOptions{})[0].Description; got != tc.want {
				t.Errorf("description %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTerraformReport(t *testing.T) {
	type counts struct{ Create, Update, Delete int }
	for _, tc := range []struct {
		name    string
		actions []change.Action
		want    counts
	}{
		{"nothing", nil, counts{}},
		{"one of each", []change.Action{change.Create, change.Update, change.Delete}, counts{1, 1, 1}},
		{"replace is a delete and a create", []change.Action{change.Replace}, counts{1, 0, 1}},
		{"no-op not counted", []change.Action{change.NoOp, change.NoOp, change.Create}, counts{1, 0, 0}},
		{"many", []change.Action{change.Create, change.Create, change.Replace, change.Replace, change.Update, change.Delete, change.NoOp}, counts{4, 1, 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			est := &engine.Estimate{Currency: "USD"}
			for i, a := range tc.actions {
				est.Resources = append(est.Resources, engine.ResourceCost{Resource: &change.Resource{Address: "test_x.r" + string(rune('a'+i)), Type: "test_x", Action: a}})
			}
			// Resources of unknown number are not counted.
			est.Unpriced = []engine.Unpriced{{Address: "module.vpc", Type: "module", Reason: "module not downloaded"}}
			var b bytes.Buffer
			if err := report.TerraformReport(&b, &engine.Result{Estimate: est, Passed: true}); err != nil {
				t.Fatal(err)
			}
			var got map[string]int
			if err := json.Unmarshal(b.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			want := map[string]int{"create": tc.want.Create, "update": tc.want.Update, "delete": tc.want.Delete}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("counts (-want +got):\n%s", diff)
			}
		})
	}
}
