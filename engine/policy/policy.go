// Package policy evaluates Rego policies with an embedded OPA: it loads and
// compiles every policy once (type-checked against the input schema,
// without network or runtime builtins), then evaluates the rules of the
// tollgate contract (deny, warn, info and deny_*/warn_*/info_* in package
// main or under tollgate.) against an input document, and turns their
// results into Findings.
package policy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown/print"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// Severity is how much a finding matters.
type Severity string

// Severities, most severe first.
const (
	Deny Severity = "deny"
	Warn Severity = "warn"
	Info Severity = "info"
)

func (s Severity) rank() int {
	switch s {
	case Deny:
		return 0
	case Warn:
		return 1
	}
	return 2
}

// Finding is one result of one rule.
type Finding struct {
	Rule        string
	Severity    Severity
	Message     string
	Address     string           // the resource it is about, "" for the change as a whole
	Location    *change.Location // of the resource block, when known (set by the caller)
	Title       string           // from the rule's METADATA
	Description string
	Policy      string // file:row of the rule that produced it
}

// SortFindings orders findings by severity, rule, address and message.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Severity != b.Severity {
			return a.Severity.rank() < b.Severity.rank()
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Address != b.Address {
			return a.Address < b.Address
		}
		return a.Message < b.Message
	})
}

// Source is a tree of policy files: the built-in guardrails, or a --policy
// directory. Name prefixes file names in messages.
type Source struct {
	Name string
	FS   fs.FS
}

// Options configure Load.
type Options struct {
	// Schema is the JSON Schema of the input document; policies are
	// type-checked against it.
	Schema []byte
	// Data is the data document (data.tollgate.config, ...).
	Data map[string]any
	// RegoVersion forces the syntax of every policy file: "v0" or "v1".
	// Empty detects it per file: v1, else v0 when only that parses.
	RegoVersion string
	// Print receives the output of print() calls; nil discards it.
	Print io.Writer
}

// Engine is a compiled set of policies, ready to evaluate many inputs.
type Engine struct {
	rules []Rule
	// groups are the rules' prepared queries, one per rule, so that the
	// cores can share the rules out as they finish them.
	groups []group
}

type group struct {
	rules []Rule
	query rego.PreparedEvalQuery
}

// Load parses and compiles every .rego file (tests excepted) of the
// sources. A policy that does not parse or compile is an error naming the
// file and row.
func Load(ctx context.Context, sources []Source, opts Options) (*Engine, error) {
	modules, err := parse(sources, opts.RegoVersion, false)
	if err != nil {
		return nil, err
	}
	compiler, err := compile(modules, opts.Schema)
	if err != nil {
		return nil, err
	}
	rules, err := discover(compiler)
	if err != nil {
		return nil, err
	}
	e := &Engine{rules: rules}
	store := inmem.NewFromObject(dataOrEmpty(opts.Data))
	out := opts.Print
	if out == nil {
		out = io.Discard
	}
	hook := &printer{w: out}
	for _, r := range rules {
		grp := group{rules: []Rule{r}}
		grp.query, err = rego.New(
			rego.Compiler(compiler),
			rego.ParsedQuery(queryOf(grp.rules)),
			rego.Store(store),
			rego.StrictBuiltinErrors(true),
			rego.EnablePrintStatements(true),
			rego.PrintHook(hook),
			rego.Capabilities(Capabilities()),
		).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("prepare policies: %w", err)
		}
		e.groups = append(e.groups, grp)
	}
	return e, nil
}

// printer writes print() output of policies, one line per call, with the
// file:row of the call; rule groups print at the same time.
type printer struct {
	mu sync.Mutex
	w  io.Writer
}

