package main

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tollgate-dev/tollgate/pricing/catalog/awsfeed"
	"github.com/tollgate-dev/tollgate/pricing/catalog/awsfeed/awsfeedtest"
	"github.com/tollgate-dev/tollgate/pricing/catalog/gcpfeed/gcpfeedtest"
)

// TestPricingScript runs testdata/pricing/*.txtar against local price
// servers in the providers' formats, serving the script's own files when
// they are asked for (so a script can change a price between commands):
//
//	$AWS_PRICES    AWS bulk files: aws/<offer code>_<region>.csv
//	$AZURE_PRICES  Azure Retail Prices API: azure/vm.json, the Items of
//	               Virtual Machines (other services have none)
//	$GCP_PRICES    Cloud Billing Catalog API (gcpfeedtest's SKUs), key $GCP_KEY
func TestPricingScript(t *testing.T) {
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/pricing",
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			start := func(h http.Handler) string {
				srv := httptest.NewServer(h)
				env.Defer(srv.Close)
				return srv.URL
			}
			env.Setenv("AWS_PRICES", start(awsFiles(filepath.Join(env.WorkDir, "aws"))))
			env.Setenv("AZURE_PRICES", start(azureFile(filepath.Join(env.WorkDir, "azure", "vm.json"))))
			env.Setenv("GCP_PRICES", start(gcpfeedtest.New("test-key").Handler())+"/v1")
			env.Setenv("GCP_KEY", "test-key")
			return nil
		},
	})
}

// awsFiles serves the CSV offer files of dir, read when asked for. The
// offer index lists every service tollgate reads, as the real one does;
// those without a file are offered in no region.
func awsFiles(dir string) http.Handler {
	list := awsfeedtest.PriceList{}
	for _, code := range awsfeed.Services() {
		list[code] = func(io.Writer) error { return errors.New("no file for " + code) }
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	for _, name := range names {
		key := strings.Replace(strings.TrimSuffix(filepath.Base(name), ".csv"), "_", "/", 1)
		code, _, _ := strings.Cut(key, "/")
		delete(list, code)
		list[key] = func(w io.Writer) error {
			data, err := os.ReadFile(name)
			if err != nil {
				return err
			}
			_, err = w.Write(data)
			return err
		}
	}
	return list.Handler()
}

var armRegion = regexp.MustCompile(`armRegionName eq '([^']*)'`)

// azureFile answers the Retail Prices API: the items of file for the
// Virtual Machines queries (of the region asked, if one is), none for the
// others, on one page.
func azureFile(file string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		filter := r.URL.Query().Get("$filter")
		items := []map[string]any{}
		if strings.Contains(filter, "serviceName eq 'Virtual Machines'") {
			data, err := os.ReadFile(file)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			if err := json.Unmarshal(data, &items); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			if m := armRegion.FindStringSubmatch(filter); m != nil {
				kept := items[:0]
				for _, it := range items {
					if it["armRegionName"] == m[1] {
						kept = append(kept, it)
					}
				}
				items = kept
			}
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"BillingCurrency": "USD", "CustomerEntityId": "Default", "CustomerEntityType": "Retail", "Items": items, "NextPageLink": nil, "Count": len(items)})
	})
}
