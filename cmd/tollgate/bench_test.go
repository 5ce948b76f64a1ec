package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/engine/plan/synth"
)

// BenchmarkEstimate runs `tollgate estimate --format json` in-process on a
// synthetic 10,000-resource plan (about 39 MB): parse, price, render.
func BenchmarkEstimate(b *testing.B) {
	path := synthPlanFile(b, 10000)
	b.ReportAllocs()
	for b.Loop() {
		if code := runTest([]string{"estimate", path, "--format", "json"}, nil, io.Discard, io.Discard, nil); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkCheck runs `tollgate check` in-process on the same 10,000-
// resource plan with the example guardrails and the ten example user
// rules: parse, price, build the policy input, evaluate, gate, render.
func BenchmarkCheck(b *testing.B) {
	path := synthPlanFile(b, 10000)
	args := []string{"check", path, "--format", "json", "--source=",
		"--config", "../../examples/aws-web/tollgate.yml", "--policy", "../../examples/policies"}
	b.ReportAllocs()
	for b.Loop() {
		if code := runTest(args, nil, io.Discard, io.Discard, nil); code == exitFailed {
			b.Fatalf("exit %d", code)
		}
	}
}

// synthPlanFile writes a synthetic plan of n resources to a temporary file.
func synthPlanFile(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "plan.json")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := synth.Write(f, n); err != nil {
		b.Fatal(err)
	}
	return path
}
