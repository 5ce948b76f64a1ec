package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"
	"time"
)

// progress shows a refresh's progress per service: redrawn in place on a
// terminal, printed once at the end otherwise (CI logs want no redraws).
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	live     bool
	now      func() time.Time
	services map[string]*serviceProgress
	drawn    int // lines of the last drawing, to overwrite
	last     time.Time
}

type serviceProgress struct {
	bytes int64
	rows  int
}

func newProgress(w io.Writer, live bool, now func() time.Time) *progress {
	return &progress{w: w, live: live, now: now, services: map[string]*serviceProgress{}}
}

// Add implements catalog.Progress.
func (p *progress) Add(service string, bytes int64, rows int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := p.services[service]
	if s == nil {
		s = &serviceProgress{}
		p.services[service] = s
	}
	s.bytes += bytes
	s.rows += rows
	if p.live && p.now().Sub(p.last) >= 200*time.Millisecond {
		p.draw()
	}
}

// Done draws the final counts.
func (p *progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.services) > 0 {
		p.draw()
	}
}

func (p *progress) draw() {
	p.last = p.now()
	if p.live && p.drawn > 0 {
		fmt.Fprintf(p.w, "\x1b[%dA", p.drawn) // back to the first line
	}
	for _, name := range slices.Sorted(maps.Keys(p.services)) {
		s := p.services[name]
		clear := ""
		if p.live {
			clear = "\x1b[2K"
		}
		fmt.Fprintf(p.w, "%s  %-20s %10s read %10s rows kept\n", clear, name, byteSize(s.bytes), thousands(s.rows))
	}
	p.drawn = len(p.services)
}

// byteSize renders a byte count for people: "412.3 MB".
func byteSize(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d B", n)
}

// thousands renders 61939 as "61,939".
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
