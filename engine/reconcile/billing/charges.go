package billing

import (
	"cmp"
	"hash/maphash"
	"math/bits"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Charges returns the sums of every line read so far, sorted by resource,
// service, day and category. Charges with the same tags share one Tags
// map, and many with the same quantity one Quantities map: treat both as
// read-only.
func (s *Sum) Charges() []Charge {
	n := 0
	for _, r := range s.resources {
		n += len(r.accs)
	}
	out := make([]Charge, 0, n)
	in := newInterner(n)
	for _, r := range s.resources {
		for _, a := range r.accs {
			out = append(out, in.charge(s, r.id, a))
		}
	}
	slices.SortFunc(out, func(x, y Charge) int {
		return cmp.Or(
			strings.Compare(x.ResourceID, y.ResourceID),
			strings.Compare(x.Service, y.Service),
			x.Day.Compare(y.Day),
			strings.Compare(string(x.Category), string(y.Category)),
		)
	})
	return out
}

// A big bill has hundreds of thousands of charges but far fewer distinct
// amounts and quantities (a day of an instance type costs the same for
// every instance of it), and each decimal.Decimal is two allocations and
// each Quantities map a few hundred bytes. An interner shares equal
// values between charges through small direct-mapped caches: bounded in
// memory whatever the bill, and sharing is safe because a
// decimal.Decimal is immutable.
type interner struct {
	shift uint // 64 - log2 of the cache size
	seed  maphash.Seed
	decs  []decEntry
	qtys  []qtyEntry
}

type decEntry struct {
	v   int64
	exp int32
	set bool
	d   decimal.Decimal
}

type qtyEntry struct {
	unit string
	v    int64
	exp  int32
	m    map[string]decimal.Decimal
}

// maxCacheBits bounds the caches: 16,384 entries, under 2 MB together.
const maxCacheBits = 14

func newInterner(charges int) *interner {
	b := min(max(bits.Len(uint(charges)), 4), maxCacheBits)
	return &interner{
		shift: uint(64 - b),
		seed:  maphash.MakeSeed(),
		decs:  make([]decEntry, 1<<b),
		qtys:  make([]qtyEntry, 1<<b),
	}
}

func (in *interner) slot(v int64, exp int32) uint64 {
	return (uint64(v)*0x9e3779b97f4a7c15 ^ uint64(uint32(exp))*0xc2b2ae3d27d4eb4f) >> in.shift
}

// decimal converts a sum, sharing the value with equal sums.
func (in *interner) decimal(s *sum) decimal.Decimal {
	if s.over != nil {
		return s.decimal()
	}
	v, exp, ok := s.fit()
	switch {
	case !ok:
		return s.decimal()
	case v == 0:
		return decimal.Zero
	}
	e := &in.decs[in.slot(v, exp)]
	if !e.set || e.v != v || e.exp != exp {
		*e = decEntry{v: v, exp: exp, set: true, d: decimal.New(v, exp)}
	}
	return e.d
}

// quantities converts an accumulator's quantities; a single one is shared
// with the charges that have the same.
func (in *interner) quantities(a *acc) map[string]decimal.Decimal {
	if a.qty.unit == "" {
		return nil
	}
	if len(a.moreQty) == 0 && a.qty.s.over == nil {
		if v, exp, ok := a.qty.s.fit(); ok {
			h := in.slot(v, exp) ^ maphash.String(in.seed, a.qty.unit)>>in.shift
			e := &in.qtys[h]
			if e.m == nil || e.v != v || e.exp != exp || e.unit != a.qty.unit {
				*e = qtyEntry{unit: a.qty.unit, v: v, exp: exp,
					m: map[string]decimal.Decimal{a.qty.unit: in.decimal(&a.qty.s)}}
			}
			return e.m
		}
	}
	m := make(map[string]decimal.Decimal, 1+len(a.moreQty))
	m[a.qty.unit] = in.decimal(&a.qty.s)
	for i := range a.moreQty {
		m[a.moreQty[i].unit] = in.decimal(&a.moreQty[i].s)
	}
	return m
}

func (in *interner) charge(s *Sum, id string, a *acc) Charge {
	c := Charge{
		ResourceID: id,
		Service:    s.serviceNames[a.svc],
		Region:     a.region,
		Day:        dayTime(a.day),
		Category:   a.cat,
		Billed:     in.decimal(&a.billed),
		Effective:  in.decimal(&a.effective),
		List:       in.decimal(&a.list),
		Quantities: in.quantities(a),
	}
	switch {
	case a.tagMap != nil:
		c.Tags = a.tagMap
	case a.tags != nil:
		c.Tags = a.tags.m()
	}
	return c
}
