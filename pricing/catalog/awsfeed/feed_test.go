package awsfeed_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/awsfeed"
	"github.com/tollgate-dev/tollgate/pricing/catalog/awsfeed/awsfeedtest"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// fixtures serves the hand-written offer files of testdata: a file
// "<code>_<region>.csv" is that region's list, "<code>.csv" a global one.
func fixtures(t *testing.T) awsfeedtest.PriceList {
	t.Helper()
	names, err := filepath.Glob("testdata/*.csv")
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	list := awsfeedtest.PriceList{}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		key := strings.Replace(strings.TrimSuffix(filepath.Base(name), ".csv"), "_", "/", 1)
		list[key] = func(w io.Writer) error { _, err := w.Write(data); return err }
	}
	return list
}

// result is an import's output read back as a catalog.
type result struct {
	files map[string][]byte // catalog file -> contents (service files unzipped)
	cat   *catalog.Catalog
	notes []string
}

func importList(t *testing.T, list awsfeedtest.PriceList, opts awsfeed.Options) (*result, error) {
	t.Helper()
	srv := httptest.NewServer(list.Handler())
	defer srv.Close()
	return importFrom(t, srv.URL, opts)
}

func importFrom(t *testing.T, url string, opts awsfeed.Options) (*result, error) {
	t.Helper()
	res := &result{}
	opts.BaseURL = url
	opts.Note = func(n string) { res.notes = append(res.notes, strings.ReplaceAll(n, url, "SERVER")) }
	b := catalog.NewBuilder()
	if err := awsfeed.New(opts).Import(context.Background(), b, catalog.NoProgress{}); err != nil {
		if b.Len() != 0 {
			t.Errorf("failed import left %d rows in the builder", b.Len())
		}
		return nil, err
	}
	res.readBack(t, b, url)
	return res, nil
}

