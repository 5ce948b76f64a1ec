package seed

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
)

// Google bills a machine type as vCPUs times its family's vCPU price plus
// GB of memory times its memory price. The file lists machine types, not
// these rates, so the rates spot and custom machines are priced by are
// solved from them: two types of a family with different memory per vCPU
// give the two rates, and every other type of the family in the region
// must then match to the last digit, or the family is left out there.
// Types whose price also covers GPUs or local SSD take no part.

// fitPoint is one machine type's shape and price.
type fitPoint struct {
	name            string
	cpu, ram, price *big.Rat
}

// fit solves the vCPU and memory rates of points (sorted by name);
// misfit names the type that disagrees, or says why no rates exist.
func fit(points []fitPoint) (cpu, ram decimal.Decimal, misfit string) {
	var c, r *big.Rat
	for i := 0; i < len(points) && c == nil; i++ {
		for j := i + 1; j < len(points) && c == nil; j++ {
			c, r = solve(points[i], points[j])
		}
	}
	if c == nil {
		return cpu, ram, "one memory-per-vCPU ratio only: vCPU and memory prices cannot be told apart"
	}
	for _, p := range points {
		got := new(big.Rat).Add(new(big.Rat).Mul(p.cpu, c), new(big.Rat).Mul(p.ram, r))
		if got.Cmp(p.price) != 0 {
			return cpu, ram, p.name + " does not fit the others"
		}
	}
	cpu, ok1 := exactDecimal(c)
	ram, ok2 := exactDecimal(r)
	if !ok1 || !ok2 || !cpu.IsPositive() || !ram.IsPositive() {
		return cpu, ram, "the rates are not positive decimals"
	}
	return cpu, ram, ""
}

// solve returns the rates of two points with different memory per vCPU
// (Cramer's rule), or nil.
func solve(a, b fitPoint) (c, r *big.Rat) {
	det := new(big.Rat).Sub(new(big.Rat).Mul(a.cpu, b.ram), new(big.Rat).Mul(a.ram, b.cpu))
	if det.Sign() == 0 {
		return nil, nil
	}
	c = new(big.Rat).Sub(new(big.Rat).Mul(a.price, b.ram), new(big.Rat).Mul(a.ram, b.price))
	r = new(big.Rat).Sub(new(big.Rat).Mul(a.cpu, b.price), new(big.Rat).Mul(a.price, b.cpu))
	return c.Quo(c, det), r.Quo(r, det)
}

// exactDecimal converts a rational with a finite decimal expansion.
func exactDecimal(x *big.Rat) (decimal.Decimal, bool) {
	d := new(big.Int).Set(x.Denom())
	places := int32(0)
	ten, two, five := big.NewInt(10), big.NewInt(2), big.NewInt(5)
	for d.Cmp(big.NewInt(1)) != 0 {
		switch {
		case new(big.Int).Mod(d, ten).Sign() == 0:
			d.Quo(d, ten)
		case new(big.Int).Mod(d, two).Sign() == 0:
			d.Quo(d, two)
		case new(big.Int).Mod(d, five).Sign() == 0:
			d.Quo(d, five)
		default:
			return decimal.Zero, false
		}
		places++
	}
	return decimal.NewFromBigRat(x, places), true
}

// addGCPSpot adds gcp-compute spot/<family>/vcpu (vCPU-hours) and
// spot/<family>/ram (GB-hours), solved from the hour_spot prices of the
// family's machine types.
func addGCPSpot(g *gcpPricing, s *sink) error {
	families := map[string][]string{}
	for _, typ := range sortedKeys(g.Compute.Instance) {
		if m := g.Compute.Instance[typ]; m.Type == "" && !m.bundled() {
			fam, _, _ := strings.Cut(typ, "-")
			families[fam] = append(families[fam], typ)
		}
	}
	for _, fam := range sortedKeys(families) {
		misfits := map[string][]string{} // reason -> regions
		for _, region := range machineRegions(g, families[fam]) {
			points := machinePoints(g, families[fam], region, func(c gcpRates) yamlPrice { return c[region].HourSpot })
			cpu, ram, misfit := fit(points)
			if misfit != "" {
				misfits[misfit] = append(misfits[misfit], region)
				continue
			}
			if err := s.add(gcpCompute, region, "spot/"+fam+"/vcpu", cpu, "vCPU-hours", gcpSource); err != nil {
				return err
			}
			if err := s.add(gcpCompute, region, "spot/"+fam+"/ram", ram, "GB-hours", gcpSource); err != nil {
				return err
			}
		}
		for _, why := range sortedKeys(misfits) {
			s.note("gcp-compute: no spot/%s rates in %s: %s", fam, regionList(misfits[why]), why)
		}
	}
	return nil
}

// addGCPCustom adds gcp-compute custom/n1/vcpu and custom/n1/ram, solved
// from the file's custom-* examples (N1 custom machine types).
func addGCPCustom(g *gcpPricing, s *sink) error {
	var examples []string
	for _, typ := range sortedKeys(g.Compute.Instance) {
		if g.Compute.Instance[typ].Type == "n1-custom" {
			examples = append(examples, typ)
		}
	}
	if len(examples) < 2 {
		return fmt.Errorf("%s: %d n1-custom machine types, want the examples custom rates are solved from", gcpFile, len(examples))
	}
	misfits := map[string][]string{}
	for _, region := range machineRegions(g, examples) {
		points := machinePoints(g, examples, region, func(c gcpRates) yamlPrice { return c[region].Hour })
		cpu, ram, misfit := fit(points)
		if misfit != "" {
			misfits[misfit] = append(misfits[misfit], region)
			continue
		}
		if err := s.add(gcpCompute, region, "custom/n1/vcpu", cpu, "vCPU-hours", gcpSource); err != nil {
			return err
		}
		if err := s.add(gcpCompute, region, "custom/n1/ram", ram, "GB-hours", gcpSource); err != nil {
			return err
		}
	}
	for _, why := range sortedKeys(misfits) {
		s.note("gcp-compute: no custom/n1 rates in %s: %s", regionList(misfits[why]), why)
	}
	return nil
}

// machineRegions lists the regions any of the types has prices in.
func machineRegions(g *gcpPricing, types []string) []string {
	seen := map[string]bool{}
	for _, t := range types {
		for r := range g.Compute.Instance[t].Cost {
			seen[r] = true
		}
	}
	return sortedKeys(seen)
}

// machinePoints are the types' shapes and prices in a region; types
// without a price there are skipped.
func machinePoints(g *gcpPricing, types []string, region string, price func(gcpRates) yamlPrice) []fitPoint {
	var out []fitPoint
	for _, t := range types {
		m := g.Compute.Instance[t]
		p := price(m.Cost)
		if !p.set || !p.value.IsPositive() || !m.CPU.set || !m.RAM.set {
			continue
		}
		out = append(out, fitPoint{name: t, cpu: m.CPU.value.Rat(), ram: m.RAM.value.Rat(), price: p.value.Rat()})
	}
	return out
}

// regionList names a few regions and counts the rest, for notes.
func regionList(regions []string) string {
	const show = 3
	if len(regions) <= show {
		return strings.Join(regions, ", ")
	}
	return fmt.Sprintf("%s and %d more regions", strings.Join(regions[:show], ", "), len(regions)-show)
}
