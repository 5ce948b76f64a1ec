package funcs

import (
	"errors"
	"slices"
	"testing"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// argsOf builds one argument per parameter (and one for a variadic
// parameter) with make.
func argsOf(f function.Function, make func(cty.Type) cty.Value) []cty.Value {
	var args []cty.Value
	for _, p := range f.Params() {
		args = append(args, make(p.Type))
	}
	if vp := f.VarParam(); vp != nil {
		args = append(args, make(vp.Type))
	}
	return args
}

// refusing are the functions that are errors whatever their arguments.
var refusing = []string{"abspath", "pathexpand", "list", "map"}

func TestUnknownArgumentsGiveUnknownResults(t *testing.T) {
	table := Table(testFS, "mod")
	for _, name := range sortedNames(table) {
		t.Run(name, func(t *testing.T) {
			if name == "try" || name == "can" {
				t.Skip("try and can take expressions, not values: see TestTypesAndSensitivity")
			}
			f := table[name]
			got, err := f.Call(argsOf(f, cty.UnknownVal))
			if slices.Contains(refusing, name) {
				if err == nil {
					t.Fatalf("%s(unknown...) = %#v, want an error", name, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("%s(unknown...): %v", name, err)
			}
			if got.IsWhollyKnown() {
				t.Errorf("%s(unknown...) = %#v, want an unknown result", name, got)
			}
		})
	}
}

// TestOddArgumentsDoNotPanic calls every function with null, empty and
// sensitive arguments: each may fail, but only with an error.
func TestOddArgumentsDoNotPanic(t *testing.T) {
	table := Table(testFS, "mod")
	makers := map[string]func(cty.Type) cty.Value{
		"null": cty.NullVal,
		"empty": func(ty cty.Type) cty.Value {
			switch {
			case ty == cty.String:
				return cty.StringVal("")
			case ty == cty.Number:
				return cty.Zero
			case ty == cty.Bool:
				return cty.False
			case ty.IsListType():
				return cty.ListValEmpty(ty.ElementType())
			case ty.IsMapType():
				return cty.MapValEmpty(ty.ElementType())
			case ty.IsSetType():
				return cty.SetValEmpty(ty.ElementType())
			}
			return cty.EmptyObjectVal
		},
		"sensitive": func(ty cty.Type) cty.Value {
			if ty == cty.Number {
				return cty.NumberIntVal(-1).Mark(Sensitive)
			}
			return cty.StringVal("x").Mark(Sensitive)
		},
	}
	for _, name := range sortedNames(table) {
		for kind, make := range makers {
			t.Run(name+"/"+kind, func(t *testing.T) {
				if name == "try" || name == "can" {
					t.Skip("try and can take expressions, not values: see TestTypesAndSensitivity")
				}
				f := table[name]
				args := argsOf(f, make)
				got, err := f.Call(args)
				var p function.PanicError
				if errors.As(err, &p) {
					t.Fatalf("%s panicked: %v", name, err)
				}
				if err == nil && kind == "sensitive" && len(args) > 0 && !got.ContainsMarked() && name != "nonsensitive" && name != "issensitive" {
					t.Errorf("%s(sensitive...) = %#v lost the mark", name, got)
				}
			})
		}
	}
}

func sortedNames(table map[string]function.Function) []string {
	names := make([]string, 0, len(table))
	for n := range table {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
