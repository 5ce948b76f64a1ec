package awsfeed_test

import (
	"bytes"
	"context"
	"io"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/awsfeed"
	"github.com/tollgate-dev/tollgate/pricing/catalog/awsfeed/awsfeedtest"
)

// benchBytes is the size of the offer file BenchmarkImportEC2 reads: a
// gigabyte, more than twice one region of the real EC2 list.
const benchBytes = 1 << 30

// BenchmarkImportEC2 streams a generated 1 GB EC2 offer file through an
// httptest server and reports throughput (MB/s, rows/s) and the peak
// heap in use.
func BenchmarkImportEC2(b *testing.B) {
	var lines atomic.Int64
	list := awsfeedtest.PriceList{"AmazonEC2/us-east-1": func(w io.Writer) error {
		return awsfeedtest.WriteSyntheticOffer(lineCounter{w, &lines}, benchBytes)
	}}
	srv := httptest.NewServer(list.Handler())
	defer srv.Close()
	b.SetBytes(benchBytes)
	var peak uint64
	start := time.Now()
	for b.Loop() {
		bld := catalog.NewBuilder()
		p := watchHeap()
		err := awsfeed.New(awsfeed.Options{BaseURL: srv.URL, Services: []string{"AmazonEC2"}}).Import(context.Background(), bld, catalog.NoProgress{})
		peak = max(peak, p.stop())
		if err != nil {
			b.Fatal(err)
		}
		if got, want := bld.Len(), awsfeedtest.SyntheticInstanceKeys+awsfeedtest.SyntheticOtherKeys; got != want {
			b.Fatalf("kept %d rows, want %d", got, want)
		}
	}
	b.ReportMetric(float64(lines.Load())/time.Since(start).Seconds(), "rows/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// lineCounter counts the lines written through it: the file's rows.
type lineCounter struct {
	w io.Writer
	n *atomic.Int64
}

func (c lineCounter) Write(p []byte) (int, error) {
	c.n.Add(int64(bytes.Count(p, []byte{'\n'})))
	return c.w.Write(p)
}

// syntheticList is a price list of one generated EC2 file for us-east-1.
func syntheticList(size int64) awsfeedtest.PriceList {
	return awsfeedtest.PriceList{
		"AmazonEC2/us-east-1": func(w io.Writer) error { return awsfeedtest.WriteSyntheticOffer(w, size) },
	}
}

// heapWatch samples the heap in use until stopped and returns its peak.
type heapWatch struct {
	peak atomic.Uint64
	done chan struct{}
	wg   sync.WaitGroup
}

// heapSample is how often the heap is sampled: often enough to see a
// buffer that lives for a fraction of a second.
const heapSample = 5 * time.Millisecond

func watchHeap() *heapWatch {
	runtime.GC()
	h := &heapWatch{done: make(chan struct{})}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		t := time.NewTicker(heapSample)
		defer t.Stop()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > h.peak.Load() {
				h.peak.Store(m.HeapInuse)
			}
			select {
			case <-h.done:
				return
			case <-t.C:
			}
		}
	}()
	return h
}

func (h *heapWatch) stop() uint64 {
	close(h.done)
	h.wg.Wait()
	return h.peak.Load()
}
