package report

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
)

// ReconcileFormats are the formats Reconciliation and History render.
var ReconcileFormats = []string{"table", "json", "markdown", "html"}

// ReconcileOptions controls the reconciliation renderers.
type ReconcileOptions struct {
	// Color adds ANSI colors to the table; the caller decides, as for
	// TableOptions.
	Color bool
	// ChartResources is how many resources the HTML chart shows, largest
	// actual cost first; 0 means DefaultChartResources.
	ChartResources int
}

// DefaultChartResources keeps the chart readable on one screen.
const DefaultChartResources = 15

var errNoResult = errors.New("render reconciliation: no result")

// Reconciliation writes a reconciliation result in format, one of
// ReconcileFormats.
func Reconciliation(w io.Writer, r *reconcile.Result, format string, opts ReconcileOptions) error {
	if r == nil {
		return errNoResult
	}
	switch format {
	case "table":
		return reconcileTable(w, r, opts)
	case "json":
		return writeJSON(w, NewReconcileDoc(r))
	case "markdown":
		return reconcileMarkdown(w, r)
	case "html":
		return reconcileHTML(w, r, opts)
	}
	return unknownFormat(format)
}

func unknownFormat(format string) error {
	n := len(ReconcileFormats)
	return fmt.Errorf("unknown reconciliation format %q: use %s or %s",
		format, strings.Join(ReconcileFormats[:n-1], ", "), ReconcileFormats[n-1])
}

// basisName says in words what the actual cost is.
func basisName(basis string) string {
	switch basis {
	case reconcile.BasisList:
		return "list prices"
	case reconcile.BasisEffective:
		return "effective cost"
	}
	return "billed cost"
}

// defined says whether a measure's denominator was positive; a measure
// over nothing is shown as "—" (and null in JSON), never as a perfect 0.
// Credits can make Σ actual negative, and a percentage of a negative
// cost means nothing.
type defined struct {
	wape     bool // and bias: Σ actual
	coverage bool // predicted resources
	billed   bool // all billed cost of the period
}

func definedTotals(r *reconcile.Result, t reconcile.Totals) defined {
	return defined{
		wape:     !t.NoActual && reconcile.ActualAt(r.Basis, t.ActualList, t.ActualEffective, t.ActualBilled).IsPositive(),
		coverage: t.Resources > 0,
		billed:   billedTotal(r).IsPositive(),
	}
}

// measure is one overall figure of a reconciliation, as people read it.
type measure struct{ Name, Value string }

// overallMeasures are the overall figures every format for people shows,
// "—" where a measure has no denominator.
func overallMeasures(r *reconcile.Result) []measure {
	o := r.Overall
	ok := definedTotals(r, o)
	return []measure{
		{"Predicted", dollars(o.Predicted)},
		{"Actual at list prices", dollars(o.ActualList)},
		{"Actual effective", dollars(o.ActualEffective)},
		{"Actual billed", dollars(o.ActualBilled)},
		{"WAPE", orDash(ok.wape, pct(o.WAPE))},
		{"Bias", orDash(ok.wape, biasText(o.Bias))},
		{"Found in the bill", fmt.Sprintf("%d of %s (%s)", o.Found, plural(o.Resources, "predicted resource"), orDash(ok.coverage, pct(o.CoveragePredicted)))},
		{"Billed cost explained", orDash(ok.billed, pct(o.CoverageBilled))},
	}
}

// billedTotal is all billed cost of the period: matched and unmatched.
func billedTotal(r *reconcile.Result) decimal.Decimal {
	return r.Overall.ActualBilled.Add(unmatchedBilled(r))
}

func unmatchedBilled(r *reconcile.Result) decimal.Decimal {
	sum := decimal.Zero
	for _, u := range r.Unmatched {
		sum = sum.Add(u.Billed)
	}
	return sum
}

// pct renders a fraction as a percentage with one decimal: "12.3%".
func pct(f decimal.Decimal) string {
	return thousands(f.Shift(2).StringFixed(1)) + "%"
}

// signedPct renders a fraction with its sign: "+4.5%", "-3.0%", "0.0%".
func signedPct(f decimal.Decimal) string {
	if f.Shift(2).Round(1).IsPositive() {
		return "+" + pct(f)
	}
	return pct(f)
}

// biasText explains the bias's sign, which is easy to misread.
func biasText(f decimal.Decimal) string {
	s := signedPct(f)
	switch r := f.Shift(2).Round(1); {
	case r.IsPositive():
		s += " (over-estimate)"
	case r.IsNegative():
		s += " (under-estimate)"
	}
	return s
}

