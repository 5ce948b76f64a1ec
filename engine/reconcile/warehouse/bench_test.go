package warehouse_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/store/storetest"
	"github.com/tollgate-dev/tollgate/engine/reconcile/warehouse"
)

// BenchmarkAggregate sums a million hourly lines of 2,000 resources over
// a month, in a typed table and in a table of text columns.
func BenchmarkAggregate(b *testing.B) {
	const lines = 1_000_000
	db, err := sql.Open("pgx", storetest.Postgres(b))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for _, q := range []string{
		`CREATE TABLE typed AS SELECT
			'i-' || (n % 2000) AS "ResourceId", 'EC2' AS "ServiceName", 'us-east-1' AS "RegionId",
			timestamptz '2024-09-01' + (n / 2000) * interval '1 hour' AS "ChargePeriodStart",
			timestamptz '2024-09-01' + (n / 2000 + 1) * interval '1 hour' AS "ChargePeriodEnd",
			'Usage' AS "ChargeCategory", 0.096::numeric AS "BilledCost", 0.06::numeric AS "EffectiveCost",
			0.096::numeric AS "ListCost", 1::numeric AS "ConsumedQuantity", 'Hrs' AS "ConsumedUnit",
			'{"team": "web"}'::jsonb AS "Tags", 'USD' AS "BillingCurrency"
		FROM generate_series(0, ` + itoa(lines-1) + `) AS n`,
		`CREATE TABLE text_lines AS SELECT
			"ResourceId", "ServiceName", "RegionId", to_char("ChargePeriodStart" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS "ChargePeriodStart",
			"ChargePeriodEnd"::text AS "ChargePeriodEnd", "ChargeCategory", "BilledCost"::text AS "BilledCost",
			"EffectiveCost"::text AS "EffectiveCost", "ListCost"::text AS "ListCost", "ConsumedQuantity"::text AS "ConsumedQuantity",
			"ConsumedUnit", "Tags"::text AS "Tags", "BillingCurrency"
		FROM typed`,
		`ANALYZE typed`, `ANALYZE text_lines`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	for _, table := range []string{"typed", "text_lines"} {
		b.Run(table, func(b *testing.B) {
			for b.Loop() {
				cs, sum, err := warehouse.Aggregate(ctx, db, table, billing.Options{})
				if err != nil || sum.Kept != lines || len(cs) != 2000*21 {
					b.Fatalf("Aggregate = %d charges, %d kept, %v", len(cs), sum.Kept, err)
				}
			}
			b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
		})
	}
}
