package config

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// call is a module block.
type call struct {
	name           string
	source         string
	sourceRange    hcl.Range
	count, forEach hcl.Expression
	// providers maps the child's provider configurations (aws, aws.west)
	// to the parent's; hasProviders says the call has a providers
	// argument, which stops the child inheriting the parent's defaults.
	providers    map[string]providerRef
	hasProviders bool
	inputs       map[string]*hcl.Attribute
	def          hcl.Range
	loc          change.Location
	travs        []hcl.Traversal // of count and for_each
}

// callMeta are the module block arguments that are not module inputs.
var callMeta = map[string]bool{
	"source": true, "version": true, "count": true, "for_each": true,
	"providers": true, "depends_on": true,
}

func decodeCall(b *rawBlock, ps *problems) *call {
	c := &call{
		name:      b.labels[0],
		providers: map[string]providerRef{},
		inputs:    map[string]*hcl.Attribute{},
		def:       b.def,
		loc:       change.Location{File: b.def.Filename, Line: b.line},
	}
	src := b.body.attrs["source"]
	if src == nil {
		ps.errorAt(b.def, "Missing required argument", `The argument "source" is required, but no definition was found.`)
		return nil
	}
	v, diags := src.Expr.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || !v.Type().Equals(cty.String) {
		ps.errorAt(src.Expr.Range(), "Invalid module source", "The module source must be a literal string.")
		return nil
	}
	c.source, c.sourceRange = v.AsString(), src.Expr.Range()
	if a := b.body.attrs["count"]; a != nil {
		c.count = a.Expr
		c.travs = append(c.travs, a.Expr.Variables()...)
	}
	if a := b.body.attrs["for_each"]; a != nil {
		if c.count != nil {
			ps.errorAt(a.NameRange, `Invalid combination of "count" and "for_each"`, `The "count" and "for_each" meta-arguments are mutually-exclusive, only one should be used to be explicit about the number of module instances to be created.`)
			return nil
		}
		c.forEach = a.Expr
		c.travs = append(c.travs, a.Expr.Variables()...)
	}
	if a := b.body.attrs["providers"]; a != nil {
		c.hasProviders = true
		pairs, diags := hcl.ExprMap(a.Expr)
		ps.add(diags)
		for _, p := range pairs {
			child, ok1 := providerTraversal(p.Key, ps)
			parent, ok2 := providerTraversal(p.Value, ps)
			if ok1 && ok2 {
				c.providers[child.String()] = parent
			}
		}
	}
	for name, a := range b.body.attrs {
		if !callMeta[name] {
			c.inputs[name] = a
		}
	}
	return c
}

// check reports inputs the called module does not declare and required
// variables the call does not set, as Terraform does.
func (c *call) check(m *module, ps *problems) {
	for _, name := range slices.Sorted(maps.Keys(c.inputs)) {
		if m.variables[name] == nil {
			ps.errorAt(c.inputs[name].NameRange, "Unsupported argument", fmt.Sprintf("An argument named %q is not expected here: module %q (%s) declares no variable %q.", name, c.name, m.dir, name))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(m.variables)) {
		if m.variables[name].required && c.inputs[name] == nil {
			ps.errorAt(c.def, "Missing required argument", fmt.Sprintf("The argument %q is required by module %q (%s), but no definition was found.", name, c.name, m.dir))
		}
	}
}

// callNode is a module call in one module instance: its expansion into
// child instances.
type callNode struct {
	node
	decl     *call
	key      string // module key, as in modules.json
	exp      expansion
	children []*instance
	// reason says why the call has no instances to evaluate: its module
	// is not available, or its count or for_each is unknown.
	reason string
}

func (in *instance) newCall(c *call) *callNode {
	key := c.name
	if in.key != "" {
		key = in.key + "." + c.name
	}
	n := &callNode{decl: c, key: key}
	n.what = join(in.addr, "module."+c.name)
	n.rng = c.def
	n.eval = func() cty.Value {
		in.expandCall(n)
		return cty.NilVal
	}
	return n
}

func (in *instance) expandCall(n *callNode) {
	l := in.l
	res := l.resolved[n.key]
	if res.dir == "" {
		n.reason = fmt.Sprintf("%s: %s; its resources are not estimated", n.what, res.reason)
		return
	}
	ctx := in.context(n.decl.travs)
	exp, ok := in.expand(n.decl.count, n.decl.forEach, ctx)
	switch {
	case !ok:
		n.reason = fmt.Sprintf("%s: its %s is invalid; its resources are not estimated", n.what, exp.unknown)
		return
	case exp.unknown != "":
		n.reason = fmt.Sprintf("%s: %s depends on values known only after apply; its resources are not estimated", n.what, exp.unknown)
		return
	}
	n.exp = exp
	child := l.modules[res.dir]
	for _, k := range exp.keys {
		addr := n.what + k.suffix
		n.children = append(n.children, l.newInstance(child, in, n, addr, n.key, k))
	}
}

// value is what module.NAME gives: an object of the instance's outputs,
// or a tuple (count) or object (for_each) of them. outputs lists the
// outputs the expression reads; nil means all.
func (in *instance) callValue(n *callNode, outputs map[string]bool) cty.Value {
	l := in.l
	l.get(&n.node)
	if n.reason != "" {
		return cty.DynamicVal
	}
	objs := make([]cty.Value, len(n.children))
	for i, child := range n.children {
		attrs := map[string]cty.Value{}
		for name, o := range child.outputs {
			if outputs == nil || outputs[name] {
				attrs[name] = l.get(o)
			}
		}
		objs[i] = cty.ObjectVal(attrs)
	}
	return n.exp.collect(objs)
}

// callOutputs returns the output a reference to module.NAME reads
// (module.NAME.OUT, module.NAME[KEY].OUT); ok is false when it may read
// any of them.
func callOutputs(t hcl.Traversal) (out string, ok bool) {
	i := 2
	if len(t) > i {
		if _, ok := t[i].(hcl.TraverseIndex); ok {
			i++
		}
	}
	if len(t) > i {
		if a, ok := t[i].(hcl.TraverseAttr); ok {
			return a.Name, true
		}
	}
	return "", false
}

// join appends a step to a module instance address ("" is the root).
func join(addr, step string) string {
	if addr == "" {
		return step
	}
	return addr + "." + step
}
