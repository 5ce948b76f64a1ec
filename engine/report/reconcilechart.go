package report

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
)

// The chart's geometry in SVG user units. Coordinates are computed in
// decimal, like the money they draw, and rounded to a tenth of a unit.
const (
	chartWidth     = 800
	chartLabels    = 240 // room for the y-axis label and resource names
	chartRightPad  = 80  // room for the value after the longest bar
	chartTop       = 44  // room for the legend
	chartRowHeight = 30
	chartBar       = 11
	chartBottom    = 56 // room for tick labels and the x-axis label
	chartMaxLabel  = 30 // characters of a resource name shown
	chartMaxTicks  = 5
	chartPlotWidth = chartWidth - chartLabels - chartRightPad
)

// chart is a horizontal paired-bar chart of predicted vs actual cost per
// resource, every coordinate computed for the template.
type chart struct {
	Width, Height                   int
	Bar                             int // height of a bar
	PlotLeft, PlotRight             int
	PlotTop, AxisY                  int
	NameX                           int // right end of the resource names
	TickLabelY                      int
	XLabelX, XLabelY                int
	YLabelX, YLabelY                int
	Title, Desc, ActualLegend       string
	Rows                            []chartRow
	Ticks                           []chartTick
	LegendPredX, LegendActX         int
	LegendPredTextX, LegendActTextX int
}

// chartRow is one resource: its name, then two bars with their values.
type chartRow struct {
	Label, Address        string
	NameY                 int
	PredY, ActY           int
	PredW, ActW           string
	PredValueX, ActValueX string
	PredValueY, ActValueY int
	Predicted, Actual     string
}

type chartTick struct {
	X     string
	Label string
}

// newChart charts the n resources with the largest cost (predicted or
// actual), or returns nil when there is no cost to draw.
func newChart(r *reconcile.Result, n int, names namer) *chart {
	type point struct {
		res               reconcile.Resource
		predicted, actual decimal.Decimal
	}
	var points []point
	for _, res := range r.Resources {
		p := point{res, res.Predicted, reconcile.ActualAt(r.Basis, res.ActualList, res.ActualEffective, res.ActualBilled)}
		if p.predicted.IsPositive() || p.actual.IsPositive() {
			points = append(points, p)
		}
	}
	if len(points) == 0 {
		return nil
	}
	slices.SortStableFunc(points, func(a, b point) int {
		if c := decimal.Max(b.predicted, b.actual).Cmp(decimal.Max(a.predicted, a.actual)); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.res.Address, b.res.Address), cmp.Compare(a.res.Repo, b.res.Repo))
	})
	total := len(points)
	points = points[:min(n, total)]

	top := decimal.Zero
	for _, p := range points {
		top = decimal.Max(top, p.predicted, p.actual)
	}
	step, ticks := axis(top)
	axisMax := step.Mul(decimal.NewFromInt(int64(ticks)))
	x := func(v decimal.Decimal) decimal.Decimal {
		if !v.IsPositive() {
			return decimal.Zero
		}
		return v.Mul(decimal.NewFromInt(chartPlotWidth)).Div(axisMax).Round(1)
	}

	plotBottom := chartTop + len(points)*chartRowHeight
	c := &chart{
		Width:           chartWidth,
		Bar:             chartBar,
		Height:          plotBottom + chartBottom,
		PlotLeft:        chartLabels,
		PlotRight:       chartLabels + chartPlotWidth,
		PlotTop:         chartTop,
		AxisY:           plotBottom,
		NameX:           chartLabels - 8,
		TickLabelY:      plotBottom + 16,
		XLabelX:         chartLabels + chartPlotWidth/2,
		XLabelY:         plotBottom + 44,
		YLabelX:         16,
		YLabelY:         chartTop + len(points)*chartRowHeight/2,
		Title:           "Predicted vs actual cost per resource",
		ActualLegend:    "Actual (" + basisName(r.Basis) + ")",
		LegendPredX:     chartLabels,
		LegendPredTextX: chartLabels + 20,
		LegendActX:      chartLabels + 250,
		LegendActTextX:  chartLabels + 270,
	}
	c.Desc = fmt.Sprintf("Horizontal bars: for each of the %s with the largest cost over %s, "+
		"the predicted cost (prorated list cost) above the actual cost at %s, in %s.",
		plural(len(points), "resource"), periodText(r.PeriodStart, r.PeriodEnd), basisName(r.Basis), or(r.Currency, "an unknown currency"))
	switch rest := total - len(points); {
	case rest == 1:
		c.Desc += " 1 resource with less cost is left out; the tables list it."
	case rest > 1:
		c.Desc += fmt.Sprintf(" %d resources with less cost are left out; the tables list them all.", rest)
	}
	left := decimal.NewFromInt(chartLabels + 4) // values start just after their bar
	for i := 0; i <= ticks; i++ {
		v := step.Mul(decimal.NewFromInt(int64(i)))
		c.Ticks = append(c.Ticks, chartTick{X: x(v).Add(decimal.NewFromInt(chartLabels)).String(), Label: axisLabel(v, step)})
	}
	for i, p := range points {
		y := chartTop + i*chartRowHeight
		pw, aw := x(p.predicted), x(p.actual)
		c.Rows = append(c.Rows, chartRow{
			Label:      shorten(names.name(p.res), chartMaxLabel),
			Address:    names.name(p.res),
			NameY:      y + chartRowHeight/2 + 4,
			PredY:      y + 3,
			ActY:       y + 4 + chartBar,
			PredW:      pw.String(),
			ActW:       aw.String(),
			PredValueX: pw.Add(left).String(),
			ActValueX:  aw.Add(left).String(),
			PredValueY: y + 1 + chartBar,
			ActValueY:  y + 2 + 2*chartBar,
			Predicted:  dollars(p.predicted),
			Actual:     dollars(p.actual),
		})
	}
	return c
}

// axis picks a round tick step (1, 2 or 5 × 10ⁿ) so that at most
// chartMaxTicks steps cover top, and how many steps that takes.
func axis(top decimal.Decimal) (decimal.Decimal, int) {
	for exp := int32(-2); ; exp++ {
		for _, m := range []int64{1, 2, 5} {
			step := decimal.New(m, exp)
			n := top.Div(step).Ceil()
			if n.LessThanOrEqual(decimal.NewFromInt(chartMaxTicks)) {
				return step, max(1, int(n.IntPart()))
			}
		}
	}
}

// axisLabel renders a tick value: whole dollars when the step is, cents
// otherwise.
func axisLabel(v, step decimal.Decimal) string {
	if step.Equal(step.Truncate(0)) {
		return "$" + thousands(v.StringFixed(0))
	}
	return dollars(v)
}

// shorten keeps the end of a long address, the part that tells resources
// apart: "…ateway.main[\"us-east-1a\"]".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n+1:])
}
