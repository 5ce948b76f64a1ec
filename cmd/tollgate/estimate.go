package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/config"
	"github.com/tollgate-dev/tollgate/engine/plan"
	"github.com/tollgate-dev/tollgate/engine/source"
	"github.com/tollgate-dev/tollgate/pricing"
)

// estimateFlags are the flags of estimate (and, later, check).
type estimateFlags struct {
	format   string
	out      string
	usage    string
	region   string
	source   string
	vars     []string
	varFiles []string
	noColor  bool
	priceFlags
}

func (f *estimateFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "table", "output format: "+formatNames(estimateFormats))
	fl.StringVarP(&f.out, "out", "o", "", "write the output to `FILE` instead of standard output")
	fl.StringVar(&f.usage, "usage", "", "usage `FILE` (YAML) with values for usage-based costs")
	fl.StringVar(&f.region, "region", "", "AWS `REGION` for resources whose provider sets none (default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1)")
	fl.StringVar(&f.source, "source", ".", "`DIR` of a plan's .tf configuration, to locate resources at file:line and read inline waivers (empty: skip; a .tf PATH is its own source)")
	fl.StringArrayVar(&f.vars, "var", nil, "set a variable of a .tf directory: `NAME=VALUE` (repeatable)")
	fl.StringArrayVar(&f.varFiles, "var-file", nil, "read variables of a .tf directory from a .tfvars `FILE` (repeatable)")
	fl.BoolVar(&f.noColor, "no-color", false, "never color the table output")
	f.priceFlags.register(fl)
}

func (c *cli) estimateCommand() *cobra.Command {
	var f estimateFlags
	cmd := &cobra.Command{
		Use:   "estimate PATH",
		Short: "Show what a Terraform change costs per month",
		Long: `Estimate prices every resource of a Terraform plan before and after the
change and shows the monthly cost, per resource and in total.

PATH is the JSON form of a plan (use - for standard input):

  terraform plan -out plan.tfplan
  terraform show -json plan.tfplan > plan.json
  tollgate estimate plan.json

or a directory of .tf files, priced without a plan, every resource as
created: variables come from defaults, terraform.tfvars, *.auto.tfvars,
--var-file, --var and TF_VAR_* variables; values known only after apply
(data sources, computed attributes) make the costs that depend on them
unpriced, never guessed.

Prices come from the catalog built into tollgate, or from the one
tollgate pricing refresh last wrote (--prices and --offline choose); no
network or account is needed. Outputs name the catalog and the date of
its prices, and note prices older than 90 days. Usage-based costs (requests, data processed, storage) are 0
unless a usage file (--usage) gives them.`,
		Example: `  tollgate estimate plan.json
  tollgate estimate plan.json --format json --out estimate.json
  tollgate estimate plan.json --usage tollgate-usage.yml --region eu-west-1
  tollgate estimate infra/ --var-file prod.tfvars --var instance_count=3`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := pickFormat(estimateFormats, f.format)
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			est, _, err := c.estimate(args[0], f)
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			if err := c.writeOutput(f.out, func(w io.Writer, color bool) error {
				return format.render(w, est, renderOptions{color: color})
			}, f.noColor); err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			return nil
		},
	}
	f.register(cmd)
	return cmd
}

