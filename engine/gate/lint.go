package gate

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Lint reports what in the inputs cannot take effect: waivers, levels and
// overrides naming a rule that no policy defines (almost always a typo)
// and overrides of rules that are not soft. known are the rule ids the
// policies define, plus those of the findings (a result object may name
// its rule at evaluation time). The caller prints the notes as warnings;
// none of them changes the decision.
func Lint(in Inputs, known []string) []string {
	ids := map[string]bool{}
	for _, k := range known {
		ids[k] = true
	}
	list := strings.Join(slices.Sorted(maps.Keys(ids)), ", ")
	if list == "" {
		list = "none"
	}
	var notes []string
	for _, w := range in.Waivers {
		if !ids[w.Rule] {
			note := fmt.Sprintf("waiver names rule %q, which no policy defines (rules: %s)", w.Rule, list)
			if w.Source != "" {
				note = w.Source + ": " + note
			}
			notes = append(notes, note)
		}
	}
	for _, r := range slices.Sorted(maps.Keys(in.Levels)) {
		if !ids[r] {
			notes = append(notes, fmt.Sprintf("enforcement sets a level for rule %q, which no policy defines (rules: %s)", r, list))
		}
	}
	for _, r := range in.Overrides {
		switch {
		case !ids[r]:
			notes = append(notes, fmt.Sprintf("override of rule %q has no effect: no policy defines it (rules: %s)", r, list))
		case levelOf(in.Levels, r) != Soft:
			notes = append(notes, fmt.Sprintf("override of rule %q has no effect: it is %s, and only soft rules can be overridden", r, levelOf(in.Levels, r)))
		}
	}
	return notes
}
