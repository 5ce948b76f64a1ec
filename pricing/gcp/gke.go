package gcp

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// GKE's defaults for a node_config that does not say: the machine type,
// boot disk size and type of each node; and the zones a regional cluster
// spreads its nodes over.
const (
	defaultNodeType     = "e2-medium"
	defaultNodeDiskType = "pd-balanced"
	regionalZones       = 3
)

var defaultNodeDiskSize = pricing.Dec("100")

var clusterModel = pricing.Model{
	Type: "google_container_cluster",
	// The cluster management fee is the same for zonal, regional and
	// Autopilot clusters; the free tier (one zonal or Autopilot cluster
	// per billing account) is not applied.
	Price: regional(priceCluster),
}

func priceCluster(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	out := []pricing.Component{p.Hourly("Cluster management fee", one, gkeService, "cluster")}
	if auto, _ := a.Bool("enable_autopilot"); auto {
		return append(out, pricing.Unpriced("Autopilot workloads", "vCPU-hours",
			"Autopilot bills the vCPUs and memory pods request, which a plan does not show").FromUsage("", false))
	}
	c := clusterPlacement(a)
	pools := a.Blocks("node_pool")
	if len(pools) == 0 {
		// The default node pool, unless it is removed once the cluster
		// exists (remove_default_node_pool, with pools of their own).
		if rm, _ := a.Bool("remove_default_node_pool"); rm {
			return out
		}
		return append(out, poolComponents(p, a, c, "Default node pool: ")...)
	}
	for _, pool := range pools {
		out = append(out, poolComponents(p, pool, c, "Node pool "+pool.StringOr("name", "")+": ")...)
	}
	return out
}

var nodePoolModel = pricing.Model{
	Type:  "google_container_node_pool",
	Price: regional(priceNodePool),
}

func priceNodePool(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	var c placement
	if cl, ok := r.Follow("cluster"); ok && cl.Type == "google_container_cluster" {
		c = clusterPlacement(cl.Attrs)
	}
	if loc, _ := r.Attrs.String("location"); loc != "" {
		c.location = loc
	}
	return poolComponents(p, r.Attrs, c, "")
}

// placement is where a cluster runs its nodes.
type placement struct {
	location string   // the cluster's zone or region
	zones    []string // node_locations, when known
}

func clusterPlacement(a pricing.Attrs) placement {
	c := placement{location: a.StringOr("location", "")}
	if z, ok := a.Strings("node_locations"); ok {
		c.zones = z
	}
	return c
}

// poolComponents prices a node pool (a google_container_node_pool, a
// cluster's node_pool block or its default pool): its nodes' VMs.
func poolComponents(p pricing.Pricer, a pricing.Attrs, c placement, label string) []pricing.Component {
	nc, _ := a.Block("node_config")
	m := nodeVM(nc)
	n, note, reason := poolSize(a, c)
	if reason != "" {
		return prefixed(label, pricing.UnpriceAll(m.components(p, one, ""), reason))
	}
	if n.IsZero() {
		return nil
	}
	return prefixed(label, m.components(p, n, note))
}

// nodeVM reads a node_config: the VM each node runs.
func nodeVM(nc pricing.Attrs) vm {
	m := vm{gpus: readGPUs(nc), localSSDGB: decimal.Zero}
	if t, ok := nc.String("machine_type"); ok && t != "" {
		m.machineType = t
	} else {
		m.machineType, m.typeAssumed = defaultNodeType, true
	}
	pre, _ := nc.Bool("preemptible")
	spot, _ := nc.Bool("spot")
	m.spot = pre || spot
	d := disk{label: "Boot disk"}
	if t, ok := nc.String("disk_type"); ok && t != "" {
		d.typ = t
	} else {
		d.typ, d.typeAssumed = defaultNodeDiskType, true
	}
	d.readSize(nc, "disk_size_gb", "node_config.", defaultNodeDiskSize)
	m.disks = []disk{d}
	if n, ok := nc.Decimal("local_ssd_count"); ok && n.IsPositive() {
		m.localSSDGB = n.Mul(localSSDSize)
	}
	if strings.HasPrefix(strings.ToUpper(nc.StringOr("image_type", "")), "WINDOWS") {
		m.image = "windows-cloud"
	}
	return m
}

// poolSize is how many nodes a pool runs: the autoscaling minimum, else
// node_count, else initial_node_count, per zone of the pool.
func poolSize(a pricing.Attrs, c placement) (n decimal.Decimal, note, reason string) {
	zones, zonesNote := poolZones(a, c)
	if as, ok := a.Block("autoscaling"); ok {
		if total, ok := as.Decimal("total_min_node_count"); ok && total.IsPositive() {
			return total, nodes(total) + ", the autoscaling minimum", ""
		}
		if min, ok := as.Decimal("min_node_count"); ok && !min.IsNegative() {
			return min.Mul(zones), nodesNote(min.Mul(zones), "the autoscaling minimum", min, zones, zonesNote), ""
		}
	}
	for _, attr := range []string{"node_count", "initial_node_count"} {
		if per, ok := a.Decimal(attr); ok && !per.IsNegative() {
			return per.Mul(zones), nodesNote(per.Mul(zones), "", per, zones, zonesNote), ""
		}
	}
	if a.Unknown("node_count") {
		return decimal.Zero, "", pricing.UnknownAttr("node_count")
	}
	return decimal.Zero, "", "node_count is not set"
}

func nodesNote(total decimal.Decimal, what string, per, zones decimal.Decimal, zonesNote string) string {
	s := nodes(total)
	if what != "" {
		s += ", " + what
	}
	if zones.GreaterThan(one) {
		s += fmt.Sprintf(": %s per zone in %s zones", per, zones)
	}
	if zonesNote != "" {
		s += ", " + zonesNote
	}
	return s
}

func nodes(n decimal.Decimal) string {
	if n.Equal(one) {
		return "1 node"
	}
	return n.String() + " nodes"
}

// poolZones is the number of zones a pool's per-zone node count applies
// to: its node_locations, else the cluster's, else its zone, else the
// three zones GKE gives a regional pool.
func poolZones(a pricing.Attrs, c placement) (decimal.Decimal, string) {
	zones := c.zones
	if z, ok := a.Strings("node_locations"); ok && len(z) > 0 {
		zones = z
	}
	loc := c.location
	if l, _ := a.String("location"); l != "" {
		loc = l
	}
	if isZone(loc) && !slices.Contains(zones, loc) {
		zones = append(slices.Clone(zones), loc) // a zonal cluster's own zone is not in node_locations
	}
	if len(zones) > 0 {
		return decimal.NewFromInt(int64(len(zones))), ""
	}
	if loc == "" {
		return one, "one zone assumed"
	}
	return decimal.NewFromInt(regionalZones), "zone count assumed"
}
