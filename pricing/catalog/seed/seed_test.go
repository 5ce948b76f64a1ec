package seed

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

var update = flag.Bool("update", false, "rewrite testdata/coverage.golden")

// repoRoot is the directory of go.mod above the test's directory.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// sharedPricing is ../shared/pricing next to the repository; tests that
// need it skip when it is absent.
func sharedPricing(t *testing.T) fs.FS {
	t.Helper()
	dir := filepath.Join(repoRoot(t), "..", "shared", "pricing")
	if _, err := os.Stat(filepath.Join(dir, "aws")); err != nil {
		t.Skipf("shared price data not found at %s", dir)
	}
	return os.DirFS(dir)
}

// built is one generation, shared by the tests.
var built struct {
	once   sync.Once
	files  fstest.MapFS
	report *Report
	err    error
}

func generate(fsys fs.FS) (fstest.MapFS, *Report, error) {
	b := catalog.NewBuilder()
	report, err := Build(fsys, b)
	if err != nil {
		return nil, nil, err
	}
	files := fstest.MapFS{}
	err = b.Write(func(name string) (io.WriteCloser, error) {
		return &memFile{name: name, files: files}, nil
	})
	return files, report, err
}

type memFile struct {
	bytes.Buffer
	name  string
	files fstest.MapFS
}

func (f *memFile) Close() error {
	f.files[f.name] = &fstest.MapFile{Data: f.Bytes()}
	return nil
}

func build(t *testing.T) (*catalog.Catalog, *Report, fstest.MapFS) {
	t.Helper()
	fsys := sharedPricing(t)
	built.once.Do(func() { built.files, built.report, built.err = generate(fsys) })
	if built.err != nil {
		t.Fatal(built.err)
	}
	c, err := catalog.Open(built.files)
	if err != nil {
		t.Fatal(err)
	}
	return c, built.report, built.files
}

