// Command tollgate prices Terraform changes and checks them against
// policies. This package is the only place that reads flags, environment
// variables and files, picks exit codes and makes HTTP clients; everything
// else takes bytes, readers and interfaces.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
