package reconcile

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
)

// actual is what the bills charged one predicted resource.
type actual struct {
	matchedBy               string
	list, effective, billed runningSum
	quantities              []dimSum // by dimension, in base units
}

// dimSum is a quantity in one dimension; a resource has few, so a slice
// is faster than a map.
type dimSum struct {
	dim string
	sum runningSum
}

// quantity returns the billed quantity in dim.
func (a *actual) quantity(dim string) (decimal.Decimal, bool) {
	for i := range a.quantities {
		if a.quantities[i].dim == dim {
			return a.quantities[i].sum.value(), true
		}
	}
	return decimal.Zero, false
}

func (a *actual) addQuantity(dim string, q decimal.Decimal) {
	for i := range a.quantities {
		if a.quantities[i].dim == dim {
			a.quantities[i].sum.add(q)
			return
		}
	}
	a.quantities = append(a.quantities, dimSum{dim: dim})
	a.quantities[len(a.quantities)-1].sum.add(q)
}

// unmatchedSum is Unmatched while it is summed.
type unmatchedSum struct {
	id, service  string
	billed, list runningSum
}

// sums accumulates charges: per matched resource, per unmatched id or
// service, and the totals that notes and coverage need.
type sums struct {
	tracked []*tracked
	actuals []actual
	// unmatched by resource id, and by service for lines naming none.
	unmatchedIDs, unmatchedServices map[string]*unmatchedSum
	units                           map[string]billedUnit // cached parses
	// allBilled is the billed cost of every usage and purchase charge in
	// the period, matched or not: what coverage is a share of.
	allBilled          runningSum
	credit, adjustment runningSum
	tax, outside       runningSum
	// unpredicted is billed to predicted resources on days none of their
	// predictions was in force: before the first was recorded (a resource
	// older than its first record) or after a delete.
	unpredicted       runningSum
	hasCredit, hasAdj bool
}

// billedUnit is a billed unit's parse; plain when it is its dimension's
// base unit, the usual case, which needs no conversion.
type billedUnit struct {
	u         unit
	ok, plain bool
}

func newSums(ts []*tracked) *sums {
	return &sums{
		tracked:           ts,
		actuals:           make([]actual, len(ts)),
		unmatchedIDs:      map[string]*unmatchedSum{},
		unmatchedServices: map[string]*unmatchedSum{},
		units:             map[string]billedUnit{},
	}
}

// add counts one charge.
func (s *sums) add(ix *index, c *billing.Charge, start, end time.Time) {
	if !c.Day.Before(end) || !c.Day.Add(24*time.Hour).After(start) {
		s.outside.add(c.Billed)
		return
	}
	switch c.Category {
	case billing.Tax:
		s.tax.add(c.Billed)
		return
	case billing.Credit:
		s.credit.add(c.Billed)
		s.hasCredit = true
		return
	case billing.Adjustment:
		s.adjustment.add(c.Billed)
		s.hasAdj = true
		return
	}
	s.allBilled.add(c.Billed)
	i, by := noMatch, matchedByID
	if c.ResourceID != "" {
		i = ix.byID(c.ResourceID)
	}
	if i == noMatch && len(c.Tags) > 0 {
		i, by = ix.byTag(c.Tags), matchedByTag
	}
	if i == noMatch {
		s.addUnmatched(c)
		return
	}
	if !s.tracked[i].activeOn(c.Day) {
		s.unpredicted.add(c.Billed)
		return
	}
	a := &s.actuals[i]
	if by == matchedByID || a.matchedBy == "" {
		a.matchedBy = by
	}
	a.list.add(c.List)
	a.effective.add(c.Effective)
	a.billed.add(c.Billed)
	// Quantities of usage only: a purchase's quantity is of the
	// commitment, not of what the resource used.
	if c.Category == billing.Purchase {
		return
	}
	for name, q := range c.Quantities {
		p, ok := s.units[name]
		if !ok {
			p.u, p.ok = parseUnit(name)
			p.plain = p.ok && p.u.mul.Equal(one) && p.u.div.Equal(one)
			s.units[name] = p
		}
		switch {
		case p.plain:
			a.addQuantity(p.u.dim, q)
		case p.ok:
			a.addQuantity(p.u.dim, p.u.toBase(q))
		}
	}
}

// addUnmatched sums a charge no prediction explains by its resource id,
// or by service when it names no resource.
func (s *sums) addUnmatched(c *billing.Charge) {
	m, key := s.unmatchedIDs, c.ResourceID
	if c.ResourceID == "" {
		m, key = s.unmatchedServices, c.Service
	}
	u := m[key]
	if u == nil {
		u = &unmatchedSum{id: c.ResourceID, service: c.Service}
		m[key] = u
	} else if c.Service != "" && (u.service == "" || c.Service < u.service) {
		// The least service name, whatever the order of the charges.
		u.service = c.Service
	}
	u.billed.add(c.Billed)
	u.list.add(c.List)
}

// unmatchedList is the unmatched cost, largest billed first.
func (s *sums) unmatchedList() []Unmatched {
	out := make([]Unmatched, 0, len(s.unmatchedIDs)+len(s.unmatchedServices))
	for _, m := range []map[string]*unmatchedSum{s.unmatchedIDs, s.unmatchedServices} {
		for _, u := range m {
			out = append(out, Unmatched{ResourceID: u.id, Service: u.service, Billed: u.billed.value(), List: u.list.value()})
		}
	}
	slices.SortFunc(out, func(a, b Unmatched) int {
		return cmp.Or(b.Billed.Cmp(a.Billed), cmp.Compare(a.ResourceID, b.ResourceID), cmp.Compare(a.Service, b.Service))
	})
	return out
}

// notes say what was left out of resources and coverage.
func (s *sums) notes(currency string) []string {
	var notes []string
	if s.hasCredit {
		notes = append(notes, fmt.Sprintf("credits of %s %s are not attributed to resources", s.credit.value().StringFixed(2), currency))
	}
	if s.hasAdj {
		notes = append(notes, fmt.Sprintf("adjustments of %s %s are not attributed to resources", s.adjustment.value().StringFixed(2), currency))
	}
	if tax := s.tax.value(); !tax.IsZero() {
		notes = append(notes, fmt.Sprintf("tax of %s %s is left out", tax.StringFixed(2), currency))
	}
	if un := s.unpredicted.value(); !un.IsZero() {
		notes = append(notes, fmt.Sprintf("%s %s billed to predicted resources on days no prediction of theirs was in force (before the first was recorded, after a delete) is left out", un.StringFixed(2), currency))
	}
	if out := s.outside.value(); !out.IsZero() {
		notes = append(notes, fmt.Sprintf("%s %s billed outside the period is left out", out.StringFixed(2), currency))
	}
	return notes
}
