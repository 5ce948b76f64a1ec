package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
)

// FuzzCheckRenderers feeds arbitrary rule ids, addresses, messages and
// file names (all of which come from user policies and plans) to every
// check renderer: none may fail, the GitHub output stays one command per
// line, JUnit stays well-formed XML, the JSON documents carry the message
// unchanged, and the table has no escape character.
func FuzzCheckRenderers(f *testing.F) {
	f.Add("required-tags", "aws_instance.web", `missing tag "owner"`, "main.tf", 12)
	f.Add("a:b,c", `x["a\nb"]`, "100%\r\n::error::x", `dir\a b.tf`, 0)
	f.Add("", "", "<&]]>\x00\x1b[31m", "/abs/x.tf", -1)
	est := sample(f)
	f.Fuzz(func(t *testing.T, rule, address, message, file string, line int) {
		res := &engine.Result{Estimate: est, Rules: rules()}
		res.Findings = []gate.Judged{{
			Finding:  policy.Finding{Rule: rule, Severity: policy.Deny, Address: address, Message: message, Location: &change.Location{File: file, Line: line}},
			Level:    gate.Hard,
			Blocking: true,
		}}
		for _, r := range renderers {
			var b bytes.Buffer
			if err := r.render(&b, res); err != nil {
				t.Fatalf("%s: %v", r.suffix, err)
			}
			out := b.Bytes()
			switch r.suffix {
			case ".txt":
				if bytes.ContainsRune(out, 0x1b) {
					t.Error("table contains an escape character")
				}
			case ".github.txt":
				lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
				if len(lines) != 2 {
					t.Errorf("github: %d lines, want 2:\n%q", len(lines), out)
				}
				for _, l := range lines {
					if !strings.HasPrefix(l, "::") || strings.Contains(l, "\r") {
						t.Errorf("github: line %q is not one command", l)
					}
				}
			case ".junit.xml":
				wellFormed(t, out)
			case ".json", ".sarif":
				if !json.Valid(out) {
					t.Fatalf("%s: invalid JSON", r.suffix)
				}
				if utf8.ValidString(message) && !strings.Contains(string(out), mustJSON(t, message)) {
					t.Errorf("%s: message %q not carried unchanged", r.suffix, message)
				}
			}
		}
	})
}

func mustJSON(t *testing.T, s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
