package gcpfeed_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/gcpfeed"
	"github.com/tollgate-dev/tollgate/pricing/catalog/gcpfeed/gcpfeedtest"
)

// apiKey is the key the fake accepts; tests check it never shows.
const apiKey = "AIzaSyTEST-k3y-never-shown_0123456789"

// run imports from a fake API into a new Builder.
func run(t *testing.T, api *gcpfeedtest.API, opts gcpfeed.Options) (*catalog.Builder, *progress, error) {
	t.Helper()
	srv := httptest.NewServer(api.Handler())
	t.Cleanup(srv.Close)
	if opts.BaseURL == "" {
		opts.BaseURL = srv.URL + "/v1"
	}
	if opts.APIKey == "" {
		opts.APIKey = apiKey
	}
	b := catalog.NewBuilder()
	p := &progress{bytes: map[string]int64{}, rows: map[string]int{}}
	err := gcpfeed.New(opts).Import(context.Background(), b, p)
	return b, p, err
}

// progress records what a feed reports.
type progress struct {
	mu    sync.Mutex
	bytes map[string]int64
	rows  map[string]int
}

func (p *progress) Add(service string, n int64, rows int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bytes[service] += n
	p.rows[service] += rows
}

// files writes a Builder's catalog into memory.
func files(t *testing.T, b *catalog.Builder) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := b.Write(func(name string) (io.WriteCloser, error) { return &memFile{name: name, fsys: fsys}, nil })
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

