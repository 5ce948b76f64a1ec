// Package store keeps recorded predictions and reconciliation results in
// one schema with numbered migrations, on one of two backends behind the
// same Store: an SQLite file (pure Go, the default) or a PostgreSQL
// database shared by many CI runners. Writes are transactional and
// idempotent; concurrent writers serialize instead of failing.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// busyTimeout is how long an SQLite writer waits for another to finish:
// long enough for many CI runners recording into one file at once.
const busyTimeout = 60 * time.Second

// Store is an open prediction store. It is safe for concurrent use.
type Store struct {
	db      *sql.DB
	dialect *dialect
	name    string // the DSN with any password redacted, for messages
}

// Open opens the store a DSN names, creating it and bringing its schema
// up to date as needed: a postgres:// or postgresql:// URL is a PostgreSQL
// database, anything else the path of an SQLite file.
func Open(ctx context.Context, dsn string) (*Store, error) {
	if dsn == "" {
		return nil, errors.New("open store: no store given: name an SQLite file or a postgres:// URL")
	}
	d, driverDSN, err := resolve(dsn)
	name := Redact(dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", name, err)
	}
	db, err := sql.Open(d.driver, driverDSN)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", name, err)
	}
	s := &Store{db: db, dialect: d, name: name}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w: %s", name, oneLine{err}, d.connectHint)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the store.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.name, err)
	}
	return nil
}

// Name is the store's DSN with any password redacted.
func (s *Store) Name() string { return s.name }

// resolve picks the backend of a DSN and the DSN its driver is given.
func resolve(dsn string) (*dialect, string, error) {
	if isPostgres(dsn) {
		u, err := url.Parse(dsn)
		if err != nil {
			return nil, "", errors.New("not a valid postgres:// URL: check its quoting (e.g. %-encode special characters of the password)")
		}
		return postgres, pgDSN(u), nil
	}
	if strings.ContainsAny(dsn, "?#") {
		return nil, "", errors.New("an SQLite store path may not contain '?' or '#': rename the file")
	}
	dir := filepath.Dir(dsn)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, "", fmt.Errorf("directory %s does not exist: create it or choose another store path", dir)
	}
	q := url.Values{}
	// busy_timeout and an immediate write lock at BEGIN make concurrent
	// writers (also in other processes) wait their turn instead of failing
	// with SQLITE_BUSY halfway through a transaction; WAL lets readers
	// carry on meanwhile.
	q.Set("_busy_timeout", strconv.FormatInt(busyTimeout.Milliseconds(), 10))
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "1")
	q.Set("_txlock", "immediate")
	return sqlite, dsn + "?" + q.Encode(), nil
}

// pgDSN sends queries unprepared unless the DSN says otherwise: pgx would
// otherwise prepare each multi-row insert (5x slower to record), and
// prepared statements break behind PgBouncer's transaction pooling.
func pgDSN(u *url.URL) string {
	q := u.Query()
	if !q.Has("default_query_exec_mode") {
		q.Set("default_query_exec_mode", "exec")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

func isPostgres(dsn string) bool {
	lower := strings.ToLower(dsn)
	return strings.HasPrefix(lower, "postgres://") || strings.HasPrefix(lower, "postgresql://")
}

// Redact returns a DSN fit for messages: a PostgreSQL URL's password, in
// the user part or a password parameter, is replaced by ***. Paths are
// returned as they are.
func Redact(dsn string) string {
	if !isPostgres(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		// Unparsable: it may hold a password anywhere after the scheme.
		scheme, _, _ := strings.Cut(dsn, "://")
		return scheme + "://***"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "***")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "***")
		u.RawQuery = q.Encode()
	}
	// url.URL escapes the asterisks; they are safe to show as they are.
	return strings.ReplaceAll(u.String(), "%2A%2A%2A", "***")
}

// wrap names the store and the operation in an error.
func (s *Store) wrap(op string, err error) error {
	return fmt.Errorf("store %s: %s: %w", s.name, op, err)
}

// oneLine flattens a driver's multi-line error (pgx lists every address
// it tried) into one line.
type oneLine struct{ error }

func (e oneLine) Error() string {
	lines := strings.Split(e.error.Error(), "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.Join(lines, " ")
}

func (e oneLine) Unwrap() error { return e.error }
