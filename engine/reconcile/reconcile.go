package reconcile

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
)

// HoursPerMonth is the month monthly predictions are prorated by, the
// 730-hour month the estimates are priced in.
const HoursPerMonth = 730

// Defaults of Options.
const (
	DefaultTop      = 10
	DefaultCurrency = "USD"
)

// divPrecision is the number of decimal places a non-terminating
// division is rounded to: far below a cent, and the only rounding done.
const divPrecision = 16

var (
	hoursPerMonth = decimal.NewFromInt(HoursPerMonth)
	nanosPerHour  = decimal.NewFromInt(int64(time.Hour))
	nanosPerMonth = nanosPerHour.Mul(hoursPerMonth)
)

// Basis values of Result.Basis.
const (
	BasisList      = "list"
	BasisEffective = "effective"
	BasisBilled    = "billed"
)

// ActualAt is the actual cost at basis: list, effective, else billed.
func ActualAt(basis string, list, effective, billed decimal.Decimal) decimal.Decimal {
	switch basis {
	case BasisList:
		return list
	case BasisEffective:
		return effective
	}
	return billed
}

// The names billing.Summary.Missing gives list and effective cost.
const (
	listCostColumn      = "ListCost"
	effectiveCostColumn = "EffectiveCost"
)

// Options tune a reconciliation. The zero value compares over the bills'
// own period with the default address tag and no gate.
type Options struct {
	// PeriodStart and PeriodEnd bound the period compared, [start, end);
	// zero takes the earliest start and latest end of the bills.
	PeriodStart, PeriodEnd time.Time
	// AddressTag is the tag whose value is a Terraform address (default
	// AddressTag); its AWS form "user:KEY" and any case match too.
	AddressTag string
	// Top is how many TopDrifters to list (default DefaultTop).
	Top int
	// MaxWAPE and MaxResourceVariance are gate limits as fractions (0.2 =
	// 20%); zero leaves them unset. See Gate.
	MaxWAPE, MaxResourceVariance decimal.Decimal
	// Currency of the predictions and bills (default DefaultCurrency).
	Currency string
}

// Reconcile compares predictions with bill charges over a period and
// measures the error. Charges in categories usage and purchase (and those
// with no category) count toward the resource they match: a commitment
// bought for a resource is part of what it costs. Tax never counts, and
// neither do credits and adjustments, which bills rarely tie to one
// resource: their totals are given in notes. Charges whose UTC day does
// not overlap the period are left out.
func Reconcile(preds []prediction.Recorded, charges []billing.Charge, files []billing.Summary, opts Options) *Result {
	if opts.AddressTag == "" {
		opts.AddressTag = AddressTag
	}
	if opts.Top <= 0 {
		opts.Top = DefaultTop
	}
	if opts.Currency == "" {
		opts.Currency = DefaultCurrency
	}
	r := &Result{Currency: opts.Currency, Files: files}
	r.PeriodStart, r.PeriodEnd = period(opts, files, charges)
	r.Basis, r.Notes = basis(files)

	tracked := prorate(preds, r.PeriodStart, r.PeriodEnd)
	ix := newIndex(tracked, opts.AddressTag)
	s := newSums(tracked)
	for i := range charges {
		s.add(ix, &charges[i], r.PeriodStart, r.PeriodEnd)
	}

	r.Resources = make([]Resource, len(tracked))
	for i, t := range tracked {
		r.Resources[i] = resource(t, &s.actuals[i], r.Basis)
	}
	allBilled := s.allBilled.value()
	r.Overall = totals(r.Resources, r.Basis, allBilled)
	r.Types = types(r.Resources, r.Basis, allBilled)
	r.Unmatched = s.unmatchedList()
	r.TopDrifters = topDrifters(r.Resources, opts.Top)
	r.Notes = append(r.Notes, ix.notes...)
	r.Notes = append(r.Notes, s.notes(opts.Currency)...)
	r.Notes = append(r.Notes, resultNotes(r)...)
	r.Violations = Gate(r, opts.MaxWAPE, opts.MaxResourceVariance)
	return r
}

// period is the period asked for, its unset ends taken from the bills:
// their summaries' periods, else the days of their charges.
func period(opts Options, files []billing.Summary, charges []billing.Charge) (start, end time.Time) {
	var billStart, billEnd time.Time
	widen := func(s, e time.Time) {
		if !s.IsZero() && (billStart.IsZero() || s.Before(billStart)) {
			billStart = s
		}
		if !e.IsZero() && e.After(billEnd) {
			billEnd = e
		}
	}
	for _, f := range files {
		widen(f.PeriodStart, f.PeriodEnd)
	}
	if billStart.IsZero() || billEnd.IsZero() {
		for i := range charges {
			widen(charges[i].Day, charges[i].Day.Add(24*time.Hour))
		}
	}
	start, end = opts.PeriodStart, opts.PeriodEnd
	if start.IsZero() {
		start = billStart
	}
	if end.IsZero() {
		end = billEnd
	}
	return start.UTC(), end.UTC()
}

