package source

import (
	"strings"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// Directive is a tollgate comment on a block: a comment line directly
// above the block (part of an unbroken run of comment lines ending on the
// line before it) or anywhere inside it, whose text starts with
// "tollgate:".
//
// A directive applies to every instance of its block. Covers says exactly
// which resource instances that is; Pattern says the same as a waiver
// address pattern.
type Directive struct {
	// Text is the comment without its markers (#, //, /* */ and a leading
	// * on block-comment lines) or surrounding space, e.g.
	// `tollgate:waive required-tags reason="legacy" owner=a expires=2027-01-31`.
	Text string
	// Block is the configuration address of the block: a resource
	// (module.app.aws_instance.web), a data source (data.aws_ami.base) or a
	// module call (module.vpc), which covers every resource in the call,
	// nested calls included. A block in a local module called from two
	// places gives one Directive per call.
	Block string
	// Pattern matches the instance addresses of the block in the form of
	// gate waiver addresses, where a step written without an instance key
	// stands for every instance of it and * matches any characters: Block
	// itself for a resource or data block (aws_instance.web matches
	// aws_instance.web[0] but not aws_instance.web2 nor
	// module.m.aws_instance.web), Block + ".*" for a module block.
	Pattern  string
	Location change.Location // of the comment line
}

// Covers reports whether the directive applies to a resource instance
// address: the address is an instance of the directive's block, or, for a
// module block, of any resource inside that module call.
func (d Directive) Covers(address string) bool {
	a, ok := parseAddress(address)
	if !ok {
		return false
	}
	key := a.key()
	if isModule(d.Block) {
		return strings.HasPrefix(key, d.Block+".")
	}
	return key == d.Block
}

// isModule reports whether a configuration address names a module call.
func isModule(key string) bool {
	steps := strings.Split(key, ".")
	return len(steps) >= 2 && steps[len(steps)-2] == "module"
}

// Directives returns the tollgate comments on indexed blocks, sorted by
// file, line and block.
func (x *Index) Directives() []Directive {
	if x == nil {
		return nil
	}
	return x.directives
}

// BlockOf returns the configuration address of the block in the user's
// code that a resource instance address belongs to: the resource block
// itself, or, for a resource inside a module whose source tollgate does
// not read (registry, git, outside the directory), the outermost such
// module call. ok is false when the address is not a resource address or
// its block is not in the source.
func (x *Index) BlockOf(address string) (key string, ok bool) {
	if x == nil {
		return "", false
	}
	a, ok := parseAddress(address)
	if !ok {
		return "", false
	}
	var mod string
	for _, name := range a.modules {
		mod = join(mod, "module."+name)
		e, ok := x.blocks[mod]
		if !ok {
			return "", false
		}
		if e.opaque {
			return mod, true
		}
	}
	key = join(mod, a.resource)
	if _, ok := x.blocks[key]; !ok {
		return "", false
	}
	return key, true
}

// Locate returns the location of the block BlockOf finds for a resource
// instance address (data sources included), or nil when it is unknown.
// The result is the caller's to keep.
func (x *Index) Locate(address string) *change.Location {
	key, ok := x.BlockOf(address)
	if !ok {
		return nil
	}
	loc := x.blocks[key].loc
	return &loc
}

// directivesOf records the directives of block b, whose configuration
// address is key.
func (l *loader) directivesOf(key string, b block) {
	if len(b.directives) == 0 {
		return
	}
	pattern := pattern(key, b)
	for i, text := range b.directives {
		l.index.directives = append(l.index.directives, Directive{
			Text:     text,
			Block:    key,
			Pattern:  pattern,
			Location: change.Location{File: b.loc.File, Line: b.lines[i]},
		})
	}
}

// pattern builds Directive.Pattern for block b at key.
func pattern(key string, b block) string {
	if b.kind == kindModule {
		return key + ".*"
	}
	return key
}
