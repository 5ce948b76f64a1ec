package aws_test

import "testing"

var cacheBackup = usage("Backup storage", "GB", "0", "0.085", "0")

func TestElasticacheCluster(t *testing.T) {
	runModel(t, "aws_elasticache_cluster", []modelCase{
		{
			Name:  "redis node",
			Attrs: `{"engine": "redis", "node_type": "cache.m4.large", "num_cache_nodes": 1}`,
			Want: []line{
				priced("Cache node (Redis, on-demand, cache.m4.large)", "hours", "730", "0.156", "113.88"),
				cacheBackup,
			},
		},
		{
			Name:  "redis snapshots from usage",
			Attrs: `{"engine": "redis", "node_type": "cache.m4.large", "num_cache_nodes": 1}`,
			Usage: `{"snapshot_storage_gb": 10}`,
			Want: []line{
				priced("Cache node (Redis, on-demand, cache.m4.large)", "hours", "730", "0.156", "113.88"),
				usage("Backup storage", "GB", "10", "0.085", "0.85"),
			},
		},
		{
			Name:  "memcached nodes, no snapshots",
			Attrs: `{"engine": "memcached", "node_type": "cache.m4.large", "num_cache_nodes": 3}`,
			Want: []line{
				priced("Cache nodes (Memcached, on-demand, 3 × cache.m4.large)", "hours", "2190", "0.156", "341.64"),
			},
		},
		{
			Name:    "memcached with unknown node count",
			Attrs:   `{"engine": "memcached", "node_type": "cache.m4.large"}`,
			Unknown: `{"num_cache_nodes": true}`,
			Want: []line{
				unpriced("Cache nodes (Memcached, on-demand, cache.m4.large)", "hours", "0", "num_cache_nodes"+unknownAttr),
			},
		},
		{
			Name:  "valkey has its own price",
			Attrs: `{"engine": "valkey", "node_type": "cache.m4.large", "num_cache_nodes": 1}`,
			Want: []line{
				unpriced("Cache node (Valkey, on-demand, cache.m4.large)", "hours", "730", "no aws-elasticache price for node/cache.m4.large/valkey in us-east-1 in the catalog"),
				cacheBackup,
			},
		},
		{
			Name:    "replica in a replication group takes the group's node type",
			Attrs:   `{"replication_group_id": "sessions"}`,
			Unknown: `{"node_type": true, "engine": true, "num_cache_nodes": true}`,
			Related: map[string]relatedResource{"replication_group_id": {Attrs: `{"node_type": "cache.r5.4xlarge", "engine": "redis"}`}},
			Want: []line{
				priced("Cache node (Redis, on-demand, cache.r5.4xlarge)", "hours", "730", "1.724", "1258.52"),
				cacheBackup,
			},
		},
		{
			Name:    "replica whose group is not in the plan",
			Attrs:   `{"replication_group_id": "sessions"}`,
			Unknown: `{"node_type": true, "engine": true, "num_cache_nodes": true}`,
			Want:    []line{unpriced("Cache nodes", "hours", "0", "node_type"+unknownAttr)},
		},
		{
			Name:  "unknown engine",
			Attrs: `{"engine": "mongodb", "node_type": "cache.m4.large", "num_cache_nodes": 1}`,
			Want: []line{
				unpriced("Cache nodes (on-demand, cache.m4.large)", "hours", "0", `engine "mongodb" is not priced (priced: redis, valkey, memcached)`),
			},
		},
	})
}

func TestElasticacheReplicationGroup(t *testing.T) {
	runModel(t, "aws_elasticache_replication_group", []modelCase{
		{
			Name:    "primary and replica",
			Attrs:   `{"engine": "redis", "node_type": "cache.r5.4xlarge", "num_cache_clusters": 2}`,
			Unknown: `{"num_node_groups": true, "replicas_per_node_group": true}`,
			Want: []line{
				priced("Cache nodes (Redis, on-demand, 2 × cache.r5.4xlarge)", "hours", "1460", "1.724", "2517.04"),
				cacheBackup,
			},
		},
		{
			Name:    "cluster mode: shards × (replicas + 1)",
			Attrs:   `{"node_type": "cache.m4.large", "num_node_groups": 3, "replicas_per_node_group": 1}`,
			Unknown: `{"num_cache_clusters": true}`,
			Usage:   `{"snapshot_storage_gb": 20}`,
			Want: []line{
				priced("Cache nodes (Redis, on-demand, 6 × cache.m4.large)", "hours", "4380", "0.156", "683.28"),
				usage("Backup storage", "GB", "20", "0.085", "1.7"),
			},
		},
		{
			Name:    "cluster mode without replicas_per_node_group",
			Attrs:   `{"node_type": "cache.m4.large", "num_node_groups": 2}`,
			Unknown: `{"num_cache_clusters": true, "replicas_per_node_group": true}`,
			Want: []line{
				priced("Cache nodes (Redis, on-demand, 2 × cache.m4.large, no replicas assumed)", "hours", "1460", "0.156", "227.76"),
				cacheBackup,
			},
		},
		{
			Name:  "provider v4 cluster_mode block",
			Attrs: `{"node_type": "cache.m4.large", "cluster_mode": [{"num_node_groups": 2, "replicas_per_node_group": 2}]}`,
			Want: []line{
				priced("Cache nodes (Redis, on-demand, 6 × cache.m4.large)", "hours", "4380", "0.156", "683.28"),
				cacheBackup,
			},
		},
		{
			// In state, a group that is not sharded keeps a stale
			// replicas_per_node_group after num_cache_clusters changes.
			Name:  "unsharded group counts num_cache_clusters",
			Attrs: `{"engine": "redis", "node_type": "cache.m4.large", "num_cache_clusters": 3, "num_node_groups": 1, "replicas_per_node_group": 1}`,
			Want: []line{
				priced("Cache nodes (Redis, on-demand, 3 × cache.m4.large)", "hours", "2190", "0.156", "341.64"),
				cacheBackup,
			},
		},
		{
			Name:    "nothing configured: one node",
			Attrs:   `{"node_type": "cache.m4.large"}`,
			Unknown: `{"num_cache_clusters": true, "num_node_groups": true, "replicas_per_node_group": true}`,
			Want: []line{
				priced("Cache node (Redis, on-demand, cache.m4.large, 1 node assumed)", "hours", "730", "0.156", "113.88"),
				cacheBackup,
			},
		},
		{
			Name:    "unknown node type",
			Attrs:   `{"num_cache_clusters": 2}`,
			Unknown: `{"node_type": true}`,
			Want:    []line{unpriced("Cache nodes", "hours", "0", "node_type"+unknownAttr)},
		},
	})
}
