package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/warehouse"
	"github.com/tollgate-dev/tollgate/engine/report"
	"github.com/tollgate-dev/tollgate/pricing"
)

type reconcileFlags struct {
	storeFlags
	billing      []string
	billingSQL   string
	repo         string
	period       string
	from, to     string
	format       string
	out          string
	noColor      bool
	maxWAPE      string
	maxVariance  string
	suggestUsage string
	addressTag   string
	top          int
	noSave       bool
	history      bool
	limit        int
}

func (c *cli) reconcileCommand() *cobra.Command {
	var f reconcileFlags
	cmd := &cobra.Command{
		Use:   "reconcile --billing FILE…",
		Short: "Compare recorded predictions with what the cloud actually billed",
		Long: `Reconcile reads billing exports, matches their lines to the predictions
tollgate record stored, and reports per resource, per type and overall how
far the predictions were from the bill: predicted vs actual cost (list
and effective cost kept apart, so discounts are not mistaken for
estimation error), quantities, variance, WAPE, bias and coverage, the top
drifters and the billed cost no prediction explains.

Bills: FOCUS 1.0 to 1.2 (CSV or Parquet), AWS Cost and Usage Reports
(legacy CSV, Athena Parquet, CUR 2.0) and Azure cost details (actual or
amortized), gzipped or not; the format is told from the columns. Rows
that cannot be read are counted by reason in the report. A bill in a
warehouse is summed where it lives: --billing-sql postgres://…?table=….

Bill lines match a prediction by the cloud ids record read from the
applied state (ids, ARNs, Azure resource ids, GCP self links), else by a
tollgate-address tag whose value is the resource's Terraform address.
Predictions are prorated to the hours they were in force in the period.

Each reconciliation is kept in the store; --history lists them. With
--max-wape or --max-resource-variance, reconcile exits 1 when the error
is larger, to run as a scheduled CI job. Exit codes: 0 within limits,
1 a limit exceeded, 2 could not reconcile (unreadable bill or store).`,
		Example: `  tollgate reconcile --billing focus-2026-10.csv.gz
  tollgate reconcile --billing cur/*.parquet --period 2026-10 --format html --out accuracy.html
  tollgate reconcile --billing bill.csv --max-wape 15% --suggest-usage tollgate-usage.yml
  tollgate reconcile --history`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if c.getenv("GOGC") == "" {
				// main trades memory for speed on short runs; a bill read
				// for minutes is better served by the default.
				debug.SetGCPercent(100)
			}
			code, err := c.reconcile(cmd.Context(), f, args)
			if err != nil || code != exitOK {
				return &exitError{code: code, err: err}
			}
			return nil
		},
	}
	f.storeFlags.register(cmd)
	fl := cmd.Flags()
	fl.StringArrayVar(&f.billing, "billing", nil, "a billing export `FILE` (repeatable; more files may follow as arguments; - is standard input)")
	fl.StringVar(&f.billingSQL, "billing-sql", "", "sum a FOCUS table in PostgreSQL instead of reading files: `URL` postgres://…?table=NAME")
	fl.StringVar(&f.repo, "repo", "", "repository `OWNER/NAME` whose predictions to reconcile (default: from GitHub Actions or GitLab CI)")
	fl.StringVar(&f.period, "period", "", "billing `MONTH` to compare, YYYY-MM (default: the period the bills cover)")
	fl.StringVar(&f.from, "from", "", "compare from this `DATE` (YYYY-MM-DD, inclusive)")
	fl.StringVar(&f.to, "to", "", "compare up to this `DATE` (YYYY-MM-DD, exclusive)")
	fl.StringVar(&f.format, "format", "table", "output `FORMAT`: "+strings.Join(report.ReconcileFormats, ", "))
	fl.StringVarP(&f.out, "out", "o", "", "write the output to `FILE` instead of standard output")
	fl.BoolVar(&f.noColor, "no-color", false, "never color the table output")
	fl.StringVar(&f.maxWAPE, "max-wape", "", "exit 1 when the overall WAPE is above `LIMIT` (15% or 0.15)")
	fl.StringVar(&f.maxVariance, "max-resource-variance", "", "exit 1 when a resource's |actual − predicted| ÷ predicted is above `LIMIT` (50% or 0.5)")
	fl.StringVar(&f.suggestUsage, "suggest-usage", "", "write a usage `FILE` with the usage the bills show, for future estimates")
	fl.StringVar(&f.addressTag, "address-tag", reconcile.AddressTag, "the tag `KEY` whose value is a resource's Terraform address")
	fl.IntVar(&f.top, "top", reconcile.DefaultTop, "list the `N` resources that drifted most")
	fl.BoolVar(&f.noSave, "no-save", false, "do not keep this reconciliation in the store's history")
	fl.BoolVar(&f.history, "history", false, "list past reconciliations instead of reconciling")
	fl.IntVar(&f.limit, "limit", 0, "with --history: show the newest `N` only (0: all)")
	return cmd
}

