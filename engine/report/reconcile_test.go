package report_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/report"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// reconciled fills in what the reconciler derives from a resource's
// costs: variance and ratio at the basis.
func reconciled(basis string, r reconcile.Resource) reconcile.Resource {
	actual := r.ActualBilled
	if basis == "list" {
		actual = r.ActualList
	}
	r.Variance = actual.Sub(r.Predicted)
	if !r.Predicted.IsZero() {
		r.Ratio = actual.Div(r.Predicted)
	}
	return r
}

// totals computes the measures of a set of resources as the contract in
// engine/reconcile/result.go defines them; allBilled is the whole bill's
// billed cost, matched or not.
func totals(basis string, rs []reconcile.Resource, allBilled decimal.Decimal) reconcile.Totals {
	var t reconcile.Totals
	var abs, signed decimal.Decimal
	for _, r := range rs {
		t.Resources++
		if r.MatchedBy != "" {
			t.Found++
		}
		t.Predicted = t.Predicted.Add(r.Predicted)
		t.ActualList = t.ActualList.Add(r.ActualList)
		t.ActualEffective = t.ActualEffective.Add(r.ActualEffective)
		t.ActualBilled = t.ActualBilled.Add(r.ActualBilled)
		abs = abs.Add(r.Variance.Abs())
		signed = signed.Sub(r.Variance)
	}
	actual := t.ActualBilled
	if basis == "list" {
		actual = t.ActualList
	}
	if actual.IsPositive() {
		t.WAPE = abs.Div(actual)
		t.Bias = signed.Div(actual)
	} else {
		t.NoActual = true
	}
	if t.Resources > 0 {
		t.CoveragePredicted = decimal.NewFromInt(int64(t.Found)).Div(decimal.NewFromInt(int64(t.Resources)))
	}
	if allBilled.IsPositive() {
		t.CoverageBilled = t.ActualBilled.Div(allBilled)
	}
	return t
}

// finish derives variances, per-type and overall totals of a result whose
// resources and unmatched lines are set.
func finish(r *reconcile.Result) *reconcile.Result {
	var all decimal.Decimal
	for _, u := range r.Unmatched {
		all = all.Add(u.Billed)
	}
	byType := map[string][]reconcile.Resource{}
	var types []string
	for i, res := range r.Resources {
		r.Resources[i] = reconciled(r.Basis, res)
		if byType[res.Type] == nil {
			types = append(types, res.Type)
		}
		byType[res.Type] = append(byType[res.Type], r.Resources[i])
		all = all.Add(res.ActualBilled)
	}
	slices.Sort(types)
	for _, ty := range types {
		r.Types = append(r.Types, reconcile.Type{Type: ty, Totals: totals(r.Basis, byType[ty], all)})
	}
	r.Overall = totals(r.Basis, r.Resources, all)
	return r
}

// smallResult is a clean month: two AWS resources found by id and tag,
// compared at list prices, one of them far off because its usage
// assumption was.
func smallResult() *reconcile.Result {
	return finish(&reconcile.Result{
		PeriodStart: day("2024-09-01"), PeriodEnd: day("2024-10-01"),
		Currency: "USD", Basis: "list",
		Files: []billing.Summary{{
			Name: "focus-2024-09.csv.gz", Format: billing.FOCUS, Rows: 1_250_000, Kept: 1_249_990,
			Skipped: map[string]int{"zero cost": 10}, PeriodStart: day("2024-09-01"), PeriodEnd: day("2024-10-01"),
		}},
		Resources: []reconcile.Resource{
			{
				Address: "aws_instance.web", Type: "aws_instance", Region: "us-east-1", Commit: "4f2a9c1", MatchedBy: "id",
				Hours: dec("720"), Predicted: dec("69.12"), ActualList: dec("71.04"), ActualEffective: dec("49.73"), ActualBilled: dec("49.73"),
				Quantities: []reconcile.Quantity{{Component: "Instance usage (Linux/UNIX, on-demand, m5.large)", Unit: "hours", Predicted: dec("720"), Actual: dec("740")}},
				Priced:     true,
			},
			{
				Address: "aws_nat_gateway.main", Type: "aws_nat_gateway", Region: "us-east-1", Commit: "4f2a9c1", MatchedBy: "tag",
				Hours: dec("720"), Predicted: dec("36.84"), ActualList: dec("70.65"), ActualEffective: dec("70.65"), ActualBilled: dec("70.65"),
				Quantities: []reconcile.Quantity{
					{Component: "NAT gateway", Unit: "hours", Predicted: dec("720"), Actual: dec("720")},
					{Component: "Data processed", Unit: "GB", UsageKey: "monthly_data_processed_gb", Predicted: dec("98.630137"), Actual: dec("850")},
				},
				Priced: true,
			},
		},
		TopDrifters: []string{"aws_nat_gateway.main", "aws_instance.web"},
	})
}

