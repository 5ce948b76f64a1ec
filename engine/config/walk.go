package config

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// builtin are the first steps of references that name no resource.
var builtin = map[string]bool{
	"var": true, "local": true, "module": true, "data": true, "path": true,
	"each": true, "count": true, "self": true, "terraform": true,
	"ephemeral": true, "action": true, "list": true,
}

// bodyTraversals lists every reference a body (nested and dynamic blocks
// included) and the extra expressions make; the names dynamic blocks
// bind for their content are left out.
func bodyTraversals(b *body, extra ...hcl.Expression) []hcl.Traversal {
	var out []hcl.Traversal
	for _, e := range extra {
		out = append(out, e.Variables()...)
	}
	walkBody(b, nil, func(t hcl.Traversal) { out = append(out, t) })
	return out
}

// walkBody calls fn for each reference in b that is not to one of the
// names bound by enclosing dynamic blocks.
func walkBody(b *body, bound map[string]bool, fn func(hcl.Traversal)) {
	for _, a := range b.attrs {
		walkExpr(a.Expr, bound, fn)
	}
	for _, blk := range b.blocks {
		walkBlock(blk, bound, fn)
	}
}

func walkBlock(blk *hclsyntax.Block, bound map[string]bool, fn func(hcl.Traversal)) {
	if blk.Type != "dynamic" {
		walkBody(nestedBody(blk), bound, fn)
		return
	}
	d := nestedBody(blk)
	for name, a := range d.attrs {
		if name != "iterator" {
			walkExpr(a.Expr, bound, fn)
		}
	}
	inner := map[string]bool{dynamicIterator(blk, d): true}
	for k := range bound {
		inner[k] = true
	}
	for _, c := range d.blocks {
		if c.Type == "content" {
			walkBody(nestedBody(c), inner, fn)
		}
	}
}

func walkExpr(e hcl.Expression, bound map[string]bool, fn func(hcl.Traversal)) {
	for _, t := range e.Variables() {
		if !bound[t.RootName()] {
			fn(t)
		}
	}
}

// dynamicIterator is the name a dynamic block binds: its iterator
// argument, else its label.
func dynamicIterator(blk *hclsyntax.Block, d *body) string {
	if a := d.attrs["iterator"]; a != nil {
		if kw := hcl.ExprAsKeyword(a.Expr); kw != "" {
			return kw
		}
	}
	if len(blk.Labels) == 1 {
		return blk.Labels[0]
	}
	return ""
}

// bodyRefs collects, for each top-level attribute and nested block type
// of a resource body, the managed resources its expressions refer to,
// as module-relative addresses, like engine/plan does from a plan's
// configuration: aws_x.y, or aws_x.y[0] / aws_x.y["k"] for a literal key.
func bodyRefs(b *body) map[string][]string {
	var out map[string][]string
	add := func(attr string) func(hcl.Traversal) {
		return func(t hcl.Traversal) {
			if addr, ok := resourceRef(t); ok {
				if out == nil {
					out = map[string][]string{}
				}
				out[attr] = append(out[attr], addr)
				// Like plan JSON's references, a keyed reference names the
				// resource too.
				if k := strings.IndexByte(addr, '['); k > 0 {
					out[attr] = append(out[attr], addr[:k])
				}
			}
		}
	}
	for name, a := range b.attrs {
		walkExpr(a.Expr, nil, add(name))
	}
	for _, blk := range b.blocks {
		walkBlock(blk, nil, add(blockKind(blk)))
	}
	for k, addrs := range out {
		out[k] = slices.Compact(slices.Sorted(slices.Values(addrs)))
	}
	return out
}

// resourceRef returns the resource (or instance) address a reference
// names, if it names a managed resource.
func resourceRef(t hcl.Traversal) (string, bool) {
	root := t.RootName()
	if builtin[root] || len(t) < 2 {
		return "", false
	}
	name, ok := t[1].(hcl.TraverseAttr)
	if !ok {
		return "", false
	}
	addr := root + "." + name.Name
	if len(t) > 2 {
		if idx, ok := t[2].(hcl.TraverseIndex); ok {
			if k, ok := literalKey(idx.Key); ok {
				addr += k
			}
		}
	}
	return addr, true
}

// literalKey formats a constant instance key as in an address.
func literalKey(k cty.Value) (string, bool) {
	if !k.IsKnown() || k.IsNull() {
		return "", false
	}
	switch k.Type() {
	case cty.String:
		return keyString(k.AsString()), true
	case cty.Number:
		if i, acc := k.AsBigFloat().Int64(); acc == 0 && i >= 0 {
			return indexString(int(i)), true
		}
	}
	return "", false
}

// attrNames adds to names every attribute name an expression reads past
// the second step of a reference (aws_x.y.NAME, local.x.NAME), past the
// first of a name a for expression or dynamic block binds (i.NAME), or
// after an index or splat (aws_x.y[0].NAME, aws_x.y[*].NAME): the
// attributes a reference to a resource can ask for.
func attrNames(e hcl.Expression, names map[string]bool) {
	from := func(t hcl.Traversal) int {
		if builtin[t.RootName()] {
			return 2
		}
		return 1
	}
	se, ok := e.(hclsyntax.Expression)
	if !ok {
		for _, t := range e.Variables() {
			traversalNames(t, from(t), names)
		}
		return
	}
	hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
		switch x := n.(type) {
		case *hclsyntax.ScopeTraversalExpr:
			traversalNames(x.Traversal, from(x.Traversal), names)
		case *hclsyntax.RelativeTraversalExpr:
			traversalNames(x.Traversal, 0, names)
		}
		return nil
	})
}

func traversalNames(t hcl.Traversal, from int, names map[string]bool) {
	for i := from; i < len(t); i++ {
		if a, ok := t[i].(hcl.TraverseAttr); ok {
			names[a.Name] = true
		}
	}
}

// bodyAttrNames runs attrNames over every expression of a body.
func bodyAttrNames(b *body, names map[string]bool) {
	for _, a := range b.attrs {
		attrNames(a.Expr, names)
	}
	for _, blk := range b.blocks {
		bodyAttrNames(nestedBody(blk), names)
	}
}