func TestPrices(t *testing.T) {
	c, _, _ := build(t)
	tests := []struct {
		name                 string
		service, region, key string
		want, unit, source   string
		twin                 bool // borrowed from a twin region
	}{
		{"m5.large linux us-east-1", "aws-ec2", "us-east-1", "instance/m5.large/linux", "0.096", "hours", "aws-ec2-karpenter", false},
		{"m5.large linux us-west-2", "aws-ec2", "us-west-2", "instance/m5.large/linux", "0.096", "hours", "aws-ec2", false},
		{"m5.large windows eu-west-1", "aws-ec2", "eu-west-1", "instance/m5.large/windows", "0.199", "hours", "aws-ec2", false},
		{"m5.large suse us-east-1", "aws-ec2", "us-east-1", "instance/m5.large/suse", "0.152", "hours", "aws-ec2", false},
		{"t3.micro linux eu-west-1", "aws-ec2", "eu-west-1", "instance/t3.micro/linux", "0.0114", "hours", "aws-ec2", false},
		{"t3.micro rhel eu-west-1", "aws-ec2", "eu-west-1", "instance/t3.micro/rhel", "0.0402", "hours", "aws-ec2", false},
		{"p5 price cut, from Karpenter", "aws-ec2", "us-east-1", "instance/p5.48xlarge/linux", "55.04", "hours", "aws-ec2-karpenter", false},
		{"shared-tenancy metal, not Karpenter's dedicated", "aws-ec2", "us-east-1", "instance/r6g.metal/linux", "3.2256", "hours", "aws-ec2", false},
		{"newer family only in Karpenter", "aws-ec2", "us-east-1", "instance/c8a.large/linux", "0.10777", "hours", "aws-ec2-karpenter", false},
		{"burstable credits us-east-1", "aws-ec2", "us-east-1", "cpu-credit/t3/linux", "0.05", "vCPU-hours", "aws-observed", false},
		{"burstable credits eu-west-1 windows", "aws-ec2", "eu-west-1", "cpu-credit/t3/windows", "0.096", "vCPU-hours", "aws-eu-west-1-bulk", false},
		{"EBS-optimized r3.xlarge", "aws-ec2", "us-east-1", "ebs-optimized/r3.xlarge", "0.02", "hours", "aws-observed", false},

		{"db.t3.micro postgres us-east-1", "aws-rds", "us-east-1", "instance/db.t3.micro/postgres", "0.018", "hours", "aws-rds", false},
		{"db.m5.large sqlserver eu-west-1", "aws-rds", "eu-west-1", "instance/db.m5.large/sqlserver", "0.319", "hours", "aws-rds", false},
		{"RDS gp2 us-east-1", "aws-rds", "us-east-1", "storage/gp2", "0.115", "GB-months", "aws-observed", false},
		{"RDS gp2 Multi-AZ eu-west-1", "aws-rds", "eu-west-1", "storage/gp2/multi-az", "0.253", "GB-months", "aws-eu-west-1-bulk", false},
		{"RDS backup", "aws-rds", "us-east-1", "backup", "0.095", "GB-months", "aws-observed", false},
		{"Aurora I/O eu-west-1, per IO to per 1M", "aws-rds", "eu-west-1", "aurora/io-requests", "0.22", "1M requests", "aws-eu-west-1-bulk", false},

		{"gp3 us-east-1", "aws-ebs", "us-east-1", "storage/gp3", "0.08", "GB-months", "aws-observed", false},
		{"gp3 eu-west-1", "aws-ebs", "eu-west-1", "storage/gp3", "0.088", "GB-months", "aws-eu-west-1-bulk", false},
		{"gp3 us-west-2 from its twin", "aws-ebs", "us-west-2", "storage/gp3", "0.08", "GB-months", "aws-observed", true},
		{"gp2 us-west-2 observed there", "aws-ebs", "us-west-2", "storage/gp2", "0.1", "GB-months", "aws-observed", false},
		{"gp3 IOPS us-east-1 (pick)", "aws-ebs", "us-east-1", "iops/gp3", "0.005", "IOPS-months", "aws-observed", false},
		{"io1 IOPS us-east-1 (pick)", "aws-ebs", "us-east-1", "iops/io1", "0.065", "IOPS-months", "aws-observed", false},
		{"gp3 throughput eu-west-1, GiBps to MiBps", "aws-ebs", "eu-west-1", "throughput/gp3", "0.044", "MiBps-months", "aws-eu-west-1-bulk", false},
		{"io2 tier 3 eu-west-1", "aws-ebs", "eu-west-1", "iops/io2/tier3", "0.03528", "IOPS-months", "aws-eu-west-1-bulk", false},

		{"NAT gateway us-east-1", "aws-vpc", "us-east-1", "nat-gateway", "0.045", "hours", "aws-observed", false},
		{"NAT gateway eu-west-1", "aws-vpc", "eu-west-1", "nat-gateway", "0.048", "hours", "aws-eu-west-1-bulk", false},
		{"public IPv4 us-east-1", "aws-vpc", "us-east-1", "public-ipv4", "0.005", "hours", "aws-observed", false},
		{"public IPv4 eu-west-1", "aws-vpc", "eu-west-1", "public-ipv4", "0.005", "hours", "aws-eu-west-1-bulk", false},
		{"ALB hours us-east-1", "aws-elb", "us-east-1", "application", "0.0225", "hours", "aws-observed", false},
		{"ALB hours eu-west-1", "aws-elb", "eu-west-1", "application", "0.0252", "hours", "aws-eu-west-1-bulk", false},
		{"ALB LCU, a month back to the hour", "aws-elb", "us-east-1", "application/lcu", "0.008", "LCU-hours", "aws-observed", false},
		{"NLB LCU (pick)", "aws-elb", "us-east-1", "network/lcu", "0.006", "LCU-hours", "aws-observed", false},

		{"Fargate vCPU snapped", "aws-fargate", "us-east-1", "vcpu/x86", "0.04048", "vCPU-hours", "aws-observed", false},
		{"Fargate memory snapped", "aws-fargate", "us-east-1", "memory/x86", "0.004445", "GB-hours", "aws-observed", false},
		{"DynamoDB WCU, a month back to the hour", "aws-dynamodb", "us-east-2", "provisioned/wcu", "0.00065", "hours", "aws-observed", false},
		{"DynamoDB RCU us-east-1 from us-east-2", "aws-dynamodb", "us-east-1", "provisioned/rcu", "0.00013", "hours", "aws-observed", true},
		{"DynamoDB storage us-east-1", "aws-dynamodb", "us-east-1", "storage", "0.25", "GB-months", "aws-observed", false},
		{"Lambda x86 tier 1", "aws-lambda", "us-east-1", "duration/x86/tier1", "0.0000166667", "GB-seconds", "aws-observed", false},
		{"Lambda arm tier 1", "aws-lambda", "us-east-1", "duration/arm/tier1", "0.0000133334", "GB-seconds", "aws-observed", false},
		{"S3 standard", "aws-s3", "us-east-1", "storage/standard", "0.023", "GB-months", "aws-observed", false},
		{"S3 One Zone-IA (pick)", "aws-s3", "us-east-1", "storage/onezone-ia", "0.01", "GB-months", "aws-observed", false},
		{"S3 Standard-IA GET (pick)", "aws-s3", "us-east-1", "requests/get/standard-ia", "0.001", "1k requests", "aws-observed", false},
		{"EKS cluster us-west-2 from its twin", "aws-eks", "us-west-2", "cluster", "0.1", "hours", "aws-observed", true},
		{"CloudWatch logs eu-west-1", "aws-cloudwatch", "eu-west-1", "logs/ingestion", "0.57", "GB", "aws-eu-west-1-bulk", false},
		{"ElastiCache node", "aws-elasticache", "us-east-1", "node/cache.m6g.12xlarge", "3.557", "hours", "aws-observed", false},

		{"Azure D2s v5 eastus", "azure-vm", "eastus", "vm/Standard_D2s_v5/linux", "0.096", "hours", "azure-vm", false},
		{"Azure D2s v5 westeurope", "azure-vm", "westeurope", "vm/Standard_D2s_v5/linux", "0.115", "hours", "azure-vm", false},
		{"GCP e2-standard-2 us-central1, hourly", "gcp-compute", "us-central1", "machine/e2-standard-2", "0.06701142", "hours", "gcp-compute", false},
		{"GCP pd-ssd us-central1", "gcp-compute", "us-central1", "disk/pd-ssd", "0.17", "GB-months", "gcp-compute", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := c.Price(tt.service, tt.region, tt.key)
			if !ok {
				t.Fatalf("%s %s %s: no price (regions with one: %v)", tt.service, tt.region, tt.key, c.Regions(tt.service, tt.key))
			}
			got := fmt.Sprintf("%s %s %s twin=%v", p.Amount, p.Unit, p.Source, p.Approximation != "")
			want := fmt.Sprintf("%s %s %s twin=%v", decimal.RequireFromString(tt.want), tt.unit, tt.source, tt.twin)
			if got != want {
				t.Errorf("%s %s %s = %s, want %s (%s)", tt.service, tt.region, tt.key, got, want, p.Approximation)
			}
		})
	}
}

