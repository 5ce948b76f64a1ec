package policies_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tollgate-dev/tollgate/engine/policy"
	"github.com/tollgate-dev/tollgate/engine/settings"
	"github.com/tollgate-dev/tollgate/policies"
)

// temporary: times each /tmp/exp/*.rego alone
func BenchmarkExp(b *testing.B) {
	s, _ := settings.Parse("guardrails.md", documentedConfig(b))
	input, _ := ast.InterfaceToValue(syntheticInput(10000))
	files, _ := filepath.Glob("/tmp/exp/*.rego")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		e, err := policy.Load(context.Background(), []policy.Source{{Name: "x", FS: fstest.MapFS{"p.rego": {Data: data}}}}, policy.Options{Schema: policies.InputSchema, Data: s.Data()})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			cpu := cpuTime()
			n := 0
			for b.Loop() {
				fs, err := e.Evaluate(context.Background(), input, time.Now())
				if err != nil {
					b.Fatal(err)
				}
				n = len(fs)
			}
			b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(n), "findings")
		})
	}
}
