package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
	"github.com/tollgate-dev/tollgate/engine/reconcile/store"
	"github.com/tollgate-dev/tollgate/engine/reconcile/store/storetest"
)

var cmpDecimal = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// open opens a fresh store of a backend, closed when the test ends.
func open(t *testing.T, b storetest.Backend) *store.Store {
	t.Helper()
	return openDSN(t, b.DSN(t))
}

func openDSN(t *testing.T, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// forEachBackend runs a test against every backend, in parallel.
func forEachBackend(t *testing.T, test func(t *testing.T, b storetest.Backend)) {
	t.Helper()
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			t.Parallel()
			test(t, b)
		})
	}
}

var t0 = time.Date(2024, 9, 1, 12, 30, 0, 0, time.UTC)

// fullRun sets every field, with money that a float would not keep.
func fullRun(repo, commit string, at time.Time) prediction.Run {
	return prediction.Run{
		Repo:        repo,
		Commit:      commit,
		PullRequest: "42",
		RecordedAt:  at,
		Source:      "plan.json",
		Catalog:     "embedded",
		PricedAsOf:  map[string]string{"aws": "2024-08-30", "azure": "2024-08-29"},
		Currency:    "USD",
		Resources: []prediction.Resource{
			{
				Address:  "aws_instance.web",
				Type:     "aws_instance",
				Provider: "aws",
				Region:   "eu-west-1",
				Action:   "create",
				Monthly:  dec("70.08"),
				Priced:   true,
				Components: []prediction.Component{
					{Name: "Instance usage (Linux, on-demand, m5.large)", Unit: "hours", Quantity: dec("730"), UnitPrice: dec("0.096"), Monthly: dec("70.08")},
					{Name: "Root volume", Unit: "GB", Quantity: dec("8"), UnitPrice: dec("0"), Monthly: dec("0")},
				},
				CloudIDs: []string{"arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc", "i-0abc"},
				Tags:     map[string]string{"team": "web", "tollgate-address": "aws_instance.web"},
			},
			{
				Address:  "aws_nat_gateway.main",
				Type:     "aws_nat_gateway",
				Provider: "aws",
				Region:   "eu-west-1",
				Action:   "no-op",
				Monthly:  dec("12345678901234567890.123456789012345678"),
				Priced:   false,
				Components: []prediction.Component{
					{Name: "Data processed", Unit: "GB", Quantity: dec("0.0000000001"), UnitPrice: dec("0.048"), Monthly: dec("0.0000000000048"), UsageKey: "monthly_data_processed_gb", UsageGiven: true},
					{Name: "Hours", Unit: "hours", Quantity: dec("730"), UnitPrice: dec("-0.1"), Monthly: dec("-73"), Unpriced: "no price for region"},
				},
				CloudIDs: []string{"nat-0123"},
			},
			{
				Address: `module.x["a b"].aws_s3_bucket.logs`,
				Type:    "aws_s3_bucket",
				Monthly: dec("0"),
				Priced:  true,
				Action:  "delete",
			},
		},
	}
}

func TestRecordKeepsEveryField(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b storetest.Backend) {
		s := open(t, b)
		ctx := context.Background()
		want := fullRun("acme/infra", "c0ffee", t0.Add(123456789*time.Nanosecond))
		id, inserted, err := s.Record(ctx, want)
		if err != nil {
			t.Fatal(err)
		}
		if !inserted || id <= 0 {
			t.Errorf("Record = %d, %v; want a new run", id, inserted)
		}
		got, ok, err := s.Run(ctx, "acme/infra", "c0ffee")
		if err != nil || !ok {
			t.Fatalf("Run = %v, %v", ok, err)
		}
		// Times are kept to the microsecond.
		want.RecordedAt = want.RecordedAt.Truncate(time.Microsecond)
		if diff := cmp.Diff(want, got, cmpDecimal, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("stored run (-want +got):\n%s", diff)
		}
		if got.Resources[1].Monthly.String() != "12345678901234567890.123456789012345678" {
			t.Errorf("money not exact: %s", got.Resources[1].Monthly)
		}
		if _, ok, err := s.Run(ctx, "acme/infra", "other"); ok || err != nil {
			t.Errorf("Run of an unknown commit = %v, %v; want none", ok, err)
		}
	})
}

func TestRecordIsIdempotent(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b storetest.Backend) {
		s := open(t, b)
		ctx := context.Background()
		first := fullRun("acme/infra", "c0ffee", t0)
		id1, inserted1, err := s.Record(ctx, first)
		if err != nil {
			t.Fatal(err)
		}
		// The same commit again, even with other predictions, changes
		// nothing: the first recording stands.
		again := fullRun("acme/infra", "c0ffee", t0.Add(time.Hour))
		again.Resources = again.Resources[:1]
		again.Resources[0].Monthly = dec("1")
		id2, inserted2, err := s.Record(ctx, again)
		if err != nil {
			t.Fatal(err)
		}
		if !inserted1 || inserted2 || id1 != id2 {
			t.Errorf("Record twice = (%d, %v), (%d, %v); want one insert and the same id", id1, inserted1, id2, inserted2)
		}
		// Another repository's run of the same commit is another run.
		id3, inserted3, err := s.Record(ctx, fullRun("acme/other", "c0ffee", t0))
		if err != nil || !inserted3 || id3 == id1 {
			t.Errorf("Record in another repo = %d, %v, %v; want a new run", id3, inserted3, err)
		}
		got, err := s.Predictions(ctx, "acme/infra", time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(first.Resources) {
			t.Fatalf("got %d predictions, want %d", len(got), len(first.Resources))
		}
		for _, p := range got {
			if p.Address == "aws_instance.web" && !p.Monthly.Equal(dec("70.08")) {
				t.Errorf("the second recording replaced the first: monthly %s", p.Monthly)
			}
		}
	})
}