// estimate reads and parses the change at path, locates its resources
// in the source and prices it. The source index is nil without --source.
func (c *cli) estimate(path string, f estimateFlags) (*engine.Estimate, *source.Index, error) {
	set, dir, err := c.readChange(path, f)
	if err != nil {
		return nil, nil, err
	}
	if dir && f.source == "." {
		f.source = path // a .tf directory is its own source
	}
	idx, err := sourceIndex(f.source)
	if err != nil {
		return nil, nil, err
	}
	for i := range set.Resources {
		if loc := idx.Locate(set.Resources[i].Address); loc != nil {
			set.Resources[i].Location = loc
		}
	}
	set.Notes = append(set.Notes, idx.Notes()...)
	reg := engine.Registry()
	var usage *pricing.UsageFile
	if f.usage != "" {
		data, err := os.ReadFile(f.usage)
		if err != nil {
			return nil, nil, fmt.Errorf("read usage file: %w", unwrapPathError(err))
		}
		if usage, err = pricing.ParseUsage(f.usage, data); err != nil {
			return nil, nil, err
		}
		if err := usage.Check(reg); err != nil {
			return nil, nil, err
		}
	}
	cat, catName, err := c.openCatalog(f.priceFlags)
	if err != nil {
		return nil, nil, err
	}
	est := engine.Pricing{Registry: reg, Catalog: cat, Usage: usage, CatalogName: catName, Now: c.now()}.Estimate(set)
	if err := cat.Err(); err != nil {
		return nil, nil, err
	}
	return est, idx, nil
}

// readChange reads a plan JSON file (or standard input for "-"), or
// evaluates a directory of .tf files; dir says which.
func (c *cli) readChange(path string, f estimateFlags) (set *change.Set, dir bool, err error) {
	region := c.getenv("AWS_REGION")
	if region == "" {
		region = c.getenv("AWS_DEFAULT_REGION")
	}
	if path != "-" {
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			set, err := c.readConfig(path, f, region)
			return set, true, err
		}
	}
	if len(f.vars) > 0 || len(f.varFiles) > 0 {
		return nil, false, fmt.Errorf("--var and --var-file set variables of a .tf directory; %s is a plan, whose variables are already set", path)
	}
	var data []byte
	name := path
	if path == "-" {
		name = "<stdin>"
		data, err = io.ReadAll(c.stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, false, fmt.Errorf("%s: no such file or directory; pass the output of `terraform show -json PLANFILE` or a directory of .tf files", path)
		}
		return nil, false, fmt.Errorf("read %s: %w", name, unwrapPathError(err))
	}
	set, err = plan.Parse(name, data, plan.Options{Region: f.region, EnvRegion: region})
	return set, false, err
}

// readConfig evaluates the .tf files of dir with the variables of the
// command line and the environment.
func (c *cli) readConfig(dir string, f estimateFlags, envRegion string) (*change.Set, error) {
	opts := config.Options{Dir: dir, Vars: map[string]string{}, Env: map[string]string{}, Region: f.region, EnvRegion: envRegion}
	for _, v := range f.vars {
		name, value, ok := strings.Cut(v, "=")
		if !ok || name == "" {
			return nil, fmt.Errorf("--var %q: want NAME=VALUE", v)
		}
		opts.Vars[name] = value
	}
	for _, file := range f.varFiles {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("read --var-file %s: %w", file, unwrapPathError(err))
		}
		opts.VarFiles = append(opts.VarFiles, config.VarFile{Name: file, Data: data})
	}
	for _, kv := range c.env {
		if rest, ok := strings.CutPrefix(kv, "TF_VAR_"); ok {
			if name, value, ok := strings.Cut(rest, "="); ok {
				opts.Env[name] = value
			}
		}
	}
	set, err := config.Load(os.DirFS(dir), opts)
	if errors.Is(err, config.ErrNoFiles) {
		return nil, fmt.Errorf("%s has no .tf files: pass a directory of Terraform configuration or a plan JSON file", dir)
	}
	if err != nil {
		return nil, err
	}
	set.Source = dir
	return set, nil
}

// writeOutput renders to --out FILE or to standard output. A file is
// written completely or not at all.
func (c *cli) writeOutput(out string, render func(w io.Writer, color bool) error, noColor bool) error {
	if out == "" {
		return render(c.stdout, c.colorWanted(c.stdout, noColor))
	}
	var buf bytes.Buffer
	if err := render(&buf, false); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, unwrapPathError(err))
	}
	return nil
}

// unwrapPathError drops the path and operation from an *fs.PathError,
// which our messages already name.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