// basis is list cost when every bill gives it, else billed cost.
func basis(files []billing.Summary) (string, []string) {
	var lacking []string
	for _, f := range files {
		if slices.Contains(f.Missing, listCostColumn) {
			lacking = append(lacking, f.Name)
		}
	}
	switch {
	case len(files) == 0:
		return BasisBilled, []string{"no bill says whether it gives list cost, so predictions (at list prices) are compared with billed cost: discounts and commitments show as variance"}
	case len(lacking) > 0 && !slices.ContainsFunc(files, func(f billing.Summary) bool { return slices.Contains(f.Missing, effectiveCostColumn) }):
		// Amortized cost is nearer list prices than billed cost, which
		// shows usage a commitment covers at 0.
		return BasisEffective, []string{fmt.Sprintf("%s gives no list cost, so predictions (at list prices) are compared with effective cost: discounts and commitments show as variance", strings.Join(lacking, ", "))}
	case len(lacking) > 0:
		return BasisBilled, []string{fmt.Sprintf("%s gives no list cost, so predictions (at list prices) are compared with billed cost: discounts and commitments show as variance", strings.Join(lacking, ", "))}
	}
	return BasisList, nil
}

// resource compares one tracked resource with its charges.
func resource(t *tracked, a *actual, basis string) Resource {
	r := Resource{
		Address: t.address, Type: t.typ, Region: t.region, Repo: t.repo, Commit: t.commit,
		MatchedBy: a.matchedBy,
		Hours:     t.hours(), Predicted: t.predicted(),
		ActualList: a.list.value(), ActualEffective: a.effective.value(), ActualBilled: a.billed.value(),
		Priced: t.priced,
	}
	act := r.actual(basis)
	r.Variance = act.Sub(r.Predicted)
	if !r.Predicted.IsZero() {
		r.Ratio = act.DivRound(r.Predicted, divPrecision)
	}
	r.Quantities = quantities(t, a)
	return r
}

// actual is the resource's actual cost at basis.
func (r *Resource) actual(basis string) decimal.Decimal {
	return ActualAt(basis, r.ActualList, r.ActualEffective, r.ActualBilled)
}

// quantities pairs each predicted dimension with the billed quantity in
// it; dimensions the bill gives no quantity in are left out, as are
// billed units no prediction has.
func quantities(t *tracked, a *actual) []Quantity {
	var out []Quantity
	for _, dim := range t.dims {
		billed, ok := a.quantity(dim)
		if !ok {
			continue
		}
		pq := t.quantities[dim]
		u, unitName := pq.first, pq.unitNames[0]
		if len(pq.unitNames) > 1 {
			// Components in several units of one dimension: report in
			// its base unit.
			u, unitName = unit{dim: dim, mul: one, div: one}, dim
		}
		usageKey := ""
		if len(pq.usageKeys) == 1 {
			usageKey = pq.usageKeys[0]
		}
		out = append(out, Quantity{
			Component: strings.Join(pq.names, " + "),
			Unit:      unitName,
			UsageKey:  usageKey,
			Predicted: u.fromBase(pq.baseNanos.DivRound(nanosPerMonth, divPrecision)),
			Actual:    u.fromBase(billed),
		})
	}
	slices.SortFunc(out, func(a, b Quantity) int {
		return cmp.Or(cmp.Compare(a.Component, b.Component), cmp.Compare(a.Unit, b.Unit))
	})
	return out
}

// resultNotes explain what the figures cannot show.
func resultNotes(r *Result) []string {
	var notes []string
	if !r.PeriodEnd.After(r.PeriodStart) {
		notes = append(notes, "the billing period is empty: no bill gave a period and none was asked for")
	}
	unpriced := 0
	for _, res := range r.Resources {
		if !res.Priced {
			unpriced++
		}
	}
	if unpriced > 0 {
		notes = append(notes, fmt.Sprintf("resources with costs tollgate could not price, whose predictions are lower bounds: %d", unpriced))
	}
	if r.Overall.NoActual && r.Overall.Resources > 0 {
		notes = append(notes, "nothing was billed to the predicted resources: WAPE and bias are undefined")
	}
	return append(notes, overlaps(r.Files)...)
}

// overlaps warns of bills of one format whose periods overlap: exports of
// several accounts may, but the same account's twice (or an Azure actual
// and amortized export of one month) would count its costs twice.
func overlaps(files []billing.Summary) []string {
	var notes []string
	for i, a := range files {
		for _, b := range files[i+1:] {
			if a.Format == b.Format && a.PeriodStart.Before(b.PeriodEnd) && b.PeriodStart.Before(a.PeriodEnd) {
				notes = append(notes, fmt.Sprintf("%s and %s cover overlapping periods: if they are exports of one account, its costs count twice", a.Name, b.Name))
			}
		}
	}
	return notes
}
