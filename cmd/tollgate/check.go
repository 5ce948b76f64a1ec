package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
	"github.com/tollgate-dev/tollgate/engine/settings"
	"github.com/tollgate-dev/tollgate/engine/source"
	"github.com/tollgate-dev/tollgate/policies"
)

// defaultConfig is read when --config is not given and the file exists.
const defaultConfig = "tollgate.yml"

type checkFlags struct {
	estimateFlags
	reports     []string
	config      string
	policyDirs  []string
	noBuiltin   bool
	overrides   []string
	regoVersion string
	context     contextFlags
	record      bool
	recordInputs
}

func (c *cli) checkCommand() *cobra.Command {
	var f checkFlags
	cmd := &cobra.Command{
		Use:   "check PATH",
		Short: "Estimate a change, evaluate policies on it and gate the merge",
		Long: `Check prices a Terraform plan like estimate, evaluates the built-in
guardrails (configured in tollgate.yml) and your own Rego policies
(--policy DIR) against the plan and its cost, applies waivers and
enforcement levels, and prints the findings.

Exit codes: 0 the gate passed, 1 the gate failed (a deny finding that is
not waived, advisory or overridden), 2 tollgate could not evaluate (bad
plan, policy or config).

Waivers are declared in tollgate.yml (waivers:) or as a comment on the
resource block: # tollgate:waive RULE reason="…" owner=… expires=YYYY-MM-DD.
Soft rules (enforcement: in tollgate.yml) are overridden with --override
RULE or by a pull-request label listed in override_labels.`,
		Example: `  tollgate check plan.json
  tollgate check plan.json --policy policies/ --format sarif --out tollgate.sarif
  tollgate check plan.json --override budget-increase`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := pickFormat(checkFormats, f.format)
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			reports, err := parseReports(f.reports)
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			var run engine.Context
			if !f.record && (f.state != "" || f.store != "" || f.recordedAt != "") {
				return &exitError{code: exitFailed, err: errors.New("--state, --store and --recorded-at say how to record: add --record")}
			}
			if f.record {
				// Fail before the work, not after it.
				if run, err = c.recordContext(f.context); err != nil {
					return &exitError{code: exitFailed, err: fmt.Errorf("--record: %w", err)}
				}
			}
			res, err := c.check(args[0], f)
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			opts := f.renderOptions(args[0])
			if err := c.writeOutput(f.out, func(w io.Writer, color bool) error {
				opts.color = color
				return format.render(w, res, opts)
			}, f.noColor); err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			if err := c.writeReports(reports, res, opts); err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			if f.record {
				rec, err := c.record(cmd.Context(), res.Estimate, run, f.recordInputs)
				if err != nil {
					return &exitError{code: exitFailed, err: fmt.Errorf("--record: %w", err)}
				}
				if err := recordFormats[0].render(c.stderr, rec, renderOptions{}); err != nil {
					return &exitError{code: exitFailed, err: err}
				}
			}
			if !res.Passed {
				return &exitError{code: exitGate}
			}
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&f.record, "record", false, "also store the predictions for reconcile, as tollgate record does")
	f.recordInputs.register(cmd, "with --record: `FILE` of the applied state (terraform show -json), for the resources' cloud ids")
	return cmd
}

// register adds the flags of check (and of comment, which checks too).
func (f *checkFlags) register(cmd *cobra.Command) {
	f.estimateFlags.register(cmd)
	fl := cmd.Flags()
	fl.Lookup("format").Usage = "output format: " + formatNames(checkFormats)
	fl.StringArrayVar(&f.reports, "report", nil, "also write the result in another format to a file: `FORMAT=FILE` (repeatable), e.g. sarif=tollgate.sarif")
	fl.StringVar(&f.config, "config", "", "guardrail settings `FILE` (default: tollgate.yml when present)")
	fl.StringArrayVar(&f.policyDirs, "policy", nil, "a `DIR` of Rego policies to evaluate (repeatable)")
	fl.BoolVar(&f.noBuiltin, "no-builtin", false, "do not evaluate the built-in guardrails")
	fl.StringArrayVar(&f.overrides, "override", nil, "override the soft `RULE` for this run (repeatable)")
	fl.StringVar(&f.regoVersion, "rego-version", "", "read every policy file as Rego `v0` or v1 (default: detected per file)")
	f.context.register(cmd)
}

