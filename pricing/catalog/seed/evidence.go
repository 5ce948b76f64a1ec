package seed

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// span is what one observation says about a price: it lies in [lo, hi].
// A printed price is a span of one point.
type span struct {
	lo, hi decimal.Decimal
	from   string // where it was read, for messages
	// cents marks a price printed rounded to the cent: it says nothing of
	// the digits below the cent, which Snap would then take to be zeros.
	cents bool
}

func (s span) exact() bool { return s.lo.Equal(s.hi) }

// conv turns a price per the source's unit into a price per the catalog
// key's unit: multiply by mul, divide by div.
type conv struct{ mul, div int64 }

var (
	same        = conv{1, 1}
	monthToHour = conv{1, 730}       // a month of an hourly rate, back to the hour
	perMillion  = conv{1_000_000, 1} // per request -> per 1M requests
	gibToMib    = conv{1, 1024}      // per GiBps-month -> per MiBps-month
)

// convPrecision is ample: no catalog price has more than 12 significant
// digits, and Snap decides what the digits below them were.
const convPrecision = 28

func (c conv) apply(s span) span {
	if c == same {
		return s
	}
	m := decimal.NewFromInt(c.mul)
	if c.div == 1 {
		return span{s.lo.Mul(m), s.hi.Mul(m), s.from, s.cents}
	}
	d := decimal.NewFromInt(c.div)
	lo, hi := s.lo.Mul(m), s.hi.Mul(m)
	qlo := lo.DivRound(d, convPrecision)
	qhi := hi.DivRound(d, convPrecision)
	if s.exact() && qlo.Mul(d).Equal(lo) {
		return span{qlo, qlo, s.from, false}
	}
	// Widen by the rounding of the division so the true value stays in.
	// A month of cents divided into hours keeps enough digits: the hourly
	// price is no longer known only to the cent.
	ulp := decimal.New(1, -convPrecision)
	return span{qlo.Sub(ulp), qhi.Add(ulp), s.from, false}
}

// agree finds the price spans pin down. A printed price (a point) is
// taken as it is, and must be the only one; spans that do not contain it
// are returned as doubts. Without a point, the spans are intersected and
// the price is the shortest decimal they all allow (Snap). problem says
// why there is no price.
func agree(spans []span) (price decimal.Decimal, problem string, doubts []span) {
	if len(spans) == 0 {
		return price, "no usable rows", nil
	}
	if !slices.ContainsFunc(spans, func(s span) bool { return !s.cents }) {
		return price, "printed only, rounded to the cent", nil
	}
	var points []span
	for _, s := range spans {
		if s.exact() {
			points = append(points, s)
		}
	}
	if len(points) > 0 {
		for _, s := range points[1:] {
			if !s.lo.Equal(points[0].lo) {
				return price, disagreement(points), nil
			}
		}
		price = points[0].lo
		for _, s := range spans {
			if price.LessThan(s.lo) || price.GreaterThan(s.hi) {
				doubts = append(doubts, s)
			}
		}
		return price, "", doubts
	}
	lo, hi := spans[0].lo, spans[0].hi
	for _, s := range spans[1:] {
		lo = decimal.Max(lo, s.lo)
		hi = decimal.Min(hi, s.hi)
	}
	if lo.GreaterThan(hi) {
		return price, disagreement(spans), nil
	}
	p, ok := Snap(lo, hi)
	if !ok {
		return price, fmt.Sprintf("the rows allow %s..%s, which holds more than one shortest price", lo, hi), nil
	}
	return p, "", nil
}

func disagreement(spans []span) string {
	var says []string
	for _, s := range spans {
		says = append(says, s.String())
	}
	return "rows disagree: " + strings.Join(says, "; ")
}

func (s span) String() string {
	if s.exact() {
		return fmt.Sprintf("%s (%s)", s.lo, s.from)
	}
	return fmt.Sprintf("%s..%s (%s)", s.lo.Round(12), s.hi.Round(12), s.from)
}
