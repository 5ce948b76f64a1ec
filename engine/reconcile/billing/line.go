package billing

import (
	"bytes"
)

// row is one record's fields by column, whatever the file's order; nil
// for a column the file lacks. Tag-per-column formats and Parquet maps add
// their tags to kv.
type row struct {
	f  [numCols][]byte
	kv []tagKV
}

type tagKV struct{ k, v []byte }

// line is a bill line as a Charge sees it.
type line struct {
	res, svc, region, currency []byte
	start, end                 int64 // Unix seconds; end 0 when unknown
	cat                        Category
	billed, effective, list    amount
	qty                        amount
	unit                       []byte
	hasQty                     bool
	tags                       []byte // raw FOCUS/Azure/CUR 2.0 tags text
	curKeys                    bool   // tags keys carry AWS's "user_" prefix
	// kvTags says the tags are in row.kv instead.
	kvTags bool
	// Azure commitment flags, for Summary.Missing.
	commitPurchase, commitAmortized bool
}

// isNull treats empty and the literal NULL (any case) as null, as exports
// write both.
func isNull(b []byte) bool {
	return len(b) == 0 || len(b) == 4 && (b[0] == 'N' || b[0] == 'n') && bytes.EqualFold(b, []byte("null"))
}

func nonNull(b []byte) []byte {
	if isNull(b) {
		return nil
	}
	return b
}

// amountOf parses an optional money column: null is zero.
func (l *layout) amountOf(r *row, c col) (amount, string) {
	b := r.f[c]
	if isNull(b) {
		return amount{}, ""
	}
	a, ok := parseAmount(b)
	if !ok {
		return amount{}, l.bad[c]
	}
	return a, ""
}

// timeOf parses a required timestamp column.
func (l *layout) timeOf(r *row, c col, cache *timeCache) (int64, string) {
	b := r.f[c]
	if isNull(b) {
		return 0, l.missing[c]
	}
	t, ok := cache.parse(b)
	if !ok {
		return 0, l.bad[c]
	}
	return t, ""
}

// timeCache remembers the last timestamp parsed: consecutive rows of an
// export mostly share it.
type timeCache struct {
	raw  []byte
	secs int64
}

func (c *timeCache) parse(b []byte) (int64, bool) {
	if c.raw != nil && bytes.Equal(b, c.raw) {
		return c.secs, true
	}
	t, ok := parseTime(b)
	if ok {
		c.raw = append(c.raw[:0], b...)
		c.secs = t
	}
	return t, ok
}

// reader turns rows of one file into lines.
type reader struct {
	l              *layout
	startTC, endTC timeCache
	curType        curTypeCache
}

// read maps a row to a line; reason is why it is malformed, "" when not.
func (rd *reader) read(r *row, ln *line) (reason string) {
	*ln = line{}
	l := rd.l
	ln.res = nonNull(r.f[cResource])
	ln.svc = nonNull(r.f[cService])
	if ln.svc == nil {
		ln.svc = nonNull(r.f[cService2])
	}
	ln.region = nonNull(r.f[cRegion])
	if ln.region == nil {
		ln.region = nonNull(r.f[cRegion2])
	}
	ln.currency = nonNull(r.f[cCurrency])
	switch l.format {
	case FOCUS:
		return rd.focus(r, ln)
	case CUR, CURAthena, CUR2:
		return rd.cur(r, ln)
	default:
		return rd.azure(r, ln)
	}
}

func (rd *reader) focus(r *row, ln *line) string {
	l := rd.l
	var why string
	if ln.start, why = l.timeOf(r, cStart, &rd.startTC); why != "" {
		return why
	}
	if l.idx[cEnd] >= 0 {
		if ln.end, why = l.timeOf(r, cEnd, &rd.endTC); why != "" {
			return why
		}
	}
	cat, ok := focusCategory(r.f[cCategory])
	if !ok {
		return l.bad[cCategory]
	}
	ln.cat = cat
	if isNull(r.f[cBilled]) {
		return l.missing[cBilled]
	}
	if ln.billed, why = l.amountOf(r, cBilled); why != "" {
		return why
	}
	if ln.effective, why = l.amountOf(r, cEffective); why != "" {
		return why
	}
	if ln.list, why = l.amountOf(r, cList); why != "" {
		return why
	}
	q, u := cQty, cUnit
	if isNull(r.f[cQty]) {
		q, u = cQty2, cUnit2
	}
	if !isNull(r.f[q]) {
		if ln.qty, why = l.amountOf(r, q); why != "" {
			return why
		}
		ln.unit = nonNull(r.f[u])
		ln.hasQty = true
	}
	ln.tags = nonNull(r.f[cTags])
	return ""
}

// focusCategory reads a ChargeCategory in any case.
func focusCategory(b []byte) (Category, bool) {
	switch len(b) {
	case 5:
		if bytes.EqualFold(b, []byte("usage")) {
			return Usage, true
		}
	case 8:
		if bytes.EqualFold(b, []byte("purchase")) {
			return Purchase, true
		}
	case 3:
		if bytes.EqualFold(b, []byte("tax")) {
			return Tax, true
		}
	case 6:
		if bytes.EqualFold(b, []byte("credit")) {
			return Credit, true
		}
	case 10:
		if bytes.EqualFold(b, []byte("adjustment")) {
			return Adjustment, true
		}
	}
	return "", false
}
