package report_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
	"github.com/tollgate-dev/tollgate/engine/report"
)

// TestGitHubEscaping: messages escape %, CR and LF; properties escape
// those and : and , too, so that no text can end a property, a command,
// or start a new command.
func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct {
		name    string
		finding policy.Finding
		want    string
	}{
		{
			name:    "plain",
			finding: policy.Finding{Rule: "required-tags", Address: "aws_instance.web", Message: `aws_instance.web is missing required tag "owner"`, Location: &change.Location{File: "main.tf", Line: 12}},
			want:    `::error file=main.tf,line=12,title=required-tags::aws_instance.web is missing required tag "owner"`,
		},
		{
			name:    "message",
			finding: policy.Finding{Rule: "r", Message: "100% over: a, b\r\n::warning::injected"},
			want:    "::error title=r::100%25 over: a, b%0D%0A::warning::injected",
		},
		{
			name:    "properties",
			finding: policy.Finding{Rule: "a:b,c%d\ne", Message: "m", Location: &change.Location{File: "dir,1/x:y%.tf", Line: 3}},
			want:    "::error file=dir%2C1/x%3Ay%25.tf,line=3,title=a%3Ab%2Cc%25d%0Ae::m",
		},
		{
			name:    "file without line",
			finding: policy.Finding{Rule: "r", Message: "m", Location: &change.Location{File: "main.tf"}},
			want:    "::error file=main.tf,title=r::m",
		},
		{
			name:    "address not in message",
			finding: policy.Finding{Rule: "r", Address: `module.a["x,y"].b.c`, Message: "too big"},
			want:    `::error title=r::too big [module.a["x,y"].b.c]`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := clean(t)
			res.Passed = false
			f := tc.finding
			f.Severity = policy.Deny
			res.Findings = []gate.Judged{{Finding: f, Level: gate.Hard, Blocking: true}}
			var b bytes.Buffer
			if err := report.GitHub(&b, res); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
			if len(lines) != 2 {
				t.Fatalf("%d lines, want the annotation and the summary:\n%s", len(lines), b.String())
			}
			if diff := cmp.Diff(tc.want, lines[0]); diff != "" {
				t.Errorf("annotation (-want +got):\n%s", diff)
			}
			if want := "::notice title=tollgate::Gate FAILED (1 blocking finding). "; !strings.HasPrefix(lines[1], want) {
				t.Errorf("summary %q does not start with %q", lines[1], want)
			}
		})
	}
}

// TestGitHubCommands: the command of each finding follows what the gate
// made of it.
func TestGitHubCommands(t *testing.T) {
	var b bytes.Buffer
	if err := report.GitHub(&b, checked(t)); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		cmd, rest, _ := strings.Cut(strings.TrimPrefix(line, "::"), " ")
		_, title, _ := strings.Cut(rest, "title=")
		title, _, _ = strings.Cut(title, "::")
		got = append(got, cmd+" "+title)
	}
	want := []string{
		"error allowed-instance-types (expired waiver)",
		"warning budget-increase (overridden)",
		"error budget-total",
		"warning no-nat-gateways (advisory)",
		"error required-tags",
		"error required-tags",
		"notice required-tags (waived)",
		"warning cost-increase",
		"notice unpriced-resources",
		"notice tollgate",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("commands (-want +got):\n%s", diff)
	}
}

// TestGitHubCaps checks GitHub's limit of 10 annotations of each kind per
// step: the most severe are written, and the summary counts the rest.
func TestGitHubCaps(t *testing.T) {
	res := clean(t)
	for i := range 25 {
		res.Findings = append(res.Findings, gate.Judged{Blocking: true, Finding: policy.Finding{
			Rule: "required-tags", Severity: policy.Deny, Message: fmt.Sprintf("resource %02d", i)}})
	}
	for i := range 3 {
		res.Findings = append(res.Findings, gate.Judged{Finding: policy.Finding{
			Rule: "gpu", Severity: policy.Warn, Message: fmt.Sprintf("warning %d", i)}})
	}
	var b bytes.Buffer
	if err := report.GitHub(&b, res); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, "\n::error ") + boolCount(strings.HasPrefix(out, "::error ")); n != 10 {
		t.Errorf("%d errors, want 10", n)
	}
	if n := strings.Count(out, "\n::warning ") + boolCount(strings.HasPrefix(out, "::warning ")); n != 3 {
		t.Errorf("%d warnings, want 3", n)
	}
	if !strings.Contains(out, "resource 09") || strings.Contains(out, "resource 10") {
		t.Error("not the first ten errors")
	}
	if !strings.Contains(out, "15 more findings are not annotated") {
		t.Errorf("the summary does not count the 15 left out:\n%s", out)
	}
}

func boolCount(b bool) int {
	if b {
		return 1
	}
	return 0
}