func (p *printer) Print(ctx print.Context, msg string) error {
	where := ""
	if ctx.Location != nil {
		where = fmt.Sprintf("%s:%d: ", ctx.Location.File, ctx.Location.Row)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	_, err := fmt.Fprintf(p.w, "%s%s\n", where, msg)
	return err
}

func dataOrEmpty(d map[string]any) map[string]any {
	if d == nil {
		return map[string]any{}
	}
	return d
}

// Rules lists the contract rules the policies define, sorted.
func (e *Engine) Rules() []Rule { return e.rules }

// Evaluate runs every rule against the input and returns the findings,
// sorted. now is the time time.now_ns() returns. Every core takes the next
// rule not yet evaluated until none is left; the input is only read.
func (e *Engine) Evaluate(ctx context.Context, input ast.Value, now time.Time) ([]Finding, error) {
	results := make([][]Finding, len(e.groups))
	errs := make([]error, len(e.groups))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(e.groups)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for g := int(next.Add(1) - 1); g < len(e.groups); g = int(next.Add(1) - 1) {
				results[g], errs[g] = e.groups[g].evaluate(ctx, input, now)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var findings []Finding
	for _, fs := range results {
		findings = append(findings, fs...)
	}
	SortFindings(findings)
	return findings, nil
}

func (g group) evaluate(ctx context.Context, input ast.Value, now time.Time) ([]Finding, error) {
	rs, err := g.query.Eval(ctx, rego.EvalParsedInput(input), rego.EvalTime(now))
	if err != nil {
		return nil, fmt.Errorf("evaluate policies: %w", err)
	}
	var findings []Finding
	for _, result := range rs {
		for i, r := range g.rules {
			v, ok := result.Bindings[bindingName(i)]
			if !ok {
				continue
			}
			fs, err := r.findings(v)
			if err != nil {
				return nil, err
			}
			findings = append(findings, fs...)
		}
	}
	return findings, nil
}

// parse reads the .rego files of the sources. tests selects *_test.rego
// files too (for policy test).
func parse(sources []Source, version string, tests bool) (map[string]*ast.Module, error) {
	modules := map[string]*ast.Module{}
	for _, src := range sources {
		err := fs.WalkDir(src.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || path.Ext(p) != ".rego" || (!tests && strings.HasSuffix(p, "_test.rego")) {
				return nil
			}
			data, err := fs.ReadFile(src.FS, p)
			if err != nil {
				return err
			}
			name := path.Join(src.Name, p)
			m, err := parseModule(name, string(data), version)
			if err != nil {
				return err
			}
			modules[name] = m
			return nil
		})
		var perr *Error
		if errors.As(err, &perr) {
			return nil, perr
		}
		if err != nil {
			return nil, fmt.Errorf("read policies %s: %w", src.Name, err)
		}
	}
	return modules, nil
}

// parseModule parses one file as Rego v1, or v0 when that is what it is.
func parseModule(name, src, version string) (*ast.Module, error) {
	parse := func(v ast.RegoVersion) (*ast.Module, error) {
		return ast.ParseModuleWithOpts(name, src, ast.ParserOptions{ProcessAnnotation: true, RegoVersion: v})
	}
	switch version {
	case "v0":
		return parse(ast.RegoV0)
	case "v1":
		return parse(ast.RegoV1)
	case "":
	default:
		return nil, fmt.Errorf("unknown Rego version %q: use v0 or v1", version)
	}
	m, err := parse(ast.RegoV1)
	if err == nil {
		return m, nil
	}
	if m0, err0 := parse(ast.RegoV0); err0 == nil {
		return m0, nil
	}
	return nil, &Error{errs: asErrors(err)}
}

// compile compiles the modules with tollgate's capabilities, type-checked
// against the input schema.
func compile(modules map[string]*ast.Module, schema []byte) (*ast.Compiler, error) {
	c := ast.NewCompiler().
		WithCapabilities(Capabilities()).
		WithEnablePrintStatements(true).
		WithUseTypeCheckAnnotations(true)
	if len(schema) > 0 {
		ss, err := schemaSet(schema)
		if err != nil {
			return nil, err
		}
		c = c.WithSchemas(ss)
	}
	if c.Compile(modules); c.Failed() {
		return nil, &Error{errs: c.Errors}
	}
	return c, nil
}

// Error is a policy that does not parse or compile: OPA's messages, each
// with file:row.
type Error struct{ errs ast.Errors }

func (e *Error) Error() string { return strings.Join(e.Lines(), "\n") }

// Lines are the messages, one per problem, sorted by file and row.
func (e *Error) Lines() []string {
	errs := append(ast.Errors(nil), e.errs...)
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i].Location, errs[j].Location
		if a == nil || b == nil {
			return b != nil
		}
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Row < b.Row
	})
	lines := make([]string, 0, len(errs))
	for _, err := range errs {
		msg := err.Message
		if err.Location != nil {
			msg = fmt.Sprintf("%s:%d: %s: %s", err.Location.File, err.Location.Row, err.Code, err.Message)
		}
		lines = append(lines, msg)
	}
	return lines
}

func asErrors(err error) ast.Errors {
	if errs, ok := err.(ast.Errors); ok {
		return errs
	}
	return ast.Errors{ast.NewError(ast.ParseErr, nil, "%s", err.Error())}
}

// storeOf is a data store for the policy tester.
func storeOf(data map[string]any) storage.Store {
	return inmem.NewFromObject(dataOrEmpty(data))
}
