package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
)

// The comment's tables and collapsed lists, and the escaping that keeps
// text from plans and policies inside their cells.

// findings writes one table per severity, most severe first.
func (c *comment) findings(res *engine.Result) {
	if len(res.Findings) == 0 {
		return
	}
	c.paragraph(rankHeadline, fmt.Sprintf("### Policy findings (%d)\n\n%s.", len(res.Findings), findingCounts(res)))
	groups := bySeverity(res.Findings)
	const header = "| Rule | Resource | Location | Message | Gate |\n|---|---|---|---|---|\n"
	for _, sev := range severities {
		group := groups[sev]
		if len(group) == 0 {
			continue
		}
		// What blocks first, what was waived last: the first rows are the
		// ones to act on.
		slices.SortStableFunc(group, func(a, b gate.Judged) int { return findingWeight(a) - findingWeight(b) })
		rows := make([]string, len(group))
		for i, j := range group {
			rows[i] = findingRow(j)
		}
		head := fmt.Sprintf("\n**%s %s (%d)**\n\n%s", severityIcon(sev), sev, len(group), header)
		c.table(head, header, string(sev)+" finding", rows, commentFindingRows, severityRank(sev), kindFinding)
	}
}

func findingWeight(j gate.Judged) int {
	switch {
	case j.Blocking:
		return 0
	case j.Waiver == nil:
		return 1
	}
	return 2
}

func severityIcon(s policy.Severity) string {
	switch s {
	case policy.Deny:
		return "❌"
	case policy.Warn:
		return "⚠️"
	}
	return "ℹ️"
}

func severityRank(s policy.Severity) int {
	switch s {
	case policy.Deny:
		return rankDeny
	case policy.Warn:
		return rankWarn
	}
	return rankInfo
}

// findingRow is one finding: the message struck through when waived, and
// what the gate made of it.
func findingRow(j gate.Judged) string {
	address, loc := "", ""
	if j.Address != "" {
		address = span(j.Address)
	}
	if l := where(j.Location); l != "" {
		loc = span(l)
	}
	msg := text(j.Message, commentMessageRunes)
	if j.Waiver != nil && msg != "" {
		msg = "~~" + msg + "~~"
	}
	var gated []string
	for _, m := range marks(j) {
		note := strings.ToLower(m.tag)
		if m.detail != "" {
			note += " " + m.detail
		}
		note = text(note, commentMessageRunes)
		if m.tag == markBlocking {
			note = "**" + note + "**"
		}
		gated = append(gated, note)
	}
	return fmt.Sprintf("| %s | %s | %s | %s | %s |\n", span(j.Rule), address, loc, msg, strings.Join(gated, "; "))
}

// changed are the resources the change touches that cost or may cost
// something, biggest difference first.
func changed(est *engine.Estimate) []engine.ResourceCost {
	var out []engine.ResourceCost
	for _, rc := range est.Resources {
		if rc.Action != change.NoOp && !rc.Free {
			out = append(out, rc)
		}
	}
	slices.SortStableFunc(out, func(a, b engine.ResourceCost) int {
		if c := b.Diff.Abs().Cmp(a.Diff.Abs()); c != 0 {
			return c
		}
		return strings.Compare(a.Address, b.Address)
	})
	return out
}

func (c *comment) resources(rs []engine.ResourceCost) {
	if len(rs) == 0 {
		return
	}
	const header = "| Resource | Action | Before | After | Diff |\n|---|---|--:|--:|--:|\n"
	rows := make([]string, len(rs))
	for i, rc := range rs {
		after := dollars(rc.Monthly)
		if !rc.Priced {
			after += " ⚠"
		}
		rows[i] = fmt.Sprintf("| %s | %s | %s | %s | %s |\n", span(rc.Address), rc.Action, dollars(rc.Past), after, signedDollars(rc.Diff))
	}
	head := fmt.Sprintf("\n### Changed resources (%d)\n\n%s", len(rs), header)
	c.table(head, header, "changed resource", rows, commentResourceRows, rankResources, kindResource)
}

