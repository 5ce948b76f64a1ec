package plan

import (
	"fmt"
	"strconv"

	tfjson "github.com/hashicorp/terraform-json"
)

// The decoded JSON trees are read into terraform-json's types here rather
// than by encoding/json, which was three to five times slower on large
// plans (see value). Values of the wrong type are errors naming their
// path, e.g. resource_changes[3].change.actions[0].

// shapeError is a value of the wrong JSON type.
type shapeError struct{ path, got, want string }

func (e *shapeError) Error() string {
	return fmt.Sprintf("%s is %s, expected %s", e.path, e.got, e.want)
}

// obj reads the members of one decoded JSON object, keeping the first
// shape error in *err.
type obj struct {
	m    map[string]any
	path string
	err  *error
}

func (o obj) fail(path string, v any, want string) {
	if *o.err == nil {
		*o.err = &shapeError{path: path, got: jsonKind(v), want: want}
	}
}

func (o obj) at(key string) string { return o.path + "." + key }

// str returns a string member; null and absent are "".
func (o obj) str(key string) string {
	switch v := o.m[key].(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		o.fail(o.at(key), v, "a string")
		return ""
	}
}

func (o obj) boolean(key string) bool {
	switch v := o.m[key].(type) {
	case nil:
		return false
	case bool:
		return v
	default:
		o.fail(o.at(key), v, "a bool")
		return false
	}
}

// object returns an object member; ok is false when it is null or absent.
func (o obj) object(key string) (obj, bool) {
	return o.objectAt(o.m[key], o.at(key))
}

func (o obj) objectAt(v any, path string) (obj, bool) {
	switch t := v.(type) {
	case nil:
		return obj{}, false
	case map[string]any:
		return obj{m: t, path: path, err: o.err}, true
	default:
		o.fail(path, v, "an object")
		return obj{}, false
	}
}

// list returns an array member; null and absent are nil.
func (o obj) list(key string) []any {
	switch v := o.m[key].(type) {
	case nil:
		return nil
	case []any:
		return v
	default:
		o.fail(o.at(key), v, "an array")
		return nil
	}
}

// objects returns the object elements of an array member.
func (o obj) objects(key string) []obj {
	var out []obj
	for i, e := range o.list(key) {
		if eo, ok := o.objectAt(e, o.at(key)+"["+strconv.Itoa(i)+"]"); ok {
			out = append(out, eo)
		}
	}
	return out
}

func (o obj) strings(key string) []string {
	list := o.list(key)
	out := make([]string, 0, len(list))
	for i, e := range list {
		s, ok := e.(string)
		if !ok {
			o.fail(o.at(key)+"["+strconv.Itoa(i)+"]", e, "a string")
			continue
		}
		out = append(out, s)
	}
	return out
}

// readResourceChange reads one element of resource_changes; nil stays nil.
func readResourceChange(v any, path string) (*tfjson.ResourceChange, error) {
	var err error
	root := obj{path: path, err: &err}
	o, ok := root.objectAt(v, path)
	if !ok {
		return nil, err
	}
	rc := &tfjson.ResourceChange{
		Address:         o.str("address"),
		PreviousAddress: o.str("previous_address"),
		ModuleAddress:   o.str("module_address"),
		Mode:            tfjson.ResourceMode(o.str("mode")),
		Type:            o.str("type"),
		Name:            o.str("name"),
		Index:           o.m["index"],
		ProviderName:    o.str("provider_name"),
		DeposedKey:      o.str("deposed"),
		ActionReason:    tfjson.ActionReason(o.str("action_reason")),
	}
	if c, ok := o.object("change"); ok {
		var acts tfjson.Actions
		for _, a := range c.strings("actions") {
			acts = append(acts, tfjson.Action(a))
		}
		rc.Change = &tfjson.Change{
			Actions:         acts,
			Before:          c.m["before"],
			After:           c.m["after"],
			AfterUnknown:    c.m["after_unknown"],
			BeforeSensitive: c.m["before_sensitive"],
			AfterSensitive:  c.m["after_sensitive"],
			ReplacePaths:    c.list("replace_paths"),
			BeforeIdentity:  c.m["before_identity"],
			AfterIdentity:   c.m["after_identity"],
		}
	}
	return rc, err
}