// check runs the whole pipeline: read, locate, price, evaluate, gate.
func (c *cli) check(path string, f checkFlags) (*engine.Result, error) {
	cfg, err := loadSettings(f.config)
	if err != nil {
		return nil, err
	}
	run, err := c.runContext(f.context)
	if err != nil {
		return nil, err
	}
	est, idx, err := c.estimate(path, f.estimateFlags)
	if err != nil {
		return nil, err
	}
	waivers := cfg.Waivers()
	for _, d := range idx.Directives() {
		w, err := gate.ParseInline(d.Text, d.Pattern, fmt.Sprintf("%s:%d", d.Location.File, d.Location.Line))
		if err != nil {
			return nil, err
		}
		waivers = append(waivers, w)
	}
	sources, err := policySources(f.policyDirs, !f.noBuiltin)
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	eng, err := policy.Load(ctx, sources, policy.Options{
		Schema: policies.InputSchema, Data: cfg.Data(), RegoVersion: f.regoVersion, Print: c.stderr,
	})
	if err != nil {
		return nil, err
	}
	checker := engine.Checker{Policies: eng, Gate: gate.Inputs{
		Waivers: waivers, Levels: cfg.Levels(), Overrides: f.overrides, OverrideLabels: cfg.OverrideLabels(),
	}}
	res, err := checker.Check(ctx, est, run, c.now())
	if err != nil {
		return nil, err
	}
	known := make([]string, 0, len(res.Rules))
	for _, r := range res.Rules {
		known = append(known, r.ID)
	}
	for _, j := range res.Findings {
		known = append(known, j.Rule)
	}
	for _, warning := range gate.Lint(checker.Gate, known) {
		fmt.Fprintf(c.stderr, "tollgate: warning: %s\n", warning)
	}
	return res, nil
}

// fileReport is one --report FORMAT=FILE.
type fileReport struct {
	format outputFormat[*engine.Result]
	file   string
}

// parseReports reads the --report flags before any work is done.
func parseReports(specs []string) ([]fileReport, error) {
	var out []fileReport
	for _, spec := range specs {
		name, file, ok := strings.Cut(spec, "=")
		if !ok || file == "" {
			return nil, fmt.Errorf("--report %q: want FORMAT=FILE, e.g. sarif=tollgate.sarif", spec)
		}
		format, err := pickFormat(checkFormats, name)
		if err != nil {
			return nil, fmt.Errorf("--report %s: %w", spec, err)
		}
		out = append(out, fileReport{format, file})
	}
	return out, nil
}

// writeReports writes the result once per --report, for CI systems that
// read several artifacts of one run.
func (c *cli) writeReports(reports []fileReport, res *engine.Result, opts renderOptions) error {
	opts.color = false
	for _, r := range reports {
		if err := c.writeOutput(r.file, func(w io.Writer, _ bool) error { return r.format.render(w, res, opts) }, true); err != nil {
			return err
		}
	}
	return nil
}

// renderOptions says where the configuration is, for formats whose paths
// are relative to the repository: the .tf directory checked, or --source
// for a plan; and the config file, where findings without a location go.
func (f checkFlags) renderOptions(path string) renderOptions {
	root := f.source
	if info, err := os.Stat(path); err == nil && info.IsDir() && f.source == "." {
		root = path
	}
	cfg := f.config
	if cfg == "" {
		if _, err := os.Stat(defaultConfig); err == nil {
			cfg = defaultConfig
		}
	}
	return renderOptions{root: filepath.ToSlash(filepath.Clean(root)), config: cfg}
}

// loadSettings reads --config, or tollgate.yml when it exists; no file
// means no guardrails configured.
func loadSettings(path string) (*settings.Settings, error) {
	explicit := path != ""
	if !explicit {
		path = defaultConfig
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("read config %s: %w", path, unwrapPathError(err))
	}
	return settings.Parse(path, data)
}

// sourceIndex reads the configuration's .tf files, to point findings at
// file:line and to read inline waivers. An empty dir skips it.
func sourceIndex(dir string) (*source.Index, error) {
	if dir == "" {
		return nil, nil
	}
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return nil, fmt.Errorf("--source %s is not a directory of .tf files", dir)
	}
	idx, err := source.Load(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("%w (pass --source DIR for the plan's configuration, or --source= to skip reading it)", err)
	}
	return idx, nil
}
