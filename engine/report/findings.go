package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
)

// severities in report order.
var severities = []policy.Severity{policy.Deny, policy.Warn, policy.Info}

// mark is one thing the gate decided about a finding, e.g. {"WAIVED",
// "by ops until 2027-01-31: legacy"}.
type mark struct {
	tag, detail string
}

func (m mark) String() string {
	if m.detail == "" {
		return m.tag
	}
	return m.tag + " " + m.detail
}

// Mark tags.
const (
	markBlocking   = "BLOCKING"
	markWaived     = "WAIVED"
	markExpired    = "EXPIRED WAIVER"
	markOverridden = "OVERRIDDEN"
	markAdvisory   = "ADVISORY"
	markSoft       = "SOFT"
)

// marks says what the gate made of a finding, most important first.
// Enforcement levels only matter for deny findings.
func marks(j gate.Judged) []mark {
	var out []mark
	if j.Blocking {
		out = append(out, mark{tag: markBlocking})
	}
	if j.Waiver != nil {
		out = append(out, mark{markWaived, waiverTerms(j.Waiver)})
	}
	if j.Expired != nil {
		out = append(out, mark{markExpired, fmt.Sprintf("(expired %s, %s)", j.Expired.Expires, orUnknown(j.Expired.Source))})
	}
	if j.Severity != policy.Deny {
		return out
	}
	switch {
	case j.Overridden:
		out = append(out, mark{tag: markOverridden})
	case j.Level == gate.Advisory:
		out = append(out, mark{tag: markAdvisory})
	case j.Level == gate.Soft && j.Waiver == nil:
		out = append(out, mark{markSoft, "(can be overridden)"})
	}
	return out
}

// waiverTerms is "by OWNER until DATE: REASON".
func waiverTerms(w *gate.Waiver) string {
	return fmt.Sprintf("by %s until %s: %s", w.Owner, w.Expires, w.Reason)
}

func orUnknown(s string) string {
	if s == "" {
		return "source unknown"
	}
	return s
}

// where is "file:line", "file" or "".
func where(loc *change.Location) string {
	switch {
	case loc == nil || loc.File == "":
		return ""
	case loc.Line < 1:
		return loc.File
	}
	return loc.File + ":" + strconv.Itoa(loc.Line)
}

// blocking counts the findings that fail the gate.
func blocking(res *engine.Result) int {
	n := 0
	for _, j := range res.Findings {
		if j.Blocking {
			n++
		}
	}
	return n
}

// gateVerdict is "PASSED" or "FAILED (2 blocking findings)".
// Summary is a check result on one line, for check runs, statuses and
// the last annotation: "Gate FAILED (2 blocking findings). Monthly cost
// $10.00 → $25.00 (+$15.00)."
func Summary(res *engine.Result) string {
	return fmt.Sprintf("Gate %s. Monthly cost %s → %s (%s).",
		gateVerdict(res), dollars(res.PastTotal), dollars(res.Total), signedDollars(res.DiffTotal))
}

func gateVerdict(res *engine.Result) string {
	if res.Passed {
		return "PASSED"
	}
	if n := blocking(res); n > 0 {
		return fmt.Sprintf("FAILED (%s)", plural(n, "blocking finding"))
	}
	return "FAILED"
}

// findingCounts is "6 deny, 1 warn, 1 info (3 blocking, 1 waived)".
func findingCounts(res *engine.Result) string {
	counts := map[policy.Severity]int{}
	waived := 0
	for _, j := range res.Findings {
		counts[j.Severity]++
		if j.Waiver != nil {
			waived++
		}
	}
	var parts []string
	for _, s := range severities {
		if n := counts[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	var gated []string
	if n := blocking(res); n > 0 {
		gated = append(gated, fmt.Sprintf("%d blocking", n))
	}
	if waived > 0 {
		gated = append(gated, fmt.Sprintf("%d waived", waived))
	}
	s := strings.Join(parts, ", ")
	if len(gated) > 0 {
		s += " (" + strings.Join(gated, ", ") + ")"
	}
	return s
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// bySeverity groups findings by severity, in report order, keeping their
// order within a group.
func bySeverity(findings []gate.Judged) map[policy.Severity][]gate.Judged {
	groups := map[policy.Severity][]gate.Judged{}
	for _, j := range findings {
		groups[j.Severity] = append(groups[j.Severity], j)
	}
	return groups
}

// ruleInfo is what reports say about a rule id: several Rego rules can
// share one (deny and warn of one package), and results can name ids no
// rule declares.
type ruleInfo struct {
	ID          string
	Title       string
	Description string
	Severity    policy.Severity // the most severe of its rules
	policies    map[string]bool // file:row of its Rego rules
}

// ruleInfos lists every rule id of the result, evaluated rules and ids
// that appear only in findings, sorted by id.
func ruleInfos(res *engine.Result) []ruleInfo {
	byID := map[string]*ruleInfo{}
	add := func(id, title, description string, sev policy.Severity, pol string) {
		r, ok := byID[id]
		if !ok {
			r = &ruleInfo{ID: id, Severity: sev, policies: map[string]bool{}}
			byID[id] = r
		}
		if r.Title == "" {
			r.Title = title
		}
		if r.Description == "" {
			r.Description = description
		}
		if rank(sev) < rank(r.Severity) {
			r.Severity = sev
		}
		if pol != "" {
			r.policies[pol] = true
		}
	}
	for _, r := range res.Rules {
		add(r.ID, r.Title, r.Description, r.Severity, r.Policy)
	}
	for _, j := range res.Findings {
		if _, ok := byID[j.Rule]; !ok {
			add(j.Rule, j.Title, j.Description, j.Severity, "")
		}
	}
	out := make([]ruleInfo, 0, len(byID))
	for _, r := range byID {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, k int) bool { return out[i].ID < out[k].ID })
	return out
}

func rank(s policy.Severity) int {
	for i, v := range severities {
		if s == v {
			return i
		}
	}
	return len(severities)
}

// quiet reports whether a rule produced no finding. A finding belongs to
// a rule by id, or by the Rego rule that produced it (a result may rename
// its rule).
func (r ruleInfo) quiet(findings []gate.Judged) bool {
	for _, j := range findings {
		if j.Rule == r.ID || r.policies[j.Policy] {
			return false
		}
	}
	return true
}

// printable replaces control characters (escape sequences in a policy
// message or a for_each key could drive a terminal) with Go escapes;
// newlines and tabs stay.
func printable(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isControl(r rune) bool {
	return r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0))
}

// waiverStatuses in report order.
var waiverStatuses = []string{gate.Active, gate.Expired, gate.Unused}

// waiverCounts is "1 active, 1 expired, 1 unused".
func waiverCounts(uses []gate.WaiverUse) string {
	counts := map[string]int{}
	for _, u := range uses {
		counts[u.Status]++
	}
	var parts []string
	for _, s := range waiverStatuses {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	return strings.Join(parts, ", ")
}

// waiverAdvice says what became of a waiver, and what to do about one
// that waived nothing.
func waiverAdvice(u gate.WaiverUse) string {
	switch u.Status {
	case gate.Active:
		return "waived " + plural(u.Findings, "finding")
	case gate.Expired:
		return "expired: it no longer applies; renew or remove it"
	case gate.Unused:
		return "unused: no finding matched it; remove it"
	}
	return u.Status
}
