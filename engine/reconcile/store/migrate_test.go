package store

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
	"github.com/tollgate-dev/tollgate/engine/reconcile/store/storetest"
)

func TestDialectsHaveTheSameMigrations(t *testing.T) {
	names := func(d *dialect) []string {
		ms, err := migrations(migrationFiles, d.migrations)
		if err != nil {
			t.Fatal(err)
		}
		var ns []string
		for _, m := range ms {
			ns = append(ns, m.name)
		}
		return ns
	}
	if diff := cmp.Diff(names(sqlite), names(postgres)); diff != "" {
		t.Errorf("migrations differ (-sqlite +postgres):\n%s", diff)
	}
}

func TestMigrationNames(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  string // error substring; "" for none
	}{
		{"ordered", []string{"0002_b.sql", "0001_a.sql", "README.md"}, ""},
		{"gap", []string{"0001_a.sql", "0003_c.sql"}, "expected version 2, found 3"},
		{"no number", []string{"init.sql"}, "name it NNNN_what.sql"},
		{"zero", []string{"0000_a.sql"}, "name it NNNN_what.sql"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range tt.files {
				fsys["m/"+f] = &fstest.MapFile{Data: []byte("SELECT 1")}
			}
			ms, err := migrations(fsys, "m")
			if tt.want == "" {
				if err != nil || len(ms) != 2 || ms[0].name != "a" || ms[1].version != 2 {
					t.Errorf("migrations = %+v, %v", ms, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("migrations error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestMigrate(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			dsn := b.DSN(t)
			s, err := Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			// Opening again applies nothing twice.
			s2, err := Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			s2.Close()
			ms, _ := migrations(migrationFiles, s.dialect.migrations)
			var n int
			if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != len(ms) {
				t.Errorf("%d migrations recorded, want %d", n, len(ms))
			}

			// A store from a newer tollgate is refused, not altered.
			if _, err := s.db.ExecContext(ctx, s.dialect.q(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
				len(ms)+7, "future", s.dialect.time(time.Now())); err != nil {
				t.Fatal(err)
			}
			_, err = Open(ctx, dsn)
			if err == nil || !strings.Contains(err.Error(), "upgrade tollgate") {
				t.Errorf("Open of a newer store = %v, want an error asking to upgrade", err)
			}
		})
	}
}

// TestMoneyIsExactInSQL checks how money is kept, not only that it comes
// back: TEXT in SQLite (never REAL), NUMERIC in PostgreSQL.
func TestMoneyIsExactInSQL(t *testing.T) {
	want := map[string]string{"sqlite": "text", "postgres": "numeric"}
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			s, err := Open(ctx, b.DSN(t))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			run := prediction.Run{Commit: "c", RecordedAt: time.Now(), Resources: []prediction.Resource{{
				Address: "a", Monthly: decimal.RequireFromString("0.1"),
				Components: []prediction.Component{{Quantity: decimal.RequireFromString("3"), UnitPrice: decimal.RequireFromString("0.1")}},
			}}}
			if _, _, err := s.Record(ctx, run); err != nil {
				t.Fatal(err)
			}
			typeOf := map[string]string{"sqlite": "typeof", "postgres": "pg_typeof"}[b.Name]
			var monthly, unitPrice, sum string
			err = s.db.QueryRowContext(ctx, `SELECT `+typeOf+`(r.monthly), `+typeOf+`(c.unit_price), r.monthly
				FROM resources r JOIN components c ON c.resource_id = r.id`).Scan(&monthly, &unitPrice, &sum)
			if err != nil {
				t.Fatal(err)
			}
			if monthly != want[b.Name] || unitPrice != want[b.Name] || sum != "0.1" {
				t.Errorf("money kept as %s, %s (%q); want %s, exact", monthly, unitPrice, sum, want[b.Name])
			}
		})
	}
}
