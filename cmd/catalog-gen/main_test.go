package main

import (
	"bytes"
	"context"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/awsfeed/awsfeedtest"
	"github.com/tollgate-dev/tollgate/pricing/catalog/refresh"
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

// TestRefresh refreshes a copy of the embedded catalog from awsfeed's
// fixtures, served in the bulk API's layout: us-east-1 gets the list's
// prices, other regions keep theirs.
func TestRefresh(t *testing.T) {
	out := t.TempDir()
	for name, data := range readDir(t, filepath.Join("..", "..", "pricing", "catalog", "data")) {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "pricing", "catalog", "awsfeed", "testdata", "*.csv"))
	list := awsfeedtest.PriceList{}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		key := strings.Replace(strings.TrimSuffix(filepath.Base(name), ".csv"), "_", "/", 1)
		list[key] = func(w io.Writer) error { _, err := w.Write(data); return err }
	}
	srv := httptest.NewServer(list.Handler())
	defer srv.Close()

	var log bytes.Buffer
	f := refreshFlags{on: true, providers: "aws", regions: "us-east-1", force: true, feeds: refresh.FeedOptions{AWSURL: srv.URL}}
	if err := runRefresh(context.Background(), out, f, &log); err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	if !strings.Contains(log.String(), "refreshed "+out+": ") {
		t.Errorf("log = %s, want the counts", log.String())
	}
	c, err := catalog.Open(os.DirFS(out))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, k := range []string{"us-east-1 instance/m5.large/linux", "eu-west-1 instance/m5.large/linux", "us-east-1 instance/m5.xlarge/linux"} {
		region, key, _ := strings.Cut(k, " ")
		p, ok := c.Price("aws-ec2", region, key)
		if !ok {
			got[k] = "missing"
			continue
		}
		src, _ := c.Source(p.Source)
		got[k] = p.Amount.String() + " " + p.Source + " " + src.PricedAsOf
	}
	want := map[string]string{
		"us-east-1 instance/m5.large/linux":  "0.096 aws-ec2-bulk 2025-06-03",      // from the list
		"eu-west-1 instance/m5.large/linux":  "0.107 aws-ec2 2025-04-24",           // not refreshed
		"us-east-1 instance/m5.xlarge/linux": "0.192 aws-ec2-karpenter 2026-07-20", // a key the list lacks: carried
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("prices (-want +got):\n%s", diff)
	}
	if err := c.Err(); err != nil {
		t.Fatal(err)
	}
}
