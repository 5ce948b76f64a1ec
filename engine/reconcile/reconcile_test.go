package reconcile

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
)

// dec parses a decimal literal of a test.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// at parses a UTC time "2006-01-02" or "2006-01-02T15:04".
func at(s string) time.Time {
	layout := "2006-01-02"
	if len(s) > len(layout) {
		layout = "2006-01-02T15:04"
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		panic(err)
	}
	return t
}

var decimalEqual = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })

// pred is a prediction recorded by repo acme/infra.
func pred(address, typ, commit, recorded, monthly string, ids []string, comps ...prediction.Component) prediction.Recorded {
	return prediction.Recorded{
		Resource: prediction.Resource{
			Address: address, Type: typ, Action: "create", Monthly: dec(monthly),
			Priced: true, CloudIDs: ids, Components: comps,
		},
		Repo: "acme/infra", Commit: commit, RecordedAt: at(recorded),
	}
}

func deleted(address, typ, commit, recorded string) prediction.Recorded {
	p := pred(address, typ, commit, recorded, "0", nil)
	p.Action = "delete"
	return p
}

func comp(name, unit, quantity, usageKey string) prediction.Component {
	return prediction.Component{Name: name, Unit: unit, Quantity: dec(quantity), UsageKey: usageKey, UsageGiven: usageKey != ""}
}

// charge is a usage charge whose list, effective and billed costs are
// given in that order; qty alternates units and quantities.
func charge(id, day, list, effective, billed string, qty ...string) billing.Charge {
	c := billing.Charge{ResourceID: id, Day: at(day), Category: billing.Usage,
		List: dec(list), Effective: dec(effective), Billed: dec(billed)}
	for i := 0; i+1 < len(qty); i += 2 {
		if c.Quantities == nil {
			c.Quantities = map[string]decimal.Decimal{}
		}
		c.Quantities[qty[i]] = dec(qty[i+1])
	}
	return c
}

const azureVM = "/subscriptions/ABC/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/VM1"

// fixture is September 2024 (720 hours) of a small estate, computed by
// hand:
//
//	resource                       in force        predicted               actual (list)  |a−p|
//	aws_instance.old               09-01..09-06    730×120/730 = 120       94             26
//	aws_instance.web               all month       73×720/730 = 72         80             8
//	aws_nat_gateway.main           09-11..10-01    146×480/730 = 96        90             6
//	aws_s3_bucket.logs (tag)       73 then 146     73×360/730+146×360/730  100            8
//	                               from 09-16      = 36+72 = 108
//	azurerm_linux_virtual_machine  all month       36.5×720/730 = 36       36             0
//	google_compute_instance.app    all month       73×720/730 = 72         0 (unbilled)   72
//	aws_instance.gone              deleted 08-20   left out
//	                                               Σ 504                   Σ 400          Σ 120
//
// WAPE = 120 ÷ 400 = 0.3; bias = (504 − 400) ÷ 400 = 0.26. Billed: 390
// matched of 400 (i-0gone and AWS Glue, 5 each, are unmatched), so
// coverage of billed cost is 0.975; 5 of 6 resources were found.
func fixture() ([]prediction.Recorded, []billing.Charge, []billing.Summary) {
	preds := []prediction.Recorded{
		pred("aws_instance.web", "aws_instance", "c1", "2024-08-01", "73",
			[]string{"arn:aws:ec2:us-east-1:123456789012:instance/i-0abc", "i-0abc"},
			comp("Instance usage (m5.large)", "hours", "730", "")),
		pred("aws_nat_gateway.main", "aws_nat_gateway", "c2", "2024-09-11", "146", []string{"nat-0123"},
			comp("NAT gateway", "hours", "730", ""),
			comp("Data processed", "GB", "730", "monthly_data_processed_gb")),
		pred("aws_s3_bucket.logs", "aws_s3_bucket", "c0", "2024-08-15", "73", nil,
			comp("Storage (standard)", "GB", "100", "storage_gb")),
		pred("aws_s3_bucket.logs", "aws_s3_bucket", "c3", "2024-09-16", "146", nil,
			comp("Storage (standard)", "GB", "200", "storage_gb")),
		pred("aws_instance.old", "aws_instance", "c1", "2024-08-01", "730", []string{"i-0old"}),
		deleted("aws_instance.old", "aws_instance", "c-del", "2024-09-06"),
		pred("aws_instance.gone", "aws_instance", "c-a", "2024-07-01", "100", []string{"i-0gone"}),
		deleted("aws_instance.gone", "aws_instance", "c-b", "2024-08-20"),
		pred("azurerm_linux_virtual_machine.vm", "azurerm_linux_virtual_machine", "c1", "2024-08-01", "36.5",
			[]string{azureVM}, comp("Instance usage", "hours", "730", "")),
		pred("google_compute_instance.app", "google_compute_instance", "c1", "2024-08-01", "73",
			[]string{"https://www.googleapis.com/compute/v1/projects/p1/zones/us-central1-a/instances/app"}),
	}
	preds[len(preds)-1].Priced = false

	logs := charge("acme-logs", "2024-09-05", "100", "100", "100", "gb-mo", "150")
	logs.Tags = map[string]string{"user:tollgate-address": "aws_s3_bucket.logs"}
	gone := charge("i-0gone", "2024-09-02", "5", "5", "5")
	gone.Service = "Amazon Elastic Compute Cloud"
	glue := charge("", "2024-09-02", "5", "5", "5")
	glue.Service = "AWS Glue"
	tax := charge("", "2024-09-30", "10", "10", "10")
	tax.Category = billing.Tax
	credit := charge("i-0abc", "2024-09-30", "-15", "-15", "-15")
	credit.Category = billing.Credit
	charges := []billing.Charge{
		charge("arn:aws:ec2:us-east-1:123456789012:instance/i-0abc", "2024-09-01", "50", "40", "45", "hrs", "400"),
		charge("i-0abc", "2024-09-20", "30", "20", "25", "hours", "300"),
		charge("i-0abc", "2024-08-31", "3", "3", "3"),
		charge("i-0abc", "2024-10-01", "7", "7", "7"),
		charge("nat-0123", "2024-09-12", "90", "90", "90", "hrs", "480", "gb", "600"),
		logs,
		charge("i-0old", "2024-09-03", "94", "94", "94"),
		charge("/subscriptions/abc/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm1", "2024-09-10", "36", "36", "36", "1 hour", "720"),
		gone, glue, tax, credit,
	}
	files := []billing.Summary{{Name: "bill.csv", Format: billing.FOCUS, PeriodStart: at("2024-09-01"), PeriodEnd: at("2024-10-01")}}
	return preds, charges, files
}

