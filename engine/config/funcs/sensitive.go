package funcs

import (
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Mark is the type of the value marks this package reads and writes.
type Mark string

// Sensitive marks a value Terraform would redact. sensitive() adds it,
// nonsensitive() removes it, issensitive() reports it, and every other
// function passes it from its arguments to its result. Callers mark
// sensitive variables with it so the three functions see them.
const Sensitive Mark = "sensitive"

// anyValue is a parameter that lets every value through untouched, for
// functions that only look at or change marks.
var anyValue = function.Parameter{
	Name:             "value",
	Type:             cty.DynamicPseudoType,
	AllowUnknown:     true,
	AllowNull:        true,
	AllowMarked:      true,
	AllowDynamicType: true,
}

func sameType(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil }

var sensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{anyValue},
	Type:   sameType,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return args[0].Mark(Sensitive), nil
	},
})

// nonsensitiveFunc removes the top-level Sensitive mark. As in current
// Terraform, a value that is not sensitive comes back unchanged rather
// than being an error.
var nonsensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{anyValue},
	Type:   sameType,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		delete(marks, Sensitive)
		return v.WithMarks(marks), nil
	},
})

// isSensitiveFunc is unknown for an unknown value that is not marked:
// the value it stands for may turn out sensitive.
var isSensitiveFunc = function.New(&function.Spec{
	Params:       []function.Parameter{anyValue},
	Type:         function.StaticReturnType(cty.Bool),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		switch {
		case args[0].HasMark(Sensitive):
			return cty.True, nil
		case !args[0].IsKnown():
			return cty.UnknownVal(cty.Bool), nil
		}
		return cty.False, nil
	},
})

// ephemeralAsNullFunc returns its argument: tollgate evaluates no
// ephemeral values, so nothing is ephemeral to replace with null.
var ephemeralAsNullFunc = function.New(&function.Spec{
	Params: []function.Parameter{anyValue},
	Type:   sameType,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return args[0], nil
	},
})
