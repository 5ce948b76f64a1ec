package reconcile

import (
	"math"

	"github.com/shopspring/decimal"
)

// runningSum adds decimals exactly without allocating while their
// coefficients fit an int64 at a common exponent, as bill amounts do:
// decimal.Add allocates on every call, and a bill has millions of lines.
// Whatever does not fit goes to rest, a plain decimal.
type runningSum struct {
	small int64
	exp   int32 // the exponent of small
	rest  decimal.Decimal
}

// maxInt64Digits is how many decimal digits any int64 holds.
const maxInt64Digits = 18

var pow10 = func() [maxInt64Digits + 1]int64 {
	var p [maxInt64Digits + 1]int64
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

func (s *runningSum) add(d decimal.Decimal) {
	if d.IsZero() {
		return
	}
	if d.NumDigits() > maxInt64Digits || !s.addSmall(d.CoefficientInt64(), d.Exponent()) {
		s.rest = s.rest.Add(d)
	}
}

// addSmall adds c × 10^e to small, reporting false when it cannot
// without overflowing (small is then moved to rest, to try again later).
func (s *runningSum) addSmall(c int64, e int32) bool {
	if s.small == 0 {
		s.exp = e
	}
	switch {
	case e > s.exp:
		var ok bool
		if c, ok = scale(c, e-s.exp); !ok {
			return false
		}
	case e < s.exp:
		small, ok := scale(s.small, s.exp-e)
		if !ok {
			s.flush()
			s.exp = e
			small = 0
		}
		s.small, s.exp = small, e
	}
	if (c > 0 && s.small > math.MaxInt64-c) || (c < 0 && s.small < math.MinInt64-c) {
		s.flush() // c stays at s.exp
	}
	s.small += c
	return true
}

// scale multiplies c by 10^k, reporting whether it fits.
func scale(c int64, k int32) (int64, bool) {
	if k > maxInt64Digits {
		return 0, c == 0
	}
	p := pow10[k]
	if c > math.MaxInt64/p || c < math.MinInt64/p {
		return 0, false
	}
	return c * p, true
}

func (s *runningSum) flush() {
	if s.small != 0 {
		s.rest = s.rest.Add(decimal.New(s.small, s.exp))
		s.small = 0
	}
}

// value is the sum.
func (s *runningSum) value() decimal.Decimal {
	if s.small == 0 {
		return s.rest
	}
	return s.rest.Add(decimal.New(s.small, s.exp))
}
