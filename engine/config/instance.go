package config

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/provider"
)

// instance is one instance of a module: the root module, or one instance
// of a module call (module.app["a"]).
type instance struct {
	l      *loader
	mod    *module
	addr   string // module instance address, "" for the root
	key    string // module key, as in modules.json: a.b
	parent *instance
	call   *callNode   // the call in parent that made it
	scope  instanceKey // the count or each of that call instance
	// located is set inside a module that is not in the user's own code
	// (downloaded by terraform init): its resources are located at the
	// outermost such module block, as engine/source locates them.
	located *change.Location

	vars      map[string]*node
	locals    map[string]*node
	outputs   map[string]*node
	resources map[string]*resNode // by type.name
	data      map[string]*dataNode
	calls     map[string]*callNode
	settings  map[string]*provider.Settings // evaluated provider blocks, by aws or aws.west
}

func (l *loader) newInstance(m *module, parent *instance, call *callNode, addr, key string, scope ...instanceKey) *instance {
	in := &instance{
		l: l, mod: m, addr: addr, key: key, parent: parent, call: call,
		vars:      make(map[string]*node, len(m.variables)),
		locals:    make(map[string]*node, len(m.locals)),
		outputs:   make(map[string]*node, len(m.outputs)),
		resources: make(map[string]*resNode, len(m.resources)),
		data:      make(map[string]*dataNode, len(m.data)),
		calls:     make(map[string]*callNode, len(m.calls)),
		settings:  map[string]*provider.Settings{},
	}
	if len(scope) > 0 {
		in.scope = scope[0]
	}
	if parent != nil {
		in.located = parent.located
		if in.located == nil && !isLocal(call.decl.source) {
			in.located = &change.Location{File: call.decl.loc.File, Line: call.decl.loc.Line}
		}
	}
	if parent != nil {
		for name, v := range m.variables {
			in.vars[name] = in.inputNode(v)
		}
	}
	for name, a := range m.locals {
		a := a
		in.locals[name] = &node{what: join(addr, "local."+name), rng: a.Range, eval: func() cty.Value {
			v, _ := in.l.value(a.Expr, in.context(a.Expr.Variables()))
			return v
		}}
	}
	for name, o := range m.outputs {
		o := o
		in.outputs[name] = &node{what: join(addr, "output."+name), rng: o.rng, eval: func() cty.Value {
			v, _ := in.l.value(o.expr, in.context(o.expr.Variables()))
			if o.sensitive {
				v = v.Mark(sensitiveMark)
			}
			return v
		}}
	}
	for _, r := range m.resources {
		in.resources[r.typ+"."+r.name] = in.newResource(r)
	}
	for _, r := range m.data {
		in.data[r.typ+"."+r.name] = in.newData(r)
	}
	for _, c := range m.calls {
		in.calls[c.name] = in.newCall(c)
	}
	return in
}

// inputNode is a variable of a called module: the call's argument,
// evaluated in the calling module, else the default.
func (in *instance) inputNode(v *variable) *node {
	c := in.call.decl
	n := &node{what: join(in.addr, "var."+v.name), rng: v.def0}
	n.eval = func() cty.Value {
		a := c.inputs[v.name]
		if a == nil {
			if v.required {
				return cty.UnknownVal(v.typ) // reported by call.check
			}
			return v.mark(v.def)
		}
		ctx := in.parent.context(a.Expr.Variables()).NewChild()
		ctx.Variables = in.scope.scope
		val, ok := in.l.value(a.Expr, ctx)
		if !ok {
			return cty.UnknownVal(v.typ)
		}
		return v.accept(val, a.Expr.Range(), in.l.ps)
	}
	return n
}

// value evaluates an expression, reporting its errors; ok is false when
// there were any, and the value is then unknown.
func (l *loader) value(expr hcl.Expression, ctx *hcl.EvalContext) (cty.Value, bool) {
	v, diags := expr.Value(ctx)
	l.ps.add(diags)
	if diags.HasErrors() {
		return cty.DynamicVal, false
	}
	return v, true
}
