package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/report"
)

// outputFormat is one value of --format and how it renders a T.
type outputFormat[T any] struct {
	name   string
	render func(w io.Writer, v T, o renderOptions) error
}

// renderOptions are what a few formats need beyond the result.
type renderOptions struct {
	color bool
	// root is the configuration's directory relative to the repository
	// (GitLab Code Quality paths); config is where findings without a
	// location point (tollgate.yml).
	root, config string
}

var estimateFormats = []outputFormat[*engine.Estimate]{
	{"table", func(w io.Writer, est *engine.Estimate, o renderOptions) error {
		return report.Table(w, est, report.TableOptions{Color: o.color})
	}},
	{"json", func(w io.Writer, est *engine.Estimate, _ renderOptions) error { return report.JSON(w, est) }},
	{"markdown", func(w io.Writer, est *engine.Estimate, _ renderOptions) error { return report.Markdown(w, est) }},
}

var checkFormats = []outputFormat[*engine.Result]{
	{"table", func(w io.Writer, res *engine.Result, o renderOptions) error {
		return report.CheckTable(w, res, report.TableOptions{Color: o.color})
	}},
	{"json", func(w io.Writer, res *engine.Result, _ renderOptions) error { return report.CheckJSON(w, res) }},
	{"markdown", func(w io.Writer, res *engine.Result, _ renderOptions) error { return report.CheckMarkdown(w, res) }},
	{"sarif", func(w io.Writer, res *engine.Result, _ renderOptions) error {
		return report.SARIF(w, res, report.SARIFOptions{ToolVersion: version})
	}},
	{"junit", func(w io.Writer, res *engine.Result, _ renderOptions) error { return report.JUnit(w, res) }},
	{"github", func(w io.Writer, res *engine.Result, _ renderOptions) error { return report.GitHub(w, res) }},
	{"gitlab-codequality", func(w io.Writer, res *engine.Result, o renderOptions) error {
		return report.GitLabCodeQuality(w, res, report.CodeQualityOptions{Root: o.root, Unlocated: o.config})
	}},
	{"gitlab-terraform", func(w io.Writer, res *engine.Result, _ renderOptions) error { return report.TerraformReport(w, res) }},
}

// pickFormat finds --format's renderer, or says which formats there are.
func pickFormat[T any](formats []outputFormat[T], name string) (outputFormat[T], error) {
	for _, f := range formats {
		if f.name == name {
			return f, nil
		}
	}
	return outputFormat[T]{}, fmt.Errorf("unknown --format %q: use %s", name, formatNames(formats))
}

// formatNames lists the formats for messages: "table, json or markdown".
func formatNames[T any](formats []outputFormat[T]) string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
