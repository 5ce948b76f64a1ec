package billing

import (
	"time"
)

// Timestamps are parsed to Unix seconds without time.Parse on the hot
// path: exports write one of a few fixed shapes, and hourly rows repeat
// the same day thousands of times.

const secondsPerDay = 24 * 60 * 60

// layouts are the shapes parseTime falls back to, in order.
var layouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999 -0700",
	"2006-01-02T15:04",
	"01/02/2006 15:04:05",
	"1/2/2006 15:04:05",
	"1/2/2006 3:04:05 PM",
}

// parseTime reads a timestamp as UTC Unix seconds. Timestamps without a
// zone are UTC (billing exports are); MM/DD/YYYY and M/D/YY are US dates.
func parseTime(b []byte) (int64, bool) {
	if t, ok := parseISO(b); ok {
		return t, true
	}
	if t, ok := parseUSDate(b); ok {
		return t, true
	}
	if len(b) > 64 {
		return 0, false
	}
	s := string(b)
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Unix(), true
		}
	}
	return 0, false
}

// parseISO reads YYYY-MM-DD, optionally followed by [T ]HH:MM[:SS[.fff]]
// and an optional Z; zone offsets are left to time.Parse.
func parseISO(b []byte) (int64, bool) {
	if len(b) < 10 || b[4] != '-' || b[7] != '-' {
		return 0, false
	}
	y, ok1 := digits(b[0:4])
	mo, ok2 := digits(b[5:7])
	d, ok3 := digits(b[8:10])
	if !ok1 || !ok2 || !ok3 || !validDate(y, mo, d) {
		return 0, false
	}
	secs := daysFromCivil(y, mo, d) * secondsPerDay
	rest := b[10:]
	if len(rest) == 0 {
		return secs, true
	}
	if rest[0] != 'T' && rest[0] != ' ' || len(rest) < 6 || rest[3] != ':' {
		return 0, false
	}
	h, ok1 := digits(rest[1:3])
	mi, ok2 := digits(rest[4:6])
	if !ok1 || !ok2 || h > 23 || mi > 59 {
		return 0, false
	}
	rest = rest[6:]
	sec := 0
	if len(rest) >= 3 && rest[0] == ':' {
		var ok bool
		if sec, ok = digits(rest[1:3]); !ok || sec > 60 {
			return 0, false
		}
		rest = rest[3:]
		if len(rest) > 0 && rest[0] == '.' {
			i := 1
			for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
				i++
			}
			if i == 1 {
				return 0, false
			}
			rest = rest[i:] // sub-second precision cannot move a day
		}
	}
	if len(rest) == 1 && rest[0] == 'Z' || len(rest) == 0 {
		return secs + int64(h*3600+mi*60+sec), true
	}
	if string(rest) == " UTC" || string(rest) == "+00:00" {
		return secs + int64(h*3600+mi*60+sec), true
	}
	return 0, false
}

// parseUSDate reads M/D/YYYY or M/D/YY (Azure cost details, spreadsheets).
func parseUSDate(b []byte) (int64, bool) {
	var parts [3]int
	n, v, width := 0, 0, 0
	for i := 0; i <= len(b); i++ {
		if i == len(b) || b[i] == '/' {
			if width == 0 || n == 3 {
				return 0, false
			}
			parts[n] = v
			n++
			v, width = 0, 0
			if i < len(b) && n == 3 {
				return 0, false
			}
			continue
		}
		if b[i] < '0' || b[i] > '9' || width == 4 {
			return 0, false
		}
		v = v*10 + int(b[i]-'0')
		width++
	}
	if n != 3 {
		return 0, false
	}
	mo, d, y := parts[0], parts[1], parts[2]
	if y < 100 {
		y += 2000
	}
	if !validDate(y, mo, d) {
		return 0, false
	}
	return daysFromCivil(y, mo, d) * secondsPerDay, true
}

func digits(b []byte) (int, bool) {
	v := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

func validDate(y, m, d int) bool {
	if y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil is the number of days from 1970-01-01 to y-m-d (Howard
// Hinnant's algorithm), avoiding time.Date on every row.
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era*146097 + doe - 719468)
}

// dayOf is the day number (days since 1970-01-01) of Unix seconds.
func dayOf(secs int64) int32 {
	d := secs / secondsPerDay
	if secs < 0 && secs%secondsPerDay != 0 {
		d--
	}
	return int32(d)
}

func dayTime(day int32) time.Time {
	return time.Unix(int64(day)*secondsPerDay, 0).UTC()
}
