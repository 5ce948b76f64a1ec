package billing

import (
	"bytes"
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Bills hold hundreds of millions of decimal strings; parsing each into a
// decimal.Decimal (a big.Int) would dominate the read. Amounts are parsed
// into an int64 mantissa and a scale instead and summed exactly in a
// 128-bit fixed-point accumulator; anything that does not fit falls back to
// decimal.Decimal, so no value is ever rounded.

// fixedScale is the accumulator's number of decimal places: enough for the
// 15 places real exports write.
const fixedScale = 18

var pow10 = func() (p [fixedScale + 1]uint64) {
	p[0] = 1
	for i := 1; i <= fixedScale; i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// amount is one parsed number: m × 10^-scale, or d when big is set.
type amount struct {
	m     int64
	scale uint8
	big   bool
	d     decimal.Decimal
}

// parseAmount parses a plain decimal number ("-12.50", "1e-3"); ok is
// false when b is not a number.
func parseAmount(b []byte) (a amount, ok bool) {
	i := 0
	neg := false
	if i < len(b) && (b[i] == '-' || b[i] == '+') {
		neg = b[i] == '-'
		i++
	}
	var m uint64
	digits, scale := 0, 0
	dot, any := false, false
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case c >= '0' && c <= '9':
			any = true
			if dot {
				scale++
			}
			if m == 0 && c == '0' {
				continue // leading zeros cost no precision
			}
			digits++
			m = m*10 + uint64(c-'0')
		case c == '.' && !dot:
			dot = true
		default:
			return parseSlow(b)
		}
	}
	if !any {
		return amount{}, false
	}
	if digits > 18 || scale > fixedScale {
		return parseSlow(b)
	}
	v := int64(m)
	if neg {
		v = -v
	}
	return amount{m: v, scale: uint8(scale)}, true
}

// parseSlow handles exponents and long mantissas, and the spreadsheet
// forms some hand-made exports use ("$10,000.00 "); rare in real ones.
func parseSlow(b []byte) (amount, bool) {
	if len(b) > 100 {
		return amount{}, false // a number this long is garbage, and big exponents are costly
	}
	t := bytes.TrimSpace(b)
	neg := false
	if len(t) > 0 && t[0] == '-' {
		neg, t = true, t[1:]
	}
	if len(t) > 0 && t[0] == '$' {
		t = t[1:]
	}
	g, ok := ungroup(t)
	if !ok || len(g) == 0 || g[0] == '-' || g[0] == '+' && len(t) != len(b) {
		return amount{}, false
	}
	if neg {
		g = append([]byte{'-'}, g...)
	}
	d, err := decimal.NewFromString(string(g))
	if err != nil {
		return amount{}, false
	}
	if e := d.Exponent(); e < -60 || e > 60 {
		return amount{}, false
	}
	return amount{big: true, d: d}, true
}

func (a amount) isZero() bool {
	if a.big {
		return a.d.IsZero()
	}
	return a.m == 0
}

func (a amount) neg() amount {
	if a.big {
		a.d = a.d.Neg()
		return a
	}
	if a.m == minInt64 {
		return amount{big: true, d: decimal.New(a.m, -int32(a.scale)).Neg()}
	}
	a.m = -a.m
	return a
}

const minInt64 = -1 << 63

func (a amount) decimal() decimal.Decimal {
	if a.big {
		return a.d
	}
	return decimal.New(a.m, -int32(a.scale))
}

// mul multiplies exactly, in fixed point when the product fits.
func (a amount) mul(b amount) amount {
	if !a.big && !b.big && int(a.scale)+int(b.scale) <= fixedScale {
		hi, lo := bits.Mul64(abs64(a.m), abs64(b.m))
		if hi == 0 && lo <= 1<<62 {
			v := int64(lo)
			if (a.m < 0) != (b.m < 0) {
				v = -v
			}
			return amount{m: v, scale: a.scale + b.scale}
		}
	}
	return amount{big: true, d: a.decimal().Mul(b.decimal())}
}

func abs64(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}

// sum accumulates amounts: hi:lo is a two's complement 128-bit integer of
// units of 10^-fixedScale; over holds what overflowed it or did not fit.
type sum struct {
	hi   int64
	lo   uint64
	over *decimal.Decimal // nil until needed: most sums never need it
}

