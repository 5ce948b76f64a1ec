package settings_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/settings"
)

// view is everything Parse produced, comparable with cmp.
type view struct {
	Version        int
	RequiredTags   *settings.RequiredTags
	InstanceTypes  *settings.InstanceTypes
	Budget         map[string]string // limits as their decimal text
	Custom         map[string]any
	Waivers        []gate.Waiver
	Levels         map[string]gate.Level
	OverrideLabels []string
}

func viewOf(s *settings.Settings) view {
	v := view{
		Version: s.Version, RequiredTags: s.RequiredTags, InstanceTypes: s.InstanceTypes, Custom: s.Custom,
		Waivers: s.Waivers(), Levels: s.Levels(), OverrideLabels: s.OverrideLabels(),
	}
	if b := s.Budget; b != nil {
		v.Budget = map[string]string{}
		for k, d := range map[string]*decimal.Decimal{"total": b.MaxMonthlyTotal, "increase": b.MaxMonthlyIncrease, "percent": b.MaxMonthlyIncreasePercent} {
			if d != nil {
				v.Budget[k] = d.String()
			}
		}
	}
	return v
}

// product is the example of PRODUCT.md, with the rest of the sections.
const product = `required_tags:
  keys: [owner, env]
  values:
    env: [dev, staging, prod]
instance_types:
  allow: ["t3.*", "m5.*"]      # glob patterns; empty = all allowed
  deny: ["p4d.*", "x2iedn.*"]
budget:
  max_monthly_total: 1000        # USD, whole plan after the change
  max_monthly_increase: 100.50   # USD, diff_total_monthly_cost
  max_monthly_increase_percent: 25
waivers:
  - rule: required-tags
    address: aws_instance.legacy   # glob allowed
    reason: "legacy host, retiring in Q1"
    owner: platform@example.com
    expires: 2027-01-31            # expired waivers stop working and are reported
  - {rule: budget-total, address: "*", reason: migration, owner: finops, expires: "2026-12-31"}
enforcement:
  budget-increase: soft
  budget-increase-percent: advisory
  required-tags: hard
override_labels: [cost-approved]
custom:
  team: payments
  max_gpus: 4
  ratio: 0.1
  nested: {list: [1, "two", true, null]}
`

