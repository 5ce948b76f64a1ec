package aws

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

const elasticacheService = "aws-elasticache"

var elasticacheUsage = []pricing.UsageKey{
	{Name: "snapshot_storage_gb", Description: "Redis/Valkey snapshot storage beyond the one free snapshot per cluster, in GB"},
}

var elasticacheClusterModel = pricing.Model{
	Type:  "aws_elasticache_cluster",
	Usage: elasticacheUsage,
	Price: priceElasticacheCluster,
}

func priceElasticacheCluster(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	// A cluster in a replication group is one more replica node; it takes
	// its node type and engine from the group, which are computed here.
	group, inGroup := r.Follow("replication_group_id")
	inGroup = inGroup || a.Has("replication_group_id") || a.Unknown("replication_group_id")
	attr := func(name string) (string, string) {
		v, why := a.NeedString(name)
		if why != "" && inGroup && group.Attrs.Has(name) {
			return group.Attrs.NeedString(name)
		}
		return v, why
	}
	nodeType, why := attr("node_type")
	if why != "" {
		return []pricing.Component{pricing.Unpriced("Cache nodes", "hours", why)}
	}
	engine, why := attr("engine")
	if why != "" && inGroup {
		engine, why = "redis", "" // replication groups run Redis unless they say otherwise
	}
	if why != "" {
		return []pricing.Component{pricing.Unpriced(pricing.Qualified("Cache nodes", "on-demand", nodeType), "hours", why)}
	}
	nodes := one
	if engine == "memcached" && !inGroup {
		// Redis and Valkey clusters have exactly one node.
		n, why := a.NeedDecimal("num_cache_nodes")
		if why != "" {
			return []pricing.Component{pricing.Unpriced(pricing.Qualified("Cache nodes", "Memcached", "on-demand", nodeType), "hours", why)}
		}
		nodes = n
	}
	return elasticacheNodes(p, engine, nodeType, nodes, "")
}

var elasticacheReplicationGroupModel = pricing.Model{
	Type:  "aws_elasticache_replication_group",
	Usage: elasticacheUsage,
	Price: priceElasticacheReplicationGroup,
}

func priceElasticacheReplicationGroup(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	nodeType, why := a.NeedString("node_type")
	if why != "" {
		return []pricing.Component{pricing.Unpriced("Cache nodes", "hours", why)}
	}
	engine := a.StringOr("engine", "redis")
	nodes, assumed := replicationGroupNodes(a)
	return elasticacheNodes(p, engine, nodeType, nodes, assumed)
}

// replicationGroupNodes counts a group's nodes. Sharded groups (cluster
// mode) have num_node_groups × (replicas_per_node_group + 1) nodes;
// others have num_cache_clusters. The attributes not configured are
// computed, so the count falls back to AWS's defaults (no replicas, one
// node) and says so.
func replicationGroupNodes(a pricing.Attrs) (decimal.Decimal, string) {
	groups, replicas := decimal.Zero, decimal.Zero
	replicasKnown := false
	if g, ok := a.Decimal("num_node_groups"); ok {
		groups = g
		replicas, replicasKnown = a.Decimal("replicas_per_node_group")
	} else if cm, ok := a.Block("cluster_mode"); ok { // provider v4 and older
		groups, _ = cm.Decimal("num_node_groups")
		replicas, replicasKnown = cm.Decimal("replicas_per_node_group")
	}
	sharded := groups.GreaterThan(one)
	if !sharded {
		for _, attr := range []string{"num_cache_clusters", "number_cache_clusters"} {
			if n, ok := a.Decimal(attr); ok {
				return n, ""
			}
		}
	}
	if groups.IsPositive() {
		n := groups.Mul(replicas.Add(one))
		if !replicasKnown {
			return n, "no replicas assumed"
		}
		return n, ""
	}
	return one, "1 node assumed"
}

func elasticacheNodes(p pricing.Pricer, engine, nodeType string, nodes decimal.Decimal, assumed string) []pricing.Component {
	display, key := "", "node/"+nodeType
	switch engine {
	case "redis":
		display = "Redis"
	case "memcached":
		display = "Memcached"
	case "valkey":
		// Valkey nodes cost less than Redis OSS and Memcached nodes.
		display, key = "Valkey", key+"/valkey"
	default:
		return []pricing.Component{pricing.Unpriced(pricing.Qualified("Cache nodes", "on-demand", nodeType), "hours", fmt.Sprintf("engine %q is not priced (priced: redis, valkey, memcached)", engine))}
	}
	what, size := "Cache node", nodeType
	if !nodes.Equal(one) {
		what, size = "Cache nodes", nodes.String()+" × "+nodeType
	}
	comps := []pricing.Component{p.Hourly(pricing.Qualified(what, display, "on-demand", size, assumed), nodes, elasticacheService, key)}
	if engine != "memcached" { // Memcached keeps no snapshots
		comps = append(comps, p.UsageComponent("Backup storage", "GB", "snapshot_storage_gb", elasticacheService, "backup"))
	}
	return comps
}
