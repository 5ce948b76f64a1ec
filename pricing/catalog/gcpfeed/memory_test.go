package gcpfeed_test

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/gcpfeed"
	"github.com/tollgate-dev/tollgate/pricing/catalog/gcpfeed/gcpfeedtest"
)

const (
	// hugeBytes is the size of the one Compute Engine page the test
	// streams: far more than the real list (about 40 MB in all pages).
	hugeBytes = 120 << 20
	// heapLimit is well under the size of the page: the page is decoded
	// one SKU at a time, never held whole.
	heapLimit = 48 << 20
)

// TestImportFlatMemory streams one generated page of Compute Engine SKUs
// larger than the heap limit, almost all of them SKUs tollgate does not
// read, and checks the heap in use stayed under the limit.
func TestImportFlatMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 120 MB")
	}
	api := gcpfeedtest.New(apiKey)
	mux := http.NewServeMux()
	mux.Handle("/", api.Handler())
	mux.HandleFunc("GET /v1/services/"+gcpfeedtest.ComputeEngine+"/skus", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		bw := bufio.NewWriter(w)
		defer bw.Flush()
		fmt.Fprint(bw, `{"skus": [`)
		written := 0
		for i := 0; written < hugeBytes; i++ {
			n, _ := fmt.Fprintf(bw, `{"name": "services/6F81-5844-456A/skus/GEN-%08d", "skuId": "GEN-%08d", "description": "Licensing Fee for Generated Image %d (CPU cost)", "category": {"serviceDisplayName": "Compute Engine", "resourceFamily": "License", "resourceGroup": "License", "usageType": "OnDemand"}, "serviceRegions": ["global"], "pricingInfo": [{"summary": "", "pricingExpression": {"usageUnit": "h", "displayQuantity": 1, "tieredRates": [{"startUsageAmount": 0, "unitPrice": {"currencyCode": "USD", "units": "0", "nanos": %d}}], "usageUnitDescription": "hour", "baseUnit": "s", "baseUnitDescription": "second", "baseUnitConversionFactor": 3600}, "currencyConversionRate": 1, "effectiveTime": "2026-05-12T08:15:02.114Z"}], "serviceProviderName": "Google", "geoTaxonomy": {"type": "GLOBAL"}},`, i, i, i, 1000+i%1000)
			written += n
		}
		fmt.Fprint(bw, `{"skuId": "N2C", "description": "N2 Instance Core running in Americas", "category": {"usageType": "OnDemand"}, "serviceRegions": ["us-central1"], "pricingInfo": [{"pricingExpression": {"usageUnit": "h", "tieredRates": [{"unitPrice": {"units": "0", "nanos": 31611000}}]}, "effectiveTime": "2026-05-12T08:15:02Z"}]},`)
		fmt.Fprint(bw, `{"skuId": "N2R", "description": "N2 Instance Ram running in Americas", "category": {"usageType": "OnDemand"}, "serviceRegions": ["us-central1"], "pricingInfo": [{"pricingExpression": {"usageUnit": "GiBy.h", "tieredRates": [{"unitPrice": {"units": "0", "nanos": 4237000}}]}, "effectiveTime": "2026-05-12T08:15:02Z"}]}`)
		fmt.Fprint(bw, `], "nextPageToken": ""}`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	b := catalog.NewBuilder()
	prog := &progress{bytes: map[string]int64{}, rows: map[string]int{}}
	heap := watchHeap()
	err := gcpfeed.New(gcpfeed.Options{BaseURL: srv.URL + "/v1", APIKey: apiKey}).Import(context.Background(), b, prog)
	peak := heap.stop()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("peak heap in use %.1f MB for a %d MB page", float64(peak)/(1<<20), hugeBytes>>20)
	if peak >= heapLimit {
		t.Errorf("peak heap in use %d MB, want under %d MB", peak>>20, heapLimit>>20)
	}
	if prog.bytes["gcp-compute"] < hugeBytes {
		t.Errorf("progress reported %d bytes, want at least %d", prog.bytes["gcp-compute"], hugeBytes)
	}
	p, ok := open(t, b).Price("gcp-compute", "us-central1", "machine/n2-standard-2")
	if !ok || p.Amount.String() != "0.097118" {
		t.Errorf("n2-standard-2 = %s (found %v), want 0.097118 from the SKUs after the generated ones", p.Amount, ok)
	}
}

// heapWatch samples the heap in use until stopped.
type heapWatch struct {
	done chan struct{}
	wg   sync.WaitGroup
	peak uint64
}

func watchHeap() *heapWatch {
	runtime.GC()
	h := &heapWatch{done: make(chan struct{})}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			h.peak = max(h.peak, m.HeapInuse)
			select {
			case <-h.done:
				return
			case <-tick.C:
			}
		}
	}()
	return h
}

func (h *heapWatch) stop() uint64 {
	close(h.done)
	h.wg.Wait()
	return h.peak
}
