package aws

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// ec2Instance is what one EC2 instance is billed for, wherever it is
// configured: an aws_instance, a launch template or launch configuration
// behind an autoscaling group, an EKS node group.
type ec2Instance struct {
	instanceType string
	typeReason   string // why instanceType is empty
	typeAssumed  bool   // instanceType is a service's default
	os           string // linux, windows, rhel, suse; empty reads the usage file
	tenancy      string // default, dedicated or host; empty is default
	spot         bool
	ebsOptimized bool
	monitoring   bool
	// cpuCredits is "unlimited", "standard" or empty for the family's
	// default; creditsUnknown is set when it is known only after apply.
	cpuCredits     string
	creditsUnknown bool
	volumes        []ebsVolume
}

// fleet is how many instances of one configuration run, and how many of
// them are spot instances.
type fleet struct {
	count, spot decimal.Decimal
	note        string // how count was chosen, when it is an assumption
}

func singleInstance() fleet { return fleet{count: one} }

// Operating systems: the usage file's name, the catalog key, the label.
var ec2OS = map[string]struct{ key, label string }{
	"linux":   {"linux", "Linux/UNIX"},
	"windows": {"windows", "Windows"},
	"rhel":    {"rhel", "RHEL"},
	"suse":    {"suse", "SUSE"},
}

// EBS optimization is included at no cost in every current instance type;
// only these older families charge for it, by the hour, when turned on.
var ebsOptimizedSurchargeFamilies = map[string]bool{
	"c1": true, "c3": true, "g2": true, "i2": true,
	"m1": true, "m2": true, "m3": true, "r3": true,
}

// Burstable families bill surplus CPU credits in unlimited mode; the value
// is whether unlimited is the family's default mode.
var burstableFamilies = map[string]bool{"t2": false, "t3": true, "t3a": true, "t4g": true}

// detailedMonitoringMetrics is how many metrics EC2 detailed monitoring
// publishes per instance, each billed as a custom metric.
var detailedMonitoringMetrics = pricing.Dec("7")

const (
	usageOS    = "operating_system"
	usageVCPUs = "vcpu_count"
)

// ec2Usage documents the usage keys of the models that price instances.
func ec2Usage(withOS bool) []pricing.UsageKey {
	var keys []pricing.UsageKey
	if withOS {
		keys = append(keys, pricing.UsageKey{Name: usageOS, String: true,
			Description: "operating system of the AMI: linux (default), windows, rhel or suse"})
	}
	return append(keys,
		pricing.UsageKey{Name: usageCreditHours,
			Description: "hours a month each burstable instance (t2, t3, t3a, t4g) in unlimited mode bursts above its baseline"},
		pricing.UsageKey{Name: usageVCPUs,
			Description: "vCPUs of the instance type, for CPU credits (known types need none)"},
		standardIOUsage,
	)
}

func instanceFamily(instanceType string) string {
	f, _, _ := strings.Cut(instanceType, ".")
	return f
}

// ec2OSChoice is the operating system an instance is priced for.
type ec2OSChoice struct {
	name, key, label string
	known            bool // one the catalog has prices for
}

// osOf is the instance's operating system: its own, else the usage
// file's, else Linux.
func (m ec2Instance) osOf(p pricing.Pricer) ec2OSChoice {
	name := m.os
	if name == "" {
		name = "linux"
		if s, ok := p.Usage().String(usageOS); ok {
			name = strings.ToLower(s)
		}
	}
	o, known := ec2OS[name]
	if !known {
		return ec2OSChoice{name: name, label: name}
	}
	return ec2OSChoice{name: name, key: o.key, label: o.label, known: true}
}

// components prices a fleet of instances for a month: the instance hours,
// then per-instance extras and volumes multiplied by the count.
func (m ec2Instance) components(p pricing.Pricer, f fleet) []pricing.Component {
	osc := m.osOf(p)
	out := m.instanceHours(p, f, osc)
	var each []pricing.Component
	if m.ebsOptimized {
		switch {
		case m.instanceType == "":
			each = append(each, pricing.Unpriced("EBS-optimized usage", "hours", m.typeReason))
		case ebsOptimizedSurchargeFamilies[instanceFamily(m.instanceType)]:
			each = append(each, p.Hourly("EBS-optimized usage", one, "aws-ec2", "ebs-optimized/"+m.instanceType))
		}
	}
	if m.monitoring {
		each = append(each, p.Component("EC2 detailed monitoring", "metrics", detailedMonitoringMetrics, "aws-cloudwatch", "metric"))
	}
	if c, ok := m.creditComponent(p, osc.key); ok {
		each = append(each, c)
	}
	for _, v := range m.volumes {
		each = append(each, v.components(p)...)
	}
	return append(out, pricing.Times(each, f.count)...)
}