// reconcile runs the command and returns its exit code.
func (c *cli) reconcile(ctx context.Context, f reconcileFlags, args []string) (int, error) {
	if f.format == "" || !slices.Contains(report.ReconcileFormats, f.format) {
		return exitFailed, fmt.Errorf("unknown format %q: use %s", f.format, strings.Join(report.ReconcileFormats, ", "))
	}
	repo := f.repo
	if repo == "" {
		run, err := c.ciContext()
		if err != nil {
			return exitFailed, err
		}
		repo = run.Repo
	}
	if f.history {
		return c.reconcileHistory(ctx, f, repo)
	}
	files := append(append([]string(nil), f.billing...), args...)
	if (len(files) == 0) == (f.billingSQL == "") {
		return exitFailed, errors.New("reconcile needs the bills: --billing FILE… or --billing-sql postgres://…?table=NAME (one of the two)")
	}
	opts, err := f.options()
	if err != nil {
		return exitFailed, err
	}
	st, err := c.openStore(ctx, f.storeFlags)
	if err != nil {
		return exitFailed, err
	}
	defer st.Close()
	// Predictions first: a bill may take minutes to read.
	preds, err := st.Predictions(ctx, repo, opts.PeriodEnd)
	if err != nil {
		return exitFailed, err
	}
	if len(preds) == 0 {
		return exitFailed, fmt.Errorf("%s holds no predictions of %s: record some first (tollgate record PLAN --state STATE), or pass --repo", st.Name(), repoLabel(repo))
	}
	charges, summaries, err := c.readBills(ctx, f, files, opts)
	if err != nil {
		return exitFailed, err
	}
	res := reconcile.Reconcile(preds, charges, summaries, opts)
	if err := c.writeOutput(f.out, func(w io.Writer, color bool) error {
		return report.Reconciliation(w, res, f.format, report.ReconcileOptions{Color: color && f.format == "table"})
	}, f.noColor); err != nil {
		return exitFailed, err
	}
	if f.suggestUsage != "" {
		if err := c.writeOutput(f.suggestUsage, func(w io.Writer, _ bool) error {
			return reconcile.WriteUsage(w, res, reconcile.Suggest(res, preds))
		}, true); err != nil {
			return exitFailed, err
		}
	}
	if !f.noSave {
		if _, err := st.SaveReconciliation(ctx, repo, c.now(), res); err != nil {
			return exitFailed, err
		}
	}
	if len(res.Violations) > 0 {
		for _, v := range res.Violations {
			fmt.Fprintf(c.stderr, "tollgate: %s\n", v)
		}
		return exitGate, nil
	}
	return exitOK, nil
}

// options turns the flags into the reconciler's options.
func (f reconcileFlags) options() (reconcile.Options, error) {
	opts := reconcile.Options{AddressTag: f.addressTag, Top: f.top}
	var err error
	if opts.PeriodStart, opts.PeriodEnd, err = period(f.period, f.from, f.to); err != nil {
		return opts, err
	}
	if opts.MaxWAPE, err = fraction("--max-wape", f.maxWAPE); err != nil {
		return opts, err
	}
	if opts.MaxResourceVariance, err = fraction("--max-resource-variance", f.maxVariance); err != nil {
		return opts, err
	}
	return opts, nil
}

// readBills sums the bill files, or has the warehouse sum its table.
func (c *cli) readBills(ctx context.Context, f reconcileFlags, files []string, opts reconcile.Options) ([]billing.Charge, []billing.Summary, error) {
	// Only the address tag is matched on; other tags would cost memory
	// per charge.
	// Predictions are in the catalog's currency: lines in another are
	// skipped and counted, never compared as if they were in it.
	bopts := billing.Options{Start: opts.PeriodStart, End: opts.PeriodEnd, TempDir: os.TempDir(),
		TagKeys: []string{opts.AddressTag, "user:" + opts.AddressTag}, Currency: pricing.Currency}
	if f.billingSQL != "" {
		charges, sum, err := warehouse.Read(ctx, f.billingSQL, bopts)
		if err != nil {
			return nil, nil, err
		}
		return charges, []billing.Summary{sum}, nil
	}
	s := billing.NewSum(bopts)
	var sums []billing.Summary
	for _, name := range files {
		sum, err := c.readBill(ctx, s, name)
		if err != nil {
			return nil, nil, err
		}
		sums = append(sums, sum)
	}
	if err := nothingKept(sums); err != nil {
		return nil, nil, err
	}
	return s.Charges(), sums, nil
}