// ratio renders actual ÷ predicted: "1.08×", or "—" when nothing was
// predicted.
func ratio(res reconcile.Resource) string {
	if res.Predicted.IsZero() {
		return "—"
	}
	return res.Ratio.StringFixed(2) + "×"
}

// orDash renders s, or "—" when the measure is undefined.
func orDash(ok bool, s string) string {
	if !ok {
		return "—"
	}
	return s
}

// matchedBy says how a resource was found in the bill.
func matchedBy(res reconcile.Resource) string {
	switch res.MatchedBy {
	case "id":
		return "cloud id"
	case "tag":
		return "address tag"
	case "":
		return "not found"
	}
	return res.MatchedBy
}

// periodText renders [start, end): whole UTC days as an inclusive range
// of dates, other bounds as timestamps.
func periodText(start, end time.Time) string {
	if start.IsZero() && end.IsZero() {
		return "unknown period"
	}
	start, end = start.UTC(), end.UTC()
	if midnight(start) && midnight(end) && end.After(start) {
		days := int(end.Sub(start).Hours()) / 24
		last := end.AddDate(0, 0, -1)
		if days == 1 {
			return start.Format(time.DateOnly) + " (1 day)"
		}
		return fmt.Sprintf("%s to %s (%d days)", start.Format(time.DateOnly), last.Format(time.DateOnly), days)
	}
	return start.Format(time.RFC3339) + " to " + end.Format(time.RFC3339)
}

func midnight(t time.Time) bool {
	return t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

// fileText describes what a billing file gave: "focus, 1,000 rows, 990
// kept; skipped: 5 zero cost; malformed: 3 bad date; no ListCost column".
func fileText(s billing.Summary) string {
	parts := []string{fmt.Sprintf("%s, %s rows, %s kept", or(string(s.Format), "unknown format"), count(s.Rows), count(s.Kept))}
	if c := counts(s.Skipped); c != "" {
		parts = append(parts, "skipped: "+c)
	}
	if c := counts(s.Malformed); c != "" {
		parts = append(parts, "malformed: "+c)
	}
	if c := counts(s.Partial); c != "" {
		parts = append(parts, "kept without an unreadable field: "+c)
	}
	switch len(s.Missing) {
	case 0:
	case 1:
		parts = append(parts, "no "+s.Missing[0]+" column")
	default:
		parts = append(parts, "no "+strings.Join(s.Missing, ", ")+" columns")
	}
	return strings.Join(parts, "; ")
}

// counts renders counts by reason, sorted by reason: "3 bad date, 1 no id".
func counts(m map[string]int) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, count(m[k])+" "+k)
	}
	return strings.Join(parts, ", ")
}

// drifters pairs the top drifters' addresses with their resources. An
// address recorded by two repositories names two resources: each entry
// takes the one with the largest absolute variance not yet taken, as the
// reconciler ranked them. ok is false for an address not in Resources.
func drifters(r *reconcile.Result) []drifter {
	taken := make([]bool, len(r.Resources))
	out := make([]drifter, 0, len(r.TopDrifters))
	for _, addr := range r.TopDrifters {
		best := -1
		for i, res := range r.Resources {
			if taken[i] || res.Address != addr {
				continue
			}
			if best < 0 || res.Variance.Abs().GreaterThan(r.Resources[best].Variance.Abs()) {
				best = i
			}
		}
		if best < 0 {
			out = append(out, drifter{address: addr})
			continue
		}
		taken[best] = true
		out = append(out, drifter{address: addr, res: r.Resources[best], ok: true})
	}
	return out
}

type drifter struct {
	address string
	res     reconcile.Resource
	ok      bool
}

// namer names resources for people: the address, prefixed with the
// repository when the result spans several (the same address in two
// repositories is two resources).
type namer bool

func newNamer(r *reconcile.Result) namer {
	repos := map[string]bool{}
	for _, res := range r.Resources {
		repos[res.Repo] = true
	}
	return namer(len(repos) > 1)
}

func (n namer) name(res reconcile.Resource) string {
	if n && res.Repo != "" {
		return res.Repo + ":" + res.Address
	}
	return res.Address
}

// unmatchedName is what an unmatched line is known by.
func unmatchedName(u reconcile.Unmatched) string {
	if u.ResourceID == "" {
		return or(u.Service, "unknown service") + " (no resource id)"
	}
	return u.ResourceID
}

// gateText is the gate's verdict on a result.
func gateText(r *reconcile.Result) string {
	if len(r.Violations) == 0 {
		return "Gate passed"
	}
	return "Gate failed: " + plural(len(r.Violations), "limit") + " exceeded"
}

func count(n int) string { return thousands(strconv.Itoa(n)) }

func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
