package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
)

// The HTML report is one self-contained file: inline CSS and SVG, no
// script, no external asset, so it can be archived as a CI artifact and
// opened offline. html/template escapes every value from the bill.
//
//go:embed reconcile.html.tmpl
var reconcileHTMLText string

var reconcileHTMLTemplate = template.Must(template.New("reconcile").Parse(reconcileHTMLText))

// htmlPage is the report with every value already rendered as text.
type htmlPage struct {
	Period, Basis, Currency, Gate string
	Violations, Notes             []string
	Totals                        []measure
	Chart                         *chart
	Drifters                      []htmlDrifter
	Types                         []htmlType
	Resources                     []htmlResource
	Unpriced                      bool
	Quantities                    []htmlQuantity
	Unmatched                     []htmlUnmatched
	UnmatchedSummary              string
	Files                         []htmlFile
}

type htmlDrifter struct {
	Address, Variance, Class, Predicted, Actual, Ratio string
}

type htmlType struct {
	Type, Found, Predicted, Actual, WAPE, Bias, Share string
}

type htmlResource struct {
	Address, MatchedBy, Hours, Predicted, List, Effective, Billed, Variance, Class, Ratio string
	Unpriced, Missing                                                                     bool
}

type htmlQuantity struct {
	Address, Component, Unit, Predicted, Actual, Gap, UsageKey string
}

type htmlUnmatched struct{ ID, Service, Billed, List string }

type htmlFile struct {
	Name, Format, Rows, Kept, Skipped, Malformed, Partial, Missing, Period string
}

func reconcileHTML(w io.Writer, r *reconcile.Result, opts ReconcileOptions) error {
	n := opts.ChartResources
	if n <= 0 {
		n = DefaultChartResources
	}
	if err := reconcileHTMLTemplate.Execute(w, newHTMLPage(r, n)); err != nil {
		return fmt.Errorf("render reconciliation html: %w", err)
	}
	return nil
}

func newHTMLPage(r *reconcile.Result, chartResources int) *htmlPage {
	p := &htmlPage{
		Period:     periodText(r.PeriodStart, r.PeriodEnd),
		Basis:      basisName(r.Basis),
		Currency:   or(r.Currency, "an unknown currency"),
		Gate:       gateText(r),
		Violations: r.Violations,
		Notes:      r.Notes,
		Totals:     overallMeasures(r),
		Chart:      newChart(r, chartResources, newNamer(r)),
		Unpriced:   unpricedAny(r),
	}
	n := newNamer(r)
	for _, d := range drifters(r) {
		if !d.ok {
			p.Drifters = append(p.Drifters, htmlDrifter{Address: d.address, Variance: "—", Predicted: "—", Actual: "—", Ratio: "—"})
			continue
		}
		res := d.res
		p.Drifters = append(p.Drifters, htmlDrifter{
			Address: n.name(res), Variance: signedDollars(res.Variance), Class: varianceClass(res),
			Predicted: dollars(res.Predicted), Actual: dollars(reconcile.ActualAt(r.Basis, res.ActualList, res.ActualEffective, res.ActualBilled)), Ratio: ratio(res),
		})
	}
	for _, t := range r.Types {
		ok := definedTotals(r, t.Totals)
		p.Types = append(p.Types, htmlType{
			Type: t.Type, Found: fmt.Sprintf("%d/%d", t.Found, t.Resources),
			Predicted: dollars(t.Predicted), Actual: dollars(reconcile.ActualAt(r.Basis, t.ActualList, t.ActualEffective, t.ActualBilled)),
			WAPE: orDash(ok.wape, pct(t.WAPE)), Bias: orDash(ok.wape, signedPct(t.Bias)), Share: orDash(ok.billed, pct(t.CoverageBilled)),
		})
	}
	for _, res := range r.Resources {
		p.Resources = append(p.Resources, htmlResource{
			Address: n.name(res), MatchedBy: matchedBy(res), Hours: quantity(res.Hours),
			Predicted: dollars(res.Predicted), List: dollars(res.ActualList), Effective: dollars(res.ActualEffective),
			Billed: dollars(res.ActualBilled), Variance: signedDollars(res.Variance), Class: varianceClass(res),
			Ratio: ratio(res), Unpriced: !res.Priced, Missing: res.MatchedBy == "",
		})
		for _, q := range res.Quantities {
			p.Quantities = append(p.Quantities, htmlQuantity{
				Address: n.name(res), Component: q.Component, Unit: q.Unit,
				Predicted: quantity(q.Predicted), Actual: quantity(q.Actual),
				Gap: signedQuantity(q.Actual.Sub(q.Predicted)), UsageKey: q.UsageKey,
			})
		}
	}
	if len(r.Unmatched) > 0 {
		p.UnmatchedSummary = fmt.Sprintf("%s that no prediction explains: %s billed.",
			plural(len(r.Unmatched), "billed resource or service"), dollars(unmatchedBilled(r)))
	}
	for _, u := range r.Unmatched {
		p.Unmatched = append(p.Unmatched, htmlUnmatched{ID: u.ResourceID, Service: u.Service, Billed: dollars(u.Billed), List: dollars(u.List)})
	}
	for _, f := range r.Files {
		hf := htmlFile{
			Name: f.Name, Format: or(string(f.Format), "unknown"), Rows: count(f.Rows), Kept: count(f.Kept),
			Skipped: or(counts(f.Skipped), "—"), Malformed: or(counts(f.Malformed), "—"), Partial: or(counts(f.Partial), "—"),
			Missing: or(strings.Join(f.Missing, ", "), "—"), Period: "—",
		}
		if !f.PeriodStart.IsZero() || !f.PeriodEnd.IsZero() {
			hf.Period = periodText(f.PeriodStart, f.PeriodEnd)
		}
		p.Files = append(p.Files, hf)
	}
	return p
}

// varianceClass colors a variance: "over" when the bill is higher than
// predicted.
func varianceClass(res reconcile.Resource) string {
	switch {
	case res.Variance.Round(2).IsPositive():
		return "over"
	case res.Variance.Round(2).IsNegative():
		return "under"
	}
	return ""
}
