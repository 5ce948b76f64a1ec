package config

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// variable is a variable block.
type variable struct {
	name      string
	typ       cty.Type // cty.DynamicPseudoType when the block has no type
	defaults  *typeexpr.Defaults
	def       cty.Value // meaningful unless required
	required  bool      // no default (or a null one for a non-nullable variable)
	sensitive bool
	nullable  bool
	// literal says a value given as a raw string (--var, TF_VAR_) is the
	// string itself; otherwise it is an HCL expression. Terraform takes
	// strings literally when the type is primitive or not given.
	literal bool
	def0    hcl.Range // the block header
}

func decodeVariable(b *rawBlock, ps *problems) *variable {
	v := &variable{name: b.labels[0], typ: cty.DynamicPseudoType, required: true, nullable: true, literal: true, def0: b.def}
	if !hclsyntax.ValidIdentifier(v.name) {
		ps.errorAt(b.def, "Invalid variable name", "A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.")
		return nil
	}
	if a := b.body.attrs["type"]; a != nil {
		ty, defaults, diags := variableType(a.Expr)
		ps.add(diags)
		if diags.HasErrors() {
			return nil
		}
		v.typ, v.defaults = ty, defaults
		v.literal = ty.IsPrimitiveType()
	}
	v.sensitive = staticBool(b.body, "sensitive", false, ps)
	v.nullable = staticBool(b.body, "nullable", true, ps)
	if a := b.body.attrs["default"]; a != nil {
		val, diags := a.Expr.Value(nil)
		ps.add(diags)
		if diags.HasErrors() {
			return nil
		}
		if val.IsNull() && !v.nullable {
			// A non-nullable variable with a null default is required.
			return v
		}
		conv, err := v.convert(val)
		if err != nil {
			ps.errorAt(a.Expr.Range(), "Invalid default value for variable", fmt.Sprintf("This default value is not compatible with the variable's type constraint: %s.", err))
			return nil
		}
		v.def, v.required = conv, false
	}
	return v
}

// variableType reads a type constraint, with Terraform's shorthands:
// the bare keywords list and map, and the quoted names of 0.11.
func variableType(expr hcl.Expression) (cty.Type, *typeexpr.Defaults, hcl.Diagnostics) {
	if t, ok := expr.(*hclsyntax.TemplateExpr); ok && t.IsStringLiteral() {
		v, _ := t.Value(nil)
		switch v.AsString() {
		case "string":
			return cty.String, nil, nil
		case "list":
			return cty.List(cty.DynamicPseudoType), nil, nil
		case "map":
			return cty.Map(cty.DynamicPseudoType), nil, nil
		}
		return cty.DynamicPseudoType, nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid legacy variable type hint", Detail: `The legacy quoted type hints are "string", "list" and "map"; write the type without quotes.`, Subject: expr.Range().Ptr()}}
	}
	switch hcl.ExprAsKeyword(expr) {
	case "list":
		return cty.List(cty.DynamicPseudoType), nil, nil
	case "map":
		return cty.Map(cty.DynamicPseudoType), nil, nil
	}
	return typeexpr.TypeConstraintWithDefaults(expr)
}

// convert applies the type's optional-attribute defaults and converts a
// value to the variable's type, keeping its sensitive marks.
func (v *variable) convert(val cty.Value) (cty.Value, error) {
	val, marks := val.UnmarkDeepWithPaths()
	if v.defaults != nil && !val.IsNull() {
		val = v.defaults.Apply(val)
	}
	conv, err := convert.Convert(val, v.typ)
	if err != nil {
		return cty.NilVal, err
	}
	return conv.MarkWithPaths(marks), nil
}

// accept turns a given value into the variable's value: null means the
// default for a non-nullable variable; the value is converted to the
// type and marked sensitive as declared. at is where the value came from.
func (v *variable) accept(val cty.Value, at hcl.Range, ps *problems) cty.Value {
	if val.IsNull() && !v.nullable {
		if v.required {
			ps.errorAt(at, "Invalid value for input variable", fmt.Sprintf("The variable %q is non-nullable and has no default, so it must have a non-null value.", v.name))
			return cty.UnknownVal(v.typ)
		}
		return v.mark(v.def)
	}
	conv, err := v.convert(val)
	if err != nil {
		ps.errorAt(at, "Invalid value for input variable", fmt.Sprintf("The given value is not suitable for var.%s declared at %s: %s.", v.name, rangeString(v.def0), err))
		return cty.UnknownVal(v.typ)
	}
	return v.mark(conv)
}

func (v *variable) mark(val cty.Value) cty.Value {
	if v.sensitive {
		return val.Mark(sensitiveMark)
	}
	return val
}
