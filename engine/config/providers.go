package config

import (
	"sort"

	"github.com/zclconf/go-cty/cty"

	"github.com/tollgate-dev/tollgate/engine/provider"
)

// providerFor finds the provider block that configures ref in this
// module instance: a block of its own, else the parent's configuration
// the call passes in its providers map, else (without a providers map)
// the parent's default configuration of the same name, inherited. It
// returns the block's instance and name, or nil when no block configures
// it.
func (in *instance) providerFor(ref providerRef) (*instance, *providerBlock) {
	for cur := in; cur != nil; {
		if b := cur.mod.providers[ref.String()]; b != nil {
			return cur, b
		}
		if cur.parent == nil {
			return nil, nil
		}
		c := cur.call.decl
		if parent, ok := c.providers[ref.String()]; ok {
			ref = parent
		} else if c.hasProviders || ref.alias != "" {
			return nil, nil
		}
		cur = cur.parent
	}
	return nil, nil
}

// providerKey is the configuration key of a provider block, as plan JSON
// writes provider_config_key: aws, aws.west, module.a.module.b:aws.
func providerKey(in *instance, ref providerRef) string {
	path := modulePath(in)
	if path == "" {
		return ref.String()
	}
	return path + ":" + ref.String()
}

// modulePath is the instance's module path without keys: module.a.module.b.
func modulePath(in *instance) string {
	if in.parent == nil {
		return ""
	}
	return join(modulePath(in.parent), "module."+in.call.decl.name)
}

// providerSource is the source address of the provider a resource uses:
// from required_providers in its module, else in the module of its
// provider block, else the hashicorp namespace.
func providerSource(in, owner *instance, ref providerRef) string {
	if s, ok := in.mod.required[ref.local]; ok {
		return s
	}
	if owner != nil {
		if s, ok := owner.mod.required[ref.local]; ok {
			return s
		}
	}
	return fullSource(ref.local, "")
}

// providerSettings evaluates a provider block once per module instance:
// the region and default_tags tollgate reads.
func (in *instance) providerSettings(b *providerBlock) *provider.Settings {
	key := b.ref.String()
	if s, ok := in.settings[key]; ok {
		return s
	}
	s := &provider.Settings{}
	in.settings[key] = s
	ctx := in.context(bodyTraversals(b.body))
	if a := b.body.attrs["region"]; a != nil {
		v, _ := in.l.value(a.Expr, ctx)
		v, _ = v.UnmarkDeep()
		if v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
			s.Region = v.AsString()
		}
	}
	tags, found := cty.NilVal, false
	for _, blk := range b.body.blocks {
		if blk.Type == "default_tags" {
			if a := nestedBody(blk).attrs["tags"]; a != nil {
				tags, _ = in.l.value(a.Expr, ctx)
				found = true
			}
			break
		}
	}
	if a := b.body.attrs["default_tags"]; a != nil && !found { // JSON syntax
		v, _ := in.l.value(a.Expr, ctx)
		if v, _ = v.UnmarkDeep(); v.IsKnown() && !v.IsNull() && v.Type().IsObjectType() && v.Type().HasAttribute("tags") {
			tags, found = v.GetAttr("tags"), true
		}
	}
	if found {
		defaultTags(s, tags)
	}
	return s
}

// defaultTags reads a default_tags map into the settings.
func defaultTags(s *provider.Settings, tags cty.Value) {
	tags, _ = tags.UnmarkDeep()
	switch {
	case !tags.IsKnown():
		s.DefaultTagsUnknown = true
		return
	case tags.IsNull() || !(tags.Type().IsMapType() || tags.Type().IsObjectType()):
		return
	}
	for it := tags.ElementIterator(); it.Next(); {
		k, v := it.Element()
		name := k.AsString()
		if !v.IsKnown() {
			s.UnknownDefaultTags = append(s.UnknownDefaultTags, name)
			continue
		}
		val, _, _ := toPlan(v, name, new([]string))
		if str, ok := provider.TagValue(val); ok {
			if s.DefaultTags == nil {
				s.DefaultTags = map[string]string{}
			}
			s.DefaultTags[name] = str
		}
	}
	sort.Strings(s.UnknownDefaultTags)
}
