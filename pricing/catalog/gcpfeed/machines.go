package gcpfeed

import (
	"maps"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/gcp"
)

// The API prices vCPUs and memory per machine family, not machine types.
// A predefined type's hourly price is its vCPUs times the family's vCPU
// price plus its GB of memory times the memory price, with the shapes of
// pricing/gcp's machine table (taken from the embedded price data, which
// lists each type's vCPUs and memory). This is how Google prices them:
// the embedded machine prices are exactly these sums for every family
// with two shapes or more, but one (irregular). Types whose price also
// covers GPUs are left out; of the -lssd types, only the families whose bundled local SSD is
// billed at the local SSD price (c3, c3d) are built. f1-micro and
// g1-small have SKUs of their own.

// bundledLocalSSD are the families whose -lssd types add their local SSD
// at the region's local-ssd price per GB-month.
var bundledLocalSSD = map[string]bool{"c3": true, "c3d": true}

// irregular are types the family rates do not price: the embedded data
// has m4-ultramem-224 well above its family's vCPU and memory prices.
var irregular = map[string]bool{"m4-ultramem-224": true}

// lssdPlaces is the precision of a bundled local SSD's hourly share (a
// monthly price over 730 hours seldom divides exactly).
const lssdPlaces = 12

func (c *collector) machineRows() error {
	types := gcp.MachineTypes()
	for _, region := range slices.Sorted(maps.Keys(c.rates)) {
		rates := c.rates[region]
		for _, m := range types {
			if m.GPUs.IsPositive() || (m.LocalSSDGB > 0 && !bundledLocalSSD[m.Family]) || irregular[m.Name] {
				continue
			}
			core, ok1 := rates[rate{m.Family, "vcpu", ""}]
			ram, ok2 := rates[rate{m.Family, "ram", ""}]
			if !ok1 || !ok2 {
				continue
			}
			price := m.VCPUs.Mul(core.price).Add(m.MemoryGB.Mul(ram.price))
			if m.LocalSSDGB > 0 {
				ssd, ok := c.rows["gcp-compute\x00"+region+"\x00local-ssd"]
				if !ok {
					continue
				}
				share := decimal.NewFromInt(int64(m.LocalSSDGB)).Mul(ssd.price).DivRound(pricing.Hours, lssdPlaces)
				price = price.Add(share)
			}
			e := entry{price: price, unit: "hours", sku: core.sku + " + " + ram.sku}
			if err := c.set("gcp-compute", region, "machine/"+m.Name, e); err != nil {
				return err
			}
		}
		for r, e := range rates {
			var key, unit string
			switch r.variant {
			case "spot":
				key = "spot/" + r.family + "/" + r.kind
			case "custom":
				key = "custom/" + r.family + "/" + r.kind
			default:
				continue
			}
			unit = "GB-hours"
			if r.kind == "vcpu" {
				unit = "vCPU-hours"
			}
			e.unit = unit
			if err := c.set("gcp-compute", region, key, e); err != nil {
				return err
			}
		}
	}
	return nil
}