// fullResult has every kind of line: basis billed (a CUR without list
// cost), resources not found, unpriced, predicted at zero, credited below
// zero, with names to escape and to shorten; unmatched lines with and
// without ids; notes; violations; a type with nothing billed; the same
// address recorded by two repositories.
func fullResult() *reconcile.Result {
	res := func(addr, typ, by, hours, predicted, list, effective, billed string, priced bool, qs ...reconcile.Quantity) reconcile.Resource {
		return reconcile.Resource{
			Address: addr, Type: typ, Region: "us-east-1", Repo: "acme/infra", Commit: "9e8d7c6", MatchedBy: by,
			Hours: dec(hours), Predicted: dec(predicted), ActualList: dec(list), ActualEffective: dec(effective), ActualBilled: dec(billed),
			Priced: priced, Quantities: qs,
		}
	}
	vm := res("azurerm_linux_virtual_machine.web", "azurerm_linux_virtual_machine", "id", "744", "60.74", "0", "35.00", "58.40", true)
	vm.Region = "westeurope"
	batch := res("aws_instance.batch", "aws_instance", "id", "744", "40.00", "0", "80.00", "80.00", true)
	batch.Repo = "acme/batch"
	return finish(&reconcile.Result{
		PeriodStart: day("2024-10-01"), PeriodEnd: day("2024-11-01"),
		Currency: "USD", Basis: "billed",
		Files: []billing.Summary{
			{
				Name: "cur/2024-10.csv.gz", Format: billing.CUR, Rows: 12_345, Kept: 12_000,
				Skipped:   map[string]int{"zero cost": 300},
				Malformed: map[string]int{"bad date": 40, "missing cost": 5},
				Partial:   map[string]int{"bad Tags": 2},
				Missing:   []string{"ListCost"}, PeriodStart: day("2024-10-01"), PeriodEnd: day("2024-11-01"),
			},
			{Name: "azure | amortized.csv", Format: billing.AzureCost, Rows: 28, Kept: 28, Missing: []string{"ListCost", "EffectiveCost"}, PeriodStart: day("2024-10-01"), PeriodEnd: day("2024-10-31")},
			{Name: "empty.csv", Format: billing.FOCUS},
		},
		Resources: []reconcile.Resource{
			res("aws_db_instance.main", "aws_db_instance", "id", "744", "100.00", "0", "80.00", "95.00", true,
				reconcile.Quantity{Component: "Database instance (db.t3.medium)", Unit: "hours", Predicted: dec("744"), Actual: dec("744")}),
			batch,
			res("aws_instance.batch", "aws_instance", "", "200", "19.20", "0", "0", "0", true),
			res("aws_lambda_function.api", "aws_lambda_function", "tag", "744", "0", "0", "12.34", "12.34", true,
				reconcile.Quantity{Component: "Requests", Unit: "1M requests", UsageKey: "monthly_requests", Predicted: dec("0"), Actual: dec("1.234567")}),
			res("aws_s3_bucket.logs", "aws_s3_bucket", "id", "744", "1.50", "0", "7.80", "7.80", false),
			vm,
			res(`module.edge.aws_cloudfront_distribution.cdn["<script>alert(1)</script>&x"]`, "aws_cloudfront_distribution", "tag", "744", "10.00", "0", "-2.00", "-2.00", true),
			res(`module.very_long_module_name.module.nested.aws_nat_gateway.this["us-east-1a"]`, "aws_nat_gateway", "id", "744", "32.40", "0", "150.25", "150.25", true,
				reconcile.Quantity{Component: "Data processed", Unit: "GB", UsageKey: "monthly_data_processed_gb", Predicted: dec("100"), Actual: dec("2616.6667")}),
		},
		TopDrifters: []string{
			`module.very_long_module_name.module.nested.aws_nat_gateway.this["us-east-1a"]`,
			"aws_instance.batch", "aws_instance.batch", "aws_lambda_function.api",
		},
		Unmatched: []reconcile.Unmatched{
			{Service: "AWS Support (Business)", Billed: dec("100.00")},
			{ResourceID: "i-0abc123def4567890", Service: "Amazon Elastic Compute Cloud", Billed: dec("50.00")},
			{ResourceID: "arn:aws:s3:::orphan-bucket", Service: "Amazon Simple Storage Service", Billed: dec("3.21"), List: dec("3.21")},
		},
		Notes: []string{
			"Actual cost is billed cost: cur/2024-10.csv.gz has no ListCost column, so discounts count as estimation error.",
			"Tag resources with tollgate-address = <address> to match them when no cloud id does.",
		},
		Violations: []string{
			"WAPE 64.1% is over the --max-wape limit of 25%",
			`module.very_long_module_name.module.nested.aws_nat_gateway.this["us-east-1a"] varies by +$117.85, over the --max-resource-variance limit of $50.00`,
		},
	})
}

