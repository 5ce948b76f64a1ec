package catalog_test

import (
	"regexp"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// TestEmbedded checks the catalog built into the binary: it loads, every
// source has a "priced as of" date, and it knows prices read by hand from
// the public price lists it was made from.
func TestEmbedded(t *testing.T) {
	c := catalog.Embedded()
	date := regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)
	sources := c.Sources()
	if len(sources) < 5 {
		t.Fatalf("%d sources, want the AWS, Azure and GCP ones", len(sources))
	}
	for _, s := range sources {
		if !date.MatchString(s.PricedAsOf) || s.Name == "" || s.Origin == "" || s.License == "" {
			t.Errorf("source %+v: want a date, name, origin and licence", s)
		}
	}

	tests := []struct {
		name                 string
		service, region, key string
		want, unit           string
		approximated         bool
	}{
		{"EC2 us-east-1", "aws-ec2", "us-east-1", "instance/m5.large/linux", "0.096", "hours", false},
		{"EC2 eu-west-1", "aws-ec2", "eu-west-1", "instance/t3.micro/linux", "0.0114", "hours", false},
		{"RDS us-east-1", "aws-rds", "us-east-1", "instance/db.t3.micro/postgres", "0.018", "hours", false},
		{"EBS gp3 eu-west-1", "aws-ebs", "eu-west-1", "storage/gp3", "0.088", "GB-months", false},
		{"NAT gateway us-east-1", "aws-vpc", "us-east-1", "nat-gateway", "0.045", "hours", false},
		{"EBS gp3 us-west-2, borrowed from us-east-1", "aws-ebs", "us-west-2", "storage/gp3", "0.08", "GB-months", true},
		{"Azure VM", "azure-vm", "eastus", "vm/Standard_D2s_v5/linux", "0.096", "hours", false},
		{"GCP disk", "gcp-compute", "us-central1", "disk/pd-ssd", "0.17", "GB-months", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := c.Price(tt.service, tt.region, tt.key)
			if !ok {
				t.Fatalf("no price for %s %s %s", tt.service, tt.region, tt.key)
			}
			if !p.Amount.Equal(decimal.RequireFromString(tt.want)) || p.Unit != tt.unit || (p.Approximation != "") != tt.approximated {
				t.Errorf("%s %s %s = %s %s (approximation %q), want %s %s", tt.service, tt.region, tt.key, p.Amount, p.Unit, p.Approximation, tt.want, tt.unit)
			}
			if _, ok := c.Source(p.Source); !ok {
				t.Errorf("source %q of the price is not listed", p.Source)
			}
		})
	}
	if err := c.Err(); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkEmbeddedEC2 measures the first EC2 price of a run: opening the
// embedded catalog and reading the largest service file.
func BenchmarkEmbeddedEC2(b *testing.B) {
	for b.Loop() {
		c := catalog.Embedded()
		if _, ok := c.Price("aws-ec2", "us-east-1", "instance/m5.large/linux"); !ok {
			b.Fatal("no price")
		}
	}
}
