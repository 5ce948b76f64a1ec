package github

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tollgate-dev/tollgate/action"
)

func FuzzCut(f *testing.F) {
	f.Add("short", 100)
	f.Add(strings.Repeat("line ✓\n", 300), 500)
	f.Add("<details>\n```\n"+strings.Repeat("x", 1000), 300)
	f.Add(strings.Repeat("🌈", 200), 150)
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if limit < 1 || limit > 1<<16 || !utf8.ValidString(s) {
			t.Skip()
		}
		got := cut(s, limit, "comment")
		if n := utf8.RuneCountInString(got); n > limit {
			t.Errorf("cut to %d characters, over %d", n, limit)
		}
		if !utf8.ValidString(got) {
			t.Error("cut inside a character")
		}
		if utf8.RuneCountInString(s) <= limit && got != s {
			t.Error("changed text that fits")
		}
	})
}

func FuzzMarkerOf(f *testing.F) {
	m := action.Marker{Key: "default", Commit: "abc"}
	f.Add(m.String() + "\nbody")
	f.Add("> " + m.String())
	f.Add("<!-- tollgate:comment key= commit= time= -->")
	f.Fuzz(func(t *testing.T, body string) {
		got, ok := markerOf(body)
		if ok && !strings.Contains(body, "tollgate:comment key="+got.Key) {
			t.Errorf("marker %+v found in %q", got, body)
		}
		// Dropping the marker line must be idempotent on the rest.
		if withoutMarker(body) != withoutMarker(withoutMarker(body)) && strings.Count(body, markerPrefix) < 2 {
			t.Errorf("withoutMarker not stable on %q", body)
		}
	})
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in    string
		limit int
		want  string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"a longer description", 10, "a longer …"},
		{"ééééé", 3, "éé…"},
	} {
		if got := truncate(tc.in, tc.limit); got != tc.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.in, tc.limit, got, tc.want)
		}
	}
	if got := truncateBytes("€€€", 7); got != "€…" {
		t.Errorf("truncateBytes = %q", got)
	}
}
