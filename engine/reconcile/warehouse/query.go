package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// The FOCUS columns the aggregation reads, by role.
const (
	colResource      = "ResourceId"
	colService       = "ServiceName"
	colRegion        = "RegionId"
	colRegionName    = "RegionName"
	colStart         = "ChargePeriodStart"
	colEnd           = "ChargePeriodEnd"
	colCategory      = "ChargeCategory"
	colBilled        = "BilledCost"
	colEffective     = "EffectiveCost"
	colList          = "ListCost"
	colConsumedQty   = "ConsumedQuantity"
	colConsumedUnit  = "ConsumedUnit"
	colPricingQty    = "PricingQuantity"
	colPricingUnit   = "PricingUnit"
	colTags          = "Tags"
	colCurrency      = "BillingCurrency"
	requiredColumns  = colBilled + "," + colStart + "," + colCategory
	optionalCostCols = colEffective + "," + colList
)

var wanted = []string{colResource, colService, colRegion, colRegionName, colStart, colEnd, colCategory,
	colBilled, colEffective, colList, colConsumedQty, colConsumedUnit, colPricingQty, colPricingUnit, colTags, colCurrency}

// table is a table's name and the FOCUS columns found in it.
type table struct {
	name  string            // quoted, schema-qualified
	cols  map[string]string // FOCUS name → quoted column name
	types map[string]string // FOCUS name → SQL type, e.g. "numeric"
}

// fold is how column names are matched: BilledCost, billedcost and
// billed_cost are one.
func fold(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }

