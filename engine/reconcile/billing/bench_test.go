package billing_test

import (
	"bytes"
	"context"
	"io"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/billing/billingtest"
)

// benchRows and benchResources shape the benchmark's bill: 5 million
// hourly lines of 20,000 resources, about 10 days of them.
const (
	benchRows      = 5_000_000
	benchResources = 20_000
)

// BenchmarkReadFOCUS reads a generated 5-million-row FOCUS CSV streamed
// through a pipe (never stored) and reports rows/s (wall clock), rows per
// CPU second (generator included: a lower bound of the reader alone) and
// the peak heap. Run it on one core:
//
//	GOMAXPROCS=1 go test -run '^$' -bench ReadFOCUS -benchtime 1x ./engine/reconcile/billing/
func BenchmarkReadFOCUS(b *testing.B) {
	var peak uint64
	var cpu time.Duration
	var live uint64
	for b.Loop() {
		pr, pw := io.Pipe()
		var tot billingtest.Totals
		var genErr error
		go func() {
			tot, genErr = billingtest.WriteFOCUS(pw, billingtest.Spec{Rows: benchRows, Resources: benchResources})
			pw.CloseWithError(genErr)
		}()
		stop := samplePeakHeap(&peak)
		c0 := cpuTime()
		s := billing.NewSum(billing.Options{})
		sum, err := s.Read(context.Background(), pr, "generated.csv")
		charges := s.Charges()
		cpu += cpuTime() - c0
		stop()
		if err != nil || genErr != nil {
			b.Fatal(err, genErr)
		}
		if sum.Kept != benchRows || len(charges) != tot.Charges {
			b.Fatalf("kept %d rows in %d charges, want %d in %d", sum.Kept, len(charges), benchRows, tot.Charges)
		}
		live = liveHeap()
		runtime.KeepAlive(s)
		runtime.KeepAlive(charges)
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	if cpu > 0 {
		b.ReportMetric(float64(benchRows)*float64(b.N)/cpu.Seconds(), "rows/cpu-s")
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(live)/(1<<20), "live-heap-MiB")
	b.ReportMetric(0, "ns/op") // one op is the whole file: rows/s says more
}

// BenchmarkReadFOCUSReader is the reader alone, on a bill generated
// beforehand into memory.
func BenchmarkReadFOCUSReader(b *testing.B) {
	const rows = 200_000
	var buf bytes.Buffer
	if _, err := billingtest.WriteFOCUS(&buf, billingtest.Spec{Rows: rows, Resources: benchResources}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	var cpu time.Duration
	for b.Loop() {
		c0 := cpuTime()
		s := billing.NewSum(billing.Options{})
		if _, err := s.Read(context.Background(), bytes.NewReader(buf.Bytes()), "generated.csv"); err != nil {
			b.Fatal(err)
		}
		s.Charges()
		cpu += cpuTime() - c0
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	if cpu > 0 {
		b.ReportMetric(float64(rows)*float64(b.N)/cpu.Seconds(), "rows/cpu-s")
	}
}

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// samplePeakHeap records the largest heap seen until stop is called.
func samplePeakHeap(peak *uint64) (stop func()) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > *peak {
				*peak = v
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}
