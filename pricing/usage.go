package pricing

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// UsageFile holds the usage assumptions of a usage file (--usage): values
// for usage-based components per resource type and per address.
//
//	version: 1
//	resource_type_default_usage:
//	  aws_nat_gateway:
//	    monthly_data_processed_gb: 100
//	resource_usage:
//	  aws_nat_gateway.main:
//	    monthly_data_processed_gb: 2000
//	  module.app.aws_lambda_function.*:   # * matches any characters
//	    monthly_requests: 5000000
type UsageFile struct {
	name    string
	types   map[string]usageEntry
	entries []usageEntry // resource_usage, most specific last
}

type usageEntry struct {
	pattern string // address or glob; type name for type defaults
	line    int
	values  Usage
	lines   map[string]int // key -> line, for errors
}

// ParseUsage reads a usage file; name is used in error messages.
func ParseUsage(name string, data []byte) (*UsageFile, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, cleanYAMLError(err))
	}
	f := &UsageFile{name: name, types: map[string]usageEntry{}}
	if len(doc.Content) == 0 {
		return f, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: a usage file is a mapping with resource_type_default_usage and resource_usage", name, root.Line)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "version":
			if v.Value != "1" && v.Value != "0.1" {
				return nil, fmt.Errorf("%s:%d: usage file version %q is not supported (use 1)", name, v.Line, v.Value)
			}
		case "resource_type_default_usage":
			entries, err := f.parseEntries(v)
			if err != nil {
				return nil, err
			}
			for _, e := range entries {
				if strings.ContainsAny(e.pattern, ".*[") {
					return nil, fmt.Errorf("%s:%d: %q is not a resource type; put addresses under resource_usage", name, e.line, e.pattern)
				}
				f.types[e.pattern] = e
			}
		case "resource_usage":
			entries, err := f.parseEntries(v)
			if err != nil {
				return nil, err
			}
			f.entries = entries
		default:
			return nil, fmt.Errorf("%s:%d: unknown key %q (want version, resource_type_default_usage or resource_usage)", name, k.Line, k.Value)
		}
	}
	// Least specific first, so that For can overlay in order: patterns by
	// the number of literal characters, exact addresses last.
	sort.SliceStable(f.entries, func(i, j int) bool {
		return specificity(f.entries[i].pattern) < specificity(f.entries[j].pattern)
	})
	return f, nil
}

func (f *UsageFile) parseEntries(n *yaml.Node) ([]usageEntry, error) {
	if n.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: expected a mapping of names to usage values", f.name, n.Line)
	}
	var out []usageEntry
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%s:%d: usage of %q must be a mapping of keys to values", f.name, v.Line, k.Value)
		}
		e := usageEntry{pattern: k.Value, line: k.Line, values: Usage{}, lines: map[string]int{}}
		for j := 0; j+1 < len(v.Content); j += 2 {
			uk, uv := v.Content[j], v.Content[j+1]
			if uv.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("%s:%d: usage value %s of %q must be a number or a string", f.name, uv.Line, uk.Value, k.Value)
			}
			switch uv.Tag {
			case "!!int", "!!float":
				// Keep the literal text: usage numbers are decimals, never floats.
				e.values[uk.Value] = json.Number(strings.ReplaceAll(uv.Value, "_", ""))
			default:
				e.values[uk.Value] = uv.Value
			}
			e.lines[uk.Value] = uk.Line
		}
		out = append(out, e)
	}
	return out, nil
}

// For returns the usage values that apply to one resource: type defaults,
// overlaid by matching patterns (more specific wins), overlaid by the exact
// address.
func (f *UsageFile) For(address, typ string) Usage {
	if f == nil {
		return nil
	}
	var u Usage
	overlay := func(vals Usage) {
		if u == nil {
			u = Usage{}
		}
		for k, v := range vals {
			u[k] = v
		}
	}
	if e, ok := f.types[typ]; ok {
		overlay(e.values)
	}
	for _, e := range f.entries {
		if globMatch(e.pattern, address) {
			overlay(e.values)
		}
	}
	return u
}

// Check reports usage keys that the model of their resource type does not
// read, and numbers given as text: almost always typos that would
// otherwise be silently ignored.
func (f *UsageFile) Check(reg *Registry) error {
	check := func(typ string, e usageEntry) error {
		m, ok := reg.Model(typ)
		if !ok {
			return nil
		}
		for _, k := range slices.Sorted(maps.Keys(e.values)) {
			uk, known := findUsageKey(m.Usage, k)
			if !known {
				var names []string
				for _, u := range m.Usage {
					names = append(names, u.Name)
				}
				hint := "it reads no usage values"
				if len(names) > 0 {
					hint = "known keys: " + strings.Join(names, ", ")
				}
				return fmt.Errorf("%s:%d: %s does not use usage key %q (%s)", f.name, e.lines[k], typ, k, hint)
			}
			if _, isNum := e.values[k].(json.Number); !uk.String && !isNum {
				return fmt.Errorf("%s:%d: usage key %q of %s must be a number, not %q", f.name, e.lines[k], k, e.pattern, e.values[k])
			}
		}
		return nil
	}
	for _, t := range slices.Sorted(maps.Keys(f.types)) {
		if err := check(t, f.types[t]); err != nil {
			return err
		}
	}
	for _, e := range f.entries {
		if typ := addressType(e.pattern); typ != "" {
			if err := check(typ, e); err != nil {
				return err
			}
		}
	}
	return nil
}

func findUsageKey(keys []UsageKey, name string) (UsageKey, bool) {
	for _, k := range keys {
		if k.Name == name {
			return k, true
		}
	}
	return UsageKey{}, false
}

// addressType returns the resource type named by an address pattern, or ""
// when the type part is itself a pattern.
func addressType(pattern string) string {
	parts := strings.Split(pattern, ".")
	for i := 0; i+1 < len(parts); i++ {
		if parts[i] == "module" {
			i++
			continue
		}
		if parts[i] == "data" || strings.Contains(parts[i], "*") {
			return ""
		}
		return parts[i]
	}
	return ""
}

// specificity orders patterns: exact addresses above every glob, and globs
// by how many literal characters they have.
func specificity(pattern string) int {
	if !strings.Contains(pattern, "*") {
		return 1 << 30
	}
	return len(pattern) - strings.Count(pattern, "*")
}

// globMatch matches an address against a pattern in which * matches any
// run of characters (dots and brackets included) and everything else is
// literal.
func globMatch(pattern, s string) bool {
	if !strings.Contains(pattern, "*") {
		return pattern == s
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return strings.HasSuffix(s, last)
}

// cleanYAMLError drops the "yaml: " prefix, which says nothing to a user
// who just named the file.
func cleanYAMLError(err error) error {
	return fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "yaml: "))
}
