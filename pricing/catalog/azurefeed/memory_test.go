package azurefeed_test

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/azurefeed"
)

// TestHugePageFlatMemory serves a VM page of 200,000 items (about 130 MB,
// generated as it is sent), far beyond the API's 100, and checks that the
// import holds one item at a time: the heap stays small all along.
func TestHugePageFlatMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 130 MB")
	}
	const items = 200_000
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		bw := bufio.NewWriter(w)
		defer bw.Flush()
		// The one full page has no NextPageLink: the feed asks for the
		// next by $skip, and gets an empty page.
		if !strings.Contains(r.URL.Query().Get("$filter"), "'Virtual Machines'") || r.URL.Query().Has("$skip") {
			fmt.Fprint(bw, `{"BillingCurrency": "USD", "Items": [], "NextPageLink": null, "Count": 0}`)
			return
		}
		fmt.Fprint(bw, `{"BillingCurrency": "USD", "CustomerEntityId": "Default", "Items": [`)
		for i := range items {
			if i > 0 {
				bw.WriteString(",")
			}
			// Every item prices the same size, with a padded meter id, so
			// that only the stream can grow the heap.
			fmt.Fprintf(bw, `{"currencyCode": "USD", "tierMinimumUnits": 0.0, "retailPrice": 0.%05d, "unitPrice": 0.%05d, "armRegionName": "eastus", "location": "US East", "effectiveStartDate": "2024-01-01T00:00:00Z", "meterId": "%08d-%s", "meterName": "D2s v5", "productId": "DZH318Z0BQPS", "skuId": "DZH318Z0BQPS/00BP", "productName": "Virtual Machines Dsv5 Series", "skuName": "Standard_D2s_v5", "serviceName": "Virtual Machines", "serviceId": "DZH313Z7MMC8", "serviceFamily": "Compute", "unitOfMeasure": "1 Hour", "type": "Consumption", "isPrimaryMeterRegion": true, "armSkuName": "Standard_D2s_v5"}`,
				i%99999+1, i%99999+1, i, strings.Repeat("x", 200))
		}
		fmt.Fprintf(bw, `], "NextPageLink": null, "Count": %d}`, items)
	}))
	defer srv.Close()

	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	runtime.GC()
	b := catalog.NewBuilder()
	err := azurefeed.New(azurefeed.Options{BaseURL: srv.URL, Parallel: 1}).Import(context.Background(), b, nil)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if b.Len() != 1 {
		t.Errorf("%d rows, want 1", b.Len())
	}
	const limit = 48 << 20
	t.Logf("peak heap in use: %.1f MB", float64(peak)/(1<<20))
	if peak > limit {
		t.Errorf("peak heap in use %.0f MB, want under %d MB: the page is not streamed", float64(peak)/(1<<20), limit>>20)
	}
}
