package plan

import (
	"bytes"
	"runtime"
	"sync"
	"testing"

	"github.com/tollgate-dev/tollgate/engine/plan/synth"
)

var (
	benchOnce sync.Once
	benchPlan []byte
)

// BenchmarkParse parses a 10,000-resource plan of about 37 MB. The
// product target is the whole estimate of such a plan in under a second
// and 400 MB on two cores, so parsing must stay well under half of that.
func BenchmarkParse(b *testing.B) {
	benchOnce.Do(func() { benchPlan = synthPlan(b, 10000) })
	b.SetBytes(int64(len(benchPlan)))
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		set, err := Parse("synthetic.json", benchPlan, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(set.Resources) == 0 {
			b.Fatal("no resources")
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
		runtime.KeepAlive(set)
	}
	b.ReportMetric(float64(len(benchPlan))/1e6, "MB-plan")
	b.ReportMetric(float64(peak)/1e6, "MB-heap-inuse")
}

// BenchmarkScan measures validating the whole plan, the one pass over
// every byte that Parse cannot spread over cores.
func BenchmarkScan(b *testing.B) {
	benchOnce.Do(func() { benchPlan = synthPlan(b, 10000) })
	b.SetBytes(int64(len(benchPlan)))
	for b.Loop() {
		if _, err := skipValue(benchPlan, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// synthPlan writes a synthetic plan of n resources (about 3.7 KB of JSON
// each, like real AWS plans).
func synthPlan(tb testing.TB, n int) []byte {
	var buf bytes.Buffer
	if err := synth.Write(&buf, n); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
