package report_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
	"github.com/tollgate-dev/tollgate/engine/report"
)

// history is three stored reconciliations, out of order: a month at list
// prices, one at billed cost, and one that found nothing billed.
func history() []report.HistoryEntry {
	small, full := smallResult(), fullResult()
	return []report.HistoryEntry{
		{Repo: "acme/infra", RanAt: time.Date(2024, 11, 3, 6, 0, 0, 0, time.UTC), PeriodStart: full.PeriodStart, PeriodEnd: full.PeriodEnd,
			Basis: full.Basis, Currency: "USD", Files: []string{"cur/2024-10.csv.gz", "azure | amortized.csv"}, Overall: full.Overall},
		{Repo: "acme/infra", RanAt: time.Date(2024, 10, 2, 6, 0, 0, 0, time.UTC), PeriodStart: small.PeriodStart, PeriodEnd: small.PeriodEnd,
			Basis: small.Basis, Currency: "USD", Files: []string{"focus-2024-09.csv.gz"}, Overall: small.Overall},
		{RanAt: time.Date(2024, 12, 2, 6, 30, 0, 0, time.UTC), PeriodStart: day("2024-12-01"), PeriodEnd: day("2024-12-02"),
			Basis: "list", Currency: "USD", Overall: reconcile.Totals{Resources: 2, Predicted: dec("4.80")}},
	}
}

func TestHistoryGolden(t *testing.T) {
	for _, tc := range []struct{ file, format string }{
		{"reconcile-history.txt", "table"},
		{"reconcile-history.md", "markdown"},
		{"reconcile-history.json", "json"},
		{"reconcile-history.html", "html"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			checkGolden(t, tc.file, func(b *bytes.Buffer) error { return report.History(b, history(), tc.format, report.ReconcileOptions{}) })
		})
	}
}

func TestHistory(t *testing.T) {
	schema := compileReconcileSchema(t, "reconcile-history.schema.json")
	for _, tc := range []struct {
		name    string
		entries []report.HistoryEntry
		ranAt   []string
	}{
		{"oldest first", history(), []string{"2024-10-02T06:00:00Z", "2024-11-03T06:00:00Z", "2024-12-02T06:30:00Z"}},
		{"none", nil, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.History(&buf, tc.entries, "json", report.ReconcileOptions{}); err != nil {
				t.Fatal(err)
			}
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Fatalf("history JSON does not match its schema: %v", err)
			}
			var got struct {
				Reconciliations []struct {
					RanAt string  `json:"ran_at"`
					WAPE  *string `json:"wape"`
				} `json:"reconciliations"`
			}
			if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			ranAt := []string{}
			for _, r := range got.Reconciliations {
				ranAt = append(ranAt, r.RanAt)
			}
			if diff := cmp.Diff(tc.ranAt, ranAt); diff != "" {
				t.Errorf("order (-want +got):\n%s", diff)
			}
			if n := len(got.Reconciliations); n > 0 && got.Reconciliations[n-1].WAPE != nil {
				t.Errorf("nothing billed: wape %q, want null", *got.Reconciliations[n-1].WAPE)
			}
		})
	}
	for _, format := range report.ReconcileFormats {
		var buf bytes.Buffer
		if err := report.History(&buf, nil, format, report.ReconcileOptions{}); err != nil {
			t.Errorf("%s of no history: %v", format, err)
		}
	}
	if err := report.History(&bytes.Buffer{}, history(), "csv", report.ReconcileOptions{}); err == nil {
		t.Error("unknown format: got no error")
	}
}