func TestNotPriced(t *testing.T) {
	c, _, _ := build(t)
	tests := []struct {
		name                 string
		service, region, key string
	}{
		{"Karpenter-only metal is dedicated-tenancy", "aws-ec2", "us-east-1", "instance/c8a.metal-24xl/linux"},
		{"instance keys never borrow from a twin", "aws-ec2", "us-west-2", "instance/c8a.large/linux"},
		{"RDS storage has no twin in a region that prices unlike", "aws-rds", "ap-southeast-2", "storage/gp3"},
		{"no eu-west-1 rows for EKS", "aws-eks", "eu-west-1", "cluster"},
		{"DynamoDB on-demand writes: ambiguous", "aws-dynamodb", "us-east-2", "on-demand/wru"},
		{"KMS asymmetric: printed to the cent only", "aws-kms", "us-east-1", "requests/asymmetric"},
		{"Glacier Instant Retrieval: not observed", "aws-s3", "us-east-1", "storage/glacier-ir"},
		{"dedicated-host SKU", "azure-vm", "australiacentral", "vm/DCadsv6_Type1/linux"},
		{"zero-priced SKU", "azure-vm", "eastus", "vm/Standard_M128bds_1_v4/linux"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if p, ok := c.Price(tt.service, tt.region, tt.key); ok {
				t.Errorf("%s %s %s = %s from %s, want no price", tt.service, tt.region, tt.key, p.Amount, p.Source)
			}
		})
	}
}

