package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
)

// reconcileTable writes a reconciliation for terminals: what was read,
// the overall accuracy, then per type, per resource (with quantities),
// the top drifters, the unmatched cost, notes, and the gate last.
func reconcileTable(w io.Writer, r *reconcile.Result, opts ReconcileOptions) error {
	t := &table{color: opts.Color}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", t.paint(ansiBold, "Reconciliation of "+periodText(r.PeriodStart, r.PeriodEnd)))
	fmt.Fprintf(&b, "Actual cost compared at %s, in %s.\n", basisName(r.Basis), or(r.Currency, "an unknown currency"))
	if len(r.Files) > 0 {
		fmt.Fprintf(&b, "\nBilling files (%d):\n", len(r.Files))
		for _, f := range r.Files {
			fmt.Fprintf(&b, "  %s: %s\n", printable(f.Name), printable(fileText(f)))
		}
	}

	b.WriteString("\n" + t.paint(ansiBold, "Overall") + "\n")
	writeTotalsLines(&b, r)

	if len(r.Types) > 0 {
		b.WriteString("\n")
		typeGrid(r, t.color).write(&b)
	}
	if len(r.Resources) > 0 {
		b.WriteString("\n")
		resourceGrid(r, t.color).write(&b)
		if unpricedAny(r) {
			b.WriteString(t.paint(ansiYellow, "⚠ partly unpriced: the prediction lacked some prices, so the variance may be the missing price.") + "\n")
		}
	}
	if g := quantityGrid(r, t.color); len(g.rows) > 1 {
		b.WriteString("\n")
		g.write(&b)
	}
	if len(r.TopDrifters) > 0 {
		fmt.Fprintf(&b, "\n%s\n", t.paint(ansiBold, "Top drifters"))
		n := newNamer(r)
		for i, d := range drifters(r) {
			fmt.Fprintf(&b, "  %d. %s\n", i+1, printable(drifterText(r, d, n)))
		}
	}
	if len(r.Unmatched) > 0 {
		b.WriteString("\n")
		unmatchedGrid(r, t.color).write(&b)
	}
	if len(r.Notes) > 0 {
		b.WriteString("\nNotes:\n")
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "  - %s\n", printable(n))
		}
	}
	verdict := gateText(r)
	if len(r.Violations) == 0 {
		fmt.Fprintf(&b, "\n%s\n", t.paint(ansiGreen, verdict))
	} else {
		fmt.Fprintf(&b, "\n%s\n", t.paint(ansiBold+";"+ansiRed, verdict))
		for _, v := range r.Violations {
			fmt.Fprintf(&b, "  - %s\n", printable(v))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTotalsLines writes the overall measures, one per line.
func writeTotalsLines(b *strings.Builder, r *reconcile.Result) {
	lines := overallMeasures(r)
	width := 0
	for _, l := range lines {
		width = max(width, runeLen(l.Name))
	}
	for _, l := range lines {
		fmt.Fprintf(b, "  %s  %s\n", padRight(l.Name+":", width+1), l.Value)
	}
}

// drifterText is "ADDRESS: +$12.00 (predicted $10.00, actual $22.00, 2.20×)".
func drifterText(r *reconcile.Result, d drifter, n namer) string {
	if !d.ok {
		return d.address
	}
	return n.name(d.res) + ": " + drifterFigures(r, d.res)
}

// drifterFigures is "+$12.00 (predicted $10.00, actual $22.00, 2.20×)".
func drifterFigures(r *reconcile.Result, res reconcile.Resource) string {
	return fmt.Sprintf("%s (predicted %s, actual %s, %s)", signedDollars(res.Variance),
		dollars(res.Predicted), dollars(reconcile.ActualAt(r.Basis, res.ActualList, res.ActualEffective, res.ActualBilled)), ratio(res))
}

func typeGrid(r *reconcile.Result, color bool) *grid {
	g := newGrid(color, "lrrrrrr", "TYPE", "FOUND", "PREDICTED", "ACTUAL", "WAPE", "BIAS", "SHARE OF BILL")
	for _, ty := range r.Types {
		ok := definedTotals(r, ty.Totals)
		g.add("", printable(ty.Type), fmt.Sprintf("%d/%d", ty.Found, ty.Resources), dollars(ty.Predicted),
			dollars(reconcile.ActualAt(r.Basis, ty.ActualList, ty.ActualEffective, ty.ActualBilled)),
			orDash(ok.wape, pct(ty.WAPE)), orDash(ok.wape, signedPct(ty.Bias)), orDash(ok.billed, pct(ty.CoverageBilled)))
	}
	return g
}

func resourceGrid(r *reconcile.Result, color bool) *grid {
	n := newNamer(r)
	g := newGrid(color, "llrrrrrrr", "RESOURCE", "MATCHED BY", "HOURS", "PREDICTED", "ACTUAL LIST", "EFFECTIVE", "BILLED", "VARIANCE", "RATIO")
	for _, res := range r.Resources {
		style := ""
		switch {
		case res.MatchedBy == "":
			style = ansiDim
		case !res.Priced:
			style = ansiYellow
		}
		name := n.name(res)
		if !res.Priced {
			name += " ⚠"
		}
		g.add(style, printable(name), matchedBy(res), quantity(res.Hours), dollars(res.Predicted),
			dollars(res.ActualList), dollars(res.ActualEffective), dollars(res.ActualBilled),
			signedDollars(res.Variance), ratio(res))
		if c := varianceColor(res.Variance); c != "" {
			g.last().cellStyle = map[int]string{7: c}
		}
	}
	return g
}

// varianceColor: red when the bill is higher than predicted.
func varianceColor(v decimal.Decimal) string {
	switch {
	case v.Round(2).IsPositive():
		return ansiRed
	case v.Round(2).IsNegative():
		return ansiGreen
	}
	return ""
}

func quantityGrid(r *reconcile.Result, color bool) *grid {
	n := newNamer(r)
	g := newGrid(color, "llrrrl", "QUANTITY", "UNIT", "PREDICTED", "ACTUAL", "GAP", "USAGE KEY")
	for _, res := range r.Resources {
		if len(res.Quantities) == 0 {
			continue
		}
		g.add(ansiBold, printable(n.name(res)), "", "", "", "", "")
		for _, q := range res.Quantities {
			g.add("", "  "+printable(q.Component), printable(q.Unit), quantity(q.Predicted), quantity(q.Actual),
				signedQuantity(q.Actual.Sub(q.Predicted)), printable(q.UsageKey))
		}
	}
	return g
}

func signedQuantity(d decimal.Decimal) string {
	if d.Round(4).IsPositive() {
		return "+" + quantity(d)
	}
	return quantity(d)
}

func unmatchedGrid(r *reconcile.Result, color bool) *grid {
	g := newGrid(color, "llrr", fmt.Sprintf("UNMATCHED (%d, %s billed)", len(r.Unmatched), dollars(unmatchedBilled(r))), "SERVICE", "BILLED", "LIST")
	for _, u := range r.Unmatched {
		id := u.ResourceID
		if id == "" {
			id = "(no resource id)"
		}
		g.add("", printable(id), printable(u.Service), dollars(u.Billed), dollars(u.List))
	}
	return g
}

// grid is an aligned table of any number of columns; align has one
// letter per column, 'l' or 'r'.
type grid struct {
	color bool
	align string
	rows  []gridRow
}

type gridRow struct {
	cells []string
	style string
	// cellStyle overrides style for some cells, by column.
	cellStyle map[int]string
}

func newGrid(color bool, align string, head ...string) *grid {
	g := &grid{color: color, align: align}
	g.add(ansiBold, head...)
	return g
}

func (g *grid) add(style string, cells ...string) {
	g.rows = append(g.rows, gridRow{cells: cells, style: style})
}

func (g *grid) last() *gridRow { return &g.rows[len(g.rows)-1] }

// write pads on plain text first, then colors each cell, so that escape
// codes never upset the alignment nor end another cell's color.
func (g *grid) write(b *strings.Builder) {
	widths := make([]int, len(g.align))
	for _, r := range g.rows {
		for i, c := range r.cells {
			widths[i] = max(widths[i], runeLen(c))
		}
	}
	t := &table{color: g.color}
	for _, r := range g.rows {
		cells := make([]string, len(r.cells))
		for i, c := range r.cells {
			if g.align[i] == 'l' {
				c = padRight(c, widths[i])
			} else {
				c = padLeft(c, widths[i])
			}
			if i == len(r.cells)-1 {
				c = strings.TrimRight(c, " ")
			}
			style := r.style
			if s, ok := r.cellStyle[i]; ok {
				style = s
			}
			cells[i] = t.paint(style, c)
		}
		b.WriteString(strings.TrimRight(strings.Join(cells, "  "), " ") + "\n")
	}
}
