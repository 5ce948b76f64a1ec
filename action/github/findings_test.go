package github_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/action/github"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
)

func judged(rule string, sev policy.Severity, file string, line int, mod func(*gate.Judged)) gate.Judged {
	j := gate.Judged{Finding: policy.Finding{Rule: rule, Severity: sev, Message: rule + " message", Address: "aws_instance.web"}, Level: gate.Hard}
	if file != "" {
		j.Location = &change.Location{File: file, Line: line}
	}
	if mod != nil {
		mod(&j)
	}
	return j
}

func TestAnnotations(t *testing.T) {
	waiver := &gate.Waiver{Rule: "required-tags", Address: "aws_instance.web", Reason: "legacy", Owner: "platform@example.com", Expires: "2027-01-31", Source: "tollgate.yml:12"}
	for _, tc := range []struct {
		name     string
		prefix   string
		findings []gate.Judged
		want     []github.Annotation
	}{
		{
			name:   "levels by gate decision",
			prefix: "",
			findings: []gate.Judged{
				judged("required-tags", policy.Deny, "main.tf", 12, func(j *gate.Judged) { j.Blocking = true }),
				judged("allowed-instance-types", policy.Deny, "main.tf", 20, func(j *gate.Judged) { j.Level = gate.Advisory }),
				judged("budget-increase", policy.Deny, "main.tf", 30, func(j *gate.Judged) { j.Level = gate.Soft; j.Overridden = true }),
				judged("required-tags", policy.Deny, "main.tf", 40, func(j *gate.Judged) { j.Waiver = waiver }),
				judged("gp2-volumes", policy.Warn, "disk.tf", 3, nil),
				judged("cost-note", policy.Info, "disk.tf", 0, nil),
			},
			want: []github.Annotation{
				{Path: "main.tf", StartLine: 12, EndLine: 12, Level: github.Fail, Title: "required-tags", Message: "required-tags message [aws_instance.web]"},
				{Path: "main.tf", StartLine: 20, EndLine: 20, Level: github.Warning, Title: "allowed-instance-types (advisory)", Message: "allowed-instance-types message [aws_instance.web]"},
				{Path: "main.tf", StartLine: 30, EndLine: 30, Level: github.Warning, Title: "budget-increase (overridden)", Message: "budget-increase message [aws_instance.web]"},
				{Path: "main.tf", StartLine: 40, EndLine: 40, Level: github.Notice, Title: "required-tags (waived)", Message: "required-tags message [aws_instance.web] (waived by platform@example.com until 2027-01-31: legacy)"},
				{Path: "disk.tf", StartLine: 3, EndLine: 3, Level: github.Warning, Title: "gp2-volumes", Message: "gp2-volumes message [aws_instance.web]"},
				{Path: "disk.tf", StartLine: 0, EndLine: 0, Level: github.Notice, Title: "cost-note", Message: "cost-note message [aws_instance.web]"},
			},
		},
		{
			name: "expired waiver blocks and says so",
			findings: []gate.Judged{
				judged("required-tags", policy.Deny, "main.tf", 5, func(j *gate.Judged) { j.Blocking = true; j.Expired = waiver }),
			},
			want: []github.Annotation{
				{Path: "main.tf", StartLine: 5, EndLine: 5, Level: github.Fail, Title: "required-tags (expired waiver)", Message: "required-tags message [aws_instance.web] (the waiver of tollgate.yml:12 expired 2027-01-31; it no longer applies)"},
			},
		},
		{
			name:   "paths under a subdirectory; no location or outside the repository left out",
			prefix: "infra/prod",
			findings: []gate.Judged{
				judged("budget-total", policy.Deny, "", 0, func(j *gate.Judged) { j.Blocking = true; j.Address = "" }),
				judged("required-tags", policy.Deny, "main.tf", 7, func(j *gate.Judged) { j.Blocking = true }),
				judged("required-tags", policy.Deny, "../../modules/vpc/main.tf", 9, func(j *gate.Judged) { j.Blocking = true }),
				judged("required-tags", policy.Deny, "../../../elsewhere/main.tf", 9, func(j *gate.Judged) { j.Blocking = true }),
				judged("required-tags", policy.Deny, "/abs/main.tf", 9, func(j *gate.Judged) { j.Blocking = true }),
			},
			want: []github.Annotation{
				{Path: "infra/prod/main.tf", StartLine: 7, EndLine: 7, Level: github.Fail, Title: "required-tags", Message: "required-tags message [aws_instance.web]"},
				{Path: "modules/vpc/main.tf", StartLine: 9, EndLine: 9, Level: github.Fail, Title: "required-tags", Message: "required-tags message [aws_instance.web]"},
			},
		},
		{
			name:     "the address is not repeated",
			findings: []gate.Judged{judged("x", policy.Warn, "a.tf", 1, func(j *gate.Judged) { j.Message = "aws_instance.web has no owner tag" })},
			want:     []github.Annotation{{Path: "a.tf", StartLine: 1, EndLine: 1, Level: github.Warning, Title: "x", Message: "aws_instance.web has no owner tag"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, github.Annotations(tc.findings, tc.prefix)); diff != "" {
				t.Errorf("annotations (-want +got):\n%s", diff)
			}
		})
	}
}

func TestConclude(t *testing.T) {
	for _, tc := range []struct {
		name     string
		passed   bool
		findings []gate.Judged
		want     github.Conclusion
	}{
		{"clean", true, nil, github.Success},
		{"failed", false, []gate.Judged{judged("r", policy.Deny, "", 0, func(j *gate.Judged) { j.Blocking = true })}, github.Failure},
		{"advisory deny", true, []gate.Judged{judged("r", policy.Deny, "", 0, func(j *gate.Judged) { j.Level = gate.Advisory })}, github.Neutral},
		{"overridden deny", true, []gate.Judged{judged("r", policy.Deny, "", 0, func(j *gate.Judged) { j.Overridden = true })}, github.Neutral},
		{"waived deny", true, []gate.Judged{judged("r", policy.Deny, "", 0, func(j *gate.Judged) { j.Waiver = &gate.Waiver{} })}, github.Success},
		{"warnings only", true, []gate.Judged{judged("r", policy.Warn, "", 0, nil), judged("r", policy.Info, "", 0, nil)}, github.Success},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := github.Conclude(tc.passed, tc.findings); got != tc.want {
				t.Errorf("Conclude = %s, want %s", got, tc.want)
			}
		})
	}
}
