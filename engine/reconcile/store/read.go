package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
)

// Predictions returns every resource prediction of the runs of repo
// recorded before until (all of them when until is zero), ordered by
// address, then by recording time and commit: a resource changed by
// several runs has one prediction per run, and the reconciler works out
// which was in force when.
func (s *Store) Predictions(ctx context.Context, repo string, until time.Time) ([]prediction.Recorded, error) {
	filter, args := "u.repo = ?", []any{repo}
	if !until.IsZero() {
		filter += " AND u.recorded_at < ?"
		args = append(args, s.dialect.time(until))
	}
	recs, err := s.recorded(ctx, filter, args...)
	if err != nil {
		return nil, s.wrap("read predictions of "+repoName(repo), err)
	}
	sort.SliceStable(recs, func(i, j int) bool {
		a, b := recs[i], recs[j]
		if a.Address != b.Address {
			return a.Address < b.Address
		}
		if !a.RecordedAt.Equal(b.RecordedAt) {
			return a.RecordedAt.Before(b.RecordedAt)
		}
		return a.Commit < b.Commit
	})
	return recs, nil
}

// Run returns the run recorded for repo and commit, resources sorted by
// address; ok is false when there is none.
func (s *Store) Run(ctx context.Context, repo, commit string) (run prediction.Run, ok bool, err error) {
	op := fmt.Sprintf("read run %s of %s", commit, repoName(repo))
	var pricedAsOf dbText
	var recordedAt dbTime
	err = s.db.QueryRowContext(ctx, s.dialect.q(`
		SELECT repo, commit_sha, pull_request, recorded_at, source, catalog, priced_as_of, currency
		FROM runs WHERE repo = ? AND commit_sha = ?`), repo, commit).
		Scan(&run.Repo, &run.Commit, &run.PullRequest, &recordedAt, &run.Source, &run.Catalog, &pricedAsOf, &run.Currency)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return prediction.Run{}, false, nil
		}
		return prediction.Run{}, false, s.wrap(op, err)
	}
	run.RecordedAt = recordedAt.Time
	if run.PricedAsOf, err = decodeMap(pricedAsOf); err != nil {
		return prediction.Run{}, false, s.wrap(op, err)
	}
	recs, err := s.recorded(ctx, "u.repo = ? AND u.commit_sha = ?", repo, commit)
	if err != nil {
		return prediction.Run{}, false, s.wrap(op, err)
	}
	for _, r := range recs {
		run.Resources = append(run.Resources, r.Resource)
	}
	sort.Slice(run.Resources, func(i, j int) bool { return run.Resources[i].Address < run.Resources[j].Address })
	return run, true, nil
}

// recorded reads the predictions of the runs a filter on runs (alias u)
// selects, with their components.
func (s *Store) recorded(ctx context.Context, filter string, args ...any) ([]prediction.Recorded, error) {
	rows, err := s.db.QueryContext(ctx, s.dialect.q(`
		SELECT r.id, r.address, r.type, r.provider, r.region, r.action, r.monthly, r.priced,
		       r.cloud_ids, r.tags, u.repo, u.commit_sha, u.recorded_at
		FROM resources r JOIN runs u ON u.id = r.run_id
		WHERE `+filter), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var recs []prediction.Recorded
	index := make(map[int64]int) // resource row id → position in recs
	for rows.Next() {
		var (
			id             int64
			rec            prediction.Recorded
			cloudIDs, tags dbText
			recordedAt     dbTime
		)
		if err := rows.Scan(&id, &rec.Address, &rec.Type, &rec.Provider, &rec.Region, &rec.Action,
			&rec.Monthly, &rec.Priced, &cloudIDs, &tags, &rec.Repo, &rec.Commit, &recordedAt); err != nil {
			return nil, err
		}
		rec.RecordedAt = recordedAt.Time
		if err := json.Unmarshal([]byte(cloudIDs), &rec.CloudIDs); err != nil {
			return nil, fmt.Errorf("cloud ids of %s: %w", rec.Address, err)
		}
		if len(rec.CloudIDs) == 0 {
			rec.CloudIDs = nil
		}
		if rec.Tags, err = decodeMap(tags); err != nil {
			return nil, fmt.Errorf("tags of %s: %w", rec.Address, err)
		}
		index[id] = len(recs)
		recs = append(recs, rec)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := s.components(ctx, recs, index, filter, args...); err != nil {
		return nil, err
	}
	return recs, nil
}

// components attaches their components to predictions. A run commits as
// a whole, so the components of every prediction read are there; any of
// a run recorded since are skipped.
func (s *Store) components(ctx context.Context, recs []prediction.Recorded, index map[int64]int, filter string, args ...any) error {
	rows, err := s.db.QueryContext(ctx, s.dialect.q(`
		SELECT c.resource_id, c.name, c.unit, c.quantity, c.unit_price, c.monthly,
		       c.usage_key, c.usage_given, c.unpriced
		FROM components c
		JOIN resources r ON r.id = c.resource_id
		JOIN runs u ON u.id = r.run_id
		WHERE `+filter+`
		ORDER BY c.resource_id, c.position`), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id int64
			c  prediction.Component
		)
		if err := rows.Scan(&id, &c.Name, &c.Unit, &c.Quantity, &c.UnitPrice, &c.Monthly,
			&c.UsageKey, &c.UsageGiven, &c.Unpriced); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			recs[i].Components = append(recs[i].Components, c)
		}
	}
	return rows.Err()
}

// decodeMap decodes a JSON object of strings; {} gives nil.
func decodeMap(text dbText) (map[string]string, error) {
	var m map[string]string
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		return nil, err
	}
	if len(m) == 0 {
		return nil, nil
	}
	return m, nil
}

func repoName(repo string) string {
	if repo == "" {
		return "the unnamed repository"
	}
	return repo
}