// table adds a table of at most shown rows, then "… and N more" and the
// rest of the rows in a collapsed table of their own; noun is what a row
// is.
func (c *comment) table(head, header, noun string, rows []string, shown, rank int, k kind) {
	if len(rows) <= shown {
		c.add(section{head: head, parts: rows, rank: rank, kind: k})
		return
	}
	n := thousands(strconv.Itoa(len(rows) - shown))
	more := n + " more " + noun
	if len(rows)-shown > 1 {
		more += "s"
	}
	columns := strings.Count(header[:strings.Index(header, "\n")], "|") - 1
	first := slices.Clip(rows[:shown])
	first = append(first, "| *… and "+n+" more* |"+strings.Repeat(" |", columns-1)+"\n")
	c.add(section{head: head, parts: first, rank: rank, kind: k, tail: 1})
	c.add(section{
		head:  fmt.Sprintf("\n<details><summary>%s</summary>\n\n%s", cell(more), header),
		parts: rows[shown:],
		foot:  "\n</details>\n",
		rank:  rankMore,
		kind:  k,
	})
}

// components lists the cost lines of the changed resources, collapsed.
func (c *comment) components(rs []engine.ResourceCost) {
	s := section{head: "\n<details><summary>Cost components</summary>\n", foot: "\n</details>\n", rank: rankComponents, kind: kindComponents}
	for _, rc := range rs {
		comps := shownComponents(rc)
		if len(comps) == 0 {
			continue
		}
		s.parts = append(s.parts, componentTable(rc, comps, span(rc.Address), func(name string) string {
			return text(name, commentMessageRunes)
		}))
	}
	if len(s.parts) > 0 {
		c.add(s)
	}
}

// waivers lists every waiver, collapsed; the summary calls out the ones
// that need attention.
func (c *comment) waivers(uses []gate.WaiverUse) {
	if len(uses) == 0 {
		return
	}
	summary := fmt.Sprintf("Waivers (%d): %s", len(uses), waiverCounts(uses))
	if slices.ContainsFunc(uses, func(u gate.WaiverUse) bool { return u.Status != gate.Active }) {
		summary = "⚠️ " + summary
	}
	s := section{head: "\n<details><summary>" + summary + "</summary>\n\n", foot: "\n</details>\n", rank: rankNotes, kind: kindWaiver}
	// Expired and unused waivers first: they need someone to act.
	uses = slices.Clone(uses)
	slices.SortStableFunc(uses, func(a, b gate.WaiverUse) int { return waiverWeight(a) - waiverWeight(b) })
	for _, u := range uses {
		warn := ""
		if u.Status != gate.Active {
			warn = "⚠️ "
		}
		s.parts = append(s.parts, fmt.Sprintf("- %s%s on %s, by %s until %s (%s): %s; %s\n", warn, span(u.Rule), span(u.Address),
			span(u.Owner), cell(printable(u.Expires)), span(orUnknown(u.Source)), text(u.Reason, commentMessageRunes), waiverAdvice(u)))
	}
	c.add(s)
}

func waiverWeight(u gate.WaiverUse) int {
	if u.Status == gate.Active {
		return 1
	}
	return 0
}

// span is code() for any text: on one line, control characters escaped,
// in a fence longer than any run of backticks inside.
func span(s string) string {
	s = oneLine(printable(s))
	run, longest := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	if longest < 2 {
		return code(s)
	}
	fence := strings.Repeat("`", longest+1)
	return fence + " " + strings.ReplaceAll(s, "|", "\\|") + " " + fence
}

// text makes a message safe in a table cell, cut to limit characters.
func text(s string, limit int) string {
	s = printable(s)
	if r := []rune(s); len(r) > limit {
		s = string(r[:limit]) + "…"
	}
	return cell(oneLine(s))
}

var lineJoiner = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

func oneLine(s string) string { return lineJoiner.Replace(s) }
