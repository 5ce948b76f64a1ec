package seed

import (
	"github.com/shopspring/decimal"
)

// Snap returns the decimal with the fewest significant digits in the
// closed interval [lo, hi], the price a rounded-off derivation came from.
// It reports false when the interval is empty or when two or more such
// decimals fit: the data then cannot tell which price is meant, and a
// guess would be a wrong price shown as a right one.
func Snap(lo, hi decimal.Decimal) (decimal.Decimal, bool) {
	if lo.GreaterThan(hi) || lo.IsNegative() {
		return decimal.Decimal{}, false
	}
	if lo.Equal(hi) {
		return lo, true
	}
	// Walk the grid 10^k from coarser than hi down: the first grid with a
	// point in the interval holds the shortest decimals.
	for k := magnitude(hi) + 1; k >= minExponent; k-- {
		first := lo.Shift(-k).Ceil()
		last := hi.Shift(-k).Floor()
		switch first.Cmp(last) {
		case 0:
			return first.Shift(k), true
		case -1:
			return decimal.Decimal{}, false
		}
	}
	return decimal.Decimal{}, false
}

// minExponent bounds the search; catalog prices never have digits below
// 10^-24 (the smallest, Lambda ephemeral storage, is 3.09e-8).
const minExponent = -24

// magnitude is floor(log10(d)) for d > 0, and 0 for d = 0.
func magnitude(d decimal.Decimal) int32 {
	if d.IsZero() {
		return 0
	}
	return int32(len(d.Coefficient().String())) - 1 + d.Exponent()
}
