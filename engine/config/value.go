package config

import (
	"encoding/json"
	"math/big"
	"strconv"

	"github.com/zclconf/go-cty/cty"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// planValues converts a resource's evaluated object into plan JSON's
// shapes: after values (strings, json.Number, bools, nil, []any,
// map[string]any), the after_unknown tree (true at every unknown value,
// which after leaves out, or holds as nil inside a list to keep its
// length), and the paths of the sensitive values redacted.
func planValues(obj cty.Value) (after, unknown map[string]any, sensitive []string) {
	after = map[string]any{}
	obj, _ = obj.Unmark()
	for it := obj.ElementIterator(); it.Next(); {
		k, v := it.Element()
		name := k.AsString()
		val, unk, known := toPlan(v, name, &sensitive)
		if known {
			after[name] = val
		}
		if unk != nil {
			if unknown == nil {
				unknown = map[string]any{}
			}
			unknown[name] = unk
		}
	}
	return after, unknown, sensitive
}

// toPlan converts one value at path. known is false for an unknown
// value (unk is then true); unk is nil when nothing inside is unknown.
func toPlan(v cty.Value, path string, sensitive *[]string) (val, unk any, known bool) {
	if !v.IsKnown() {
		return nil, true, false
	}
	if v.IsMarked() {
		var marks cty.ValueMarks
		v, marks = v.Unmark()
		if _, ok := marks[sensitiveMark]; ok && !v.IsNull() {
			// Unknown parts of a sensitive value stay unknown, the rest is
			// hidden whole, as plan JSON does.
			if !v.IsWhollyKnown() {
				_, unk, _ := toPlan(v, path, new([]string))
				*sensitive = append(*sensitive, path)
				return change.Sensitive, unk, true
			}
			*sensitive = append(*sensitive, path)
			return change.Sensitive, nil, true
		}
	}
	if v.IsNull() {
		return nil, nil, true
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString(), nil, true
	case ty == cty.Number:
		return number(v.AsBigFloat()), nil, true
	case ty == cty.Bool:
		return v.True(), nil, true
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		list := make([]any, 0, v.LengthInt())
		var unks []any
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			ev, eu, _ := toPlan(e, path+"["+strconv.Itoa(len(list))+"]", sensitive)
			list = append(list, ev)
			if eu != nil && unks == nil {
				unks = make([]any, len(list)-1, v.LengthInt())
				for i := range unks {
					unks[i] = false
				}
			}
			if unks != nil {
				if eu == nil {
					eu = false
				}
				unks = append(unks, eu)
			}
		}
		if unks == nil {
			return list, nil, true
		}
		return list, unks, true
	case ty.IsMapType() || ty.IsObjectType():
		m := make(map[string]any, v.LengthInt())
		var unks map[string]any
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			name := k.AsString()
			ev, eu, known := toPlan(e, path+"."+name, sensitive)
			if known {
				m[name] = ev
			}
			if eu != nil {
				if unks == nil {
					unks = map[string]any{}
				}
				unks[name] = eu
			}
		}
		if unks == nil {
			return m, nil, true
		}
		return m, unks, true
	}
	return nil, nil, true // capsule types never come from configuration
}

// number renders a number exactly as plan JSON does (the shortest
// decimal that reads back at the number's precision); whole numbers,
// nearly all of a configuration's, take a fast path to the same digits.
func number(f *big.Float) any {
	switch {
	case f.IsInf():
		return nil // not representable in JSON
	case f.IsInt():
		if i, acc := f.Int64(); acc == big.Exact {
			return json.Number(strconv.FormatInt(i, 10))
		}
		i, _ := f.Int(nil)
		return json.Number(i.String())
	}
	return json.Number(f.Text('f', -1))
}
