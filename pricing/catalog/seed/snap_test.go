package seed

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestSnap(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name   string
		lo, hi string
		want   string // "" when no price can be told
	}{
		{"point", "0.0000166667", "0.0000166667", "0.0000166667"},
		{"fargate vCPU: 29.55 a month ± 3.4e-5, per hour", "0.0404780", "0.0404808", "0.04048"},
		{"one significant digit", "0.0079932", "0.0080068", "0.008"},
		{"straddles a power of ten", "0.0995", "0.1005", "0.1"},
		{"whole number", "0.995", "1.005", "1"},
		{"several shortest decimals fit", "0.6253", "0.6287", ""},
		{"two fit at the first grid with any", "0.95", "0.971", ""},
		{"empty interval", "0.2", "0.1", ""},
		{"negative", "-0.1", "0.1", ""},
		{"zero point", "0", "0", "0"},
		{"interval from zero holds zero", "0", "0.4", "0"},
		{"tiny", "0.000000025", "0.0000000309", "0.00000003"},
		{"tiny, two fit", "0.00000002", "0.0000000309", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Snap(d(tt.lo), d(tt.hi))
			if tt.want == "" {
				if ok {
					t.Fatalf("Snap(%s, %s) = %s, want no price", tt.lo, tt.hi, got)
				}
				return
			}
			if !ok || !got.Equal(d(tt.want)) {
				t.Fatalf("Snap(%s, %s) = %s, %v; want %s", tt.lo, tt.hi, got, ok, tt.want)
			}
		})
	}
}

func TestObservedRowSpan(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name     string
		price, u string
		kinds    []string
		lo, hi   string // "" when the row is not usable
		cents    bool
	}{
		{"json is exact", "0.0052", "0.0013", []string{"derived", "json"}, "0.0052", "0.0052", false},
		{"small printed is exact", "0.0004", "0.25", []string{"derived", "printed"}, "0.0004", "0.0004", false},
		{"large printed is to the cent", "0.23", "", []string{"printed"}, "0.225", "0.235", true},
		{"derived narrows a cent", "0.2", "0.00048", []string{"derived", "printed"}, "0.199904", "0.200096", false},
		{"derived", "29.55", "0.000034", []string{"derived"}, "29.5489953", "29.5510047", false},
		{"derived too coarse", "0.0000001", "0.5", []string{"derived"}, "", "", false},
		{"derived at the limit", "0.04", "0.03", []string{"derived"}, "0.0388", "0.0412", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := decimal.Zero
			if tt.u != "" {
				u = d(tt.u)
			}
			s, ok := observedRow{price: d(tt.price), uncertainty: u, kinds: tt.kinds}.span()
			if tt.lo == "" {
				if ok {
					t.Fatalf("span = %v, want unusable", s)
				}
				return
			}
			if !ok || !s.lo.Equal(d(tt.lo)) || !s.hi.Equal(d(tt.hi)) || s.cents != tt.cents {
				t.Fatalf("span = %s..%s cents=%v ok=%v; want %s..%s cents=%v", s.lo, s.hi, s.cents, ok, tt.lo, tt.hi, tt.cents)
			}
		})
	}
}

