// Command catalog-gen writes the embedded price catalog
// (pricing/catalog/data) from the shared price snapshots (make catalog):
//
//	go run ./cmd/catalog-gen -shared ../shared/pricing -out pricing/catalog/data
//
// or, with network, refreshes it from the providers' public price lists
// with the importers of tollgate pricing refresh (make catalog-refresh):
//
//	go run ./cmd/catalog-gen -refresh -out pricing/catalog/data
//
// It prints what it left out, and why, on stderr.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tollgate-dev/tollgate/action"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/refresh"
	"github.com/tollgate-dev/tollgate/pricing/catalog/seed"
)

func main() {
	shared := flag.String("shared", "../shared/pricing", "directory of the shared price snapshots (with aws/, azure/, gcp/)")
	out := flag.String("out", "pricing/catalog/data", "catalog directory to write")
	quiet := flag.Bool("q", false, "do not print the report")
	var r refreshFlags
	flag.BoolVar(&r.on, "refresh", false, "refresh the catalog in -out from the providers' public price lists instead")
	flag.StringVar(&r.providers, "providers", strings.Join(refresh.Providers, ","), "with -refresh: price lists to read")
	flag.StringVar(&r.regions, "regions", "", "with -refresh: only these regions (comma-separated); the others keep their prices")
	flag.BoolVar(&r.force, "force", false, "with -refresh: write the catalog even when the drift guard objects")
	flag.StringVar(&r.feeds.AWSURL, "aws-pricing-url", "", "with -refresh: base URL of the AWS Price List bulk files")
	flag.StringVar(&r.feeds.AzureURL, "azure-pricing-url", "", "with -refresh: URL of the Azure Retail Prices API")
	flag.StringVar(&r.feeds.GCPURL, "gcp-pricing-url", "", "with -refresh: base URL of the Cloud Billing Catalog API")
	flag.StringVar(&r.feeds.GCPAPIKey, "gcp-api-key", os.Getenv("TOLLGATE_GCP_API_KEY"), "with -refresh: Google Cloud API key (default TOLLGATE_GCP_API_KEY)")
	flag.Parse()
	var err error
	if r.on {
		r.feeds.Client = &http.Client{Transport: &action.Retry{}}
		err = runRefresh(context.Background(), *out, r, os.Stderr)
	} else {
		err = run(*shared, *out, *quiet, os.Stderr)
	}
	if err != nil {
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
	if err := install(out, b.Write); err != nil {
		return err
	}
	if !quiet {
		printReport(log, report, b.Len())
	}
	return nil
}

// install writes a catalog into out with write, then removes the service
// files it did not write: a service that lost all its prices must not
// linger as a stale file.
func install(out string, write func(create func(name string) (io.WriteCloser, error)) error) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	written := map[string]bool{}
	err := write(func(name string) (io.WriteCloser, error) {
		written[name] = true
		return os.Create(filepath.Join(out, name))
	})
	if err != nil {
		return fmt.Errorf("write catalog %s: %w", out, err)
	}
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
