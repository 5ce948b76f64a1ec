package billing_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
)

// samples is the shared folder of real billing exports
// (/work/shared/billing, README.md there says where each comes from).
const samples = "../../../../shared/billing"

// The expected numbers below were computed from the CSV files with a
// Python one-off (csv + decimal modules), not with this package.

func readSample(t *testing.T, rel string) ([]billing.Charge, billing.Summary) {
	t.Helper()
	path := filepath.Join(samples, rel)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("%s absent: the shared billing samples are not available", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := billing.NewSum(billing.Options{})
	sum, err := s.Read(context.Background(), f, rel)
	if err != nil {
		t.Fatal(err)
	}
	return s.Charges(), sum
}

type totals struct {
	Charges                 int
	Billed, Effective, List decimal.Decimal
}

func totalOf(charges []billing.Charge, keep func(billing.Charge) bool) totals {
	var t totals
	for _, c := range charges {
		if keep != nil && !keep(c) {
			continue
		}
		t.Charges++
		t.Billed = t.Billed.Add(c.Billed)
		t.Effective = t.Effective.Add(c.Effective)
		t.List = t.List.Add(c.List)
	}
	return t
}

func TestSamples(t *testing.T) {
	tests := []struct {
		file    string
		format  billing.Format
		rows    int
		missing []string
		want    totals
	}{
		{"focus-1.0-sample/focus_sample.csv", billing.FOCUS, 1000, nil,
			totals{973, d("20.52022672899"), d("14.97651418586"), d("20.39090575119")}},
		{"aws-cur-legacy/sample-anonymous-aws-export-dataset.csv", billing.CUR, 1281, []string{"ResourceId"},
			totals{138, d("1.68230869740"), d("1.68230869740"), d("3.35617269490")}},
		// The actual-cost export bills a reservation purchase (3.25) that
		// is no effective cost; the amortized one spreads it into usage.
		{"azure-ea-cost-details/EA_ActualCost_Small.csv", billing.AzureCost, 11, []string{"EffectiveCost"},
			totals{11, d("8.5450077867419368"), d("5.2950077867419368"), d("5.295007719")}},
		{"azure-ea-cost-details/EA_AmortizedCost_Small.csv", billing.AzureCost, 28, []string{"BilledCost"},
			totals{27, d("15.79778013616864462748541900"), d("16.29693213663664462748541900"), d("15.811127594784")}},
		// FOCUS 1.2 normative examples: a commitment purchase is billed,
		// its use is effective cost.
		{"focus-spec-1.2-examples/commitment_discount_scenarios/commitment_discount_purchase_scenario_1.csv", billing.FOCUS, 1,
			[]string{"ListCost"}, totals{1, d("8760"), d("0"), d("0")}},
		{"focus-spec-1.2-examples/commitment_discount_scenarios/commitment_discount_usage_scenario_4.csv", billing.FOCUS, 2,
			[]string{"ListCost"}, totals{1, d("0.5"), d("1.5"), d("0")}},
		{"focus-spec-1.2-examples/commitment_discount_flexibility/one_hundred_percent_utilization_with_commitment_discount_flexibility_with_1_resource.csv",
			billing.FOCUS, 3, nil, totals{2, d("2.75"), d("2.75"), d("6.25")}},
		// Spreadsheet money ("$10,100.00 ") and M/D/YY dates.
		{"focus-spec-1.2-examples/saas_examples/simple_agreements/simple_saas_agreements_c.csv", billing.FOCUS, 3, nil,
			totals{3, d("35800"), d("35800"), d("35800")}},
		{"focus-spec-1.2-examples/saas_examples/virtual_currency_pricing_model_b2.csv", billing.FOCUS, 3, nil,
			totals{2, d("0"), d("615"), d("1230")}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			charges, sum := readSample(t, tt.file)
			if sum.Format != tt.format || sum.Rows != tt.rows || sum.Kept != tt.rows || len(sum.Malformed) > 0 {
				t.Errorf("summary %+v: want format %s, %d rows all kept", sum, tt.format, tt.rows)
			}
			if diff := cmp.Diff(tt.missing, sum.Missing, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("missing (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, totalOf(charges, nil), decimalEqual); diff != "" {
				t.Errorf("totals (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSampleFOCUSDetails(t *testing.T) {
	charges, sum := readSample(t, "focus-1.0-sample/focus_sample.csv")
	if sum.PeriodStart != day("2024-09-01") || sum.PeriodEnd != day("2024-10-01") || sum.Currency != "USD" {
		t.Errorf("period %s–%s %s", sum.PeriodStart, sum.PeriodEnd, sum.Currency)
	}
	find := func(id string) billing.Charge {
		t.Helper()
		i := slices.IndexFunc(charges, func(c billing.Charge) bool { return c.ResourceID == id })
		if i < 0 {
			t.Fatalf("no charge of %s", id)
		}
		return charges[i]
	}
	// One hourly EC2 line ("2024-09-26 00:00:00", no zone).
	want := billing.Charge{ResourceID: "i-081360af1l266l589", Service: "Amazon Elastic Compute Cloud", Region: "us-east-1",
		Day: day("2024-09-26"), Category: billing.Usage, Billed: d("0.34"), Effective: d("0"), List: d("0.34"),
		Quantities: qty("hours", "1"),
		Tags:       map[string]string{"application": "BrightPathMatrix", "environment": "dev", "business_unit": "PeoriaData"}}
	if diff := cmp.Diff(want, find("i-081360af1l266l589"), decimalEqual); diff != "" {
		t.Errorf("EC2 charge (-want +got):\n%s", diff)
	}
	// The Microsoft tag key " org" has a stray space: trimmed.
	sa := find("/subscriptions/64e355d7-997c-491d-b0c1-8414dccfcf42/resourcegroups/ftk-integration-tests/providers/microsoft.storage/storageaccounts/2b7e6ef8d799420f9aafb807")
	if sa.Tags["org"] != "trey" || sa.Tags["Project"] != "Foo" || len(sa.Tags) != 5 {
		t.Errorf("storage account tags = %v", sa.Tags)
	}
	byCat := map[billing.Category]int{}
	for _, c := range charges {
		byCat[c.Category]++
	}
	if byCat[billing.Credit] != 1 || byCat[billing.Adjustment] != 2 {
		t.Errorf("charges by category = %v, want 1 credit and 2 adjustments", byCat)
	}
}

func TestSampleCURServiceLevel(t *testing.T) {
	charges, _ := readSample(t, "aws-cur-legacy/sample-anonymous-aws-export-dataset.csv")
	for _, c := range charges {
		if c.ResourceID != "" {
			t.Fatalf("charge with resource id %q from an export without resource ids", c.ResourceID)
		}
	}
	s3 := totalOf(charges, func(c billing.Charge) bool { return c.Service == "Amazon Simple Storage Service" })
	if !s3.Billed.Equal(d("1.44056535650")) || !s3.List.Equal(d("1.37086013480")) {
		t.Errorf("S3 billed %s list %s, want 1.44056535650 and 1.37086013480", s3.Billed, s3.List)
	}
	tax := totalOf(charges, func(c billing.Charge) bool { return c.Category == billing.Tax })
	if !tax.Billed.Equal(d("0.08")) {
		t.Errorf("tax %s, want 0.08", tax.Billed)
	}
}
