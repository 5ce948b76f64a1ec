// Command tollgate prices Terraform changes and checks them against
// policies. This package is the only place that reads flags, environment
// variables and files, picks exit codes and makes HTTP clients; everything
// else takes bytes, readers and interfaces.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// tollgate holds a whole plan and its policy input in memory for under
	// two seconds: collecting garbage half as often saves a fifth of the
	// time on large plans for a tenth more memory. GOGC still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Environ()))
}
