package config

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// module is one module directory's declarations, shared by every instance
// of it.
type module struct {
	dir       string // slash-separated, relative to the configuration root; "." for the root
	variables map[string]*variable
	locals    map[string]*hcl.Attribute
	outputs   map[string]*output
	resources []*resource // managed resources, in file order
	data      []*resource // data sources
	calls     []*call
	providers map[string]*providerBlock // by "aws" or "aws.west"
	required  map[string]string         // provider local name -> source address
	funcs     map[string]function.Function
}

// output is an output block.
type output struct {
	name      string
	expr      hcl.Expression
	sensitive bool
	rng       hcl.Range
}

// resource is a resource or data block.
type resource struct {
	data           bool
	typ, name      string
	body           *body // the attributes and nested blocks, meta-arguments removed
	count, forEach hcl.Expression
	provider       providerRef
	loc            change.Location
	def            hcl.Range
	travs          []hcl.Traversal     // every reference of the block, meta-arguments included
	refs           map[string][]string // top-level attribute -> resources it refers to, module-relative
}

// providerRef names a provider configuration in a module: local name and
// alias.
type providerRef struct{ local, alias string }

func (p providerRef) String() string {
	if p.alias == "" {
		return p.local
	}
	return p.local + "." + p.alias
}

// providerBlock is a provider block.
type providerBlock struct {
	ref  providerRef
	body *body
	def  hcl.Range
}

// resourceMeta are the arguments and blocks of a resource block that are
// not attributes of the resource.
var resourceMeta = map[string]bool{
	"count": true, "for_each": true, "provider": true, "depends_on": true,
	"lifecycle": true, "provisioner": true, "connection": true, "timeouts": true,
}

// decode turns a directory's merged blocks into its declarations.
func decode(dir string, blocks []*rawBlock, ps *problems) *module {
	m := &module{
		dir:       dir,
		variables: map[string]*variable{},
		locals:    map[string]*hcl.Attribute{},
		outputs:   map[string]*output{},
		providers: map[string]*providerBlock{},
		required:  map[string]string{},
	}
	for _, b := range blocks {
		switch b.kind {
		case "variable":
			if v := decodeVariable(b, ps); v != nil {
				m.variables[v.name] = v
			}
		case "locals":
			m.locals = b.body.attrs
		case "output":
			o := &output{name: b.labels[0], rng: b.def}
			if a := b.body.attrs["value"]; a != nil {
				o.expr = a.Expr
			} else {
				ps.errorAt(b.def, "Missing required argument", `The argument "value" is required, but no definition was found.`)
				continue
			}
			o.sensitive = staticBool(b.body, "sensitive", false, ps)
			m.outputs[o.name] = o
		case "provider":
			ref := providerRef{local: b.labels[0], alias: b.alias}
			m.providers[ref.String()] = &providerBlock{ref: ref, body: b.body, def: b.def}
		case "resource", "data":
			m.addResource(b, ps)
		case "module":
			if c := decodeCall(b, ps); c != nil {
				m.calls = append(m.calls, c)
			}
		case "terraform":
			decodeRequired(b.body, m.required, ps)
		}
	}
	return m
}

func (m *module) addResource(b *rawBlock, ps *problems) {
	r := &resource{
		data: b.kind == "data",
		typ:  b.labels[0],
		name: b.labels[1],
		body: b.body.without(resourceMeta),
		loc:  change.Location{File: b.def.Filename, Line: b.line},
		def:  b.def,
	}
	if a := b.body.attrs["count"]; a != nil {
		r.count = a.Expr
	}
	if a := b.body.attrs["for_each"]; a != nil {
		r.forEach = a.Expr
		if r.count != nil {
			ps.errorAt(a.NameRange, `Invalid combination of "count" and "for_each"`, `The "count" and "for_each" meta-arguments are mutually-exclusive, only one should be used to be explicit about the number of resources to be created.`)
			return
		}
	}
	r.provider = providerRef{local: impliedProvider(r.typ)}
	if a := b.body.attrs["provider"]; a != nil {
		ref, ok := providerTraversal(a.Expr, ps)
		if !ok {
			return
		}
		r.provider = ref
	}
	if _, json := b.body.attrs["dynamic"]; json && len(b.body.blocks) == 0 {
		ps.errorAt(b.body.attrs["dynamic"].NameRange, "Unsupported dynamic block", "tollgate does not expand dynamic blocks written in JSON syntax; write this resource in a .tf file")
		return
	}
	var extra []hcl.Expression
	if r.count != nil {
		extra = append(extra, r.count)
	}
	if r.forEach != nil {
		extra = append(extra, r.forEach)
	}
	r.travs = bodyTraversals(r.body, extra...)
	if r.data {
		m.data = append(m.data, r)
		return
	}
	r.refs = bodyRefs(r.body)
	m.resources = append(m.resources, r)
}

