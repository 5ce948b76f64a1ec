package seed

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// natMaxVMs is how many VMs a Cloud NAT gateway bills by the hour; above
// it the charge stays the same. The file's gateway price is that cap.
var natMaxVMs = decimal.NewFromInt(32)

// addGCPNetwork adds gcp-network external-ip/in-use and external-ip/unused
// (hours), nat-gateway/vm (hours per VM) and nat-gateway/data (GB).
func addGCPNetwork(g *gcpPricing, s *sink) error {
	n := g.Compute.Network
	hourly := []struct {
		key  string
		cost gcpRates
		per  decimal.Decimal
	}{
		{"external-ip/in-use", n.IP.VM.Cost, decimal.NewFromInt(1)},
		{"external-ip/unused", n.IP.Unused.Cost, decimal.NewFromInt(1)},
		{"nat-gateway/vm", n.NAT.Gateway.Cost, natMaxVMs},
	}
	for _, h := range hourly {
		if len(h.cost) == 0 {
			return fmt.Errorf("%s: no prices for gcp-network %s", gcpFile, h.key)
		}
		for _, region := range sortedKeys(h.cost) {
			p := h.cost[region].Hour
			if !p.set || !p.value.IsPositive() {
				continue
			}
			price := p.value.Div(h.per)
			if !price.Mul(h.per).Equal(p.value) {
				return fmt.Errorf("%s: %s %s: %s is not a whole number of %s-VM shares", gcpFile, h.key, region, p.value, h.per)
			}
			if err := s.add(gcpNetwork, region, h.key, price, "hours", gcpSource); err != nil {
				return err
			}
		}
	}
	// The file files the per-GB data price under "month".
	return addMonthly(s, gcpNetwork, "nat-gateway/data", "GB", n.NAT.Data.Cost, nil)
}

// gcsClasses maps the file's bucket entries to storage classes.
var gcsClasses = []struct{ entry, class string }{
	{"standard", "standard"}, {"nearline", "nearline"}, {"coldline", "coldline"},
	{"archiv", "archive"}, {"dra", "dra"},
}

// gcsMultiRegions maps the file's multi-region names to the location
// codes buckets use (lowercased); dual-regions (nam4, eur4, asia1) and
// regions keep their names.
var gcsMultiRegions = map[string]string{"us-multi": "us", "europe-multi": "eu", "asia-multi": "asia"}

// addGCPStorage adds gcp-storage storage/<class> (GB-months) and
// retrieval/<class> (GB) per bucket location: a region, a dual-region or
// a multi-region.
func addGCPStorage(g *gcpPricing, s *sink) error {
	for _, c := range gcsClasses {
		for _, variant := range []string{"", "-dual", "-multi"} {
			e, ok := g.Storage.Bucket[c.entry+variant]
			if !ok {
				return fmt.Errorf("%s: no storage.bucket.%s%s", gcpFile, c.entry, variant)
			}
			if err := addMonthly(s, gcpStorage, "storage/"+c.class, "GB-months", e.Cost, locations(e.Cost)); err != nil {
				return err
			}
			if r, ok := g.Storage.Retrieval[c.entry+variant]; ok {
				if err := addMonthly(s, gcpStorage, "retrieval/"+c.class, "GB", r.Cost, locations(r.Cost)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// locations maps an entry's location names to bucket location codes.
func locations(cost gcpRates) map[string]string {
	out := map[string]string{}
	for loc := range cost {
		if code, ok := gcsMultiRegions[loc]; ok {
			out[loc] = code
		} else if !strings.HasSuffix(loc, "-multi") {
			out[loc] = loc
		}
	}
	return out
}
