package engine_test

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/plan"
	"github.com/tollgate-dev/tollgate/engine/plan/synth"
	"github.com/tollgate-dev/tollgate/engine/policy"
	"github.com/tollgate-dev/tollgate/engine/settings"
	"github.com/tollgate-dev/tollgate/policies"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// priced10k is a synthetic 10,000-resource plan, priced.
func priced10k(b *testing.B) *engine.Estimate {
	b.Helper()
	var buf bytes.Buffer
	if err := synth.Write(&buf, 10000); err != nil {
		b.Fatal(err)
	}
	set, err := plan.Parse("plan.json", buf.Bytes(), plan.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return engine.Pricing{Registry: engine.Registry(), Catalog: catalog.Embedded()}.Estimate(set)
}

// BenchmarkPolicyInput converts a priced 10,000-resource change into the
// policy input document.
func BenchmarkPolicyInput(b *testing.B) {
	est := priced10k(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := engine.PolicyInput(est, engine.Context{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluate evaluates the built-in guardrails, configured as in
// examples/aws-web/tollgate.yml, and the ten rules of examples/policies
// on a priced 10,000-resource change: policy evaluation alone.
func BenchmarkEvaluate(b *testing.B) {
	est := priced10k(b)
	input, err := engine.PolicyInput(est, engine.Context{})
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile("../examples/aws-web/tollgate.yml")
	if err != nil {
		b.Fatal(err)
	}
	cfg, err := settings.Parse("tollgate.yml", data)
	if err != nil {
		b.Fatal(err)
	}
	eng, err := policy.Load(context.Background(),
		[]policy.Source{policies.Source(), {Name: "examples/policies", FS: os.DirFS("../examples/policies")}},
		policy.Options{Schema: policies.InputSchema, Data: cfg.Data()})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := eng.Evaluate(context.Background(), input, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}
