package catalog_test

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// build writes a builder to an in-memory directory.
func build(t *testing.T, b *catalog.Builder) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := b.Write(func(name string) (io.WriteCloser, error) {
		return &memFile{name: name, fsys: fsys}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

type memFile struct {
	bytes.Buffer
	name string
	fsys fstest.MapFS
}

func (f *memFile) Close() error {
	f.fsys[f.name] = &fstest.MapFile{Data: f.Bytes()}
	return nil
}

func sampleBuilder(t *testing.T) *catalog.Builder {
	t.Helper()
	b := catalog.NewBuilder()
	b.AddSource(pricing.Source{ID: "src", PricedAsOf: "2025-04-24", Name: "test prices", Origin: "here", License: "MIT"})
	for _, r := range []catalog.Row{
		{Service: "aws-ec2", Region: "us-east-1", Key: "instance/m5.large/linux", Price: decimal.RequireFromString("0.096"), Unit: "hours", Source: "src"},
		{Service: "aws-ec2", Region: "eu-west-1", Key: "instance/m5.large/linux", Price: decimal.RequireFromString("0.107"), Unit: "hours", Source: "src"},
		{Service: "aws-ebs", Region: "us-east-1", Key: "storage/gp3", Price: decimal.RequireFromString("0.08"), Unit: "GB-months", Source: "src"},
	} {
		if err := b.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	b.AddTwin("aws-ebs", "us-west-2", "us-east-1", "identical EC2 prices")
	return b
}

func TestRoundTrip(t *testing.T) {
	c, err := catalog.Open(build(t, sampleBuilder(t)))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, service, region, key string
		want                       string // price, or "" for none
		approx                     bool
	}{
		{"own region", "aws-ec2", "eu-west-1", "instance/m5.large/linux", "0.107", false},
		{"twin region", "aws-ebs", "us-west-2", "storage/gp3", "0.08", true},
		{"instances have no twin", "aws-ec2", "us-west-2", "instance/m5.large/linux", "", false},
		{"missing key", "aws-ebs", "us-east-1", "storage/gp2", "", false},
		{"missing service", "aws-s3", "us-east-1", "storage/standard", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := c.Price(tc.service, tc.region, tc.key)
			if got := map[bool]string{true: p.Amount.String()}[ok]; got != tc.want {
				t.Fatalf("price = %q, want %q", got, tc.want)
			}
			if (p.Approximation != "") != tc.approx {
				t.Errorf("approximation = %q, want one: %v", p.Approximation, tc.approx)
			}
			if ok && p.Source != "src" {
				t.Errorf("source = %q", p.Source)
			}
		})
	}
	if got := c.Regions("aws-ec2", "instance/m5.large/linux"); !cmp.Equal(got, []string{"eu-west-1", "us-east-1"}) {
		t.Errorf("Regions = %v", got)
	}
	if s, ok := c.Source("src"); !ok || s.PricedAsOf != "2025-04-24" {
		t.Errorf("Source = %+v", s)
	}
	if err := c.Err(); err != nil {
		t.Errorf("Err = %v", err)
	}
}

func TestWriteIsDeterministic(t *testing.T) {
	a, b := build(t, sampleBuilder(t)), build(t, sampleBuilder(t))
	for name, f := range a {
		if !bytes.Equal(f.Data, b[name].Data) {
			t.Errorf("%s differs between two writes", name)
		}
	}
}

func TestBuilderRejects(t *testing.T) {
	b := sampleBuilder(t)
	row := catalog.Row{Service: "aws-ec2", Region: "us-east-1", Key: "instance/m5.large/linux", Price: decimal.RequireFromString("0.1"), Unit: "hours", Source: "src"}
	if err := b.Add(row); err == nil || !strings.Contains(err.Error(), "disagrees") {
		t.Errorf("conflicting price: err = %v", err)
	}
	if err := b.Set(row); err != nil {
		t.Errorf("Set: %v", err)
	}
	row.Source = "nope"
	if err := b.Add(row); err == nil {
		t.Error("unknown source accepted")
	}
	row.Source, row.Key = "src", "bad\tkey"
	if err := b.Add(row); err == nil {
		t.Error("tab in key accepted")
	}
}

func TestOpenRejectsCorruptService(t *testing.T) {
	fsys := build(t, sampleBuilder(t))
	fsys["aws-ebs.tsv.gz"] = &fstest.MapFile{Data: []byte("not gzip")}
	c, err := catalog.Open(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Price("aws-ebs", "us-east-1", "storage/gp3"); ok {
		t.Error("price from a corrupt file")
	}
	if c.Err() == nil {
		t.Error("Err() is nil after a corrupt service file")
	}
}
