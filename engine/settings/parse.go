package settings

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/gobwas/glob"
	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/tollgate-dev/tollgate/engine/gate"
)

// Parse reads tollgate.yml; name is the file's name in messages and in
// the Source of its waivers. It is strict: an unknown key or a value of
// the wrong type is an error naming the file, the line and the key, so a
// typo cannot silently switch a guardrail off. Where a string is expected
// any scalar is read as its text (tag values such as 2024 need no quotes).
// A null value (a key with nothing after it) is the same as no key.
func Parse(name string, data []byte) (*Settings, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(name, err)
	}
	s := &Settings{}
	if len(doc.Content) == 0 {
		return s, nil
	}
	p := parser{name: name}
	root := resolve(doc.Content[0])
	if isNull(root) {
		return s, nil
	}
	fields, err := p.mapping(root, "", "version", "required_tags", "instance_types", "budget", "waivers", "enforcement", "override_labels", "custom")
	if err != nil {
		return nil, err
	}
	for _, f := range fields {
		if isNull(f.value) {
			continue
		}
		switch f.key.Value {
		case "version":
			if f.value.Kind != yaml.ScalarNode || f.value.Value != "1" {
				return nil, p.errorf(f.value, "version must be 1, not %s", describe(f.value))
			}
			s.Version = 1
		case "required_tags":
			s.RequiredTags, err = p.requiredTags(f.value)
		case "instance_types":
			s.InstanceTypes, err = p.instanceTypes(f.value)
		case "budget":
			s.Budget, err = p.budget(f.value)
		case "waivers":
			s.waivers, err = p.waivers(f.value)
		case "enforcement":
			s.levels, err = p.enforcement(f.value)
		case "override_labels":
			s.overrideLabels, err = p.strings(f.value, "override_labels")
		case "custom":
			s.Custom, err = p.custom(f.value)
		}
		if err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (p parser) requiredTags(n *yaml.Node) (*RequiredTags, error) {
	fields, err := p.mapping(n, "required_tags", "keys", "values")
	if err != nil {
		return nil, err
	}
	rt := &RequiredTags{}
	for _, f := range fields {
		switch f.key.Value {
		case "keys":
			rt.Keys, err = p.strings(f.value, "required_tags.keys")
		case "values":
			rt.Values, err = p.tagValues(f.value)
		}
		if err != nil {
			return nil, err
		}
	}
	return rt, nil
}

func (p parser) tagValues(n *yaml.Node) (map[string][]string, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, p.errorf(n, "required_tags.values must be a mapping of tag keys to lists of allowed values")
	}
	fields, err := p.mapping(n, "required_tags.values")
	if err != nil {
		return nil, err
	}
	values := map[string][]string{}
	for _, f := range fields {
		if values[f.key.Value], err = p.strings(f.value, "required_tags.values."+f.key.Value); err != nil {
			return nil, err
		}
	}
	return values, nil
}

func (p parser) instanceTypes(n *yaml.Node) (*InstanceTypes, error) {
	fields, err := p.mapping(n, "instance_types", "allow", "deny")
	if err != nil {
		return nil, err
	}
	it := &InstanceTypes{}
	for _, f := range fields {
		switch f.key.Value {
		case "allow":
			it.Allow, err = p.globs(f.value, "instance_types.allow")
		case "deny":
			it.Deny, err = p.globs(f.value, "instance_types.deny")
		}
		if err != nil {
			return nil, err
		}
	}
	return it, nil
}

// globs reads a list of glob patterns, checked here with the library the
// policies' glob.match uses: a bad pattern would otherwise fail the whole
// policy evaluation without saying which line of the file is wrong.
func (p parser) globs(n *yaml.Node, path string) ([]string, error) {
	patterns, err := p.strings(n, path)
	if err != nil {
		return nil, err
	}
	for i, pattern := range patterns {
		if _, err := glob.Compile(pattern); err != nil {
			return nil, p.errorf(resolve(n.Content[i]), "%s item %d, %q, is not a valid glob pattern: %v", path, i+1, pattern, err)
		}
	}
	return patterns, nil
}

