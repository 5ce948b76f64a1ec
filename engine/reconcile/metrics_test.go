package reconcile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
)

var september = []billing.Summary{{Name: "bill.csv", PeriodStart: at("2024-09-01"), PeriodEnd: at("2024-10-01")}}

func TestZeroDivisions(t *testing.T) {
	a := pred("aws_instance.a", "aws_instance", "c1", "2024-08-01", "73", []string{"i-1"})
	free := pred("aws_s3_bucket.b", "aws_s3_bucket", "c1", "2024-08-01", "0", []string{"b"})
	tax := charge("", "2024-09-02", "3", "3", "3")
	tax.Category = billing.Tax
	tests := []struct {
		name    string
		preds   []prediction.Recorded
		charges []billing.Charge
		files   []billing.Summary
		want    Totals
	}{
		{"nothing at all", nil, nil, nil, Totals{NoActual: true}},
		{"predictions but no bill", []prediction.Recorded{a}, nil, september,
			Totals{Resources: 1, Predicted: dec("72"), NoActual: true}},
		{"a bill of tax only", []prediction.Recorded{a}, []billing.Charge{tax}, september,
			Totals{Resources: 1, Predicted: dec("72"), NoActual: true}},
		// |5 − 0| ÷ 5 = 1; (0 − 5) ÷ 5 = −1.
		{"billed but predicted free", []prediction.Recorded{free}, []billing.Charge{charge("b", "2024-09-02", "5", "5", "5")}, september,
			Totals{Resources: 1, Found: 1, ActualList: dec("5"), ActualEffective: dec("5"), ActualBilled: dec("5"),
				WAPE: dec("1"), Bias: dec("-1"), CoveragePredicted: dec("1"), CoverageBilled: dec("1")}},
		{"refunds only", []prediction.Recorded{a}, []billing.Charge{charge("i-1", "2024-09-02", "-5", "-5", "-5")}, september,
			Totals{Resources: 1, Found: 1, Predicted: dec("72"), ActualList: dec("-5"), ActualEffective: dec("-5"), ActualBilled: dec("-5"),
				NoActual: true, CoveragePredicted: dec("1")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Reconcile(tt.preds, tt.charges, tt.files, Options{})
			if diff := cmp.Diff(tt.want, r.Overall, decimalEqual); diff != "" {
				t.Errorf("overall (-want +got):\n%s", diff)
			}
			for _, res := range r.Resources {
				if res.Predicted.IsZero() && !res.Ratio.IsZero() {
					t.Errorf("%s: ratio %s with nothing predicted, want 0", res.Address, res.Ratio)
				}
			}
		})
	}
}

