package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Migrations are NNNN_name.sql files, one directory per dialect with the
// same numbers; a store records those applied in schema_migrations.
//
//go:embed migrations
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations reads a directory of migrations, sorted by version.
func migrations(fsys fs.FS, dir string) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".sql" {
			continue
		}
		num, name, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s/%s: name it NNNN_what.sql", dir, e.Name())
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations %s: expected version %d, found %d: number them 1, 2, … without gaps", dir, i+1, m.version)
		}
	}
	return ms, nil
}

// migrate applies the migrations a store lacks, all in one transaction
// that concurrent migrators serialize on: the second to arrive finds the
// work done.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations(migrationFiles, s.dialect.migrations)
	if err != nil {
		return s.wrap("migrate", err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap("migrate", fmt.Errorf("%w: %s", err, s.dialect.connectHint))
	}
	defer tx.Rollback()
	if s.dialect.lockMigrations != "" {
		if _, err := tx.ExecContext(ctx, s.dialect.lockMigrations); err != nil {
			return s.wrap("migrate: lock", err)
		}
	}
	if _, err := tx.ExecContext(ctx, s.dialect.createMigrations); err != nil {
		return s.wrap("migrate", fmt.Errorf("%w: %s", err, s.dialect.connectHint))
	}
	applied, err := appliedVersions(ctx, tx)
	if err != nil {
		return s.wrap("migrate", err)
	}
	if len(applied) > 0 && applied[len(applied)-1] > len(ms) {
		return fmt.Errorf("store %s has schema version %d but this tollgate knows only %d: upgrade tollgate", s.name, applied[len(applied)-1], len(ms))
	}
	done := make(map[int]bool, len(applied))
	for _, v := range applied {
		done[v] = true
	}
	for _, m := range ms {
		if done[m.version] {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return s.wrap(fmt.Sprintf("migration %d (%s)", m.version, m.name), err)
		}
		if _, err := tx.ExecContext(ctx, s.dialect.q(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
			m.version, m.name, s.dialect.time(time.Now())); err != nil {
			return s.wrap(fmt.Sprintf("migration %d (%s)", m.version, m.name), err)
		}
	}
	if err := tx.Commit(); err != nil {
		return s.wrap("migrate", err)
	}
	return nil
}

func appliedVersions(ctx context.Context, tx *sql.Tx) ([]int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var vs []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		vs = append(vs, v)
	}
	return vs, rows.Err()
}
