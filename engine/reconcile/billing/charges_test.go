package billing

import (
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

func sumOf(t *testing.T, adds ...string) *sum {
	t.Helper()
	var s sum
	for _, v := range adds {
		a, ok := parseAmount([]byte(v))
		if !ok {
			t.Fatalf("parse %q", v)
		}
		s.add(a)
	}
	return &s
}

// nines is nine times sign 0.999999999999999999, then last.
func nines(sign, last string) []string {
	adds := make([]string, 9, 10)
	for i := range adds {
		adds[i] = sign + "0.999999999999999999"
	}
	return append(adds, last)
}

// TestSumFit checks the trimmed int64 form totals convert through, at the
// edges of int64 and of the accumulator's scale.
func TestSumFit(t *testing.T) {
	tests := []struct {
		name   string
		adds   []string
		v      int64
		exp    int32
		fits   bool
		decStr string
	}{
		{name: "whole hours, too big untrimmed", adds: []string{"23.5", "0.5"}, v: 24, exp: 0, fits: true, decStr: "24"},
		{name: "all places", adds: []string{"0.000000000000000001"}, v: 1, exp: -18, fits: true, decStr: "0.000000000000000001"},
		{name: "negative", adds: []string{"-1.25"}, v: -125, exp: -2, fits: true, decStr: "-1.25"},
		{name: "zero", adds: []string{"0.5", "-0.5"}, v: 0, exp: 0, fits: true, decStr: "0"},
		// 18 digits at most parse into the fixed point; nine of them
		// and a remainder reach the ends of int64.
		{name: "max int64", adds: nines("", "0.223372036854775816"), v: 1<<63 - 1, exp: -18, fits: true, decStr: "9.223372036854775807"},
		{name: "min int64", adds: nines("-", "-0.223372036854775817"), v: -1 << 63, exp: -18, fits: true, decStr: "-9.223372036854775808"},
		{name: "just above int64", adds: nines("", "0.223372036854775817"), decStr: "9.223372036854775808"},
		{name: "whole but too big", adds: []string{"999999999999999999", "999999999999999999", "999999999999999999",
			"999999999999999999", "999999999999999999", "999999999999999999", "999999999999999999", "999999999999999999",
			"999999999999999999", "999999999999999999"}, decStr: "9999999999999999990"},
	}
	for _, tt := range tests {
		s := sumOf(t, tt.adds...)
		v, exp, ok := s.fit()
		if ok != tt.fits || ok && (v != tt.v || exp != tt.exp) {
			t.Errorf("%s: fit() = %d, %d, %t; want %d, %d, %t", tt.name, v, exp, ok, tt.v, tt.exp, tt.fits)
		}
		if got := s.decimal(); got.String() != tt.decStr {
			t.Errorf("%s: decimal() = %s, want %s", tt.name, got, tt.decStr)
		}
	}
}

// TestInterner converts values that differ in one part of their key
// only through an interner of one slot, where every entry collides, and
// checks each; then that equal quantities share.
func TestInterner(t *testing.T) {
	tests := []struct{ unit, v string }{
		{"hours", "24"}, {"hours", "2.4"}, {"gb-mo", "2.4"}, {"gb-mo", "0.24"},
		{"hours", "0.24"}, {"hours", "24"}, {"hours", "-24"}, {"hours", "0"},
	}
	in := newInterner(1)
	in.shift = 64 // every key to slot 0
	for _, tt := range tests {
		a := &acc{billed: *sumOf(t, tt.v), qty: qtySum{unit: tt.unit, s: *sumOf(t, tt.v)}}
		want := decimal.RequireFromString(tt.v)
		if got := in.decimal(&a.billed); !got.Equal(want) {
			t.Errorf("decimal(%s) = %s", tt.v, got)
		}
		if q := in.quantities(a); len(q) != 1 || !q[tt.unit].Equal(want) {
			t.Errorf("quantities(%s %s) = %v", tt.v, tt.unit, q)
		}
	}

	in = newInterner(1000)
	a := &acc{qty: qtySum{unit: "hours", s: *sumOf(t, "24")}}
	b := &acc{qty: qtySum{unit: "hours", s: *sumOf(t, "23", "1")}}
	if qa, qb := in.quantities(a), in.quantities(b); reflect.ValueOf(qa).Pointer() != reflect.ValueOf(qb).Pointer() {
		t.Error("equal quantities do not share a map")
	}
	two := &acc{qty: qtySum{unit: "hours", s: *sumOf(t, "24")}, moreQty: []qtySum{{unit: "requests", s: *sumOf(t, "7")}}}
	if q := in.quantities(two); len(q) != 2 || !q["requests"].Equal(decimal.NewFromInt(7)) || !q["hours"].Equal(decimal.NewFromInt(24)) {
		t.Errorf("two units: %v", q)
	}
}
