package plan

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/provider"
)

// converted is one resource change in the model, or why it is left out.
type converted struct {
	res  change.Resource
	keep bool
	note string
	// defaultRegion is set when an AWS resource fell back to DefaultRegion.
	defaultRegion bool
}

// action maps Terraform's action list to the model's action. forgetsOld
// is set when the replaced object is removed from state but not destroyed
// (destroy = false in a lifecycle or removed block).
func action(a tfjson.Actions) (act change.Action, createFirst, forgetsOld, ok bool) {
	switch strings.Join(actionStrings(a), ",") {
	case "create":
		return change.Create, false, false, true
	case "update":
		return change.Update, false, false, true
	case "delete":
		return change.Delete, false, false, true
	case "delete,create":
		return change.Replace, false, false, true
	case "create,delete":
		return change.Replace, true, false, true
	case "create,forget":
		return change.Replace, true, true, true
	case "forget,create":
		return change.Replace, false, true, true
	case "no-op":
		return change.NoOp, false, false, true
	case "read":
		return change.Read, false, false, true
	case "forget":
		return change.Forget, false, false, true
	}
	return "", false, false, false
}

func actionStrings(a tfjson.Actions) []string {
	out := make([]string, len(a))
	for i, s := range a {
		out[i] = string(s)
	}
	return out
}

// convert turns one decoded resource change into the model; field names
// it in errors (resource_changes[3]) and off is where it starts.
func (p *parser) convert(rc *tfjson.ResourceChange, field string, off int) (converted, error) {
	if rc == nil {
		return converted{}, nil
	}
	if rc.Mode != tfjson.ManagedResourceMode && rc.Mode != "" {
		return converted{}, nil // data sources and other modes change no infrastructure
	}
	name := rc.Address
	if name == "" {
		return converted{}, p.errorAt(off, nil, "%s has no address: the plan JSON is malformed; %s", field, regenerate)
	}
	if rc.Change == nil {
		return converted{}, p.errorAt(off, nil, "resource %s has no change: the plan JSON is malformed; %s", name, regenerate)
	}
	act, createFirst, forgetsOld, ok := action(rc.Change.Actions)
	if !ok {
		list, _ := json.Marshal(actionStrings(rc.Change.Actions))
		return converted{}, p.errorAt(off, nil, "resource %s has unsupported actions %s: upgrade tollgate, or report this plan if it is already the latest", name, list)
	}
	switch act {
	case change.Read:
		return converted{}, nil
	case change.Forget:
		return converted{note: fmt.Sprintf("%s will be removed from state without being destroyed; its cost continues outside this configuration", name)}, nil
	}
	module := rc.ModuleAddress
	if module == "" {
		module = change.ModuleOf(rc.Address) // some producers leave module_address out
	}
	index, err := instanceKey(rc.Index)
	if err != nil {
		return converted{}, p.errorAt(off, nil, "resource %s has an invalid index: %v; the plan JSON is malformed", name, err)
	}
	r := change.Resource{
		Address:             rc.Address,
		Module:              module,
		Type:                rc.Type,
		Name:                rc.Name,
		Index:               index,
		Provider:            rc.ProviderName,
		Deposed:             rc.DeposedKey,
		Action:              act,
		CreateBeforeDestroy: createFirst,
	}
	for _, side := range []struct {
		what string
		v    any
		dst  *map[string]any
	}{
		{"before", rc.Change.Before, &r.Before},
		{"after", rc.Change.After, &r.After},
		{"after_unknown", rc.Change.AfterUnknown, &r.AfterUnknown},
	} {
		m, ok := side.v.(map[string]any)
		if !ok && side.v != nil && side.what != "after_unknown" {
			return converted{}, p.errorAt(off, nil, "resource %s: change.%s is %s, expected an object: the plan JSON is malformed; %s", name, side.what, jsonKind(side.v), regenerate)
		}
		*side.dst = m
	}
	var paths []string
	redact(r.Before, rc.Change.BeforeSensitive, &paths)
	redact(r.After, rc.Change.AfterSensitive, &paths)
	if len(paths) > 0 {
		r.SensitivePaths = slices.Compact(slices.Sorted(slices.Values(paths)))
	}
	out := converted{keep: true}
	if forgetsOld {
		out.note = fmt.Sprintf("%s will be replaced, but its current object will be removed from state without being destroyed; that object's cost continues outside this configuration", name)
	}
	var settings *provider.Settings
	if block := p.cfg.resource(module, rc.Type, rc.Name); block != nil {
		r.ProviderKey = block.block.ProviderConfigKey
		r.Refs = absoluteRefs(block.refs, module)
		settings = block.provider
	} else if isAWS(rc.ProviderName) {
		if s := p.cfg.defaultProvider(rc.ProviderName, module); s != nil {
			assumed := *s
			assumed.Assumed = true
			settings = &assumed
		}
	}
	out.defaultRegion = provider.Place(&r, settings, p.opts)
	out.res = r
	return out, nil
}

// instanceKey converts an instance key: an int for count, a string for
// for_each.
func instanceKey(v any) (any, error) {
	switch k := v.(type) {
	case nil, string:
		return k, nil
	case json.Number:
		n, err := strconv.Atoi(k.String())
		if err != nil {
			return nil, fmt.Errorf("%s is not a whole number", k)
		}
		return n, nil
	}
	return nil, fmt.Errorf("%s is neither a number nor a string", jsonKind(v))
}

func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "a bool"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	case nil:
		return "null"
	}
	return "a value"
}
