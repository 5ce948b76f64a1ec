package gate_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/gate"
)

func TestParseInline(t *testing.T) {
	const addr, src = "module.app.aws_instance.web", "main.tf:12"
	ok := func(rule, reason, owner, expires string) gate.Waiver {
		return gate.Waiver{Rule: rule, Address: addr, Reason: reason, Owner: owner, Expires: expires, Source: src}
	}
	tests := []struct {
		name, text string
		want       gate.Waiver
	}{
		{
			name: "quoted reason with spaces",
			text: `tollgate:waive required-tags reason="legacy host, retiring in Q1" owner=platform@example.com expires=2027-01-31`,
			want: ok("required-tags", "legacy host, retiring in Q1", "platform@example.com", "2027-01-31"),
		},
		{
			name: "attributes in any order, tabs and extra spaces",
			text: "  tollgate:waive\tbudget-total   expires=2027-01-31\towner=ops  reason=temporary  ",
			want: ok("budget-total", "temporary", "ops", "2027-01-31"),
		},
		{
			name: "escaped quotes and backslashes",
			text: `tollgate:waive required-tags reason="the \"legacy\" host in C:\\infra" owner="Ops Team" expires=2027-01-31`,
			want: ok("required-tags", `the "legacy" host in C:\infra`, "Ops Team", "2027-01-31"),
		},
		{
			name: "other backslashes stay",
			text: `tollgate:waive required-tags reason="a\nb" owner=o expires=2027-01-31`,
			want: ok("required-tags", `a\nb`, "o", "2027-01-31"),
		},
		{
			name: "quotes may start mid-word",
			text: `tollgate:waive required-tags reason=legacy" host" owner=o expires="2027-01-31"`,
			want: ok("required-tags", "legacy host", "o", "2027-01-31"),
		},
		{
			name: "equals signs in a value",
			text: `tollgate:waive required-tags reason="x=y" owner=a=b expires=2027-01-31`,
			want: ok("required-tags", "x=y", "a=b", "2027-01-31"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := gate.ParseInline(tt.text, addr, src)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseInline (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseInlineErrors(t *testing.T) {
	const usage = `tollgate:waive RULE reason="…" owner=… expires=YYYY-MM-DD`
	tests := []struct{ name, text, want string }{
		{"unknown directive", `tollgate:ignore required-tags`, `main.tf:12: unknown directive "tollgate:ignore" (want ` + usage + `)`},
		{"directive glued to the rule", `tollgate:waiverequired-tags`, `main.tf:12: unknown directive "tollgate:waiverequired-tags" (want ` + usage + `)`},
		{"no rule", `tollgate:waive`, `main.tf:12: tollgate:waive needs a rule id first: ` + usage},
		{"attribute instead of rule", `tollgate:waive reason="x" owner=o expires=2027-01-31`, `main.tf:12: tollgate:waive needs a rule id first: ` + usage},
		{"quoted rule", `tollgate:waive "required-tags" reason=x owner=o expires=2027-01-31`, `main.tf:12: tollgate:waive needs a rule id first: ` + usage},
		{"missing everything", `tollgate:waive required-tags`, `main.tf:12: tollgate:waive required-tags is missing reason, owner, expires (every waiver needs a reason, an owner and an expiry date)`},
		{"missing owner", `tollgate:waive required-tags reason="x" expires=2027-01-31`, `main.tf:12: tollgate:waive required-tags is missing owner (every waiver needs a reason, an owner and an expiry date)`},
		{"empty reason", `tollgate:waive required-tags reason="  " owner=o expires=2027-01-31`, `main.tf:12: tollgate:waive required-tags is missing reason (every waiver needs a reason, an owner and an expiry date)`},
		{"bad date", `tollgate:waive required-tags reason=x owner=o expires=2027-02-30`, `main.tf:12: tollgate:waive required-tags: expires=2027-02-30 is not a valid date (want YYYY-MM-DD)`},
		{"date without zero padding", `tollgate:waive required-tags reason=x owner=o expires=2027-1-31`, `main.tf:12: tollgate:waive required-tags: expires=2027-1-31 is not a valid date (want YYYY-MM-DD)`},
		{"unknown attribute", `tollgate:waive required-tags reason=x owner=o expires=2027-01-31 ticket=OPS-1`, `main.tf:12: tollgate:waive required-tags: unknown attribute "ticket" (known: reason, owner, expires)`},
		{"attribute twice", `tollgate:waive required-tags reason=x reason=y owner=o expires=2027-01-31`, `main.tf:12: tollgate:waive required-tags: reason is given twice`},
		{"unquoted words", `tollgate:waive required-tags reason=legacy host owner=o expires=2027-01-31`, `main.tf:12: tollgate:waive required-tags: "host" is not key=value (` + usage + `)`},
		{"unterminated quote", `tollgate:waive required-tags reason="legacy host owner=o expires=2027-01-31`, `main.tf:12: tollgate:waive required-tags: unterminated quote in reason="legacy host owner=o expires=2027…`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := gate.ParseInline(tt.text, "aws_instance.web", "main.tf:12")
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzParseInline(f *testing.F) {
	for _, s := range []string{
		`tollgate:waive required-tags reason="legacy host" owner=platform@example.com expires=2027-01-31`,
		`tollgate:waive r reason="a \"b\" \\" owner=o expires=2027-01-31`,
		`tollgate:waive r reason="unterminated`,
		`tollgate:waive r reason= owner= expires=`,
		`tollgate:waive "r`,
		"tollgate:waive\t\t",
		`tollgate:waive r reason="é€" owner=ü expires=2027-02-29`,
		`tollgate:`,
		``,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		w, err := gate.ParseInline(text, "aws_instance.web", "main.tf:7")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "main.tf:7: ") {
				t.Errorf("error does not name its source: %v", err)
			}
			return
		}
		if w.Rule == "" || strings.TrimSpace(w.Reason) == "" || strings.TrimSpace(w.Owner) == "" {
			t.Errorf("accepted a waiver with an empty field: %+v", w)
		}
		if _, err := time.Parse(time.DateOnly, w.Expires); err != nil {
			t.Errorf("accepted a bad date: %+v", w)
		}
		if w.Address != "aws_instance.web" || w.Source != "main.tf:7" {
			t.Errorf("address or source changed: %+v", w)
		}
	})
}

// FuzzParseInlineRoundTrip writes a waiver as a directive, quoting its
// values, and reads it back.
func FuzzParseInlineRoundTrip(f *testing.F) {
	f.Add("required-tags", `legacy "host" \ retiring`, "Ops Team <ops@example.com>")
	f.Fuzz(func(t *testing.T, rule, reason, owner string) {
		if rule == "" || strings.ContainsAny(rule, " \t\"=") || strings.TrimSpace(reason) == "" || strings.TrimSpace(owner) == "" {
			t.Skip()
		}
		quote := func(s string) string {
			return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
		}
		text := "tollgate:waive " + rule + " reason=" + quote(reason) + " owner=" + quote(owner) + " expires=2027-01-31"
		got, err := gate.ParseInline(text, "a.b", "main.tf:1")
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		want := gate.Waiver{Rule: rule, Address: "a.b", Reason: reason, Owner: owner, Expires: "2027-01-31", Source: "main.tf:1"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", text, diff)
		}
	})
}
