// Command plangen writes a synthetic `terraform show -json` plan of N
// resources, for benchmarks: plangen -n 10000 -o plan-10k.json
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/tollgate-dev/tollgate/engine/plan/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of resources")
	out := flag.String("o", "", "output file (default: standard output)")
	flag.Parse()
	var w io.Writer = os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintf(os.Stderr, "plangen: %v\n", err)
			os.Exit(2)
		}
		defer f.Close()
		w = f
	}
	if err := synth.Write(w, *n); err != nil {
		fmt.Fprintf(os.Stderr, "plangen: %v\n", err)
		os.Exit(2)
	}
}
