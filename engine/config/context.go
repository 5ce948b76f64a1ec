package config

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// workspace is terraform.workspace: tollgate evaluates no workspace
// selection.
const workspace = "default"

// context builds the evaluation context for expressions with the given
// references, evaluating what they refer to first. It holds only what
// the references name, so it is cheap to build per block.
func (in *instance) context(travs []hcl.Traversal) *hcl.EvalContext {
	var (
		vars, locals = map[string]cty.Value{}, map[string]cty.Value{}
		modules      = map[string]cty.Value{}
		resources    = map[string]map[string]cty.Value{}
		data         = map[string]map[string]cty.Value{}
		calls        = map[string]map[string]bool{} // call -> outputs read, nil for all
		allOutputs   = map[string]bool{}
		ctx          = &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: in.mod.funcs}
	)
	undeclared := func(t hcl.Traversal, what, detail string) cty.Value {
		in.l.ps.errorAt(t.SourceRange(), "Reference to undeclared "+what, detail)
		return cty.DynamicVal
	}
	for _, t := range travs {
		root := t.RootName()
		name, named := step(t, 1)
		if !named && root != "path" && root != "terraform" && root != "ephemeral" {
			continue // var[0] and the like: hcl reports them
		}
		switch root {
		case "var":
			if n := in.vars[name]; n != nil {
				vars[name] = in.l.get(n)
			} else {
				vars[name] = undeclared(t, "input variable", fmt.Sprintf("An input variable with the name %q has not been declared in %s.", name, in.where()))
			}
		case "local":
			if n := in.locals[name]; n != nil {
				locals[name] = in.l.get(n)
			} else {
				locals[name] = undeclared(t, "local value", fmt.Sprintf("A local value with the name %q has not been declared in %s.", name, in.where()))
			}
		case "module":
			if in.calls[name] == nil {
				modules[name] = undeclared(t, "module", fmt.Sprintf("No module call named %q is declared in %s.", name, in.where()))
				continue
			}
			out, ok := callOutputs(t)
			switch {
			case !ok:
				allOutputs[name] = true
			case calls[name] == nil:
				calls[name] = map[string]bool{out: true}
			default:
				calls[name][out] = true
			}
		case "data":
			rname, ok := step(t, 2)
			if !ok {
				continue
			}
			if n := in.data[name+"."+rname]; n != nil {
				add(data, name, rname, in.l.get(&n.node))
			} else {
				add(data, name, rname, undeclared(t, "resource", fmt.Sprintf("A data resource %q %q has not been declared in %s.", name, rname, in.where())))
			}
		case "ephemeral":
			ctx.Variables["ephemeral"] = cty.DynamicVal
		case "path":
			// path.module is relative to the root ("." for the root itself),
			// as Terraform shows it; path.cwd, absolute in Terraform, is "."
			// too: the configuration is read through an fs.FS, whose
			// absolute path is not known.
			ctx.Variables["path"] = cty.ObjectVal(map[string]cty.Value{
				"module": cty.StringVal(in.mod.dir),
				"root":   cty.StringVal("."),
				"cwd":    cty.StringVal("."),
			})
		case "terraform":
			ctx.Variables["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal(workspace)})
		case "count", "each", "self":
			// bound by the block being evaluated
		default:
			if n := in.resources[root+"."+name]; n != nil {
				add(resources, root, name, in.l.get(&n.value))
			} else {
				add(resources, root, name, undeclared(t, "resource", fmt.Sprintf("A managed resource %q %q has not been declared in %s.", root, name, in.where())))
			}
		}
	}
	for name, outs := range calls {
		if !allOutputs[name] {
			modules[name] = in.callValue(in.calls[name], outs)
		}
	}
	for name := range allOutputs {
		modules[name] = in.callValue(in.calls[name], nil)
	}
	set := func(name string, m map[string]cty.Value) {
		if len(m) > 0 {
			ctx.Variables[name] = cty.ObjectVal(m)
		}
	}
	set("var", vars)
	set("local", locals)
	set("module", modules)
	for typ, byName := range resources {
		ctx.Variables[typ] = cty.ObjectVal(byName)
	}
	if len(data) > 0 {
		objs := map[string]cty.Value{}
		for typ, byName := range data {
			objs[typ] = cty.ObjectVal(byName)
		}
		ctx.Variables["data"] = cty.ObjectVal(objs)
	}
	return ctx
}

func add(m map[string]map[string]cty.Value, typ, name string, v cty.Value) {
	if m[typ] == nil {
		m[typ] = map[string]cty.Value{}
	}
	m[typ][name] = v
}

// step returns the name at step i of a traversal (x.NAME or x["NAME"]).
func step(t hcl.Traversal, i int) (string, bool) {
	if i >= len(t) {
		return "", false
	}
	switch s := t[i].(type) {
	case hcl.TraverseAttr:
		return s.Name, true
	case hcl.TraverseIndex:
		if s.Key.IsKnown() && !s.Key.IsNull() && s.Key.Type() == cty.String {
			return s.Key.AsString(), true
		}
	}
	return "", false
}

// where names the module instance in messages.
func (in *instance) where() string {
	if in.addr == "" {
		return "the root module"
	}
	return in.addr
}
