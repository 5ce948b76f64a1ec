package azurefeed_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/azurefeed"
)

// vmItems are n Linux VM prices in eastus, one per made-up size, in the
// API's item shape.
func vmItems(n int) []map[string]any {
	var out []map[string]any
	for i := range n {
		sku := fmt.Sprintf("Standard_T%d", i)
		out = append(out, map[string]any{
			"currencyCode": "USD", "tierMinimumUnits": json.Number("0"),
			"retailPrice": json.Number(fmt.Sprintf("0.%04d", i+1)), "unitPrice": json.Number(fmt.Sprintf("0.%04d", i+1)),
			"armRegionName": "eastus", "location": "US East", "effectiveStartDate": "2024-01-01T00:00:00Z",
			"meterId": fmt.Sprintf("meter-%d", i), "meterName": fmt.Sprintf("T%d", i), "productId": "DZH318Z0TEST",
			"skuId": fmt.Sprintf("DZH318Z0TEST/%04d", i), "productName": "Virtual Machines T Series", "skuName": sku,
			"serviceName": "Virtual Machines", "serviceId": "DZH313Z7MMC8", "serviceFamily": "Compute",
			"unitOfMeasure": "1 Hour", "type": "Consumption", "isPrimaryMeterRegion": true, "armSkuName": sku,
		})
	}
	return out
}

// vmRequests are the requests of the VM query, the only one with items.
func vmRequests(f *fake) []string {
	_, urls := f.requests()
	var out []string
	for _, u := range urls {
		if strings.Contains(u, "Virtual%20Machines") {
			out = append(out, strings.TrimPrefix(u, "/?$filter=serviceName%20eq%20%27Virtual%20Machines%27%20and%20priceType%20eq%20%27Consumption%27"))
		}
	}
	return out
}

func TestPaging(t *testing.T) {
	tests := []struct {
		name       string
		noNextLink bool
		// want are the VM query's requests after its $filter.
		want []string
	}{
		{"NextPageLink followed", false, []string{"", "&$skip=100", "&$skip=200"}},
		// A full page without NextPageLink is followed by position.
		{"$skip when a full page has no NextPageLink", true, []string{"", "&$skip=100", "&$skip=200"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t, vmItems(250))
			f.noNextLink = tc.noNextLink
			c := imported(t, azurefeed.New(azurefeed.Options{BaseURL: f.URL + "/", Parallel: 1}), nil)
			if diff := cmp.Diff(tc.want, vmRequests(f)); diff != "" {
				t.Errorf("VM requests (-want +got):\n%s", diff)
			}
			rows := rowsOf(c)
			if len(rows) != 250 {
				t.Fatalf("%d rows, want 250", len(rows))
			}
			for _, want := range []string{
				"azure-vm eastus vm/Standard_T0/linux 0.0001 hours azure-vm-retail",
				"azure-vm eastus vm/Standard_T249/linux 0.025 hours azure-vm-retail",
			} {
				if !strings.Contains(strings.Join(rows, "\n"), want) {
					t.Errorf("no row %q", want)
				}
			}
		})
	}
}

// TestImportFails checks that a query that cannot be read to the end
// fails the whole import, naming the page and its URL, and adds nothing.
func TestImportFails(t *testing.T) {
	tests := []struct {
		name  string
		setup func(*fake)
		want  []string // in the error
	}{
		{"malformed page", func(f *fake) { f.broken = map[int]string{2: `{"Items": [{"retailPrice": 0.1,, }]}`} },
			[]string{"page 2 (" + "http", "$skip=100", "item 1"}},
		{"dropped connection", func(f *fake) { f.broken = map[int]string{2: "drop"} },
			[]string{"page 2 (", "$skip=100", "unexpected EOF"}},
		{"HTTP error", func(f *fake) { f.status = http.StatusServiceUnavailable },
			[]string{"page 1 (", "HTTP 503 Service Unavailable: service unavailable"}},
		{"Count disagrees with the items", func(f *fake) {
			f.broken = map[int]string{1: `{"BillingCurrency": "USD", "Items": [], "NextPageLink": null, "Count": 3}`}
		}, []string{"page 1 (", "Count is 3 but the page has 0 items"}},
		{"no Items", func(f *fake) { f.broken = map[int]string{1: `{"BillingCurrency": "USD", "Count": 0}`} },
			[]string{"page 1 (", "the page has no Items"}},
		{"trailing data", func(f *fake) { f.broken = map[int]string{1: `{"Items": []} {"Items": []}`} },
			[]string{"page 1 (", "data after the page's JSON object"}},
		{"not USD", func(f *fake) { f.currency = "EUR" }, []string{"page 1 (", `prices are in "EUR", not USD`}},
		{"server ignores $skip", func(f *fake) { f.noNextLink, f.ignoreSkip = true, true },
			[]string{"page 2 (", "the same items as page 1"}},
		{"bad price", func(f *fake) { f.items[0]["retailPrice"] = "cheap" },
			[]string{"page 1 (", "item 1: ", "invalid number literal"}},
		{"bad date", func(f *fake) { f.items[0]["effectiveStartDate"] = "soon" },
			[]string{"page 1 (", `effectiveStartDate "soon" is not a date`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t, vmItems(150))
			tc.setup(f)
			b := catalog.NewBuilder()
			// One query at a time, so that the VM query is the first
			// requests the fake sees.
			err := azurefeed.New(azurefeed.Options{BaseURL: f.URL + "/", Parallel: 1}).Import(context.Background(), b, nil)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if b.Len() != 0 {
				t.Errorf("%d rows added by a failed import", b.Len())
			}
		})
	}
}

func TestImportCancelled(t *testing.T) {
	f := newFake(t, vmItems(10))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b := catalog.NewBuilder()
	if err := azurefeed.New(azurefeed.Options{BaseURL: f.URL}).Import(ctx, b, nil); err == nil || b.Len() != 0 {
		t.Errorf("Import after cancel = %v with %d rows, want an error and none", err, b.Len())
	}
}
