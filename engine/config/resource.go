package config

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// resNode is a resource block in one module instance.
type resNode struct {
	node // evaluates the block: expansion, then each instance's body
	decl *resource
	exp  expansion
	objs []evaluated // per instance, in exp.keys order
	// value is what references to the resource see: each instance's
	// configured values, with every other attribute unknown.
	value node
}

func (in *instance) newResource(r *resource) *resNode {
	n := &resNode{decl: r}
	n.what = join(in.addr, r.typ+"."+r.name)
	n.rng = r.def
	n.eval = func() cty.Value {
		in.evalResource(n)
		return cty.NilVal
	}
	n.value = node{what: n.what, rng: r.def, eval: func() cty.Value {
		in.l.get(&n.node)
		if n.exp.unknown != "" {
			return cty.DynamicVal
		}
		refs := make([]cty.Value, len(n.objs))
		for i, o := range n.objs {
			refs[i] = o.reference(in.l.computed)
		}
		return n.exp.collect(refs)
	}}
	return n
}

func (in *instance) evalResource(n *resNode) {
	r := n.decl
	ctx := in.context(r.travs)
	exp, ok := in.expand(r.count, r.forEach, ctx)
	if !ok && exp.unknown == "" {
		exp.unknown = "count"
	}
	n.exp = exp
	if exp.unknown != "" {
		return
	}
	n.objs = make([]evaluated, len(exp.keys))
	for i, k := range exp.keys {
		ictx := ctx
		if k.scope != nil {
			ictx = ctx.NewChild()
			ictx.Variables = k.scope
		}
		n.objs[i] = in.evalBody(r.body, ictx)
	}
}

// dataNode is a data block in one module instance. Data sources are read
// during plan, which tollgate does not do: every attribute is unknown,
// but count and for_each still give references their instances.
type dataNode struct {
	node
	exp expansion
}

func (in *instance) newData(r *resource) *dataNode {
	n := &dataNode{}
	n.what = join(in.addr, "data."+r.typ+"."+r.name)
	n.rng = r.def
	n.eval = func() cty.Value {
		var travs []hcl.Traversal
		for _, e := range []hcl.Expression{r.count, r.forEach} {
			if e != nil {
				travs = append(travs, e.Variables()...)
			}
		}
		exp, ok := in.expand(r.count, r.forEach, in.context(travs))
		if !ok || exp.unknown != "" {
			return cty.DynamicVal
		}
		n.exp = exp
		vals := make([]cty.Value, len(exp.keys))
		for i := range vals {
			vals[i] = cty.DynamicVal
		}
		return exp.collect(vals)
	}
	return n
}