// Without list cost in every bill, predictions are compared with billed
// cost, and a note says so.
// Without list cost in every bill, actuals are effective cost when every
// bill has it, else billed cost.
func TestBasisFallback(t *testing.T) {
	a := pred("aws_instance.a", "aws_instance", "c1", "2024-08-01", "73", []string{"i-1"})
	focus := billing.Summary{Name: "focus.csv", PeriodStart: at("2024-09-01"), PeriodEnd: at("2024-10-01")}
	tests := []struct {
		name     string
		missing  []string
		basis    string
		variance string // actual − 72 predicted
		note     string
	}{
		{"every bill has list cost", nil, BasisList, "28", ""},
		{"effective when list is missing", []string{"ListCost"}, BasisEffective, "-22",
			"cur.csv gives no list cost, so predictions (at list prices) are compared with effective cost: discounts and commitments show as variance"},
		{"billed when both are missing", []string{"EffectiveCost", "ListCost"}, BasisBilled, "-12",
			"cur.csv gives no list cost, so predictions (at list prices) are compared with billed cost: discounts and commitments show as variance"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// One month of each, so that no overlap note comes first.
			cur := billing.Summary{Name: "cur.csv", Missing: tt.missing, PeriodStart: at("2024-10-01"), PeriodEnd: at("2024-11-01")}
			r := Reconcile([]prediction.Recorded{a}, []billing.Charge{charge("i-1", "2024-09-02", "100", "50", "60")},
				[]billing.Summary{focus, cur}, Options{PeriodStart: at("2024-09-01"), PeriodEnd: at("2024-10-01")})
			if r.Basis != tt.basis {
				t.Errorf("basis %q, want %q", r.Basis, tt.basis)
			}
			if got := r.Resources[0].Variance; !got.Equal(dec(tt.variance)) {
				t.Errorf("variance %s, want %s", got, tt.variance)
			}
			var want []string
			if tt.note != "" {
				want = []string{tt.note}
			}
			if diff := cmp.Diff(want, r.Notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
}

// Purchases count toward their resource but not toward its quantities;
// adjustments and credits count toward nothing.
func TestCategories(t *testing.T) {
	a := pred("aws_instance.a", "aws_instance", "c1", "2024-08-01", "73", []string{"i-1"}, comp("Instance usage", "hours", "730", ""))
	purchase := charge("i-1", "2024-09-01", "40", "40", "40", "hrs", "8760")
	purchase.Category = billing.Purchase
	adj := charge("i-1", "2024-09-01", "-2", "-2", "-2")
	adj.Category = billing.Adjustment
	none := charge("i-1", "2024-09-03", "1", "1", "1", "hrs", "20")
	none.Category = ""
	bill := []billing.Charge{charge("i-1", "2024-09-02", "30", "30", "30", "hrs", "700"), purchase, adj, none}
	r := Reconcile([]prediction.Recorded{a}, bill, september, Options{})
	res := r.Resources[0]
	if !res.ActualList.Equal(dec("71")) {
		t.Errorf("actual %s, want 30 + 40 + 1", res.ActualList)
	}
	want := []Quantity{{Component: "Instance usage", Unit: "hours", Predicted: dec("720"), Actual: dec("720")}}
	if diff := cmp.Diff(want, res.Quantities, decimalEqual); diff != "" {
		t.Errorf("quantities (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"adjustments of -2.00 USD are not attributed to resources"}, r.Notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}

// Units that only look alike are not compared, nor are units no bill
// gives a quantity in.
func TestQuantitiesOnlyInMatchingUnits(t *testing.T) {
	fn := pred("aws_lambda_function.f", "aws_lambda_function", "c1", "2024-08-01", "10", []string{"f"},
		comp("Requests", "1M requests", "3", "monthly_requests"),
		comp("Duration", "GB-seconds", "400000", "request_duration_ms"),
		comp("Data transfer", "GB", "5", ""))
	bill := []billing.Charge{charge("arn:aws:lambda:us-east-1:1:function:f", "2024-09-02", "9", "9", "9",
		"Requests", "2880000", "Lambda-GB-Second", "300000")}
	r := Reconcile([]prediction.Recorded{fn}, bill, september, Options{})
	// 3M requests × 720 ÷ 730, in millions; 2.88M billed.
	want := []Quantity{{Component: "Requests", Unit: "1M requests", UsageKey: "monthly_requests",
		Predicted: dec("2.9589041095890411"), Actual: dec("2.88")}}
	if diff := cmp.Diff(want, r.Resources[0].Quantities, decimalEqual); diff != "" {
		t.Errorf("quantities (-want +got):\n%s", diff)
	}
}

// Components of one dimension are compared together, in its base unit
// when their units differ.
func TestQuantitiesOfOneDimension(t *testing.T) {
	db := pred("aws_rds_cluster.c", "aws_rds_cluster", "c1", "2024-08-01", "10", []string{"c"},
		comp("Storage", "GB", "73", "storage_gb"),
		comp("Additional backup storage", "GB", "146", "backup_storage_gb"),
		comp("I/O requests", "1M requests", "1", "monthly_io_requests"),
		comp("API calls", "10k requests", "1", "monthly_api_calls"))
	bill := []billing.Charge{charge("c", "2024-09-02", "9", "9", "9", "GB-Mo", "200", "Requests", "900000")}
	r := Reconcile([]prediction.Recorded{db}, bill, september, Options{})
	want := []Quantity{
		// (1,000,000 + 10,000) × 720 ÷ 730 requests.
		{Component: "I/O requests + API calls", Unit: "requests", Predicted: dec("996164.3835616438356164"), Actual: dec("900000")},
		// (73 + 146) × 720 ÷ 730 GB-months.
		{Component: "Storage + Additional backup storage", Unit: "GB", Predicted: dec("216"), Actual: dec("200")},
	}
	if diff := cmp.Diff(want, r.Resources[0].Quantities, decimalEqual, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("quantities (-want +got):\n%s", diff)
	}
}

func TestTopDrifters(t *testing.T) {
	var preds []prediction.Recorded
	var bill []billing.Charge
	// Predicted 72 each; billed 72 + variance.
	for _, r := range []struct{ address, billed string }{
		{"aws_instance.d", "82"}, {"aws_instance.c", "62"}, {"aws_instance.b", "100"}, {"aws_instance.a", "72"}, {"aws_instance.e", "70"},
	} {
		preds = append(preds, pred(r.address, "aws_instance", "c1", "2024-08-01", "73", []string{r.address}))
		bill = append(bill, charge(r.address, "2024-09-02", r.billed, r.billed, r.billed))
	}
	tests := []struct {
		top  int
		want []string
	}{
		{0, []string{"aws_instance.b", "aws_instance.c", "aws_instance.d", "aws_instance.e"}},
		{2, []string{"aws_instance.b", "aws_instance.c"}},
		{3, []string{"aws_instance.b", "aws_instance.c", "aws_instance.d"}},
	}
	for _, tt := range tests {
		r := Reconcile(preds, bill, september, Options{Top: tt.top})
		if diff := cmp.Diff(tt.want, r.TopDrifters); diff != "" {
			t.Errorf("top %d (-want +got):\n%s", tt.top, diff)
		}
	}
}