// instanceHours prices the instance hours: on-demand, and spot, which the
// catalog has no prices for.
func (m ec2Instance) instanceHours(p pricing.Pricer, f fleet, osc ec2OSChoice) []pricing.Component {
	onDemand, spot := f.count.Sub(f.spot), f.spot
	if m.spot {
		onDemand, spot = decimal.Zero, f.count
	}
	// name describes the instances, e.g. "Instance usage (Linux/UNIX,
	// on-demand, m5.large)"; without a type only the market and the note.
	name := func(market string, extra ...string) string {
		var parts []string
		switch {
		case m.instanceType == "" && market == "spot":
			parts = []string{market}
		case m.instanceType == "":
		case m.typeAssumed:
			parts = []string{osc.label, market, m.instanceType + " assumed"}
		default:
			parts = []string{osc.label, market, m.instanceType}
		}
		parts = append(parts, extra...)
		if f.note != "" {
			parts = append(parts, f.note)
		}
		if len(parts) == 0 {
			return "Instance usage"
		}
		return "Instance usage (" + strings.Join(parts, ", ") + ")"
	}
	perHour := func(c pricing.Component) pricing.Component {
		c.Quantity = pricing.Hours
		return c
	}
	var out []pricing.Component
	if onDemand.IsPositive() || !spot.IsPositive() {
		var c pricing.Component
		switch {
		case m.instanceType == "":
			c = perHour(pricing.Unpriced(name("on-demand"), "hours", m.typeReason))
		case !osc.known:
			c = perHour(pricing.Unpriced(name("on-demand"), "hours",
				fmt.Sprintf("operating_system %q in the usage file is not linux, windows, rhel or suse", osc.name)))
		case m.tenancy == "dedicated":
			c = perHour(pricing.Unpriced(name("dedicated"), "hours", "dedicated tenancy prices are not in the catalog"))
		case m.tenancy == "host" && osc.key == "linux":
			// An instance on a Dedicated Host has no instance-hour charge:
			// the aws_ec2_host is billed, and is listed on its own.
			c = perHour(pricing.Component{Name: name("dedicated host", "billed through the host"), Unit: "hours"})
		case m.tenancy == "host":
			c = perHour(pricing.Unpriced(name("dedicated host"), "hours", "licence charges of instances on dedicated hosts are not in the catalog"))
		default:
			c = p.Hourly(name("on-demand"), one, "aws-ec2", "instance/"+m.instanceType+"/"+osc.key)
		}
		out = append(out, pricing.Times([]pricing.Component{c}, onDemand)...)
	}
	if spot.IsPositive() {
		c := perHour(pricing.Unpriced(name("spot"), "hours", "spot prices are not in the catalog"))
		out = append(out, pricing.Times([]pricing.Component{c}, spot)...)
	}
	return out
}

// creditComponent is the usage-based charge for surplus CPU credits of a
// burstable instance in unlimited mode; ok is false when none can apply.
func (m ec2Instance) creditComponent(p pricing.Pricer, osKey string) (pricing.Component, bool) {
	const name, unit = "CPU credits", "vCPU-hours"
	fam := instanceFamily(m.instanceType)
	unlimitedByDefault, burstable := burstableFamilies[fam]
	if !burstable {
		return pricing.Component{}, false
	}
	mode := m.cpuCredits
	if mode == "" && !m.creditsUnknown {
		mode = "standard"
		if unlimitedByDefault {
			mode = "unlimited"
		}
	}
	// Given usage makes an unpriced line count as missing cost; without
	// usage the line is 0 whatever its price.
	hrs, hasHrs := p.Usage().Decimal(usageCreditHours)
	switch {
	case m.creditsUnknown:
		return pricing.Unpriced(name, unit, pricing.UnknownAttr("credit_specification.cpu_credits")).FromUsage(usageCreditHours, hasHrs), true
	case mode != "unlimited":
		// Standard mode never bills surplus credits: it throttles instead.
		return pricing.Component{}, false
	}
	if osKey != "windows" {
		osKey = "linux" // RHEL and SUSE credits are billed as Linux
	}
	vcpus, ok := p.Usage().Decimal(usageVCPUs)
	if !ok {
		vcpus, ok = burstableVCPUs(m.instanceType)
	}
	if !ok {
		return pricing.Unpriced(name, unit, fmt.Sprintf("vCPU count of %s is not known; set %s in the usage file", m.instanceType, usageVCPUs)).
			FromUsage(usageCreditHours, hasHrs), true
	}
	return p.Component(name, unit, hrs.Mul(vcpus), "aws-ec2", "cpu-credit/"+fam+"/"+osKey).FromUsage(usageCreditHours, hasHrs), true
}

