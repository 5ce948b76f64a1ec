package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
)

// GitHubCommentLimit is the most characters GitHub takes in a comment body.
const GitHubCommentLimit = 65536

// Rows shown in the comment's tables; the rest are in a collapsed list
// under each table, so that a big change stays readable.
const (
	commentResourceRows = 20
	commentFindingRows  = 30
	// commentMessageRunes shortens a policy message in a table cell.
	commentMessageRunes = 1000
)

// CommentOptions controls Comment.
type CommentOptions struct {
	// Marker is the first line of the body (action.Marker's String); it
	// survives any cut.
	Marker string
	// Limit is the most characters (Unicode code points) the body may
	// have; 0 means GitHubCommentLimit.
	Limit int
	// Title heads the comment, e.g. "tollgate (infra/prod)"; "tollgate"
	// when empty.
	Title string
	// DetailsURL links to the CI run, when given.
	DetailsURL string
}

// Comment renders a check result as the body of a pull-request comment in
// GitHub-flavoured Markdown: the gate's verdict and the monthly cost with
// its diff; the findings by severity with file:line and what the gate made
// of each; the resources whose cost changes, biggest difference first;
// collapsed cost components, unpriced resources and waivers; the notes and
// the date of the prices. A change that changes nothing, or no cost, gets a
// short body. A body over the limit loses whole rows and sections, least
// important first, and says what it left out.
func Comment(res *engine.Result, opts CommentOptions) string {
	limit := opts.Limit
	if limit <= 0 {
		limit = GitHubCommentLimit
	}
	c := &comment{opts: opts}
	title := opts.Title
	if title == "" {
		title = toolName
	}
	c.add(section{rank: rankHeadline, parts: []string{"## " + cell(printable(title)) + "\n"}})
	switch {
	case res == nil || res.Estimate == nil:
		c.paragraph(rankHeadline, "⚠️ tollgate has no result to show: the check produced no estimate. See the job log.")
	case unchanged(res):
		c.paragraph(rankHeadline, fmt.Sprintf("✅ **No changes**: the plan changes no resources and the policies found nothing. The monthly cost stays at %s.", dollars(res.Total)))
		c.list(rankNotes, kindNote, res.Notes)
		c.footer(nil)
	case costless(res):
		c.paragraph(rankHeadline, fmt.Sprintf("✅ **Gate passed**: no policy findings. This change (%s) does not change the monthly cost: it stays at %s.", actionCounts(res.Estimate), dollars(res.Total)))
		c.list(rankNotes, kindNote, notes(res.Estimate))
		c.footer(res.Estimate)
	default:
		c.full(res)
	}
	return fit(opts.Marker, c.sections, c.noteAt, limit)
}

// comment collects the sections of a comment body.
type comment struct {
	opts     CommentOptions
	sections []section
	noteAt   int // the cut note goes before this section
}

func (c *comment) add(s section) {
	c.sections = append(c.sections, s)
	c.noteAt = len(c.sections)
}

func (c *comment) paragraph(rank int, text string) {
	c.add(section{rank: rank, parts: []string{"\n" + text + "\n"}})
}

// list adds "- item" lines, escaped.
func (c *comment) list(rank int, k kind, items []string) {
	if len(items) == 0 {
		return
	}
	s := section{head: "\n", rank: rank, kind: k}
	for _, it := range items {
		it = cell(printable(it))
		if strings.HasPrefix(it, "*") {
			it = "\\" + it // a leading * would start a nested list
		}
		s.parts = append(s.parts, "- "+it+"\n")
	}
	c.add(s)
}

// footer is the date of the prices (none without an estimate) and the
// link to the run; the cut note goes above it.
func (c *comment) footer(est *engine.Estimate) {
	var parts []string
	if est != nil && len(est.PricedAsOf) > 0 {
		parts = append(parts, fmt.Sprintf("Prices in %s as of: %s.", cell(est.Currency), cell(pricedAsOf(est))))
	}
	if c.opts.DetailsURL != "" {
		parts = append(parts, "[Details of the run]("+link(c.opts.DetailsURL)+")")
	}
	at := len(c.sections)
	if len(parts) > 0 {
		c.add(section{rank: rankFooter, kind: kindFooter, parts: []string{"\n<sub>" + strings.Join(parts, " ") + "</sub>\n"}})
	}
	c.noteAt = at
}

