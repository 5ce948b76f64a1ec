package settings

import (
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

// parser holds what every error message needs.
type parser struct{ name string }

func (p parser) errorf(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", p.name, n.Line, fmt.Sprintf(format, args...))
}

type field struct{ key, value *yaml.Node }

// mapping returns the entries of a mapping node at path ("" for the top
// level), values resolved. With known keys, any other key is an error
// listing them; without, any key is allowed. Duplicate keys are errors:
// YAML would keep the last silently.
func (p parser) mapping(n *yaml.Node, path string, known ...string) ([]field, error) {
	if n.Kind != yaml.MappingNode {
		if path == "" {
			return nil, p.errorf(n, "settings must be a mapping with %s, not %s", strings.Join(known, ", "), describe(n))
		}
		return nil, p.errorf(n, "%s must be a mapping, not %s", path, describe(n))
	}
	in := ""
	if path != "" {
		in = " in " + path
	}
	seen := map[string]int{}
	var fields []field
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode || isNull(k) {
			return nil, p.errorf(k, "keys%s must be strings, not %s", in, describe(k))
		}
		if k.Tag == "!!merge" {
			return nil, p.errorf(k, "merge keys (<<) are not supported%s", in)
		}
		if len(known) > 0 && !contains(known, k.Value) {
			return nil, p.errorf(k, "unknown key %q%s (known: %s)", k.Value, in, strings.Join(known, ", "))
		}
		if line, dup := seen[k.Value]; dup {
			return nil, p.errorf(k, "duplicate key %q%s (first at line %d)", k.Value, in, line)
		}
		seen[k.Value] = k.Line
		fields = append(fields, field{k, v})
	}
	return fields, nil
}

// strings reads a list of non-empty strings; any scalar is read as its
// text. Null is no list.
func (p parser) strings(n *yaml.Node, path string) ([]string, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "%s must be a list of strings", path)
	}
	out := []string{}
	for i, item := range n.Content {
		item = resolve(item)
		if item.Kind != yaml.ScalarNode || isNull(item) {
			return nil, p.errorf(item, "%s must be a list of strings (item %d is %s)", path, i+1, describe(item))
		}
		if strings.TrimSpace(item.Value) == "" {
			return nil, p.errorf(item, "%s must be a list of non-empty strings (item %d is empty)", path, i+1)
		}
		out = append(out, item.Value)
	}
	return out, nil
}

// maxCustomValues bounds custom once aliases are expanded: a few aliases
// of aliases would otherwise make a small file expand into billions of
// values.
const maxCustomValues = 100_000

func (p parser) custom(n *yaml.Node) (map[string]any, error) {
	if n.Kind != yaml.MappingNode {
		return nil, p.errorf(n, "custom must be a mapping, not %s", describe(n))
	}
	c := converter{parser: p, budget: maxCustomValues, open: map[*yaml.Node]bool{}}
	v, err := c.value(n, "custom")
	if err != nil {
		return nil, err
	}
	return v.(map[string]any), nil
}

// converter turns custom into the JSON-like values OPA's store holds.
type converter struct {
	parser
	budget int                 // values left
	open   map[*yaml.Node]bool // collections being converted, to catch an alias inside itself
}

// value converts a node, with numbers as json.Number so that policies
// compare them exactly.
func (c *converter) value(n *yaml.Node, path string) (any, error) {
	p := c.parser
	n = resolve(n)
	if c.budget--; c.budget < 0 {
		return nil, p.errorf(n, "custom is too large (over %d values once aliases are expanded)", maxCustomValues)
	}
	if c.open[n] {
		return nil, p.errorf(n, "%s: an alias refers to the value that contains it", path)
	}
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		c.open[n] = true
		defer delete(c.open, n)
	}
	switch n.Kind {
	case yaml.MappingNode:
		fields, err := p.mapping(n, path)
		if err != nil {
			return nil, err
		}
		m := make(map[string]any, len(fields))
		for _, f := range fields {
			if m[f.key.Value], err = c.value(f.value, path+"."+f.key.Value); err != nil {
				return nil, err
			}
		}
		return m, nil
	case yaml.SequenceNode:
		list := make([]any, 0, len(n.Content))
		for i, item := range n.Content {
			v, err := c.value(item, fmt.Sprintf("%s[%d]", path, i))
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		return list, nil
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return nil, nil
		case "!!bool":
			return strings.EqualFold(n.Value, "true"), nil
		case "!!int", "!!float":
			num, ok := number(n.Value)
			if !ok {
				return nil, p.errorf(n, "%s: %s is not a finite number", path, n.Value)
			}
			return num, nil
		}
		return n.Value, nil
	}
	return nil, p.errorf(n, "%s: unexpected %s", path, describe(n))
}

var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// number spells a YAML number as JSON does (1_000, 0x1F, +1, .5 have no
// JSON spelling), exactly.
func number(text string) (json.Number, bool) {
	s := strings.ReplaceAll(text, "_", "")
	if jsonNumber.MatchString(s) {
		return json.Number(s), true
	}
	if i, ok := new(big.Int).SetString(s, 0); ok {
		return json.Number(i.String()), true
	}
	if d, err := decimal.NewFromString(s); err == nil {
		return json.Number(d.String()), true
	}
	return "", false
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// describe names a node's type for messages: `a mapping`, `the string
// "1"`, `null`, or a scalar's text.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "null"
		case "!!str":
			return fmt.Sprintf("the string %q", n.Value)
		}
		return n.Value
	}
	return "an alias"
}

func valueOf(fields []field, key string) *yaml.Node {
	for _, f := range fields {
		if f.key.Value == key {
			return f.value
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
