// Command plangen writes synthetic inputs for benchmarks: a `terraform
// show -json` plan of N resources (plangen -n 10000 -o plan-10k.json), or
// a .tf configuration of module instances (plangen -tf DIR -modules 50
// -per-module 40).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	configsynth "github.com/tollgate-dev/tollgate/engine/config/synth"
	"github.com/tollgate-dev/tollgate/engine/plan/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of resources of the plan")
	out := flag.String("o", "", "output file of the plan (default: standard output)")
	tfDir := flag.String("tf", "", "write a .tf configuration into this directory instead of a plan")
	modules := flag.Int("modules", 50, "module instances of the .tf configuration")
	perModule := flag.Int("per-module", 40, "resources per module instance of the .tf configuration")
	flag.Parse()
	if *tfDir != "" {
		for name, data := range configsynth.Files(*modules, *perModule) {
			path := filepath.Join(*tfDir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				fail(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				fail(err)
			}
		}
		return
	}
	var w io.Writer = os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fail(err)
		}
		defer f.Close()
		w = f
	}
	if err := synth.Write(w, *n); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "plangen: %v\n", err)
	os.Exit(2)
}
