package warehouse

import (
	"context"
	"database/sql"
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/store/storetest"
)

// TestShippedPostgresQuery runs sql/postgres.sql as a user would, on a
// typed table, and checks that it sums as tollgate's own query does.
func TestShippedPostgresQuery(t *testing.T) {
	db, shipped := shippedSetup(t)
	ctx := context.Background()
	day := func(d int) time.Time { return time.Date(2024, 9, d, 0, 0, 0, 0, time.UTC) }
	for _, opts := range []billing.Options{{}, {Start: day(1), End: day(2)}, {Currency: "EUR"}} {
		want, wantSum, err := Aggregate(ctx, db, "bill", opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 {
			t.Fatalf("%+v: no charges", opts)
		}
		tx := utcTx(t, db)
		gotSum := billing.Summary{Name: "bill", Format: billing.FOCUS}
		got, err := run(ctx, tx, shipped, opts, &gotSum)
		tx.Rollback()
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got, cmpDecimal, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%+v: charges (-tollgate +sql/postgres.sql):\n%s", opts, diff)
		}
		if diff := cmp.Diff(wantSum, gotSum, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%+v: summary (-tollgate +sql/postgres.sql):\n%s", opts, diff)
		}
	}
}

// TestOutputIsFOCUS saves the aggregation's output as CSV, as a user of
// Athena, BigQuery or Trino would, and reads it back with package billing
// as a FOCUS file: the charges are the same.
func TestOutputIsFOCUS(t *testing.T) {
	db, shipped := shippedSetup(t)
	ctx := context.Background()
	want, _, err := Aggregate(ctx, db, "bill", billing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tx := utcTx(t, db)
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, shipped, "-infinity", "infinity")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	w := csv.NewWriter(&out)
	w.Write(cols)
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		rec := make([]string, len(cols))
		for i, v := range vals {
			rec[i] = v.String
		}
		w.Write(rec)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	sum := billing.NewSum(billing.Options{})
	if _, err := sum.Read(ctx, strings.NewReader(out.String()), "aggregates.csv"); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, sum.Charges(), cmpDecimal, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("charges (-aggregated +read back):\n%s\n%s", diff, out.String())
	}
}

var cmpDecimal = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })

func utcTx(t *testing.T, db *sql.DB) *sql.Tx {
	t.Helper()
	tx, err := db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(context.Background(), "SET LOCAL TIME ZONE 'UTC'"); err != nil {
		t.Fatal(err)
	}
	return tx
}

// shippedSetup loads a typed table "bill" and returns sql/postgres.sql
// as psql would run it on that table.
func shippedSetup(t *testing.T) (*sql.DB, string) {
	db, err := sql.Open("pgx", storetest.Postgres(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	for _, q := range []string{
		`CREATE TABLE bill ("ResourceId" text, "ServiceName" text, "RegionId" text, "RegionName" text,
			"ChargePeriodStart" timestamptz, "ChargePeriodEnd" timestamptz, "ChargeCategory" text,
			"BilledCost" numeric, "EffectiveCost" numeric, "ListCost" numeric,
			"ConsumedQuantity" numeric, "ConsumedUnit" text, "PricingQuantity" numeric, "PricingUnit" text,
			"Tags" jsonb, "BillingCurrency" text)`,
		`INSERT INTO bill VALUES
			('i-1', 'EC2', 'us-east-1', NULL, '2024-09-01T00:00Z', '2024-09-01T01:00Z', 'Usage', 0.096, 0.06, 0.096, 1, 'Hrs', NULL, NULL, '{"a": "b"}', 'USD'),
			('i-1', 'EC2', NULL, 'US East', '2024-09-01T01:00Z', '2024-09-01T02:00Z', 'usage', 0.096, 0.06, 0.096, NULL, NULL, 730, 'Hours', '{"a": "c"}', 'USD'),
			('i-1', 'EC2', 'us-east-1', NULL, '2024-09-02T01:00Z', '2024-09-02T02:00Z', 'Credit', -1, -1, 0, NULL, NULL, NULL, NULL, NULL, 'USD'),
			('', 'Support', NULL, NULL, '2024-09-01T00:00Z', '2024-10-01T00:00Z', 'Tax', 3, 3, NULL, NULL, NULL, NULL, NULL, NULL, 'USD'),
			('i-1', 'EC2', NULL, NULL, NULL, NULL, 'Usage', 1, 1, 1, NULL, NULL, NULL, NULL, NULL, 'USD'),
			('i-1', 'EC2', NULL, NULL, '2024-09-01T00:00Z', NULL, 'Other', 1, 1, 1, NULL, NULL, NULL, NULL, NULL, 'USD'),
			('i-1', 'EC2', NULL, NULL, '2024-09-01T00:00Z', NULL, 'Usage', NULL, 1, 1, NULL, NULL, NULL, NULL, NULL, 'USD'),
			('i-2', 'EC2', NULL, NULL, '2024-09-01T00:00Z', '2024-09-01T01:00Z', 'Usage', 7, 7, 7, NULL, NULL, NULL, NULL, NULL, 'EUR')`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	text, err := os.ReadFile("sql/postgres.sql")
	if err != nil {
		t.Fatal(err)
	}
	// What psql substitutes for -v table=… -v start=… -v end=….
	shipped := strings.NewReplacer(":table", "bill", ":'start'", "$1", ":'end'", "$2").Replace(string(text))
	return db, strings.TrimSuffix(strings.TrimSpace(shipped), ";")
}
