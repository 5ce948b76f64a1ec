package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/engine/policy"
	"github.com/tollgate-dev/tollgate/policies"
)

func (c *cli) policyCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "policy",
		Short: "Test, format and lint Rego policies",
		Long: `Work on the Rego policies that tollgate check evaluates: run their unit
tests (like opa test), format them (like opa fmt) and compile them against
the policy input schema.`,
	}
	cmd.AddCommand(c.policyTestCommand(), c.policyFmtCommand(), c.policyLintCommand())
	return cmd
}

// policySources opens policy directories; with builtin, the built-in
// guardrails come first. A missing directory is an error.
func policySources(dirs []string, builtin bool) ([]policy.Source, error) {
	var sources []policy.Source
	if builtin {
		sources = append(sources, policies.Source())
	}
	for _, dir := range dirs {
		info, err := os.Stat(dir)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("policy directory %s does not exist", dir)
			}
			return nil, fmt.Errorf("policy directory %s: %w", dir, unwrapPathError(err))
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("%s is not a directory: --policy takes a directory of .rego files", dir)
		}
		sources = append(sources, policy.Source{Name: filepath.ToSlash(filepath.Clean(dir)), FS: os.DirFS(dir)})
	}
	return sources, nil
}

func (c *cli) policyTestCommand() *cobra.Command {
	var (
		coverage, builtin, verbose bool
		run, format, regoVersion   string
	)
	cmd := &cobra.Command{
		Use:   "test [DIR...]",
		Short: "Run the Rego unit tests of policies",
		Long: `Test runs the *_test.rego files of the policy directories, like opa test:
every rule named test_* is a test. A failing test shows the output of its
print() calls. Without a directory, the built-in guardrails' own tests run.

Exit codes: 0 every test passed, 1 a test failed, 2 the policies do not
compile or a directory is missing.`,
		Example: `  tollgate policy test policies/
  tollgate policy test policies/ --coverage
  tollgate policy test --run budget`,
		RunE: func(cmd *cobra.Command, dirs []string) error {
			sources, err := policySources(dirs, builtin || len(dirs) == 0)
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			report, err := policy.Test(context.Background(), sources, policy.TestOptions{
				Schema: policies.InputSchema, RegoVersion: regoVersion, Coverage: coverage, Filter: run,
			})
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			if format == "json" {
				err = writeTestJSON(c.stdout, report)
			} else {
				err = writeTestReport(c.stdout, report, verbose)
			}
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			if len(report.Results) == 0 {
				return &exitError{code: exitGate, err: errors.New("no tests found: tests are rules named test_* in *_test.rego files")}
			}
			if report.Failed() {
				return &exitError{code: exitGate}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&coverage, "coverage", false, "report the line coverage of each policy file")
	fl.BoolVar(&builtin, "builtin", false, "also test the built-in guardrails")
	fl.BoolVarP(&verbose, "verbose", "v", false, "show passing tests and all print() output")
	fl.StringVar(&run, "run", "", "run only tests whose name matches this `REGEX`")
	fl.StringVar(&format, "format", "table", "output format: table or json")
	fl.StringVar(&regoVersion, "rego-version", "", "read every file as Rego `v0` or v1 (default: detected per file)")
	return cmd
}

func writeTestReport(w io.Writer, r *policy.TestReport, verbose bool) error {
	var b strings.Builder
	passed, failed, skipped := 0, 0, 0
	for _, t := range r.Results {
		switch {
		case t.Skip:
			skipped++
			if verbose {
				fmt.Fprintf(&b, "SKIP %s (%s)\n", t.Name, t.Location())
			}
		case t.Pass:
			passed++
			if verbose {
				fmt.Fprintf(&b, "PASS %s (%s)\n", t.Name, t.Duration.Round(time.Microsecond))
				writeIndented(&b, t.Output)
			}
		default:
			failed++
			what := "FAIL"
			if t.Error != "" {
				what = "ERROR"
			}
			fmt.Fprintf(&b, "%s %s (%s)\n", what, t.Name, t.Location())
			if t.Error != "" {
				writeIndented(&b, t.Error+"\n")
			}
			writeIndented(&b, t.Output)
		}
	}
	fmt.Fprintf(&b, "%d passed, %d failed", passed, failed)
	if skipped > 0 {
		fmt.Fprintf(&b, ", %d skipped", skipped)
	}
	b.WriteString("\n")
	if len(r.Coverage) > 0 {
		b.WriteString("\nCoverage:\n")
		for _, fc := range r.Coverage {
			fmt.Fprintf(&b, "  %6.1f%%  %s (%d of %d lines)\n", fc.Percent, fc.File, fc.Covered, fc.Covered+fc.NotCovered)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeIndented(b *strings.Builder, s string) {
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if line != "" {
			fmt.Fprintf(b, "    %s\n", line)
		}
	}
}

func writeTestJSON(w io.Writer, r *policy.TestReport) error {
	type test struct {
		Name     string `json:"name"`
		Location string `json:"location"`
		Result   string `json:"result"`
		Error    string `json:"error,omitempty"`
		Output   string `json:"output,omitempty"`
	}
	type file struct {
		File       string  `json:"file"`
		Covered    int     `json:"covered_lines"`
		NotCovered int     `json:"not_covered_lines"`
		Percent    float64 `json:"coverage"`
	}
	doc := struct {
		Tests    []test `json:"tests"`
		Coverage []file `json:"coverage,omitempty"`
	}{Tests: []test{}}
	for _, t := range r.Results {
		res := "pass"
		switch {
		case t.Skip:
			res = "skip"
		case t.Error != "":
			res = "error"
		case !t.Pass:
			res = "fail"
		}
		doc.Tests = append(doc.Tests, test{t.Name, t.Location(), res, t.Error, t.Output})
	}
	for _, fc := range r.Coverage {
		doc.Coverage = append(doc.Coverage, file{fc.File, fc.Covered, fc.NotCovered, fc.Percent})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func (c *cli) policyFmtCommand() *cobra.Command {
	var write, check bool
	cmd := &cobra.Command{
		Use:   "fmt PATH...",
		Short: "Format Rego files in the canonical style",
		Long: `Fmt formats .rego files (a file, or every .rego file under a directory) in
OPA's canonical style. By default it lists the files whose formatting
differs; -w rewrites them; --check exits 1 when any differs (for CI).`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, paths []string) error {
			files, err := regoFiles(paths)
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			differ := 0
			for _, file := range files {
				src, err := os.ReadFile(file)
				if err != nil {
					return &exitError{code: exitFailed, err: fmt.Errorf("read %s: %w", file, unwrapPathError(err))}
				}
				out, err := formatRego(file, src)
				if err != nil {
					return &exitError{code: exitFailed, err: err}
				}
				if bytes.Equal(src, out) {
					continue
				}
				differ++
				if write {
					if err := os.WriteFile(file, out, 0o644); err != nil {
						return &exitError{code: exitFailed, err: fmt.Errorf("write %s: %w", file, unwrapPathError(err))}
					}
				}
				fmt.Fprintln(c.stdout, file)
			}
			if check && differ > 0 && !write {
				return &exitError{code: exitGate, err: fmt.Errorf("%d file(s) are not formatted: run tollgate policy fmt -w", differ)}
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&write, "write", "w", false, "rewrite the files in place")
	cmd.Flags().BoolVar(&check, "check", false, "exit 1 when a file is not formatted")
	return cmd
}

// formatRego formats a file in its own Rego version.
func formatRego(name string, src []byte) ([]byte, error) {
	version := ast.RegoV1
	if _, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1}); err != nil {
		version = ast.RegoV0
	}
	out, err := format.SourceWithOpts(name, src, format.Opts{RegoVersion: version})
	if err != nil {
		return nil, fmt.Errorf("format %s: %w", name, err)
	}
	return out, nil
}

// regoFiles expands paths into .rego files, sorted.
func regoFiles(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, unwrapPathError(err))
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".rego") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

func (c *cli) policyLintCommand() *cobra.Command {
	var builtin bool
	var regoVersion string
	cmd := &cobra.Command{
		Use:   "lint DIR...",
		Short: "Compile policies against the policy input schema",
		Long: `Lint compiles the policies of the directories as tollgate check does:
type-checked against the policy input schema (a misspelt input field is
an error), without network builtins. It lists the rules tollgate will
evaluate, with their ids and severities.

Exit codes: 0 the policies compile, 1 they do not, 2 a directory is missing.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, dirs []string) error {
			sources, err := policySources(dirs, builtin)
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			eng, err := policy.Load(context.Background(), sources, policy.Options{Schema: policies.InputSchema, RegoVersion: regoVersion})
			if err != nil {
				return &exitError{code: exitGate, err: err}
			}
			var b strings.Builder
			for _, r := range eng.Rules() {
				fmt.Fprintf(&b, "%-5s %-28s %s.%s (%s)\n", r.Severity, r.ID, r.Package, r.Name, r.Policy)
			}
			fmt.Fprintf(&b, "%d rules compile\n", len(eng.Rules()))
			_, err = io.WriteString(c.stdout, b.String())
			return err
		},
	}
	cmd.Flags().BoolVar(&builtin, "builtin", false, "compile the built-in guardrails along")
	cmd.Flags().StringVar(&regoVersion, "rego-version", "", "read every file as Rego `v0` or v1 (default: detected per file)")
	return cmd
}
