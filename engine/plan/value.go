package plan

import (
	"encoding/json"
	"unicode/utf16"
	"unicode/utf8"
)

// Interning short strings (keys, instance types, zones, small numbers)
// saves most of the allocations of decoding a plan, where the same few
// hundred appear tens of thousands of times. The table is bounded so
// hostile input cannot grow it without limit.
const (
	maxInternLen = 32
	maxInterned  = 1 << 14
)

// decoder decodes validated JSON values. It is not safe for concurrent
// use; each worker has its own.
type decoder struct {
	data    []byte
	strs    map[string]string
	members []keyValue // scratch for the objects being decoded
	elems   []any      // scratch for the arrays being decoded
}

type keyValue struct {
	key   string
	value any
}

func newDecoder(data []byte) *decoder {
	return &decoder{data: data, strs: make(map[string]string, 1024)}
}

func (d *decoder) intern(b []byte) string {
	if len(b) > maxInternLen {
		return string(b)
	}
	if s, ok := d.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(d.strs) < maxInterned {
		d.strs[s] = s
	}
	return s
}

// value decodes the JSON value at data[i], which the scanner has already
// validated, the way encoding/json decodes into an `any` with UseNumber:
// objects as map[string]any, arrays as []any, numbers as json.Number. It
// skips reflection and the second validation pass, which made decoding
// the attribute trees of resource changes most of the parse time. It
// returns the offset just past the value.
func (d *decoder) value(i int) (any, int) {
	data := d.data
	i = skipSpace(data, i)
	switch c := data[i]; {
	case c == '{':
		i = skipSpace(data, i+1)
		if data[i] == '}' {
			return map[string]any{}, i + 1
		}
		// Members collect on a scratch stack so the map is made at its
		// final size instead of growing (and rehashing) as it fills.
		base := len(d.members)
		for {
			var k string
			k, i = d.stringValue(i)
			i = skipSpace(data, i) + 1 // ':'
			var v any
			v, i = d.value(i)
			d.members = append(d.members, keyValue{k, v})
			i = skipSpace(data, i)
			if data[i] == '}' {
				break
			}
			i = skipSpace(data, i+1) // ','
		}
		m := make(map[string]any, len(d.members)-base)
		for _, kv := range d.members[base:] {
			m[kv.key] = kv.value
		}
		clear(d.members[base:])
		d.members = d.members[:base]
		return m, i + 1
	case c == '[':
		i = skipSpace(data, i+1)
		if data[i] == ']' {
			return []any{}, i + 1
		}
		base := len(d.elems)
		for {
			var v any
			v, i = d.value(i)
			d.elems = append(d.elems, v)
			i = skipSpace(data, i)
			if data[i] == ']' {
				break
			}
			i++ // ','
		}
		list := make([]any, len(d.elems)-base)
		copy(list, d.elems[base:])
		clear(d.elems[base:])
		d.elems = d.elems[:base]
		return list, i + 1
	case c == '"':
		return d.stringValue(i)
	case c == 't':
		return true, i + 4
	case c == 'f':
		return false, i + 5
	case c == 'n':
		return nil, i + 4
	}
	end, _ := skipNumber(data, i)
	return json.Number(d.intern(data[i:end])), end
}

// stringValue decodes the validated string literal at data[i] == '"'.
func (d *decoder) stringValue(i int) (string, int) {
	data := d.data
	j := i + 1
	for j < len(data) && data[j] != '"' && data[j] != '\\' {
		j++
	}
	if data[j] == '"' {
		return d.intern(data[i+1 : j]), j + 1
	}
	end, _ := skipString(data, i)
	return unescape(data[i+1 : end-1]), end
}

// unescape decodes the escapes of a validated string body; invalid
// surrogates become U+FFFD as in encoding/json.
func unescape(b []byte) string {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		c := b[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		i++
		switch b[i] {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := hex4(b[i+1 : i+5])
			i += 4 // at the last hex digit
			if utf16.IsSurrogate(r) {
				r2 := utf8.RuneError
				if i+6 < len(b) && b[i+1] == '\\' && b[i+2] == 'u' {
					if r2 = utf16.DecodeRune(r, hex4(b[i+3:i+7])); r2 != utf8.RuneError {
						i += 6
					}
				}
				r = r2
			}
			out = utf8.AppendRune(out, r)
		default: // '"', '\\', '/'
			out = append(out, b[i])
		}
		i++
	}
	return string(out)
}

func hex4(b []byte) rune {
	var r rune
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}
