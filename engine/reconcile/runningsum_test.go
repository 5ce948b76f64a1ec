package reconcile

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestRunningSum(t *testing.T) {
	tests := []struct {
		name string
		in   []string
	}{
		{"empty", nil},
		{"one", []string{"1.25"}},
		{"mixed exponents", []string{"1.25", "0.0000000001", "300", "-2.5", "1e3"}},
		{"cancelling", []string{"5", "-5", "0.1"}},
		{"near int64 overflow", []string{"9223372036854775807", "9223372036854775807", "-1", "0.5"}},
		{"wider than int64", []string{"123456789012345678901234567890.5", "0.25", "-1e25"}},
		{"exponent gap beyond int64", []string{"1e30", "1e-30", "7"}},
		{"many cents", []string{"0.01", "0.02", "0.03", "12345678901234.56", "12345678901234.56", "-0.07"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s runningSum
			want := decimal.Zero
			for _, v := range tt.in {
				d := dec(v)
				s.add(d)
				want = want.Add(d)
			}
			if got := s.value(); !got.Equal(want) {
				t.Errorf("sum of %v = %s, want %s", tt.in, got, want)
			}
		})
	}
}

func FuzzRunningSum(f *testing.F) {
	f.Add(int64(1), int32(-2), int64(-5), int32(3), int64(9223372036854775807), int32(0))
	f.Fuzz(func(t *testing.T, a int64, ae int32, b int64, be int32, c int64, ce int32) {
		clamp := func(e int32) int32 { return e%40 - 20 }
		var s runningSum
		want := decimal.Zero
		for _, d := range []decimal.Decimal{decimal.New(a, clamp(ae)), decimal.New(b, clamp(be)), decimal.New(c, clamp(ce)), decimal.New(a, clamp(be))} {
			s.add(d)
			want = want.Add(d)
		}
		if got := s.value(); !got.Equal(want) {
			t.Fatalf("sum = %s, want %s", got, want)
		}
	})
}
