package store

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dialect is what differs between the two backends. Queries are written
// once with ? placeholders and rebound for PostgreSQL.
type dialect struct {
	name        string
	driver      string
	migrations  string // directory of the embedded migrations
	connectHint string // what to do when the store cannot be reached
	// lockMigrations serializes concurrent migrators within their
	// transaction; "" when BEGIN already does (SQLite's immediate lock).
	lockMigrations   string
	createMigrations string
	numbered         bool // placeholders are $1, $2, …
	timeAsText       bool // times are stored as fixed-width UTC text
}

var sqlite = &dialect{
	name:        "sqlite",
	driver:      "sqlite",
	migrations:  "migrations/sqlite",
	connectHint: "check that the file is an SQLite database tollgate can write",
	createMigrations: `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	) STRICT`,
	timeAsText: true,
}

var postgres = &dialect{
	name:        "postgres",
	driver:      "pgx",
	migrations:  "migrations/postgres",
	connectHint: "check the URL, the credentials and that the server is reachable",
	// Any constant works as long as every tollgate uses the same: it is
	// "tollgate" in ASCII.
	lockMigrations: "SELECT pg_advisory_xact_lock(7957879395834078565)",
	createMigrations: `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TIMESTAMPTZ NOT NULL
	)`,
	numbered: true,
}

// q rebinds a query's ? placeholders for the dialect. Queries hold no ?
// in literals.
func (d *dialect) q(query string) string {
	if !d.numbered {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// timeLayout sorts as time when compared as text; times keep microseconds,
// PostgreSQL's precision, so both backends give back the same instant.
const timeLayout = "2006-01-02T15:04:05.000000Z"

// time is a time as the dialect stores it, in UTC, to the microsecond.
func (d *dialect) time(t time.Time) any {
	t = t.UTC().Truncate(time.Microsecond)
	if d.timeAsText {
		return t.Format(timeLayout)
	}
	return t
}

// dbTime scans a time stored by either dialect.
type dbTime struct{ time.Time }

func (t *dbTime) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		t.Time = v.UTC()
		return nil
	case string:
		return t.parse(v)
	case []byte:
		return t.parse(string(v))
	}
	return fmt.Errorf("cannot read %T as a time", src)
}

func (t *dbTime) parse(s string) error {
	v, err := time.Parse(timeLayout, s)
	if err != nil {
		return fmt.Errorf("stored time %q: %w", s, err)
	}
	t.Time = v
	return nil
}

// dbText scans text that a dialect may return as string or []byte
// (PostgreSQL's JSONB).
type dbText string

func (t *dbText) Scan(src any) error {
	switch v := src.(type) {
	case string:
		*t = dbText(v)
	case []byte:
		*t = dbText(v)
	default:
		return fmt.Errorf("cannot read %T as text", src)
	}
	return nil
}