func open(t *testing.T, b *catalog.Builder) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Open(files(t, b))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestImport reads the fixtures and checks every kind of key, each price
// worked out by hand from the fixture SKUs.
func TestImport(t *testing.T) {
	b, prog, err := run(t, gcpfeedtest.New(apiKey), gcpfeed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := open(t, b)
	tests := []struct {
		name                 string
		service, region, key string
		want, unit, source   string
	}{
		// 2 × 0.031611 + 8 × 0.004237 (N2 Instance Core / Ram running in Americas).
		{"N2 machine from family rates", "gcp-compute", "us-central1", "machine/n2-standard-2", "0.097118", "hours", "gcp-billing-compute"},
		{"same SKU, another of its regions", "gcp-compute", "us-west1", "machine/n2-standard-2", "0.097118", "hours", "gcp-billing-compute"},
		// 2 × 0.034773 + 8 × 0.004661 (EMEA SKUs).
		{"N2 machine, EMEA rates", "gcp-compute", "europe-west1", "machine/n2-standard-2", "0.106834", "hours", "gcp-billing-compute"},
		// 1 × 0.031611 + 3.75 × 0.004237.
		{"N1 predefined", "gcp-compute", "us-central1", "machine/n1-standard-1", "0.04749975", "hours", "gcp-billing-compute"},
		// 0.25 × 0.02181159 + 1 × 0.00292353: shared-core E2 bills a quarter vCPU.
		{"e2-micro", "gcp-compute", "us-central1", "machine/e2-micro", "0.0083764275", "hours", "gcp-billing-compute"},
		// 4 × 0.033982 + 16 × 0.004555 ("Compute optimized Core/Ram").
		{"C2 from compute-optimized SKUs", "gcp-compute", "us-central1", "machine/c2-standard-4", "0.208808", "hours", "gcp-billing-compute"},
		// 4 × 0.03465 + 16 × 0.003938 + 375 × 0.08 / 730 (rounded to 12 places).
		{"c3 -lssd with its bundled local SSD", "gcp-compute", "us-central1", "machine/c3-standard-4-lssd", "0.242703890411", "hours", "gcp-billing-compute"},
		{"f1-micro SKU", "gcp-compute", "us-central1", "machine/f1-micro", "0.0076", "hours", "gcp-billing-compute"},
		{"spot N1 vCPU", "gcp-compute", "us-central1", "spot/n1/vcpu", "0.01115", "vCPU-hours", "gcp-billing-compute"},
		{"spot N1 memory", "gcp-compute", "us-central1", "spot/n1/ram", "0.001494", "GB-hours", "gcp-billing-compute"},
		{"custom N1 (bare Custom Instance)", "gcp-compute", "us-central1", "custom/n1/vcpu", "0.03319155", "vCPU-hours", "gcp-billing-compute"},
		{"custom N1 extended memory", "gcp-compute", "us-central1", "custom/n1/ram-extended", "0.00955", "GB-hours", "gcp-billing-compute"},
		{"custom N2 memory", "gcp-compute", "us-east1", "custom/n2/ram", "0.004446", "GB-hours", "gcp-billing-compute"},
		{"pd-standard, no location in the description", "gcp-compute", "us-central1", "disk/pd-standard", "0.04", "GB-months", "gcp-billing-compute"},
		{"pd-standard in Belgium", "gcp-compute", "europe-west1", "disk/pd-standard", "0.04", "GB-months", "gcp-billing-compute"},
		{"pd-balanced", "gcp-compute", "us-central1", "disk/pd-balanced", "0.1", "GB-months", "gcp-billing-compute"},
		{"pd-ssd", "gcp-compute", "us-central1", "disk/pd-ssd", "0.17", "GB-months", "gcp-billing-compute"},
		{"pd-extreme IOPS", "gcp-compute", "us-central1", "disk/pd-extreme/iops", "0.065", "IOPS-months", "gcp-billing-compute"},
		{"regional pd-ssd", "gcp-compute", "us-central1", "disk/pd-ssd/regional", "0.34", "GB-months", "gcp-billing-compute"},
		{"local SSD", "gcp-compute", "us-central1", "local-ssd", "0.08", "GB-months", "gcp-billing-compute"},
		{"global SKU in every region", "gcp-network", "us-west1", "external-ip/in-use", "0.005", "hours", "gcp-billing-network"},
		{"static IP from Compute Engine's list", "gcp-network", "europe-west1", "external-ip/unused", "0.01", "hours", "gcp-billing-network"},
		{"NAT per VM", "gcp-network", "us-central1", "nat-gateway/vm", "0.0014", "hours", "gcp-billing-network"},
		{"NAT data, capitalised otherwise", "gcp-network", "europe-west1", "nat-gateway/data", "0.045", "GB", "gcp-billing-network"},
		{"GCS regional", "gcp-storage", "us-central1", "storage/standard", "0.02", "GB-months", "gcp-billing-storage"},
		{"GCS multi-region from the description", "gcp-storage", "us", "storage/standard", "0.026", "GB-months", "gcp-billing-storage"},
		{"GCS Europe multi-region", "gcp-storage", "eu", "storage/coldline", "0.007", "GB-months", "gcp-billing-storage"},
		{"GCS dual-region code", "gcp-storage", "nam4", "storage/standard", "0.044", "GB-months", "gcp-billing-storage"},
		{"GCS retrieval", "gcp-storage", "us-central1", "retrieval/nearline", "0.01", "GB", "gcp-billing-storage"},
		{"Cloud SQL vCPU", "gcp-sql", "us-central1", "vcpu/postgres", "0.0413", "vCPU-hours", "gcp-billing-sql"},
		{"Cloud SQL HDD", "gcp-sql", "us-east1", "storage/hdd/postgres", "0.09", "GB-months", "gcp-billing-sql"},
		{"Cloud SQL shared core", "gcp-sql", "us-central1", "instance/db-f1-micro/mysql", "0.0105", "hours", "gcp-billing-sql"},
		{"GKE fee: global, past a free first tier", "gcp-gke", "europe-west1", "cluster", "0.1", "hours", "gcp-billing-gke"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := c.Price(tt.service, tt.region, tt.key)
			if !ok {
				t.Fatalf("%s %s %s: no price (regions with one: %v)", tt.service, tt.region, tt.key, c.Regions(tt.service, tt.key))
			}
			got := fmt.Sprintf("%s %s %s", p.Amount, p.Unit, p.Source)
			want := fmt.Sprintf("%s %s %s", decimal.RequireFromString(tt.want), tt.unit, tt.source)
			if got != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
	for _, tt := range []struct{ name, service, region, key string }{
		{"sole tenancy is not N2", "gcp-compute", "us-central1", "spot/n2/vcpu"},
		{"spot custom rates are not kept", "gcp-compute", "us-central1", "spot/n2/vcpu"},
		{"types with GPUs are not built", "gcp-compute", "us-central1", "machine/a2-highgpu-1g"},
		{"c4 -lssd (own local SSD price) is not built", "gcp-compute", "us-central1", "machine/c4-standard-4-lssd"},
		{"no C4 rates, no C4 types", "gcp-compute", "us-central1", "machine/c4-standard-4"},
		{"spot local SSD is not local SSD", "gcp-compute", "us-central1", "local-ssd/spot"},
		{"a configurable dual-region's members get no regional price", "gcp-storage", "us-east1", "storage/standard"},
		{"regional Cloud SQL is two zonal instances, not a key", "gcp-sql", "us-central1", "vcpu/postgres/regional"},
		{"operations are not storage", "gcp-storage", "us-central1", "storage/standard-operations"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if p, ok := c.Price(tt.service, tt.region, tt.key); ok {
				t.Errorf("%s %s %s = %s, want none", tt.service, tt.region, tt.key, p.Amount)
			}
		})
	}
	var sources []string
	for _, s := range c.Sources() {
		sources = append(sources, s.ID+" "+s.PricedAsOf+" "+s.Origin)
	}
	want := []string{
		"gcp-billing-compute 2026-05-12 cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus",
		"gcp-billing-gke 2026-05-12 cloudbilling.googleapis.com/v1/services/CCD8-9BF1-090E/skus",
		"gcp-billing-network 2026-05-12 cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus cloudbilling.googleapis.com/v1/services/E505-1604-58F8/skus",
		"gcp-billing-sql 2026-05-12 cloudbilling.googleapis.com/v1/services/9662-B51E-5089/skus",
		"gcp-billing-storage 2026-05-12 cloudbilling.googleapis.com/v1/services/95FF-2EF5-5EA1/skus",
	}
	if diff := cmp.Diff(want, sources); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	for _, svc := range []string{"gcp-compute", "gcp-network", "gcp-storage", "gcp-sql", "gcp-gke"} {
		if prog.bytes[svc] == 0 {
			t.Errorf("no bytes reported for %s", svc)
		}
		n := 0
		c.Rows(svc, func(string, string, pricing.Price) { n++ })
		if prog.rows[svc] != n {
			t.Errorf("%s: %d rows reported, the catalog has %d", svc, prog.rows[svc], n)
		}
	}
}

// TestPaging imports with one SKU per page and with every SKU on one
// page: the catalogs must be the same, byte for byte.
func TestPaging(t *testing.T) {
	var digests []map[string]string
	for _, size := range []int{1, 1000} {
		api := gcpfeedtest.New(apiKey)
		api.PageSize = size
		b, _, err := run(t, api, gcpfeed.Options{})
		if err != nil {
			t.Fatalf("page size %d: %v", size, err)
		}
		d := map[string]string{}
		for name, f := range files(t, b) {
			d[name] = string(f.Data)
		}
		digests = append(digests, d)
		pages := 0
		for _, r := range api.Requests() {
			if strings.HasPrefix(r, "/v1/services/"+gcpfeedtest.ComputeEngine+"/skus") {
				pages++
				if !strings.Contains(r, "currencyCode=USD") {
					t.Errorf("request %s does not ask for USD", r)
				}
			}
		}
		if size == 1 && pages < 30 {
			t.Errorf("page size 1: %d Compute Engine pages read, want one per SKU", pages)
		}
		if size == 1000 && pages != 1 {
			t.Errorf("page size 1000: %d Compute Engine pages read, want 1", pages)
		}
	}
	if diff := cmp.Diff(digests[0], digests[1]); diff != "" {
		t.Errorf("catalogs differ with the page size (-1 +1000):\n%s", diff)
	}
}

func TestNoAPIKey(t *testing.T) {
	api := gcpfeedtest.New(apiKey)
	srv := httptest.NewServer(api.Handler())
	defer srv.Close()
	b := catalog.NewBuilder()
	err := gcpfeed.New(gcpfeed.Options{BaseURL: srv.URL + "/v1"}).Import(context.Background(), b, nil)
	if !errors.Is(err, gcpfeed.ErrNoAPIKey) || !errors.Is(err, catalog.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrNoAPIKey, an ErrUnavailable", err)
	}
	if n := len(api.Requests()); n != 0 {
		t.Errorf("%d requests without a key, want none", n)
	}
	if b.Len() != 0 {
		t.Errorf("%d rows added", b.Len())
	}
}

// TestFailures breaks the API in each way it can break: the import must
// fail, add nothing, say what broke, and never show the key.
func TestFailures(t *testing.T) {
	tests := []struct {
		name  string
		setup func(*gcpfeedtest.API, *gcpfeed.Options)
		want  []string // in the error message
	}{
		{"wrong key", func(a *gcpfeedtest.API, o *gcpfeed.Options) { o.APIKey = apiKey + "-typo" },
			[]string{"service list", "400 Bad Request: API key not valid", "check the API key"}},
		{"malformed SKU page", func(a *gcpfeedtest.API, o *gcpfeed.Options) {
			a.Break(gcpfeedtest.ComputeEngine, 2, gcpfeedtest.Malformed)
		},
			[]string{"Compute Engine SKUs: page 2", "malformed response", "/v1/services/6F81-5844-456A/skus?currencyCode=USD&pageSize=5000&pageToken=offset-3"}},
		{"connection dropped half-way", func(a *gcpfeedtest.API, o *gcpfeed.Options) { a.Break(gcpfeedtest.CloudSQL, 2, gcpfeedtest.Cut) },
			[]string{"Cloud SQL SKUs: page 2"}},
		{"last service fails", func(a *gcpfeedtest.API, o *gcpfeed.Options) {
			a.Break(gcpfeedtest.KubernetesEngine, 1, gcpfeedtest.ServerError)
		},
			[]string{"Kubernetes Engine SKUs: page 1", "500 Internal Server Error: Internal error encountered."}},
		{"malformed service list", func(a *gcpfeedtest.API, o *gcpfeed.Options) { a.Break("services", 2, gcpfeedtest.Malformed) },
			[]string{"service list: page 2", "malformed response"}},
		{"a unit the rule does not expect", func(a *gcpfeedtest.API, o *gcpfeed.Options) { a.SetUnit("D754-1A3C-9D51", "GiBy.h") },
			[]string{`SKU D754-1A3C-9D51 "Balanced PD Capacity": usage unit "GiBy.h", want "GiBy.mo"`}},
		{"two SKUs, one key, two prices", func(a *gcpfeedtest.API, o *gcpfeed.Options) { a.SetPrice("A2E9-8B5C-1D11", "0.2") },
			[]string{`SKUs A2E9-8B5C-1D10 Regional Kubernetes Clusters (0.1) and A2E9-8B5C-1D11 Zonal Kubernetes Clusters (0.2) give gcp-gke cluster in global different prices`}},
		{"two rates of a family, two prices", func(a *gcpfeedtest.API, o *gcpfeed.Options) {
			a.SetRegions("0A74-6B3E-B2C7", "europe-west1", "us-east1")
		}, []string{"give n2 vcpu rate in us-east1 different prices"}},
		{"unreachable server", func(a *gcpfeedtest.API, o *gcpfeed.Options) { o.BaseURL = "http://127.0.0.1:1/v1" },
			[]string{"GET http://127.0.0.1:1/v1/services"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := gcpfeedtest.New(apiKey)
			opts := gcpfeed.Options{}
			tt.setup(api, &opts)
			b, _, err := run(t, api, opts)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			t.Log(msg)
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not say %q", msg, w)
				}
			}
			if strings.Contains(msg, apiKey) || strings.Contains(msg, "key=") {
				t.Errorf("error %q shows the API key", msg)
			}
			if errors.Is(err, catalog.ErrUnavailable) {
				t.Error("a broken list must fail the refresh, not keep the old prices")
			}
			if b.Len() != 0 {
				t.Errorf("%d rows added by a failed import", b.Len())
			}
		})
	}
}