func TestSources(t *testing.T) {
	c, _, _ := build(t)
	got := map[string]string{}
	for _, s := range c.Sources() {
		got[s.ID] = s.PricedAsOf
	}
	want := map[string]string{
		"aws-ec2": "2025-04-24", "aws-ec2-karpenter": "2026-07-20", "aws-rds": "2025-04-24",
		"aws-observed": "2024-07", "aws-eu-west-1-bulk": "2023-02-23",
		"azure-vm": "2026-06-18", "gcp-compute": "2026-07-30",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
}

// TestDeterministic generates twice and checks the bytes match.
func TestDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the catalog a second time")
	}
	_, _, first := build(t)
	second, _, err := generate(sharedPricing(t))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fileDigests(first), fileDigests(second)); diff != "" {
		t.Errorf("two runs differ (-first +second):\n%s", diff)
	}
}

// TestEmbeddedUpToDate checks the committed catalog is what the generator
// makes of the shared data: run `make catalog` when it fails.
func TestEmbeddedUpToDate(t *testing.T) {
	_, _, files := build(t)
	dir := filepath.Join(repoRoot(t), "pricing", "catalog", "data")
	committed := fstest.MapFS{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		committed[e.Name()] = &fstest.MapFile{Data: b}
	}
	if diff := cmp.Diff(fileDigests(files), fileDigests(committed)); diff != "" {
		t.Errorf("pricing/catalog/data is stale; run make catalog (-generated +committed):\n%s", diff)
	}
}

func fileDigests(files fstest.MapFS) map[string]string {
	out := map[string]string{}
	for name, f := range files {
		out[name] = fmt.Sprintf("%d bytes, sha256 %x", len(f.Data), sha256.Sum256(f.Data))
	}
	return out
}

// TestCoverage records which non-instance keys the three regions the
// issue names can price, and from where, in testdata/coverage.golden
// (go test -update rewrites it).
func TestCoverage(t *testing.T) {
	c, report, _ := build(t)
	keys := map[string]bool{}
	for _, o := range observations {
		keys[o.Service+" "+o.Key] = true
	}
	for _, b := range bulkRates {
		keys[b.Service+" "+b.Key] = true
	}
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%-58s %-22s %-22s %s\n", "service key", "us-east-1", "eu-west-1", "us-west-2")
	for _, k := range sorted {
		svc, key, _ := strings.Cut(k, " ")
		fmt.Fprintf(&buf, "%-58s", k)
		for _, region := range []string{"us-east-1", "eu-west-1", "us-west-2"} {
			cell := "-"
			if p, ok := c.Price(svc, region, key); ok {
				cell = p.Amount.String()
				if p.Approximation != "" {
					cell += " (twin)"
				}
			}
			fmt.Fprintf(&buf, " %-22s", cell)
		}
		trimmed := bytes.TrimRight(buf.Bytes(), " ")
		buf.Truncate(len(trimmed))
		buf.WriteString("\n")
	}
	buf.WriteString("\nnotes:\n")
	for _, n := range report.Notes {
		fmt.Fprintf(&buf, "  %s\n", n)
	}
	golden := filepath.Join("testdata", "coverage.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("coverage changed (-golden +now); go test -update if intended:\n%s", diff)
	}
}
