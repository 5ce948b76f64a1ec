package main

import (
	"fmt"
	"os"
	"path/filepath"
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
