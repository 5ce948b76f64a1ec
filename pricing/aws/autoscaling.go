package aws

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// rootDeviceNames are the root device names of the common AMIs (Amazon
// Linux, Bottlerocket and most others use /dev/xvda; Ubuntu, Debian, RHEL
// and Windows /dev/sda1). A launch template mapping for one of them
// configures the root volume; without one the AMI's root volume is used.
var rootDeviceNames = map[string]bool{"/dev/xvda": true, "/dev/sda1": true}

// readLaunchTemplate reads the instance an aws_launch_template launches.
func readLaunchTemplate(t pricing.Resource) ec2Instance {
	a := t.Attrs
	var m ec2Instance
	m.instanceType, m.typeReason = launchedType(t)
	// ebs_optimized is a string in launch templates ("true", "false", "").
	if s, ok := a.String("ebs_optimized"); ok {
		m.ebsOptimized = s == "true"
	} else if b, ok := a.Bool("ebs_optimized"); ok {
		m.ebsOptimized = b
	}
	if mon, ok := a.Block("monitoring"); ok {
		m.monitoring, _ = mon.Bool("enabled")
	}
	if cs, ok := a.Block("credit_specification"); ok {
		m.cpuCredits, m.creditsUnknown = readCredits(cs)
	}
	if pl, ok := a.Block("placement"); ok {
		m.tenancy = pl.StringOr("tenancy", "")
	}
	if mo, ok := a.Block("instance_market_options"); ok && mo.StringOr("market_type", "") == "spot" {
		m.spot = true
	}
	m.volumes = readMappings(a)
	return m
}

// readMappings reads a launch template's block_device_mappings. A mapping
// without a size takes it from the AMI or snapshot: 8 GB assumed for the
// root volume, unpriced for others.
func readMappings(a pricing.Attrs) []ebsVolume {
	var root []ebsVolume
	var extra []ebsVolume
	for _, bd := range a.Blocks("block_device_mappings") {
		ebs, ok := bd.Block("ebs")
		if !ok {
			continue // instance store or no_device: nothing billed
		}
		dev := bd.StringOr("device_name", "")
		if rootDeviceNames[dev] {
			root = append(root, readVolume(ebs, blockDeviceAttrs, "Root volume: ", "block_device_mappings.ebs.").assumeSize(defaultRootSize))
			continue
		}
		extra = append(extra, readVolume(ebs, blockDeviceAttrs, "EBS volume "+dev+": ", "block_device_mappings.ebs."))
	}
	if len(root) == 0 {
		root = []ebsVolume{defaultRootVolume()}
	}
	sort.SliceStable(extra, func(i, j int) bool { return extra[i].label < extra[j].label })
	return append(root, extra...)
}

// launchedType is the instance_type of a launch template or launch
// configuration, or why it has none; the reason names the launcher, since
// it is reported on the group that uses it.
func launchedType(launcher pricing.Resource) (typ, reason string) {
	a := launcher.Attrs
	switch typ, ok := a.String("instance_type"); {
	case ok && typ != "":
		return typ, ""
	case a.Unknown("instance_type"):
		return "", fmt.Sprintf("instance_type of %s is known only after apply", launcher.Address)
	}
	return "", fmt.Sprintf("%s sets no instance_type", launcher.Address)
}

// readLaunchConfiguration reads the instance an aws_launch_configuration
// launches.
func readLaunchConfiguration(c pricing.Resource) ec2Instance {
	a := c.Attrs
	var m ec2Instance
	m.instanceType, m.typeReason = launchedType(c)
	m.ebsOptimized, _ = a.Bool("ebs_optimized")
	// Launch configurations turn detailed monitoring on unless told not to.
	m.monitoring = true
	if b, ok := a.Bool("enable_monitoring"); ok {
		m.monitoring = b
	}
	m.tenancy = a.StringOr("placement_tenancy", "")
	if a.Has("spot_price") && a.StringOr("spot_price", "") != "" {
		m.spot = true
	}
	m.volumes, _ = readBlockDevices(a)
	return m
}