func TestRecordRejectsBadRuns(t *testing.T) {
	tests := []struct {
		name string
		edit func(*prediction.Run)
		want string
	}{
		{"no commit", func(r *prediction.Run) { r.Commit = "" }, "no commit"},
		{"no time", func(r *prediction.Run) { r.RecordedAt = time.Time{} }, "no recording time"},
		{"no address", func(r *prediction.Run) { r.Resources[1].Address = "" }, "no resource address"},
		{"duplicate address", func(r *prediction.Run) { r.Resources[1].Address = r.Resources[0].Address }, "two predictions for aws_instance.web"},
	}
	forEachBackend(t, func(t *testing.T, b storetest.Backend) {
		s := open(t, b)
		ctx := context.Background()
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				run := fullRun("acme/infra", "bad", t0)
				tt.edit(&run)
				_, _, err := s.Record(ctx, run)
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("Record = %v; want an error containing %q", err, tt.want)
				}
				if !strings.Contains(err.Error(), "store ") {
					t.Errorf("error %q does not name the store", err)
				}
			})
		}
		got, err := s.Predictions(ctx, "acme/infra", time.Time{})
		if err != nil || len(got) != 0 {
			t.Errorf("after rejected runs: %d predictions, %v; want none", len(got), err)
		}
	})
}

func TestPredictions(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b storetest.Backend) {
		s := open(t, b)
		ctx := context.Background()
		res := func(addr, monthly string) prediction.Resource {
			return prediction.Resource{Address: addr, Type: "aws_instance", Monthly: dec(monthly), Priced: true}
		}
		runs := []prediction.Run{
			// Recorded out of order: the store orders by time.
			{Repo: "acme/infra", Commit: "c2", RecordedAt: t0.Add(48 * time.Hour), Resources: []prediction.Resource{res("b", "20"), res("a", "2")}},
			{Repo: "acme/infra", Commit: "c1", RecordedAt: t0, Resources: []prediction.Resource{res("a", "1"), res("b", "10")}},
			{Repo: "acme/infra", Commit: "c3", RecordedAt: t0.Add(96 * time.Hour), Resources: []prediction.Resource{res("a", "3")}},
			{Repo: "acme/other", Commit: "c9", RecordedAt: t0, Resources: []prediction.Resource{res("a", "99")}},
		}
		for _, r := range runs {
			if _, _, err := s.Record(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		type row struct {
			Address, Commit, Monthly string
			RecordedAt               time.Time
		}
		tests := []struct {
			name  string
			repo  string
			until time.Time
			want  []row
		}{
			{"all", "acme/infra", time.Time{}, []row{
				{"a", "c1", "1", t0}, {"a", "c2", "2", t0.Add(48 * time.Hour)}, {"a", "c3", "3", t0.Add(96 * time.Hour)},
				{"b", "c1", "10", t0}, {"b", "c2", "20", t0.Add(48 * time.Hour)},
			}},
			{"until excludes the run recorded at it", "acme/infra", t0.Add(48 * time.Hour), []row{
				{"a", "c1", "1", t0}, {"b", "c1", "10", t0},
			}},
			{"until before everything", "acme/infra", t0, nil},
			{"other repo", "acme/other", time.Time{}, []row{{"a", "c9", "99", t0}}},
			{"unknown repo", "nobody/nothing", time.Time{}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				recs, err := s.Predictions(ctx, tt.repo, tt.until)
				if err != nil {
					t.Fatal(err)
				}
				var got []row
				for _, r := range recs {
					if r.Repo != tt.repo {
						t.Errorf("%s: repo %q, want %q", r.Address, r.Repo, tt.repo)
					}
					got = append(got, row{r.Address, r.Commit, r.Monthly.String(), r.RecordedAt})
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("Predictions (-want +got):\n%s", diff)
				}
			})
		}
	})
}

func TestRecordManyResources(t *testing.T) {
	// More rows than one INSERT carries.
	const n = 1203
	forEachBackend(t, func(t *testing.T, b storetest.Backend) {
		s := open(t, b)
		ctx := context.Background()
		run := prediction.Run{Repo: "acme/infra", Commit: "big", RecordedAt: t0}
		for i := range n {
			run.Resources = append(run.Resources, prediction.Resource{
				Address: fmt.Sprintf("aws_instance.r%04d", i),
				Monthly: decimal.New(int64(i), -2),
				Components: []prediction.Component{
					{Name: "hours", Quantity: dec("730"), Monthly: decimal.New(int64(i), -2)},
					{Name: "storage", Quantity: decimal.New(int64(i), 0)},
				},
			})
		}
		if _, _, err := s.Record(ctx, run); err != nil {
			t.Fatal(err)
		}
		got, ok, err := s.Run(ctx, "acme/infra", "big")
		if err != nil || !ok {
			t.Fatalf("Run = %v, %v", ok, err)
		}
		if diff := cmp.Diff(run, got, cmpDecimal, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("stored run (-want +got):\n%s", diff)
		}
	})
}
