package config

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Error is a configuration that cannot be read or evaluated: every
// problem found, each with its position, the way hcl reports it.
type Error struct {
	Problems []Problem // sorted by file, line and column
}

// Problem is one error in a configuration file.
type Problem struct {
	File         string // as the user knows it: Options.Dir joined with the file's path in the configuration
	Line, Column int    // 1-based; 0 when there is no position
	Summary      string
	Detail       string
}

// String renders the problem on one line: file:line:col: summary; detail.
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d:%d", p.Line, p.Column)
		}
		b.WriteString(": ")
	}
	b.WriteString(p.Summary)
	if p.Detail != "" {
		b.WriteString("; ")
		b.WriteString(p.Detail)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func (e *Error) Error() string { return strings.Join(e.Lines(), "\n") }

// Lines are the problems, one line each, in order.
func (e *Error) Lines() []string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return lines
}

// problems collects the errors of one Load, once each.
type problems struct {
	dir      string          // Options.Dir, prefixed to configuration file names
	external map[string]bool // files named as the user gave them (--var-file)
	list     []Problem
	seen     map[Problem]bool
}

// add records the errors among diags (warnings are Terraform's to give).
func (ps *problems) add(diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		p := Problem{Summary: d.Summary, Detail: d.Detail}
		if d.Subject != nil {
			p.File = ps.file(d.Subject.Filename)
			p.Line, p.Column = d.Subject.Start.Line, d.Subject.Start.Column
		}
		ps.addProblem(p)
	}
}

// errorAt records one error at a range.
func (ps *problems) errorAt(rng hcl.Range, summary, detail string) {
	ps.add(hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: rng.Ptr()}})
}

func (ps *problems) addProblem(p Problem) {
	if ps.seen == nil {
		ps.seen = map[Problem]bool{}
	}
	if ps.seen[p] {
		return
	}
	ps.seen[p] = true
	ps.list = append(ps.list, p)
}

// file names a configuration file for the user.
func (ps *problems) file(name string) string {
	if name == "" || strings.HasPrefix(name, "<") || ps.external[name] || ps.dir == "" || ps.dir == "." {
		return name
	}
	return path.Join(ps.dir, name)
}

// err returns the problems as an *Error, nil when there are none.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	list := append([]Problem(nil), ps.list...)
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return &Error{Problems: list}
}
