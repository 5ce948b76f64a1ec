package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sharedPlans is the directory of real plans shared by the project's
// sessions; tests that need it skip when it is absent.
const sharedPlans = "../../../shared/plans"

// brokenPlans are the shared plans that SOURCES.md marks as not valid:
// tollgate must refuse them with exit 2 and one line.
var brokenPlans = map[string]string{
	"tfjson-invalid-NOT-JSON.json": "after the end of the JSON document",
}

// TestSharedPlans estimates every real plan in ../shared/plans: each
// either prices (exit 0, output equal to its golden file, which
// engine/report's tests validate against the schema) or fails cleanly as
// SOURCES.md says.
func TestSharedPlans(t *testing.T) {
	plans, _ := filepath.Glob(filepath.Join(sharedPlans, "*.json"))
	if len(plans) == 0 {
		t.Skip("../shared/plans is not here")
	}
	for _, path := range plans {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runTest([]string{"estimate", path, "--format", "json"}, nil, &stdout, &stderr, nil)
			if want, broken := brokenPlans[name]; broken {
				if code != exitFailed {
					t.Fatalf("exit %d, want %d", code, exitFailed)
				}
				if msg := stderr.String(); strings.Count(msg, "\n") != 1 || !strings.Contains(msg, want) || !strings.Contains(msg, name) {
					t.Errorf("stderr = %q, want one line naming the file and saying %q", msg, want)
				}
				return
			}
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			golden := filepath.Join("testdata", "corpus", strings.TrimSuffix(name, ".json")+".estimate.json")
			if *update {
				if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), stdout.String()); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", golden, diff)
			}
		})
	}
}
