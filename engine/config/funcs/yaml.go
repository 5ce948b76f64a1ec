package funcs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
	"time"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"go.yaml.in/yaml/v3"
)

// maxYAMLNodes bounds the values one yamldecode call builds, so that
// nested aliases ("billion laughs") cannot exhaust memory.
const maxYAMLNodes = 1_000_000

// maxYAMLDepth bounds nesting, and so the decoder's recursion.
const maxYAMLDepth = 10_000

// yamlDecodeFunc turns YAML into the values Terraform gives: mappings
// become objects, sequences tuples, and timestamps RFC 3339 strings.
var yamlDecodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "src", Type: cty.String}},
	Type:   function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, err := yamlDecode(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		return v, nil
	},
})

func yamlDecode(src string) (cty.Value, error) {
	dec := yaml.NewDecoder(strings.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return cty.NullVal(cty.DynamicPseudoType), nil
		}
		return cty.NilVal, fmt.Errorf("invalid YAML: %w", err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return cty.NilVal, errors.New("the YAML holds more than one document; yamldecode reads exactly one")
	}
	d := yamlDecoder{open: map[*yaml.Node]bool{}}
	return d.value(&doc, 0)
}

type yamlDecoder struct {
	nodes int
	open  map[*yaml.Node]bool // anchored nodes being converted
}

func (d *yamlDecoder) value(n *yaml.Node, depth int) (cty.Value, error) {
	if err := d.count(depth); err != nil {
		return cty.NilVal, err
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return cty.NullVal(cty.DynamicPseudoType), nil
		}
		return d.value(n.Content[0], depth+1)
	case yaml.AliasNode:
		if d.open[n.Alias] {
			return cty.NilVal, fmt.Errorf("line %d: cannot refer to anchor %q from inside its own definition", n.Line, n.Value)
		}
		return d.value(n.Alias, depth+1)
	}
	if n.Anchor != "" {
		d.open[n] = true
		defer delete(d.open, n)
	}
	if err := checkTag(n); err != nil {
		return cty.NilVal, err
	}
	switch n.Kind {
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			return cty.EmptyTupleVal, nil
		}
		vs := make([]cty.Value, len(n.Content))
		for i, c := range n.Content {
			v, err := d.value(c, depth+1)
			if err != nil {
				return cty.NilVal, err
			}
			vs[i] = v
		}
		return cty.TupleVal(vs), nil
	case yaml.MappingNode:
		attrs := map[string]cty.Value{}
		if err := d.mapping(n, attrs, depth); err != nil {
			return cty.NilVal, err
		}
		return cty.ObjectVal(attrs), nil
	}
	return yamlScalar(n)
}

func (d *yamlDecoder) count(depth int) error {
	d.nodes++
	if d.nodes > maxYAMLNodes || depth > maxYAMLDepth {
		return errors.New("the YAML is too large or too deeply nested")
	}
	return nil
}