// emptyResult predicted nothing and read a bill with nothing in it: every
// measure is undefined.
func emptyResult() *reconcile.Result {
	return finish(&reconcile.Result{
		PeriodStart: day("2024-12-01"), PeriodEnd: day("2024-12-02"),
		Currency: "USD", Basis: "list",
		Files: []billing.Summary{{Name: "focus.csv", Format: billing.FOCUS, Rows: 3, Malformed: map[string]int{"bad ChargePeriodStart": 3}}},
	})
}

func fixtures() map[string]*reconcile.Result {
	return map[string]*reconcile.Result{"small": smallResult(), "full": fullResult(), "empty": emptyResult()}
}

func TestReconcileGolden(t *testing.T) {
	for name, r := range fixtures() {
		for _, tc := range []struct {
			ext, format string
			opts        report.ReconcileOptions
		}{
			{".txt", "table", report.ReconcileOptions{}},
			{"-color.txt", "table", report.ReconcileOptions{Color: true}},
			{".md", "markdown", report.ReconcileOptions{}},
			{".json", "json", report.ReconcileOptions{}},
			{".html", "html", report.ReconcileOptions{ChartResources: 6}},
		} {
			file := "reconcile-" + name + tc.ext
			t.Run(file, func(t *testing.T) {
				checkGolden(t, file, func(b *bytes.Buffer) error { return report.Reconciliation(b, r, tc.format, tc.opts) })
			})
		}
	}
}

func TestReconcileErrors(t *testing.T) {
	var b bytes.Buffer
	err := report.Reconciliation(&b, smallResult(), "sarif", report.ReconcileOptions{})
	if err == nil || !strings.Contains(err.Error(), `"sarif"`) || !strings.Contains(err.Error(), "table, json, markdown or html") {
		t.Errorf("unknown format: got %v, want an error naming the format and the choices", err)
	}
	if err := report.Reconciliation(&b, nil, "table", report.ReconcileOptions{}); err == nil {
		t.Error("nil result: got no error")
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q on error", b.String())
	}
}

func TestReconcileJSONMatchesSchema(t *testing.T) {
	schema := compileReconcileSchema(t, "reconcile.schema.json")
	for name, r := range fixtures() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.Reconciliation(&buf, r, "json", report.ReconcileOptions{}); err != nil {
				t.Fatal(err)
			}
			doc, err := jsonschema.UnmarshalJSON(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Fatalf("reconciliation JSON does not match its schema: %v", err)
			}
		})
	}
}

