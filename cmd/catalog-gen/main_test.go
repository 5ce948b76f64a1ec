package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func sharedPricing(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "pricing"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "aws")); err != nil {
		t.Skipf("shared price data not found at %s", dir)
	}
	return dir
}

func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

// TestRunTwice writes the catalog twice and compares the bytes; the
// second run also has to remove a stale service file.
func TestRunTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the catalog twice")
	}
	shared := sharedPricing(t)
	first, second := t.TempDir(), t.TempDir()
	var log bytes.Buffer
	if err := run(shared, first, false, &log); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "aws-ec2 ") || !strings.Contains(log.String(), "twin: aws-ebs us-west-2 -> us-east-1") {
		t.Errorf("report does not say what was written:\n%s", log.String())
	}
	stale := filepath.Join(second, "aws-gone.tsv.gz")
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(shared, second, true, &log); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale %s was kept", stale)
	}
	a, b := readDir(t, first), readDir(t, second)
	if len(a) < 10 {
		t.Fatalf("only %d files written", len(a))
	}
	if !cmp.Equal(a, b) {
		t.Error("two runs wrote different bytes")
	}
}

func TestRunMissingData(t *testing.T) {
	err := run(filepath.Join(t.TempDir(), "nope"), t.TempDir(), true, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "-shared") {
		t.Fatalf("err = %v, want one that says to pass -shared", err)
	}
}