func TestAgree(t *testing.T) {
	d := decimal.RequireFromString
	pt := func(p string) span { return span{lo: d(p), hi: d(p), from: "point " + p} }
	rg := func(lo, hi string) span { return span{lo: d(lo), hi: d(hi), from: "range"} }
	cent := func(p string) span {
		s := rg(p, p)
		s.lo, s.hi, s.cents = s.lo.Sub(halfCent), s.hi.Add(halfCent), true
		return s
	}
	tests := []struct {
		name   string
		spans  []span
		want   string // "" when no price
		doubts int
	}{
		{"one point", []span{pt("0.05")}, "0.05", 0},
		{"point wins over a range that misses it", []span{pt("0.0000133334"), rg("0.0000127", "0.0000132")}, "0.0000133334", 1},
		{"points disagree", []span{pt("0.023"), pt("0.0125")}, "", 0},
		{"ranges intersect", []span{rg("3.24451", "3.24549"), rg("3.2440", "3.2460")}, "3.245", 0},
		{"intersection too narrow for a short price", []span{rg("3.24451", "3.24549"), rg("3.23514", "3.24486")}, "", 0},
		{"ranges disjoint", []span{rg("0.1", "0.2"), rg("0.3", "0.4")}, "", 0},
		{"cents alone", []span{cent("0.19")}, "", 0},
		{"cents with a range", []span{cent("0.12"), rg("0.1199987", "0.1200013")}, "0.12", 0},
		{"nothing", nil, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, problem, doubts := agree(tt.spans)
			if tt.want == "" {
				if problem == "" {
					t.Fatalf("agree = %s, want a problem", got)
				}
				return
			}
			if problem != "" || !got.Equal(d(tt.want)) || len(doubts) != tt.doubts {
				t.Fatalf("agree = %s, %q, %d doubts; want %s, %d doubts", got, problem, len(doubts), tt.want, tt.doubts)
			}
		})
	}
}

func TestConv(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name      string
		c         conv
		in        span
		wantPoint string // for exact results
		snap      string // for ranges: what Snap makes of them, "" none
	}{
		{"gp3 throughput per GiBps to per MiBps", gibToMib, span{lo: d("45.056"), hi: d("45.056")}, "0.044", ""},
		{"per IO to per million", perMillion, span{lo: d("0.000000055"), hi: d("0.000000055")}, "0.055", ""},
		{"a month of LCU-hours", monthToHour, span{lo: d("5.84"), hi: d("5.84")}, "0.008", ""},
		{"a month of WCU, derived", monthToHour, span{lo: d("0.47424852"), hi: d("0.47475148")}, "", "0.00065"},
		{"a month that does not divide", monthToHour, span{lo: d("1"), hi: d("1")}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.c.apply(tt.in)
			if tt.wantPoint != "" {
				if !got.exact() || !got.lo.Equal(d(tt.wantPoint)) {
					t.Fatalf("apply = %s..%s, want exactly %s", got.lo, got.hi, tt.wantPoint)
				}
				return
			}
			p, ok := Snap(got.lo, got.hi)
			if tt.snap == "" {
				if got.exact() || ok {
					t.Fatalf("apply = %s..%s snaps to %s, want a range with no short price", got.lo, got.hi, p)
				}
				return
			}
			if got.exact() || !ok || !p.Equal(d(tt.snap)) {
				t.Fatalf("apply = %s..%s snaps to %s (%v), want a range snapping to %s", got.lo, got.hi, p, ok, tt.snap)
			}
		})
	}
}

// FuzzSnap checks that a snapped price lies in its interval and has no
// more digits than the interval's ends.
func FuzzSnap(f *testing.F) {
	for _, s := range [][2]string{{"0.0404780", "0.0404808"}, {"0.95", "0.971"}, {"0", "0"}, {"1e-9", "3e-9"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		lo, err1 := decimal.NewFromString(a)
		hi, err2 := decimal.NewFromString(b)
		if err1 != nil || err2 != nil || lo.Exponent() < -40 || hi.Exponent() < -40 || lo.Exponent() > 40 || hi.Exponent() > 40 {
			return
		}
		p, ok := Snap(lo, hi)
		if !ok {
			return
		}
		if p.LessThan(lo) || p.GreaterThan(hi) {
			t.Fatalf("Snap(%s, %s) = %s, outside", lo, hi, p)
		}
		if p.Exponent() < min(lo.Exponent(), hi.Exponent()) && !lo.Equal(hi) {
			t.Fatalf("Snap(%s, %s) = %s has more digits than the ends", lo, hi, p)
		}
	})
}
