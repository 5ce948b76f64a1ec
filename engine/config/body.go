package config

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// body is one block's arguments and nested blocks, whichever syntax wrote
// it. Without provider schemas nothing says which names are arguments and
// which are blocks, so native bodies are read as written; JSON bodies have
// only arguments (a nested block in JSON is an object or an array of
// objects, read as such).
type body struct {
	attrs  map[string]*hcl.Attribute
	blocks []*hclsyntax.Block // in source order
	rng    hcl.Range
}

// bodyOf reads a block body.
func bodyOf(b hcl.Body) (*body, hcl.Diagnostics) {
	if sb, ok := b.(*hclsyntax.Body); ok {
		out := &body{attrs: make(map[string]*hcl.Attribute, len(sb.Attributes)), blocks: sb.Blocks, rng: sb.SrcRange}
		for name, a := range sb.Attributes {
			out.attrs[name] = a.AsHCLAttribute()
		}
		return out, nil
	}
	attrs, diags := b.JustAttributes()
	if attrs == nil {
		attrs = hcl.Attributes{}
	}
	return &body{attrs: attrs, rng: b.MissingItemRange()}, diags
}

// nestedBody reads a nested block of a native body.
func nestedBody(b *hclsyntax.Block) *body {
	out, _ := bodyOf(b.Body) // native bodies give no diagnostics
	return out
}

// attrNames returns the argument names in source order, so that
// evaluation (and its errors) follow the file.
func (b *body) attrNames() []string {
	names := make([]string, 0, len(b.attrs))
	for n := range b.attrs {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		ri, rj := b.attrs[names[i]].Range, b.attrs[names[j]].Range
		if ri.Filename != rj.Filename {
			return ri.Filename < rj.Filename
		}
		if ri.Start.Byte != rj.Start.Byte {
			return ri.Start.Byte < rj.Start.Byte
		}
		return names[i] < names[j]
	})
	return names
}

// blockKind is the block type a nested block stands for: a dynamic block
// stands for blocks of its label's type.
func blockKind(b *hclsyntax.Block) string {
	if b.Type == "dynamic" && len(b.Labels) == 1 {
		return b.Labels[0]
	}
	return b.Type
}

// override merges an override file's body into b the way Terraform does:
// each argument replaces the argument of the same name, and the blocks of
// each type it has replace every block of that type.
func (b *body) override(o *body) {
	for name, a := range o.attrs {
		b.attrs[name] = a
	}
	if len(o.blocks) == 0 {
		return
	}
	replaced := map[string]bool{}
	for _, blk := range o.blocks {
		replaced[blockKind(blk)] = true
	}
	var kept []*hclsyntax.Block
	for _, blk := range b.blocks {
		if !replaced[blockKind(blk)] {
			kept = append(kept, blk)
		}
	}
	b.blocks = append(kept, o.blocks...)
}

// without returns a copy of b without the named arguments and block
// types (meta-arguments that are not resource attributes).
func (b *body) without(names map[string]bool) *body {
	out := &body{attrs: make(map[string]*hcl.Attribute, len(b.attrs)), rng: b.rng}
	for n, a := range b.attrs {
		if !names[n] {
			out.attrs[n] = a
		}
	}
	for _, blk := range b.blocks {
		if !names[blk.Type] {
			out.blocks = append(out.blocks, blk)
		}
	}
	return out
}
