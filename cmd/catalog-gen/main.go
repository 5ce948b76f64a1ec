// Command catalog-gen writes the embedded price catalog
// (pricing/catalog/data) from the shared price snapshots:
//
//	go run ./cmd/catalog-gen -shared ../shared/pricing -out pricing/catalog/data
//
// It prints what it left out, and why, on stderr.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/seed"
)

func main() {
	shared := flag.String("shared", "../shared/pricing", "directory of the shared price snapshots (with aws/, azure/, gcp/)")
	out := flag.String("out", "pricing/catalog/data", "catalog directory to write")
	quiet := flag.Bool("q", false, "do not print the report")
	flag.Parse()
	if err := run(*shared, *out, *quiet, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "catalog-gen:", err)
		os.Exit(2)
	}
}

func run(shared, out string, quiet bool, log io.Writer) error {
	if _, err := os.Stat(shared); err != nil {
		return fmt.Errorf("price data %s: %w (pass -shared DIR)", shared, err)
	}
	b := catalog.NewBuilder()
	report, err := seed.Build(os.DirFS(shared), b)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	written := map[string]bool{}
	err = b.Write(func(name string) (io.WriteCloser, error) {
		written[name] = true
		return os.Create(filepath.Join(out, name))
	})
	if err != nil {
		return fmt.Errorf("write catalog %s: %w", out, err)
	}
	// A service that lost all its prices must not linger as a stale file.
	stale, err := filepath.Glob(filepath.Join(out, "*.tsv.gz"))
	if err != nil {
		return err
	}
	for _, f := range stale {
		if !written[filepath.Base(f)] {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	if !quiet {
		printReport(log, report, b.Len())
	}
	return nil
}

func printReport(w io.Writer, r *seed.Report, total int) {
	services := make([]string, 0, len(r.Rows))
	for s := range r.Rows {
		services = append(services, s)
	}
	sort.Strings(services)
	var counts []string
	for _, s := range services {
		counts = append(counts, fmt.Sprintf("%s %d", s, r.Rows[s]))
	}
	fmt.Fprintf(w, "%d prices: %s\n", total, strings.Join(counts, ", "))
	for _, t := range r.Twins {
		fmt.Fprintln(w, "twin:", t)
	}
	for _, n := range r.Notes {
		fmt.Fprintln(w, "note:", n)
	}
}
