package billing

import (
	"bytes"
	"strings"
	"time"
)

// Options choose what a Sum keeps.
type Options struct {
	// Start and End bound the charge periods kept, [Start, End), by the
	// start of each line's charge period; zero is unbounded.
	Start, End time.Time
	// TagKeys keeps only these tags (compared as TagKey forms); nil keeps
	// all. Tags cost memory per charge, so a caller that needs one key
	// should say so.
	TagKeys []string
	// Currency keeps only lines billed in it; "" keeps the currency of the
	// first line that names one. Lines in another are skipped and counted.
	Currency string
	// TempDir is where Read may spool a Parquet stream that is not a file
	// (Parquet needs random access); "" makes that an error instead.
	TempDir string
}

// Sum adds up bill lines from any number of files into Charges. It holds
// one accumulator per resource, service, day and category, never a row.
// A Sum is not safe for concurrent use.
type Sum struct {
	opts             Options
	startSec, endSec int64
	hasStart, hasEnd bool
	tagFilter        map[string]bool
	currency         []byte
	resources        map[string]*resource
	last             *resource
	services         map[string]uint32
	serviceNames     []string
	lastSvc          []byte
	lastSvcID        uint32
	strs             map[string]string
	units            map[string]string
	lastUnitRaw      []byte
	lastUnit         string
	// tagCache holds parsed Tags texts, CUR 2.0's apart (its keys lose
	// their prefix).
	tagCache, curTagCache map[string]*tagSet
}

type resource struct {
	id   string
	accs map[uint64]*acc
	// lastKey/lastAcc skip the map for runs of rows of one charge.
	lastKey uint64
	lastAcc *acc
}

// acc accumulates one Charge. It is kept small: a bill has as many as
// resources × days.
type acc struct {
	svc                     uint32
	day                     int32
	cat                     Category
	region                  string
	billed, effective, list sum
	qty                     qtySum // the first unit; more in moreQty
	moreQty                 []qtySum
	// tags is the one tag set seen, shared with every charge that has the
	// same; tagMap replaces it when lines disagree.
	tags   *tagSet
	tagMap map[string]string
}

type qtySum struct {
	unit string
	s    sum
}

// NewSum returns an empty Sum.
func NewSum(opts Options) *Sum {
	s := &Sum{
		opts:        opts,
		resources:   map[string]*resource{},
		services:    map[string]uint32{},
		strs:        map[string]string{},
		units:       map[string]string{},
		tagCache:    map[string]*tagSet{},
		curTagCache: map[string]*tagSet{},
	}
	if !opts.Start.IsZero() {
		s.startSec, s.hasStart = opts.Start.Unix(), true
	}
	if !opts.End.IsZero() {
		s.endSec, s.hasEnd = opts.End.Unix(), true
	}
	if opts.TagKeys != nil {
		s.tagFilter = map[string]bool{}
		for _, k := range opts.TagKeys {
			s.tagFilter[TagKey(k)] = true
		}
	}
	if opts.Currency != "" {
		s.currency = []byte(strings.ToUpper(opts.Currency))
	}
	return s
}

func (s *Sum) intern(v string) string {
	if i, ok := s.strs[v]; ok {
		return i
	}
	v = strings.Clone(v)
	s.strs[v] = v
	return v
}

func (s *Sum) internBytes(b []byte) string {
	if i, ok := s.strs[string(b)]; ok {
		return i
	}
	v := string(b)
	s.strs[v] = v
	return v
}

// unit interns a unit in lower case, the form Charges are keyed by.
func (s *Sum) unit(b []byte) string {
	if s.lastUnitRaw != nil && bytes.Equal(b, s.lastUnitRaw) {
		return s.lastUnit
	}
	u, ok := s.units[string(b)]
	if !ok {
		u = strings.ToLower(strings.TrimSpace(string(b)))
		s.units[string(b)] = u
	}
	s.lastUnitRaw = append(s.lastUnitRaw[:0], b...)
	s.lastUnit = u
	return u
}

func (s *Sum) serviceID(b []byte) uint32 {
	if s.serviceNames != nil && bytes.Equal(b, s.lastSvc) {
		return s.lastSvcID
	}
	id, ok := s.services[string(b)]
	if !ok {
		id = uint32(len(s.serviceNames))
		name := string(b)
		s.services[name] = id
		s.serviceNames = append(s.serviceNames, name)
	}
	s.lastSvc = append(s.lastSvc[:0], b...)
	s.lastSvcID = id
	return id
}

var categoryIndex = map[Category]uint64{Usage: 0, Purchase: 1, Tax: 2, Credit: 3, Adjustment: 4}

