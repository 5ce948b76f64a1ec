package azurefeed_test

import (
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/azurefeed"
)

// imported runs a feed into a new catalog, written and read back.
func imported(t *testing.T, feed catalog.Feed, progress catalog.Progress) *catalog.Catalog {
	t.Helper()
	b := catalog.NewBuilder()
	if err := feed.Import(context.Background(), b, progress); err != nil {
		t.Fatal(err)
	}
	return open(t, b)
}

func open(t *testing.T, b *catalog.Builder) *catalog.Catalog {
	t.Helper()
	fsys := fstest.MapFS{}
	err := b.Write(func(name string) (io.WriteCloser, error) {
		return &mapFile{fsys: fsys, name: name}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Open(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type mapFile struct {
	fsys fstest.MapFS
	name string
	buf  strings.Builder
}

func (f *mapFile) Write(p []byte) (int, error) { return f.buf.Write(p) }
func (f *mapFile) Close() error {
	f.fsys[f.name] = &fstest.MapFile{Data: []byte(f.buf.String())}
	return nil
}

var services = []string{
	"azure-aks", "azure-appservice", "azure-disk", "azure-firewall", "azure-mysql",
	"azure-network", "azure-postgresql", "azure-sql", "azure-storage", "azure-vm",
}

// rowsOf lists a catalog's Azure prices as "service region key price unit
// source".
func rowsOf(c *catalog.Catalog) []string {
	var out []string
	for _, svc := range services {
		c.Rows(svc, func(region, key string, p pricing.Price) {
			out = append(out, strings.Join([]string{svc, region, key, p.Amount.String(), p.Unit, p.Source}, " "))
		})
	}
	return out
}

// TestImportRows checks the price each key gets from the items it is read
// from, and that everything else is left out: Dev/Test, reservations,
// spot and low-priority VMs, dedicated hosts, zero prices, meters no model
// asks for, older and non-primary duplicates.
func TestImportRows(t *testing.T) {
	items, shared := allItems(t)
	c := imported(t, azurefeed.New(azurefeed.Options{BaseURL: newFake(t, items).URL}), nil)
	want := []string{
		"azure-aks eastus control-plane/premium 0.6 hours azure-aks-retail",
		"azure-aks eastus control-plane/standard 0.1 hours azure-aks-retail",
		"azure-appservice eastus plan/p1v3/linux 0.155 hours azure-appservice-retail",
		"azure-appservice eastus plan/p1v3/windows 0.315 hours azure-appservice-retail",
		"azure-appservice eastus plan/s1/windows 0.1 hours azure-appservice-retail",
		"azure-disk eastus disk/E10/lrs 9.6 months azure-disk-retail",
		"azure-disk eastus disk/P10/lrs 19.71 months azure-disk-retail",
		"azure-disk westeurope disk/P10/zrs 29.57 months azure-disk-retail",
		"azure-disk eastus disk/S4/lrs 1.536 months azure-disk-retail",
		"azure-disk eastus operations/standard-hdd/lrs 0.0005 10k requests azure-disk-retail",
		"azure-disk eastus operations/standard-ssd/lrs 0.002 10k requests azure-disk-retail",
		"azure-firewall eastus firewall/premium/hub 1.75 hours azure-firewall-retail",
		"azure-firewall eastus firewall/standard 1.25 hours azure-firewall-retail",
		"azure-firewall eastus firewall/standard/data 0.016 GB azure-firewall-retail",
		"azure-mysql koreacentral compute/burstable/b1ms 0.026 hours azure-mysql-retail",
		"azure-mysql koreacentral compute/general-purpose/ddsv5 0.118 vCore-hours azure-mysql-retail",
		"azure-mysql koreacentral storage 0.131 GB-months azure-mysql-retail",
		"azure-network global lb/standard/data 0.005 GB azure-network-retail",
		"azure-network global lb/standard/rules 0.025 hours azure-network-retail",
		"azure-network global lb/standard/rules-overage 0.01 hours azure-network-retail",
		"azure-network global nat-gateway 0.045 hours azure-network-retail",
		"azure-network global nat-gateway/data 0.045 GB azure-network-retail",
		"azure-network eastus public-ip/basic/dynamic 0.004 hours azure-network-retail",
		"azure-network eastus public-ip/standard/static 0.005 hours azure-network-retail",
		"azure-network westeurope public-ip/standard/static 0.005 hours azure-network-retail",
		"azure-postgresql eastus backup 0.095 GB-months azure-postgresql-retail",
		"azure-postgresql eastus compute/burstable/b1ms 0.0207 hours azure-postgresql-retail",
		// "2 vCore" at 0.178 an hour.
		"azure-postgresql eastus compute/general-purpose/ddsv5 0.089 vCore-hours azure-postgresql-retail",
		"azure-postgresql eastus storage 0.115 GB-months azure-postgresql-retail",
		// 0.4839 a day.
		"azure-sql eastus dtu/S0 0.0201625 hours azure-sql-retail",
		"azure-sql global license/general-purpose 0.099966 vCore-hours azure-sql-retail",
		"azure-sql eastus serverless/general-purpose/gen5 0.522 vCore-hours azure-sql-retail",
		"azure-sql eastus storage/general-purpose 0.115 GB-months azure-sql-retail",
		// The per-vCore price wins over "4 vCore" at 0.61 (0.1525 each).
		"azure-sql eastus vcore/general-purpose/gen5 0.1522 vCore-hours azure-sql-retail",
		"azure-storage eastus blob/cool/ragrs 0.0304 GB-months azure-storage-retail",
		"azure-storage eastus blob/hot/lrs 0.0208 GB-months azure-storage-retail",
		"azure-storage eastus blob/hot/lrs/over-500tb 0.0192 GB-months azure-storage-retail",
		"azure-storage eastus blob/hot/lrs/over-50tb 0.02 GB-months azure-storage-retail",
		"azure-storage eastus blob/hot/lrs/read 0.004 10k requests azure-storage-retail",
		"azure-storage eastus blob/hot/lrs/write 0.05 10k requests azure-storage-retail",
		"azure-storage eastus blob/premium/lrs 0.15 GB-months azure-storage-retail",
	}
	vms := []string{
		// The newest primary-region price; not 0.09 (2021) nor the
		// non-primary 0.2.
		"azure-vm eastus vm/Standard_D2s_v5/linux 0.0984 hours azure-vm-retail",
		"azure-vm eastus vm/Standard_D2s_v5/windows 0.188 hours azure-vm-retail",
	}
	if shared {
		// The shared fixture's Consumption items that are neither spot nor
		// low priority, and whose armSkuName is a size.
		vms = []string{
			"azure-vm francecentral vm/Standard_D16as_v5/windows 1.544 hours azure-vm-retail",
			"azure-vm eastus vm/Standard_D2s_v5/linux 0.0984 hours azure-vm-retail",
			"azure-vm eastus vm/Standard_D2s_v5/windows 0.188 hours azure-vm-retail",
			"azure-vm francecentral vm/Standard_D64s_v4/linux 3.584 hours azure-vm-retail",
			"azure-vm francecentral vm/Standard_M64ls/windows 9.295 hours azure-vm-retail",
		}
	} else {
		t.Log("../shared/pricing is absent: hand-written items only")
	}
	want = append(want, vms...)
	if diff := cmp.Diff(want, rowsOf(c)); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if err := c.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestImportSources checks that each service's source is dated by the day
// the API served it (its Date header) or, without one, by the newest
// price kept; never by the clock of the run.
func TestImportSources(t *testing.T) {
	items, _ := allItems(t)
	newest := map[string]string{
		"azure-aks-retail":        "2024-04-01", // not the unkept Automatic meter's 2025
		"azure-appservice-retail": "2023-01-01",
		"azure-disk-retail":       "2023-03-01",
		"azure-firewall-retail":   "2021-07-01", // not the unkept capacity unit's 2025
		"azure-mysql-retail":      "2023-06-01",
		"azure-network-retail":    "2020-06-01",
		"azure-postgresql-retail": "2023-03-01",
		"azure-sql-retail":        "2022-01-01",
		"azure-storage-retail":    "2024-02-01",
		"azure-vm-retail":         "2024-05-01", // not the non-primary item's 2025
	}
	served := map[string]string{}
	for id := range newest {
		served[id] = "2026-11-25"
	}
	for _, tc := range []struct {
		name   string
		noDate bool
		want   map[string]string
	}{
		{"dated by the Date header", false, served},
		{"no Date header: the newest price", true, newest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t, items)
			f.noDate = tc.noDate
			c := imported(t, azurefeed.New(azurefeed.Options{BaseURL: f.URL}), nil)
			got := map[string]string{}
			for _, s := range c.Sources() {
				got[s.ID] = s.PricedAsOf
				if s.Origin != f.URL || s.License != azurefeed.License || !strings.HasPrefix(s.Name, "Azure Retail Prices API, ") {
					t.Errorf("source %+v: want the API's URL, licence and name", s)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("priced as of (-want +got):\n%s", diff)
			}
		})
	}
}

// TestImportRegions checks a region-limited import: one query per
// service and Azure region, Global too where Azure publishes prices
// there; other providers' region names are ignored.
func TestImportRegions(t *testing.T) {
	items, _ := allItems(t)
	f := newFake(t, items)
	c := imported(t, azurefeed.New(azurefeed.Options{BaseURL: f.URL, Regions: []string{"us-east-1", "West Europe", "westeurope"}}), nil)
	want := []string{
		"azure-disk westeurope disk/P10/zrs 29.57 months azure-disk-retail",
		"azure-network global lb/standard/data 0.005 GB azure-network-retail",
		"azure-network global lb/standard/rules 0.025 hours azure-network-retail",
		"azure-network global lb/standard/rules-overage 0.01 hours azure-network-retail",
		"azure-network global nat-gateway 0.045 hours azure-network-retail",
		"azure-network global nat-gateway/data 0.045 GB azure-network-retail",
		"azure-network westeurope public-ip/standard/static 0.005 hours azure-network-retail",
		"azure-sql global license/general-purpose 0.099966 vCore-hours azure-sql-retail",
	}
	if diff := cmp.Diff(want, rowsOf(c)); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	filters, _ := f.requests()
	regional, global := 0, 0
	for _, fl := range filters {
		switch {
		case strings.HasSuffix(fl, " and priceType eq 'Consumption' and armRegionName eq 'westeurope'"):
			regional++
		case strings.HasSuffix(fl, " and armRegionName eq 'Global'"):
			global++
		default:
			t.Errorf("query %q: want westeurope or Global", fl)
		}
	}
	// 15 queries, 3 of them (NAT gateway, load balancer, SQL) with Global
	// meters.
	if regional != 15 || global != 3 {
		t.Errorf("%d westeurope and %d Global queries, want 15 and 3", regional, global)
	}
}

func TestImportNoAzureRegion(t *testing.T) {
	items, _ := allItems(t)
	f := newFake(t, items)
	c := imported(t, azurefeed.New(azurefeed.Options{BaseURL: f.URL, Regions: []string{"us-east-1", "europe-west1"}}), nil)
	if rows := rowsOf(c); len(rows) != 0 {
		t.Errorf("rows %v, want none", rows)
	}
	if filters, _ := f.requests(); len(filters) != 0 {
		t.Errorf("queries %v, want none", filters)
	}
}

type progressLog struct {
	mu    sync.Mutex
	bytes map[string]int64
	rows  map[string]int
}

func (p *progressLog) Add(service string, bytes int64, rows int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bytes[service] += bytes
	p.rows[service] += rows
}

func TestImportProgress(t *testing.T) {
	items, _ := allItems(t)
	f := newFake(t, items)
	p := &progressLog{bytes: map[string]int64{}, rows: map[string]int{}}
	imported(t, azurefeed.New(azurefeed.Options{BaseURL: f.URL}), p)
	for _, svc := range services {
		if p.bytes[svc] <= 0 || p.rows[svc] <= 0 {
			t.Errorf("%s: progress %d bytes, %d rows: want both", svc, p.bytes[svc], p.rows[svc])
		}
	}
	// Rows kept count every item mapped, before duplicates are settled:
	// the three pay-as-you-go Linux D2s_v5 items, one Windows.
	if !(p.rows["azure-appservice"] == 3 && p.rows["azure-aks"] == 2) {
		t.Errorf("rows kept: %v", p.rows)
	}
}