func TestParse(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       view
	}{
		{name: "empty file", yaml: "", want: view{Levels: map[string]gate.Level{}}},
		{name: "comments only", yaml: "# nothing configured yet\n", want: view{Levels: map[string]gate.Level{}}},
		{name: "null document", yaml: "~\n", want: view{Levels: map[string]gate.Level{}}},
		{name: "null sections are absent", yaml: "version: 1\nrequired_tags:\nbudget: ~\nwaivers:\ncustom:\n", want: view{Version: 1, Levels: map[string]gate.Level{}}},
		{
			name: "every section",
			yaml: product,
			want: view{
				RequiredTags:  &settings.RequiredTags{Keys: []string{"owner", "env"}, Values: map[string][]string{"env": {"dev", "staging", "prod"}}},
				InstanceTypes: &settings.InstanceTypes{Allow: []string{"t3.*", "m5.*"}, Deny: []string{"p4d.*", "x2iedn.*"}},
				Budget:        map[string]string{"total": "1000", "increase": "100.5", "percent": "25"},
				Waivers: []gate.Waiver{
					{Rule: "required-tags", Address: "aws_instance.legacy", Reason: "legacy host, retiring in Q1", Owner: "platform@example.com", Expires: "2027-01-31", Source: "tollgate.yml:13"},
					{Rule: "budget-total", Address: "*", Reason: "migration", Owner: "finops", Expires: "2026-12-31", Source: "tollgate.yml:18"},
				},
				Levels:         map[string]gate.Level{"budget-increase": gate.Soft, "budget-increase-percent": gate.Advisory, "required-tags": gate.Hard},
				OverrideLabels: []string{"cost-approved"},
				Custom: map[string]any{
					"team": "payments", "max_gpus": json.Number("4"), "ratio": json.Number("0.1"),
					"nested": map[string]any{"list": []any{json.Number("1"), "two", true, nil}},
				},
			},
		},
		{
			name: "scalars where strings are expected are read as text",
			yaml: "required_tags:\n  keys: [cost_center, 2024]\n  values:\n    cost_center: [1234, 0042, true]\n",
			want: view{
				RequiredTags: &settings.RequiredTags{Keys: []string{"cost_center", "2024"}, Values: map[string][]string{"cost_center": {"1234", "0042", "true"}}},
				Levels:       map[string]gate.Level{},
			},
		},
		{
			name: "empty and partial sections",
			yaml: "required_tags: {}\ninstance_types: {deny: []}\nbudget: {max_monthly_total: ~}\nwaivers: []\n",
			want: view{
				RequiredTags:  &settings.RequiredTags{},
				InstanceTypes: &settings.InstanceTypes{Deny: []string{}},
				Budget:        map[string]string{},
				Waivers:       []gate.Waiver{},
				Levels:        map[string]gate.Level{},
			},
		},
		{
			name: "number spellings stay exact",
			yaml: "budget:\n  max_monthly_total: 1_000_000.10\n  max_monthly_increase: 1e3\n  max_monthly_increase_percent: 0\n" +
				"custom: {hex: 0x1F, plus: +7, dot: .5, big: 123456789012345678901234567890, exp: 2.5E-3}\n",
			want: view{
				Budget: map[string]string{"total": "1000000.1", "increase": "1000", "percent": "0"},
				Custom: map[string]any{
					"hex": json.Number("31"), "plus": json.Number("7"), "dot": json.Number("0.5"),
					"big": json.Number("123456789012345678901234567890"), "exp": json.Number("2.5E-3"),
				},
				Levels: map[string]gate.Level{},
			},
		},
		{
			name: "anchors and aliases",
			yaml: "instance_types:\n  allow: &small [\"t3.*\", \"t4g.*\"]\ncustom:\n  sizes: *small\n",
			want: view{
				InstanceTypes: &settings.InstanceTypes{Allow: []string{"t3.*", "t4g.*"}},
				Custom:        map[string]any{"sizes": []any{"t3.*", "t4g.*"}},
				Levels:        map[string]gate.Level{},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := settings.Parse("tollgate.yml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, viewOf(s)); diff != "" {
				t.Errorf("Parse (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNilSettings(t *testing.T) {
	var s *settings.Settings
	if w, l, o := s.Waivers(), s.Levels(), s.OverrideLabels(); w != nil || len(l) != 0 || o != nil {
		t.Errorf("nil settings configure something: %v %v %v", w, l, o)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{
			name: "unknown top-level key",
			yaml: "version: 1\nrequired_tag:\n  keys: [owner]\n",
			want: `tollgate.yml:2: unknown key "required_tag" (known: version, required_tags, instance_types, budget, waivers, enforcement, override_labels, custom)`,
		},
		{
			name: "invalid glob",
			yaml: "instance_types:\n  allow:\n    - \"t3.*\"\n    - \"m5.[\"\n",
			want: `tollgate.yml:4: instance_types.allow item 2, "m5.[", is not a valid glob pattern: glob: syntax error at 4: unexpected end of input`,
		},
		{
			name: "unknown key in budget",
			yaml: "required_tags:\n  keys: [owner]\ninstance_types:\n  allow: [\"t3.*\"]\nbudget:\n  max_monthly_total: 1000\n  max_montly_total: 100\n",
			want: `tollgate.yml:7: unknown key "max_montly_total" in budget (known: max_monthly_total, max_monthly_increase, max_monthly_increase_percent)`,
		},
		{
			name: "unknown key in required_tags",
			yaml: "required_tags:\n  key: [owner]\n",
			want: `tollgate.yml:2: unknown key "key" in required_tags (known: keys, values)`,
		},
		{
			name: "unknown key in instance_types",
			yaml: "instance_types:\n  allowed: [\"t3.*\"]\n",
			want: `tollgate.yml:2: unknown key "allowed" in instance_types (known: allow, deny)`,
		},
		{
			name: "unknown key in a waiver",
			yaml: "waivers:\n  - rule: a\n    address: b\n    reason: c\n    owner: d\n    expires: 2027-01-31\n  - rule: a\n    adress: b\n",
			want: `tollgate.yml:8: unknown key "adress" in waivers[1] (known: rule, address, reason, owner, expires)`,
		},
		{
			name: "duplicate key",
			yaml: "budget:\n  max_monthly_total: 10\n  max_monthly_total: 20\n",
			want: `tollgate.yml:3: duplicate key "max_monthly_total" in budget (first at line 2)`,
		},
		{
			name: "duplicate section",
			yaml: "budget: {}\nwaivers: []\nbudget: {}\n",
			want: `tollgate.yml:3: duplicate key "budget" (first at line 1)`,
		},
		{
			name: "merge key",
			yaml: "budget:\n  <<: {max_monthly_total: 1}\n",
			want: `tollgate.yml:2: merge keys (<<) are not supported in budget`,
		},
		{
			name: "not a mapping",
			yaml: "- required_tags\n",
			want: `tollgate.yml:1: settings must be a mapping with version, required_tags, instance_types, budget, waivers, enforcement, override_labels, custom, not a list`,
		},
		{name: "version", yaml: "version: 2\n", want: `tollgate.yml:1: version must be 1, not 2`},
		{
			name: "keys is a string",
			yaml: "# tags\nrequired_tags:\n  keys: owner\n",
			want: `tollgate.yml:3: required_tags.keys must be a list of strings`,
		},
		{
			name: "keys holds a list",
			yaml: "required_tags:\n  keys:\n    - owner\n    - [env]\n",
			want: `tollgate.yml:4: required_tags.keys must be a list of strings (item 2 is a list)`,
		},
		{
			name: "keys holds null",
			yaml: "required_tags:\n  keys: [owner, ~]\n",
			want: `tollgate.yml:2: required_tags.keys must be a list of strings (item 2 is null)`,
		},
		{
			name: "empty key",
			yaml: "required_tags:\n  keys: [owner, \"\"]\n",
			want: `tollgate.yml:2: required_tags.keys must be a list of non-empty strings (item 2 is empty)`,
		},
		{
			name: "section is a list",
			yaml: "required_tags: [owner]\n",
			want: `tollgate.yml:1: required_tags must be a mapping, not a list`,
		},
		{
			name: "values is a list",
			yaml: "required_tags:\n  values: [env]\n",
			want: `tollgate.yml:2: required_tags.values must be a mapping of tag keys to lists of allowed values`,
		},
		{
			name: "allowed values are a string",
			yaml: "required_tags:\n  values:\n    env: prod\n",
			want: `tollgate.yml:3: required_tags.values.env must be a list of strings`,
		},
		{
			name: "allow is a string",
			yaml: "instance_types:\n  allow: \"t3.*\"\n",
			want: `tollgate.yml:2: instance_types.allow must be a list of strings`,
		},
		{
			name: "deny holds a mapping",
			yaml: "instance_types:\n  deny:\n    - p4d.*\n    - {x: y}\n",
			want: `tollgate.yml:4: instance_types.deny must be a list of strings (item 2 is a mapping)`,
		},
		{
			name: "budget is a number",
			yaml: "budget: 100\n",
			want: `tollgate.yml:1: budget must be a mapping, not 100`,
		},
		{
			name: "budget limit is a string",
			yaml: "budget:\n  max_monthly_total: \"1000\"\n",
			want: `tollgate.yml:2: budget.max_monthly_total must be a number, not the string "1000"`,
		},
		{
			name: "budget limit with a currency",
			yaml: "budget:\n  max_monthly_increase: 100 USD\n",
			want: `tollgate.yml:2: budget.max_monthly_increase must be a number, not the string "100 USD"`,
		},
		{
			name: "budget limit is infinite",
			yaml: "budget:\n  max_monthly_total: .inf\n",
			want: `tollgate.yml:2: budget.max_monthly_total must be a number, not .inf`,
		},
		{
			name: "negative budget limit",
			yaml: "budget:\n  max_monthly_increase_percent: -5\n",
			want: `tollgate.yml:2: budget.max_monthly_increase_percent must not be negative (got -5)`,
		},
		{
			name: "budget limit is a list",
			yaml: "budget:\n  max_monthly_total: [1]\n",
			want: `tollgate.yml:2: budget.max_monthly_total must be a number, not a list`,
		},
		{
			name: "waivers is a mapping",
			yaml: "waivers:\n  rule: required-tags\n",
			want: `tollgate.yml:2: waivers must be a list of {rule, address, reason, owner, expires}`,
		},
		{
			name: "waiver is a string",
			yaml: "waivers:\n  - required-tags\n",
			want: `tollgate.yml:2: waivers[0] must be a mapping with rule, address, reason, owner, expires`,
		},
		{
			name: "waiver without owner and expiry",
			yaml: "waivers:\n  - rule: required-tags\n    address: aws_instance.legacy\n    reason: legacy\n",
			want: `tollgate.yml:2: waivers[0] is missing owner, expires (every waiver needs rule, address, reason, owner and expires)`,
		},
		{
			name: "waiver with an empty reason",
			yaml: "waivers:\n  - {rule: r, address: a, reason: \" \", owner: o, expires: 2027-01-31}\n",
			want: `tollgate.yml:2: waivers[0] is missing reason (every waiver needs rule, address, reason, owner and expires)`,
		},
		{
			name: "waiver with an impossible date",
			yaml: "waivers:\n  - rule: r\n    address: a\n    reason: x\n    owner: o\n    expires: 2027-02-30\n",
			want: `tollgate.yml:6: waivers[0].expires "2027-02-30" is not a valid date (want YYYY-MM-DD)`,
		},
		{
			name: "waiver with a date in another format",
			yaml: "waivers:\n  - {rule: r, address: a, reason: x, owner: o, expires: 31/01/2027}\n",
			want: `tollgate.yml:2: waivers[0].expires "31/01/2027" is not a valid date (want YYYY-MM-DD)`,
		},
		{
			name: "waiver with a timestamp",
			yaml: "waivers:\n  - {rule: r, address: a, reason: x, owner: o, expires: 2027-01-31T10:00:00Z}\n",
			want: `tollgate.yml:2: waivers[0].expires "2027-01-31T10:00:00Z" is not a valid date (want YYYY-MM-DD)`,
		},
		{
			name: "waiver field is a list",
			yaml: "waivers:\n  - rule: r\n    address: [a, b]\n",
			want: `tollgate.yml:3: waivers[0].address must be a string, not a list`,
		},
		{
			name: "unknown level",
			yaml: "enforcement:\n  required-tags: hard\n  budget-total: sof\n",
			want: `tollgate.yml:3: enforcement.budget-total must be advisory, soft or hard, not the string "sof"`,
		},
		{
			name: "level is null",
			yaml: "enforcement:\n  budget-total:\n",
			want: `tollgate.yml:2: enforcement.budget-total must be advisory, soft or hard, not null`,
		},
		{
			name: "enforcement is a list",
			yaml: "enforcement: [budget-total]\n",
			want: `tollgate.yml:1: enforcement must be a mapping of rule ids to advisory, soft or hard`,
		},
		{
			name: "override_labels is a string",
			yaml: "override_labels: cost-approved\n",
			want: `tollgate.yml:1: override_labels must be a list of strings`,
		},
		{
			name: "custom is a list",
			yaml: "custom: [1, 2]\n",
			want: `tollgate.yml:1: custom must be a mapping, not a list`,
		},
		{
			name: "custom holds an infinite number",
			yaml: "custom:\n  limits:\n    cpu: .inf\n",
			want: `tollgate.yml:3: custom.limits.cpu: .inf is not a finite number`,
		},
		{
			name: "custom with a duplicate key",
			yaml: "custom:\n  a: 1\n  a: 2\n",
			want: `tollgate.yml:3: duplicate key "a" in custom (first at line 2)`,
		},
		{
			name: "custom with an alias inside itself",
			yaml: "custom:\n  a: &x\n    b: [1, *x]\n",
			want: `tollgate.yml:2: custom.a.b[1]: an alias refers to the value that contains it`,
		},
		{
			name: "custom with a list as a key",
			yaml: "custom:\n  ? [a]\n  : 1\n",
			want: `tollgate.yml:2: keys in custom must be strings, not a list`,
		},
		{
			name: "YAML syntax error",
			yaml: "budget:\n  max_monthly_total: 1\n max: [\n",
			want: `tollgate.yml:2: did not find expected key`, // yaml.v3 reports the line the block started

		},
		{
			name: "tabs",
			yaml: "budget:\n\tmax_monthly_total: 1\n",
			want: `tollgate.yml:2: found character that cannot start any token`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := settings.Parse("tollgate.yml", []byte(tt.yaml))
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseAliasBomb: aliases of aliases must not expand without bound.
func TestParseAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("custom:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		p := "*a" + string(rune('0'+i-1))
		b.WriteString("  a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [" + strings.Repeat(p+", ", 9) + p + "]\n")
	}
	_, err := settings.Parse("tollgate.yml", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "custom is too large") {
		t.Errorf("got %v, want a too-large error", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		product,
		"",
		"budget: {max_monthly_total: 1e400}\n",
		"custom: {a: &x [1, *x]}\n",
		"waivers: [{rule: r, address: a, reason: x, owner: o, expires: 2027-02-29}]\n",
		"enforcement: {a: soft, b: [hard]}\n",
		"required_tags: {values: {env: [a, b]}, keys: !!binary aGVsbG8=}\n",
		"? [a]\n: b\n",
		"custom: {<<: {a: 1}}\n",
		"--- \n...\n--- {budget: {}}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		s, err := settings.Parse("tollgate.yml", []byte(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "tollgate.yml:") {
				t.Errorf("error does not name the file: %v", err)
			}
			return
		}
		// Whatever parses must make a data document OPA can store.
		if _, err := json.Marshal(s.Data()); err != nil {
			t.Errorf("data document: %v", err)
		}
	})
}
