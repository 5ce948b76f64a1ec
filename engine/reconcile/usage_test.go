package reconcile

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
	"github.com/tollgate-dev/tollgate/pricing"
)

func TestSuggestFixture(t *testing.T) {
	preds, charges, files := fixture()
	r := Reconcile(preds, charges, files, Options{})
	got := Suggest(r, preds)
	want := []Suggestion{
		// 600 GB in 480 hours: 600 × 730 ÷ 480 a month.
		{Repo: "acme/infra", Address: "aws_nat_gateway.main", Type: "aws_nat_gateway", Key: "monthly_data_processed_gb",
			Value: dec("912.5"), Unit: "GB", Observed: dec("600"), Hours: dec("480"), Assumed: dec("730"), Given: true},
		// 150 GB-months in 720 hours: an average of 150 × 730 ÷ 720 GB.
		{Repo: "acme/infra", Address: "aws_s3_bucket.logs", Type: "aws_s3_bucket", Key: "storage_gb",
			Value: dec("152.0833333333333333"), Unit: "GB-months", Observed: dec("150"), Hours: dec("720"), Assumed: dec("200"), Given: true},
	}
	if diff := cmp.Diff(want, got, decimalEqual); diff != "" {
		t.Fatalf("Suggest (-want +got):\n%s", diff)
	}

	var b strings.Builder
	if err := WriteUsage(&b, r, got); err != nil {
		t.Fatal(err)
	}
	wantFile := `# Usage observed in the bill by tollgate reconcile, scaled to a 730-hour month.
# Bills: bill.csv
# Period: 2024-09-01 00:00 to 2024-10-01 00:00 (UTC)
version: 1
resource_usage:
  aws_nat_gateway.main:
    monthly_data_processed_gb: 912.5 # billed 600 GB in 480 hours; the estimate assumed 730
  aws_s3_bucket.logs:
    storage_gb: 152.08 # billed 150 GB-months in 720 hours; the estimate assumed 200
`
	if diff := cmp.Diff(wantFile, b.String()); diff != "" {
		t.Errorf("WriteUsage (-want +got):\n%s", diff)
	}
	checkUsageFile(t, b.String(), map[string]pricing.Usage{
		"aws_nat_gateway.main": {"monthly_data_processed_gb": json.Number("912.5")},
		"aws_s3_bucket.logs":   {"storage_gb": json.Number("152.08")},
	})
}

// checkUsageFile reads a written usage file back as an estimate would.
func checkUsageFile(t *testing.T, data string, want map[string]pricing.Usage) {
	t.Helper()
	f, err := pricing.ParseUsage("suggested.yml", []byte(data))
	if err != nil {
		t.Fatalf("ParseUsage: %v\n%s", err, data)
	}
	for address, usage := range want {
		// Only resource_usage is written: the type does not matter.
		if diff := cmp.Diff(usage, f.For(address, "")); diff != "" {
			t.Errorf("usage of %s read back (-want +got):\n%s", address, diff)
		}
	}
}

// Requests priced per million are suggested in requests, the usage key's
// unit; an address with quotes is quoted; a usage value nobody gave is
// reported as 0.
func TestSuggestRequests(t *testing.T) {
	const address = `module.app.aws_lambda_function.fn["a"]`
	fn := pred(address, "aws_lambda_function", "c1", "2024-08-01", "10", []string{"fn-a"},
		prediction.Component{Name: "Requests", Unit: "1M requests", UsageKey: "monthly_requests"},
		prediction.Component{Name: "Duration", Unit: "GB-seconds", UsageKey: "request_duration_ms"})
	bill := []billing.Charge{charge("arn:aws:lambda:us-east-1:1:function:fn-a", "2024-09-02", "9", "9", "9",
		"Requests", "2880000", "GB-Seconds", "1000")}
	r := Reconcile([]prediction.Recorded{fn}, bill, september, Options{})
	got := Suggest(r, []prediction.Recorded{fn})
	// 2,880,000 in 720 hours: 2,920,000 a month. Duration is GB-seconds,
	// not the milliseconds its key reads: no suggestion.
	want := []Suggestion{{Repo: "acme/infra", Address: address, Type: "aws_lambda_function", Key: "monthly_requests",
		Value: dec("2920000"), Unit: "requests", Observed: dec("2880000"), Hours: dec("720"), Assumed: dec("0")}}
	if diff := cmp.Diff(want, got, decimalEqual); diff != "" {
		t.Fatalf("Suggest (-want +got):\n%s", diff)
	}
	var b strings.Builder
	if err := WriteUsage(&b, r, got); err != nil {
		t.Fatal(err)
	}
	line := `  "module.app.aws_lambda_function.fn[\"a\"]":` + "\n" +
		`    monthly_requests: 2920000 # billed 2880000 requests in 720 hours; the estimate had no value (0)` + "\n"
	if !strings.Contains(b.String(), line) {
		t.Errorf("usage file lacks\n%s\ngot:\n%s", line, b.String())
	}
	f, err := pricing.ParseUsage("suggested.yml", []byte(b.String()))
	if err != nil {
		t.Fatalf("ParseUsage: %v\n%s", err, b.String())
	}
	if diff := cmp.Diff(pricing.Usage{"monthly_requests": json.Number("2920000")}, f.For(address, "aws_lambda_function")); diff != "" {
		t.Errorf("usage read back (-want +got):\n%s", diff)
	}
}

func TestWriteUsageEmpty(t *testing.T) {
	r := Reconcile(nil, nil, september, Options{})
	var b strings.Builder
	if err := WriteUsage(&b, r, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.String(), "version: 1\nresource_usage: {}\n") {
		t.Errorf("empty usage file:\n%s", b.String())
	}
	checkUsageFile(t, b.String(), nil)
}

func TestWriteUsageTwoRepos(t *testing.T) {
	s := []Suggestion{
		{Repo: "acme/a", Address: "aws_nat_gateway.n", Key: "monthly_data_processed_gb", Value: dec("1")},
		{Repo: "acme/b", Address: "aws_nat_gateway.n", Key: "monthly_data_processed_gb", Value: dec("2")},
	}
	r := Reconcile(nil, nil, september, Options{})
	err := WriteUsage(&strings.Builder{}, r, s)
	want := `usage of aws_nat_gateway.n: the address was recorded by repositories "acme/a" and "acme/b"; suggest usage for one repository at a time`
	if err == nil || err.Error() != want {
		t.Errorf("WriteUsage error %v, want %s", err, want)
	}
}
