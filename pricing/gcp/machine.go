package gcp

import (
	"fmt"
	"regexp"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// customType matches custom machine types: custom-4-8192 (N1),
// n2-custom-4-8192, and -ext for extended memory. Memory is in MiB.
var customType = regexp.MustCompile(`^(?:([a-z][a-z0-9]*)-)?custom-([0-9]+)-([0-9]+)(-ext)?$`)

// customMemoryPerVCPU is the most memory per vCPU a custom machine of the
// family has at the custom memory price; more needs -ext and is billed as
// extended memory (E2 has none).
var customMemoryPerVCPU = map[string]decimal.Decimal{
	"n1":  pricing.Dec("6.5"),
	"n2":  pricing.Dec("8"),
	"n2d": pricing.Dec("8"),
}

// machine prices one VM's machine type for a month: the machine type's
// hourly price on demand, its vCPUs and memory at the family's spot rates,
// or a custom type's vCPUs and memory at the family's custom rates. notes
// qualify the component names (an assumed type, how VMs were counted).
func machine(p pricing.Pricer, machineType string, spot bool, notes ...string) []pricing.Component {
	if m := customType.FindStringSubmatch(machineType); m != nil {
		name := pricing.Qualified("Instance usage", append([]string{machineType, "custom"}, notes...)...)
		return customMachine(p, name, m[1], m[2], m[3], m[4] != "", spot)
	}
	if !spot {
		name := pricing.Qualified("Instance usage", append([]string{machineType, "on-demand"}, notes...)...)
		return []pricing.Component{p.Hourly(name, one, computeService, "machine/"+machineType)}
	}
	name := pricing.Qualified("Instance usage", append([]string{machineType, "spot"}, notes...)...)
	shape, ok := LookupMachineType(machineType)
	switch {
	case !ok:
		return []pricing.Component{hours(pricing.Unpriced(name, "hours", fmt.Sprintf("machine type %s is not known: spot prices are per vCPU and GB of its family", machineType)))}
	case shape.Bundled():
		return []pricing.Component{hours(pricing.Unpriced(name, "hours", "spot prices of machine types with GPUs or local SSD are not in the catalog"))}
	}
	fam := shape.Family
	return []pricing.Component{
		p.Component(name+": vCPUs", "vCPU-hours", shape.VCPUs.Mul(pricing.Hours), computeService, "spot/"+fam+"/vcpu"),
		p.Component(name+": memory", "GB-hours", shape.MemoryGB.Mul(pricing.Hours), computeService, "spot/"+fam+"/ram"),
	}
}

func customMachine(p pricing.Pricer, name, family, vcpuText, mibText string, ext, spot bool) []pricing.Component {
	if family == "" {
		family = "n1"
	}
	vcpus, _ := decimal.NewFromString(vcpuText)
	mib, _ := decimal.NewFromString(mibText)
	memory := mib.Div(mibPerGB) // exact: 1024 is a power of two
	if spot {
		return []pricing.Component{hours(pricing.Unpriced(name, "hours", "spot prices of custom machine types are not in the catalog"))}
	}
	out := []pricing.Component{
		p.Component(name+": vCPUs", "vCPU-hours", vcpus.Mul(pricing.Hours), computeService, "custom/"+family+"/vcpu"),
	}
	standard, extended := memory, decimal.Zero
	if ext {
		limit, ok := customMemoryPerVCPU[family]
		if !ok {
			c := pricing.Unpriced(name+": memory", "GB-hours", "extended memory of "+family+" custom machine types is not in the catalog")
			c.Quantity = memory.Mul(pricing.Hours)
			return append(out, c)
		}
		if memory.GreaterThan(limit.Mul(vcpus)) {
			standard = limit.Mul(vcpus)
			extended = memory.Sub(standard)
		}
	}
	out = append(out, p.Component(name+": memory", "GB-hours", standard.Mul(pricing.Hours), computeService, "custom/"+family+"/ram"))
	if extended.IsPositive() {
		out = append(out, p.Component(name+": extended memory", "GB-hours", extended.Mul(pricing.Hours), computeService, "custom/"+family+"/ram-extended"))
	}
	return out
}

// hours gives an unpriced per-VM line its month of hours.
func hours(c pricing.Component) pricing.Component {
	c.Quantity = pricing.Hours
	return c
}
