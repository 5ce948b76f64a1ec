// Package warehouse reads a bill that lives in a database: it pushes the
// summing of FOCUS lines into Charges (per resource, or service, per UTC
// day and charge category) down into one SQL query, so only aggregates
// leave the database. PostgreSQL runs here; sql/ holds the same query for
// Athena, BigQuery and Trino, to run there.
package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/store"
)

// TableParam is the DSN query parameter naming the table of bill lines.
const TableParam = "table"

// Read sums the bill lines of the table a postgres:// DSN names in its
// table parameter (postgres://…/db?table=focus or ?table=billing.focus),
// as billing.Sum does a file's. Of opts, Start, End, Currency and TagKeys
// apply.
func Read(ctx context.Context, dsn string, opts billing.Options) ([]billing.Charge, billing.Summary, error) {
	conn, table, err := SplitDSN(dsn)
	name := store.Redact(dsn) // the same DSNs as the store's PostgreSQL ones
	if err != nil {
		return nil, billing.Summary{Name: name}, fmt.Errorf("billing SQL %s: %w", name, err)
	}
	db, err := sql.Open("pgx", conn)
	if err != nil {
		return nil, billing.Summary{Name: name}, fmt.Errorf("billing SQL %s: %w", name, err)
	}
	defer db.Close()
	charges, sum, err := Aggregate(ctx, db, table, opts)
	sum.Name = name
	if err != nil {
		return nil, sum, fmt.Errorf("billing SQL %s: %w", name, err)
	}
	return charges, sum, nil
}

// SplitDSN splits a --billing-sql DSN into the DSN to connect with and
// the table it names.
func SplitDSN(dsn string) (conn, table string, err error) {
	lower := strings.ToLower(dsn)
	if !strings.HasPrefix(lower, "postgres://") && !strings.HasPrefix(lower, "postgresql://") {
		return "", "", errors.New("not a postgres:// URL: tollgate runs the aggregation on PostgreSQL; for Athena, BigQuery or Trino run the query in engine/reconcile/warehouse/sql yourself")
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "", "", errors.New("not a valid URL: check its quoting (e.g. %-encode special characters of the password)")
	}
	q := u.Query()
	table = q.Get(TableParam)
	if table == "" {
		return "", "", fmt.Errorf("no table: add ?%s=NAME (or SCHEMA.NAME) of the table of FOCUS bill lines", TableParam)
	}
	if _, err := parseTable(table); err != nil {
		return "", "", err
	}
	q.Del(TableParam)
	if !q.Has("default_query_exec_mode") {
		// One query, run once: preparing it first is a wasted round trip.
		q.Set("default_query_exec_mode", "exec")
	}
	u.RawQuery = q.Encode()
	return u.String(), table, nil
}

// identifier is what a table name may be made of; anything else (quotes,
// spaces, semicolons) is refused rather than escaped.
var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_$]*$`)

// parseTable validates NAME or SCHEMA.NAME.
func parseTable(table string) (pgx.Identifier, error) {
	parts := strings.Split(table, ".")
	if len(parts) > 2 {
		return nil, fmt.Errorf("table %q: give NAME or SCHEMA.NAME", table)
	}
	for _, p := range parts {
		if !identifier.MatchString(p) || len(p) > 63 {
			return nil, fmt.Errorf("table %q: names are letters, digits, _ and $, starting with a letter or _", table)
		}
	}
	return pgx.Identifier(parts), nil
}

// Aggregate sums the bill lines of a table (or view) of FOCUS columns in
// one query. Column names match case- and underscore-insensitively
// (BilledCost, billedcost, billed_cost); columns may be typed or text, with
// empty and NULL strings read as null. Charges come sorted by resource,
// service, day and category. Rows counts the lines of the period asked.
func Aggregate(ctx context.Context, db *sql.DB, table string, opts billing.Options) ([]billing.Charge, billing.Summary, error) {
	sum := billing.Summary{Name: table, Format: billing.FOCUS}
	ident, err := parseTable(table)
	if err != nil {
		return nil, sum, err
	}
	// Read only, and in UTC: text timestamps without an offset are UTC,
	// as in FOCUS.
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, sum, fmt.Errorf("connect: %w", err)
	}
	defer tx.Rollback()
	// Enough memory to hash the groups rather than sort every line on
	// disk; a month of a large estate is some hundred thousand groups.
	for _, set := range []string{"SET LOCAL TIME ZONE 'UTC'", "SET LOCAL work_mem = '256MB'"} {
		if _, err := tx.ExecContext(ctx, set); err != nil {
			return nil, sum, fmt.Errorf("%s: %w", set, err)
		}
	}
	t, err := describe(ctx, tx, ident)
	if err != nil {
		return nil, sum, err
	}
	if missing := t.missingRequired(); len(missing) > 0 {
		return nil, sum, &MissingColumnsError{Table: table, Columns: missing}
	}
	sum.Missing = t.missingCosts()
	charges, err := run(ctx, tx, t.query(), opts, &sum)
	if err != nil {
		return nil, sum, fmt.Errorf("aggregate %s: %w", table, err)
	}
	return charges, sum, nil
}

// run runs an aggregation query whose $1 and $2 bound the period and
// whose columns are those of the queries in sql/.
func run(ctx context.Context, tx *sql.Tx, query string, opts billing.Options, sum *billing.Summary) ([]billing.Charge, error) {
	rows, err := tx.QueryContext(ctx, query, bound(opts.Start, "-infinity"), bound(opts.End, "infinity"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	groups, err := scanGroups(rows)
	if err != nil {
		return nil, err
	}
	return collect(groups, opts, sum), nil
}

// MissingColumnsError says a table lacks columns the aggregation needs:
// it is not a FOCUS table.
type MissingColumnsError struct {
	Table   string
	Columns []string // FOCUS names
}

func (e *MissingColumnsError) Error() string {
	return fmt.Sprintf("table %s is not a FOCUS bill: no %s column: point table= at a table or view of FOCUS columns",
		e.Table, strings.Join(e.Columns, ", no "))
}
