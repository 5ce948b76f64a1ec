package gcpfeed

import (
	"errors"
	"maps"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// collector gathers the prices of an import before any reaches the
// Builder, so that a failed import adds nothing.
type collector struct {
	keep       map[string]bool // Options.Regions; nil keeps all
	apiService string          // the service whose SKUs are being read

	rows    map[string]entry // service \x00 region \x00 key
	rates   map[string]map[rate]entry
	globals map[string]entry // service \x00 key: prices of "global" SKUs, for every region
	regions map[string]bool  // regions regional SKUs named
	asOf    map[string]string
	origins map[string]map[string]bool // catalog service -> API service ids
}

// entry is one price and the SKU it came from.
type entry struct {
	price     decimal.Decimal
	unit, sku string
}

func newCollector(regions []string) *collector {
	c := &collector{rows: map[string]entry{}, rates: map[string]map[rate]entry{}, regions: map[string]bool{}, globals: map[string]entry{},
		asOf: map[string]string{}, origins: map[string]map[string]bool{}}
	if len(regions) > 0 {
		c.keep = map[string]bool{}
		for _, r := range regions {
			c.keep[r] = true
		}
	}
	return c
}

// add keeps a SKU's price for a key in each of its service regions.
func (c *collector) add(k *sku, t target) error {
	return c.addAt(k, t, k.regions())
}

// addAt keeps a SKU's price for a key in the given regions.
func (c *collector) addAt(k *sku, t target, regions []string) error {
	e, ok, err := c.entry(k, t.service, t.usageUnit)
	if err != nil || !ok {
		return err
	}
	if t.unit != "" {
		e.unit = t.unit
	}
	for _, r := range regions {
		if r == "global" {
			id := t.service + "\x00" + t.key
			if old, dup := c.globals[id]; dup && !old.price.Equal(e.price) {
				return conflict("global", t.service+" "+t.key, old, e)
			}
			c.globals[id] = e
			continue
		}
		c.regions[r] = true
		if err := c.set(t.service, r, t.key, e); err != nil {
			return err
		}
	}
	return nil
}

// rate keeps a SKU's price as a machine family rate in its regions.
func (c *collector) rate(k *sku, r rate, usageUnit string) error {
	e, ok, err := c.entry(k, "gcp-compute", usageUnit)
	if err != nil || !ok {
		return err
	}
	for _, region := range k.regions() {
		c.regions[region] = true
		if c.rates[region] == nil {
			c.rates[region] = map[rate]entry{}
		}
		if old, dup := c.rates[region][r]; dup && !old.price.Equal(e.price) {
			return conflict(region, r.String(), old, e)
		}
		c.rates[region][r] = e
	}
	return nil
}

// entry reads a SKU's price and notes its date and origin; ok is false for
// a free SKU.
func (c *collector) entry(k *sku, service, usageUnit string) (entry, bool, error) {
	p, unit, asOf, err := k.price(usageUnit)
	if err != nil || !p.IsPositive() {
		return entry{}, false, err
	}
	if asOf > c.asOf[service] {
		c.asOf[service] = asOf
	}
	if c.origins[service] == nil {
		c.origins[service] = map[string]bool{}
	}
	c.origins[service][c.apiService] = true
	return entry{price: p, unit: unit, sku: k.SKUID + " " + k.Description}, true, nil
}

func (c *collector) set(service, region, key string, e entry) error {
	id := service + "\x00" + region + "\x00" + key
	if old, dup := c.rows[id]; dup && !old.price.Equal(e.price) {
		return conflict(region, service+" "+key, old, e)
	}
	c.rows[id] = e
	return nil
}

func conflict(region, what string, old, e entry) error {
	return &ruleError{"SKUs " + old.sku + " (" + old.price.String() + ") and " + e.sku + " (" + e.price.String() +
		") give " + what + " in " + region + " different prices; the mapping in pricing/catalog/gcpfeed/rules.go must choose"}
}

// finish builds the rows and sources of the import: machine types from
// family rates, rates themselves, and global prices in every region.
func (c *collector) finish() ([]catalog.Row, []pricing.Source, error) {
	if err := c.machineRows(); err != nil {
		return nil, nil, err
	}
	if !c.anyMachine() {
		return nil, nil, errors.New("Compute Engine SKUs gave no machine type prices: the SKU descriptions may have changed (see pricing/catalog/gcpfeed/rules.go)")
	}
	regions := slices.Sorted(maps.Keys(c.regions))
	for _, id := range slices.Sorted(maps.Keys(c.globals)) {
		service, key, _ := strings.Cut(id, "\x00")
		for _, r := range regions {
			if !c.has(service, r, key) { // a regional price wins
				c.rows[service+"\x00"+r+"\x00"+key] = c.globals[id]
			}
		}
	}
	var rows []catalog.Row
	services := map[string]bool{}
	for _, id := range slices.Sorted(maps.Keys(c.rows)) {
		parts := strings.SplitN(id, "\x00", 3)
		if c.keep != nil && !c.keep[parts[1]] {
			continue
		}
		e := c.rows[id]
		src := sourceOf(parts[0])
		rows = append(rows, catalog.Row{Service: parts[0], Region: parts[1], Key: parts[2], Price: e.price, Unit: e.unit, Source: src.ID})
		services[parts[0]] = true
	}
	var sources []pricing.Source
	for _, svc := range slices.Sorted(maps.Keys(services)) {
		s := sourceOf(svc)
		s.PricedAsOf = c.asOf[svc]
		var ids []string
		for id := range c.origins[svc] {
			ids = append(ids, "cloudbilling.googleapis.com/v1/services/"+id+"/skus")
		}
		slices.Sort(ids)
		s.Origin = strings.Join(ids, " ")
		sources = append(sources, s)
	}
	return rows, sources, nil
}

// anyMachine reports whether a machine type was priced: Compute Engine
// without one means the rules no longer understand its SKUs.
func (c *collector) anyMachine() bool {
	for id := range c.rows {
		if strings.HasPrefix(id, "gcp-compute\x00") && strings.Contains(id, "\x00machine/") {
			return true
		}
	}
	return false
}

func (c *collector) has(service, region, key string) bool {
	_, ok := c.rows[service+"\x00"+region+"\x00"+key]
	return ok
}
