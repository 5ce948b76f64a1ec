package report

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
)

// chartResult is a result at list prices with {predicted, actual} costs
// by address.
func chartResult(costs map[string][2]string) *reconcile.Result {
	r := &reconcile.Result{Basis: "list", Currency: "USD"}
	for addr, c := range costs {
		r.Resources = append(r.Resources, reconcile.Resource{
			Address: addr, Type: "a", Predicted: decimal.RequireFromString(c[0]), ActualList: decimal.RequireFromString(c[1]),
		})
	}
	return r
}

func TestAxis(t *testing.T) {
	for _, tc := range []struct {
		name, top string
		step      string
		ticks     int
	}{
		{"cents", "0.004", "0.01", 1},
		{"under a dollar", "0.73", "0.2", 4},
		{"round", "100", "20", 5},
		{"just over", "100.01", "50", 3},
		{"tens", "150.25", "50", 4},
		{"thousands", "12345.67", "5000", 3},
		{"exact top tick", "5", "1", 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			step, ticks := axis(decimal.RequireFromString(tc.top))
			if got := step.String(); got != tc.step || ticks != tc.ticks {
				t.Errorf("axis(%s) = %s × %d, want %s × %d", tc.top, got, ticks, tc.step, tc.ticks)
			}
			if top := step.Mul(decimal.NewFromInt(int64(ticks))); top.LessThan(decimal.RequireFromString(tc.top)) {
				t.Errorf("axis ends at %s, below the largest value", top)
			}
		})
	}
}

func TestShorten(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"aws_s3.logs", "aws_s3.logs"},
		{"aws_instance.abcdefghij", "…ce.abcdefghij"},
		{`a.b["ünïcödé-key"]`, `…ünïcödé-key"]`},
	} {
		if got := shorten(tc.in, 14); got != tc.want {
			t.Errorf("shorten(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := []rune(shorten(tc.in, 14)); len(got) > 14 {
			t.Errorf("shorten(%q) is %d characters", tc.in, len(got))
		}
	}
}

// TestChartGeometry checks that bar widths are proportional to cost on a
// shared axis, that negative costs draw no bar, and which resources make
// the top n.
func TestChartGeometry(t *testing.T) {
	d := decimal.RequireFromString
	r := chartResult(map[string][2]string{
		"a.big":      {"100", "180"},
		"a.credit":   {"10", "-5"},
		"a.half":     {"90", "45"},
		"a.nothing":  {"0", "0"},
		"a.unbilled": {"50", "0"},
	})
	c := newChart(r, 3, false)
	type bar struct{ Address, Pred, Act string }
	var got []bar
	for _, row := range c.Rows {
		got = append(got, bar{row.Address, row.PredW, row.ActW})
	}
	// The axis runs to $200 over the plot width (chartPlotWidth units).
	unit := d("480").Div(d("200"))
	w := func(v string) string { return d(v).Mul(unit).Round(1).String() }
	want := []bar{{"a.big", w("100"), w("180")}, {"a.half", w("90"), w("45")}, {"a.unbilled", w("50"), "0"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("bars (-want +got):\n%s", diff)
	}
	if chartPlotWidth != 480 {
		t.Fatalf("the plot is %d wide; update this test's unit", chartPlotWidth)
	}
	if len(c.Ticks) != 5 || c.Ticks[4].Label != "$200" || c.Ticks[4].X != "720" {
		t.Errorf("ticks = %+v, want 5 up to $200 at x=720", c.Ticks)
	}
	all := newChart(r, 10, false)
	if len(all.Rows) != 4 {
		t.Fatalf("all: %d rows, want 4 (a.nothing has no cost)", len(all.Rows))
	}
	if credit := all.Rows[3]; credit.Address != "a.credit" || credit.ActW != "0" || credit.Actual != "-$5.00" {
		t.Errorf("credit row = %+v, want no actual bar, labelled -$5.00", credit)
	}
	if newChart(chartResult(map[string][2]string{"a.nothing": {"0", "0"}}), 10, false) != nil {
		t.Error("a chart of nothing")
	}
}
