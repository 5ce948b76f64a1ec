package pricing

import (
	"encoding/json"
	"strconv"

	"github.com/shopspring/decimal"
)

// Attrs is read-only access to one state of a resource's attributes, as
// decoded from JSON (numbers as json.Number), together with the matching
// tree of values known only after apply.
type Attrs struct {
	values  map[string]any
	unknown map[string]any
}

// NewAttrs wraps attribute values and their after_unknown tree (either may
// be nil).
func NewAttrs(values, unknown map[string]any) Attrs {
	return Attrs{values: values, unknown: unknown}
}

// Unknown reports whether the attribute is known only after apply.
func (a Attrs) Unknown(name string) bool {
	u, _ := a.unknown[name].(bool)
	return u
}

// Has reports whether the attribute is set to a known, non-null value.
func (a Attrs) Has(name string) bool {
	v, ok := a.values[name]
	return ok && v != nil && !a.Unknown(name)
}

// String returns a known string attribute.
func (a Attrs) String(name string) (string, bool) {
	if a.Unknown(name) {
		return "", false
	}
	s, ok := a.values[name].(string)
	return s, ok
}

// StringOr returns a known string attribute, or def when it is null,
// empty or absent. Unknown values also give def; callers that must not
// guess check Unknown first.
func (a Attrs) StringOr(name, def string) string {
	if s, ok := a.String(name); ok && s != "" {
		return s
	}
	return def
}

// Decimal returns a known number attribute. Strings holding numbers count,
// because Terraform configurations often pass numbers through variables
// typed as strings.
func (a Attrs) Decimal(name string) (decimal.Decimal, bool) {
	if a.Unknown(name) {
		return decimal.Zero, false
	}
	return toDecimal(a.values[name])
}

// Bool returns a known bool attribute.
func (a Attrs) Bool(name string) (bool, bool) {
	if a.Unknown(name) {
		return false, false
	}
	b, ok := a.values[name].(bool)
	return b, ok
}

// Blocks returns the elements of a nested block (a list or set of objects
// in JSON); unknown elements are skipped.
func (a Attrs) Blocks(name string) []Attrs {
	list, _ := a.values[name].([]any)
	ulist, _ := a.unknown[name].([]any)
	var out []Attrs
	for i, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		var u map[string]any
		if i < len(ulist) {
			u, _ = ulist[i].(map[string]any)
		}
		out = append(out, Attrs{values: m, unknown: u})
	}
	if obj, ok := a.values[name].(map[string]any); ok {
		u, _ := a.unknown[name].(map[string]any)
		out = append(out, Attrs{values: obj, unknown: u})
	}
	return out
}

// Block returns the first element of a nested block.
func (a Attrs) Block(name string) (Attrs, bool) {
	bs := a.Blocks(name)
	if len(bs) == 0 {
		return Attrs{}, false
	}
	return bs[0], true
}

// Strings returns a known list of strings.
func (a Attrs) Strings(name string) ([]string, bool) {
	if a.Unknown(name) {
		return nil, false
	}
	list, ok := a.values[name].([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(list))
	for _, e := range list {
		s, ok := e.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// Len returns the length of a known list or set, even when some elements
// are known only after apply.
func (a Attrs) Len(name string) (int, bool) {
	if a.Unknown(name) {
		return 0, false
	}
	list, ok := a.values[name].([]any)
	return len(list), ok
}

// StringMap returns a known map of strings, such as tags.
func (a Attrs) StringMap(name string) (map[string]string, bool) {
	if a.Unknown(name) {
		return nil, false
	}
	m, ok := a.values[name].(map[string]any)
	if !ok {
		return nil, false
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out, true
}

func toDecimal(v any) (decimal.Decimal, bool) {
	switch n := v.(type) {
	case json.Number:
		d, err := decimal.NewFromString(string(n))
		return d, err == nil
	case string:
		d, err := decimal.NewFromString(n)
		return d, err == nil
	case int:
		return decimal.NewFromInt(int64(n)), true
	case int64:
		return decimal.NewFromInt(n), true
	case float64:
		// Only reached for values built in Go (tests, HCL evaluation); JSON
		// input always arrives as json.Number.
		d, err := decimal.NewFromString(strconv.FormatFloat(n, 'f', -1, 64))
		return d, err == nil
	}
	return decimal.Zero, false
}
