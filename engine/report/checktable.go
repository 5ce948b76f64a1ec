package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
)

// CheckTable writes a check result for terminals: the estimate table, the
// findings grouped by severity with what the gate made of each, the
// waivers (expired and unused ones called out), and the gate's verdict on
// the last line.
func CheckTable(w io.Writer, res *engine.Result, opts TableOptions) error {
	if res == nil || res.Estimate == nil {
		return errNoEstimate
	}
	if err := Table(w, res.Estimate, opts); err != nil {
		return err
	}
	t := &table{color: opts.Color}
	var b strings.Builder
	if len(res.Findings) == 0 {
		b.WriteString("\nPolicy findings: none\n")
	} else {
		fmt.Fprintf(&b, "\n%s\n", t.paint(ansiBold, fmt.Sprintf("Policy findings (%d): %s", len(res.Findings), findingCounts(res))))
	}
	groups := bySeverity(res.Findings)
	for _, sev := range severities {
		if len(groups[sev]) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s\n", t.paint(ansiBold, strings.ToUpper(string(sev))))
		for _, j := range groups[sev] {
			writeFindingLines(&b, t, j)
		}
	}
	writeWaiverLines(&b, t, res.Waivers)
	verdict := "Gate: " + gateVerdict(res)
	if res.Passed {
		verdict = t.paint(ansiGreen, verdict)
	} else {
		verdict = t.paint(ansiBold+";"+ansiRed, verdict)
	}
	fmt.Fprintf(&b, "\n%s\n", verdict)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeFindingLines writes "rule  address  file:line  [MARKS]" and the
// message below it, indented.
func writeFindingLines(b *strings.Builder, t *table, j gate.Judged) {
	head := []string{printable(j.Rule)}
	if j.Address != "" {
		head = append(head, printable(j.Address))
	}
	if loc := where(j.Location); loc != "" {
		head = append(head, printable(loc))
	}
	for _, m := range marks(j) {
		head = append(head, "["+printable(m.String())+"]")
	}
	style := findingStyle(j)
	fmt.Fprintf(b, "  %s\n", t.paint(style, strings.Join(head, "  ")))
	for _, line := range strings.Split(printable(j.Message), "\n") {
		fmt.Fprintf(b, "      %s\n", t.paint(style, line))
	}
}

// findingStyle: red blocks the merge, yellow warns, dim was waived.
func findingStyle(j gate.Judged) string {
	switch {
	case j.Blocking:
		return ansiRed
	case j.Waiver != nil:
		return ansiDim
	case j.Severity == policy.Warn:
		return ansiYellow
	}
	return ""
}

// writeWaiverLines writes one aligned line per waiver.
func writeWaiverLines(b *strings.Builder, t *table, uses []gate.WaiverUse) {
	if len(uses) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s\n", t.paint(ansiBold, fmt.Sprintf("Waivers (%d): %s", len(uses), waiverCounts(uses))))
	rows := make([][]string, 0, len(uses))
	for _, u := range uses {
		status := u.Status
		if status != gate.Active {
			status = strings.ToUpper(status)
		}
		rows = append(rows, []string{status, u.Rule, u.Address, u.Owner, "until " + u.Expires, orUnknown(u.Source), waiverAdvice(u)})
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, cell := range r {
			r[i] = printable(cell)
			widths[i] = max(widths[i], runeLen(r[i]))
		}
	}
	for k, r := range rows {
		var line strings.Builder
		for i, cell := range r {
			if i < len(r)-1 {
				cell = padRight(cell, widths[i]) + "  "
			}
			line.WriteString(cell)
		}
		style := ""
		if uses[k].Status != gate.Active {
			style = ansiYellow
		}
		fmt.Fprintf(b, "  %s\n", t.paint(style, strings.TrimRight(line.String(), " ")))
	}
}
