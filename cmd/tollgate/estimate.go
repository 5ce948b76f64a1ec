package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/plan"
	"github.com/tollgate-dev/tollgate/engine/source"
	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// estimateFlags are the flags of estimate (and, later, check).
type estimateFlags struct {
	format  string
	out     string
	usage   string
	region  string
	source  string
	noColor bool
}

func (f *estimateFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "table", "output format: "+formatNames(estimateFormats))
	fl.StringVarP(&f.out, "out", "o", "", "write the output to `FILE` instead of standard output")
	fl.StringVar(&f.usage, "usage", "", "usage `FILE` (YAML) with values for usage-based costs")
	fl.StringVar(&f.region, "region", "", "AWS `REGION` for resources whose provider sets none (default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1)")
	fl.StringVar(&f.source, "source", ".", "`DIR` of the plan's .tf configuration, to locate resources at file:line and read inline waivers (empty: skip)")
	fl.BoolVar(&f.noColor, "no-color", false, "never color the table output")
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

Prices come from the catalog built into tollgate; no network or account
is needed. Usage-based costs (requests, data processed, storage) are 0
unless a usage file (--usage) gives them.`,
		Example: `  tollgate estimate plan.json
  tollgate estimate plan.json --format json --out estimate.json
  tollgate estimate plan.json --usage tollgate-usage.yml --region eu-west-1`,
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
				return format.render(w, est, color)
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
	set, err := c.readChange(path, f)
	if err != nil {
		return nil, nil, err
	}
	idx, err := sourceIndex(f.source)
	if err != nil {
		return nil, nil, err
	}
	for i := range set.Resources {
		set.Resources[i].Location = idx.Locate(set.Resources[i].Address)
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
	cat := catalog.Embedded()
	est := engine.Pricing{Registry: reg, Catalog: cat, Usage: usage}.Estimate(set)
	if err := cat.Err(); err != nil {
		return nil, nil, err
	}
	return est, idx, nil
}

// readChange reads a plan JSON file (or standard input for "-").
func (c *cli) readChange(path string, f estimateFlags) (*change.Set, error) {
	var data []byte
	var err error
	name := path
	if path == "-" {
		name = "<stdin>"
		data, err = io.ReadAll(c.stdin)
	} else {
		var info fs.FileInfo
		if info, err = os.Stat(path); err == nil && info.IsDir() {
			return nil, fmt.Errorf("%s is a directory: pass the plan JSON (terraform show -json PLANFILE > plan.json)", path)
		}
		data, err = os.ReadFile(path)
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file; pass the output of `terraform show -json PLANFILE`", path)
		}
		return nil, fmt.Errorf("read %s: %w", name, unwrapPathError(err))
	}
	region := c.getenv("AWS_REGION")
	if region == "" {
		region = c.getenv("AWS_DEFAULT_REGION")
	}
	return plan.Parse(name, data, plan.Options{Region: f.region, EnvRegion: region})
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
