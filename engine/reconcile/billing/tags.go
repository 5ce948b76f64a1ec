package billing

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// TagKey is the form tag keys are compared in: lower case, with every
// character but letters and digits turned into "_". CUR for Athena and CUR
// 2.0 store keys that way ("tollgate-address" becomes "tollgate_address"),
// so a key matches across formats only in this form.
func TagKey(key string) string {
	var b strings.Builder
	b.Grow(len(key))
	for _, r := range strings.TrimSpace(key) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

// tagSet is the parsed, filtered tags of one distinct Tags text; rows of a
// resource repeat the same text, so it is parsed once.
type tagSet struct {
	raw string    // the text it was parsed from
	kv  []tagPair // sorted by key
	out map[string]string
}

// m is the set as a map, built once and shared by the Charges.
func (ts *tagSet) m() map[string]string {
	if ts.out == nil {
		ts.out = make(map[string]string, len(ts.kv))
		for _, p := range ts.kv {
			ts.out[p.k] = p.v
		}
	}
	return ts.out
}

type tagPair struct{ k, v string }

// parseTags reads a JSON object of tags; Azure writes it without braces.
// Values that are not strings keep their JSON text.
func parseTags(b []byte) ([]tagPair, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return nil, nil
	}
	if b[0] != '{' {
		b = append(append([]byte{'{'}, b...), '}')
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	kv := make([]tagPair, 0, len(m))
	for k, raw := range m {
		var v string
		if err := json.Unmarshal(raw, &v); err != nil {
			if bytes.Equal(raw, []byte("null")) {
				continue
			}
			v = string(raw)
		}
		kv = append(kv, tagPair{k: strings.TrimSpace(k), v: v})
	}
	// Keys that differ only by stray spaces collide once trimmed; sorting
	// by the raw text first keeps which one wins deterministic.
	sort.Slice(kv, func(i, j int) bool { return kv[i].k < kv[j].k || kv[i].k == kv[j].k && kv[i].v < kv[j].v })
	return kv, nil
}

// tagCacheLimit bounds the parsed-tags cache; a bill with more distinct
// Tags texts than this re-parses some of them.
const tagCacheLimit = 1 << 16

// tags returns the parsed, filtered tag set of a raw Tags text.
func (s *Sum) tags(raw []byte, curKeys bool) (*tagSet, error) {
	cache := s.tagCache
	if curKeys {
		cache = s.curTagCache
	}
	if ts, ok := cache[string(raw)]; ok {
		return ts, nil
	}
	kv, err := parseTags(raw)
	if err != nil {
		return nil, fmt.Errorf("parse tags: %w", err)
	}
	ts := &tagSet{raw: string(raw)}
	for _, p := range kv {
		if curKeys {
			p.k = curTagKey(p.k)
		}
		if k, ok := s.keepTag(p.k); ok {
			ts.kv = append(ts.kv, tagPair{k: k, v: s.intern(p.v)})
		}
	}
	if len(cache) >= tagCacheLimit {
		clear(cache)
	}
	cache[string(raw)] = ts
	return ts, nil
}

// keepTag says whether the tag filter keeps a key, and interns the key.
func (s *Sum) keepTag(k string) (string, bool) {
	k = strings.TrimSpace(k)
	if k == "" {
		return "", false
	}
	if s.tagFilter != nil && !s.tagFilter[TagKey(k)] {
		return "", false
	}
	return s.intern(k), true
}
