package config

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/tollgate-dev/tollgate/engine/source"
)

// given is a value given for a root variable, and where.
type given struct {
	val cty.Value
	at  hcl.Range
}

// rootValues collects the values given for the root module's variables,
// weakest source first, so that a later one wins: TF_VAR_ environment
// variables, terraform.tfvars, terraform.tfvars.json, *.auto.tfvars and
// *.auto.tfvars.json in lexical order, the --var-file files in order,
// then the --var values. (Terraform takes --var-file and --var in their
// command-line order; here every --var wins over every --var-file.)
func (l *loader) rootValues(m *module) (map[string]given, error) {
	vals := map[string]given{}
	for _, name := range slices.Sorted(maps.Keys(l.opts.Env)) {
		if v := m.variables[name]; v != nil {
			vals[name] = l.raw(v, l.opts.Env[name], "TF_VAR_"+name)
		}
	}
	auto, err := autoVarFiles(l.fsys)
	if err != nil {
		return nil, fmt.Errorf("read configuration directory: %w", err)
	}
	for _, name := range auto {
		src, err := fs.ReadFile(l.fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		l.varFile(m, name, src, false, vals)
	}
	for _, f := range l.opts.VarFiles {
		l.ps.external[f.Name] = true
		l.varFile(m, f.Name, f.Data, true, vals)
	}
	for _, name := range slices.Sorted(maps.Keys(l.opts.Vars)) {
		v := m.variables[name]
		if v == nil {
			l.ps.addProblem(Problem{Summary: l.undeclared(m, name)})
			continue
		}
		vals[name] = l.raw(v, l.opts.Vars[name], "--var "+name)
	}
	return vals, nil
}

// autoVarFiles lists the variable files Terraform loads without being
// asked, in its order.
func autoVarFiles(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var files, auto []string
	has := map[string]bool{}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || source.Ignored(n) {
			continue
		}
		has[n] = true
		if strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json") {
			auto = append(auto, n)
		}
	}
	for _, n := range []string{"terraform.tfvars", "terraform.tfvars.json"} {
		if has[n] {
			files = append(files, n)
		}
	}
	sort.Strings(auto)
	return append(files, auto...), nil
}

// varFile reads the assignments of a .tfvars (or .tfvars.json) file. A
// value for an undeclared variable is an error in a file the user named
// and only noted in one Terraform loads by itself.
func (l *loader) varFile(m *module, name string, src []byte, named bool, vals map[string]given) {
	var (
		f     *hcl.File
		diags hcl.Diagnostics
	)
	if strings.HasSuffix(name, ".json") {
		f, diags = hcljson.Parse(src, name)
	} else {
		f, diags = hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	}
	l.ps.add(diags)
	if diags.HasErrors() {
		return
	}
	attrs, diags := f.Body.JustAttributes()
	l.ps.add(diags)
	for _, n := range slices.Sorted(maps.Keys(attrs)) {
		a := attrs[n]
		if m.variables[n] == nil {
			if named {
				l.ps.errorAt(a.NameRange, l.undeclared(m, n), "")
			} else {
				l.note(fmt.Sprintf("%s:%d: a value for variable %s, which is not declared, is ignored", l.ps.file(name), a.NameRange.Start.Line, n))
			}
			continue
		}
		v, diags := a.Expr.Value(nil)
		l.ps.add(diags)
		if !diags.HasErrors() {
			vals[n] = given{val: v, at: a.Expr.Range()}
		}
	}
}

// raw parses a value given as a string on the command line or in the
// environment: the string itself for a variable of primitive type (or
// none), else an HCL expression.
func (l *loader) raw(v *variable, s, what string) given {
	at := hcl.Range{Filename: "<value for " + what + ">", Start: hcl.InitialPos, End: hcl.InitialPos}
	if v.literal {
		return given{val: cty.StringVal(s), at: at}
	}
	expr, diags := hclsyntax.ParseExpression([]byte(s), at.Filename, hcl.InitialPos)
	if !diags.HasErrors() {
		var val cty.Value
		if val, diags = expr.Value(nil); !diags.HasErrors() {
			return given{val: val, at: at}
		}
	}
	l.ps.add(diags)
	return given{val: cty.UnknownVal(v.typ), at: at}
}

// undeclared is the error for a value given for a variable the root
// module does not declare.
func (l *loader) undeclared(m *module, name string) string {
	declared := strings.Join(slices.Sorted(maps.Keys(m.variables)), ", ")
	if declared == "" {
		declared = "none"
	}
	return fmt.Sprintf("variable %s is not declared in %s (declared: %s)", name, l.dirName(), declared)
}

// rootVariable is the value of a root module variable.
func (l *loader) rootVariable(v *variable, vals map[string]given) cty.Value {
	g, ok := vals[v.name]
	if !ok {
		if v.required {
			l.note(fmt.Sprintf("variable %s has no value (set it with --var %s=..., a .tfvars file or TF_VAR_%s): resources that depend on it are unpriced", v.name, v.name, v.name))
			return v.mark(cty.UnknownVal(v.typ))
		}
		return v.mark(v.def)
	}
	return v.accept(g.val, g.at, l.ps)
}
