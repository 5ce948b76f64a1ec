package warehouse_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/store/storetest"
	"github.com/tollgate-dev/tollgate/engine/reconcile/warehouse"
)

var cmpDecimal = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func day(d int) time.Time { return time.Date(2024, 9, d, 0, 0, 0, 0, time.UTC) }

// null marks an SQL NULL in a line.
const null = "\x00"

// line is one bill line as text, in the columns of focusColumns.
type line []string

var focusColumns = []string{"ResourceId", "ServiceName", "RegionId", "ChargePeriodStart", "ChargePeriodEnd",
	"ChargeCategory", "BilledCost", "EffectiveCost", "ListCost", "ConsumedQuantity", "ConsumedUnit", "Tags", "BillingCurrency"}

// typedLines are valid in a typed table too; the sums below are worked
// out by hand from them.
var typedLines = []line{
	// i-1 on 1 September: three hours (units in two casings) and some
	// storage, so two units in one charge.
	{"i-1", "EC2", "us-east-1", "2024-09-01T00:00:00Z", "2024-09-01T01:00:00Z", "Usage", "0.096", "0.06", "0.096", "1", "Hrs", `{"team": "web", "tollgate-address": "aws_instance.web"}`, "USD"},
	{"i-1", "EC2", "us-east-1", "2024-09-01T01:00:00Z", "2024-09-01T02:00:00Z", "Usage", "0.096", "0.06", "0.096", "1", "Hrs", `{"team": "web", "tollgate-address": "aws_instance.web"}`, "USD"},
	{"i-1", "EC2", "us-east-1", "2024-09-01T23:00:00Z", "2024-09-02T00:00:00Z", "usage", "0.096", "0.06", "0.096", "1", "hrs", `{"team": "web", "tollgate-address": "aws_instance.web"}`, "usd"},
	{"i-1", "EC2", "us-east-1", "2024-09-01T05:00:00Z", "2024-09-01T06:00:00Z", "Usage", "0.01", "0.01", "0.01", "2.5", "GB-Mo", null, "USD"},
	// A credit the same day is another charge.
	{"i-1", "EC2", "us-east-1", "2024-09-01T00:00:00Z", "2024-09-02T00:00:00Z", "Credit", "-0.5", "-0.5", "0", null, null, null, "USD"},
	// The next day, and the day before the period.
	{"i-1", "EC2", "us-east-1", "2024-09-02T00:00:00Z", "2024-09-02T01:00:00Z", "Usage", "0.096", "0.06", "0.096", "1", "Hrs", null, "USD"},
	{"i-1", "EC2", "us-east-1", "2024-08-31T23:00:00Z", "2024-09-01T00:00:00Z", "Usage", "100", "100", "100", "1", "Hrs", null, "USD"},
	// Amounts a float would not keep.
	{"i-3", "EC2", "eu-west-1", "2024-09-01T10:00:00Z", "2024-09-01T11:00:00Z", "Usage", "0.0000000001", "0.0000000001", "0.0000000001", "1", "Hrs", null, "USD"},
	{"i-3", "EC2", "eu-west-1", "2024-09-01T11:00:00Z", "2024-09-01T12:00:00Z", "Usage", "0.0000000002", "0.0000000002", "0.0000000002", "1", "Hrs", null, "USD"},
	// A quantity without a unit is no quantity.
	{"i-3", "EC2", "eu-west-1", "2024-09-01T12:00:00Z", "2024-09-01T13:00:00Z", "Usage", "0", "0", "0", "5", null, null, "USD"},
	{"vol-1", "EC2", "us-east-1", "2024-09-01T00:00:00Z", "2024-09-02T00:00:00Z", "Usage", "0.8", "0.8", "0.8", "8", "GB-Mo", `{"team": "data"}`, "USD"},
	// No resource: summed per service.
	{null, "AWS Support", null, "2024-09-01T00:00:00Z", "2024-09-02T00:00:00Z", "Tax", "1.23", "1.23", null, null, null, null, "USD"},
	// Malformed, each for a reason.
	{"i-1", "EC2", "us-east-1", null, null, "Usage", "9", "9", "9", null, null, null, "USD"},
	{"i-1", "EC2", "us-east-1", "2024-09-01T00:00:00Z", "2024-09-01T01:00:00Z", "Usage", null, "9", "9", null, null, null, "USD"},
	{"i-1", "EC2", "us-east-1", "2024-09-01T00:00:00Z", "2024-09-01T01:00:00Z", "Bogus", "9", "9", "9", null, null, null, "USD"},
	// Another currency.
	{"i-2", "EC2", "eu-west-1", "2024-09-01T00:00:00Z", "2024-09-01T01:00:00Z", "Usage", "5", "5", "5", null, null, null, "EUR"},
}

