package config

import (
	"fmt"
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Expansion modes.
const (
	single  = iota // neither count nor for_each: one instance, no key
	counted        // count: instances [0], [1], ...
	keyed          // for_each: instances ["a"], ["b"], ...
)

// expansion is the instances a count or for_each gives.
type expansion struct {
	mode int
	keys []instanceKey
	// unknown names the argument ("count" or "for_each") whose value is
	// known only after apply, so the instances are not known.
	unknown string
}

// instanceKey is one instance: its key and the count or each object its
// expressions see.
type instanceKey struct {
	index  any    // nil, int or string, as change.Resource.Index
	suffix string // the key as in an address: "", [0] or ["a"]
	scope  map[string]cty.Value
}

// collect arranges per-instance values the way a reference to the whole
// block sees them: the value itself, a tuple, or an object by key.
func (e expansion) collect(vals []cty.Value) cty.Value {
	switch e.mode {
	case counted:
		if len(vals) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(vals)
	case keyed:
		m := make(map[string]cty.Value, len(vals))
		for i, k := range e.keys {
			m[k.index.(string)] = vals[i]
		}
		return cty.ObjectVal(m)
	}
	if len(vals) == 0 {
		return cty.DynamicVal
	}
	return vals[0]
}

// expand evaluates count or for_each (either may be nil). ok is false
// when the value is invalid, which is reported.
func (in *instance) expand(count, forEach hcl.Expression, ctx *hcl.EvalContext) (exp expansion, ok bool) {
	switch {
	case count != nil:
		return in.expandCount(count, ctx)
	case forEach != nil:
		return in.expandForEach(forEach, ctx)
	}
	return expansion{mode: single, keys: []instanceKey{{}}}, true
}

func (in *instance) expandCount(expr hcl.Expression, ctx *hcl.EvalContext) (expansion, bool) {
	exp := expansion{mode: counted}
	v, ok := in.l.value(expr, ctx)
	if !ok {
		exp.unknown = "count"
		return exp, false
	}
	invalid := func(detail string) (expansion, bool) {
		in.l.ps.errorAt(expr.Range(), `Invalid "count" argument`, detail)
		exp.unknown = "count"
		return exp, false
	}
	if v.HasMark(sensitiveMark) {
		return invalid("Sensitive values, or values derived from sensitive values, cannot be used as count arguments.")
	}
	if !v.IsKnown() {
		exp.unknown = "count"
		return exp, true
	}
	if v.IsNull() {
		return invalid(`The given "count" argument value is null. An integer is required.`)
	}
	n, err := convertNumber(v)
	if err != "" {
		return invalid(err)
	}
	if !n.IsInt() {
		return invalid(`The given "count" argument value is unsuitable: a whole number is required.`)
	}
	i, acc := n.Int64()
	if acc != big.Exact || i < 0 {
		return invalid(`The given "count" argument value is unsuitable: must be greater than or equal to zero.`)
	}
	if i > maxInstances {
		return invalid(fmt.Sprintf(`The given "count" argument value is larger than tollgate evaluates (%d).`, maxInstances))
	}
	for k := range int(i) {
		exp.keys = append(exp.keys, instanceKey{
			index:  k,
			suffix: indexString(k),
			scope:  map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(int64(k))})},
		})
	}
	return exp, true
}

// maxInstances bounds count, so that a typo (count = 1e9) fails clearly
// instead of exhausting memory.
const maxInstances = 100000

func (in *instance) expandForEach(expr hcl.Expression, ctx *hcl.EvalContext) (expansion, bool) {
	exp := expansion{mode: keyed}
	v, ok := in.l.value(expr, ctx)
	if !ok {
		exp.unknown = "for_each"
		return exp, false
	}
	invalid := func(detail string) (expansion, bool) {
		in.l.ps.errorAt(expr.Range(), `Invalid for_each argument`, detail)
		exp.unknown = "for_each"
		return exp, false
	}
	if v.HasMark(sensitiveMark) {
		return invalid("Sensitive values, or values derived from sensitive values, cannot be used as for_each arguments.")
	}
	if !v.IsKnown() {
		exp.unknown = "for_each"
		return exp, true
	}
	if v.IsNull() {
		return invalid(`The given "for_each" argument value is null. A map, or set of strings, is allowed.`)
	}
	ty := v.Type()
	switch {
	case ty.IsMapType() || ty.IsObjectType():
		for it := v.ElementIterator(); it.Next(); {
			k, val := it.Element()
			exp.keys = append(exp.keys, eachKey(k.AsString(), val))
		}
	case ty.IsSetType():
		if !ty.ElementType().Equals(cty.String) && !ty.ElementType().Equals(cty.DynamicPseudoType) {
			return invalid(fmt.Sprintf(`The given "for_each" argument value is unsuitable: "for_each" supports maps and sets of strings, but you have provided a set containing type %s.`, ty.ElementType().FriendlyName()))
		}
		if !v.IsWhollyKnown() {
			exp.unknown = "for_each"
			return exp, true
		}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			e, _ = e.Unmark()
			if e.IsNull() {
				return invalid(`The given "for_each" argument value is unsuitable: "for_each" sets must not contain null values.`)
			}
			if !e.Type().Equals(cty.String) {
				return invalid(`The given "for_each" argument value is unsuitable: "for_each" supports maps and sets of strings.`)
			}
			exp.keys = append(exp.keys, eachKey(e.AsString(), e))
		}
	default:
		return invalid(fmt.Sprintf(`The given "for_each" argument value is unsuitable: the "for_each" argument must be a map, or set of strings, and you have provided a value of type %s.`, ty.FriendlyName()))
	}
	return exp, true
}

func eachKey(k string, val cty.Value) instanceKey {
	return instanceKey{
		index:  k,
		suffix: keyString(k),
		scope:  map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal(k), "value": val})},
	}
}

// convertNumber reads a number (or a string holding one, as Terraform
// converts), else says why not.
func convertNumber(v cty.Value) (*big.Float, string) {
	v, _ = v.Unmark()
	switch v.Type() {
	case cty.Number:
		return v.AsBigFloat(), ""
	case cty.String:
		f, _, err := big.ParseFloat(v.AsString(), 10, 512, big.ToNearestEven)
		if err == nil {
			return f, ""
		}
	}
	return nil, fmt.Sprintf(`The given "count" argument value is unsuitable: a number is required, not %s.`, v.Type().FriendlyName())
}
