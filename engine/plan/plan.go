// Package plan reads Terraform and OpenTofu plans in the JSON form printed
// by `terraform show -json` (format versions 0.x and 1.x) into the change
// model. It takes bytes, never files or the environment, and reports every
// problem as an *Error naming the file and, where known, line and column.
package plan

import (
	"bytes"
	"path/filepath"
	"regexp"
	"slices"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/provider"
)

// Options are what the caller knows about the run beyond the plan.
type Options = provider.Options

// DefaultRegion is assumed for AWS resources that nothing gives a region.
const DefaultRegion = provider.DefaultRegion

// supportedFormat matches the plan format versions tollgate reads: every
// 0.x and 1.x (minor versions only add fields).
var supportedFormat = regexp.MustCompile(`^[01]\.[0-9]+$`)

// document is the part of a plan tollgate uses. The top level is split by
// the scanner rather than decoded as a tfjson.Plan: that rejects errored
// plans whose prior_state is {}, and would decode planned_values and
// prior_state, which repeat the resource changes and double the work.
type document struct {
	FormatVersion    string
	TerraformVersion string
	Variables        map[string]*tfjson.PlanVariable
	Errored          bool
	formatAt         int // offset of the format_version value
	// config and changes are the extents of the configuration and of the
	// resource_changes elements, decoded later in parallel.
	config  [2]int
	changes [][2]int
	has     map[string]bool // top-level keys present
}

type parser struct {
	name string
	opts Options
	text []byte // the plan as UTF-8; offsets in errors refer to it
	cfg  *config
}

// Parse reads the plan JSON in data; name is the file as the user gave
// it, for messages. Every error is an *Error.
func Parse(name string, data []byte, opts Options) (*change.Set, error) {
	p := &parser{name: name, opts: opts}
	doc, err := p.document(data)
	if err != nil {
		return nil, err
	}
	res, notes, err := p.resources(doc)
	if err != nil {
		return nil, err
	}
	if doc.Errored {
		notes = append(notes, "the plan errored, so it may be incomplete: fix the errors Terraform reported and plan again")
	}
	return &change.Set{
		Source:           name,
		FormatVersion:    doc.FormatVersion,
		TerraformVersion: doc.TerraformVersion,
		Resources:        res,
		Notes:            slices.Compact(slices.Sorted(slices.Values(notes))),
	}, nil
}

// document checks that data is one plan JSON object and splits it.
func (p *parser) document(data []byte) (*document, error) {
	if bytes.HasPrefix(data, zipMagic) {
		out := "plan.json"
		if filepath.Base(p.name) == out {
			out = "plan-show.json" // never suggest overwriting the binary plan
		}
		return nil, p.errorf("this is a binary plan file (from `terraform plan -out`), not JSON: run `terraform show -json %s > %s` and pass %s", p.name, out, out)
	}
	text, err := utf8Text(data)
	if err != nil {
		return nil, &Error{File: p.name, Msg: "cannot decode the UTF-16 text: " + err.Error(), Err: err}
	}
	p.text = text
	start := jsonStart(text)
	if start >= len(text) {
		if len(bytes.TrimSpace(text)) > 0 {
			return nil, p.errorf("holds only setup-terraform wrapper lines, no plan JSON: set `terraform_wrapper: false` in hashicorp/setup-terraform and %s", regenerate)
		}
		return nil, p.errorf("the file is empty: %s", regenerate)
	}
	if text[start] != '{' {
		if _, err := skipValue(text, start); err != nil {
			return nil, p.syntax(err)
		}
		return nil, p.errorAt(start, nil, "expected a JSON object, found %s: %s", kindOf(text[start]), regenerate)
	}
	members, end, err := objectMembers(text, start, func(key string) bool { return key == "resource_changes" })
	if err != nil {
		return nil, p.syntax(err)
	}
	doc := &document{has: map[string]bool{}}
	for _, m := range members {
		doc.has[m.key] = true
	}
	if doc.has["@level"] || doc.has["@message"] {
		return nil, p.errorf("this is the log of `terraform plan -json`, not a plan: run `terraform plan -out=PLANFILE`, then `terraform show -json PLANFILE > plan.json` and pass plan.json")
	}
	if tail := wrapperTail(text, end); tail < len(text) {
		return nil, p.errorAt(tail, nil, "unexpected data after the end of the JSON document: the file must hold exactly one JSON object; %s", regenerate)
	}
	for _, m := range members {
		if err := p.member(doc, m); err != nil {
			return nil, err
		}
	}
	if err := p.kind(doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// member reads one top-level member the model needs; later members win,
// as in encoding/json.
func (p *parser) member(doc *document, m member) error {
	var err error
	top := obj{m: map[string]any{}, err: &err}
	switch m.key {
	case "format_version", "terraform_version", "errored", "variables":
		top.m[m.key], _ = newDecoder(p.text).value(m.start)
	case "configuration":
		doc.config = [2]int{m.start, m.end}
		return nil
	case "resource_changes":
		if p.text[m.start] != '[' && p.text[m.start] != 'n' {
			return p.shape(m.start, &shapeError{path: m.key, got: kindOf(p.text[m.start]), want: "an array"})
		}
		doc.changes = m.elems
		return nil
	default:
		return nil
	}
	switch m.key {
	case "format_version":
		doc.FormatVersion, doc.formatAt = top.str(m.key), m.start
	case "terraform_version":
		doc.TerraformVersion = top.str(m.key)
	case "errored":
		doc.Errored = top.boolean(m.key)
	case "variables":
		doc.Variables, err = readVariables(top.m[m.key])
	}
	if err != nil {
		return p.shape(m.start, err)
	}
	return nil
}

// kind rejects documents that are JSON but not a plan tollgate reads.
func (p *parser) kind(doc *document) error {
	has := doc.has
	isPlan := has["planned_values"] || has["resource_changes"]
	switch {
	case has["values"] && !isPlan:
		return p.errorf("this file is a Terraform state, not a plan: %s", regenerate)
	case !has["format_version"] && (has["lineage"] || has["serial"]):
		return p.errorf("this file is a Terraform state file (terraform.tfstate), not a plan: %s", regenerate)
	case !has["format_version"]:
		return p.errorf("no format_version: this is not the output of `terraform show -json`; %s", regenerate)
	case !supportedFormat.MatchString(doc.FormatVersion):
		return p.errorAt(doc.formatAt, nil, "unsupported plan format_version %q: tollgate reads 0.x and 1.x (Terraform 0.12 and later, OpenTofu); upgrade tollgate, or make the plan with a Terraform version it supports", doc.FormatVersion)
	case !isPlan && !has["configuration"] && !has["prior_state"]:
		return p.errorf("no planned_values or resource_changes: this is not a Terraform plan; %s", regenerate)
	}
	return nil
}

func kindOf(c byte) string {
	switch {
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "a bool"
	case c == 'n':
		return "null"
	case c == '{':
		return "an object"
	}
	return "a number"
}

func isAWS(p string) bool { return provider.IsAWS(p) }
