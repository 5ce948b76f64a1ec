package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tollgate-dev/tollgate/engine/reconcile/store/storetest"
)

// TestReconcileScript runs the record and reconcile scripts in
// testdata/reconcile against the example of ../../testdata/reconcile
// ($RECONCILE). The PostgreSQL script runs against a fresh schema of the
// test server in $PG_STORE; without TOLLGATE_TEST_POSTGRES it skips
// itself, and fails instead when TOLLGATE_REQUIRE_POSTGRES=1, as in CI.
func TestReconcileScript(t *testing.T) {
	fixture, err := filepath.Abs("../../testdata/reconcile")
	if err != nil {
		t.Fatal(err)
	}
	pg := ""
	if os.Getenv(storetest.PostgresEnv) != "" || os.Getenv(storetest.RequireEnv) == "1" {
		pg = storetest.Postgres(t) // fails or skips the whole test when it must
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/reconcile",
		Setup: func(env *testscript.Env) error {
			env.Setenv("RECONCILE", fixture)
			env.Setenv("PG_STORE", pg)
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond != "postgres" {
				return false, fmt.Errorf("unknown condition %q", cond)
			}
			return pg != "", nil
		},
	})
}

// TestSharedBills reconciles the example's predictions against every real
// billing export in ../shared/billing: each is read whole (exit 0, every
// row accounted for), or refused in one line naming what it lacks.
func TestSharedBills(t *testing.T) {
	const dir = "../../../shared/billing"
	files, _ := filepath.Glob(dir + "/*/*.csv")
	more, _ := filepath.Glob(dir + "/*/*/*.csv")
	deeper, _ := filepath.Glob(dir + "/*/*/*/*.csv")
	files = append(append(files, more...), deeper...)
	if len(files) == 0 {
		t.Skip("no ../shared/billing")
	}
	notBills := map[string]bool{
		"focus_converters-aws-cur-to-focus-rules.csv": true, // a mapping table
		"reports_cost-csv_0000000030000269.csv":       true, // OCI, not a format tollgate reads
	}
	store := filepath.Join(t.TempDir(), "t.db")
	var stdout, stderr bytes.Buffer
	if code := runTest([]string{"record", "../../testdata/reconcile/plan.json", "--state", "../../testdata/reconcile/state.json",
		"--source=", "--store", store, "--repo", "acme/infra", "--commit", "c0ffee", "--recorded-at", "2020-01-01T00:00:00Z"},
		nil, &stdout, &stderr, nil); code != 0 {
		t.Fatalf("record: exit %d: %s", code, stderr.String())
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runTest([]string{"reconcile", "--store", store, "--repo", "acme/infra", "--billing", f, "--no-save", "--format", "json"},
				nil, &stdout, &stderr, nil)
			if notBills[name] {
				if code != exitFailed || !strings.HasPrefix(stderr.String(), "tollgate: "+f+": not a billing export tollgate reads: no BilledCost") ||
					strings.Count(stderr.String(), "\n") != 1 {
					t.Errorf("exit %d, stderr %q; want exit 2 and one line saying it is no billing export", code, stderr.String())
				}
				return
			}
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			var doc struct {
				Files []struct {
					Rows, Kept int
					Skipped    map[string]int
					Malformed  map[string]int
				}
			}
			if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil || len(doc.Files) != 1 {
				t.Fatalf("output is not one file's reconciliation (%v): %s", err, stdout.String())
			}
			fd := doc.Files[0]
			accounted := fd.Kept
			for _, n := range fd.Skipped {
				accounted += n
			}
			for _, n := range fd.Malformed {
				accounted += n
			}
			if fd.Rows == 0 || fd.Kept == 0 || accounted != fd.Rows {
				t.Errorf("rows %d, kept %d, skipped %v, malformed %v: want every row accounted for", fd.Rows, fd.Kept, fd.Skipped, fd.Malformed)
			}
		})
	}
}