// skip says why a line is left out, "" when it is kept.
func (s *Sum) skip(ln *line) string {
	if s.hasStart && ln.start < s.startSec || s.hasEnd && ln.start >= s.endSec {
		return "outside period"
	}
	if ln.currency != nil {
		if s.currency == nil {
			s.currency = bytes.ToUpper(ln.currency)
		} else if !bytes.EqualFold(ln.currency, s.currency) {
			return "currency " + string(ln.currency) + ", not " + string(s.currency)
		}
	}
	return ""
}

// add sums a kept line into its charge. An error says the line's tags
// could not be read: it was summed without them.
func (s *Sum) add(ln *line, r *row) error {
	// Tags are parsed before anything is added: a line whose tags cannot
	// be read adds its cost without them, and the error says so. Lines
	// repeating the tags of the line before skip the parse.
	var ts *tagSet
	var tagErr error
	if ln.tags != nil {
		if last := s.last; last == nil || last.lastAcc == nil || last.lastAcc.tags == nil || last.lastAcc.tags.raw != string(ln.tags) {
			if ts, tagErr = s.tags(ln.tags, ln.curKeys); tagErr != nil {
				ln.tags = nil // summed without them
			}
		}
	}
	res := s.last
	if res == nil || res.id != string(ln.res) {
		var ok bool
		if res, ok = s.resources[string(ln.res)]; !ok {
			res = &resource{id: string(ln.res), accs: map[uint64]*acc{}}
			s.resources[res.id] = res
		}
		s.last = res
	}
	svc := s.serviceID(ln.svc)
	day := dayOf(ln.start)
	key := uint64(svc)<<40 | categoryIndex[ln.cat]<<32 | uint64(uint32(day))
	a := res.lastAcc
	if a == nil || res.lastKey != key {
		var ok bool
		if a, ok = res.accs[key]; !ok {
			a = &acc{svc: svc, day: day, cat: ln.cat}
			res.accs[key] = a
		}
		res.lastKey, res.lastAcc = key, a
	}
	if ln.region != nil && a.region != string(ln.region) {
		a.region = s.internBytes(ln.region)
	}
	a.billed.add(ln.billed)
	a.effective.add(ln.effective)
	a.list.add(ln.list)
	if ln.hasQty && ln.unit != nil {
		s.addQty(a, ln)
	}
	if ln.tags != nil && (a.tags == nil || a.tags.raw != string(ln.tags)) {
		if ts == nil {
			// The same text as the line before's, which parsed.
			var err error
			if ts, err = s.tags(ln.tags, ln.curKeys); err != nil {
				return err
			}
		}
		a.mergeSet(ts)
	}
	if ln.kvTags {
		s.mergeKV(a, r.kv)
	}
	return tagErr
}

func (s *Sum) addQty(a *acc, ln *line) {
	u := s.unit(ln.unit)
	if u == "" {
		return
	}
	if a.qty.unit == u || a.qty.unit == "" {
		a.qty.unit = u
		a.qty.s.add(ln.qty)
		return
	}
	for i := range a.moreQty {
		if a.moreQty[i].unit == u {
			a.moreQty[i].s.add(ln.qty)
			return
		}
	}
	a.moreQty = append(a.moreQty, qtySum{unit: u})
	a.moreQty[len(a.moreQty)-1].s.add(ln.qty)
}

func (a *acc) mergeSet(ts *tagSet) {
	switch {
	case ts == a.tags || len(ts.kv) == 0:
	case a.tags == nil && a.tagMap == nil:
		a.tags = ts
	default:
		a.ownTags()
		for _, p := range ts.kv {
			a.tagMap[p.k] = p.v
		}
	}
}

// ownTags turns a shared tag set into the charge's own map.
func (a *acc) ownTags() {
	if a.tagMap != nil {
		return
	}
	a.tagMap = map[string]string{}
	if a.tags != nil {
		for _, p := range a.tags.kv {
			a.tagMap[p.k] = p.v
		}
		a.tags = nil
	}
}

// mergeKV merges tags given as key/value bytes (CUR tag columns, Parquet
// maps), allocating only for what changes.
func (s *Sum) mergeKV(a *acc, kv []tagKV) {
	for _, p := range kv {
		if a.tagMap != nil {
			if v, ok := a.tagMap[string(p.k)]; ok && v == string(p.v) {
				continue
			}
		}
		k, ok := s.keepTag(string(p.k))
		if !ok {
			continue
		}
		a.ownTags()
		a.tagMap[k] = s.internBytes(p.v)
	}
}

// Currency is the currency of the lines kept, "" before any named one.
func (s *Sum) Currency() string { return string(s.currency) }
