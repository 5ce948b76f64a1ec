package billing

import (
	"bytes"
)

// curType is a CUR line item type, as the FOCUS converter's rules treat it
// (/work/shared/billing/aws-cur-legacy/focus_converters-aws-cur-to-focus-rules.csv).
type curType uint8

const (
	curOther curType = iota
	curUsage
	curDiscountedUsage
	curSPCoveredUsage
	curSPNegation
	curSPUpfrontFee
	curSPRecurringFee
	curRIFee
	curFee
	curTax
	curCredit
	curDiscount
)

var curTypes = map[string]struct {
	t   curType
	cat Category
}{
	"usage":                   {curUsage, Usage},
	"discountedusage":         {curDiscountedUsage, Usage},
	"savingsplancoveredusage": {curSPCoveredUsage, Usage},
	"savingsplannegation":     {curSPNegation, Usage},
	"bundleddiscount":         {curDiscount, Usage},
	"discount":                {curDiscount, Usage},
	"privateratediscount":     {curDiscount, Usage},
	"edpdiscount":             {curDiscount, Usage},
	"savingsplanupfrontfee":   {curSPUpfrontFee, Purchase},
	"savingsplanrecurringfee": {curSPRecurringFee, Purchase},
	"rifee":                   {curRIFee, Purchase},
	"fee":                     {curFee, Purchase},
	"tax":                     {curTax, Tax},
	"credit":                  {curCredit, Credit},
	"refund":                  {curCredit, Credit},
}

// curTypeCache maps the last line item type text read; rows repeat it.
type curTypeCache struct {
	raw []byte
	t   curType
	cat Category
}

func (c *curTypeCache) lookup(b []byte) (curType, Category) {
	if c.raw != nil && bytes.Equal(b, c.raw) {
		return c.t, c.cat
	}
	v, ok := curTypes[string(bytes.ToLower(b))]
	if !ok {
		// Types AWS adds later are kept, as adjustments, rather than lost.
		v.t, v.cat = curOther, Adjustment
	}
	c.raw = append(c.raw[:0], b...)
	c.t, c.cat = v.t, v.cat
	return v.t, v.cat
}

func (rd *reader) cur(r *row, ln *line) string {
	l := rd.l
	start, end := r.f[cStart], r.f[cEnd]
	if i := bytes.IndexByte(start, '/'); i >= 10 { // identity/TimeInterval
		start, end = start[:i], start[i+1:]
	} else if isNull(end) {
		if iv := r.f[cInterval]; len(iv) > 0 {
			if i := bytes.IndexByte(iv, '/'); i >= 10 {
				end = iv[i+1:]
			}
		}
	}
	if isNull(start) {
		return l.missing[cStart]
	}
	var ok bool
	if ln.start, ok = rd.startTC.parse(start); !ok {
		return l.bad[cStart]
	}
	if !isNull(end) {
		if ln.end, ok = rd.endTC.parse(end); !ok {
			return l.bad[cEnd]
		}
	}
	if isNull(r.f[cCategory]) {
		return l.missing[cCategory]
	}
	t, cat := rd.curType.lookup(r.f[cCategory])
	ln.cat = cat

	if isNull(r.f[cBilled]) {
		return l.missing[cBilled]
	}
	unblended, why := l.amountOf(r, cBilled)
	if why != "" {
		return why
	}
	ln.billed = unblended
	if !isNull(r.f[cNetBilled]) {
		if ln.billed, why = l.amountOf(r, cNetBilled); why != "" {
			return why
		}
	}
	if ln.list, why = l.amountOf(r, cList); why != "" {
		return why
	}
	if ln.effective, why = rd.curEffective(r, t, unblended); why != "" {
		return why
	}
	if !isNull(r.f[cQty]) {
		if ln.qty, why = l.amountOf(r, cQty); why != "" {
			return why
		}
		ln.unit = nonNull(r.f[cUnit])
		ln.hasQty = true
	}
	if l.format == CUR2 {
		ln.tags = nonNull(r.f[cTags])
		ln.curKeys = true
	}
	ln.kvTags = len(r.kv) > 0
	return ""
}

// curEffective is the FOCUS converter's EffectiveCost: commitments count
// where they are used, their fees only for the unused part.
func (rd *reader) curEffective(r *row, t curType, unblended amount) (amount, string) {
	l := rd.l
	switch t {
	case curSPCoveredUsage:
		return l.amountOf(r, cSPEffective)
	case curDiscountedUsage:
		return l.amountOf(r, cRIEffective)
	case curSPNegation, curSPUpfrontFee:
		return amount{}, ""
	case curSPRecurringFee:
		return l.difference(r, cSPTotalCommitment, cSPUsedCommitment)
	case curRIFee:
		a, why := l.amountOf(r, cRIUnusedAmortized)
		if why != "" {
			return a, why
		}
		b, why := l.amountOf(r, cRIUnusedRecurring)
		if why != "" {
			return a, why
		}
		var s sum
		s.add(a)
		s.add(b)
		return amount{big: true, d: s.decimal()}, ""
	case curFee:
		if !isNull(r.f[cReservationARN]) {
			return amount{}, ""
		}
	}
	return unblended, ""
}

func (l *layout) difference(r *row, a, b col) (amount, string) {
	x, why := l.amountOf(r, a)
	if why != "" {
		return x, why
	}
	y, why := l.amountOf(r, b)
	if why != "" {
		return x, why
	}
	var s sum
	s.add(x)
	s.add(y.neg())
	return amount{big: true, d: s.decimal()}, ""
}