var autoscalingGroupModel = pricing.Model{
	Type:  "aws_autoscaling_group",
	Usage: ec2Usage(true),
	Price: priceAutoscalingGroup,
}

func priceAutoscalingGroup(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	f, reason := groupSize(r.Attrs)
	if reason != "" {
		return []pricing.Component{pricing.Unpriced("Instance usage", "hours", reason)}
	}
	if f.count.IsZero() {
		return nil // no instances, no cost
	}
	m, d := groupInstance(r)
	if d.spotAllowed {
		f.spot = spotCount(f.count, d)
	}
	return m.components(p, f)
}

// groupSize is the number of instances a group runs: desired_capacity,
// else min_size (named as an assumption); reason says why neither is known.
func groupSize(a pricing.Attrs) (fleet, string) {
	if n, ok := a.Decimal("desired_capacity"); ok {
		return fleet{count: n}, ""
	}
	if n, ok := a.Decimal("min_size"); ok {
		return fleet{count: n, note: "min_size of " + n.String() + " assumed"}, ""
	}
	return fleet{}, "desired_capacity and min_size are known only after apply"
}

// distribution is a mixed instances policy's split between on-demand and
// spot instances.
type distribution struct {
	spotAllowed   bool // the on-demand percentage is below 100
	base, percent decimal.Decimal
}

// spotCount is how many of n instances are spot: those above the
// on-demand base beyond the on-demand percentage, rounded in favour of
// on-demand.
func spotCount(n decimal.Decimal, d distribution) decimal.Decimal {
	above := n.Sub(decimal.Min(n, d.base))
	onDemand := above.Mul(d.percent).Div(decimal.NewFromInt(100)).Ceil()
	return above.Sub(decimal.Min(above, onDemand))
}

// groupInstance finds what a group launches: its launch configuration,
// launch template, or mixed instances policy's template (whose first
// override picks the type). When it is not in the plan, the instance has
// no type and says why.
func groupInstance(r pricing.Resource) (ec2Instance, distribution) {
	a := r.Attrs
	if name, ok := a.String("launch_configuration"); (ok && name != "") || a.Unknown("launch_configuration") {
		if c, ok := r.Follow("launch_configuration"); ok {
			return readLaunchConfiguration(c), distribution{}
		}
		return launcherMissing("launch configuration", name), distribution{}
	}
	if lt, ok := a.Block("launch_template"); ok {
		if t, ok := r.Follow("launch_template"); ok {
			return readLaunchTemplate(t), distribution{}
		}
		return launcherMissing("launch template", templateName(lt, "id", "name")), distribution{}
	}
	if mip, ok := a.Block("mixed_instances_policy"); ok {
		var d distribution
		if dist, ok := mip.Block("instances_distribution"); ok {
			d.base, _ = dist.Decimal("on_demand_base_capacity")
			if pct, ok := dist.Decimal("on_demand_percentage_above_base_capacity"); ok && pct.LessThan(decimal.NewFromInt(100)) {
				d.spotAllowed, d.percent = true, pct
			}
		}
		lt, _ := mip.Block("launch_template")
		spec, _ := lt.Block("launch_template_specification")
		t, ok := r.Follow("mixed_instances_policy")
		if !ok {
			return launcherMissing("launch template", templateName(spec, "launch_template_id", "launch_template_name")), d
		}
		m := readLaunchTemplate(t)
		if o, ok := lt.Block("override"); ok {
			if typ, ok := o.String("instance_type"); ok && typ != "" {
				m.instanceType, m.typeReason = typ, ""
			}
		}
		return m, d
	}
	return ec2Instance{typeReason: "the group names no launch template or launch configuration"}, distribution{}
}

func templateName(a pricing.Attrs, idAttr, nameAttr string) string {
	if s, ok := a.String(nameAttr); ok && s != "" {
		return s
	}
	s, _ := a.String(idAttr)
	return s
}

func launcherMissing(what, name string) ec2Instance {
	reason := "the " + what + " is not in the plan, so its instance type is unknown"
	if name != "" {
		reason = fmt.Sprintf("%s %s is not in the plan, so its instance type is unknown", what, name)
	}
	return ec2Instance{typeReason: reason}
}