// textLines are only in the text table: the quirks of real exports.
var textLines = []line{
	// Timestamps without T and zone, NULL strings, empty strings, tags
	// without braces (as Azure writes them), a key with a leading space.
	{"/subscriptions/S/vm1", "Virtual Machines", "westeurope", "2024-09-01 00:00:00", "2024-09-02 00:00:00", "Usage", "2.5", "2", "3", "24", "Hours", `"env": "prod"," org": "fin"`, "USD"},
	{"/subscriptions/S/vm1", "Virtual Machines", "NULL", "2024-09-01 00:00:00", "2024-09-02 00:00:00", "usage", "2.5", "NULL", "", "NULL", "NULL", "NULL", "USD"},
	{"i-9", "EC2", "us-east-1", "2024-09-01T00:00:00Z", "", "Usage", "1", "1", "1", null, null, null, "USD"},
	{"i-9", "EC2", "us-east-1", "yesterday", "2024-09-01T01:00:00Z", "Usage", "1", "1", "1", null, null, null, "USD"},
	{"i-9", "EC2", "us-east-1", "2024-09-01T00:00:00Z", "2024-09-01T01:00:00Z", "Usage", "1,5", "1", "1", null, null, null, "USD"},
	{"i-9", "EC2", "us-east-1", "2024-09-01T00:00:00Z", "2024-09-01T01:00:00Z", "Usage", "1", "1", "1", "many", "Hrs", null, "USD"},
	{"i-9", "EC2", "us-east-1", "2024-09-01T00:00:00Z", "2024-09-01T01:00:00Z", "Usage", "1", "1", "1", null, null, `{"broken`, "USD"},
}

var webTags = map[string]string{"team": "web", "tollgate-address": "aws_instance.web"}

// wantTyped are the charges of typedLines, by hand.
var wantTyped = []billing.Charge{
	{Service: "AWS Support", Day: day(1), Category: billing.Tax, Billed: dec("1.23"), Effective: dec("1.23")},
	{ResourceID: "i-1", Service: "EC2", Region: "us-east-1", Day: time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC), Category: billing.Usage,
		Billed: dec("100"), Effective: dec("100"), List: dec("100"), Quantities: map[string]decimal.Decimal{"hrs": dec("1")}},
	{ResourceID: "i-1", Service: "EC2", Region: "us-east-1", Day: day(1), Category: billing.Credit, Billed: dec("-0.5"), Effective: dec("-0.5")},
	{ResourceID: "i-1", Service: "EC2", Region: "us-east-1", Day: day(1), Category: billing.Usage,
		Billed: dec("0.298"), Effective: dec("0.19"), List: dec("0.298"),
		Quantities: map[string]decimal.Decimal{"hrs": dec("3"), "gb-mo": dec("2.5")}, Tags: webTags},
	{ResourceID: "i-1", Service: "EC2", Region: "us-east-1", Day: day(2), Category: billing.Usage,
		Billed: dec("0.096"), Effective: dec("0.06"), List: dec("0.096"), Quantities: map[string]decimal.Decimal{"hrs": dec("1")}},
	{ResourceID: "i-3", Service: "EC2", Region: "eu-west-1", Day: day(1), Category: billing.Usage,
		Billed: dec("0.0000000003"), Effective: dec("0.0000000003"), List: dec("0.0000000003"), Quantities: map[string]decimal.Decimal{"hrs": dec("2")}},
	{ResourceID: "vol-1", Service: "EC2", Region: "us-east-1", Day: day(1), Category: billing.Usage,
		Billed: dec("0.8"), Effective: dec("0.8"), List: dec("0.8"), Quantities: map[string]decimal.Decimal{"gb-mo": dec("8")}, Tags: map[string]string{"team": "data"}},
}

var wantTypedSummary = billing.Summary{
	Format:   billing.FOCUS,
	Currency: "USD",
	Rows:     16,
	Kept:     12,
	Skipped:  map[string]int{"currency EUR, not USD": 1},
	Malformed: map[string]int{
		"no ChargePeriodStart": 1, "no BilledCost": 1, "bad ChargeCategory": 1,
	},
	PeriodStart: time.Date(2024, 8, 31, 23, 0, 0, 0, time.UTC),
	PeriodEnd:   time.Date(2024, 9, 2, 1, 0, 0, 0, time.UTC),
}

// vm1 is the charge of the two valid textLines.
var vm1 = billing.Charge{ResourceID: "/subscriptions/S/vm1", Service: "Virtual Machines", Region: "westeurope", Day: day(1), Category: billing.Usage,
	Billed: dec("5"), Effective: dec("2"), List: dec("3"), Quantities: map[string]decimal.Decimal{"hours": dec("24")},
	Tags: map[string]string{"env": "prod", "org": "fin"}}

