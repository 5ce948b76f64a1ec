package gate_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/gate"
)

func TestLint(t *testing.T) {
	known := []string{"required-tags", "budget-total", "budget-increase"}
	const rules = "budget-increase, budget-total, required-tags"
	tests := []struct {
		name  string
		in    gate.Inputs
		known []string
		want  []string
	}{
		{
			name: "everything known",
			in: gate.Inputs{
				Waivers:   []gate.Waiver{waiver("required-tags", "*", "2027-01-31")},
				Levels:    map[string]gate.Level{"budget-total": gate.Soft},
				Overrides: []string{"budget-total"},
			},
			known: known,
		},
		{
			name: "unknown rules",
			in: gate.Inputs{
				Waivers: []gate.Waiver{
					{Rule: "required-tag", Address: "*", Source: "tollgate.yml:9"},
					{Rule: "required-tags", Address: "*", Source: "main.tf:3"},
					{Rule: "gpu", Address: "*", Source: "main.tf:4"},
				},
				Levels:    map[string]gate.Level{"zzz": gate.Soft, "budget-totl": gate.Advisory, "budget-total": gate.Soft},
				Overrides: []string{"budget-totall"},
			},
			known: known,
			want: []string{
				`tollgate.yml:9: waiver names rule "required-tag", which no policy defines (rules: ` + rules + `)`,
				`main.tf:4: waiver names rule "gpu", which no policy defines (rules: ` + rules + `)`,
				`enforcement sets a level for rule "budget-totl", which no policy defines (rules: ` + rules + `)`,
				`enforcement sets a level for rule "zzz", which no policy defines (rules: ` + rules + `)`,
				`override of rule "budget-totall" has no effect: no policy defines it (rules: ` + rules + `)`,
			},
		},
		{
			name:  "overrides of rules that are not soft",
			in:    gate.Inputs{Levels: map[string]gate.Level{"budget-total": gate.Advisory}, Overrides: []string{"budget-total", "required-tags"}},
			known: known,
			want: []string{
				`override of rule "budget-total" has no effect: it is advisory, and only soft rules can be overridden`,
				`override of rule "required-tags" has no effect: it is hard, and only soft rules can be overridden`,
			},
		},
		{
			name: "no rules at all",
			in:   gate.Inputs{Waivers: []gate.Waiver{{Rule: "x", Address: "*"}}},
			want: []string{`waiver names rule "x", which no policy defines (rules: none)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, gate.Lint(tt.in, tt.known)); diff != "" {
				t.Errorf("Lint (-want +got):\n%s", diff)
			}
		})
	}
}
