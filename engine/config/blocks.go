package config

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// evaluated is an evaluated block body: an object of its arguments and,
// under each nested block type, a tuple of the blocks' objects (the
// shape plan JSON gives nested blocks), plus which attributes are those
// blocks.
type evaluated struct {
	val    cty.Value
	blocks map[string][]evaluated
}

// evalBody evaluates a body without a schema: every argument, and every
// nested block (dynamic blocks expanded) as a list element under its
// type, in source order.
func (in *instance) evalBody(b *body, ctx *hcl.EvalContext) evaluated {
	attrs := make(map[string]cty.Value, len(b.attrs)+len(b.blocks))
	for _, name := range b.attrNames() {
		attrs[name], _ = in.l.value(b.attrs[name].Expr, ctx)
	}
	var blocks map[string][]evaluated
	unknown := map[string]bool{}
	for _, blk := range b.blocks {
		if blocks == nil {
			blocks = map[string][]evaluated{}
		}
		if blk.Type == "dynamic" {
			in.dynamic(blk, ctx, blocks, unknown)
			continue
		}
		blocks[blk.Type] = append(blocks[blk.Type], in.evalBody(nestedBody(blk), ctx))
	}
	for typ, list := range blocks {
		vals := make([]cty.Value, len(list))
		for i, e := range list {
			vals[i] = e.val
		}
		attrs[typ] = cty.EmptyTupleVal
		if len(vals) > 0 {
			attrs[typ] = cty.TupleVal(vals)
		}
	}
	// A dynamic block whose for_each is unknown makes the whole list of
	// its type unknown: how many blocks there will be is not known.
	for typ := range unknown {
		attrs[typ] = cty.DynamicVal
		delete(blocks, typ)
	}
	return evaluated{val: cty.ObjectVal(attrs), blocks: blocks}
}

// dynamic expands a dynamic block into blocks of its label's type, one
// per element of its for_each, each evaluated with the iterator bound to
// the element's key and value.
func (in *instance) dynamic(blk *hclsyntax.Block, ctx *hcl.EvalContext, blocks map[string][]evaluated, unknown map[string]bool) {
	ps := in.l.ps
	if len(blk.Labels) != 1 {
		ps.errorAt(blk.TypeRange, "Invalid dynamic block", "A dynamic block has one label: the type of the blocks it generates.")
		return
	}
	typ := blk.Labels[0]
	d := nestedBody(blk)
	fe := d.attrs["for_each"]
	if fe == nil {
		ps.errorAt(blk.TypeRange, "Missing required argument", `The argument "for_each" is required, but no definition was found.`)
		return
	}
	var content *hclsyntax.Block
	for _, c := range d.blocks {
		if c.Type == "content" {
			content = c
			break
		}
	}
	if content == nil {
		ps.errorAt(blk.TypeRange, "Missing content block", "A dynamic block must have a nested block of type \"content\" to describe the body of each generated block.")
		return
	}
	iter := dynamicIterator(blk, d)
	v, ok := in.l.value(fe.Expr, ctx)
	if !ok {
		unknown[typ] = true
		return
	}
	v, _ = v.Unmark() // the elements keep their own marks
	switch {
	case !v.IsKnown():
		unknown[typ] = true
		return
	case v.IsNull():
		ps.errorAt(fe.Expr.Range(), "Invalid dynamic for_each value", "Cannot use a null value in for_each.")
		return
	case !v.CanIterateElements():
		ps.errorAt(fe.Expr.Range(), "Invalid dynamic for_each value", fmt.Sprintf("Cannot use a %s value in for_each. An iterable collection is required.", v.Type().FriendlyName()))
		return
	case v.Type().IsSetType() && !v.IsWhollyKnown():
		unknown[typ] = true
		return
	}
	body := nestedBody(content)
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		child := ctx.NewChild()
		child.Variables = map[string]cty.Value{iter: cty.ObjectVal(map[string]cty.Value{"key": k, "value": e})}
		blocks[typ] = append(blocks[typ], in.evalBody(body, child))
	}
	if _, seen := blocks[typ]; !seen {
		blocks[typ] = nil // for_each over nothing: an empty list of blocks
	}
}

// reference is the body's value as references see it: every attribute
// the configuration does not set, of the body and its nested blocks, is
// unknown (computed by the provider), among the names expressions read.
func (e evaluated) reference(computed []string) cty.Value {
	attrs := e.val.AsValueMap()
	if attrs == nil {
		attrs = map[string]cty.Value{}
	}
	for typ, list := range e.blocks {
		if len(list) == 0 {
			continue
		}
		refs := make([]cty.Value, len(list))
		for i, b := range list {
			refs[i] = b.reference(computed)
		}
		attrs[typ] = cty.TupleVal(refs)
	}
	for _, name := range computed {
		if _, set := attrs[name]; !set {
			attrs[name] = cty.DynamicVal
		}
	}
	return cty.ObjectVal(attrs)
}
