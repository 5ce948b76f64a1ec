package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
	"github.com/tollgate-dev/tollgate/engine/reconcile/store"
	"github.com/tollgate-dev/tollgate/engine/record"
)

// defaultStore is the prediction store when neither --store nor
// TOLLGATE_STORE names one: an SQLite file in the working directory.
const defaultStore = "tollgate.db"

// storeFlags name the prediction store.
type storeFlags struct{ store string }

func (f *storeFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.store, "store", "", "prediction store: an SQLite `FILE` or a postgres:// URL (default: TOLLGATE_STORE, else "+defaultStore+")")
}

// openStore opens the store the flag, else the environment, names.
func (c *cli) openStore(ctx context.Context, f storeFlags) (*store.Store, error) {
	return store.Open(ctx, firstOf(f.store, c.getenv("TOLLGATE_STORE"), defaultStore))
}

// recordInputs are what record needs besides the change itself; check
// --record shares them.
type recordInputs struct {
	storeFlags
	state      string
	recordedAt string
}

func (f *recordInputs) register(cmd *cobra.Command, stateUsage string) {
	f.storeFlags.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&f.state, "state", "", stateUsage)
	fl.StringVar(&f.recordedAt, "recorded-at", "", "when the change was applied, RFC 3339 `TIME` (default: now)")
}

type recordFlags struct {
	estimateFlags
	recordInputs
	context contextFlags
}

func (c *cli) recordCommand() *cobra.Command {
	var f recordFlags
	cmd := &cobra.Command{
		Use:   "record PATH --state STATE.json",
		Short: "Store the predicted cost of an applied change, for reconcile",
		Long: `Record prices the change at PATH (a plan JSON file or a .tf directory,
as estimate does) and stores, per resource, the predicted monthly cost and
its components, the usage assumptions and catalog dates used, the run
context (repository, commit, pull request, time) and the cloud
identifiers the applied state gives the resource (ids, ARNs, Azure
resource ids, GCP self links), which reconcile matches bill lines by.

Run it after terraform apply:

  terraform show -json plan.tfplan > plan.json
  terraform apply plan.tfplan
  terraform show -json > state.json
  tollgate record plan.json --state state.json

The repository and commit identify the run (--repo and --commit, else
GitHub Actions' or GitLab CI's variables): recording the same commit again
stores nothing. Without --state, bill lines can only match resources by
their tollgate-address tag. The store is an SQLite file (default
tollgate.db) or, for many CI runners recording into one place,
PostgreSQL (--store postgres://…).`,
		Example: `  tollgate record plan.json --state state.json --commit "$(git rev-parse HEAD)"
  tollgate record plan.json --state state.json --store postgres://tollgate@db.internal/tollgate`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := pickFormat(recordFormats, f.format)
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			run, err := c.recordContext(f.context)
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			est, _, err := c.estimate(args[0], f.estimateFlags)
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			rec, err := c.record(cmd.Context(), est, run, f.recordInputs)
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			if err := c.writeOutput(f.out, func(w io.Writer, _ bool) error { return format.render(w, rec, renderOptions{}) }, true); err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			return nil
		},
	}
	f.estimateFlags.register(cmd)
	cmd.Flags().Lookup("format").Usage = "output format: " + formatNames(recordFormats)
	f.recordInputs.register(cmd, "`FILE` of the applied state (terraform show -json), for the resources' cloud ids")
	f.context.register(cmd)
	return cmd
}

// recorded is what record did, for its output.
type recorded struct {
	Store     string `json:"store"`
	Repo      string `json:"repo"`
	Commit    string `json:"commit"`
	RunID     int64  `json:"run_id"`
	Inserted  bool   `json:"inserted"`
	Resources int    `json:"resources"`
	WithIDs   int    `json:"resources_with_cloud_ids"`
	Monthly   string `json:"monthly_cost"`
	Currency  string `json:"currency"`
}

var recordFormats = []outputFormat[*recorded]{
	{"table", func(w io.Writer, r *recorded, _ renderOptions) error {
		where := r.Commit
		if r.Repo != "" {
			where = r.Repo + "@" + r.Commit
		}
		if !r.Inserted {
			_, err := fmt.Fprintf(w, "%s is already recorded in %s (run %d): nothing stored\n", where, r.Store, r.RunID)
			return err
		}
		_, err := fmt.Fprintf(w, "recorded %d resources of %s in %s (run %d): %s %s a month; %d with cloud ids to match bills by\n",
			r.Resources, where, r.Store, r.RunID, r.Monthly, r.Currency, r.WithIDs)
		return err
	}},
	{"json", func(w io.Writer, r *recorded, _ renderOptions) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}},
}

// recordContext is the run context of a recording, which its commit
// identifies.
func (c *cli) recordContext(f contextFlags) (engine.Context, error) {
	run, err := c.runContext(f)
	if err == nil && run.Commit == "" {
		err = errors.New("recording needs the applied commit: pass --commit (e.g. --commit \"$(git rev-parse HEAD)\") or run in GitHub Actions or GitLab CI")
	}
	return run, err
}

// record stores the predictions of an estimate of an applied change, in
// the run context recordContext gave.
func (c *cli) record(ctx context.Context, est *engine.Estimate, run engine.Context, f recordInputs) (*recorded, error) {
	at := c.now()
	if f.recordedAt != "" {
		t, err := time.Parse(time.RFC3339, f.recordedAt)
		if err != nil {
			return nil, fmt.Errorf("--recorded-at %q: want an RFC 3339 time such as 2026-11-26T12:00:00Z", f.recordedAt)
		}
		at = t
	}
	ids, err := c.readState(f.state)
	if err != nil {
		return nil, err
	}
	pr := ""
	if run.PullRequest != 0 {
		pr = strconv.Itoa(run.PullRequest)
	}
	r := record.FromEstimate(est, ids, record.Context{Repo: run.Repo, Commit: run.Commit, PullRequest: pr, RecordedAt: at})
	st, err := c.openStore(ctx, f.storeFlags)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	id, inserted, err := st.Record(ctx, r)
	if err != nil {
		return nil, err
	}
	out := &recorded{Store: st.Name(), Repo: r.Repo, Commit: r.Commit, RunID: id, Inserted: inserted,
		Resources: len(r.Resources), Monthly: est.Total.StringFixed(2), Currency: r.Currency}
	for _, res := range r.Resources {
		if len(res.CloudIDs) > 0 {
			out.WithIDs++
		}
	}
	return out, nil
}

// readState reads the cloud ids of an applied state; none without a file.
// A state with no resources (everything destroyed) is no error.
func (c *cli) readState(path string) (map[string][]string, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read state %s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	ids, err := prediction.ReadState(f, path)
	if errors.Is(err, prediction.ErrEmptyState) {
		return nil, nil
	}
	return ids, err
}
