package aws_test

import "testing"

var cacheBackup = usage("Backup storage", "GB", "0", "0.085", "0")

func TestElasticacheCluster(t *testing.T) {
	runModel(t, "aws_elasticache_cluster", []modelCase{
		{
			name:  "redis node",
			attrs: `{"engine": "redis", "node_type": "cache.m4.large", "num_cache_nodes": 1}`,
			want: []line{
				priced("Cache node (Redis, on-demand, cache.m4.large)", "hours", "730", "0.156", "113.88"),
				cacheBackup,
			},
		},
		{
			name:  "redis snapshots from usage",
			attrs: `{"engine": "redis", "node_type": "cache.m4.large", "num_cache_nodes": 1}`,
			usage: `{"snapshot_storage_gb": 10}`,
			want: []line{
				priced("Cache node (Redis, on-demand, cache.m4.large)", "hours", "730", "0.156", "113.88"),
				usage("Backup storage", "GB", "10", "0.085", "0.85"),
			},
		},
		{
			name:  "memcached nodes, no snapshots",
			attrs: `{"engine": "memcached", "node_type": "cache.m4.large", "num_cache_nodes": 3}`,
			want: []line{
				priced("Cache nodes (Memcached, on-demand, 3 × cache.m4.large)", "hours", "2190", "0.156", "341.64"),
			},
		},
		{
			name:    "memcached with unknown node count",
			attrs:   `{"engine": "memcached", "node_type": "cache.m4.large"}`,
			unknown: `{"num_cache_nodes": true}`,
			want: []line{
				unpriced("Cache nodes (Memcached, on-demand, cache.m4.large)", "hours", "0", "num_cache_nodes"+unknownAttr),
			},
		},
		{
			name:  "valkey has its own price",
			attrs: `{"engine": "valkey", "node_type": "cache.m4.large", "num_cache_nodes": 1}`,
			want: []line{
				unpriced("Cache node (Valkey, on-demand, cache.m4.large)", "hours", "730", "no aws-elasticache price for node/cache.m4.large/valkey in us-east-1 in the catalog"),
				cacheBackup,
			},
		},
		{
			name:    "replica in a replication group takes the group's node type",
			attrs:   `{"replication_group_id": "sessions"}`,
			unknown: `{"node_type": true, "engine": true, "num_cache_nodes": true}`,
			related: map[string]relatedResource{"replication_group_id": {attrs: `{"node_type": "cache.r5.4xlarge", "engine": "redis"}`}},
			want: []line{
				priced("Cache node (Redis, on-demand, cache.r5.4xlarge)", "hours", "730", "1.724", "1258.52"),
				cacheBackup,
			},
		},
		{
			name:    "replica whose group is not in the plan",
			attrs:   `{"replication_group_id": "sessions"}`,
			unknown: `{"node_type": true, "engine": true, "num_cache_nodes": true}`,
			want:    []line{unpriced("Cache nodes", "hours", "0", "node_type"+unknownAttr)},
		},
		{
			name:  "unknown engine",
			attrs: `{"engine": "mongodb", "node_type": "cache.m4.large", "num_cache_nodes": 1}`,
			want: []line{
				unpriced("Cache nodes (on-demand, cache.m4.large)", "hours", "0", `engine "mongodb" is not priced (priced: redis, valkey, memcached)`),
			},
		},
	})
}

func TestElasticacheReplicationGroup(t *testing.T) {
	runModel(t, "aws_elasticache_replication_group", []modelCase{
		{
			name:    "primary and replica",
			attrs:   `{"engine": "redis", "node_type": "cache.r5.4xlarge", "num_cache_clusters": 2}`,
			unknown: `{"num_node_groups": true, "replicas_per_node_group": true}`,
			want: []line{
				priced("Cache nodes (Redis, on-demand, 2 × cache.r5.4xlarge)", "hours", "1460", "1.724", "2517.04"),
				cacheBackup,
			},
		},
		{
			name:    "cluster mode: shards × (replicas + 1)",
			attrs:   `{"node_type": "cache.m4.large", "num_node_groups": 3, "replicas_per_node_group": 1}`,
			unknown: `{"num_cache_clusters": true}`,
			usage:   `{"snapshot_storage_gb": 20}`,
			want: []line{
				priced("Cache nodes (Redis, on-demand, 6 × cache.m4.large)", "hours", "4380", "0.156", "683.28"),
				usage("Backup storage", "GB", "20", "0.085", "1.7"),
			},
		},
		{
			name:    "cluster mode without replicas_per_node_group",
			attrs:   `{"node_type": "cache.m4.large", "num_node_groups": 2}`,
			unknown: `{"num_cache_clusters": true, "replicas_per_node_group": true}`,
			want: []line{
				priced("Cache nodes (Redis, on-demand, 2 × cache.m4.large, no replicas assumed)", "hours", "1460", "0.156", "227.76"),
				cacheBackup,
			},
		},
		{
			name:  "provider v4 cluster_mode block",
			attrs: `{"node_type": "cache.m4.large", "cluster_mode": [{"num_node_groups": 2, "replicas_per_node_group": 2}]}`,
			want: []line{
				priced("Cache nodes (Redis, on-demand, 6 × cache.m4.large)", "hours", "4380", "0.156", "683.28"),
				cacheBackup,
			},
		},
		{
			// In state, a group that is not sharded keeps a stale
			// replicas_per_node_group after num_cache_clusters changes.
			name:  "unsharded group counts num_cache_clusters",
			attrs: `{"engine": "redis", "node_type": "cache.m4.large", "num_cache_clusters": 3, "num_node_groups": 1, "replicas_per_node_group": 1}`,
			want: []line{
				priced("Cache nodes (Redis, on-demand, 3 × cache.m4.large)", "hours", "2190", "0.156", "341.64"),
				cacheBackup,
			},
		},
		{
			name:    "nothing configured: one node",
			attrs:   `{"node_type": "cache.m4.large"}`,
			unknown: `{"num_cache_clusters": true, "num_node_groups": true, "replicas_per_node_group": true}`,
			want: []line{
				priced("Cache node (Redis, on-demand, cache.m4.large, 1 node assumed)", "hours", "730", "0.156", "113.88"),
				cacheBackup,
			},
		},
		{
			name:    "unknown node type",
			attrs:   `{"num_cache_clusters": 2}`,
			unknown: `{"node_type": true}`,
			want:    []line{unpriced("Cache nodes", "hours", "0", "node_type"+unknownAttr)},
		},
	})
}
