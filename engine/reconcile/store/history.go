package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
)

// Reconciliation is what the store keeps of a reconciliation: enough to
// show accuracy over time.
type Reconciliation struct {
	ID                     int64
	Repo                   string
	RanAt                  time.Time
	PeriodStart, PeriodEnd time.Time
	Basis                  string
	Currency               string
	Files                  []string // the bill files, as named
	Overall                reconcile.Totals
	Resources              []Reconciled // sorted by address, then repo
}

// Reconciled is what is kept of one resource's comparison.
type Reconciled struct {
	Repo, Address, Type                       string
	Predicted                                 decimal.Decimal
	ActualList, ActualEffective, ActualBilled decimal.Decimal
}

// SaveReconciliation keeps a reconciliation of repo's predictions that
// ran at ranAt, and returns its id.
func (s *Store) SaveReconciliation(ctx context.Context, repo string, ranAt time.Time, r *reconcile.Result) (int64, error) {
	const op = "save reconciliation"
	if r == nil {
		return 0, s.wrap(op, errors.New("no result"))
	}
	files := make([]string, len(r.Files))
	for i, f := range r.Files {
		files[i] = f.Name
	}
	filesJSON, err := json.Marshal(files)
	if err != nil {
		return 0, s.wrap(op, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, s.wrap(op, err)
	}
	defer tx.Rollback()
	o := r.Overall
	var id int64
	err = tx.QueryRowContext(ctx, s.dialect.q(`
		INSERT INTO reconciliations (repo, ran_at, period_start, period_end, basis, currency, files,
			resources, found, predicted, actual_list, actual_effective, actual_billed,
			wape, bias, coverage_predicted, coverage_billed, no_actual)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		RETURNING id`),
		repo, s.dialect.time(ranAt), s.dialect.time(r.PeriodStart), s.dialect.time(r.PeriodEnd),
		r.Basis, r.Currency, string(filesJSON), o.Resources, o.Found,
		money(o.Predicted), money(o.ActualList), money(o.ActualEffective), money(o.ActualBilled),
		money(o.WAPE), money(o.Bias), money(o.CoveragePredicted), money(o.CoverageBilled), o.NoActual,
	).Scan(&id)
	if err != nil {
		return 0, s.wrap(op, err)
	}
	const cols = 8
	for start := 0; start < len(r.Resources); start += batchRows {
		batch := r.Resources[start:min(start+batchRows, len(r.Resources))]
		args := make([]any, 0, len(batch)*cols)
		for _, res := range batch {
			args = append(args, id, res.Repo, res.Address, res.Type, money(res.Predicted),
				money(res.ActualList), money(res.ActualEffective), money(res.ActualBilled))
		}
		query := `INSERT INTO reconciled_resources (reconciliation_id, repo, address, type, predicted, actual_list, actual_effective, actual_billed) VALUES ` + values(len(batch), cols)
		if _, err := tx.ExecContext(ctx, s.dialect.q(query), args...); err != nil {
			return 0, s.wrap(op, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, s.wrap(op, err)
	}
	return id, nil
}

// History returns the kept reconciliations of repo, newest first; at most
// limit of them when limit is positive.
func (s *Store) History(ctx context.Context, repo string, limit int) ([]Reconciliation, error) {
	op := "read reconciliation history of " + repoName(repo)
	query := `
		SELECT id, repo, ran_at, period_start, period_end, basis, currency, files,
			resources, found, predicted, actual_list, actual_effective, actual_billed,
			wape, bias, coverage_predicted, coverage_billed, no_actual
		FROM reconciliations WHERE repo = ?
		ORDER BY ran_at DESC, id DESC`
	args := []any{repo}
	if limit > 0 {
		query += " LIMIT ?"
		args = append(args, limit)
	}
	rows, err := s.db.QueryContext(ctx, s.dialect.q(query), args...)
	if err != nil {
		return nil, s.wrap(op, err)
	}
	defer rows.Close()
	var hist []Reconciliation
	for rows.Next() {
		var (
			h                 Reconciliation
			ranAt, start, end dbTime
			files             dbText
			o                 = &h.Overall
		)
		if err := rows.Scan(&h.ID, &h.Repo, &ranAt, &start, &end, &h.Basis, &h.Currency, &files,
			&o.Resources, &o.Found, &o.Predicted, &o.ActualList, &o.ActualEffective, &o.ActualBilled,
			&o.WAPE, &o.Bias, &o.CoveragePredicted, &o.CoverageBilled, &o.NoActual); err != nil {
			return nil, s.wrap(op, err)
		}
		h.RanAt, h.PeriodStart, h.PeriodEnd = ranAt.Time, start.Time, end.Time
		if err := json.Unmarshal([]byte(files), &h.Files); err != nil {
			return nil, s.wrap(op, fmt.Errorf("files of reconciliation %d: %w", h.ID, err))
		}
		if len(h.Files) == 0 {
			h.Files = nil
		}
		hist = append(hist, h)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(op, err)
	}
	if err := s.reconciled(ctx, hist); err != nil {
		return nil, s.wrap(op, err)
	}
	return hist, nil
}

// reconciled attaches their resources to reconciliations, named by id so
// that one saved meanwhile cannot shift the set.
func (s *Store) reconciled(ctx context.Context, hist []Reconciliation) error {
	index := make(map[int64]int, len(hist))
	for i, h := range hist {
		index[h.ID] = i
	}
	for start := 0; start < len(hist); start += batchRows {
		batch := hist[start:min(start+batchRows, len(hist))]
		args := make([]any, len(batch))
		for i, h := range batch {
			args[i] = h.ID
		}
		in := strings.TrimSuffix(strings.Repeat("?, ", len(batch)), ", ")
		rows, err := s.db.QueryContext(ctx, s.dialect.q(`
			SELECT reconciliation_id, repo, address, type, predicted, actual_list, actual_effective, actual_billed
			FROM reconciled_resources WHERE reconciliation_id IN (`+in+`)`), args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var (
				id int64
				r  Reconciled
			)
			if err := rows.Scan(&id, &r.Repo, &r.Address, &r.Type, &r.Predicted, &r.ActualList, &r.ActualEffective, &r.ActualBilled); err != nil {
				rows.Close()
				return err
			}
			h := &hist[index[id]]
			h.Resources = append(h.Resources, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	for i := range hist {
		rs := hist[i].Resources
		sort.Slice(rs, func(a, b int) bool {
			if rs[a].Address != rs[b].Address {
				return rs[a].Address < rs[b].Address
			}
			return rs[a].Repo < rs[b].Repo
		})
	}
	return nil
}
