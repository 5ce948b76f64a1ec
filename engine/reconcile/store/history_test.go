package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/store"
	"github.com/tollgate-dev/tollgate/engine/reconcile/store/storetest"
)

func result(month time.Month, wape string) *reconcile.Result {
	start := time.Date(2024, month, 1, 0, 0, 0, 0, time.UTC)
	return &reconcile.Result{
		PeriodStart: start,
		PeriodEnd:   start.AddDate(0, 1, 0),
		Currency:    "USD",
		Basis:       "list",
		Files:       []billing.Summary{{Name: "focus-" + month.String() + ".csv.gz"}, {Name: "cur.parquet"}},
		Resources: []reconcile.Resource{
			{Repo: "acme/infra", Address: "aws_nat_gateway.main", Type: "aws_nat_gateway", Predicted: dec("32.85"), ActualList: dec("40.0123456789"), ActualEffective: dec("38"), ActualBilled: dec("38.5")},
			{Repo: "acme/infra", Address: "aws_instance.web", Type: "aws_instance", Predicted: dec("70.08"), ActualList: dec("70.08"), ActualEffective: dec("49.056"), ActualBilled: dec("70.08")},
		},
		Overall: reconcile.Totals{
			Resources: 2, Found: 2,
			Predicted: dec("102.93"), ActualList: dec("110.0923456789"), ActualEffective: dec("87.056"), ActualBilled: dec("108.58"),
			WAPE: dec(wape), Bias: dec("-0.0650396498"), CoveragePredicted: dec("1"), CoverageBilled: dec("0.9333333333333333333333"),
		},
	}
}

func kept(id int64, repo string, ranAt time.Time, r *reconcile.Result) store.Reconciliation {
	k := store.Reconciliation{
		ID: id, Repo: repo, RanAt: ranAt, PeriodStart: r.PeriodStart, PeriodEnd: r.PeriodEnd,
		Basis: r.Basis, Currency: r.Currency, Overall: r.Overall,
	}
	for _, f := range r.Files {
		k.Files = append(k.Files, f.Name)
	}
	for _, res := range r.Resources {
		k.Resources = append(k.Resources, store.Reconciled{
			Repo: res.Repo, Address: res.Address, Type: res.Type, Predicted: res.Predicted,
			ActualList: res.ActualList, ActualEffective: res.ActualEffective, ActualBilled: res.ActualBilled,
		})
	}
	// Resources come back sorted by address.
	k.Resources[0], k.Resources[1] = k.Resources[1], k.Resources[0]
	return k
}

func TestHistory(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b storetest.Backend) {
		s := open(t, b)
		ctx := context.Background()
		aug, sep, oct := result(time.August, "0.061"), result(time.September, "0.0650396498"), result(time.October, "0.2")
		// Saved out of order: history is by run time.
		idSep, err := s.SaveReconciliation(ctx, "acme/infra", t0.AddDate(0, 1, 0), sep)
		if err != nil {
			t.Fatal(err)
		}
		idAug, err := s.SaveReconciliation(ctx, "acme/infra", t0, aug)
		if err != nil {
			t.Fatal(err)
		}
		idOct, err := s.SaveReconciliation(ctx, "acme/infra", t0.AddDate(0, 2, 0), oct)
		if err != nil {
			t.Fatal(err)
		}
		// Nothing billed, and the same address from two repositories.
		empty := &reconcile.Result{Basis: "billed", Overall: reconcile.Totals{NoActual: true}, Resources: []reconcile.Resource{
			{Repo: "acme/b", Address: "aws_instance.x", Predicted: dec("1")},
			{Repo: "acme/a", Address: "aws_instance.x", Predicted: dec("2")},
		}}
		idOther, err := s.SaveReconciliation(ctx, "acme/other", t0, empty)
		if err != nil {
			t.Fatal(err)
		}
		all := []store.Reconciliation{
			kept(idOct, "acme/infra", t0.AddDate(0, 2, 0), oct),
			kept(idSep, "acme/infra", t0.AddDate(0, 1, 0), sep),
			kept(idAug, "acme/infra", t0, aug),
		}
		tests := []struct {
			name  string
			repo  string
			limit int
			want  []store.Reconciliation
		}{
			{"all, newest first", "acme/infra", 0, all},
			{"limit", "acme/infra", 2, all[:2]},
			{"limit above count", "acme/infra", 10, all},
			{"nothing billed", "acme/other", 0, []store.Reconciliation{{ID: idOther, Repo: "acme/other", RanAt: t0, Basis: "billed",
				Overall: reconcile.Totals{NoActual: true}, Resources: []store.Reconciled{
					{Repo: "acme/a", Address: "aws_instance.x", Predicted: dec("2")},
					{Repo: "acme/b", Address: "aws_instance.x", Predicted: dec("1")},
				}}}},
			{"unknown repo", "nobody/nothing", 0, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.History(ctx, tt.repo, tt.limit)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tt.want, got, cmpDecimal, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("History (-want +got):\n%s", diff)
				}
			})
		}
	})
}

func TestSaveReconciliationNil(t *testing.T) {
	s := open(t, storetest.Backends()[0])
	if _, err := s.SaveReconciliation(context.Background(), "acme/infra", t0, nil); err == nil {
		t.Error("SaveReconciliation(nil) succeeded")
	}
}