func TestReconcileFixture(t *testing.T) {
	preds, charges, files := fixture()
	got := Reconcile(preds, charges, files, Options{MaxWAPE: dec("0.25"), MaxResourceVariance: dec("0.2")})

	res := func(address, typ, commit, by, hours, predicted, list, effective, billed, variance, ratio string, qs ...Quantity) Resource {
		return Resource{Address: address, Type: typ, Repo: "acme/infra", Commit: commit, MatchedBy: by,
			Hours: dec(hours), Predicted: dec(predicted),
			ActualList: dec(list), ActualEffective: dec(effective), ActualBilled: dec(billed),
			Variance: dec(variance), Ratio: dec(ratio), Quantities: qs, Priced: true}
	}
	app := res("google_compute_instance.app", "google_compute_instance", "c1", "", "720", "72", "0", "0", "0", "-72", "0")
	app.Priced = false
	want := &Result{
		PeriodStart: at("2024-09-01"), PeriodEnd: at("2024-10-01"),
		Currency: "USD", Basis: BasisList, Files: files,
		Resources: []Resource{
			res("aws_instance.old", "aws_instance", "c-del", "id", "120", "120", "94", "94", "94", "-26", "0.7833333333333333"),
			res("aws_instance.web", "aws_instance", "c1", "id", "720", "72", "80", "60", "70", "8", "1.1111111111111111",
				Quantity{Component: "Instance usage (m5.large)", Unit: "hours", Predicted: dec("720"), Actual: dec("700")}),
			res("aws_nat_gateway.main", "aws_nat_gateway", "c2", "id", "480", "96", "90", "90", "90", "-6", "0.9375",
				Quantity{Component: "Data processed", Unit: "GB", UsageKey: "monthly_data_processed_gb", Predicted: dec("480"), Actual: dec("600")},
				Quantity{Component: "NAT gateway", Unit: "hours", Predicted: dec("480"), Actual: dec("480")}),
			// 100 GB for 360 h and 200 GB for 360 h: 108000 ÷ 730 GB-months.
			res("aws_s3_bucket.logs", "aws_s3_bucket", "c3", "tag", "720", "108", "100", "100", "100", "-8", "0.9259259259259259",
				Quantity{Component: "Storage (standard)", Unit: "GB", UsageKey: "storage_gb", Predicted: dec("147.9452054794520548"), Actual: dec("150")}),
			res("azurerm_linux_virtual_machine.vm", "azurerm_linux_virtual_machine", "c1", "id", "720", "36", "36", "36", "36", "0", "1",
				Quantity{Component: "Instance usage", Unit: "hours", Predicted: dec("720"), Actual: dec("720")}),
			app,
		},
		Types: []Type{
			// web and old: |8| + |−26| = 34 of 174; (192 − 174) ÷ 174.
			{Type: "aws_instance", Totals: Totals{Resources: 2, Found: 2, Predicted: dec("192"),
				ActualList: dec("174"), ActualEffective: dec("154"), ActualBilled: dec("164"),
				WAPE: dec("0.1954022988505747"), Bias: dec("0.1034482758620690"),
				CoveragePredicted: dec("1"), CoverageBilled: dec("0.41")}},
			{Type: "aws_nat_gateway", Totals: Totals{Resources: 1, Found: 1, Predicted: dec("96"),
				ActualList: dec("90"), ActualEffective: dec("90"), ActualBilled: dec("90"),
				WAPE: dec("0.0666666666666667"), Bias: dec("0.0666666666666667"),
				CoveragePredicted: dec("1"), CoverageBilled: dec("0.225")}},
			{Type: "aws_s3_bucket", Totals: Totals{Resources: 1, Found: 1, Predicted: dec("108"),
				ActualList: dec("100"), ActualEffective: dec("100"), ActualBilled: dec("100"),
				WAPE: dec("0.08"), Bias: dec("0.08"), CoveragePredicted: dec("1"), CoverageBilled: dec("0.25")}},
			{Type: "azurerm_linux_virtual_machine", Totals: Totals{Resources: 1, Found: 1, Predicted: dec("36"),
				ActualList: dec("36"), ActualEffective: dec("36"), ActualBilled: dec("36"),
				CoveragePredicted: dec("1"), CoverageBilled: dec("0.09")}},
			{Type: "google_compute_instance", Totals: Totals{Resources: 1, Predicted: dec("72"), NoActual: true}},
		},
		Overall: Totals{Resources: 6, Found: 5, Predicted: dec("504"),
			ActualList: dec("400"), ActualEffective: dec("380"), ActualBilled: dec("390"),
			WAPE: dec("0.3"), Bias: dec("0.26"),
			CoveragePredicted: dec("0.8333333333333333"), CoverageBilled: dec("0.975")},
		Unmatched: []Unmatched{
			{Service: "AWS Glue", Billed: dec("5"), List: dec("5")},
			{ResourceID: "i-0gone", Service: "Amazon Elastic Compute Cloud", Billed: dec("5"), List: dec("5")},
		},
		TopDrifters: []string{"google_compute_instance.app", "aws_instance.old", "aws_instance.web", "aws_s3_bucket.logs", "aws_nat_gateway.main"},
		Notes: []string{
			"credits of -15.00 USD are not attributed to resources",
			"tax of 10.00 USD is left out",
			"10.00 USD billed outside the period is left out",
			"resources with costs tollgate could not price, whose predictions are lower bounds: 1",
		},
		Violations: []string{
			"overall WAPE is 30%, above the 25% limit",
			"aws_instance.old: actual 94.00 USD is 21.67% below the predicted 120.00 USD, over the 20% limit",
			"google_compute_instance.app: actual 0.00 USD is 100% below the predicted 72.00 USD, over the 20% limit",
		},
	}
	if diff := cmp.Diff(want, got, decimalEqual, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Reconcile (-want +got):\n%s", diff)
	}
}

