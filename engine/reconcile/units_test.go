package reconcile

import (
	"testing"
)

func TestParseUnit(t *testing.T) {
	tests := []struct {
		in       string
		dim      string
		base     string // base units in one unit; "" when not a unit
		fromComp bool   // read as a predicted component named "Storage"
	}{
		{"hours", "hours", "1", false},
		{"Hrs", "hours", "1", false},
		{"1 Hour", "hours", "1", false},
		{"100 Hours", "hours", "100", false},
		{"GB-Mo", "gb-months", "1", false},
		{"GB-Month", "gb-months", "1", false},
		{"GB-Months", "gb-months", "1", false},
		{"GB Months", "gb-months", "1", false},
		{"GB/Month", "gb-months", "1", false},
		{"1 GB/Month", "gb-months", "1", false},
		{"GB", "gb", "1", false},
		{"1 GB", "gb", "1", false},
		{"GB", "gb-months", "1", true},
		{"Requests", "requests", "1", false},
		{"Request", "requests", "1", false},
		{"API Requests", "requests", "1", false},
		{"1M requests", "requests", "1000000", false},
		{"10k requests", "requests", "10000", false},
		{"10K", "", "", false},
		{"", "", "", false},
		{"vCPU-Hours", "vcpu-hours", "1", false},
		{"GB Hours", "gb-hours", "1", false},
		{"Lambda-GB-Second", "lambda-gb-seconds", "1", false},
		{"IOPS-Months", "iops-months", "1", false},
	}
	for _, tt := range tests {
		var u unit
		var ok bool
		if tt.fromComp {
			u, ok = componentUnit(tt.in, "Storage", "")
		} else {
			u, ok = parseUnit(tt.in)
		}
		if !ok {
			if tt.base != "" {
				t.Errorf("parseUnit(%q): not a unit, want %s", tt.in, tt.dim)
			}
			continue
		}
		if tt.base == "" {
			t.Errorf("parseUnit(%q) = %s, want no unit", tt.in, u.dim)
			continue
		}
		if u.dim != tt.dim || !u.toBase(one).Equal(dec(tt.base)) {
			t.Errorf("parseUnit(%q) = %s × %s, want %s × %s", tt.in, u.toBase(one), u.dim, tt.base, tt.dim)
		}
	}
}

// Byte-hours are GB-months: 2^30 bytes for 730 hours is one.
func TestByteHours(t *testing.T) {
	u, ok := parseUnit("Byte-Hrs")
	if !ok || u.dim != dimGBMonths {
		t.Fatalf("parseUnit(Byte-Hrs) = %+v, %v; want GB-months", u, ok)
	}
	if got := u.toBase(dec("783831531520")); !got.Equal(dec("1")) {
		t.Errorf("2^30 × 730 byte-hours = %s GB-months, want 1", got)
	}
	if got := u.fromBase(dec("2")); !got.Equal(dec("1567663063040")) {
		t.Errorf("2 GB-months = %s byte-hours, want 1567663063040", got)
	}
}

func FuzzParseUnit(f *testing.F) {
	for _, s := range []string{"Hrs", "1 GB/Month", "10K", "1M requests", "Byte-Hrs", "0.5 hours", "..", "k"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, ok := parseUnit(s)
		if !ok {
			return
		}
		if u.dim == "" || !u.mul.IsPositive() || !u.div.IsPositive() {
			t.Fatalf("parseUnit(%q) = %+v: want a dimension and positive factors", s, u)
		}
		// Byte-hours round when divided: TestByteHours checks them.
		if q := dec("12.5"); u.div.Equal(one) && !u.fromBase(u.toBase(q)).Round(6).Equal(q) {
			t.Fatalf("parseUnit(%q): %s does not survive a round trip through base units", s, q)
		}
	})
}