// burstableVCPUs gives the vCPUs of the burstable types (from
// ec2_instance_types.tsv): t2 nano to small have one, every other size up
// to large two, xlarge four, 2xlarge eight.
func burstableVCPUs(instanceType string) (decimal.Decimal, bool) {
	fam, size, _ := strings.Cut(instanceType, ".")
	switch size {
	case "nano", "micro", "small":
		if fam == "t2" {
			return one, true
		}
		return decimal.NewFromInt(2), true
	case "medium", "large":
		return decimal.NewFromInt(2), true
	case "xlarge":
		return decimal.NewFromInt(4), true
	case "2xlarge":
		return decimal.NewFromInt(8), true
	}
	return decimal.Zero, false
}

var instanceModel = pricing.Model{
	Type:  "aws_instance",
	Usage: ec2Usage(true),
	Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		return readInstance(r).components(p, singleInstance())
	},
}

// readInstance reads an aws_instance. An instance launched from a launch
// template takes from it what its own attributes leave unknown.
func readInstance(r pricing.Resource) ec2Instance {
	a := r.Attrs
	var m ec2Instance
	if _, uses := a.Block("launch_template"); uses {
		if t, ok := r.Follow("launch_template"); ok {
			m = readLaunchTemplate(t)
		}
	}
	switch t, ok := a.String("instance_type"); {
	case ok && t != "":
		m.instanceType, m.typeReason = t, ""
	case m.instanceType != "":
	case a.Unknown("instance_type"):
		m.typeReason = pricing.UnknownAttr("instance_type")
	default:
		m.typeReason = "instance_type is not set"
	}
	if t, ok := a.String("tenancy"); ok && t != "" {
		m.tenancy = t
	}
	// ebs_optimized and monitoring are unknown when not set: off.
	if b, ok := a.Bool("ebs_optimized"); ok {
		m.ebsOptimized = b
	}
	if b, ok := a.Bool("monitoring"); ok {
		m.monitoring = b
	}
	if cs, ok := a.Block("credit_specification"); ok {
		m.cpuCredits, m.creditsUnknown = readCredits(cs)
	}
	if mo, ok := a.Block("instance_market_options"); ok && mo.StringOr("market_type", "") == "spot" {
		m.spot = true
	}
	if vols, configured := readBlockDevices(a); configured || len(m.volumes) == 0 {
		m.volumes = vols
	}
	return m
}

func readCredits(cs pricing.Attrs) (mode string, unknown bool) {
	if cs.Unknown("cpu_credits") {
		return "", true
	}
	return cs.StringOr("cpu_credits", ""), false
}

// readBlockDevices reads root_block_device and ebs_block_device blocks, as
// aws_instance and aws_launch_configuration have them; configured is false
// when there are none. The root volume is always there: the AMI's when not
// configured.
func readBlockDevices(a pricing.Attrs) (vols []ebsVolume, configured bool) {
	vols = []ebsVolume{defaultRootVolume()}
	if root, ok := a.Block("root_block_device"); ok {
		vols[0] = readVolume(root, blockDeviceAttrs, "Root volume: ", "root_block_device.").assumeSize(defaultRootSize)
		configured = true
	}
	var extra []ebsVolume
	for _, b := range a.Blocks("ebs_block_device") {
		extra = append(extra, readVolume(b, blockDeviceAttrs, "EBS volume "+b.StringOr("device_name", "")+": ", "ebs_block_device."))
	}
	// Sets come in no meaningful order; the label holds the device name.
	sort.SliceStable(extra, func(i, j int) bool { return extra[i].label < extra[j].label })
	return append(vols, extra...), configured || len(extra) > 0
}
