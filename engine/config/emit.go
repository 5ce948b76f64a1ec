package config

import (
	"fmt"
	"maps"
	"slices"

	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/provider"
)

// emit evaluates everything a module instance declares (so that every
// error is reported, as Terraform would) and appends its resource
// instances, then those of the modules it calls.
func (l *loader) emit(in *instance, out *[]change.Resource) {
	m := in.mod
	for _, name := range slices.Sorted(maps.Keys(in.vars)) {
		l.get(in.vars[name])
	}
	for _, name := range slices.Sorted(maps.Keys(in.locals)) {
		l.get(in.locals[name])
	}
	for _, r := range m.resources {
		n := in.resources[r.typ+"."+r.name]
		l.get(&n.node)
		*out = append(*out, l.instances(in, n)...)
	}
	for _, r := range m.data {
		l.get(&in.data[r.typ+"."+r.name].node)
	}
	for _, name := range slices.Sorted(maps.Keys(in.outputs)) {
		l.get(in.outputs[name])
	}
	for _, c := range m.calls {
		n := in.calls[c.name]
		l.get(&n.node)
		if n.reason != "" {
			l.note(n.reason)
			*out = append(*out, change.Resource{
				Address:    n.what,
				Module:     in.addr,
				Action:     change.Create,
				Location:   callLocation(in, c),
				Unexpanded: n.reason,
			})
			continue
		}
		for _, child := range n.children {
			l.emit(child, out)
		}
	}
}

// instances converts a resource block's instances into the model.
func (l *loader) instances(in *instance, n *resNode) []change.Resource {
	r := n.decl
	owner, block := in.providerFor(r.provider)
	base := change.Resource{
		Module:   in.addr,
		Type:     r.typ,
		Name:     r.name,
		Provider: providerSource(in, owner, r.provider),
		Action:   change.Create,
	}
	var settings *provider.Settings
	if block != nil {
		base.ProviderKey = providerKey(owner, block.ref)
		settings = owner.providerSettings(block)
	} else {
		base.ProviderKey = providerKey(in, r.provider)
	}
	loc := func() *change.Location {
		if in.located != nil {
			return &change.Location{File: in.located.File, Line: in.located.Line}
		}
		return &change.Location{File: r.loc.File, Line: r.loc.Line}
	}
	if n.exp.unknown != "" {
		res := base
		res.Address = n.what
		res.Location = loc()
		res.Unexpanded = fmt.Sprintf("%s: %s depends on values known only after apply; not priced", n.what, n.exp.unknown)
		l.note(res.Unexpanded)
		// Placed for its region, but not counted in the DefaultRegion note,
		// which is about resources that are priced.
		provider.Place(&res, settings, l.providerOptions())
		return []change.Resource{res}
	}
	out := make([]change.Resource, len(n.objs))
	for i, o := range n.objs {
		res := base
		k := n.exp.keys[i]
		res.Address = n.what + k.suffix
		res.Index = k.index
		res.After, res.AfterUnknown, res.SensitivePaths = planValues(o.val)
		res.Refs = absoluteRefs(r.refs, in.addr)
		res.Location = loc()
		l.place(&res, settings)
		out[i] = res
	}
	return out
}

func (l *loader) place(r *change.Resource, s *provider.Settings) {
	if provider.Place(r, s, l.providerOptions()) {
		l.defaulted++
	}
}

func (l *loader) providerOptions() provider.Options {
	return provider.Options{Region: l.opts.Region, EnvRegion: l.opts.EnvRegion, Configured: true}
}

// absoluteRefs places module-relative references in a module instance;
// each resource gets its own copy.
func absoluteRefs(refs map[string][]string, moduleAddress string) map[string][]string {
	if len(refs) == 0 {
		return nil
	}
	out := make(map[string][]string, len(refs))
	for attr, addrs := range refs {
		abs := make([]string, len(addrs))
		for i, a := range addrs {
			abs[i] = join(moduleAddress, a)
		}
		out[attr] = abs
	}
	return out
}

// callLocation locates a module call: at its block, or at the outermost
// downloaded module's block when it is inside one.
func callLocation(in *instance, c *call) *change.Location {
	if in.located != nil {
		return &change.Location{File: in.located.File, Line: in.located.Line}
	}
	return &change.Location{File: c.loc.File, Line: c.loc.Line}
}
