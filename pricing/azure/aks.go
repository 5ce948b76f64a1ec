package azure

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// The control plane of a Free tier cluster costs nothing; Standard (once
// called Paid) adds the uptime SLA, Premium long-term support.
var aksTiers = map[string]struct{ label, key string }{
	"Standard": {"Standard tier, uptime SLA", "control-plane/standard"},
	"Paid":     {"Standard tier, uptime SLA", "control-plane/standard"},
	"Premium":  {"Premium tier, long-term support", "control-plane/premium"},
}

var aksClusterModel = model("azurerm_kubernetes_cluster", nil, "", func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	var out []pricing.Component
	switch tier := a.StringOr("sku_tier", "Free"); {
	case a.Unknown("sku_tier"):
		out = append(out, pricing.Unpriced("Cluster management", "hours", pricing.UnknownAttr("sku_tier")))
	case tier == "Free":
	default:
		t, ok := aksTiers[tier]
		if !ok {
			out = append(out, pricing.Unpriced("Cluster management", "hours", "sku_tier "+tier+" is not Free, Standard or Premium"))
			break
		}
		out = append(out, p.Hourly(pricing.Qualified("Cluster management", t.label), one, aksService, t.key))
	}
	if pool, ok := a.Block("default_node_pool"); ok {
		out = append(out, nodePool(pool, "default_node_pool.").components(p)...)
	}
	return out
})

var aksNodePoolModel = model("azurerm_kubernetes_cluster_node_pool", nil, "kubernetes_cluster_id", func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	return nodePool(r.Attrs, "").components(p)
})

// pool is the nodes of an AKS node pool.
type pool struct {
	node     vmSpec
	count    decimal.Decimal
	countWhy string
}

// aksOSDiskGB is the OS disk AKS gives a node that names no size.
var aksOSDiskGB = decimal.NewFromInt(128)

// nodePool reads a node pool, a default_node_pool block (path names it in
// reasons) or an azurerm_kubernetes_cluster_node_pool.
func nodePool(a pricing.Attrs, path string) pool {
	v := vmSpec{os: strings.ToLower(a.StringOr("os_type", "Linux"))}
	v.size, v.sizeReason = a.NeedString("vm_size")
	if v.sizeReason != "" {
		v.sizeReason = path + v.sizeReason
	}
	v.spot = a.StringOr("priority", "Regular") == "Spot"
	if a.StringOr("os_disk_type", "Managed") != "Ephemeral" {
		// AKS gives nodes Premium SSD OS disks where the size supports
		// premium storage.
		d := managedDisk{label: "OS disk", accountType: "StandardSSD_LRS", typeAssumed: true}
		if premiumCapable(v.size) {
			d.accountType = "Premium_LRS"
		}
		if size, ok := a.Decimal("os_disk_size_gb"); ok && size.IsPositive() {
			d.size = size
		} else {
			d.size, d.sizeAssumed = aksOSDiskGB, true
		}
		v.disks = append(v.disks, d)
	}
	pl := pool{node: v}
	n, ok := a.Decimal("node_count")
	autoscaled, _ := a.Bool("enable_auto_scaling")
	if b, set := a.Bool("auto_scaling_enabled"); set {
		autoscaled = b // azurerm 4 renamed it
	}
	switch {
	case ok:
		pl.count = n
	case autoscaled:
		if min, ok := a.Decimal("min_count"); ok {
			pl.count, pl.node.note = min, "min_count of an autoscaled pool"
		} else {
			pl.countWhy = path + "node_count and " + path + "min_count are not known"
		}
	case a.Unknown("node_count"):
		pl.countWhy = pricing.UnknownAttr(path + "node_count")
	default:
		pl.countWhy = path + "node_count is not set"
	}
	return pl
}

func (pl pool) components(p pricing.Pricer) []pricing.Component {
	if pl.countWhy != "" {
		return []pricing.Component{pricing.Unpriced("Nodes", "hours", pl.countWhy)}
	}
	if pl.count.IsNegative() {
		return []pricing.Component{pricing.Unpriced("Nodes", "hours", "node count is negative")}
	}
	return pl.node.components(p, pl.count)
}

var sizePattern = regexp.MustCompile(`^(?:Standard|Basic)_([A-Z]+)(\d+)(?:-\d+)?([a-z]*)`)

// premiumCapable reports whether a VM size supports premium storage: its
// name says so with an "s", as in D2s_v5, DS2_v2 or B2ms.
func premiumCapable(size string) bool {
	m := sizePattern.FindStringSubmatch(size)
	if m == nil {
		return false
	}
	family, extras := m[1], m[3]
	return strings.Contains(extras, "s") || (len(family) > 1 && strings.HasSuffix(family, "S"))
}
