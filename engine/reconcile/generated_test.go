package reconcile_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/billing/billingtest"
	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
)

// A generated FOCUS bill, read by the billing reader, reconciled against
// predictions with known errors. September 2024, 720 hours of each of
// five resources at the generator's hourly list prices:
//
//	resource              billed as      price    predicted monthly        predicted   list actual
//	aws_instance.a        i-0aaa         0.0416   0.0416 × 730 = 30.368    29.952      29.952
//	aws_instance.b        ARN of i-0bbb  0.096    0.1 × 730 = 73           72          69.12
//	aws_instance.c (ARN)  i-0ccc         0.192    0.192 × 730 = 140.16     138.24      138.24 (effective 72%: 99.5328)
//	aws_instance.tagged   by tag         0.0052   0.0052 × 730 = 3.796     3.744       3.744
//	(none)                i-0eee         1.008                                         725.76, unmatched
//
// Σ predicted 243.936, Σ actual 241.056, Σ|a − p| = 2.88: WAPE = bias =
// 2.88 ÷ 241.056 = 0.01194743130227; coverage of billed cost 241.056 ÷
// 966.816.
func TestReconcileGeneratedFOCUS(t *testing.T) {
	const arnB = "arn:aws:ec2:us-east-1:123456789012:instance/i-0bbb"
	var bill bytes.Buffer
	spec := billingtest.Spec{
		Rows: 5 * 720,
		IDs:  []string{"i-0aaa", arnB, "i-0ccc", "untracked-volume", "i-0eee"},
		Tags: map[string]map[string]string{"untracked-volume": {"tollgate-address": "aws_instance.tagged"}},
	}
	if _, err := billingtest.WriteFOCUS(&bill, spec); err != nil {
		t.Fatal(err)
	}
	sum := billing.NewSum(billing.Options{})
	file, err := sum.Read(context.Background(), &bill, "generated.csv")
	if err != nil {
		t.Fatal(err)
	}

	recorded := time.Date(2024, 8, 1, 0, 0, 0, 0, time.UTC)
	pred := func(address, monthly string, ids ...string) prediction.Recorded {
		return prediction.Recorded{
			Resource: prediction.Resource{Address: address, Type: "aws_instance", Action: "create",
				Monthly: decimal.RequireFromString(monthly), Priced: true, CloudIDs: ids,
				Components: []prediction.Component{{Name: "Instance usage", Unit: "hours", Quantity: decimal.NewFromInt(730)}}},
			Repo: "acme/infra", Commit: "c1", RecordedAt: recorded,
		}
	}
	preds := []prediction.Recorded{
		pred("aws_instance.a", "30.368", "i-0aaa"),
		pred("aws_instance.b", "73", "i-0bbb"),
		pred("aws_instance.c", "140.16", "arn:aws:ec2:us-west-2:123456789012:instance/i-0ccc"),
		pred("aws_instance.tagged", "3.796"),
	}
	r := reconcile.Reconcile(preds, sum.Charges(), []billing.Summary{file}, reconcile.Options{})

	d := decimal.RequireFromString
	wantOverall := reconcile.Totals{Resources: 4, Found: 4, Predicted: d("243.936"),
		ActualList: d("241.056"), ActualEffective: d("202.3488"), ActualBilled: d("241.056"),
		WAPE: d("0.01194743130227"), Bias: d("0.01194743130227"),
		CoveragePredicted: d("1"), CoverageBilled: d("0.2493297587131367")}
	round := cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Round(14).Equal(b.Round(14)) })
	if diff := cmp.Diff(wantOverall, r.Overall, round); diff != "" {
		t.Errorf("overall (-want +got):\n%s", diff)
	}
	if r.Basis != reconcile.BasisList {
		t.Errorf("basis %q, want list", r.Basis)
	}
	var matched []string
	for _, res := range r.Resources {
		matched = append(matched, res.Address+"/"+res.MatchedBy)
	}
	if diff := cmp.Diff([]string{"aws_instance.a/id", "aws_instance.b/id", "aws_instance.c/id", "aws_instance.tagged/tag"}, matched); diff != "" {
		t.Errorf("matched (-want +got):\n%s", diff)
	}
	want := []reconcile.Unmatched{{ResourceID: "i-0eee", Service: "Amazon Elastic Compute Cloud", Billed: d("725.76"), List: d("725.76")}}
	if diff := cmp.Diff(want, r.Unmatched, round); diff != "" {
		t.Errorf("unmatched (-want +got):\n%s", diff)
	}
	wantQ := []reconcile.Quantity{{Component: "Instance usage", Unit: "hours", Predicted: d("720"), Actual: d("720")}}
	if diff := cmp.Diff(wantQ, r.Resources[1].Quantities, round); diff != "" {
		t.Errorf("quantities of %s (-want +got):\n%s", r.Resources[1].Address, diff)
	}
}
