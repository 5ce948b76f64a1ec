package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
)

// batchRows is how many rows one INSERT carries: well under both
// backends' limits on bound parameters (32766 and 65535).
const batchRows = 500

// Record stores a run with all its predictions in one transaction. Repo
// and Commit identify a run: recording one already stored changes nothing
// and returns its id with inserted false, also when two recorders race.
func (s *Store) Record(ctx context.Context, run prediction.Run) (runID int64, inserted bool, err error) {
	op := fmt.Sprintf("record commit %s", run.Commit)
	if err := validate(run); err != nil {
		return 0, false, s.wrap(op, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, false, s.wrap(op, err)
	}
	defer tx.Rollback()
	runID, inserted, err = s.insertRun(ctx, tx, run)
	if err != nil {
		return 0, false, s.wrap(op, err)
	}
	if !inserted {
		return runID, false, nil
	}
	if err := s.insertResources(ctx, tx, runID, run.Resources); err != nil {
		return 0, false, s.wrap(op, err)
	}
	if err := tx.Commit(); err != nil {
		return 0, false, s.wrap(op, err)
	}
	return runID, true, nil
}

func validate(run prediction.Run) error {
	if run.Commit == "" {
		return errors.New("the run has no commit: give the applied commit")
	}
	if run.RecordedAt.IsZero() {
		return errors.New("the run has no recording time")
	}
	seen := make(map[string]bool, len(run.Resources))
	for _, r := range run.Resources {
		if r.Address == "" {
			return errors.New("a prediction has no resource address")
		}
		if seen[r.Address] {
			return fmt.Errorf("two predictions for %s", r.Address)
		}
		seen[r.Address] = true
	}
	return nil
}

// insertRun inserts the run unless its (repo, commit) is stored; either
// way it returns the run's id.
func (s *Store) insertRun(ctx context.Context, tx *sql.Tx, run prediction.Run) (int64, bool, error) {
	pricedAsOf, err := jsonText(run.PricedAsOf)
	if err != nil {
		return 0, false, err
	}
	var id int64
	err = tx.QueryRowContext(ctx, s.dialect.q(`
		INSERT INTO runs (repo, commit_sha, pull_request, recorded_at, source, catalog, priced_as_of, currency)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (repo, commit_sha) DO NOTHING
		RETURNING id`),
		run.Repo, run.Commit, run.PullRequest, s.dialect.time(run.RecordedAt),
		run.Source, run.Catalog, pricedAsOf, run.Currency,
	).Scan(&id)
	if err == nil {
		return id, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, err
	}
	// Already recorded, perhaps by a concurrent recorder that has just
	// committed: a new statement sees its row.
	err = tx.QueryRowContext(ctx, s.dialect.q(`SELECT id FROM runs WHERE repo = ? AND commit_sha = ?`),
		run.Repo, run.Commit).Scan(&id)
	if err != nil {
		return 0, false, fmt.Errorf("find the recorded run: %w", err)
	}
	return id, false, nil
}

func (s *Store) insertResources(ctx context.Context, tx *sql.Tx, runID int64, rs []prediction.Resource) error {
	const cols = 10
	for start := 0; start < len(rs); start += batchRows {
		batch := rs[start:min(start+batchRows, len(rs))]
		args := make([]any, 0, len(batch)*cols)
		for _, r := range batch {
			ids := r.CloudIDs
			if ids == nil {
				ids = []string{}
			}
			cloudIDs, err := jsonText(ids)
			if err != nil {
				return err
			}
			tags, err := jsonText(r.Tags)
			if err != nil {
				return err
			}
			args = append(args, runID, r.Address, r.Type, r.Provider, r.Region, r.Action,
				money(r.Monthly), r.Priced, cloudIDs, tags)
		}
		query := `INSERT INTO resources (run_id, address, type, provider, region, action, monthly, priced, cloud_ids, tags) VALUES ` + values(len(batch), cols)
		if _, err := tx.ExecContext(ctx, s.dialect.q(query), args...); err != nil {
			return fmt.Errorf("store predictions: %w", err)
		}
	}
	ids, err := resourceIDs(ctx, tx, s.dialect, runID)
	if err != nil {
		return err
	}
	return s.insertComponents(ctx, tx, rs, ids)
}

// resourceIDs maps the addresses of a run's resources to their row ids.
func resourceIDs(ctx context.Context, tx *sql.Tx, d *dialect, runID int64) (map[string]int64, error) {
	rows, err := tx.QueryContext(ctx, d.q(`SELECT id, address FROM resources WHERE run_id = ?`), runID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := make(map[string]int64)
	for rows.Next() {
		var id int64
		var address string
		if err := rows.Scan(&id, &address); err != nil {
			return nil, err
		}
		ids[address] = id
	}
	return ids, rows.Err()
}

func (s *Store) insertComponents(ctx context.Context, tx *sql.Tx, rs []prediction.Resource, ids map[string]int64) error {
	const cols = 10
	var args []any
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		query := `INSERT INTO components (resource_id, position, name, unit, quantity, unit_price, monthly, usage_key, usage_given, unpriced) VALUES ` + values(n, cols)
		if _, err := tx.ExecContext(ctx, s.dialect.q(query), args...); err != nil {
			return fmt.Errorf("store cost components: %w", err)
		}
		args, n = args[:0], 0
		return nil
	}
	for _, r := range rs {
		for i, c := range r.Components {
			args = append(args, ids[r.Address], i, c.Name, c.Unit, money(c.Quantity), money(c.UnitPrice),
				money(c.Monthly), c.UsageKey, c.UsageGiven, c.Unpriced)
			n++
			if n == batchRows {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}

// values is the VALUES list of an insert of n rows of cols columns.
func values(n, cols int) string {
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	return strings.TrimSuffix(strings.Repeat(tuple+", ", n), ", ")
}

// money is a decimal as a bound argument: its exact string, which
// PostgreSQL reads into NUMERIC and SQLite keeps as TEXT.
func money(d decimal.Decimal) string { return d.String() }

// jsonText encodes a map or slice as JSON, keys sorted; nil maps as {}.
func jsonText(v any) (string, error) {
	if m, ok := v.(map[string]string); ok && m == nil {
		return "{}", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return string(b), nil
}
