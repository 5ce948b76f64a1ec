package billing

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339; "" for an error
	}{
		{"2024-09-18 22:00:00", "2024-09-18T22:00:00Z"},
		{"2024-09-18T22:00:00Z", "2024-09-18T22:00:00Z"},
		{"2024-09-18T22:00:00", "2024-09-18T22:00:00Z"},
		{"2023-11-01T00:00:00.000Z", "2023-11-01T00:00:00Z"},
		{"2024-09-18T22:00Z", "2024-09-18T22:00:00Z"},
		{"2024-09-18", "2024-09-18T00:00:00Z"},
		{"2024-09-18T22:00:00+02:00", "2024-09-18T20:00:00Z"},
		{"2024-09-18T23:30:00-01:00", "2024-09-19T00:30:00Z"},
		{"09/04/2023", "2023-09-04T00:00:00Z"},
		{"4/1/25", "2025-04-01T00:00:00Z"},
		{"2024-02-29", "2024-02-29T00:00:00Z"},
		{"2023-02-29", ""},
		{"2024-13-01", ""},
		{"13/01/2024", ""},
		{"yesterday", ""},
		{"2024-09-18X22:00:00", ""},
		{"", ""},
	}
	for _, tt := range tests {
		secs, ok := parseTime([]byte(tt.in))
		switch {
		case tt.want == "" && ok:
			t.Errorf("parseTime(%q) = %s, want an error", tt.in, time.Unix(secs, 0).UTC())
		case tt.want != "" && !ok:
			t.Errorf("parseTime(%q) failed, want %s", tt.in, tt.want)
		case ok && time.Unix(secs, 0).UTC().Format(time.RFC3339) != tt.want:
			t.Errorf("parseTime(%q) = %s, want %s", tt.in, time.Unix(secs, 0).UTC().Format(time.RFC3339), tt.want)
		}
	}
}

// TestDaysFromCivil checks the day arithmetic against time.Date over
// several centuries.
func TestDaysFromCivil(t *testing.T) {
	for d := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2400; d = d.AddDate(0, 0, 7) {
		got := daysFromCivil(d.Year(), int(d.Month()), d.Day())
		if want := d.Unix() / secondsPerDay; got != want {
			t.Fatalf("daysFromCivil(%s) = %d, want %d", d.Format(time.DateOnly), got, want)
		}
	}
}
