package settings

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

// Data returns the data document policies read:
//
//	{"tollgate": {"config": {...}}}
//
// where config mirrors tollgate.yml with its snake_case keys, numbers as
// json.Number (so OPA compares them exactly) and strings as strings.
// Absent sections are absent; in a present section, absent lists are
// empty so that policies need no defaults (budget limits stay absent: a
// limit has no default).
func (s *Settings) Data() map[string]any {
	config := map[string]any{}
	if s != nil {
		if rt := s.RequiredTags; rt != nil {
			values := map[string]any{}
			for k, v := range rt.Values {
				values[k] = list(v)
			}
			config["required_tags"] = map[string]any{"keys": list(rt.Keys), "values": values}
		}
		if it := s.InstanceTypes; it != nil {
			config["instance_types"] = map[string]any{"allow": list(it.Allow), "deny": list(it.Deny)}
		}
		if b := s.Budget; b != nil {
			budget := map[string]any{}
			for key, d := range map[string]*decimal.Decimal{
				"max_monthly_total":            b.MaxMonthlyTotal,
				"max_monthly_increase":         b.MaxMonthlyIncrease,
				"max_monthly_increase_percent": b.MaxMonthlyIncreasePercent,
			} {
				if d != nil {
					budget[key] = json.Number(d.String())
				}
			}
			config["budget"] = budget
		}
		if s.waivers != nil {
			waivers := make([]any, 0, len(s.waivers))
			for _, w := range s.waivers {
				waivers = append(waivers, map[string]any{
					"rule": w.Rule, "address": w.Address, "reason": w.Reason,
					"owner": w.Owner, "expires": w.Expires, "source": w.Source,
				})
			}
			config["waivers"] = waivers
		}
		if s.levels != nil {
			levels := map[string]any{}
			for r, l := range s.levels {
				levels[r] = string(l)
			}
			config["enforcement"] = levels
		}
		if s.overrideLabels != nil {
			config["override_labels"] = list(s.overrideLabels)
		}
		if s.Custom != nil {
			config["custom"] = s.Custom
		}
	}
	return map[string]any{"tollgate": map[string]any{"config": config}}
}

func list(ss []string) []any {
	out := make([]any, 0, len(ss))
	for _, s := range ss {
		out = append(out, s)
	}
	return out
}
