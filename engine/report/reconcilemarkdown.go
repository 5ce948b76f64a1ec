package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
)

// reconcileMarkdown writes a reconciliation as GitHub-flavoured Markdown:
// the gate and the overall accuracy first, then the tables, with the
// billing files and quantities in collapsed sections.
func reconcileMarkdown(w io.Writer, r *reconcile.Result) error {
	var b strings.Builder
	b.WriteString("## tollgate reconciliation\n\n")
	fmt.Fprintf(&b, "Period **%s**; actual cost compared at %s, in %s.\n",
		periodText(r.PeriodStart, r.PeriodEnd), basisName(r.Basis), cell(or(r.Currency, "an unknown currency")))
	if len(r.Violations) == 0 {
		b.WriteString("\n✅ **Gate passed**.\n")
	} else {
		fmt.Fprintf(&b, "\n❌ **Gate failed**: %s exceeded.\n\n", plural(len(r.Violations), "limit"))
		for _, v := range r.Violations {
			fmt.Fprintf(&b, "- %s\n", cell(v))
		}
	}

	n := newNamer(r)
	b.WriteString("\n| Measure | Value |\n|---|--:|\n")
	for _, m := range overallMeasures(r) {
		fmt.Fprintf(&b, "| %s | %s |\n", m.Name, m.Value)
	}

	if len(r.TopDrifters) > 0 {
		b.WriteString("\n### Top drifters\n\n")
		for i, d := range drifters(r) {
			if !d.ok {
				fmt.Fprintf(&b, "%d. %s\n", i+1, code(d.address))
				continue
			}
			fmt.Fprintf(&b, "%d. %s: %s\n", i+1, code(n.name(d.res)), drifterFigures(r, d.res))
		}
	}

	if len(r.Types) > 0 {
		b.WriteString("\n### By type\n\n| Type | Found | Predicted | Actual | WAPE | Bias | Share of bill |\n|---|--:|--:|--:|--:|--:|--:|\n")
		for _, t := range r.Types {
			ok := definedTotals(r, t.Totals)
			fmt.Fprintf(&b, "| %s | %d/%d | %s | %s | %s | %s | %s |\n", code(t.Type), t.Found, t.Resources,
				dollars(t.Predicted), dollars(reconcile.ActualAt(r.Basis, t.ActualList, t.ActualEffective, t.ActualBilled)),
				orDash(ok.wape, pct(t.WAPE)), orDash(ok.wape, signedPct(t.Bias)), orDash(ok.billed, pct(t.CoverageBilled)))
		}
	}

	if len(r.Resources) > 0 {
		b.WriteString("\n### By resource\n\n| Resource | Matched by | Hours | Predicted | Actual list | Effective | Billed | Variance | Ratio |\n|---|---|--:|--:|--:|--:|--:|--:|--:|\n")
		for _, res := range r.Resources {
			name := code(n.name(res))
			if !res.Priced {
				name += " ⚠"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", name, matchedBy(res), quantity(res.Hours),
				dollars(res.Predicted), dollars(res.ActualList), dollars(res.ActualEffective), dollars(res.ActualBilled),
				signedDollars(res.Variance), ratio(res))
		}
		if unpricedAny(r) {
			b.WriteString("\n⚠ partly unpriced: the prediction lacked some prices, so the variance may be the missing price.\n")
		}
	}

	writeQuantitiesMarkdown(&b, r, n)

	if len(r.Unmatched) > 0 {
		fmt.Fprintf(&b, "\n### Unmatched billed cost (%d)\n\n| Resource id | Service | Billed | List |\n|---|---|--:|--:|\n", len(r.Unmatched))
		for _, u := range r.Unmatched {
			id := "(no resource id)"
			if u.ResourceID != "" {
				id = code(u.ResourceID)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", id, cell(u.Service), dollars(u.Billed), dollars(u.List))
		}
	}

	if len(r.Notes) > 0 {
		b.WriteString("\n")
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "- %s\n", cell(n))
		}
	}
	if len(r.Files) > 0 {
		fmt.Fprintf(&b, "\n<details><summary>Billing files (%d)</summary>\n\n", len(r.Files))
		for _, f := range r.Files {
			fmt.Fprintf(&b, "- %s: %s\n", code(f.Name), cell(fileText(f)))
		}
		b.WriteString("\n</details>\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeQuantitiesMarkdown(b *strings.Builder, r *reconcile.Result, n namer) {
	var rows strings.Builder
	for _, res := range r.Resources {
		for _, q := range res.Quantities {
			key := ""
			if q.UsageKey != "" {
				key = code(q.UsageKey)
			}
			fmt.Fprintf(&rows, "| %s | %s | %s | %s | %s | %s | %s |\n", code(n.name(res)), cell(q.Component), cell(q.Unit),
				quantity(q.Predicted), quantity(q.Actual), signedQuantity(q.Actual.Sub(q.Predicted)), key)
		}
	}
	if rows.Len() == 0 {
		return
	}
	b.WriteString("\n<details><summary>Quantities: predicted vs billed</summary>\n\n")
	b.WriteString("| Resource | Component | Unit | Predicted | Actual | Gap | Usage key |\n|---|---|---|--:|--:|--:|---|\n")
	b.WriteString(rows.String())
	b.WriteString("\n</details>\n")
}

func unpricedAny(r *reconcile.Result) bool {
	for _, res := range r.Resources {
		if !res.Priced {
			return true
		}
	}
	return false
}
