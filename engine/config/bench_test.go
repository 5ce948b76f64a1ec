package config_test

import (
	"testing"
	"testing/fstest"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/config"
	"github.com/tollgate-dev/tollgate/engine/config/synth"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// synthetic is a generated configuration of 50 module instances with 40
// resources each (2,000 module resources, plus the root's few).
func synthetic() fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range synth.Files(50, 40) {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// TestSynthetic checks the benchmark's configuration: 50 instances of 40
// resources, the root's VPC and 3 subnets, nothing unknown that would
// leave a resource unexpanded.
func TestSynthetic(t *testing.T) {
	set, err := config.Load(synthetic(), config.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Resources) != 50*40+4 {
		t.Errorf("%d resources, want %d", len(set.Resources), 50*40+4)
	}
	for _, r := range set.Resources {
		if r.Unexpanded != "" {
			t.Errorf("%s: %s", r.Address, r.Unexpanded)
		}
	}
}

// BenchmarkLoad evaluates the generated configuration.
func BenchmarkLoad(b *testing.B) {
	fsys := synthetic()
	b.ReportAllocs()
	for b.Loop() {
		set, err := config.Load(fsys, config.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(set.Resources) < 2000 {
			b.Fatalf("%d resources, want 2,000 or more", len(set.Resources))
		}
	}
}

// BenchmarkEstimate evaluates and prices the generated configuration:
// the work of `tollgate estimate DIR` less reading the files and
// rendering.
func BenchmarkEstimate(b *testing.B) {
	fsys := synthetic()
	pricing := engine.Pricing{Registry: engine.Registry(), Catalog: catalog.Embedded()}
	b.ReportAllocs()
	for b.Loop() {
		set, err := config.Load(fsys, config.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if est := pricing.Estimate(set); len(est.Resources) < 2000 {
			b.Fatalf("%d resources priced", len(est.Resources))
		}
	}
}