// TestReconcileJSONUndefined checks that measures over nothing are null,
// not a perfect-looking 0, and defined ones are exact fractions.
func TestReconcileJSONUndefined(t *testing.T) {
	type measures struct {
		WAPE              *string `json:"wape"`
		Bias              *string `json:"bias"`
		CoveragePredicted *string `json:"coverage_predicted"`
		CoverageBilled    *string `json:"coverage_billed"`
	}
	type doc struct {
		Overall measures `json:"overall"`
		Types   []struct {
			Type string `json:"type"`
			measures
		} `json:"types"`
		Resources []struct {
			Address string  `json:"address"`
			Ratio   *string `json:"ratio"`
		} `json:"resources"`
	}
	s := func(v string) *string { return &v }
	decode := func(r *reconcile.Result) doc {
		var buf bytes.Buffer
		if err := report.Reconciliation(&buf, r, "json", report.ReconcileOptions{}); err != nil {
			t.Fatal(err)
		}
		var d doc
		if err := json.Unmarshal(buf.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		return d
	}

	if diff := cmp.Diff(measures{}, decode(emptyResult()).Overall); diff != "" {
		t.Errorf("empty result overall (-want +got):\n%s", diff)
	}

	full := decode(fullResult())
	ratios := map[string]*string{}
	for _, r := range full.Resources {
		ratios[r.Address] = r.Ratio
	}
	for addr, want := range map[string]*string{
		"aws_lambda_function.api": nil,       // nothing predicted
		"aws_instance.batch":      s("0"),    // predicted, not billed
		"aws_db_instance.main":    s("0.95"), // at billed cost, not list
	} {
		if diff := cmp.Diff(want, ratios[addr]); diff != "" {
			t.Errorf("%s ratio (-want +got):\n%s", addr, diff)
		}
	}
	for _, ty := range full.Types {
		if ty.Type != "aws_cloudfront_distribution" {
			continue
		}
		want := measures{CoveragePredicted: s("1"), CoverageBilled: s("-0.0036036036036036")}
		if diff := cmp.Diff(want, ty.measures); diff != "" {
			t.Errorf("aws_cloudfront_distribution, credited more than billed (-want +got):\n%s", diff)
		}
	}
	small := decode(smallResult()).Overall
	want := measures{WAPE: s("0.2521702307855177"), Bias: s("-0.2521702307855177"), CoveragePredicted: s("1"), CoverageBilled: s("1")}
	if diff := cmp.Diff(want, small); diff != "" {
		t.Errorf("small overall (-want +got):\n%s", diff)
	}
}

func TestReconcileSchemaRejects(t *testing.T) {
	schema := compileReconcileSchema(t, "reconcile.schema.json")
	var buf bytes.Buffer
	if err := report.Reconciliation(&buf, smallResult(), "json", report.ReconcileOptions{}); err != nil {
		t.Fatal(err)
	}
	valid := buf.String()
	for _, tc := range []struct{ name, old, new string }{
		{"float money", `"predicted_cost": "105.96"`, `"predicted_cost": 105.96`},
		{"float fraction", `"coverage_predicted": "1"`, `"coverage_predicted": 1`},
		{"percent string", `"coverage_predicted": "1"`, `"coverage_predicted": "100%"`},
		{"negative prediction", `"predicted_cost": "69.12"`, `"predicted_cost": "-69.12"`},
		{"unknown basis", `"basis": "list"`, `"basis": "amortized"`},
		{"unknown matched_by", `"matched_by": "tag"`, `"matched_by": "name"`},
		{"missing violations", `"violations": []`, `"violation": []`},
		{"extra totals field", `"found": 2,`, `"found": 2, "extra": 1,`},
		{"bad period", `"start": "2024-09-01T00:00:00Z"`, `"start": "September"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(valid, tc.old) {
				t.Fatalf("the document has no %s", tc.old)
			}
			doc, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(valid, tc.old, tc.new, 1)))
			if err != nil {
				t.Fatal(err)
			}
			if schema.Validate(doc) == nil {
				t.Error("schema accepted an invalid document")
			}
		})
	}
}

// TestReconcileHTMLSelfContained: the report must open offline, from a CI
// artifact, with scripts disabled, and bill data must not inject markup.
func TestReconcileHTMLSelfContained(t *testing.T) {
	for name, r := range fixtures() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.Reconciliation(&buf, r, "html", report.ReconcileOptions{}); err != nil {
				t.Fatal(err)
			}
			page := strings.ToLower(buf.String())
			for _, bad := range []string{"<script", "http:", "https:", "src=", "href=", "url(", "@import", "<link", "<iframe", "<object", "<img"} {
				if strings.Contains(page, bad) {
					t.Errorf("the page contains %q", bad)
				}
			}
			if !strings.HasPrefix(page, "<!doctype html>") || !strings.HasSuffix(page, "</html>\n") {
				t.Error("the page is not one whole HTML document")
			}
		})
	}
}

func TestReconcileHTMLChart(t *testing.T) {
	for _, tc := range []struct {
		name    string
		result  *reconcile.Result
		n       int
		bars    int // rows in the chart, each a predicted and an actual bar
		noChart bool
	}{
		{"small", smallResult(), 0, 2, false},
		{"full, all", fullResult(), 0, 8, false}, // unbilled and unpredicted ones too
		{"full, top 3", fullResult(), 3, 3, false},
		{"nothing to chart", emptyResult(), 0, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.Reconciliation(&buf, tc.result, "html", report.ReconcileOptions{ChartResources: tc.n}); err != nil {
				t.Fatal(err)
			}
			page := buf.String()
			got := map[string]int{
				"predicted bars": strings.Count(page, `class="bar predicted"`),
				"actual bars":    strings.Count(page, `class="bar actual"`),
				"rows":           strings.Count(page, `role="listitem"`),
				"svg":            strings.Count(page, "<svg"),
			}
			svgs := 1
			if tc.noChart {
				svgs = 0
			}
			want := map[string]int{"predicted bars": tc.bars, "actual bars": tc.bars, "rows": tc.bars, "svg": svgs}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("chart (-want +got):\n%s", diff)
			}
			if tc.noChart != strings.Contains(page, "No cost to chart") {
				t.Errorf("no-chart message shown: %v, want %v", !tc.noChart, tc.noChart)
			}
		})
	}
}

func compileReconcileSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	const base = "https://github.com/tollgate-dev/tollgate/engine/report/"
	c := jsonschema.NewCompiler()
	for file, raw := range map[string][]byte{"reconcile.schema.json": report.ReconcileSchema, "reconcile-history.schema.json": report.HistorySchema} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if err := c.AddResource(base+file, doc); err != nil {
			t.Fatal(err)
		}
	}
	c.AssertFormat()
	s, err := c.Compile(base + name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
