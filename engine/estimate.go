// Package engine runs tollgate's pipeline on a parsed change: it prices
// every resource before and after the change (Estimate) and, for check,
// evaluates policies and decides the gate. Parsing happens before it
// (engine/plan, engine/config) and rendering after it (engine/report).
package engine

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/pricing"
)

// Estimate is the priced change: what it costs per month before and after.
type Estimate struct {
	Source     string
	Currency   string
	Catalog    string            // which catalog priced it: "embedded" or its directory
	PricedAsOf map[string]string // source id -> date, for every source used

	PastTotal, Total, DiffTotal decimal.Decimal

	Resources []ResourceCost // sorted by address
	Unpriced  []Unpriced     // sorted by address
	Notes     []string
}

// ResourceCost is the monthly cost of one resource before and after.
type ResourceCost struct {
	*change.Resource

	Past, Monthly, Diff decimal.Decimal
	// Components are the cost lines after the change; PastComponents those
	// before it, kept when the action changes the resource.
	Components     []pricing.Component
	PastComponents []pricing.Component
	Free           bool
	// Priced is false when some cost of the resource could not be priced:
	// its type is unsupported or a component has no price. UnpricedReason
	// then says why.
	Priced         bool
	UnpricedReason string
}

// Unpriced is a resource whose cost is incomplete, and why.
type Unpriced struct {
	Address, Type, Reason string
}

// Pricing is what Estimate needs to price a change.
type Pricing struct {
	Registry *pricing.Registry
	Catalog  pricing.Catalog
	Usage    *pricing.UsageFile // nil when there is none
	// CatalogName says which catalog Catalog is, for every output:
	// EmbeddedCatalog or a directory.
	CatalogName string
	// Now is when the estimate is made: prices older than StaleAfter then
	// get a note. The zero time skips the check.
	Now time.Time
}

// EmbeddedCatalog is the CatalogName of the catalog built into tollgate.
const EmbeddedCatalog = "embedded"

// StaleAfter is the age from which prices get a note saying to refresh
// them: list prices change a few times a year.
const StaleAfter = 90 * 24 * time.Hour

// Estimate prices every resource of the set before and after the change.
func (p Pricing) Estimate(set *change.Set) *Estimate {
	est := &Estimate{
		Source:     set.Source,
		Currency:   pricing.Currency,
		Catalog:    p.CatalogName,
		PricedAsOf: map[string]string{},
		Notes:      set.Notes,
		Resources:  make([]ResourceCost, len(set.Resources)),
	}
	idx := newIndex(set.Resources)
	est.Resources = est.Resources[:0]
	for i := range set.Resources {
		r := &set.Resources[i]
		if r.Unexpanded != "" {
			// Not a resource but an unknown number of them (count on a
			// value known only after apply, a module not downloaded):
			// listed as unpriced, never as a zero.
			typ := r.Type
			if typ == "" {
				typ = "module"
			}
			est.Unpriced = append(est.Unpriced, Unpriced{Address: r.Address, Type: typ, Reason: r.Unexpanded})
			continue
		}
		est.Resources = append(est.Resources, p.price(r, idx))
	}
	for _, rc := range est.Resources {
		est.PastTotal = est.PastTotal.Add(rc.Past)
		est.Total = est.Total.Add(rc.Monthly)
		for _, comps := range [][]pricing.Component{rc.Components, rc.PastComponents} {
			for _, c := range comps {
				if c.Source == "" {
					continue
				}
				if s, ok := p.Catalog.Source(c.Source); ok {
					est.PricedAsOf[s.ID] = s.PricedAsOf
				}
			}
		}
		if !rc.Priced {
			est.Unpriced = append(est.Unpriced, Unpriced{Address: rc.Address, Type: rc.Type, Reason: rc.UnpricedReason})
		}
	}
	est.DiffTotal = est.Total.Sub(est.PastTotal)
	for _, note := range []string{p.staleNote(est.PricedAsOf), p.missingNote(est.Resources)} {
		if note != "" {
			est.Notes = append(slices.Clip(est.Notes), note)
		}
	}
	sort.SliceStable(est.Unpriced, func(i, j int) bool { return est.Unpriced[i].Address < est.Unpriced[j].Address })
	return est
}