// Reconcile must not depend on the order of its inputs.
func TestReconcileOrderIndependent(t *testing.T) {
	preds, charges, files := fixture()
	want := Reconcile(preds, charges, files, Options{})
	for i, j := 0, len(preds)-1; i < j; i, j = i+1, j-1 {
		preds[i], preds[j] = preds[j], preds[i]
	}
	for i, j := 0, len(charges)-1; i < j; i, j = i+1, j-1 {
		charges[i], charges[j] = charges[j], charges[i]
	}
	got := Reconcile(preds, charges, files, Options{})
	if diff := cmp.Diff(want, got, decimalEqual); diff != "" {
		t.Errorf("reversed inputs (-want +got):\n%s", diff)
	}
}

func TestOverlappingBills(t *testing.T) {
	sep := func(name string, f billing.Format, start, end string) billing.Summary {
		return billing.Summary{Name: name, Format: f, PeriodStart: at(start), PeriodEnd: at(end)}
	}
	got := overlaps([]billing.Summary{
		sep("a.csv", billing.FOCUS, "2024-09-01", "2024-10-01"),
		sep("b.csv", billing.FOCUS, "2024-09-15", "2024-10-15"),
		sep("c.csv", billing.FOCUS, "2024-10-01", "2024-11-01"), // meets a, overlaps b
		sep("d.csv", billing.AzureCost, "2024-09-01", "2024-10-01"),
	})
	want := []string{
		"a.csv and b.csv cover overlapping periods: if they are exports of one account, its costs count twice",
		"b.csv and c.csv cover overlapping periods: if they are exports of one account, its costs count twice",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}
