package funcs

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// matchKeysFunc keeps the values whose key at the same index is in the
// search set.
var matchKeysFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "values", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "keys", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "searchset", Type: cty.List(cty.DynamicPseudoType)},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if ty, _ := convert.UnifyUnsafe([]cty.Type{args[1].Type(), args[2].Type()}); ty == cty.NilType {
			return cty.NilType, function.NewArgErrorf(1, "keys and searchset must be of the same type")
		}
		return args[0].Type(), nil
	},
	RefineResult: notNull,
	Impl: func(args []cty.Value, ty cty.Type) (cty.Value, error) {
		values, keys, search := args[0], args[1], args[2]
		if values.LengthInt() != keys.LengthInt() {
			return cty.NilVal, function.NewArgErrorf(1, "length of keys and values should be equal")
		}
		keyTy, _ := convert.UnifyUnsafe([]cty.Type{keys.Type(), search.Type()})
		keys, err := convert.Convert(keys, keyTy)
		if err != nil {
			return cty.NilVal, function.NewArgError(1, err)
		}
		if search, err = convert.Convert(search, keyTy); err != nil {
			return cty.NilVal, function.NewArgError(2, err)
		}
		vals := values.AsValueSlice()
		var out []cty.Value
		for i, key := range keys.AsValueSlice() {
			for _, s := range search.AsValueSlice() {
				eq := key.Equals(s)
				if !eq.IsKnown() {
					return cty.UnknownVal(ty), nil
				}
				if eq.True() {
					out = append(out, vals[i])
					break
				}
			}
		}
		if len(out) == 0 {
			return cty.ListValEmpty(ty.ElementType()), nil
		}
		return cty.ListVal(out), nil
	},
})

var errOneTooMany = errors.New("must be a list, set, or tuple value with either zero or one elements")

// oneFunc turns a collection of zero or one elements into null or that
// element.
var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty.IsListType(), ty.IsSetType():
			return ty.ElementType(), nil
		case ty.IsTupleType():
			switch ety := ty.TupleElementTypes(); len(ety) {
			case 0:
				return cty.DynamicPseudoType, nil
			case 1:
				return ety[0], nil
			}
		}
		return cty.NilType, function.NewArgError(0, errOneTooMany)
	},
	Impl: func(args []cty.Value, ty cty.Type) (cty.Value, error) {
		n := args[0].Length()
		if !n.IsKnown() {
			return cty.UnknownVal(ty), nil
		}
		switch {
		case n.Equals(cty.Zero).True():
			return cty.NullVal(ty), nil
		case n.Equals(cty.NumberIntVal(1)).True():
			it := args[0].ElementIterator()
			it.Next()
			_, v := it.Element()
			return v, nil
		}
		return cty.NilVal, function.NewArgError(0, errOneTooMany)
	},
})

var errSumElements = errors.New("argument must be list, set, or tuple of number values")

var sumFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		if !ty.IsListType() && !ty.IsSetType() && !ty.IsTupleType() {
			return cty.NilType, function.NewArgErrorf(0, "argument must be list, set, or tuple. Received %s", ty.FriendlyName())
		}
		return cty.Number, nil
	},
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		list := args[0]
		if !list.IsWhollyKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		if list.LengthInt() == 0 {
			return cty.NilVal, function.NewArgErrorf(0, "cannot sum an empty list")
		}
		total := new(big.Float)
		for it := list.ElementIterator(); it.Next(); {
			_, v := it.Element()
			if v.IsNull() {
				return cty.NilVal, function.NewArgError(0, errSumElements)
			}
			n, err := convert.Convert(v, cty.Number)
			if err != nil {
				return cty.NilVal, function.NewArgError(0, errSumElements)
			}
			if err := addTo(total, n.AsBigFloat()); err != nil {
				return cty.NilVal, err
			}
		}
		return cty.NumberVal(total), nil
	},
})

// addTo adds x to total; big.Float panics on +Inf + -Inf, which is a
// user's input here, not a bug.
func addTo(total, x *big.Float) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("can't compute sum of opposing infinities")
		}
	}()
	total.Add(total, x)
	return nil
}

// transposeFunc swaps the keys and values of a map of lists of strings.
var transposeFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "values", Type: cty.Map(cty.List(cty.String))},
	},
	Type:         function.StaticReturnType(cty.Map(cty.List(cty.String))),
	RefineResult: notNull,
	Impl: func(args []cty.Value, ty cty.Type) (cty.Value, error) {
		if !args[0].IsWhollyKnown() {
			return cty.UnknownVal(ty), nil
		}
		out := map[string][]cty.Value{}
		// Map iteration is in key order, so each output list is sorted.
		for it := args[0].ElementIterator(); it.Next(); {
			k, list := it.Element()
			if list.IsNull() {
				return cty.NilVal, fmt.Errorf("the list for key %q is null", k.AsString())
			}
			for _, v := range list.AsValueSlice() {
				if v.IsNull() {
					return cty.NilVal, fmt.Errorf("the list for key %q contains a null value", k.AsString())
				}
				out[v.AsString()] = append(out[v.AsString()], k)
			}
		}
		if len(out) == 0 {
			return cty.MapValEmpty(cty.List(cty.String)), nil
		}
		m := make(map[string]cty.Value, len(out))
		for k, vs := range out {
			m[k] = cty.ListVal(vs)
		}
		return cty.MapVal(m), nil
	},
})
