package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/pricing"
)

// TableOptions controls the table renderer.
type TableOptions struct {
	// Color adds ANSI colors; the caller decides (a terminal, no NO_COLOR,
	// no --no-color).
	Color bool
}

const (
	ansiBold   = "1"
	ansiDim    = "2"
	ansiRed    = "31"
	ansiGreen  = "32"
	ansiYellow = "33"
)

// Table writes the estimate as an aligned table: every resource that costs
// something with its components, the totals, then what is unpriced, free,
// approximated or assumed.
func Table(w io.Writer, est *engine.Estimate, opts TableOptions) error {
	t := &table{color: opts.Color}
	t.row(tableRow{name: "RESOURCE", qty: "QUANTITY", unit: "UNIT", price: "UNIT PRICE", monthly: "MONTHLY", diff: "DIFF", style: ansiBold})
	for _, rc := range est.Resources {
		if rc.Free {
			continue
		}
		diffStyle := ""
		switch {
		case rc.Diff.Round(2).IsPositive():
			diffStyle = ansiRed
		case rc.Diff.Round(2).IsNegative():
			diffStyle = ansiGreen
		}
		t.row(tableRow{
			symbol:    actionSymbol(rc.Action),
			name:      rc.Address,
			monthly:   dollars(rc.Monthly),
			diff:      signedDollars(rc.Diff),
			diffStyle: diffStyle,
		})
		if rc.Action == "delete" && len(rc.PastComponents) > 0 {
			t.row(tableRow{name: "  (deleted; it cost " + dollars(rc.Past) + " a month)", style: ansiDim})
			continue
		}
		if len(rc.Components) == 0 && !rc.Priced {
			t.row(tableRow{name: "  " + rc.UnpricedReason, style: ansiYellow})
		}
		for _, c := range rc.Components {
			t.row(componentRow(c))
		}
	}
	if err := t.write(w); err != nil {
		return err
	}

	var b strings.Builder
	fmt.Fprintf(&b, "\nMonthly cost before: %s\n", dollars(est.PastTotal))
	fmt.Fprintf(&b, "Monthly cost after:  %s\n", dollars(est.Total))
	fmt.Fprintf(&b, "Difference:          %s\n", t.paint(diffColor(est), signedDollars(est.DiffTotal)))
	if len(est.Unpriced) > 0 {
		fmt.Fprintf(&b, "\n%s\n", t.paint(ansiYellow, fmt.Sprintf("Not priced (%d): their cost is missing from the totals", len(est.Unpriced))))
		for _, u := range est.Unpriced {
			fmt.Fprintf(&b, "  %s: %s\n", u.Address, u.Reason)
		}
	}
	if n, types := freeSummary(est); n > 0 {
		fmt.Fprintf(&b, "\nFree (%d): %s\n", n, types)
	}
	if ns := notes(est); len(ns) > 0 {
		b.WriteString("\n" + strings.Join(ns, "\n") + "\n")
	}
	if s := pricedAsOf(est); s != "" {
		fmt.Fprintf(&b, "\nPrices in %s as of: %s\n", est.Currency, s)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func diffColor(est *engine.Estimate) string {
	switch {
	case est.DiffTotal.Round(2).IsPositive():
		return ansiRed
	case est.DiffTotal.Round(2).IsNegative():
		return ansiGreen
	}
	return ""
}

func componentRow(c pricing.Component) tableRow {
	r := tableRow{name: "  " + c.Name, qty: quantity(c.Quantity), unit: c.Unit}
	if c.UsageBased && c.UsageKey == "" {
		r.qty += "*"
	}
	if !c.Priced() {
		r.price = "not priced"
		r.style = ansiYellow
		return r
	}
	r.price = unitPrice(c.UnitPrice)
	if c.Approximation != "" {
		r.price = "~" + r.price
	}
	r.monthly = dollars(c.MonthlyCost)
	return r
}

type tableRow struct {
	symbol, name, qty, unit, price, monthly, diff string
	style, diffStyle                              string
}

type table struct {
	color bool
	rows  []tableRow
}

func (t *table) row(r tableRow) { t.rows = append(t.rows, r) }

func (t *table) paint(style, s string) string {
	if !t.color || style == "" || s == "" {
		return s
	}
	return "\x1b[" + style + "m" + s + "\x1b[0m"
}

// write pads on plain text first, then colors, so that escape codes never
// upset the alignment.
func (t *table) write(w io.Writer) error {
	var wName, wQty, wUnit, wPrice, wMonthly, wDiff int
	for _, r := range t.rows {
		wName = max(wName, runeLen(r.name))
		wQty = max(wQty, runeLen(r.qty))
		wUnit = max(wUnit, runeLen(r.unit))
		wPrice = max(wPrice, runeLen(r.price))
		wMonthly = max(wMonthly, runeLen(r.monthly))
		wDiff = max(wDiff, runeLen(r.diff))
	}
	var b strings.Builder
	for _, r := range t.rows {
		line := fmt.Sprintf("%-3s %s  %s  %s  %s  %s",
			r.symbol, padRight(r.name, wName), padLeft(r.qty, wQty), padRight(r.unit, wUnit),
			padLeft(r.price, wPrice), padLeft(r.monthly, wMonthly))
		diff := padLeft(r.diff, wDiff)
		if r.diffStyle != "" {
			diff = t.paint(r.diffStyle, diff)
		}
		line = t.paint(r.style, line) + "  " + diff
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func runeLen(s string) int { return len([]rune(s)) }

func padRight(s string, n int) string { return s + strings.Repeat(" ", n-runeLen(s)) }

func padLeft(s string, n int) string { return strings.Repeat(" ", n-runeLen(s)) + s }
