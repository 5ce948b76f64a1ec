package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/pricing"
)

// Markdown writes the estimate as GitHub-flavoured Markdown: a headline,
// a table of the resources whose cost changes, the components in a
// collapsed section, and what is unpriced, free or assumed.
func Markdown(w io.Writer, est *engine.Estimate) error {
	var b strings.Builder
	b.WriteString("## tollgate cost estimate\n\n")
	writeCostMarkdown(&b, est)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeCostMarkdown writes the estimate from its headline sentence on.
func writeCostMarkdown(b *strings.Builder, est *engine.Estimate) {
	switch dir := direction(est.DiffTotal); dir {
	case "stay the same":
		fmt.Fprintf(b, "Monthly cost will **stay the same** at %s.\n", dollars(est.Total))
	default:
		fmt.Fprintf(b, "Monthly cost will **%s by %s**, from %s to %s.\n",
			dir, dollars(est.DiffTotal.Abs()), dollars(est.PastTotal), dollars(est.Total))
	}

	var changed []engine.ResourceCost
	for _, rc := range est.Resources {
		if rc.Free {
			continue
		}
		if rc.Action != change.NoOp || !rc.Priced {
			changed = append(changed, rc)
		}
	}
	if len(changed) > 0 {
		b.WriteString("\n| Resource | Action | Before | After | Diff |\n|---|---|--:|--:|--:|\n")
		for _, rc := range changed {
			after := dollars(rc.Monthly)
			if !rc.Priced {
				after += " ⚠"
			}
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n",
				code(rc.Address), rc.Action, dollars(rc.Past), after, signedDollars(rc.Diff))
		}
		fmt.Fprintf(b, "| **Total** | | **%s** | **%s** | **%s** |\n",
			dollars(est.PastTotal), dollars(est.Total), signedDollars(est.DiffTotal))
	}

	var details strings.Builder
	for _, rc := range changed {
		comps := shownComponents(rc)
		if len(comps) == 0 {
			continue
		}
		details.WriteString(componentTable(rc, comps, code(rc.Address), cell))
	}
	if details.Len() > 0 {
		fmt.Fprintf(b, "\n<details><summary>Cost components</summary>\n%s\n</details>\n", details.String())
	}

	if len(est.Unpriced) > 0 {
		fmt.Fprintf(b, "\n**Not priced (%d)**: their cost is missing from the totals.\n\n", len(est.Unpriced))
		for _, u := range est.Unpriced {
			fmt.Fprintf(b, "- %s: %s\n", code(u.Address), cell(u.Reason))
		}
	}
	if n, types := freeSummary(est); n > 0 {
		fmt.Fprintf(b, "\nFree (%d): %s\n", n, types)
	}
	if ns := notes(est); len(ns) > 0 {
		b.WriteString("\n")
		for _, n := range ns {
			n = cell(n)
			if strings.HasPrefix(n, "*") {
				n = "\\" + n // a leading * would start a nested list
			}
			fmt.Fprintf(b, "- %s\n", n)
		}
	}
	if s := pricedAsOf(est); s != "" {
		fmt.Fprintf(b, "\n<sub>Prices in %s as of: %s.</sub>\n", est.Currency, s)
	}
}

// code renders an address as inline code; backticks inside (possible in
// for_each keys) widen the fence.
func code(s string) string {
	s = strings.ReplaceAll(s, "|", "\\|")
	if strings.Contains(s, "`") {
		return "`` " + s + " ``"
	}
	return "`" + s + "`"
}

// cell makes text safe inside a table cell or list item.
func cell(s string) string { return cellEscaper.Replace(s) }

var cellEscaper = strings.NewReplacer("|", "\\|", "\n", " ", "<", "&lt;", ">", "&gt;")

// componentTable renders a resource's cost lines as a Markdown table under
// its address; name renders a component's name for a table cell.
func componentTable(rc engine.ResourceCost, comps []pricing.Component, address string, name func(string) string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s (%s)\n\n| Component | Quantity | Unit price | Monthly |\n|---|--:|--:|--:|\n", address, rc.Action)
	for _, c := range comps {
		qty := quantity(c.Quantity) + " " + cell(c.Unit)
		if c.UsageBased && c.UsageKey == "" {
			qty += " \\*"
		}
		price, monthly := "not priced", "—"
		if c.Priced() {
			price, monthly = unitPrice(c.UnitPrice), dollars(c.MonthlyCost)
			if c.Approximation != "" {
				price = "~" + price
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", name(c.Name), qty, price, monthly)
	}
	return b.String()
}