// setup loads the lines into a fresh schema: "FocusTyped" with typed,
// CamelCase columns, and focus_text with text, snake_case columns (as a
// CSV loaded as is would be). It returns the schema's DSN.
func setup(t *testing.T) (string, *sql.DB) {
	t.Helper()
	dsn := storetest.Postgres(t)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var textCols, typedCols []string
	for _, c := range focusColumns {
		textCols = append(textCols, snake(c)+" text")
		typedCols = append(typedCols, typedColumn(c))
	}
	ctx := context.Background()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`CREATE TABLE focus_text (id serial, ` + strings.Join(textCols, ", ") + `)`)
	exec(`CREATE TABLE "FocusTyped" (id serial, ` + strings.Join(typedCols, ", ") + `)`)
	insert := func(table string, cols []string, ls []line) {
		var ph []string
		for i := range cols {
			ph = append(ph, "$"+itoa(i+1))
		}
		for _, l := range ls {
			args := make([]any, len(l))
			for i, v := range l {
				if v != null {
					args[i] = v
				}
			}
			exec(`INSERT INTO `+table+` (`+strings.Join(cols, ", ")+`) VALUES (`+strings.Join(ph, ", ")+`)`, args...)
		}
	}
	var snakes, quoted []string
	for _, c := range focusColumns {
		snakes = append(snakes, snake(c))
		quoted = append(quoted, `"`+c+`"`)
	}
	insert("focus_text", snakes, append(append([]line{}, typedLines...), textLines...))
	// Typed: text parameters cast by the column types.
	var casts []string
	for i, c := range focusColumns {
		casts = append(casts, "CAST($"+itoa(i+1)+" AS "+sqlType(c)+")")
	}
	for _, l := range typedLines {
		args := make([]any, len(l))
		for i, v := range l {
			if v != null {
				args[i] = v
			}
		}
		exec(`INSERT INTO "FocusTyped" (`+strings.Join(quoted, ", ")+`) VALUES (`+strings.Join(casts, ", ")+`)`, args...)
	}
	return dsn, db
}

func sqlType(c string) string {
	switch c {
	case "ChargePeriodStart", "ChargePeriodEnd":
		return "timestamptz"
	case "BilledCost", "EffectiveCost", "ListCost", "ConsumedQuantity":
		return "numeric"
	case "Tags":
		return "jsonb"
	}
	return "text"
}

func typedColumn(c string) string { return `"` + c + `" ` + sqlType(c) }

