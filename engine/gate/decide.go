package gate

import (
	"slices"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/policy"
)

// Inputs are everything besides the findings that the gate weighs.
type Inputs struct {
	// Waivers in the order they were declared: the first active one that
	// matches a finding applies.
	Waivers []Waiver
	// Levels maps rule ids to their enforcement; a rule not listed is Hard.
	Levels map[string]Level
	// Overrides are rule ids overridden for this run (--override).
	Overrides []string
	// Labels are the pull request's labels.
	Labels []string
	// OverrideLabels are the labels that override every soft rule.
	OverrideLabels []string
}

// Decide judges each finding: which waiver applies to it, how its rule is
// enforced, whether it blocks the merge. Only deny findings block. A
// waiver past its expiry date (compared with now's date in UTC; the
// expiry day itself is still valid) applies to nothing: the finding it
// would have waived blocks as if it had none, and says so. The findings
// are sorted as policy.SortFindings sorts them; the waivers keep their
// order.
func Decide(findings []policy.Finding, in Inputs, now time.Time) Outcome {
	sorted := slices.Clone(findings)
	policy.SortFindings(sorted)

	today := now.UTC().Format(time.DateOnly)
	waivers := slices.Clone(in.Waivers)
	expired := make([]bool, len(waivers))
	matchers := make([]matcher, len(waivers))
	for i, w := range waivers {
		expired[i] = isExpired(w.Expires, today)
		matchers[i] = compile(w.Address)
	}
	used := make([]int, len(waivers))
	labelOverride := anyLabel(in.Labels, in.OverrideLabels)

	out := Outcome{Findings: make([]Judged, 0, len(sorted)), Passed: true}
	for _, f := range sorted {
		j := Judged{Finding: f, Level: levelOf(in.Levels, f.Rule)}
		var steps []string
		for i := range waivers {
			w := &waivers[i]
			if w.Rule != f.Rule {
				continue
			}
			if steps == nil && matchers[i].steps != nil && f.Address != "" {
				steps = change.SplitAddress(f.Address)
			}
			if !matchers[i].match(f.Address, steps) {
				continue
			}
			if expired[i] {
				if j.Expired == nil {
					j.Expired = w
				}
				continue
			}
			j.Waiver = w
			used[i]++
			break
		}
		if j.Waiver != nil {
			// An active waiver makes a matching expired one irrelevant.
			j.Expired = nil
		}
		if f.Severity == policy.Deny && j.Waiver == nil {
			switch j.Level {
			case Advisory:
			case Soft:
				j.Overridden = labelOverride || slices.Contains(in.Overrides, f.Rule)
				j.Blocking = !j.Overridden
			default:
				j.Blocking = true
			}
		}
		if j.Blocking {
			out.Passed = false
		}
		out.Findings = append(out.Findings, j)
	}

	out.Waivers = make([]WaiverUse, len(waivers))
	for i, w := range waivers {
		u := WaiverUse{Waiver: w, Status: Unused, Findings: used[i]}
		switch {
		case expired[i]:
			u.Status = Expired
		case used[i] > 0:
			u.Status = Active
		}
		out.Waivers[i] = u
	}
	return out
}

// levelOf is the rule's level; anything but advisory or soft enforces
// hard, so a misspelt level fails closed.
func levelOf(levels map[string]Level, rule string) Level {
	switch l := levels[rule]; l {
	case Advisory, Soft:
		return l
	}
	return Hard
}

// isExpired says whether a waiver's last day is before today (both
// YYYY-MM-DD). An expiry that is not a valid date counts as expired: a
// waiver nobody can date must not waive anything.
func isExpired(expires, today string) bool {
	if _, err := time.Parse(time.DateOnly, expires); err != nil {
		return true
	}
	return expires < today
}

func anyLabel(labels, overriding []string) bool {
	for _, l := range labels {
		for _, o := range overriding {
			if o = strings.TrimSpace(o); o != "" && strings.EqualFold(strings.TrimSpace(l), o) {
				return true
			}
		}
	}
	return false
}