func (p parser) budget(n *yaml.Node) (*Budget, error) {
	fields, err := p.mapping(n, "budget", "max_monthly_total", "max_monthly_increase", "max_monthly_increase_percent")
	if err != nil {
		return nil, err
	}
	b := &Budget{}
	for _, f := range fields {
		if isNull(f.value) {
			continue
		}
		d, err := p.amount(f.value, "budget."+f.key.Value)
		if err != nil {
			return nil, err
		}
		switch f.key.Value {
		case "max_monthly_total":
			b.MaxMonthlyTotal = d
		case "max_monthly_increase":
			b.MaxMonthlyIncrease = d
		case "max_monthly_increase_percent":
			b.MaxMonthlyIncreasePercent = d
		}
	}
	return b, nil
}

// amount reads a non-negative number, kept decimal: a float would turn
// 0.1 into 0.1000000000000000055.
func (p parser) amount(n *yaml.Node, path string) (*decimal.Decimal, error) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		return nil, p.errorf(n, "%s must be a number, not %s", path, describe(n))
	}
	d, err := decimal.NewFromString(strings.ReplaceAll(n.Value, "_", ""))
	if err != nil {
		return nil, p.errorf(n, "%s must be a number, not %s", path, describe(n))
	}
	if d.IsNegative() {
		return nil, p.errorf(n, "%s must not be negative (got %s)", path, n.Value)
	}
	return &d, nil
}

var waiverKeys = []string{"rule", "address", "reason", "owner", "expires"}

func (p parser) waivers(n *yaml.Node) ([]gate.Waiver, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "waivers must be a list of {rule, address, reason, owner, expires}")
	}
	out := []gate.Waiver{}
	for i, item := range n.Content {
		item = resolve(item)
		path := fmt.Sprintf("waivers[%d]", i)
		if item.Kind != yaml.MappingNode {
			return nil, p.errorf(item, "%s must be a mapping with %s", path, strings.Join(waiverKeys, ", "))
		}
		fields, err := p.mapping(item, path, waiverKeys...)
		if err != nil {
			return nil, err
		}
		w := gate.Waiver{Source: fmt.Sprintf("%s:%d", p.name, item.Line)}
		dest := map[string]*string{"rule": &w.Rule, "address": &w.Address, "reason": &w.Reason, "owner": &w.Owner, "expires": &w.Expires}
		for _, f := range fields {
			if isNull(f.value) {
				continue
			}
			if f.value.Kind != yaml.ScalarNode {
				return nil, p.errorf(f.value, "%s.%s must be a string, not %s", path, f.key.Value, describe(f.value))
			}
			*dest[f.key.Value] = strings.TrimSpace(f.value.Value)
		}
		var missing []string
		for _, k := range waiverKeys {
			if *dest[k] == "" {
				missing = append(missing, k)
			}
		}
		if len(missing) > 0 {
			return nil, p.errorf(item, "%s is missing %s (every waiver needs rule, address, reason, owner and expires)", path, strings.Join(missing, ", "))
		}
		if _, err := time.Parse(time.DateOnly, w.Expires); err != nil {
			return nil, p.errorf(valueOf(fields, "expires"), "%s.expires %q is not a valid date (want YYYY-MM-DD)", path, w.Expires)
		}
		out = append(out, w)
	}
	return out, nil
}

func (p parser) enforcement(n *yaml.Node) (map[string]gate.Level, error) {
	if n.Kind != yaml.MappingNode {
		return nil, p.errorf(n, "enforcement must be a mapping of rule ids to advisory, soft or hard")
	}
	fields, err := p.mapping(n, "enforcement")
	if err != nil {
		return nil, err
	}
	levels := map[string]gate.Level{}
	for _, f := range fields {
		l := gate.Level(f.value.Value)
		if f.value.Kind != yaml.ScalarNode || (l != gate.Advisory && l != gate.Soft && l != gate.Hard) {
			return nil, p.errorf(f.value, "enforcement.%s must be advisory, soft or hard, not %s", f.key.Value, describe(f.value))
		}
		levels[f.key.Value] = l
	}
	return levels, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlError turns "yaml: line 3: msg" into "NAME:3: msg".
func yamlError(name string, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: %s", name, m[1], msg[len(m[0]):])
	}
	return fmt.Errorf("%s: %s", name, strings.TrimPrefix(msg, "yaml: "))
}
