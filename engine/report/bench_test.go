package report_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
)

// BenchmarkCheckRenderers renders 10,000 findings (a 10k-resource plan
// where every resource misses a tag) in every format.
func BenchmarkCheckRenderers(b *testing.B) {
	res := &engine.Result{Estimate: sample(b), Rules: rules()}
	for i := range 10000 {
		addr := fmt.Sprintf("aws_instance.web[%d]", i)
		res.Findings = append(res.Findings, gate.Judged{
			Finding: policy.Finding{Rule: "required-tags", Severity: policy.Deny, Address: addr,
				Message: addr + ` is missing required tag "owner"`, Location: &change.Location{File: "main.tf", Line: 12},
				Policy: "policies/required_tags.rego:12"},
			Level: gate.Hard, Blocking: true,
		})
	}
	for _, r := range renderers {
		b.Run(r.suffix, func(b *testing.B) {
			var out bytes.Buffer
			for b.Loop() {
				out.Reset()
				if err := r.render(&out, res); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(out.Len())/1e6, "MB/op")
		})
	}
}