func TestCanceled(t *testing.T) {
	api := gcpfeedtest.New(apiKey)
	srv := httptest.NewServer(api.Handler())
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := gcpfeed.New(gcpfeed.Options{BaseURL: srv.URL + "/v1", APIKey: apiKey}).Import(ctx, catalog.NewBuilder(), nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if strings.Contains(err.Error(), apiKey) {
		t.Errorf("error %q shows the API key", err)
	}
}

func TestRegions(t *testing.T) {
	b, _, err := run(t, gcpfeedtest.New(apiKey), gcpfeed.Options{Regions: []string{"europe-west1", "us"}})
	if err != nil {
		t.Fatal(err)
	}
	c := open(t, b)
	seen := map[string]bool{}
	for _, svc := range []string{"gcp-compute", "gcp-network", "gcp-storage", "gcp-sql", "gcp-gke"} {
		c.Rows(svc, func(region, key string, _ pricing.Price) { seen[region] = true })
	}
	if diff := cmp.Diff(map[string]bool{"europe-west1": true, "us": true}, seen); diff != "" {
		t.Errorf("regions kept (-want +got):\n%s", diff)
	}
	if _, ok := c.Price("gcp-gke", "europe-west1", "cluster"); !ok {
		t.Error("a global price must reach the regions kept")
	}

	// Other providers' regions are ignored; naming none of Google's reads
	// nothing at all.
	api := gcpfeedtest.New(apiKey)
	b, _, err = run(t, api, gcpfeed.Options{Regions: []string{"us-east-1", "eastus"}})
	if err != nil || b.Len() != 0 || len(api.Requests()) != 0 {
		t.Errorf("no Google region: err %v, %d rows, %d requests; want nothing read", err, b.Len(), len(api.Requests()))
	}
	b, _, err = run(t, gcpfeedtest.New(apiKey), gcpfeed.Options{Regions: []string{"us-east-1", "us-central1"}})
	if err != nil {
		t.Fatal(err)
	}
	seen = map[string]bool{}
	open(t, b).Rows("gcp-compute", func(region, key string, _ pricing.Price) { seen[region] = true })
	if diff := cmp.Diff(map[string]bool{"us-central1": true}, seen); diff != "" {
		t.Errorf("regions kept (-want +got):\n%s", diff)
	}
}