// staleNote names the sources used whose prices are older than
// StaleAfter, "" when none are. It gives dates, not ages, so that the same
// plan gives the same output for months.
func (p Pricing) staleNote(asOf map[string]string) string {
	if p.Now.IsZero() {
		return ""
	}
	var old []string
	for _, id := range slices.Sorted(maps.Keys(asOf)) {
		d, err := time.Parse("2006-01-02", asOf[id])
		if err != nil {
			if d, err = time.Parse("2006-01", asOf[id]); err != nil {
				continue
			}
		}
		if p.Now.Sub(d) > StaleAfter {
			old = append(old, id)
		}
	}
	if len(old) == 0 {
		return ""
	}
	return fmt.Sprintf("prices of %s are older than %d days: run `tollgate pricing refresh` for current ones", strings.Join(old, ", "), StaleAfter/(24*time.Hour))
}

// missingNote points to `pricing refresh` when the embedded catalog, which
// holds only the prices shipped with tollgate, lacks some the change needs.
func (p Pricing) missingNote(rcs []ResourceCost) string {
	if p.CatalogName != EmbeddedCatalog {
		return ""
	}
	n := 0
	for _, rc := range rcs {
		if slices.ContainsFunc(rc.Components, func(c pricing.Component) bool { return c.NotInCatalog }) ||
			slices.ContainsFunc(rc.PastComponents, func(c pricing.Component) bool { return c.NotInCatalog }) {
			n++
		}
	}
	switch n {
	case 0:
		return ""
	case 1:
		return "1 resource has prices the embedded catalog lacks: `tollgate pricing refresh` fetches the providers' full price lists"
	}
	return fmt.Sprintf("%d resources have prices the embedded catalog lacks: `tollgate pricing refresh` fetches the providers' full price lists", n)
}

func (p Pricing) price(r *change.Resource, idx index) ResourceCost {
	rc := ResourceCost{Resource: r, Priced: true}
	var before, after pricing.Cost
	if r.Action.HasAfter() {
		after = p.Registry.Cost(p.state(r, r.After, r.AfterUnknown, idx), p.Catalog)
	}
	switch {
	case r.Action == change.NoOp:
		before = after // unchanged: price once
	case r.Action.HasBefore():
		before = p.Registry.Cost(p.state(r, r.Before, nil, idx), p.Catalog)
	}
	rc.Past, rc.Monthly = before.Monthly(), after.Monthly()
	rc.Diff = rc.Monthly.Sub(rc.Past)
	rc.Components = after.Components
	if r.Action != change.NoOp && r.Action != change.Create {
		rc.PastComponents = before.Components
	}
	judged := after
	if !r.Action.HasAfter() {
		judged = before
	}
	rc.Free = judged.Free
	rc.UnpricedReason = strings.Join(judged.Unpriced(), "; ")
	rc.Priced = rc.UnpricedReason == ""
	return rc
}

// state is one side of a resource's change as a cost model sees it.
func (p Pricing) state(r *change.Resource, values, unknown map[string]any, idx index) pricing.Resource {
	pr := pricing.Resource{
		Address: r.Address,
		Type:    r.Type,
		Region:  r.Region,
		Attrs:   pricing.NewAttrs(values, unknown),
		Usage:   p.Usage.For(r.Address, r.Type),
	}
	if len(r.Refs) > 0 {
		pr.Related = func(attr string) (pricing.Resource, bool) {
			for _, addr := range r.Refs[attr] {
				if t := idx.find(addr); t != nil && t != r {
					vals, unk := t.After, t.AfterUnknown
					if !t.Action.HasAfter() {
						vals, unk = t.Before, nil
					}
					return p.state(t, vals, unk, idx), true
				}
			}
			return pricing.Resource{}, false
		}
	}
	return pr
}

// index finds resources by address; a reference to a resource (not an
// instance) finds its only instance.
type index struct {
	byAddress map[string]*change.Resource
	instances map[string][]*change.Resource // resource address -> instances
}

func newIndex(rs []change.Resource) index {
	idx := index{byAddress: make(map[string]*change.Resource, len(rs)), instances: map[string][]*change.Resource{}}
	for i := range rs {
		r := &rs[i]
		if r.Deposed != "" {
			continue
		}
		idx.byAddress[r.Address] = r
		if r.Index != nil {
			base := r.Address[:strings.LastIndex(r.Address, "[")]
			idx.instances[base] = append(idx.instances[base], r)
		}
	}
	for _, list := range idx.instances {
		sort.Slice(list, func(i, j int) bool { return list[i].Address < list[j].Address })
	}
	return idx
}

func (idx index) find(address string) *change.Resource {
	if r, ok := idx.byAddress[address]; ok {
		return r
	}
	if list := idx.instances[address]; len(list) == 1 {
		return list[0]
	}
	return nil
}
