package reconcile

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
)

func TestProrate(t *testing.T) {
	const addr, typ = "aws_instance.a", "aws_instance"
	run := func(commit, recorded, monthly string) prediction.Recorded {
		return pred(addr, typ, commit, recorded, monthly, nil)
	}
	del := func(commit, recorded string) prediction.Recorded { return deleted(addr, typ, commit, recorded) }
	type row struct{ commit, hours, predicted string }
	tests := []struct {
		name       string
		preds      []prediction.Recorded
		start, end string // Options period; "" takes September 2024 from the bill
		want       []row
	}{
		{"recorded before the period", []prediction.Recorded{run("c1", "2024-08-01", "73")}, "", "",
			[]row{{"c1", "720", "72"}}},
		// 73 × 360 ÷ 730 + 146 × 360 ÷ 730 = 36 + 72.
		{"two runs", []prediction.Recorded{run("c1", "2024-08-01", "73"), run("c2", "2024-09-16", "146")}, "", "",
			[]row{{"c2", "720", "108"}}},
		// 73 × 120 ÷ 730 + 146 × 240 ÷ 730 = 12 + 48.
		{"deleted and created again", []prediction.Recorded{
			run("c1", "2024-08-01", "73"), del("c2", "2024-09-06"), run("c3", "2024-09-21", "146")}, "", "",
			[]row{{"c3", "360", "60"}}},
		{"deleted in the period", []prediction.Recorded{run("c1", "2024-08-01", "730"), del("c2", "2024-09-06")}, "", "",
			[]row{{"c2", "120", "120"}}},
		{"deleted before the period", []prediction.Recorded{run("c1", "2024-08-01", "73"), del("c2", "2024-08-06")}, "", "", nil},
		{"deleted at the period's start", []prediction.Recorded{run("c1", "2024-08-01", "73"), del("c2", "2024-09-01")}, "", "", nil},
		{"recorded after the period", []prediction.Recorded{run("c1", "2024-10-02", "73")}, "", "", nil},
		{"recorded at the period's end", []prediction.Recorded{run("c1", "2024-10-01", "73")}, "", "", nil},
		{"a later run does not change the period's commit", []prediction.Recorded{
			run("c1", "2024-08-01", "73"), run("c2", "2024-10-05", "999")}, "", "",
			[]row{{"c1", "720", "72"}}},
		// 73 × 240 ÷ 730.
		{"period clipped by options", []prediction.Recorded{run("c1", "2024-08-01", "73")}, "2024-09-10", "2024-09-20",
			[]row{{"c1", "240", "24"}}},
		// Half an hour: 73 × 0.5 ÷ 730.
		{"part of an hour", []prediction.Recorded{run("c1", "2024-09-30T23:30", "73")}, "", "",
			[]row{{"c1", "0.5", "0.05"}}},
		// Equal times are ordered by commit: c1 is in force for nothing.
		{"two runs at one time", []prediction.Recorded{run("c2", "2024-08-01", "146"), run("c1", "2024-08-01", "73")}, "", "",
			[]row{{"c2", "720", "144"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := []billing.Summary{{Name: "bill.csv", PeriodStart: at("2024-09-01"), PeriodEnd: at("2024-10-01")}}
			var opts Options
			if tt.start != "" {
				opts.PeriodStart, opts.PeriodEnd = at(tt.start), at(tt.end)
			}
			r := Reconcile(tt.preds, nil, files, opts)
			var got []row
			for _, res := range r.Resources {
				got = append(got, row{res.Commit, res.Hours.String(), res.Predicted.String()})
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(row{})); diff != "" {
				t.Errorf("resources (-want +got):\n%s", diff)
			}
		})
	}
}

// A prorated quantity follows the predictions in force: 100 GB for half
// the month and 300 GB for the other half is 200 × 720 ÷ 730 GB-months.
func TestProrateQuantities(t *testing.T) {
	preds := []prediction.Recorded{
		pred("aws_ebs_volume.v", "aws_ebs_volume", "c1", "2024-08-01", "8", []string{"vol-1"}, comp("Storage (gp3)", "GB", "100", "")),
		pred("aws_ebs_volume.v", "aws_ebs_volume", "c2", "2024-09-16", "24", []string{"vol-1"}, comp("Storage (gp3)", "GB", "300", "")),
	}
	bill := []billing.Charge{charge("vol-1", "2024-09-03", "15", "15", "15", "GB-Mo", "190")}
	files := []billing.Summary{{Name: "bill.csv", PeriodStart: at("2024-09-01"), PeriodEnd: at("2024-10-01")}}
	r := Reconcile(preds, bill, files, Options{})
	want := []Quantity{{Component: "Storage (gp3)", Unit: "GB", Predicted: dec("197.2602739726027397"), Actual: dec("190")}}
	if diff := cmp.Diff(want, r.Resources[0].Quantities, decimalEqual); diff != "" {
		t.Errorf("quantities (-want +got):\n%s", diff)
	}
}

// Charges count only on days a prediction of the resource was in force:
// a resource first recorded on September 16 (it existed before, as a
// no-op change) is compared over the second half of the month only.
func TestChargesClippedToPredictions(t *testing.T) {
	preds := []prediction.Recorded{
		pred("aws_instance.a", "aws_instance", "c1", "2024-09-16", "73", []string{"i-a"}),
		pred("aws_instance.b", "aws_instance", "c1", "2024-08-01", "73", []string{"i-b"}),
		deleted("aws_instance.b", "aws_instance", "c2", "2024-09-11"),
	}
	var charges []billing.Charge
	for d := at("2024-09-01"); d.Before(at("2024-10-01")); d = d.AddDate(0, 0, 1) {
		day := d.Format("2006-01-02")
		charges = append(charges, charge("i-a", day, "2.4", "2.4", "2.4"), charge("i-b", day, "2.4", "2.4", "2.4"))
	}
	files := []billing.Summary{{Name: "bill.csv", PeriodStart: at("2024-09-01"), PeriodEnd: at("2024-10-01")}}
	r := Reconcile(preds, charges, files, Options{})
	type row struct{ Address, Predicted, Actual, Variance string }
	var got []row
	for _, res := range r.Resources {
		got = append(got, row{res.Address, res.Predicted.String(), res.ActualList.String(), res.Variance.String()})
	}
	// a: 15 days of 24 h × 73 ÷ 730 = 36, billed 15 × 2.4 = 36.
	// b: 10 days = 24, billed 10 × 2.4 = 24.
	want := []row{{"aws_instance.a", "36", "36", "0"}, {"aws_instance.b", "24", "24", "0"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resources (-want +got):\n%s", diff)
	}
	// 15 days of a and 20 of b: 35 × 2.4.
	note := "84.00 USD billed to predicted resources on days no prediction of theirs was in force (before the first was recorded, after a delete) is left out"
	if !slices.Contains(r.Notes, note) {
		t.Errorf("notes = %q, want %q", r.Notes, note)
	}
}
