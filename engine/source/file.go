package source

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// Block kinds tollgate indexes.
const (
	kindResource = "resource"
	kindData     = "data"
	kindModule   = "module"
)

var blockSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: kindResource, LabelNames: []string{"type", "name"}},
	{Type: kindData, LabelNames: []string{"type", "name"}},
	{Type: kindModule, LabelNames: []string{"name"}},
}}

var moduleSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "source"}}}

// block is one resource, data or module block of a file.
type block struct {
	kind       string
	step       string // "type.name", "data.type.name" or "module.name"
	loc        change.Location
	source     string   // module blocks: the source argument
	hasSource  bool     // source is a literal string
	directives []string // tollgate comments on the block
	lines      []int    // line of each directive
}

// file is what tollgate reads of one configuration file.
type file struct {
	blocks []block
	stray  []int // lines of tollgate comments on no indexed block
}

// SyntaxError is a configuration file that does not parse.
type SyntaxError struct {
	File    string // slash-separated, relative to the configuration root
	Line    int    // 1-based; 0 when HCL gave no position
	Column  int
	Summary string
	Detail  string
}

// Error renders the problem on one line: file:line:col: summary; detail.
func (e *SyntaxError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	b.WriteString(e.Summary)
	if e.Detail != "" {
		b.WriteString("; ")
		b.WriteString(e.Detail)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// parseFile reads the blocks of one .tf or .tf.json file, and the tollgate
// comments of a native-syntax file.
func parseFile(name string, src []byte) (*file, []*SyntaxError) {
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
	if errs := syntaxErrors(name, diags); len(errs) > 0 {
		return nil, errs
	}
	// Blocks with the wrong number of labels are Terraform's to report;
	// they are left out of the index.
	content, _, _ := f.Body.PartialContent(blockSchema)
	out := &file{}
	var spans []span
	for _, b := range content.Blocks {
		if !validLabels(b.Labels) {
			continue // Terraform rejects the block; it has no address
		}
		// In JSON the block's own line is its name's: "web": {
		line := b.DefRange.Start.Line
		if native {
			line = b.TypeRange.Start.Line
		}
		blk := block{kind: b.Type, loc: change.Location{File: name, Line: line}}
		switch b.Type {
		case kindModule:
			blk.step = "module." + b.Labels[0]
			args, _, _ := b.Body.PartialContent(moduleSchema)
			if a, ok := args.Attributes["source"]; ok {
				blk.source, blk.hasSource = literalString(a.Expr)
			}
		case kindData:
			blk.step = "data." + b.Labels[0] + "." + b.Labels[1]
		default:
			blk.step = b.Labels[0] + "." + b.Labels[1]
		}
		if body, ok := b.Body.(*hclsyntax.Body); ok {
			spans = append(spans, span{start: b.TypeRange.Start, end: body.SrcRange.End})
		}
		out.blocks = append(out.blocks, blk)
	}
	if native {
		attach(out, spans, src, name)
	}
	// Terraform's block order within a file is source order; keep it so
	// that the first of two duplicate blocks wins, as in Terraform's error.
	sort.SliceStable(out.blocks, func(i, j int) bool { return out.blocks[i].loc.Line < out.blocks[j].loc.Line })
	return out, nil
}

// validLabels reports whether every label is a Terraform name.
func validLabels(labels []string) bool {
	for _, l := range labels {
		if !hclsyntax.ValidIdentifier(l) {
			return false
		}
	}
	return true
}

// literalString returns the value of a constant string expression.
func literalString(expr hcl.Expression) (string, bool) {
	v, diags := expr.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

func syntaxErrors(name string, diags hcl.Diagnostics) []*SyntaxError {
	var errs []*SyntaxError
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		e := &SyntaxError{File: name, Summary: d.Summary, Detail: d.Detail}
		if d.Subject != nil {
			e.Line, e.Column = d.Subject.Start.Line, d.Subject.Start.Column
		}
		errs = append(errs, e)
	}
	return errs
}