// link keeps a URL inside the parentheses of a Markdown link: spaces,
// control characters and what Markdown or HTML would read are
// percent-encoded.
func link(url string) string {
	var b strings.Builder
	for i := 0; i < len(url); i++ {
		c := url[i]
		if c <= ' ' || c == 0x7f || strings.IndexByte("()<>\"'`[]\\", c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func (c *comment) full(res *engine.Result) {
	c.paragraph(rankHeadline, verdict(res))
	c.paragraph(rankHeadline, "**Monthly cost: "+costLine(res.Estimate)+"**")
	if n := len(res.Unpriced); n > 0 {
		c.paragraph(rankHeadline, fmt.Sprintf("⚠️ **%s not priced**: their cost is missing from the totals.", plural(n, "resource")))
	}
	c.findings(res)
	rs := changed(res.Estimate)
	c.resources(rs)
	c.components(rs)
	if len(res.Unpriced) > 0 {
		s := section{
			head: fmt.Sprintf("\n<details><summary>Not priced (%d)</summary>\n\n", len(res.Unpriced)),
			foot: "\n</details>\n", rank: rankMore, kind: kindUnpriced,
		}
		for _, u := range res.Unpriced {
			s.parts = append(s.parts, fmt.Sprintf("- %s: %s\n", span(u.Address), cell(printable(u.Reason))))
		}
		c.add(s)
	}
	c.waivers(res.Waivers)
	if n, types := freeSummary(res.Estimate); n > 0 {
		c.add(section{rank: rankNotes, kind: kindNote, parts: []string{fmt.Sprintf("\nFree (%d): %s\n", n, cell(types))}})
	}
	c.list(rankNotes, kindNote, notes(res.Estimate))
	c.footer(res.Estimate)
}

// verdict is the gate's decision, as CheckMarkdown words it.
func verdict(res *engine.Result) string {
	switch n := blocking(res); {
	case !res.Passed && n > 0:
		return fmt.Sprintf("❌ **Gate failed**: %s.", plural(n, "blocking finding"))
	case !res.Passed:
		return "❌ **Gate failed**."
	case len(res.Findings) == 0:
		return "✅ **Gate passed**: no policy findings."
	}
	return "✅ **Gate passed**: no blocking findings."
}

// costLine is "$225.42 → $336.12 (+$110.70, +49.1%)".
func costLine(est *engine.Estimate) string {
	if est.DiffTotal.Round(2).IsZero() {
		return dollars(est.Total) + " (no change)"
	}
	diff := signedDollars(est.DiffTotal)
	if p := percent(est.DiffTotal, est.PastTotal); p != "" {
		diff += ", " + p
	}
	return fmt.Sprintf("%s → %s (%s)", dollars(est.PastTotal), dollars(est.Total), diff)
}

var hundred = decimal.NewFromInt(100)

// percent is the change relative to before, "+49.1%"; empty when nothing
// was paid before.
func percent(diff, past decimal.Decimal) string {
	if past.Round(2).IsZero() {
		return ""
	}
	p := diff.Div(past.Abs()).Mul(hundred).Round(1)
	switch {
	case p.IsZero() && diff.IsPositive():
		return "+<0.1%"
	case p.IsZero():
		return "-<0.1%"
	case p.IsPositive():
		return "+" + thousands(p.StringFixed(1)) + "%"
	}
	return thousands(p.StringFixed(1)) + "%"
}

// unchanged: no resource changes and nothing was found.
func unchanged(res *engine.Result) bool {
	if !res.Passed || len(res.Findings) > 0 || unexpanded(res.Estimate) {
		return false
	}
	for _, rc := range res.Resources {
		if rc.Action != change.NoOp {
			return false
		}
	}
	return true
}

// costless: resources change, but none changes its cost (each is priced
// and free or the same), and nothing was found.
func costless(res *engine.Result) bool {
	if !res.Passed || len(res.Findings) > 0 || unexpanded(res.Estimate) || !res.DiffTotal.Round(2).IsZero() {
		return false
	}
	for _, rc := range res.Resources {
		if rc.Action != change.NoOp && !rc.Free && (!rc.Priced || !rc.Diff.Round(2).IsZero()) {
			return false
		}
	}
	return true
}

// unexpanded reports whether some unpriced entry is not a resource of the
// estimate: a resource or module whose instances are unknown.
func unexpanded(est *engine.Estimate) bool {
	addresses := make(map[string]bool, len(est.Resources))
	for _, rc := range est.Resources {
		addresses[rc.Address] = true
	}
	for _, u := range est.Unpriced {
		if !addresses[u.Address] {
			return true
		}
	}
	return false
}

// actionCounts is "3 to create, 1 to update".
func actionCounts(est *engine.Estimate) string {
	counts := map[change.Action]int{}
	for _, rc := range est.Resources {
		counts[rc.Action]++
	}
	var parts []string
	for _, a := range []change.Action{change.Create, change.Update, change.Replace, change.Delete} {
		if counts[a] > 0 {
			parts = append(parts, fmt.Sprintf("%s to %s", thousands(strconv.Itoa(counts[a])), a))
		}
	}
	return strings.Join(parts, ", ")
}
