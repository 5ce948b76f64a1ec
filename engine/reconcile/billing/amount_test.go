package billing

import (
	"math"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in, want string // want "" for not a number
	}{
		{"0.00000080000", "0.0000008"},
		{"-12.50", "-12.5"},
		{"+3", "3"},
		{"007.10", "7.1"},
		{".5", "0.5"},
		{"5.", "5"},
		{"1e-3", "0.001"},
		{"1.5E+2", "150"},
		{"12345678901234567890.5", "12345678901234567890.5"},
		{"0.0000000000000000000001", "0.0000000000000000000001"},
		{"$10,000.00 ", "10000"},
		{"-$1,234.5", "-1234.5"},
		{"0.00 ", "0"},
		{"1,5", ""},
		{"12,34.0", ""},
		{"", ""},
		{"-", ""},
		{".", ""},
		{"abc", ""},
		{"1.2.3", ""},
		{"NaN", ""},
		{"1e999999", ""},
	}
	for _, tt := range tests {
		a, ok := parseAmount([]byte(tt.in))
		switch {
		case tt.want == "" && ok:
			t.Errorf("parseAmount(%q) = %s, want an error", tt.in, a.decimal())
		case tt.want != "" && !ok:
			t.Errorf("parseAmount(%q) failed, want %s", tt.in, tt.want)
		case ok && !a.decimal().Equal(decimal.RequireFromString(tt.want)):
			t.Errorf("parseAmount(%q) = %s, want %s", tt.in, a.decimal(), tt.want)
		}
	}
}

// TestSumExact adds values that float64 cannot sum exactly, and enough
// large ones to overflow the 128-bit accumulator.
func TestSumExact(t *testing.T) {
	tests := []struct {
		name  string
		adds  []string
		times int
		want  string
	}{
		{"tenths", []string{"0.1"}, 1000, "100"},
		{"cancelling", []string{"0.096", "-0.096", "0.00000000001"}, 3, "0.00000000003"},
		{"more places than the accumulator", []string{"0.0000000000000000001", "1"}, 2, "2.0000000000000000002"},
		{"overflow to decimal", []string{"999999999999999999"}, 400, "399999999999999999600"},
		{"negative overflow", []string{"-999999999999999999"}, 400, "-399999999999999999600"},
		{"min int64 mantissa", []string{"-9223372036854775808"}, 1, "-9223372036854775808"},
	}
	for _, tt := range tests {
		var s sum
		for range tt.times {
			for _, v := range tt.adds {
				a, ok := parseAmount([]byte(v))
				if !ok {
					t.Fatalf("%s: parse %q", tt.name, v)
				}
				s.add(a)
			}
		}
		if got := s.decimal(); !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("%s: sum = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestAmountMul(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"0.0416", "0.32085564", "0.013347594624"},
		{"-2", "0.5", "-1"},
		{"0.000000001", "0.0000000001", "0.0000000000000000001"},
		{"9223372036", "9223372036", "85070591714466785296"},
	}
	for _, tt := range tests {
		a, _ := parseAmount([]byte(tt.a))
		b, _ := parseAmount([]byte(tt.b))
		if got := a.mul(b).decimal(); !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("%s × %s = %s, want %s", tt.a, tt.b, got, tt.want)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"0.1", "-5", "1e3", "$1,000.00", "", "9223372036854775807"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := parseAmount([]byte(s))
		if !ok {
			return
		}
		// A plain number must read as decimal.NewFromString reads it.
		if want, err := decimal.NewFromString(s); err == nil && !a.decimal().Equal(want) {
			t.Fatalf("parseAmount(%q) = %s, want %s", s, a.decimal(), want)
		}
		var sm sum
		sm.add(a)
		sm.add(a.neg())
		if !sm.decimal().IsZero() {
			t.Fatalf("%q − itself = %s", s, sm.decimal())
		}
	})
}

func BenchmarkParseAmount(b *testing.B) {
	in := []byte(strconv.FormatFloat(math.Pi, 'f', 11, 64))
	for b.Loop() {
		parseAmount(in)
	}
}
