package azurefeed

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// item is one price of the API.
type item struct {
	CurrencyCode         string      `json:"currencyCode"`
	TierMinimumUnits     json.Number `json:"tierMinimumUnits"`
	RetailPrice          json.Number `json:"retailPrice"`
	ArmRegionName        string      `json:"armRegionName"`
	EffectiveStartDate   string      `json:"effectiveStartDate"`
	MeterID              string      `json:"meterId"`
	MeterName            string      `json:"meterName"`
	ProductName          string      `json:"productName"`
	SkuID                string      `json:"skuId"`
	SkuName              string      `json:"skuName"`
	ServiceName          string      `json:"serviceName"`
	UnitOfMeasure        string      `json:"unitOfMeasure"`
	Type                 string      `json:"type"`
	IsPrimaryMeterRegion *bool       `json:"isPrimaryMeterRegion"`
	ArmSkuName           string      `json:"armSkuName"`
}

// identity tells items apart, to notice a server that ignores $skip.
func (it item) identity() string {
	return strings.Join([]string{it.MeterID, it.SkuID, it.Type, it.ArmRegionName, string(it.TierMinimumUnits), it.EffectiveStartDate}, "\x00")
}

// payAsYouGo reports whether the item is a pay-as-you-go list price:
// Consumption, not Dev/Test, reservations or savings plans, and not the
// spot and low-priority VMs that can be evicted.
func (it item) payAsYouGo() bool {
	if it.Type != "Consumption" || (it.CurrencyCode != "" && it.CurrencyCode != "USD") {
		return false
	}
	for _, s := range []string{it.SkuName, it.MeterName} {
		if strings.Contains(s, "Spot") || strings.Contains(s, "Low Priority") {
			return false
		}
	}
	return true
}

// region is the item's region in catalog spelling; Azure publishes some
// prices once, for region "Global".
func (it item) region() string {
	return strings.ToLower(strings.Join(strings.Fields(it.ArmRegionName), ""))
}

// price is the item's unit price and the first quantity it applies to.
func (it item) price() (price, tier decimal.Decimal, err error) {
	price, err = decimal.NewFromString(string(it.RetailPrice))
	if err != nil {
		return price, tier, fmt.Errorf("retailPrice %q: %w", it.RetailPrice, err)
	}
	tier = decimal.Zero
	if it.TierMinimumUnits != "" {
		if tier, err = decimal.NewFromString(string(it.TierMinimumUnits)); err != nil {
			return price, tier, fmt.Errorf("tierMinimumUnits %q: %w", it.TierMinimumUnits, err)
		}
	}
	return price, tier, nil
}

// row is a catalog price an item maps to.
type row struct {
	key, unit string
	price     decimal.Decimal
	// derived prices (a per-vCore price from an n-vCore SKU) give way to
	// prices the list states.
	derived bool
}

// candidate is the best item for one catalog price so far.
type candidate struct {
	row
	date    string // effectiveStartDate, YYYY-MM-DD
	primary bool
}

// better decides between two items for the same price, whatever order
// the pages came in: stated over derived, the meter's primary region,
// the newest price, and then the higher one.
func (c candidate) better(old candidate) bool {
	switch {
	case c.derived != old.derived:
		return !c.derived
	case c.primary != old.primary:
		return c.primary
	case c.date != old.date:
		return c.date > old.date
	}
	return c.price.GreaterThan(old.price)
}

// candidates collects the kept prices of every query, by service, region
// and key. It is safe for concurrent use.
type candidates struct {
	regions map[string]bool // nil for all
	mu      sync.Mutex
	byKey   map[[3]string]candidate
	served  map[string]string // service -> last day a page was served
}

func newCandidates(regions []string, all bool) *candidates {
	c := &candidates{byKey: map[[3]string]candidate{}, served: map[string]string{}}
	if !all {
		c.regions = map[string]bool{"global": true}
		for _, r := range regions {
			c.regions[r] = true
		}
	}
	return c
}

// add keeps a row of an item if it is the best so far; it reports
// whether the row counts as kept.
func (c *candidates) add(service string, it item, r row) bool {
	region := it.region()
	if region == "" || (c.regions != nil && !c.regions[region]) {
		return false
	}
	date, _, _ := strings.Cut(it.EffectiveStartDate, "T")
	cand := candidate{row: r, date: date, primary: it.IsPrimaryMeterRegion == nil || *it.IsPrimaryMeterRegion}
	k := [3]string{service, region, r.key}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.byKey[k]; ok && !cand.better(old) {
		return true
	}
	c.byKey[k] = cand
	return true
}

// servedOn records the day the API served a page of a service's prices.
func (c *candidates) servedOn(service, day string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if day > c.served[service] {
		c.served[service] = day
	}
}

// write adds the kept prices and one source per service. A source is
// dated by the day the API served its prices: they were the current
// prices then, whatever day they took effect (often years before). Without
// a Date header, the newest effectiveStartDate stands in.
func (c *candidates) write(b *catalog.Builder, baseURL string) error {
	dates := map[string]string{}
	for k, cand := range c.byKey {
		if cand.date > dates[k[0]] {
			dates[k[0]] = cand.date
		}
	}
	for svc := range dates {
		if day := c.served[svc]; day != "" {
			dates[svc] = day
		}
	}
	for _, svc := range slices.Sorted(maps.Keys(dates)) {
		b.AddSource(source(svc, dates[svc], baseURL))
	}
	for k, cand := range c.byKey {
		r := catalog.Row{Service: k[0], Region: k[1], Key: cand.key, Price: cand.price, Unit: cand.unit, Source: sourceOf(k[0])}
		if err := b.Set(r); err != nil {
			return fmt.Errorf("azure prices: %w", err)
		}
	}
	return nil
}
