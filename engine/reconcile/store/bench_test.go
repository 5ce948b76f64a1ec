package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
	"github.com/tollgate-dev/tollgate/engine/reconcile/store"
	"github.com/tollgate-dev/tollgate/engine/reconcile/store/storetest"
)

// BenchmarkRecord records runs of 1,000 resources of 3 components each,
// and BenchmarkPredictions reads 10 such runs back.
func BenchmarkRecord(b *testing.B) {
	for _, be := range storetest.Backends() {
		b.Run(be.Name, func(b *testing.B) {
			s := benchStore(b, be)
			ctx := context.Background()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, _, err := s.Record(ctx, benchRun(i, 1000)); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric(float64(i*1000)/b.Elapsed().Seconds(), "resources/s")
		})
	}
}

func BenchmarkPredictions(b *testing.B) {
	for _, be := range storetest.Backends() {
		b.Run(be.Name, func(b *testing.B) {
			s := benchStore(b, be)
			ctx := context.Background()
			for i := range 10 {
				if _, _, err := s.Record(ctx, benchRun(i, 1000)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				recs, err := s.Predictions(ctx, "acme/infra", time.Time{})
				if err != nil || len(recs) != 10000 {
					b.Fatalf("Predictions = %d, %v", len(recs), err)
				}
			}
		})
	}
}

func benchStore(b *testing.B, be storetest.Backend) *store.Store {
	s, err := store.Open(context.Background(), be.DSN(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func benchRun(i, n int) prediction.Run {
	run := prediction.Run{Repo: "acme/infra", Commit: fmt.Sprintf("c%d", i), RecordedAt: t0.Add(time.Duration(i) * time.Minute)}
	for r := range n {
		run.Resources = append(run.Resources, prediction.Resource{
			Address:  fmt.Sprintf("aws_instance.r%05d", r),
			Type:     "aws_instance",
			Region:   "eu-west-1",
			Monthly:  dec("70.08"),
			CloudIDs: []string{fmt.Sprintf("i-%017x", r)},
			Tags:     map[string]string{"team": "web"},
			Components: []prediction.Component{
				{Name: "hours", Unit: "hours", Quantity: dec("730"), UnitPrice: dec("0.096"), Monthly: dec("70.08")},
				{Name: "storage", Unit: "GB", Quantity: dec("8"), UnitPrice: dec("0"), Monthly: dec("0")},
				{Name: "data", Unit: "GB", Quantity: dec("100"), UnitPrice: dec("0"), Monthly: dec("0"), UsageKey: "monthly_gb"},
			},
		})
	}
	return run
}
