package awsfeed

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// slot is a catalog row's identity.
type slot struct{ service, region, key string }

// candidate is the price a slot has so far and where it was read.
type candidate struct {
	price  decimal.Decimal
	unit   string
	source string
	rank   int
	at     string // url:line
	// clash is set when rows of the same rank disagree: the slot is then
	// left out, because the list does not say which price is meant.
	clash string
}

// collector holds the rows kept so far: a few per instance type and
// region, never the file. Each file fills its own, merged at its end.
type collector struct {
	rows  map[slot]*candidate
	notes map[string]int // what was left out, with how many rows
}

func newCollector() *collector {
	return &collector{rows: map[slot]*candidate{}, notes: map[string]int{}}
}

// add offers a price for a slot. Its strings must not alias a CSV record.
func (c *collector) add(s slot, cand candidate) {
	old, ok := c.rows[s]
	switch {
	case !ok || cand.rank < old.rank:
		c.rows[s] = &cand
	case cand.rank > old.rank || old.price.Equal(cand.price) || old.clash != "":
	default:
		old.clash = fmt.Sprintf("%s (%s) and %s (%s) disagree", old.price, old.at, cand.price, cand.at)
	}
}

// has reports whether the slot already holds this price at this rank or
// better, so that a repeated row costs no allocation.
func (c *collector) has(s slot, price decimal.Decimal, rank int) bool {
	old, ok := c.rows[s]
	return ok && (old.rank < rank || (old.rank == rank && old.price.Equal(price)))
}

func (c *collector) note(msg string) { c.notes[msg]++ }

// merge adds another collector's rows and notes.
func (c *collector) merge(o *collector) {
	for _, s := range slices.SortedFunc(maps.Keys(o.rows), compareSlots) {
		cand := o.rows[s]
		if cand.clash != "" {
			if old, ok := c.rows[s]; !ok || cand.rank <= old.rank {
				c.rows[s] = cand
			}
			continue
		}
		c.add(s, *cand)
	}
	for n, k := range o.notes {
		c.notes[n] += k
	}
}

func compareSlots(a, b slot) int {
	return strings.Compare(a.service+"\x00"+a.region+"\x00"+a.key, b.service+"\x00"+b.region+"\x00"+b.key)
}

// finish derives the summed keys, then writes every agreed row to b and
// returns the notes, sorted. Internal keys ("~") are not written.
func (c *collector) finish(b *catalog.Builder) ([]string, error) {
	for _, d := range derived {
		for s, cand := range c.rows {
			if s.service != d.service || s.key != d.sum[0] || cand.clash != "" {
				continue
			}
			total, ok := cand.price, true
			for _, k := range d.sum[1:] {
				part, found := c.rows[slot{s.service, s.region, k}]
				if !found || part.clash != "" {
					ok = false
					break
				}
				total = total.Add(part.price)
			}
			if ok {
				c.rows[slot{s.service, s.region, d.key}] = &candidate{price: total, unit: cand.unit, source: cand.source, at: cand.at}
			}
		}
	}
	var notes []string
	for _, s := range slices.SortedFunc(maps.Keys(c.rows), compareSlots) {
		cand := c.rows[s]
		if strings.HasPrefix(s.key, "~") {
			continue
		}
		if cand.clash != "" {
			notes = append(notes, fmt.Sprintf("%s %s %s: left out: %s", s.service, s.region, s.key, cand.clash))
			continue
		}
		if err := b.Set(catalog.Row{Service: s.service, Region: s.region, Key: s.key, Price: cand.price, Unit: cand.unit, Source: cand.source}); err != nil {
			return nil, err
		}
	}
	for n, k := range c.notes {
		notes = append(notes, fmt.Sprintf("%s (%d rows)", n, k))
	}
	slices.Sort(notes)
	return notes, nil
}

// rowCount is the number of rows the collector would write.
func (c *collector) rowCount() int {
	n := 0
	for s, cand := range c.rows {
		if cand.clash == "" && !strings.HasPrefix(s.key, "~") {
			n++
		}
	}
	return n
}
