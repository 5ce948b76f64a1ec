package reconcile

import (
	"cmp"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
)

// actionDelete is the action of a prediction that ends its resource.
const actionDelete = "delete"

// tracked is one predicted resource (a repository's address) in force in
// the period, with its predictions prorated.
type tracked struct {
	repo, address string
	typ, region   string
	commit        string
	priced        bool
	// nanos is how long predictions were in force within the period;
	// costNanos is Σ monthly × nanoseconds in force, kept whole so that
	// the only rounding is the final division.
	nanos     int64
	costNanos decimal.Decimal
	cloudIDs  []string
	// inForce are the intervals its predictions were in force, in order:
	// charges on other days are not what they predicted.
	inForce [][2]time.Time
	// quantities are the predicted quantities by dimension, in base units
	// × nanoseconds, like costNanos.
	quantities map[string]*predictedQuantity
	dims       []string // quantities' keys in order of first appearance
}

// predictedQuantity is the predicted components that share a dimension:
// a bill gives one quantity per unit, so they are compared together.
type predictedQuantity struct {
	names     []string
	unitNames []string // distinct component units
	usageKeys []string // distinct usage keys ("" included)
	baseNanos decimal.Decimal
	first     unit // the unit of the first component, to report in
}

// prorate groups predictions by repository and address and keeps the
// resources in force within [start, end), sorted by address then
// repository. Each prediction is in force from its RecordedAt until the
// next one of its resource; a delete prediction is in force for nothing.
func prorate(preds []prediction.Recorded, start, end time.Time) []*tracked {
	type key struct{ repo, address string }
	groups := map[key][]*prediction.Recorded{}
	for i := range preds {
		p := &preds[i]
		k := key{p.Repo, p.Address}
		groups[k] = append(groups[k], p)
	}
	var out []*tracked
	for k, ps := range groups {
		slices.SortStableFunc(ps, func(a, b *prediction.Recorded) int {
			if c := a.RecordedAt.Compare(b.RecordedAt); c != 0 {
				return c
			}
			return cmp.Compare(a.Commit, b.Commit)
		})
		t := &tracked{repo: k.repo, address: k.address, priced: true, quantities: map[string]*predictedQuantity{}}
		for i, p := range ps {
			if p.RecordedAt.Before(end) {
				t.commit = p.Commit
			}
			if p.Action == actionDelete {
				continue
			}
			from, to := p.RecordedAt, end
			if i+1 < len(ps) && ps[i+1].RecordedAt.Before(to) {
				to = ps[i+1].RecordedAt
			}
			if from.Before(start) {
				from = start
			}
			if !to.After(from) {
				continue
			}
			t.add(p, to.Sub(from).Nanoseconds())
			t.inForce = append(t.inForce, [2]time.Time{from, to})
		}
		if t.nanos > 0 {
			slices.Sort(t.cloudIDs)
			t.cloudIDs = slices.Compact(t.cloudIDs)
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b *tracked) int {
		return cmp.Or(cmp.Compare(a.address, b.address), cmp.Compare(a.repo, b.repo))
	})
	return out
}

// add counts prediction p as in force for nanos nanoseconds.
func (t *tracked) add(p *prediction.Recorded, nanos int64) {
	n := decimal.NewFromInt(nanos)
	t.nanos += nanos
	t.costNanos = t.costNanos.Add(p.Monthly.Mul(n))
	// The latest prediction in force names the resource.
	t.typ, t.region = p.Type, p.Region
	t.priced = t.priced && p.Priced
	// A replaced resource has a new id: bills name both in the period.
	t.cloudIDs = append(t.cloudIDs, p.CloudIDs...)
	for _, c := range p.Components {
		u, ok := componentUnit(c.Unit, c.Name, c.UsageKey)
		if !ok {
			continue
		}
		q := t.quantities[u.dim]
		if q == nil {
			q = &predictedQuantity{first: u}
			t.quantities[u.dim] = q
			t.dims = append(t.dims, u.dim)
		}
		q.names = appendNew(q.names, c.Name)
		q.unitNames = appendNew(q.unitNames, c.Unit)
		q.usageKeys = appendNew(q.usageKeys, c.UsageKey)
		q.baseNanos = q.baseNanos.Add(u.toBase(c.Quantity).Mul(n))
	}
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// activeOn says whether a prediction was in force during some of the UTC
// day starting at day.
func (t *tracked) activeOn(day time.Time) bool {
	next := day.Add(24 * time.Hour)
	for _, iv := range t.inForce {
		if iv[0].Before(next) && iv[1].After(day) {
			return true
		}
	}
	return false
}

// hours is how long the resource's predictions were in force.
func (t *tracked) hours() decimal.Decimal {
	return decimal.NewFromInt(t.nanos).DivRound(nanosPerHour, divPrecision)
}

// predicted is the list cost prorated to the hours in force: Σ monthly ×
// hours ÷ HoursPerMonth, in one division.
func (t *tracked) predicted() decimal.Decimal {
	return t.costNanos.DivRound(nanosPerMonth, divPrecision)
}
