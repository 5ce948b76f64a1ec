package aws

import (
	"strings"

	"github.com/tollgate-dev/tollgate/pricing"
)

var eksClusterModel = pricing.Model{
	Type: "aws_eks_cluster",
	// Extended support (a higher hourly rate for Kubernetes versions past
	// standard support) depends on the date, not the configuration, so
	// every cluster is priced at the standard rate.
	Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		return []pricing.Component{p.Hourly("EKS cluster", one, "aws-eks", "cluster")}
	},
}

// defaultNodeType is the instance type EKS gives a managed node group that
// names none.
const defaultNodeType = "t3.medium"

var eksNodeGroupModel = pricing.Model{
	Type:  "aws_eks_node_group",
	Usage: ec2Usage(false),
	Price: priceNodeGroup,
}

func priceNodeGroup(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	sc, _ := a.Block("scaling_config")
	n, ok := sc.Decimal("desired_size")
	if !ok {
		reason := "scaling_config.desired_size is not set"
		if sc.Unknown("desired_size") {
			reason = pricing.UnknownAttr("scaling_config.desired_size")
		}
		return []pricing.Component{pricing.Unpriced("Instance usage", "hours", reason)}
	}
	if n.IsZero() {
		return nil
	}
	m := nodeInstance(r)
	m.os = "linux"
	if strings.Contains(strings.ToUpper(a.StringOr("ami_type", "")), "WINDOWS") {
		m.os = "windows"
	}
	if a.StringOr("capacity_type", "") == "SPOT" {
		m.spot = true
	}
	return m.components(p, fleet{count: n})
}

// nodeInstance is what each node of a group runs: its launch template's
// settings, overridden by the group's instance_types and disk_size.
func nodeInstance(r pricing.Resource) ec2Instance {
	a := r.Attrs
	var m ec2Instance
	_, hasTemplate := a.Block("launch_template")
	if hasTemplate {
		if t, ok := r.Follow("launch_template"); ok {
			m = readLaunchTemplate(t)
		} else {
			lt, _ := a.Block("launch_template")
			m = launcherMissing("launch template", templateName(lt, "id", "name"))
			m.volumes = []ebsVolume{defaultRootVolume()}
		}
	}
	switch types, ok := a.Strings("instance_types"); {
	case ok && len(types) > 0:
		m.instanceType, m.typeReason, m.typeAssumed = types[0], "", false
	case hasTemplate:
		// The template names the type.
	default:
		// instance_types is unknown or empty when not set: EKS's default.
		m.instanceType, m.typeAssumed = defaultNodeType, true
	}
	if hasTemplate {
		return m
	}
	// Without a template EKS gives each node one gp2 disk of disk_size GB.
	disk := ebsVolume{label: "Root volume: ", volumeType: "gp2"}
	if size, ok := a.Decimal("disk_size"); ok {
		disk.size, disk.sizeKnown = size, true
	}
	m.volumes = []ebsVolume{disk.assumeSize(defaultNodeDiskSize)}
	return m
}