// readBack writes the builder's catalog to memory and opens it. The
// server URL in it is replaced by SERVER, for golden files.
func (res *result) readBack(t *testing.T, b *catalog.Builder, url string) {
	t.Helper()
	if res.files == nil {
		res.files = map[string][]byte{}
	}
	mfs := fstest.MapFS{}
	err := b.Write(func(name string) (io.WriteCloser, error) {
		return &mapFile{fs: mfs, name: name}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range mfs {
		data := f.Data
		if strings.HasSuffix(name, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		res.files[name] = bytes.ReplaceAll(data, []byte(url), []byte("SERVER"))
	}
	if res.cat, err = catalog.Open(mfs); err != nil {
		t.Fatal(err)
	}
}

type mapFile struct {
	bytes.Buffer
	fs   fstest.MapFS
	name string
}

func (f *mapFile) Close() error {
	f.fs[f.name] = &fstest.MapFile{Data: f.Bytes()}
	return nil
}

// dump is the whole catalog and the notes, as the golden file keeps them.
func (r *result) dump() string {
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(r.files)) {
		fmt.Fprintf(&b, "== %s\n%s", name, r.files[name])
	}
	b.WriteString("== notes\n")
	for _, n := range r.notes {
		b.WriteString(n + "\n")
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// TestImportFixtures reads every fixture and compares the whole catalog
// it makes, and the notes, with testdata/fixtures.golden.
func TestImportFixtures(t *testing.T) {
	res, err := importList(t, fixtures(t), awsfeed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "fixtures.golden", res.dump())
}

// TestImportPrices checks the mapping's decisions one by one, with prices
// worked out by hand from the fixture rows.
func TestImportPrices(t *testing.T) {
	res, err := importList(t, fixtures(t), awsfeed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                 string
		service, region, key string
		want, unit, source   string // want "" = no price
	}{
		{"EC2 Linux on-demand", "aws-ec2", "us-east-1", "instance/m5.large/linux", "0.096", "hours", "aws-ec2-bulk"},
		{"EC2 Windows licence included, not BYOL", "aws-ec2", "us-east-1", "instance/m5.large/windows", "0.188", "hours", "aws-ec2-bulk"},
		{"EC2 RHEL, not RHEL with HA", "aws-ec2", "us-east-1", "instance/m5.large/rhel", "0.124", "hours", "aws-ec2-bulk"},
		{"EC2 SUSE", "aws-ec2", "us-east-1", "instance/m5.large/suse", "0.126", "hours", "aws-ec2-bulk"},
		{"EC2 bare metal, shared tenancy", "aws-ec2", "us-east-1", "instance/i3.metal/linux", "4.992", "hours", "aws-ec2-bulk"},
		{"EC2 local zone under its own code", "aws-ec2", "us-east-1-bos-1", "instance/m5.large/linux", "0.115", "hours", "aws-ec2-bulk"},
		{"EC2 old layout: region from Location", "aws-ec2", "eu-west-3", "instance/m5.large/linux", "0.112", "hours", "aws-ec2-bulk"},
		{"CPU credits Windows", "aws-ec2", "us-east-1", "cpu-credit/t3/windows", "0.096", "vCPU-hours", "aws-ec2-bulk"},
		{"EBS-optimized surcharge", "aws-ec2", "us-east-1", "ebs-optimized/r3.xlarge", "0.02", "hours", "aws-ec2-bulk"},
		{"EBS optimization included ($0) is no price", "aws-ec2", "us-east-1", "ebs-optimized/m5.large", "", "", ""},
		{"EBS io1 is the piops usage type", "aws-ebs", "us-east-1", "storage/io1", "0.125", "GB-months", "aws-ec2-bulk"},
		{"EBS io2 IOPS tier 3", "aws-ebs", "us-east-1", "iops/io2/tier3", "0.03185", "IOPS-months", "aws-ec2-bulk"},
		{"gp3 throughput 40.96 per GiBps is 0.04 per MiBps", "aws-ebs", "us-east-1", "throughput/gp3", "0.04", "MiBps-months", "aws-ec2-bulk"},
		{"gp3 throughput eu-west-3 47.5136 / 1024", "aws-ebs", "eu-west-3", "throughput/gp3", "0.0464", "MiBps-months", "aws-ec2-bulk"},
		{"magnetic I/O 0.00000005 per IO is 0.05 per 1M", "aws-ebs", "us-east-1", "io-requests/standard", "0.05", "1M requests", "aws-ec2-bulk"},
		{"public IPv4 from the VPC list, not the EC2 fallback", "aws-vpc", "us-east-1", "public-ipv4", "0.005", "hours", "aws-vpc-bulk"},
		{"NAT gateway", "aws-vpc", "us-east-1", "nat-gateway", "0.045", "hours", "aws-ec2-bulk"},
		{"endpoint data, next 4 PB", "aws-vpc", "us-east-1", "endpoint/data/tier2", "0.006", "GB", "aws-vpc-bulk"},
		{"GWLB endpoint data", "aws-vpc", "us-east-1", "endpoint/gateway-load-balancer/data", "0.0035", "GB", "aws-vpc-bulk"},
		{"ALB LCU", "aws-elb", "us-east-1", "application/lcu", "0.008", "LCU-hours", "aws-elb-bulk"},
		{"ALB hours, not the trust store rate", "aws-elb", "us-east-1", "application", "0.0225", "hours", "aws-elb-bulk"},
		{"classic ELB, EU- prefix, old layout", "aws-elb", "eu-west-1", "classic", "0.028", "hours", "aws-elb-bulk"},
		{"RDS Single-AZ", "aws-rds", "us-east-1", "instance/db.m5.large/mysql", "0.171", "hours", "aws-rds-bulk"},
		{"RDS Multi-AZ, not readable standbys", "aws-rds", "us-east-1", "instance/db.m5.large/mysql/multi-az", "0.342", "hours", "aws-rds-bulk"},
		{"Aurora standard, not I/O-Optimized", "aws-rds", "us-east-1", "instance/db.r6g.large/aurora-postgresql", "0.26", "hours", "aws-rds-bulk"},
		{"Oracle: licence-included SE2 over BYOL EE", "aws-rds", "us-east-1", "instance/db.m5.large/oracle", "0.544", "hours", "aws-rds-bulk"},
		{"SQL Server: Standard over Web", "aws-rds", "us-east-1", "instance/db.m5.large/sqlserver", "0.977", "hours", "aws-rds-bulk"},
		{"RDS gp2 storage of MySQL, not SQL Server", "aws-rds", "us-east-1", "storage/gp2", "0.115", "GB-months", "aws-rds-bulk"},
		{"RDS gp3 throughput", "aws-rds", "us-east-1", "throughput/gp3", "0.08", "MiBps-months", "aws-rds-bulk"},
		{"Aurora I/O 0.0000002 per IO", "aws-rds", "us-east-1", "aurora/io-requests", "0.2", "1M requests", "aws-rds-bulk"},
		{"Aurora CPU credits", "aws-rds", "us-east-1", "aurora/cpu-credit", "0.09", "vCPU-hours", "aws-rds-bulk"},
		{"serverless v2, not its I/O-Optimized rate", "aws-rds", "us-east-1", "aurora/serverless-v2", "0.12", "ACU-hours", "aws-rds-bulk"},
		{"ElastiCache Redis", "aws-elasticache", "us-east-1", "node/cache.m5.large", "0.156", "hours", "aws-elasticache-bulk"},
		{"ElastiCache Memcached-only type", "aws-elasticache", "us-east-1", "node/cache.t4g.micro", "0.016", "hours", "aws-elasticache-bulk"},
		{"ElastiCache Valkey", "aws-elasticache", "us-east-1", "node/cache.m5.large/valkey", "0.125", "hours", "aws-elasticache-bulk"},
		{"Lambda requests per 1M", "aws-lambda", "us-east-1", "requests", "0.2", "1M requests", "aws-lambda-bulk"},
		{"Lambda Arm tier 2", "aws-lambda", "us-east-1", "duration/arm/tier2", "0.0000120001", "GB-seconds", "aws-lambda-bulk"},
		{"Lambda ephemeral storage", "aws-lambda", "us-east-1", "ephemeral-storage", "0.0000000309", "GB-seconds", "aws-lambda-bulk"},
		{"S3 Standard first 50 TB", "aws-s3", "us-east-1", "storage/standard", "0.023", "GB-months", "aws-s3-bulk"},
		{"S3 Glacier PUT per 1k", "aws-s3", "us-east-1", "requests/put/glacier", "0.03", "1k requests", "aws-s3-bulk"},
		{"S3 Intelligent-Tiering GET per 1k", "aws-s3", "us-east-1", "requests/get/intelligent-tiering", "0.0004", "1k requests", "aws-s3-bulk"},
		{"DynamoDB WCU: the paid band", "aws-dynamodb", "us-east-1", "provisioned/wcu", "0.00065", "hours", "aws-dynamodb-bulk"},
		{"DynamoDB WRU per 1M", "aws-dynamodb", "us-east-1", "on-demand/wru", "0.625", "1M requests", "aws-dynamodb-bulk"},
		{"DynamoDB storage: the paid band", "aws-dynamodb", "us-east-1", "storage", "0.25", "GB-months", "aws-dynamodb-bulk"},
		{"DynamoDB streams", "aws-dynamodb", "us-east-1", "streams/rru", "0.2", "1M requests", "aws-dynamodb-bulk"},
		{"CloudWatch metric, first tier", "aws-cloudwatch", "us-east-1", "metric", "0.3", "months", "aws-cloudwatch-bulk"},
		{"CloudWatch Logs IA ingestion", "aws-cloudwatch", "us-east-1", "logs/ingestion/infrequent-access", "0.25", "GB", "aws-cloudwatch-bulk"},
		{"KMS key, region-code prefix", "aws-kms", "us-east-1", "key", "1", "months", "aws-kms-bulk"},
		{"KMS requests per 10k, past the free band", "aws-kms", "us-east-1", "requests/symmetric", "0.03", "10k requests", "aws-kms-bulk"},
		{"KMS asymmetric, not RSA 2048", "aws-kms", "us-east-1", "requests/asymmetric", "0.15", "10k requests", "aws-kms-bulk"},
		{"Secrets Manager requests per 10k", "aws-secretsmanager", "us-east-1", "requests", "0.05", "10k requests", "aws-secretsmanager-bulk"},
		{"Route 53 zone, global, first 25", "aws-route53", "us-east-1", "hosted-zone", "0.5", "months", "aws-route53-bulk"},
		{"Route 53 standard queries, not latency", "aws-route53", "us-east-1", "queries/standard", "0.4", "1M requests", "aws-route53-bulk"},
		{"EKS cluster", "aws-eks", "us-east-1", "cluster", "0.1", "hours", "aws-eks-bulk"},
		{"EKS extended support: cluster plus surcharge", "aws-eks", "us-east-1", "cluster/extended-support", "0.6", "hours", "aws-eks-bulk"},
		{"Fargate Arm vCPU", "aws-fargate", "us-east-1", "vcpu/arm", "0.03238", "vCPU-hours", "aws-fargate-bulk"},
		{"Fargate ephemeral storage", "aws-fargate", "us-east-1", "ephemeral-storage", "0.000111", "GB-hours", "aws-fargate-bulk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := res.cat.Price(tt.service, tt.region, tt.key)
			if tt.want == "" {
				if ok {
					t.Fatalf("%s %s %s = %s, want no price", tt.service, tt.region, tt.key, p.Amount)
				}
				return
			}
			if !ok {
				t.Fatalf("%s %s %s: no price, want %s", tt.service, tt.region, tt.key, tt.want)
			}
			got := pricing.Price{Amount: p.Amount, Unit: p.Unit, Source: p.Source}
			want := pricing.Price{Amount: pricing.Dec(tt.want), Unit: tt.unit, Source: tt.source}
			if !got.Amount.Equal(want.Amount) || got.Unit != want.Unit || got.Source != want.Source {
				t.Errorf("%s %s %s = %s %s from %s, want %s %s from %s", tt.service, tt.region, tt.key,
					got.Amount, got.Unit, got.Source, want.Amount, want.Unit, want.Source)
			}
		})
	}
}

// TestImportSources checks that each service's source carries the
// publication date of its files (the oldest, when regions differ).
func TestImportSources(t *testing.T) {
	res, err := importList(t, fixtures(t), awsfeed.Options{Services: []string{"AWSELB", "AmazonRoute53"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []pricing.Source{
		{ID: "aws-elb-bulk", PricedAsOf: "2025-05-29", Name: "AWS Price List bulk CSV, AWSELB, on-demand", License: awsfeed.License},
		{ID: "aws-route53-bulk", PricedAsOf: "2025-01-15", Name: "AWS Price List bulk CSV, AmazonRoute53, on-demand", License: awsfeed.License},
	}
	got := res.cat.Sources()
	origins := map[string]string{
		"aws-elb-bulk":     "/offers/v1.0/aws/AWSELB/current/region_index.json",
		"aws-route53-bulk": "/offers/v1.0/aws/AmazonRoute53/current/index.csv",
	}
	for i := range got {
		if !strings.HasSuffix(got[i].Origin, origins[got[i].ID]) {
			t.Errorf("source %s origin %q, want the URL ending in %s", got[i].ID, got[i].Origin, origins[got[i].ID])
		}
		got[i].Origin = ""
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
}

func TestImportRegions(t *testing.T) {
	t.Run("only the named region's files, and global lists", func(t *testing.T) {
		res, err := importList(t, fixtures(t), awsfeed.Options{Regions: []string{"eu-west-1"}})
		if err != nil {
			t.Fatal(err)
		}
		var regions []string
		for _, svc := range []string{"aws-elb", "aws-ec2", "aws-route53"} {
			res.cat.Rows(svc, func(region, key string, p pricing.Price) {
				if !slices.Contains(regions, svc+" "+region) {
					regions = append(regions, svc+" "+region)
				}
			})
		}
		if diff := cmp.Diff([]string{"aws-elb eu-west-1", "aws-route53 us-east-1"}, regions); diff != "" {
			t.Errorf("services and regions (-want +got):\n%s", diff)
		}
	})
	t.Run("other providers' regions are ignored", func(t *testing.T) {
		res, err := importList(t, fixtures(t), awsfeed.Options{Regions: []string{"westeurope", "europe-west1"}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range res.cat.Sources() {
			got = append(got, s.ID)
		}
		if diff := cmp.Diff([]string{"aws-route53-bulk"}, got); diff != "" {
			t.Errorf("sources (-want +got):\n%s", diff)
		}
	})
	t.Run("a local zone reads its region's file", func(t *testing.T) {
		res, err := importList(t, fixtures(t), awsfeed.Options{Regions: []string{"us-east-1-bos-1"}, Services: []string{"AmazonEC2"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := res.cat.Price("aws-ec2", "us-east-1-bos-1", "instance/m5.large/linux"); !ok {
			t.Error("no price for the local zone")
		}
		if _, ok := res.cat.Price("aws-ec2", "eu-west-3", "instance/m5.large/linux"); ok {
			t.Error("eu-west-3 was read")
		}
	})
	t.Run("a region no index has is a typo", func(t *testing.T) {
		_, err := importList(t, fixtures(t), awsfeed.Options{Regions: []string{"eu-west-9"}})
		if err == nil || !strings.Contains(err.Error(), `"eu-west-9"`) {
			t.Fatalf("err = %v, want one naming eu-west-9", err)
		}
	})
	t.Run("an unknown service", func(t *testing.T) {
		_, err := importList(t, fixtures(t), awsfeed.Options{Services: []string{"AmazonEC3"}})
		if err == nil || !strings.Contains(err.Error(), `"AmazonEC3"`) {
			t.Fatalf("err = %v, want one naming AmazonEC3", err)
		}
	})
}

// recorder is a catalog.Progress that sums what it is told.
type recorder struct {
	mu    sync.Mutex
	bytes map[string]int64
	rows  map[string]int
}

func (r *recorder) Add(service string, bytes int64, rows int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.bytes[service] += bytes
	r.rows[service] += rows
}

func TestImportProgress(t *testing.T) {
	list := fixtures(t)
	srv := httptest.NewServer(list.Handler())
	defer srv.Close()
	rec := &recorder{bytes: map[string]int64{}, rows: map[string]int{}}
	opts := awsfeed.Options{BaseURL: srv.URL, Services: []string{"AWSELB", "AmazonEKS"}}
	if err := awsfeed.New(opts).Import(context.Background(), catalog.NewBuilder(), rec); err != nil {
		t.Fatal(err)
	}
	size := func(names ...string) int64 {
		var n int64
		for _, name := range names {
			fi, err := os.Stat(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			n += fi.Size()
		}
		return n
	}
	wantBytes := map[string]int64{
		"AWSELB":    size("AWSELB_us-east-1.csv", "AWSELB_eu-west-1.csv"),
		"AmazonEKS": size("AmazonEKS_us-east-1.csv"),
	}
	// ELB: 8 keys in us-east-1 and 3 in eu-west-1; EKS: the cluster (its
	// surcharge is held apart until the extended-support key is derived).
	wantRows := map[string]int{"AWSELB": 11, "AmazonEKS": 1}
	if diff := cmp.Diff(wantBytes, rec.bytes); diff != "" {
		t.Errorf("bytes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantRows, rec.rows); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

// TestImportRealFixture reads the 2020 CSV offer file of
// ../shared/pricing (ten real rows, test SKUs) when it is there.
func TestImportRealFixture(t *testing.T) {
	data, err := os.ReadFile("../../../../shared/pricing/aws/fixture_offer_csv_format_terracost_e2e.csv")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			t.Skip("../shared/pricing is absent")
		}
		t.Fatal(err)
	}
	list := awsfeedtest.PriceList{"AmazonEC2/eu-west-3": func(w io.Writer) error { _, err := w.Write(data); return err }}
	res, err := importList(t, list, awsfeed.Options{Services: []string{"AmazonEC2"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	res.cat.Rows("aws-ebs", func(region, key string, p pricing.Price) {
		got = append(got, fmt.Sprintf("%s %s %s %s", region, key, p.Amount, p.Unit))
	})
	want := []string{
		"eu-west-3 io-requests/standard 0.058 1M requests",
		"eu-west-3 iops/io1 0.076 IOPS-months",
		"eu-west-3 storage/gp2 0.116 GB-months",
		"eu-west-3 storage/io1 0.145 GB-months",
		"eu-west-3 storage/st1 0.053 GB-months",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("aws-ebs rows (-want +got):\n%s", diff)
	}
}
