package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/gate"
)

// CheckMarkdown writes a check result as GitHub-flavoured Markdown for a
// pull-request comment: the gate's verdict first, then the findings (waived
// ones struck through, with their waiver), the waivers, and the cost
// estimate.
func CheckMarkdown(w io.Writer, res *engine.Result) error {
	if res == nil || res.Estimate == nil {
		return errNoEstimate
	}
	var b strings.Builder
	b.WriteString("## tollgate check\n\n")
	switch {
	case !res.Passed && blocking(res) > 0:
		fmt.Fprintf(&b, "❌ **Gate failed**: %s.\n", plural(blocking(res), "blocking finding"))
	case !res.Passed:
		b.WriteString("❌ **Gate failed**.\n")
	case len(res.Findings) == 0:
		b.WriteString("✅ **Gate passed**: no policy findings.\n")
	default:
		b.WriteString("✅ **Gate passed**: no blocking findings.\n")
	}
	if len(res.Findings) > 0 {
		fmt.Fprintf(&b, "\n### Policy findings (%d)\n\n%s.\n", len(res.Findings), findingCounts(res))
		b.WriteString("\n| Severity | Rule | Resource | Location | Message | Gate |\n|---|---|---|---|---|---|\n")
		for _, j := range res.Findings {
			writeFindingRow(&b, j)
		}
	}
	if len(res.Waivers) > 0 {
		fmt.Fprintf(&b, "\n**Waivers (%d)**: %s.\n\n", len(res.Waivers), waiverCounts(res.Waivers))
		for _, u := range res.Waivers {
			warn := ""
			if u.Status != gate.Active {
				warn = "⚠ "
			}
			fmt.Fprintf(&b, "- %s%s on %s, by %s until %s (%s): %s\n", warn, code(u.Rule), code(u.Address),
				cell(u.Owner), cell(u.Expires), code(orUnknown(u.Source)), waiverAdvice(u))
		}
	}
	b.WriteString("\n### Cost\n\n")
	writeCostMarkdown(&b, res.Estimate)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeFindingRow(b *strings.Builder, j gate.Judged) {
	address, loc := "", ""
	if j.Address != "" {
		address = code(j.Address)
	}
	if l := where(j.Location); l != "" {
		loc = code(l)
	}
	msg := cell(j.Message)
	if j.Waiver != nil {
		msg = "~~" + msg + "~~"
	}
	var notes []string
	for _, m := range marks(j) {
		note := cell(strings.ToLower(m.tag))
		if m.detail != "" {
			note += " " + cell(m.detail)
		}
		if m.tag == markBlocking {
			note = "**" + note + "**"
		}
		notes = append(notes, note)
	}
	fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", j.Severity, code(j.Rule), address, loc, msg, strings.Join(notes, "; "))
}
