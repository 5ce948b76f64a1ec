package gcp_test

import "testing"

func TestSQLInstance(t *testing.T) {
	runModel(t, "google_sql_database_instance", []modelCase{
		{
			Name:  "custom tier, zonal",
			Attrs: `{"database_version": "POSTGRES_15", "region": "us-central1", "settings": [{"tier": "db-custom-2-7680", "disk_size": 100, "disk_type": "PD_SSD", "availability_type": "ZONAL"}]}`,
			Want: []line{
				priced("vCPUs (db-custom-2-7680)", "vCPU-hours", "1460", "0.0413", "60.298"),
				priced("Memory (db-custom-2-7680)", "GB-hours", "5475", "0.007", "38.325"),
				priced("Storage (SSD)", "GB-months", "100", "0.17", "17"),
			},
		},
		{
			Name:  "regional: a standby doubles everything",
			Attrs: `{"database_version": "POSTGRES_15", "settings": [{"tier": "db-custom-2-7680", "disk_size": 100, "availability_type": "REGIONAL"}]}`,
			Want: []line{
				priced("vCPUs (db-custom-2-7680, regional, two instances)", "vCPU-hours", "2920", "0.0413", "120.596"),
				priced("Memory (db-custom-2-7680, regional, two instances)", "GB-hours", "10950", "0.007", "76.65"),
				priced("Storage (SSD, regional, two copies)", "GB-months", "200", "0.17", "34"),
			},
		},
		{
			Name:  "shared-core tier, default storage",
			Attrs: `{"database_version": "MYSQL_8_0", "settings": [{"tier": "db-f1-micro"}]}`,
			Want: []line{
				priced("Instance (db-f1-micro)", "hours", "730", "0.0105", "7.665"),
				priced("Storage (SSD, size assumed)", "GB-months", "10", "0.17", "1.7"),
			},
		},
		{
			Name:  "legacy db-n1 tier: 3.75 GB per vCPU",
			Attrs: `{"database_version": "MYSQL_5_7", "settings": [{"tier": "db-n1-standard-2", "disk_size": 10}]}`,
			Want: []line{
				priced("vCPUs (db-n1-standard-2)", "vCPU-hours", "1460", "0.0413", "60.298"),
				priced("Memory (db-n1-standard-2)", "GB-hours", "5475", "0.007", "38.325"),
				priced("Storage (SSD)", "GB-months", "10", "0.17", "1.7"),
			},
		},
		{
			Name:  "HDD storage",
			Attrs: `{"database_version": "POSTGRES_14", "settings": [{"tier": "db-custom-1-3840", "disk_size": 500, "disk_type": "PD_HDD"}]}`,
			Want: []line{
				priced("vCPUs (db-custom-1-3840)", "vCPU-hours", "730", "0.0413", "30.149"),
				priced("Memory (db-custom-1-3840)", "GB-hours", "2737.5", "0.007", "19.1625"),
				priced("Storage (HDD)", "GB-months", "500", "0.09", "45"),
			},
		},
		{
			Name:  "SQL Server licence",
			Attrs: `{"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"tier": "db-custom-2-7680", "disk_size": 10}]}`,
			Want: []line{
				priced("vCPUs (db-custom-2-7680)", "vCPU-hours", "1460", "0.0413", "60.298"),
				priced("Memory (db-custom-2-7680)", "GB-hours", "5475", "0.007", "38.325"),
				priced("Storage (SSD)", "GB-months", "10", "0.17", "1.7"),
				unpriced("SQL Server licence", "hours", "730", "SQL Server licence fees are not in the catalog"),
			},
		},
		{
			Name:  "Enterprise Plus",
			Attrs: `{"database_version": "MYSQL_8_0", "settings": [{"tier": "db-perf-optimized-N-2", "edition": "ENTERPRISE_PLUS", "disk_size": 10}]}`,
			Want: []line{
				unpriced("Instance (db-perf-optimized-N-2)", "hours", "730", "Enterprise Plus edition prices are not in the catalog"),
				unpriced("Storage (SSD)", "GB-months", "10", "Enterprise Plus edition prices are not in the catalog"),
			},
		},
		{
			Name:  "unknown tier",
			Attrs: `{"database_version": "MYSQL_8_0", "settings": [{"tier": "db-m9-huge", "disk_size": 10}]}`,
			Want: []line{
				unpriced("Instance (db-m9-huge)", "hours", "730", "tier db-m9-huge is not a shared-core, db-custom or db-n1 tier"),
				priced("Storage (SSD)", "GB-months", "10", "0.17", "1.7"),
			},
		},
		{
			Name:    "version and tier known only after apply",
			Attrs:   `{"settings": [{"disk_size": 10}]}`,
			Unknown: `{"database_version": true, "settings": [{"tier": true}]}`,
			Want: []line{
				unpriced("Instance", "hours", "730", "database_version is known only after apply"),
				unpriced("Storage (SSD)", "GB-months", "10", "database_version is known only after apply"),
			},
		},
	})
}
