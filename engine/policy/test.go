package policy

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestOptions configure Test.
type TestOptions struct {
	Schema      []byte
	Data        map[string]any
	RegoVersion string
	Coverage    bool
	Filter      string // regular expression over test names; empty runs all
}

// TestResult is the outcome of one Rego test (a test_* rule).
type TestResult struct {
	Name     string // package.test_name
	File     string
	Row      int
	Pass     bool
	Skip     bool
	Error    string // evaluation error, when the test could not run
	Output   string // print() output
	Duration time.Duration
}

// FileCoverage is the line coverage of one policy file by its tests.
type FileCoverage struct {
	File                string
	Covered, NotCovered int
	Percent             float64
}

// TestReport is the outcome of a test run.
type TestReport struct {
	Results  []TestResult   // sorted by file and row
	Coverage []FileCoverage // sorted by file; only with TestOptions.Coverage
}

// Location is where the test is, as file:row.
func (t TestResult) Location() string { return fmt.Sprintf("%s:%d", t.File, t.Row) }

// Failed reports whether a test failed or errored.
func (r *TestReport) Failed() bool {
	for _, t := range r.Results {
		if !t.Pass && !t.Skip {
			return true
		}
	}
	return false
}

// Test runs the *_test.rego tests of the sources, as `opa test` does,
// with tollgate's capabilities and input schema.
func Test(ctx context.Context, sources []Source, opts TestOptions) (*TestReport, error) {
	modules, err := parse(sources, opts.RegoVersion, true)
	if err != nil {
		return nil, err
	}
	c := ast.NewCompiler().
		WithCapabilities(Capabilities()).
		WithEnablePrintStatements(true).
		WithUseTypeCheckAnnotations(true)
	if len(opts.Schema) > 0 {
		ss, err := schemaSet(opts.Schema)
		if err != nil {
			return nil, err
		}
		c = c.WithSchemas(ss)
	}
	runner := tester.NewRunner().
		SetCompiler(c).
		SetStore(storeOf(opts.Data)).
		CapturePrintOutput(true).
		RaiseBuiltinErrors(true).
		Filter(opts.Filter)
	var cov *cover.Cover
	if opts.Coverage {
		cov = cover.New()
		runner = runner.SetCoverageQueryTracer(cov)
	}
	ch, err := runner.Run(ctx, modules)
	if err != nil {
		if errs, ok := err.(ast.Errors); ok {
			return nil, &Error{errs: errs}
		}
		return nil, fmt.Errorf("run policy tests: %w", err)
	}
	report := &TestReport{}
	for r := range ch {
		res := TestResult{
			Name:     strings.TrimPrefix(r.Package, "data.") + "." + r.Name,
			Pass:     !r.Fail && r.Error == nil && !r.Skip,
			Skip:     r.Skip,
			Output:   string(r.Output),
			Duration: r.Duration,
		}
		if r.Location != nil {
			res.File, res.Row = r.Location.File, r.Location.Row
		}
		if r.Error != nil {
			res.Error = r.Error.Error()
		}
		report.Results = append(report.Results, res)
	}
	sort.SliceStable(report.Results, func(i, j int) bool {
		a, b := report.Results[i], report.Results[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Row < b.Row
	})
	if cov != nil {
		files := cov.Report(modules).Files
		for _, file := range slices.Sorted(maps.Keys(modules)) {
			if strings.HasSuffix(file, "_test.rego") {
				continue
			}
			fr := files[file]
			fc := FileCoverage{File: file}
			if fr != nil {
				fc.Covered, fc.NotCovered = fr.CoveredLines, fr.NotCoveredLines
				fc.Percent = fr.Coverage
			}
			report.Coverage = append(report.Coverage, fc)
		}
	}
	return report, nil
}