// describe finds a table and its FOCUS columns. An unquoted name folds to
// lower case in PostgreSQL, so a name not found as written is tried so.
func describe(ctx context.Context, tx *sql.Tx, ident pgx.Identifier) (*table, error) {
	tries := []pgx.Identifier{ident}
	lower := make(pgx.Identifier, len(ident))
	for i, p := range ident {
		lower[i] = strings.ToLower(p)
	}
	if lower.Sanitize() != ident.Sanitize() {
		tries = append(tries, lower)
	}
	for _, id := range tries {
		rows, err := tx.QueryContext(ctx, `
			SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, NULL)
			FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace
			JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			WHERE c.oid = to_regclass($1)
			ORDER BY a.attnum`, id.Sanitize())
		if err != nil {
			return nil, fmt.Errorf("look up table %s: %w", strings.Join(ident, "."), err)
		}
		t := &table{cols: map[string]string{}, types: map[string]string{}}
		byFold := map[string]string{}
		for _, w := range wanted {
			byFold[fold(w)] = w
		}
		for rows.Next() {
			var schema, rel, att, typ string
			if err := rows.Scan(&schema, &rel, &att, &typ); err != nil {
				rows.Close()
				return nil, err
			}
			t.name = pgx.Identifier{schema, rel}.Sanitize()
			if w, ok := byFold[fold(att)]; ok {
				if _, dup := t.cols[w]; !dup {
					t.cols[w] = pgx.Identifier{att}.Sanitize()
					t.types[w] = typ
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if t.name != "" {
			return t, nil
		}
	}
	return nil, fmt.Errorf("no table or view %s: check the name and the search_path, and that the user may read it", strings.Join(ident, "."))
}

func (t *table) missingRequired() []string {
	var m []string
	for _, c := range strings.Split(requiredColumns, ",") {
		if t.cols[c] == "" {
			m = append(m, c)
		}
	}
	return m
}

// missingCosts names what billing.Summary.Missing would for a file.
func (t *table) missingCosts() []string {
	var m []string
	for _, c := range strings.Split(optionalCostCols, ",") {
		if t.cols[c] == "" {
			m = append(m, c)
		}
	}
	if t.cols[colResource] == "" {
		m = append(m, colResource)
	}
	return sortedCopy(m)
}

// raw is a column as text, null when absent, empty or the string NULL in
// any case (exports write both, as a file read treats them).
func (t *table) raw(focus string) string {
	c := t.cols[focus]
	if c == "" {
		return "CAST(NULL AS text)"
	}
	switch t.types[focus] {
	case "text", "character varying", "character":
	default:
		// Not text: it has no empty or NULL strings to clear.
		return "CAST(" + c + " AS text)"
	}
	return fmt.Sprintf("CASE WHEN %[1]s = '' OR (length(%[1]s) = 4 AND UPPER(%[1]s) = 'NULL') THEN NULL ELSE %[1]s END", c)
}

// A column's kind is what the aggregation reads it as.
type kind int

const (
	number kind = iota
	timestamp
)

// native says whether a column already has the type of its kind: it is
// read as it is, with no text check (and no text round trip).
func (t *table) native(focus string, k kind) bool {
	if t.cols[focus] == "" {
		return true // absent: null of any type
	}
	typ := t.types[focus]
	switch k {
	case number:
		return typ == "numeric" || typ == "double precision" || typ == "real" ||
			typ == "integer" || typ == "bigint" || typ == "smallint"
	default:
		return typ == "timestamp with time zone" || typ == "timestamp without time zone" || typ == "date"
	}
}

// value is a number or time column as read: itself when native, else its
// raw text, checked before it is cast.
func (t *table) value(focus string, k kind) string {
	if !t.native(focus, k) {
		return t.raw(focus)
	}
	if t.cols[focus] == "" {
		return "NULL"
	}
	return t.cols[focus]
}

// Patterns a text value must match before it is cast, so that one bad
// line is counted instead of failing the query.
const (
	numberPattern = `'^[[:space:]]*[-+]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]+)?[[:space:]]*$'`
	timePattern   = `'^[[:space:]]*[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?[[:space:]]*([zZ]|UTC|[+-][0-9]{2}(:?[0-9]{2})?)?[[:space:]]*$'`
)

var categories = "('usage', 'purchase', 'tax', 'credit', 'adjustment')"

// query is the aggregation. Its innermost select reads each line, text
// columns cleared of empty and NULL strings; the next says why a line is
// malformed, if it is; the next types the good lines (CASE guarantees no
// cast sees a bad value); the outer one sums per resource, service, day,
// category, currency and unit. Malformed lines sum into one row per
// reason with null keys. $1 and $2 bound the period by ChargePeriodStart.
func (t *table) query() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	w(`SELECT
	malformed AS "x_Malformed",
	resource_id AS "ResourceId",
	service_name AS "ServiceName",
	charge_day AS "ChargePeriodStart",
	charge_day + 1 AS "ChargePeriodEnd",
	charge_category AS "ChargeCategory",
	billing_currency AS "BillingCurrency",
	unit AS "ConsumedUnit",
	COUNT(*) AS "x_LineCount",
	SUM(billed_cost) AS "BilledCost",
	SUM(effective_cost) AS "EffectiveCost",
	SUM(list_cost) AS "ListCost",
	SUM(quantity) AS "ConsumedQuantity",
	MAX(region_id) AS "RegionId",
	MAX(tags) AS "Tags",
	MIN(start_ts) AS "x_FirstChargeStart",
	MAX(GREATEST(end_ts, start_ts)) AS "x_LastChargeEnd"
FROM (
	SELECT malformed,
		CASE WHEN malformed IS NULL THEN res END AS resource_id,
		CASE WHEN malformed IS NULL THEN svc END AS service_name,
		CASE WHEN malformed IS NULL THEN CAST(CAST(s AS timestamptz) AT TIME ZONE 'UTC' AS date) END AS charge_day,
		CASE WHEN malformed IS NULL THEN LOWER(cat) END AS charge_category,
		CASE WHEN malformed IS NULL THEN UPPER(cur) END AS billing_currency,
		CASE WHEN malformed IS NULL AND q IS NOT NULL THEN NULLIF(LOWER(BTRIM(u)), '') END AS unit,
		CASE WHEN malformed IS NULL THEN CAST(b AS numeric) END AS billed_cost,
		CASE WHEN malformed IS NULL THEN CAST(ef AS numeric) END AS effective_cost,
		CASE WHEN malformed IS NULL THEN CAST(li AS numeric) END AS list_cost,
		CASE WHEN malformed IS NULL THEN CAST(q AS numeric) END AS quantity,
		CASE WHEN malformed IS NULL THEN region END AS region_id,
		CASE WHEN malformed IS NULL THEN tags END AS tags,
		CASE WHEN malformed IS NULL THEN CAST(s AS timestamptz) END AS start_ts,
		CASE WHEN malformed IS NULL THEN CAST(e AS timestamptz) END AS end_ts
	FROM (
		SELECT
			CASE
`)
	for _, check := range t.checks() {
		w("\t\t\t\t%s\n", check)
	}
	w(`			END AS malformed,
			*
		FROM (
			SELECT
`)
	qty, unit, qcol := t.quantity()
	fields := []struct{ expr, as string }{
		{t.raw(colResource), "res"},
		{t.raw(colService), "svc"},
		{fmt.Sprintf("COALESCE(%s, %s)", t.raw(colRegion), t.raw(colRegionName)), "region"},
		{t.value(colStart, timestamp), "s"},
		{t.value(colEnd, timestamp), "e"},
		{t.raw(colCategory), "cat"},
		{t.value(colBilled, number), "b"},
		{t.value(colEffective, number), "ef"},
		{t.value(colList, number), "li"},
		{qty, "q"},
		{unit, "u"},
		{qcol, "qcol"},
		{t.raw(colTags), "tags"},
		{t.raw(colCurrency), "cur"},
	}
	for i, f := range fields {
		sep := ","
		if i == len(fields)-1 {
			sep = ""
		}
		w("\t\t\t\t%s AS %s%s\n", f.expr, f.as, sep)
	}
	w("\t\t\tFROM %s%s\n", t.name, t.pruneFilter())
	// OFFSET 0 keeps PostgreSQL from folding the subqueries into one,
	// which would repeat each line's checks for every column that reads
	// their outcome (ten times slower).
	w(`		OFFSET 0) AS line
	OFFSET 0) AS checked
) AS typed
WHERE malformed IS NOT NULL OR (start_ts >= CAST($1 AS timestamptz) AND start_ts < CAST($2 AS timestamptz))
GROUP BY malformed, resource_id, service_name, charge_day, charge_category, billing_currency, unit
`)
	return b.String()
}

// pruneFilter bounds a natively typed ChargePeriodStart by the period, so
// that the database can skip partitions and use indexes before anything
// is cast; the outer query bounds it exactly. Text columns are bounded
// there only.
func (t *table) pruneFilter() string {
	c := t.cols[colStart]
	var lo, hi string
	switch t.types[colStart] {
	case "timestamp with time zone":
		lo, hi = "CAST($1 AS timestamptz)", "CAST($2 AS timestamptz)"
		return fmt.Sprintf("\n\t\t\tWHERE %[1]s IS NULL OR (%[1]s >= %[2]s AND %[1]s < %[3]s)", c, lo, hi)
	case "timestamp without time zone":
		lo, hi = "(CAST($1 AS timestamptz) AT TIME ZONE 'UTC')", "(CAST($2 AS timestamptz) AT TIME ZONE 'UTC')"
		return fmt.Sprintf("\n\t\t\tWHERE %[1]s IS NULL OR (%[1]s >= %[2]s AND %[1]s < %[3]s)", c, lo, hi)
	case "date":
		lo, hi = "CAST(CAST($1 AS timestamptz) AT TIME ZONE 'UTC' AS date)", "CAST(CAST($2 AS timestamptz) AT TIME ZONE 'UTC' AS date)"
		return fmt.Sprintf("\n\t\t\tWHERE %[1]s IS NULL OR (%[1]s >= %[2]s AND %[1]s <= %[3]s)", c, lo, hi)
	}
	return ""
}

// checks are the WHEN clauses that say why a line is malformed, in the
// order a file read checks them; text is checked before it is cast, so
// that one bad line is counted instead of failing the query.
func (t *table) checks() []string {
	var cs []string
	bad := func(alias, pattern, focus string) string {
		return fmt.Sprintf("WHEN %s !~ %s THEN 'bad %s'", alias, pattern, focus)
	}
	cs = append(cs, "WHEN s IS NULL THEN 'no "+colStart+"'")
	if !t.native(colStart, timestamp) {
		cs = append(cs, bad("s", timePattern, colStart))
	}
	if t.cols[colEnd] != "" {
		cs = append(cs, "WHEN e IS NULL THEN 'no "+colEnd+"'")
		if !t.native(colEnd, timestamp) {
			cs = append(cs, bad("e", timePattern, colEnd))
		}
	}
	cs = append(cs, "WHEN cat IS NULL OR LOWER(cat) NOT IN "+categories+" THEN 'bad "+colCategory+"'")
	cs = append(cs, "WHEN b IS NULL THEN 'no "+colBilled+"'")
	if !t.native(colBilled, number) {
		cs = append(cs, bad("b", numberPattern, colBilled))
	}
	for _, c := range []struct{ alias, focus string }{{"ef", colEffective}, {"li", colList}} {
		if !t.native(c.focus, number) {
			cs = append(cs, fmt.Sprintf("WHEN %s IS NOT NULL AND %s !~ %s THEN 'bad %s'", c.alias, c.alias, numberPattern, c.focus))
		}
	}
	if !t.native(colConsumedQty, number) || !t.native(colPricingQty, number) {
		cs = append(cs, "WHEN q IS NOT NULL AND q !~ "+numberPattern+" THEN 'bad ' || qcol")
	}
	return cs
}

// quantity is the quantity a line gives, its unit and its column's name:
// ConsumedQuantity, else PricingQuantity, as a file read takes them.
func (t *table) quantity() (qty, unit, qcol string) {
	consumed, pricing := t.value(colConsumedQty, number), t.value(colPricingQty, number)
	if !t.native(colConsumedQty, number) || !t.native(colPricingQty, number) {
		// Both as text, to be checked.
		consumed, pricing = t.raw(colConsumedQty), t.raw(colPricingQty)
	}
	has := consumed + " IS NOT NULL"
	qty = fmt.Sprintf("CASE WHEN %s THEN %s ELSE %s END", has, consumed, pricing)
	unit = fmt.Sprintf("CASE WHEN %s THEN %s ELSE %s END", has, t.raw(colConsumedUnit), t.raw(colPricingUnit))
	qcol = fmt.Sprintf("CASE WHEN %s THEN '%s' ELSE '%s' END", has, colConsumedQty, colPricingQty)
	return qty, unit, qcol
}

// bound is a period bound as a query argument.
func bound(t time.Time, infinity string) string {
	if t.IsZero() {
		return infinity
	}
	return t.UTC().Format(time.RFC3339Nano)
}
