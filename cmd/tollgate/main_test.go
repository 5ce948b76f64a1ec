package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"tollgate": func() { os.Exit(runTest(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Environ())) },
	})
}

// testNow is the clock of the tests' runs, so that what depends on the
// date (the note on old prices) is the same whatever day they run.
var testNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// runTest is run with the tests' clock.
func runTest(args []string, stdin io.Reader, stdout, stderr io.Writer, env []string) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr, env: env, now: func() time.Time { return testNow }}
	return c.run(args)
}

// TestScript runs the CLI scenarios in testdata/script/*.txtar. $EXAMPLES
// is the repository's examples directory.
func TestScript(t *testing.T) {
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			return nil
		},
	})
}
