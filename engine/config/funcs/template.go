package funcs

import (
	"fmt"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// templateFileFunc renders a template file with the given variables and
// the functions of funcs. The result's type is dynamic: a template that
// is a single interpolation ("${list}") yields that value unchanged.
func templateFileFunc(fl files, funcs map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType},
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			p := args[0].AsString()
			src, err := fl.read(p)
			if err != nil {
				return cty.NilVal, function.NewArgError(0, err)
			}
			if !utf8.Valid(src) {
				return cty.NilVal, function.NewArgErrorf(0, "%q: the template is not valid UTF-8 text", p)
			}
			// Diagnostics name the file as a path inside the configuration.
			name, _ := fl.resolve(p)
			return render(src, name, args[1], funcs)
		},
	})
}

// templateStringFunc renders a template held in a string. Terraform
// requires the string to come from a reference rather than a literal;
// that is a rule about the source, which a function cannot see.
func templateStringFunc(funcs map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "template", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType},
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return render([]byte(args[0].AsString()), "<templatestring>", args[1], funcs)
		},
	})
}

// recursiveFunc stands in for templatefile and templatestring inside
// templates: a template that renders itself would never end.
func recursiveFunc(name string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "template", Type: cty.String, AllowUnknown: true, AllowNull: true},
			{Name: "vars", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowDynamicType: true},
		},
		Type: func([]cty.Value) (cty.Type, error) {
			return cty.NilType, fmt.Errorf("cannot call %s from inside a template", name)
		},
	})
}

func render(src []byte, name string, vars cty.Value, funcs map[string]function.Function) (cty.Value, error) {
	expr, diags := hclsyntax.ParseTemplate(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	ty := vars.Type()
	if !ty.IsMapType() && !ty.IsObjectType() {
		return cty.NilVal, function.NewArgErrorf(1, "invalid vars value: must be a map")
	}
	vals := vars.AsValueMap()
	for k := range vals {
		if !hclsyntax.ValidIdentifier(k) {
			return cty.NilVal, function.NewArgErrorf(1, "invalid template variable name %q: must start with a letter, followed by zero or more letters, digits, and underscores", k)
		}
	}
	// Name a missing variable with its position rather than letting
	// evaluation report an unknown variable without the vars context.
	for _, tr := range expr.Variables() {
		if _, ok := vals[tr.RootName()]; !ok {
			return cty.NilVal, function.NewArgErrorf(1, "vars map does not contain key %q, referenced at %s", tr.RootName(), tr.SourceRange())
		}
	}
	v, diags := expr.Value(&hcl.EvalContext{Variables: vals, Functions: funcs})
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	return v, nil
}