// snake is billed_cost for BilledCost.
func snake(c string) string {
	var b strings.Builder
	for i, r := range c {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func itoa(i int) string { return decimal.NewFromInt(int64(i)).String() }

func TestAggregate(t *testing.T) {
	_, db := setup(t)
	textSummary := wantTypedSummary
	textSummary.Rows += len(textLines)
	textSummary.Kept += 3
	textSummary.Malformed = map[string]int{
		"no ChargePeriodStart": 1, "no BilledCost": 1, "bad ChargeCategory": 1,
		"bad ChargePeriodStart": 1, "bad BilledCost": 1, "bad ConsumedQuantity": 1,
		"no ChargePeriodEnd": 1,
	}
	// The line with broken tags counts, without them.
	textSummary.Partial = map[string]int{"bad Tags": 1}
	i9 := billing.Charge{ResourceID: "i-9", Service: "EC2", Region: "us-east-1", Day: day(1), Category: billing.Usage,
		Billed: dec("1"), Effective: dec("1"), List: dec("1")}
	// vm1 sorts after the charge without a resource, i-9 before the volume.
	withVM := append([]billing.Charge{wantTyped[0], vm1}, wantTyped[1:]...)
	n := len(withVM) - 1
	withVM = append(withVM[:n:n], i9, withVM[n])
	september := func(cs []billing.Charge) []billing.Charge {
		var out []billing.Charge
		for _, c := range cs {
			if c.Day.Month() == time.September {
				out = append(out, c)
			}
		}
		return out
	}
	septemberSummary := wantTypedSummary
	septemberSummary.Rows, septemberSummary.Kept = 15, 11
	septemberSummary.PeriodStart = day(1)

	tests := []struct {
		name        string
		table       string
		opts        billing.Options
		want        []billing.Charge
		wantSummary billing.Summary
	}{
		{"typed", "FocusTyped", billing.Options{}, wantTyped, wantTypedSummary},
		{"text, snake case, quirks", "focus_text", billing.Options{}, withVM, textSummary},
		{"unquoted name folds to lower case", "FOCUS_TEXT", billing.Options{}, withVM, textSummary},
		{"period", "FocusTyped", billing.Options{Start: day(1), End: day(30)}, september(wantTyped), septemberSummary},
		{"tag filter", "FocusTyped", billing.Options{TagKeys: []string{"Tollgate_Address"}}, withTags(wantTyped, map[string]string{"tollgate-address": "aws_instance.web"}), wantTypedSummary},
		{"currency asked", "FocusTyped", billing.Options{Currency: "eur"},
			[]billing.Charge{{ResourceID: "i-2", Service: "EC2", Region: "eu-west-1", Day: day(1), Category: billing.Usage, Billed: dec("5"), Effective: dec("5"), List: dec("5")}},
			billing.Summary{Format: billing.FOCUS, Currency: "EUR", Rows: 16, Kept: 1,
				Skipped:     map[string]int{"currency USD, not EUR": 12},
				Malformed:   wantTypedSummary.Malformed,
				PeriodStart: day(1), PeriodEnd: time.Date(2024, 9, 1, 1, 0, 0, 0, time.UTC)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, sum, err := warehouse.Aggregate(context.Background(), db, tt.table, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpDecimal, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("charges (-want +got):\n%s", diff)
			}
			tt.wantSummary.Name = tt.table
			if diff := cmp.Diff(tt.wantSummary, sum, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("summary (-want +got):\n%s", diff)
			}
		})
	}
}

// withTags gives the tagged charges other tags.
func withTags(cs []billing.Charge, tags map[string]string) []billing.Charge {
	out := append([]billing.Charge(nil), cs...)
	for i := range out {
		if out[i].Tags != nil && out[i].Tags["tollgate-address"] != "" {
			out[i].Tags = tags
		} else {
			out[i].Tags = nil
		}
	}
	return out
}

func TestAggregateErrors(t *testing.T) {
	_, db := setup(t)
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `CREATE TABLE not_focus (resource_id text, cost numeric)`); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, table, want string
	}{
		{"no such table", "nothing_here", "no table or view nothing_here"},
		{"not FOCUS", "not_focus", "no BilledCost, no ChargePeriodStart, no ChargeCategory column"},
		{"injection", `focus_text; DROP TABLE focus_text`, "names are letters"},
		{"quote", `focus"text`, "names are letters"},
		{"three parts", "a.b.c", "NAME or SCHEMA.NAME"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := warehouse.Aggregate(ctx, db, tt.table, billing.Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Aggregate = %v, want an error containing %q", err, tt.want)
			}
		})
	}
	_, _, err := warehouse.Aggregate(ctx, db, "not_focus", billing.Options{})
	var mc *warehouse.MissingColumnsError
	if !errors.As(err, &mc) || len(mc.Columns) != 3 {
		t.Errorf("Aggregate of a non-FOCUS table = %v, want a MissingColumnsError of 3 columns", err)
	}
	// The injection was refused before it ran.
	if _, _, err := warehouse.Aggregate(ctx, db, "focus_text", billing.Options{}); err != nil {
		t.Errorf("focus_text after the injection attempt: %v", err)
	}
}

func TestRead(t *testing.T) {
	dsn, _ := setup(t)
	withTable := dsn + "&table=FocusTyped"
	got, sum, err := warehouse.Read(context.Background(), withTable, billing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantTyped, got, cmpDecimal, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("charges (-want +got):\n%s", diff)
	}
	if sum.Name != withTable || sum.Kept != wantTypedSummary.Kept {
		t.Errorf("summary %q kept %d, want %q and %d", sum.Name, sum.Kept, withTable, wantTypedSummary.Kept)
	}
}

// TestAgreesWithFileReader reads the same lines as a FOCUS CSV file with
// package billing: the database and the file give the same charges and
// counts.
func TestAgreesWithFileReader(t *testing.T) {
	_, db := setup(t)
	var csv strings.Builder
	w := csvWriter(&csv)
	w(focusColumns)
	for _, l := range append(append([]line{}, typedLines...), textLines...) {
		row := make([]string, len(l))
		for i, v := range l {
			if v != null {
				row[i] = v
			}
		}
		w(row)
	}
	sum := billing.NewSum(billing.Options{})
	fileSum, err := sum.Read(context.Background(), strings.NewReader(csv.String()), "bill.csv")
	if err != nil {
		t.Fatal(err)
	}
	got, dbSum, err := warehouse.Aggregate(context.Background(), db, "focus_text", billing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sum.Charges(), got, cmpDecimal, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("charges (-file +database):\n%s", diff)
	}
	fileSum.Name, dbSum.Name = "", ""
	if diff := cmp.Diff(fileSum, dbSum, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("summary (-file +database):\n%s", diff)
	}
}

// csvWriter writes CSV records, quoting every field.
func csvWriter(b *strings.Builder) func([]string) {
	return func(rec []string) {
		for i, f := range rec {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + strings.ReplaceAll(f, `"`, `""`) + `"`)
		}
		b.WriteByte('\n')
	}
}