func (s *sum) add(a amount) {
	if a.big {
		s.addBig(a.d)
		return
	}
	if a.m == 0 {
		return
	}
	ph, pl := bits.Mul64(abs64(a.m), pow10[fixedScale-int(a.scale)])
	h := int64(ph)
	if a.m < 0 { // negate the 128-bit product
		pl = ^pl + 1
		h = ^h
		if pl == 0 {
			h++
		}
	}
	lo, carry := bits.Add64(s.lo, pl, 0)
	hi := s.hi + h + int64(carry)
	// Signed overflow: both addends share a sign the result lacks.
	if (s.hi >= 0) == (h >= 0) && (hi >= 0) != (s.hi >= 0) {
		s.addBig(a.decimal())
		return
	}
	s.hi, s.lo = hi, lo
}

func (s *sum) addBig(d decimal.Decimal) {
	if s.over == nil {
		s.over = &decimal.Decimal{}
	}
	*s.over = s.over.Add(d)
}

func (s *sum) addSum(o *sum) {
	lo, carry := bits.Add64(s.lo, o.lo, 0)
	hi := s.hi + o.hi + int64(carry)
	if (s.hi >= 0) == (o.hi >= 0) && (hi >= 0) != (s.hi >= 0) {
		s.addBig(o.fixed())
	} else {
		s.hi, s.lo = hi, lo
	}
	if o.over != nil {
		s.addBig(*o.over)
	}
}

func (s *sum) isZero() bool {
	return s.hi == 0 && s.lo == 0 && (s.over == nil || s.over.IsZero())
}

func (s *sum) fixed() decimal.Decimal {
	if v, exp, ok := s.fit(); ok {
		return decimal.New(v, exp)
	}
	n := new(big.Int).SetInt64(s.hi)
	n.Lsh(n, 64)
	n.Add(n, new(big.Int).SetUint64(s.lo))
	return decimal.NewFromBigInt(n, -fixedScale)
}

// fit gives the fixed-point part as v × 10^exp, trimmed of trailing
// zeros, when v fits an int64: nearly every total does once trimmed (24
// hours is 24 × 10^18 units, too big untrimmed), and then it needs no
// big.Int arithmetic.
func (s *sum) fit() (v int64, exp int32, ok bool) {
	hi, lo := uint64(s.hi), s.lo
	neg := s.hi < 0
	if neg { // the magnitude of the two's complement value
		lo = ^lo + 1
		hi = ^hi
		if lo == 0 {
			hi++
		}
	}
	exp = -fixedScale
	for exp < 0 && (hi != 0 || lo != 0) {
		q, r := bits.Div64(hi%10, lo, 10)
		if r != 0 {
			break
		}
		hi, lo = hi/10, q
		exp++
	}
	switch {
	case hi != 0 || lo > 1<<63:
		return 0, 0, false
	case lo == 1<<63:
		if !neg {
			return 0, 0, false
		}
		return minInt64, exp, true
	case lo == 0:
		return 0, 0, true
	case neg:
		return -int64(lo), exp, true
	}
	return int64(lo), exp, true
}

// decimal gives the exact total, trimmed of trailing zeros so that equal
// totals print alike.
func (s *sum) decimal() decimal.Decimal {
	d := s.fixed()
	if s.over == nil {
		if d.IsZero() {
			return decimal.Zero
		}
		return d
	}
	return trim(d.Add(*s.over))
}

func trim(d decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		return decimal.Zero
	}
	r, err := decimal.NewFromString(d.String())
	if err != nil {
		return d
	}
	return r
}

// ungroup removes thousands separators from "10,000.00"; ok is false when
// the commas do not group thousands (then they are not a number's).
func ungroup(b []byte) ([]byte, bool) {
	if bytes.IndexByte(b, ',') < 0 {
		return b, true
	}
	intPart := b
	if i := bytes.IndexByte(b, '.'); i >= 0 {
		intPart = b[:i]
	}
	groups := bytes.Split(intPart, []byte(","))
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return nil, false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return nil, false
		}
	}
	return append(bytes.Join(groups, nil), b[len(intPart):]...), true
}