// impliedProvider is the provider local name a resource type implies: the
// type's first word (aws_instance -> aws).
func impliedProvider(typ string) string {
	name, _, _ := strings.Cut(typ, "_")
	return name
}

// providerTraversal reads a provider reference such as aws.west.
func providerTraversal(expr hcl.Expression, ps *problems) (providerRef, bool) {
	t, diags := hcl.AbsTraversalForExpr(expr)
	if diags.HasErrors() || len(t) > 2 {
		ps.errorAt(expr.Range(), "Invalid provider reference", "A provider reference is a provider local name, optionally followed by a dot and an alias: aws or aws.west.")
		return providerRef{}, false
	}
	ref := providerRef{local: t.RootName()}
	if len(t) == 2 {
		a, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			ps.errorAt(expr.Range(), "Invalid provider reference", "A provider alias is a name: aws.west.")
			return providerRef{}, false
		}
		ref.alias = a.Name
	}
	return ref, true
}

// decodeRequired reads terraform { required_providers { ... } }.
func decodeRequired(b *body, into map[string]string, ps *problems) {
	var entries []*hcl.Attribute
	for _, blk := range b.blocks {
		if blk.Type == "required_providers" {
			for _, a := range nestedBody(blk).attrs {
				entries = append(entries, a)
			}
		}
	}
	if a := b.attrs["required_providers"]; a != nil { // JSON syntax
		v, diags := a.Expr.Value(nil)
		ps.add(diags)
		if v.IsWhollyKnown() && !v.IsNull() && (v.Type().IsObjectType() || v.Type().IsMapType()) {
			for name, e := range v.AsValueMap() {
				into[name] = requiredSource(name, e)
			}
		}
	}
	for _, a := range entries {
		v, diags := a.Expr.Value(nil)
		ps.add(diags)
		if !diags.HasErrors() {
			into[a.Name] = requiredSource(a.Name, v)
		}
	}
}

// requiredSource turns a required_providers entry into the provider's
// full source address, the form plan JSON prints.
func requiredSource(local string, entry cty.Value) string {
	src := ""
	if entry.IsWhollyKnown() && !entry.IsNull() && (entry.Type().IsObjectType() || entry.Type().IsMapType()) {
		if s, ok := entry.AsValueMap()["source"]; ok && s.Type() == cty.String && !s.IsNull() {
			src = s.AsString()
		}
	}
	return fullSource(local, src)
}

// fullSource completes a provider source address: hashicorp/aws ->
// registry.terraform.io/hashicorp/aws; none -> the hashicorp namespace.
func fullSource(local, src string) string {
	parts := strings.Split(strings.ToLower(src), "/")
	switch len(parts) {
	case 3:
		return strings.ToLower(src)
	case 2:
		return "registry.terraform.io/" + strings.ToLower(src)
	}
	if src != "" {
		return "registry.terraform.io/hashicorp/" + strings.ToLower(src)
	}
	return "registry.terraform.io/hashicorp/" + local
}

// staticBool reads a constant bool argument.
func staticBool(b *body, name string, def bool, ps *problems) bool {
	a := b.attrs[name]
	if a == nil {
		return def
	}
	v, diags := a.Expr.Value(nil)
	ps.add(diags)
	if diags.HasErrors() {
		return def
	}
	if v.IsNull() || !v.IsKnown() || !v.Type().Equals(cty.Bool) {
		ps.errorAt(a.Expr.Range(), "Invalid "+name+" value", fmt.Sprintf("The %q argument must be true or false.", name))
		return def
	}
	return v.True()
}
