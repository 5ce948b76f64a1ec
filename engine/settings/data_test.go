package settings_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tollgate-dev/tollgate/engine/policy"
	"github.com/tollgate-dev/tollgate/engine/settings"
)

func TestData(t *testing.T) {
	config := func(c map[string]any) map[string]any {
		return map[string]any{"tollgate": map[string]any{"config": c}}
	}
	tests := []struct {
		name, yaml string
		want       map[string]any
	}{
		{name: "empty", yaml: "", want: config(map[string]any{})},
		{
			name: "every section",
			yaml: product,
			want: config(map[string]any{
				"required_tags": map[string]any{
					"keys":   []any{"owner", "env"},
					"values": map[string]any{"env": []any{"dev", "staging", "prod"}},
				},
				"instance_types": map[string]any{"allow": []any{"t3.*", "m5.*"}, "deny": []any{"p4d.*", "x2iedn.*"}},
				"budget": map[string]any{
					"max_monthly_total":            json.Number("1000"),
					"max_monthly_increase":         json.Number("100.5"),
					"max_monthly_increase_percent": json.Number("25"),
				},
				"waivers": []any{
					map[string]any{"rule": "required-tags", "address": "aws_instance.legacy", "reason": "legacy host, retiring in Q1", "owner": "platform@example.com", "expires": "2027-01-31", "source": "tollgate.yml:13"},
					map[string]any{"rule": "budget-total", "address": "*", "reason": "migration", "owner": "finops", "expires": "2026-12-31", "source": "tollgate.yml:18"},
				},
				"enforcement":     map[string]any{"budget-increase": "soft", "budget-increase-percent": "advisory", "required-tags": "hard"},
				"override_labels": []any{"cost-approved"},
				"custom": map[string]any{
					"team": "payments", "max_gpus": json.Number("4"), "ratio": json.Number("0.1"),
					"nested": map[string]any{"list": []any{json.Number("1"), "two", true, nil}},
				},
			}),
		},
		{
			name: "absent lists of a present section are empty, absent limits absent",
			yaml: "required_tags:\n  keys: [owner]\ninstance_types: {}\nbudget:\n  max_monthly_increase: 0.10\n",
			want: config(map[string]any{
				"required_tags":  map[string]any{"keys": []any{"owner"}, "values": map[string]any{}},
				"instance_types": map[string]any{"allow": []any{}, "deny": []any{}},
				"budget":         map[string]any{"max_monthly_increase": json.Number("0.1")},
			}),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := settings.Parse("tollgate.yml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, s.Data()); diff != "" {
				t.Errorf("Data (-want +got):\n%s", diff)
			}
		})
	}
	var none *settings.Settings
	if diff := cmp.Diff(config(map[string]any{}), none.Data()); diff != "" {
		t.Errorf("nil Data (-want +got):\n%s", diff)
	}
}

// TestDataInPolicies: policies see the limits as exact numbers, and
// absent sections as undefined.
func TestDataInPolicies(t *testing.T) {
	const rego = `package tollgate.probe

cfg := data.tollgate.config

info contains sprintf("total limit is exactly 1000.10: %v", [cfg.budget.max_monthly_total == 1000.10])
info contains sprintf("over budget: %v", [input.total > cfg.budget.max_monthly_total])
info contains sprintf("big number exact: %v", [cfg.custom.big == 12345678901234567890123])
info contains sprintf("percent limit is a number: %v", [is_number(cfg.budget.max_monthly_increase_percent)])
info contains sprintf("labels: %v", [cfg.override_labels])
info contains "no instance_types section" if not cfg.instance_types
`
	s, err := settings.Parse("tollgate.yml", []byte(
		"budget:\n  max_monthly_total: 1000.10\n  max_monthly_increase_percent: 25\noverride_labels: [ok]\ncustom:\n  big: 12345678901234567890123\n"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"probe.rego": {Data: []byte(rego)}}
	e, err := policy.Load(context.Background(), []policy.Source{{Name: "p", FS: fsys}}, policy.Options{Data: s.Data()})
	if err != nil {
		t.Fatal(err)
	}
	input, err := ast.ValueFromReader(strings.NewReader(`{"total": 1000.11}`))
	if err != nil {
		t.Fatal(err)
	}
	findings, err := e.Evaluate(context.Background(), input, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range findings {
		got = append(got, f.Message)
	}
	want := []string{
		"big number exact: true",
		`labels: ["ok"]`,
		"no instance_types section",
		"over budget: true",
		"percent limit is a number: true",
		"total limit is exactly 1000.10: true",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}
