package funcs

import (
	"errors"
	"fmt"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

var allTrueFunc = boolFold("alltrue", false)
var anyTrueFunc = boolFold("anytrue", true)

// boolFold builds alltrue (stop at the first false) and anytrue (stop at
// the first true). A known deciding element settles the result even when
// other elements are unknown.
func boolFold(name string, decides bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "list", Type: cty.List(cty.Bool)},
		},
		Type:         function.StaticReturnType(cty.Bool),
		RefineResult: notNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			unknown := false
			for it := args[0].ElementIterator(); it.Next(); {
				_, v := it.Element()
				switch {
				case !v.IsKnown():
					unknown = true
				case v.IsNull():
					// null is not true: it decides alltrue, and anytrue skips it.
					if !decides {
						return cty.False, nil
					}
				case v.True() == decides:
					return cty.BoolVal(decides), nil
				}
			}
			if unknown {
				return cty.UnknownVal(cty.Bool), nil
			}
			return cty.BoolVal(!decides), nil
		},
	})
}

// coalesceFunc is Terraform's coalesce, which, unlike cty's, also skips
// empty strings.
var coalesceFunc = function.New(&function.Spec{
	Params: []function.Parameter{},
	VarParam: &function.Parameter{
		Name:             "vals",
		Type:             cty.DynamicPseudoType,
		AllowUnknown:     true,
		AllowDynamicType: true,
		AllowNull:        true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		tys := make([]cty.Type, len(args))
		for i, v := range args {
			tys[i] = v.Type()
		}
		ty, _ := convert.UnifyUnsafe(tys)
		if ty == cty.NilType {
			return cty.NilType, errors.New("all arguments must have the same type")
		}
		return ty, nil
	},
	RefineResult: notNull,
	Impl: func(args []cty.Value, ty cty.Type) (cty.Value, error) {
		for _, arg := range args {
			if !arg.IsKnown() {
				return cty.UnknownVal(ty), nil
			}
			if arg.IsNull() {
				continue
			}
			v, err := convert.Convert(arg, ty)
			if err != nil {
				return cty.NilVal, err
			}
			if v.Type() == cty.String && v.AsString() == "" {
				continue
			}
			return v, nil
		}
		return cty.NilVal, errors.New("no non-null, non-empty-string arguments")
	},
})

// indexFunc is Terraform's index(list, value), the position of value.
var indexFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType},
		{Name: "value", Type: cty.DynamicPseudoType},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		if !ty.IsListType() && !ty.IsTupleType() {
			return cty.NilType, function.NewArgErrorf(0, "argument must be a list or tuple")
		}
		return cty.Number, nil
	},
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if args[0].LengthInt() == 0 {
			return cty.NilVal, errors.New("cannot search an empty list")
		}
		for it := args[0].ElementIterator(); it.Next(); {
			i, v := it.Element()
			eq := v.Equals(args[1])
			if !eq.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			if eq.True() {
				return i, nil
			}
		}
		return cty.NilVal, errors.New("item not found")
	},
})

// lengthFunc counts the characters of a string (grapheme clusters, as
// Terraform does) or the elements of any collection or structure.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name:             "value",
		Type:             cty.DynamicPseudoType,
		AllowDynamicType: true,
		AllowUnknown:     true,
		AllowMarked:      true,
	}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty == cty.String, ty == cty.DynamicPseudoType,
			ty.IsCollectionType(), ty.IsTupleType(), ty.IsObjectType():
			return cty.Number, nil
		}
		return cty.NilType, function.NewArgErrorf(0, "argument must be a string, a collection type, or a structural type")
	},
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		ty := v.Type()
		var n cty.Value
		switch {
		case ty.IsObjectType():
			n = cty.NumberIntVal(int64(len(ty.AttributeTypes())))
		case ty == cty.DynamicPseudoType:
			n = cty.UnknownVal(cty.Number)
		case ty == cty.String:
			if !v.IsKnown() {
				n = cty.UnknownVal(cty.Number)
				break
			}
			var err error
			if n, err = stringLength(v); err != nil {
				return cty.NilVal, err
			}
		default:
			n = v.Length()
		}
		return n.WithMarks(marks), nil
	},
})

func stringLength(v cty.Value) (cty.Value, error) {
	if v.IsNull() {
		return cty.NilVal, function.NewArgErrorf(0, "argument must not be null")
	}
	return stdlib.Strlen(v)
}

// lookupFunc is Terraform's lookup with an optional default: without
// one, a missing key is an error.
var lookupFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType, AllowMarked: true},
		{Name: "key", Type: cty.String, AllowMarked: true},
	},
	VarParam: &function.Parameter{
		Name:             "default",
		Type:             cty.DynamicPseudoType,
		AllowUnknown:     true,
		AllowDynamicType: true,
		AllowNull:        true,
		AllowMarked:      true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if len(args) > 3 {
			return cty.NilType, fmt.Errorf("lookup takes two or three arguments, not %d", len(args))
		}
		ty := args[0].Type()
		switch {
		case ty.IsObjectType():
			key, _ := args[1].Unmark()
			if !key.IsKnown() {
				return cty.DynamicPseudoType, nil
			}
			if ty.HasAttribute(key.AsString()) {
				return ty.AttributeType(key.AsString()), nil
			}
			if len(args) == 3 {
				return args[2].Type(), nil
			}
			return cty.NilType, function.NewArgErrorf(1, "lookup failed to find key %q", key.AsString())
		case ty.IsMapType():
			if len(args) == 3 {
				ety, _ := convert.UnifyUnsafe([]cty.Type{ty.ElementType(), args[2].Type()})
				if ety == cty.NilType {
					return cty.NilType, function.NewArgErrorf(2, "the default value must have the same type as the map elements")
				}
				return ety, nil
			}
			return ty.ElementType(), nil
		}
		return cty.NilType, function.NewArgErrorf(0, "the first argument must be a map or an object, not %s", ty.FriendlyName())
	},
	Impl: func(args []cty.Value, ty cty.Type) (cty.Value, error) {
		m, mapMarks := args[0].Unmark()
		key, keyMarks := args[1].Unmark()
		k := key.AsString()
		var found cty.Value
		switch {
		case m.Type().IsObjectType() && m.Type().HasAttribute(k):
			found = m.GetAttr(k)
		case m.Type().IsMapType():
			has := m.HasIndex(key)
			if !has.IsKnown() {
				return cty.UnknownVal(ty).WithMarks(mapMarks, keyMarks), nil
			}
			if has.True() {
				found = m.Index(key)
			}
		}
		if found == cty.NilVal {
			if len(args) < 3 {
				return cty.NilVal, fmt.Errorf("lookup failed to find key %q", k)
			}
			found = args[2]
		}
		v, err := convert.Convert(found, ty)
		if err != nil {
			return cty.NilVal, err
		}
		// The key chose the element, so its marks go with the result.
		return v.WithMarks(mapMarks, keyMarks), nil
	},
})