// readVariables reads the plan's root module variable values.
func readVariables(v any) (map[string]*tfjson.PlanVariable, error) {
	var err error
	root := obj{err: &err}
	o, ok := root.objectAt(v, "variables")
	if !ok {
		return nil, err
	}
	vars := make(map[string]*tfjson.PlanVariable, len(o.m))
	for name := range o.m {
		if vo, ok := o.object(name); ok {
			vars[name] = &tfjson.PlanVariable{Value: vo.m["value"]}
		}
	}
	return vars, err
}

// readConfig reads the parts of the configuration tollgate uses: provider
// blocks and, per module, resource blocks and module calls.
func readConfig(v any) (*tfjson.Config, error) {
	var err error
	root := obj{err: &err}
	o, ok := root.objectAt(v, "configuration")
	if !ok {
		return nil, err
	}
	cfg := &tfjson.Config{}
	if pcs, ok := o.object("provider_config"); ok {
		cfg.ProviderConfigs = make(map[string]*tfjson.ProviderConfig, len(pcs.m))
		for key := range pcs.m {
			if pc, ok := pcs.object(key); ok {
				cfg.ProviderConfigs[key] = &tfjson.ProviderConfig{
					Name:              pc.str("name"),
					FullName:          pc.str("full_name"),
					Alias:             pc.str("alias"),
					ModuleAddress:     pc.str("module_address"),
					VersionConstraint: pc.str("version_constraint"),
					Expressions:       expressions(pc.m["expressions"]),
				}
			}
		}
	}
	if rm, ok := o.object("root_module"); ok {
		cfg.RootModule = readModule(rm)
	}
	return cfg, err
}

func readModule(o obj) *tfjson.ConfigModule {
	m := &tfjson.ConfigModule{}
	for _, r := range o.objects("resources") {
		m.Resources = append(m.Resources, &tfjson.ConfigResource{
			Address:           r.str("address"),
			Mode:              tfjson.ResourceMode(r.str("mode")),
			Type:              r.str("type"),
			Name:              r.str("name"),
			ProviderConfigKey: r.str("provider_config_key"),
			Expressions:       expressions(r.m["expressions"]),
		})
	}
	if calls, ok := o.object("module_calls"); ok {
		m.ModuleCalls = make(map[string]*tfjson.ModuleCall, len(calls.m))
		for name := range calls.m {
			c, ok := calls.object(name)
			if !ok {
				continue
			}
			call := &tfjson.ModuleCall{Source: c.str("source"), VersionConstraint: c.str("version_constraint")}
			if mod, ok := c.object("module"); ok {
				call.Module = readModule(mod)
			}
			m.ModuleCalls[name] = call
		}
	}
	return m
}

// expressions reads an expressions object. Expressions are opaque to
// tollgate beyond constants and references, so odd shapes are skipped
// rather than rejected.
func expressions(v any) map[string]*tfjson.Expression {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	out := make(map[string]*tfjson.Expression, len(m))
	for k, e := range m {
		out[k] = expression(e)
	}
	return out
}

// expression mirrors tfjson.Expression.UnmarshalJSON: an array holds
// nested blocks, an object a constant and/or references.
func expression(v any) *tfjson.Expression {
	data := &tfjson.ExpressionData{}
	switch t := v.(type) {
	case []any:
		for _, b := range t {
			if bm, ok := b.(map[string]any); ok {
				data.NestedBlocks = append(data.NestedBlocks, expressions(bm))
			}
		}
	case map[string]any:
		data.ConstantValue = t["constant_value"]
		refs, _ := t["references"].([]any)
		for _, r := range refs {
			if s, ok := r.(string); ok {
				data.References = append(data.References, s)
			}
		}
		if len(data.References) > 0 {
			data.ConstantValue = tfjson.UnknownConstantValue
		}
	}
	return &tfjson.Expression{ExpressionData: data}
}
