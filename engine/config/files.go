package config

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/tollgate-dev/tollgate/engine/source"
)

// topSchema lists the top-level blocks of a configuration file; those
// tollgate does not evaluate are accepted and ignored, as unknown ones
// are errors in Terraform too.
var topSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "terraform"},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "moved"},
	{Type: "import"},
	{Type: "removed"},
	{Type: "check", LabelNames: []string{"name"}},
	{Type: "ephemeral", LabelNames: []string{"type", "name"}},
	{Type: "action", LabelNames: []string{"type", "name"}},
}}

// rawBlock is a top-level block before override files are merged in.
type rawBlock struct {
	kind   string
	labels []string
	alias  string // provider blocks
	body   *body
	def    hcl.Range // the block header
	line   int       // the line users see the block on
}

// key identifies the block for duplicate and override checks.
func (b *rawBlock) key() string { return b.kind + " " + strings.Join(b.labels, ".") + "." + b.alias }

// parseFile parses one configuration file into its top-level blocks.
func parseFile(name string, src []byte) ([]*rawBlock, hcl.Diagnostics) {
	var (
		f     *hcl.File
		diags hcl.Diagnostics
	)
	native := !strings.HasSuffix(name, ".json")
	if native {
		f, diags = hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	} else {
		f, diags = hcljson.Parse(src, name)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	content, cdiags := f.Body.Content(topSchema)
	diags = append(diags, cdiags...)
	var out []*rawBlock
	for _, b := range content.Blocks {
		bd, bdiags := bodyOf(b.Body)
		diags = append(diags, bdiags...)
		line := b.DefRange.Start.Line // in JSON, the line of the block's name
		if native {
			line = b.TypeRange.Start.Line
		}
		out = append(out, &rawBlock{kind: b.Type, labels: b.Labels, body: bd, def: b.DefRange, line: line})
	}
	return out, diags
}

// readBlocks reads and parses the configuration files of a directory and
// merges its override files into the primary blocks. It returns the
// blocks in file order (every local value in one locals block) and how
// many configuration files the directory has; syntax and duplicate
// errors go to ps.
func readBlocks(fsys fs.FS, dir string, ps *problems) (blocks []*rawBlock, files int, err error) {
	primary, override, err := source.Files(fsys, dir)
	if err != nil {
		return nil, 0, err
	}
	byKey := map[string]*rawBlock{}
	locals := map[string]*hcl.Attribute{}
	var localsBlock *rawBlock
	for i, name := range append(primary, override...) {
		isOverride := i >= len(primary)
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, 0, fmt.Errorf("read %s: %w", name, err)
		}
		parsed, diags := parseFile(name, src)
		ps.add(diags)
		for _, b := range parsed {
			if b.kind == "locals" {
				for n, a := range b.body.attrs {
					if prev, dup := locals[n]; dup && !isOverride {
						ps.errorAt(a.NameRange, "Duplicate local value definition", fmt.Sprintf("A local value named %q was already defined at %s. Local value names must be unique within a module.", n, rangeString(prev.NameRange)))
						continue
					}
					locals[n] = a
				}
				if localsBlock == nil {
					localsBlock = &rawBlock{kind: "locals", body: &body{attrs: locals}, def: b.def, line: b.line}
					blocks = append(blocks, localsBlock)
				}
				continue
			}
			if b.kind == "provider" {
				b.alias = staticAlias(b.body)
			}
			k := b.key()
			prev, dup := byKey[k]
			switch {
			case isOverride && dup:
				prev.body.override(b.body)
			case isOverride:
				ps.errorAt(b.def, "Missing base block for override", fmt.Sprintf("There is no %s block %s for %s to override.", b.kind, strings.Join(quoted(b.labels), " "), name))
			case dup && (b.kind == "terraform" || b.kind == "moved" || b.kind == "import" || b.kind == "removed"):
				blocks = append(blocks, b) // repeatable blocks
			case dup:
				ps.errorAt(b.def, "Duplicate "+b.kind+" block", fmt.Sprintf("A %s block %s was already declared at %s.", b.kind, strings.Join(quoted(b.labels), " "), rangeString(prev.def)))
			default:
				byKey[k] = b
				blocks = append(blocks, b)
			}
		}
	}
	return blocks, len(primary) + len(override), nil
}

// staticAlias returns a provider block's alias argument, "" when none.
func staticAlias(b *body) string {
	a := b.attrs["alias"]
	if a == nil {
		return ""
	}
	if kw := hcl.ExprAsKeyword(a.Expr); kw != "" {
		return kw
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() || !v.Type().Equals(cty.String) {
		return ""
	}
	return v.AsString()
}

func quoted(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

func rangeString(r hcl.Range) string {
	return fmt.Sprintf("%s:%d", r.Filename, r.Start.Line)
}
