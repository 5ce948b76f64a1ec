package reconcile_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
)

// sharedBilling is the shared sample bills, next to the repository.
var sharedBilling = filepath.Join("..", "..", "..", "shared", "billing")

func readSample(t *testing.T, name string) ([]billing.Charge, billing.Summary) {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedBilling, name))
	if os.IsNotExist(err) {
		t.Skipf("sample bills not present: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sum := billing.NewSum(billing.Options{})
	file, err := sum.Read(context.Background(), f, name)
	if err != nil {
		t.Fatal(err)
	}
	return sum.Charges(), file
}

func samplePred(address, typ, id string) prediction.Recorded {
	return prediction.Recorded{
		Resource: prediction.Resource{Address: address, Type: typ, Action: "create", Priced: true,
			Monthly: decimal.NewFromInt(1), CloudIDs: []string{id}},
		Repo: "acme/infra", Commit: "c1", RecordedAt: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC),
	}
}

type sampleMatch struct {
	Address, MatchedBy string
	Billed             string
}

func matches(r *reconcile.Result) []sampleMatch {
	var out []sampleMatch
	for _, res := range r.Resources {
		out = append(out, sampleMatch{res.Address, res.MatchedBy, res.ActualBilled.String()})
	}
	return out
}

// conserved checks that every usage and purchase cost of the period is
// either matched or unmatched, never lost nor counted twice.
func conserved(t *testing.T, r *reconcile.Result, charges []billing.Charge) {
	t.Helper()
	all := decimal.Zero
	for _, c := range charges {
		in := c.Day.Before(r.PeriodEnd) && c.Day.Add(24*time.Hour).After(r.PeriodStart)
		if in && (c.Category == billing.Usage || c.Category == billing.Purchase || c.Category == "") {
			all = all.Add(c.Billed)
		}
	}
	got := r.Overall.ActualBilled
	for _, u := range r.Unmatched {
		got = got.Add(u.Billed)
	}
	if !got.Equal(all) {
		t.Errorf("matched + unmatched billed = %s, want all billed %s", got, all)
	}
}

// The real FOCUS 1.0 sample: a NAT gateway billed by an (anonymized)
// ARN matches its bare id, an Azure id matches in another case.
func TestSampleFOCUS(t *testing.T) {
	charges, file := readSample(t, "focus-1.0-sample/focus_sample.csv")
	preds := []prediction.Recorded{
		samplePred("aws_nat_gateway.n", "aws_nat_gateway", "nat-0819f23a30a196429"),
		samplePred("aws_instance.i", "aws_instance", "i-037929a54982e113l"),
		samplePred("azurerm_storage_account.s", "azurerm_storage_account",
			"/subscriptions/64E355D7-997C-491D-B0C1-8414DCCFCF42/resourceGroups/AwsConnectors/providers/Microsoft.Storage/storageAccounts/abcd678"),
	}
	r := reconcile.Reconcile(preds, charges, []billing.Summary{file}, reconcile.Options{})
	// Sums of BilledCost of the resources' rows in the file.
	want := []sampleMatch{
		{"aws_instance.i", "id", "0.0116089867"},
		{"aws_nat_gateway.n", "id", "0.002644883"},
		{"azurerm_storage_account.s", "id", "0.0006083275"},
	}
	if diff := cmp.Diff(want, matches(r)); diff != "" {
		t.Errorf("matches (-want +got):\n%s", diff)
	}
	conserved(t, r, charges)
}

// The Azure EA amortized sample: ids in any case match, a server's
// database is another resource.
func TestSampleAzure(t *testing.T) {
	charges, file := readSample(t, "azure-ea-cost-details/EA_AmortizedCost_Small.csv")
	preds := []prediction.Recorded{
		samplePred("azurerm_mssql_server.a7q", "azurerm_mssql_server",
			"/subscriptions/64e355d7-997c-491d-b0c1-8414dccfcf42/resourcegroups/example-dtl-dtlweb-128359/providers/microsoft.sql/servers/a7q-a7q5gy-db"),
		samplePred("azurerm_key_vault.kv", "azurerm_key_vault",
			"/subscriptions/64e355d7-997c-491d-b0c1-8414dccfcf42/resourceGroups/ftk-micflan-darkslate2/providers/Microsoft.KeyVault/vaults/ftk-micfla-5pd7gdo37oozc"),
	}
	r := reconcile.Reconcile(preds, charges, []billing.Summary{file}, reconcile.Options{})
	// Two rows of 0.4838709677419368 for the server, one of 0.000002 for
	// the vault (written in upper case in the file).
	want := []sampleMatch{
		{"azurerm_key_vault.kv", "id", "0.000002"},
		{"azurerm_mssql_server.a7q", "id", "0.9677419354838736"},
	}
	if diff := cmp.Diff(want, matches(r)); diff != "" {
		t.Errorf("matches (-want +got):\n%s", diff)
	}
	conserved(t, r, charges)
}
