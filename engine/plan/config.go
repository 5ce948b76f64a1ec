package plan

import (
	"strings"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/provider"
)

// config indexes the plan's configuration: resource blocks by module path
// and provider settings by key. It is read-only once built, so resource
// changes can be converted in parallel.
type config struct {
	resources map[string]*configResource // resourceKey(module path, type.name)
	providers map[string]*tfjson.ProviderConfig
	vars      map[string]*tfjson.PlanVariable
	settings  map[string]*provider.Settings // by provider_config key
}

// configResource is one resource block and what every instance of it
// shares.
type configResource struct {
	block    *tfjson.ConfigResource
	provider *provider.Settings // nil when the plan has no provider block for it
	refs     map[string][]string
}

func newConfig(c *tfjson.Config, vars map[string]*tfjson.PlanVariable) *config {
	cfg := &config{
		resources: map[string]*configResource{},
		vars:      vars,
		settings:  map[string]*provider.Settings{},
	}
	if c == nil {
		return cfg
	}
	cfg.providers = c.ProviderConfigs
	for key, pc := range c.ProviderConfigs {
		if pc != nil {
			cfg.settings[key] = cfg.settingsOf(key, pc)
		}
	}
	cfg.module("", c.RootModule)
	return cfg
}

func resourceKey(modulePath, typeName string) string { return modulePath + "\x00" + typeName }

// module indexes the managed resources of a module and its calls; path is
// the module path without instance keys, e.g. module.a.module.b.
func (c *config) module(path string, m *tfjson.ConfigModule) {
	if m == nil {
		return
	}
	for _, r := range m.Resources {
		if r == nil || (r.Mode != tfjson.ManagedResourceMode && r.Mode != "") {
			continue
		}
		c.resources[resourceKey(path, r.Type+"."+r.Name)] = &configResource{
			block:    r,
			provider: c.provider(r.ProviderConfigKey, path),
			refs:     refsOf(r.Expressions),
		}
	}
	for name, call := range m.ModuleCalls {
		if call == nil {
			continue
		}
		child := "module." + name
		if path != "" {
			child = path + "." + child
		}
		c.module(child, call.Module)
	}
}

// resource finds the block of a resource change, nil when the plan has no
// configuration for it.
func (c *config) resource(moduleAddress, typ, name string) *configResource {
	return c.resources[resourceKey(modulePath(moduleAddress), typ+"."+name)]
}

// modulePath strips the instance keys from a module instance address:
// module.a["x"].module.b[0] -> module.a.module.b.
func modulePath(moduleAddress string) string {
	if !strings.Contains(moduleAddress, "[") {
		return moduleAddress
	}
	parts := change.SplitAddress(moduleAddress)
	for i, part := range parts {
		if k := strings.IndexByte(part, '['); k >= 0 {
			parts[i] = part[:k]
		}
	}
	return strings.Join(parts, ".")
}

// parentModule returns the module path one level up, "" for a top-level
// module.
func parentModule(path string) string {
	k := strings.LastIndex(path, ".module.")
	if k < 0 {
		return ""
	}
	return path[:k]
}

// provider resolves a resource's provider_config_key to the settings of
// the provider block that configures it. Keys come in two forms:
// Terraform 0.15 and later write "aws", "aws.west" or
// "module.child:aws"; 0.12 to 0.14 write "child:aws" for a resource in
// module child, whose provider_config entry (when the module only
// declares a version constraint) configures nothing and inherits from the
// parent module, up to the root.
func (c *config) provider(key, path string) *provider.Settings {
	if key == "" {
		return nil
	}
	mod, local, found := strings.Cut(key, ":")
	if !found {
		mod, local = "", key
	} else if !strings.HasPrefix(mod, "module.") {
		mod = path // the old form names only the last module step
	}
	for {
		k := local
		if mod != "" {
			k = mod + ":" + local
		}
		if pc := c.providers[k]; pc != nil && (mod == "" || len(pc.Expressions) > 0) {
			return c.settings[k]
		}
		if mod == "" {
			return nil
		}
		mod = parentModule(mod)
	}
}

// defaultProvider resolves the default configuration of a provider for a
// resource whose block is gone from the configuration (it is being
// deleted), so that it is still priced where it runs.
func (c *config) defaultProvider(source, moduleAddress string) *provider.Settings {
	local := source[strings.LastIndexByte(source, '/')+1:]
	if path := modulePath(moduleAddress); path != "" {
		return c.provider(path+":"+local, path)
	}
	return c.provider(local, "")
}

func (c *config) settingsOf(key string, pc *tfjson.ProviderConfig) *provider.Settings {
	root := pc.ModuleAddress == "" && !strings.Contains(key, ":")
	s := &provider.Settings{}
	if v, ok := c.constant(pc.Expressions["region"], root); ok {
		s.Region, _ = v.(string)
	}
	if blocks := nestedBlocks(pc.Expressions["default_tags"]); len(blocks) > 0 {
		if v, ok := c.constant(blocks[0]["tags"], root); ok {
			s.DefaultTags = stringMap(v)
		}
	}
	return s
}

// constant returns the value of an expression known without applying:
// a constant, or, in the root module, a reference to a single variable
// whose value the plan records.
func (c *config) constant(e *tfjson.Expression, root bool) (any, bool) {
	if e == nil || e.ExpressionData == nil {
		return nil, false
	}
	if len(e.References) == 0 {
		if e.ConstantValue == nil || e.ConstantValue == tfjson.UnknownConstantValue {
			return nil, false
		}
		return e.ConstantValue, true
	}
	if !root || len(e.References) != 1 {
		return nil, false
	}
	name, ok := strings.CutPrefix(e.References[0], "var.")
	if !ok || strings.ContainsAny(name, ".[") {
		return nil, false
	}
	if v := c.vars[name]; v != nil && v.Value != nil {
		return v.Value, true
	}
	return nil, false
}

func nestedBlocks(e *tfjson.Expression) []map[string]*tfjson.Expression {
	if e == nil || e.ExpressionData == nil {
		return nil
	}
	return e.NestedBlocks
}

// stringMap keeps the string-valued entries of a JSON object.
func stringMap(v any) map[string]string {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, e := range m {
		if s, ok := provider.TagValue(e); ok {
			out[k] = s
		}
	}
	return out
}
