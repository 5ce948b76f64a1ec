// Package storetest gives tests fresh, empty stores on every backend: an
// SQLite file in a temporary directory, and a PostgreSQL schema of its own
// in the server TOLLGATE_TEST_POSTGRES names (.ci/postgres.sh starts one),
// dropped when the test ends, so tests can run in parallel and again.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// The environment the PostgreSQL tests read.
const (
	// PostgresEnv names the server: a postgres:// URL of a database the
	// tests may create schemas in.
	PostgresEnv = "TOLLGATE_TEST_POSTGRES"
	// RequireEnv set to 1 makes an unset or unreachable server fail the
	// tests instead of skipping them, so CI cannot pass silently.
	RequireEnv = "TOLLGATE_REQUIRE_POSTGRES"
)

// Backend is a kind of store and how to get a fresh one.
type Backend struct {
	Name string
	// DSN returns the DSN of a new, empty store that lives as long as
	// the test; it skips (or fails, see RequireEnv) the test when the
	// backend is unavailable.
	DSN func(t testing.TB) string
}

// Backends are every backend, for a table of tests.
func Backends() []Backend {
	return []Backend{
		{Name: "sqlite", DSN: SQLite},
		{Name: "postgres", DSN: Postgres},
	}
}

// SQLite returns the path of a new SQLite store in the test's temporary
// directory.
func SQLite(t testing.TB) string {
	return filepath.Join(t.TempDir(), "tollgate.db")
}

// Postgres returns the URL of a new, empty schema of the test server, as
// the first in the connection's search path.
func Postgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		unavailable(t, "set "+PostgresEnv+" (.ci/run starts one)")
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s is not a URL: %v", PostgresEnv, err)
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		unavailable(t, PostgresEnv+" is unreachable: "+strings.ReplaceAll(err.Error(), "\n", " "))
	}
	schema := "t_" + randomHex(t)
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create test schema: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			t.Errorf("drop test schema %s: %v", schema, err)
			return
		}
		defer db.Close()
		if _, err := db.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("drop test schema %s: %v", schema, err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func unavailable(t testing.TB, why string) {
	t.Helper()
	if os.Getenv(RequireEnv) == "1" {
		t.Fatalf("PostgreSQL tests cannot run and %s=1 requires them: %s", RequireEnv, why)
	}
	t.Skip("PostgreSQL tests skipped: " + why)
}

func randomHex(t testing.TB) string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}