// mapping adds n's pairs to attrs; a "<<" merge key adds the pairs of
// the mappings it names without overriding keys written out.
func (d *yamlDecoder) mapping(n *yaml.Node, attrs map[string]cty.Value, depth int) error {
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			merges = append(merges, v)
			continue
		}
		if k.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: only scalar mapping keys are supported", k.Line)
		}
		val, err := d.value(v, depth+1)
		if err != nil {
			return err
		}
		attrs[k.Value] = val
	}
	for _, m := range merges {
		if err := d.merge(m, attrs, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func (d *yamlDecoder) merge(m *yaml.Node, attrs map[string]cty.Value, depth int) error {
	if err := d.count(depth); err != nil {
		return err
	}
	for m.Kind == yaml.AliasNode {
		if d.open[m.Alias] {
			return fmt.Errorf("line %d: cannot refer to anchor %q from inside its own definition", m.Line, m.Value)
		}
		m = m.Alias
	}
	if m.Anchor != "" {
		d.open[m] = true
		defer delete(d.open, m)
	}
	switch m.Kind {
	case yaml.MappingNode:
		from := map[string]cty.Value{}
		if err := d.mapping(m, from, depth); err != nil {
			return err
		}
		for k, v := range from {
			if _, ok := attrs[k]; !ok {
				attrs[k] = v
			}
		}
		return nil
	case yaml.SequenceNode:
		for _, c := range m.Content {
			if err := d.merge(c, attrs, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("line %d: a merge key (<<) must refer to a mapping or a list of mappings", m.Line)
}

func yamlScalar(n *yaml.Node) (cty.Value, error) {
	switch n.ShortTag() {
	case "!!null":
		return cty.NullVal(cty.DynamicPseudoType), nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err != nil {
			return cty.NilVal, fmt.Errorf("line %d: %w", n.Line, err)
		}
		return cty.BoolVal(b), nil
	case "!!int":
		var i big.Int
		if _, ok := i.SetString(strings.ReplaceAll(n.Value, "_", ""), 0); ok {
			return cty.NumberVal(new(big.Float).SetInt(&i)), nil
		}
		return cty.NilVal, fmt.Errorf("line %d: invalid integer %q", n.Line, n.Value)
	case "!!float":
		return yamlFloat(n)
	case "!!binary":
		// Terraform keeps the base64 text: the bytes need not be text.
		return cty.StringVal(strings.Join(strings.Fields(n.Value), "")), nil
	case "!!timestamp":
		var t time.Time
		if err := n.Decode(&t); err != nil {
			return cty.NilVal, fmt.Errorf("line %d: %w", n.Line, err)
		}
		return cty.StringVal(t.Format(time.RFC3339Nano)), nil
	}
	return cty.StringVal(n.Value), nil
}

// checkTag rejects tags outside YAML's core schema, such as
// CloudFormation's !Ref: their meaning is the application's.
func checkTag(n *yaml.Node) error {
	switch n.ShortTag() {
	case "!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!binary", "!!map", "!!seq", "!!merge":
		return nil
	}
	if n.Tag == "!" {
		return nil
	}
	return fmt.Errorf("line %d: unsupported tag %q", n.Line, n.Tag)
}

func yamlFloat(n *yaml.Node) (cty.Value, error) {
	switch strings.ToLower(strings.TrimPrefix(n.Value, "+")) {
	case ".inf":
		return cty.PositiveInfinity, nil
	case "-.inf":
		return cty.NegativeInfinity, nil
	case ".nan":
		return cty.NilVal, fmt.Errorf("line %d: NaN cannot be represented as a number", n.Line)
	}
	// Parse the text itself: going through float64 would round decimals.
	if v, err := cty.ParseNumberVal(strings.ReplaceAll(n.Value, "_", "")); err == nil {
		return v, nil
	}
	var f float64
	if err := n.Decode(&f); err != nil {
		return cty.NilVal, fmt.Errorf("line %d: %w", n.Line, err)
	}
	return cty.NumberFloatVal(f), nil
}

// yamlEncodeFunc writes YAML as Terraform does: strings double-quoted,
// keys sorted, sequences not indented under their key.
var yamlEncodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name:             "value",
		Type:             cty.DynamicPseudoType,
		AllowNull:        true,
		AllowDynamicType: true,
	}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if !args[0].IsWhollyKnown() {
			return cty.UnknownVal(cty.String), nil
		}
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		enc.CompactSeqIndent()
		if err := enc.Encode(yamlNode(args[0])); err != nil {
			return cty.NilVal, fmt.Errorf("encode YAML: %w", err)
		}
		if err := enc.Close(); err != nil {
			return cty.NilVal, fmt.Errorf("encode YAML: %w", err)
		}
		return cty.StringVal(b.String()), nil
	},
})

func yamlNode(v cty.Value) *yaml.Node {
	ty := v.Type()
	switch {
	case v.IsNull():
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	case ty == cty.String:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.AsString(), Style: yaml.DoubleQuotedStyle}
	case ty == cty.Bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(v.True())}
	case ty == cty.Number:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: yamlNumberTag(v), Value: yamlNumber(v)}
	case ty.IsListType(), ty.IsSetType(), ty.IsTupleType():
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			n.Content = append(n.Content, yamlNode(e))
		}
		if len(n.Content) == 0 {
			n.Style = yaml.FlowStyle
		}
		return n
	}
	// Maps and objects both iterate in key order.
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		n.Content = append(n.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k.AsString(), Style: yaml.DoubleQuotedStyle},
			yamlNode(e))
	}
	if len(n.Content) == 0 {
		n.Style = yaml.FlowStyle
	}
	return n
}

func yamlNumber(v cty.Value) string {
	f := v.AsBigFloat()
	switch {
	case f.IsInf() && f.Sign() > 0:
		return ".inf"
	case f.IsInf():
		return "-.inf"
	}
	return f.Text('f', -1)
}

func yamlNumberTag(v cty.Value) string {
	if v.AsBigFloat().IsInt() {
		return "!!int"
	}
	return "!!float"
}