// nothingKept refuses bills that leave nothing to compare (an empty
// export, every line in another currency or outside the period), which a
// scheduled job must not take for a perfect month.
func nothingKept(sums []billing.Summary) error {
	var names []string
	why := map[string]int{}
	for _, s := range sums {
		if s.Kept > 0 {
			return nil
		}
		names = append(names, s.Name)
		for r, n := range s.Skipped {
			why[r] += n
		}
		for r, n := range s.Malformed {
			why[r] += n
		}
	}
	msg := strings.Join(names, ", ") + ": no bill lines to compare"
	if len(why) > 0 {
		var parts []string
		for _, r := range slices.Sorted(maps.Keys(why)) {
			parts = append(parts, fmt.Sprintf("%d %s", why[r], r))
		}
		msg += " (" + strings.Join(parts, ", ") + ")"
	}
	return errors.New(msg)
}

func (c *cli) readBill(ctx context.Context, s *billing.Sum, name string) (billing.Summary, error) {
	if name == "-" {
		return s.Read(ctx, c.stdin, "<stdin>")
	}
	file, err := os.Open(name)
	if err != nil {
		return billing.Summary{}, fmt.Errorf("read bill %s: %w", name, unwrapPathError(err))
	}
	defer file.Close()
	return s.Read(ctx, file, name)
}

// reconcileHistory lists the kept reconciliations of repo.
func (c *cli) reconcileHistory(ctx context.Context, f reconcileFlags, repo string) (int, error) {
	st, err := c.openStore(ctx, f.storeFlags)
	if err != nil {
		return exitFailed, err
	}
	defer st.Close()
	hist, err := st.History(ctx, repo, f.limit)
	if err != nil {
		return exitFailed, err
	}
	entries := make([]report.HistoryEntry, len(hist))
	for i, h := range hist {
		entries[i] = report.HistoryEntry{Repo: h.Repo, RanAt: h.RanAt, PeriodStart: h.PeriodStart, PeriodEnd: h.PeriodEnd,
			Basis: h.Basis, Currency: h.Currency, Files: h.Files, Overall: h.Overall}
	}
	if err := c.writeOutput(f.out, func(w io.Writer, color bool) error {
		return report.History(w, entries, f.format, report.ReconcileOptions{Color: color && f.format == "table"})
	}, f.noColor); err != nil {
		return exitFailed, err
	}
	return exitOK, nil
}

// period reads --period, or --from and --to, as [start, end) in UTC.
func period(month, from, to string) (start, end time.Time, err error) {
	if month != "" {
		if from != "" || to != "" {
			return start, end, errors.New("--period and --from/--to both choose the period: give one")
		}
		m, err := time.Parse("2006-01", month)
		if err != nil {
			return start, end, fmt.Errorf("--period %q: want a month, YYYY-MM", month)
		}
		return m, m.AddDate(0, 1, 0), nil
	}
	for _, d := range []struct {
		flag, value string
		t           *time.Time
	}{{"--from", from, &start}, {"--to", to, &end}} {
		if d.value == "" {
			continue
		}
		if *d.t, err = time.Parse(time.DateOnly, d.value); err != nil {
			return start, end, fmt.Errorf("%s %q: want a date, YYYY-MM-DD", d.flag, d.value)
		}
	}
	if !start.IsZero() && !end.IsZero() && !end.After(start) {
		return start, end, fmt.Errorf("--to %s is not after --from %s", to, from)
	}
	return start, end, nil
}

// fraction reads a limit given as a percentage ("15%") or a fraction
// ("0.15"); "" is no limit.
func fraction(flag, s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Zero, nil
	}
	num, pct := strings.CutSuffix(strings.TrimSpace(s), "%")
	d, err := decimal.NewFromString(num)
	if err != nil || !d.IsPositive() {
		return decimal.Zero, fmt.Errorf("%s %q: want a positive percentage or fraction, e.g. 15%% or 0.15", flag, s)
	}
	if pct {
		d = d.Div(decimal.NewFromInt(100))
	}
	return d, nil
}

func repoLabel(repo string) string {
	if repo == "" {
		return "an unnamed repository (no --repo)"
	}
	return repo
}
