package aws_test

import "testing"

const (
	folded      = "Oracle, SQL Server and Db2 prices fold editions and licence models into one price: indicative only"
	noCredits   = "0"
	unknownAttr = " is known only after apply"
)

var euBackup = unpricedUsage("Additional backup storage", "GB", "0", "no aws-rds price for backup in eu-west-1 in the catalog (priced in us-east-1)")

func TestDBInstance(t *testing.T) {
	credits := func(q, price, cost string) line { return usage("CPU credits", "vCPU-hours", q, price, cost) }
	backup := func(q, cost string) line { return usage("Additional backup storage", "GB", q, "0.095", cost) }
	runModel(t, "aws_db_instance", []modelCase{
		{
			Name:  "postgres single-AZ gp2",
			Attrs: `{"instance_class": "db.t3.micro", "engine": "postgres", "multi_az": false, "storage_type": "gp2", "allocated_storage": 20}`,
			Want: []line{
				priced("Database instance (PostgreSQL, on-demand, Single-AZ, db.t3.micro)", "hours", "730", "0.018", "13.14"),
				priced("Storage (general purpose SSD, gp2)", "GB", "20", "0.115", "2.3"),
				credits(noCredits, "0.075", "0"),
				backup("0", "0"),
			},
		},
		{
			Name:    "computed storage_type and multi_az take AWS defaults, usage given",
			Attrs:   `{"instance_class": "db.t3.micro", "engine": "postgres", "allocated_storage": 20}`,
			Unknown: `{"storage_type": true, "multi_az": true}`,
			Usage:   `{"additional_backup_storage_gb": 100, "monthly_cpu_credit_hrs": 50}`,
			Want: []line{
				priced("Database instance (PostgreSQL, on-demand, Single-AZ assumed, db.t3.micro)", "hours", "730", "0.018", "13.14"),
				priced("Storage (general purpose SSD, gp2 assumed)", "GB", "20", "0.115", "2.3"),
				credits("50", "0.075", "3.75"),
				backup("100", "9.5"),
			},
		},
		{
			// 0.136 × 2 = 0.272, the Multi-AZ price infracost printed for db.t3.large.
			Name:  "multi-AZ without its own price doubles Single-AZ",
			Attrs: `{"instance_class": "db.t3.large", "engine": "mysql", "multi_az": true, "storage_type": "gp2", "allocated_storage": 100}`,
			Want: []line{
				priced("Database instance (MySQL, on-demand, Multi-AZ, 2 × Single-AZ, db.t3.large)", "hours", "730", "0.272", "198.56"),
				priced("Storage (general purpose SSD, gp2, Multi-AZ)", "GB", "100", "0.23", "23"),
				credits(noCredits, "0.075", "0"),
				backup("0", "0"),
			},
		},
		{
			Name:  "multi-AZ price from the catalog, gp3 storage doubled",
			Attrs: `{"instance_class": "db.t4g.small", "engine": "mysql", "multi_az": true, "storage_type": "gp3", "allocated_storage": 50}`,
			Want: []line{
				priced("Database instance (MySQL, on-demand, Multi-AZ, db.t4g.small)", "hours", "730", "0.065", "47.45"),
				priced("Storage (general purpose SSD, gp3, Multi-AZ, 2 × Single-AZ)", "GB", "50", "0.23", "11.5"),
				credits(noCredits, "0.075", "0"),
				backup("0", "0"),
			},
		},
		{
			Name:  "licence-included multi-AZ is not derived",
			Attrs: `{"instance_class": "db.m5.large", "engine": "oracle-se2", "multi_az": true, "storage_type": "gp2", "allocated_storage": 100}`,
			Want: []line{
				unpriced("Database instance (Oracle, on-demand, Multi-AZ, db.m5.large)", "hours", "730",
					"no aws-rds price for instance/db.m5.large/oracle/multi-az in us-east-1 in the catalog; Multi-AZ hours of licence-included engines are not twice Single-AZ, so they are not derived"),
				priced("Storage (general purpose SSD, gp2, Multi-AZ)", "GB", "100", "0.23", "23"),
				backup("0", "0"),
			},
		},
		{
			Name:  "oracle single-AZ is indicative",
			Attrs: `{"instance_class": "db.m5.large", "engine": "oracle-ee", "multi_az": false, "storage_type": "gp2", "allocated_storage": 100}`,
			Want: []line{
				{Name: "Database instance (Oracle, on-demand, Single-AZ, db.m5.large)", Unit: "hours", Quantity: "730", UnitPrice: "0.205", MonthlyCost: "149.65", Approximation: folded},
				priced("Storage (general purpose SSD, gp2)", "GB", "100", "0.115", "11.5"),
				backup("0", "0"),
			},
		},
		{
			Name:  "io1 with provisioned IOPS",
			Attrs: `{"instance_class": "db.m5.large", "engine": "mysql", "multi_az": false, "storage_type": "io1", "allocated_storage": 100, "iops": 1000}`,
			Want: []line{
				priced("Database instance (MySQL, on-demand, Single-AZ, db.m5.large)", "hours", "730", "0.171", "124.83"),
				priced("Storage (provisioned IOPS SSD, io1)", "GB", "100", "0.125", "12.5"),
				priced("Provisioned IOPS (io1)", "IOPS", "1000", "0.1", "100"),
				backup("0", "0"),
			},
		},
		{
			Name:    "iops without storage_type means io1",
			Attrs:   `{"instance_class": "db.m5.large", "engine": "mysql", "multi_az": false, "allocated_storage": 100, "iops": 1000}`,
			Unknown: `{"storage_type": true}`,
			Want: []line{
				priced("Database instance (MySQL, on-demand, Single-AZ, db.m5.large)", "hours", "730", "0.171", "124.83"),
				priced("Storage (provisioned IOPS SSD, io1 assumed)", "GB", "100", "0.125", "12.5"),
				priced("Provisioned IOPS (io1)", "IOPS", "1000", "0.1", "100"),
				backup("0", "0"),
			},
		},
		{
			Name:    "io1 with unknown iops",
			Region:  "eu-west-1",
			Attrs:   `{"instance_class": "db.m5.large", "engine": "postgres", "multi_az": false, "storage_type": "io1", "allocated_storage": 100}`,
			Unknown: `{"iops": true}`,
			Want: []line{
				priced("Database instance (PostgreSQL, on-demand, Single-AZ, db.m5.large)", "hours", "730", "0.197", "143.81"),
				priced("Storage (provisioned IOPS SSD, io1)", "GB", "100", "0.138", "13.8"),
				unpriced("Provisioned IOPS (io1)", "IOPS", "0", "iops"+unknownAttr),
				euBackup,
			},
		},
		{
			// From 400 GB gp3 includes 12,000 IOPS and 500 MiB/s; Multi-AZ
			// prices from terracost's EU-RDS:Multi-AZ-GP3-* rows.
			Name:   "gp3 above the striped baseline, multi-AZ",
			Region: "eu-west-1",
			Attrs: `{"instance_class": "db.m5.large", "engine": "postgres", "multi_az": true, "storage_type": "gp3",
				"allocated_storage": 500, "iops": 15000, "storage_throughput": 600}`,
			Want: []line{
				priced("Database instance (PostgreSQL, on-demand, Multi-AZ, 2 × Single-AZ, db.m5.large)", "hours", "730", "0.394", "287.62"),
				priced("Storage (general purpose SSD, gp3, Multi-AZ)", "GB", "500", "0.254", "127"),
				priced("Provisioned IOPS (gp3, above the 12,000 included, Multi-AZ)", "IOPS", "3000", "0.044", "132"),
				priced("Provisioned throughput (gp3, above the 500 MiBps included, Multi-AZ)", "MiBps", "100", "0.177", "17.7"),
				euBackup,
			},
		},
		{
			Name:    "gp3 below 400 GB includes 3,000 IOPS; computed throughput is the baseline",
			Region:  "eu-west-1",
			Attrs:   `{"instance_class": "db.m5.large", "engine": "postgres", "multi_az": false, "storage_type": "gp3", "allocated_storage": 200, "iops": 4000}`,
			Unknown: `{"storage_throughput": true}`,
			Want: []line{
				priced("Database instance (PostgreSQL, on-demand, Single-AZ, db.m5.large)", "hours", "730", "0.197", "143.81"),
				priced("Storage (general purpose SSD, gp3)", "GB", "200", "0.127", "25.4"),
				priced("Provisioned IOPS (gp3, above the 3,000 included)", "IOPS", "1000", "0.022", "22"),
				euBackup,
			},
		},
		{
			Name:  "oracle gp3 stripes from 200 GB",
			Attrs: `{"instance_class": "db.m5.large", "engine": "oracle-se2", "multi_az": false, "storage_type": "gp3", "allocated_storage": 250, "iops": 13000}`,
			Want: []line{
				{Name: "Database instance (Oracle, on-demand, Single-AZ, db.m5.large)", Unit: "hours", Quantity: "730", UnitPrice: "0.205", MonthlyCost: "149.65", Approximation: folded},
				priced("Storage (general purpose SSD, gp3)", "GB", "250", "0.115", "28.75"),
				priced("Provisioned IOPS (gp3, above the 12,000 included)", "IOPS", "1000", "0.02", "20"),
				backup("0", "0"),
			},
		},
		{
			Name:  "sql server gp3 never stripes",
			Attrs: `{"instance_class": "db.m5.large", "engine": "sqlserver-se", "multi_az": false, "storage_type": "gp3", "allocated_storage": 500, "iops": 4000}`,
			Want: []line{
				unpriced("Database instance (SQL Server, on-demand, Single-AZ, db.m5.large)", "hours", "730", "no aws-rds price for instance/db.m5.large/sqlserver in us-east-1 in the catalog"),
				priced("Storage (general purpose SSD, gp3)", "GB", "500", "0.115", "57.5"),
				priced("Provisioned IOPS (gp3, above the 3,000 included)", "IOPS", "1000", "0.02", "20"),
				backup("0", "0"),
			},
		},
		{
			Name:  "magnetic storage with I/O requests",
			Attrs: `{"instance_class": "db.t3.large", "engine": "mysql", "multi_az": false, "storage_type": "standard", "allocated_storage": 100}`,
			Usage: `{"monthly_standard_io_requests": 5000000}`,
			Want: []line{
				priced("Database instance (MySQL, on-demand, Single-AZ, db.t3.large)", "hours", "730", "0.136", "99.28"),
				priced("Storage (magnetic)", "GB", "100", "0.1", "10"),
				usage("I/O requests", "1M requests", "5", "0.1", "0.5"),
				credits(noCredits, "0.075", "0"),
				backup("0", "0"),
			},
		},
		{
			Name:    "read replica: engine and storage known only after apply",
			Attrs:   `{"instance_class": "db.t3.micro", "replicate_source_db": "main"}`,
			Unknown: `{"engine": true, "allocated_storage": true, "storage_type": true, "multi_az": true}`,
			Want: []line{
				unpriced("Database instance (on-demand, db.t3.micro)", "hours", "730", "engine"+unknownAttr),
				unpriced("Storage (general purpose SSD, gp2 assumed)", "GB", "0", "allocated_storage"+unknownAttr),
				credits(noCredits, "0.075", "0"),
				backup("0", "0"),
			},
		},
		{
			Name:    "unknown instance class",
			Attrs:   `{"engine": "postgres", "multi_az": false, "storage_type": "gp2", "allocated_storage": 20}`,
			Unknown: `{"instance_class": true}`,
			Want: []line{
				unpriced("Database instance", "hours", "0", "instance_class"+unknownAttr),
				priced("Storage (general purpose SSD, gp2)", "GB", "20", "0.115", "2.3"),
				backup("0", "0"),
			},
		},
		{
			Name:  "RDS Custom engine",
			Attrs: `{"instance_class": "db.m5.large", "engine": "custom-oracle-ee", "multi_az": false, "storage_type": "gp2", "allocated_storage": 40}`,
			Want: []line{
				unpriced("Database instance (on-demand, db.m5.large)", "hours", "730",
					`engine "custom-oracle-ee" is not priced (priced: mysql, postgres, mariadb, aurora-mysql, aurora-postgresql, oracle-*, sqlserver-*, db2-*)`),
				priced("Storage (general purpose SSD, gp2)", "GB", "40", "0.115", "4.6"),
				backup("0", "0"),
			},
		},
		{
			Name:  "unknown storage type",
			Attrs: `{"instance_class": "db.m5.large", "engine": "mysql", "multi_az": false, "storage_type": "st1", "allocated_storage": 40}`,
			Want: []line{
				priced("Database instance (MySQL, on-demand, Single-AZ, db.m5.large)", "hours", "730", "0.171", "124.83"),
				unpriced("Storage", "GB", "0", `storage_type "st1" is not priced`),
				backup("0", "0"),
			},
		},
		{
			Name:  "instance class not offered in the region",
			Attrs: `{"instance_class": "db.m5.large", "engine": "mariadb", "multi_az": false, "storage_type": "gp2", "allocated_storage": 20}`,
			Want: []line{
				unpriced("Database instance (MariaDB, on-demand, Single-AZ, db.m5.large)", "hours", "730", "no aws-rds price for instance/db.m5.large/mariadb in us-east-1 in the catalog"),
				priced("Storage (general purpose SSD, gp2)", "GB", "20", "0.115", "2.3"),
				backup("0", "0"),
			},
		},
		{
			Name:  "aurora engine: storage is billed by the cluster",
			Attrs: `{"instance_class": "db.r6g.large", "engine": "aurora-mysql"}`,
			Want: []line{
				priced("Database instance (Aurora MySQL, on-demand, db.r6g.large)", "hours", "730", "0.26", "189.8"),
			},
		},
	})
}

func TestRDSClusterInstance(t *testing.T) {
	runModel(t, "aws_rds_cluster_instance", []modelCase{
		{
			Name:   "aurora postgresql",
			Region: "eu-west-1",
			Attrs:  `{"instance_class": "db.r6g.large", "engine": "aurora-postgresql"}`,
			Want: []line{
				priced("Database instance (Aurora PostgreSQL, on-demand, db.r6g.large)", "hours", "730", "0.286", "208.78"),
			},
		},
		{
			Name:  "legacy aurora engine name is Aurora MySQL",
			Attrs: `{"instance_class": "db.r6g.large", "engine": "aurora"}`,
			Want: []line{
				priced("Database instance (Aurora MySQL, on-demand, db.r6g.large)", "hours", "730", "0.26", "189.8"),
			},
		},
		{
			Name:  "serverless v2 with usage",
			Attrs: `{"instance_class": "db.serverless", "engine": "aurora-mysql"}`,
			Usage: `{"average_acus": 4}`,
			Want: []line{
				usage("Aurora Serverless v2 (Aurora MySQL)", "ACU-hours", "2920", "0.12", "350.4"),
			},
		},
		{
			Name:  "serverless v2 without usage",
			Attrs: `{"instance_class": "db.serverless", "engine": "aurora-mysql"}`,
			Want: []line{
				usage("Aurora Serverless v2 (Aurora MySQL)", "ACU-hours", "0", "0.12", "0"),
			},
		},
		{
			Name:  "burstable class bills CPU credits",
			Attrs: `{"instance_class": "db.t4g.medium", "engine": "aurora-mysql"}`,
			Usage: `{"monthly_cpu_credit_hrs": 10}`,
			Want: []line{
				unpriced("Database instance (Aurora MySQL, on-demand, db.t4g.medium)", "hours", "730", "no aws-rds price for instance/db.t4g.medium/aurora-mysql in us-east-1 in the catalog"),
				usage("CPU credits", "vCPU-hours", "10", "0.09", "0.9"),
			},
		},
		{
			Name:    "unknown instance class",
			Attrs:   `{"engine": "aurora-mysql"}`,
			Unknown: `{"instance_class": true}`,
			Want:    []line{unpriced("Database instance", "hours", "0", "instance_class"+unknownAttr)},
		},
		{
			Name:    "unknown engine",
			Attrs:   `{"instance_class": "db.r6g.large"}`,
			Unknown: `{"engine": true}`,
			Want:    []line{unpriced("Database instance (on-demand, db.r6g.large)", "hours", "730", "engine"+unknownAttr)},
		},
	})
}

func TestRDSCluster(t *testing.T) {
	backup := func(q, cost string) line { return usage("Additional backup storage", "GB", q, "0.021", cost) }
	runModel(t, "aws_rds_cluster", []modelCase{
		{
			Name:    "aurora standard with usage",
			Attrs:   `{"engine": "aurora-mysql", "engine_mode": "provisioned"}`,
			Unknown: `{"storage_type": true}`,
			Usage:   `{"storage_gb": 100, "monthly_io_requests": 10000000, "additional_backup_storage_gb": 50}`,
			Want: []line{
				usage("Storage (Aurora Standard assumed)", "GB", "100", "0.1", "10"),
				usage("I/O requests", "1M requests", "10", "0.2", "2"),
				backup("50", "1.05"),
			},
		},
		{
			Name:  "aurora standard without usage",
			Attrs: `{"engine": "aurora-postgresql", "storage_type": "aurora"}`,
			Want: []line{
				usage("Storage (Aurora Standard)", "GB", "0", "0.1", "0"),
				usage("I/O requests", "1M requests", "0", "0.2", "0"),
				backup("0", "0"),
			},
		},
		{
			Name:  "I/O-Optimized has no I/O charge",
			Attrs: `{"engine": "aurora-postgresql", "storage_type": "aurora-iopt1"}`,
			Usage: `{"storage_gb": 100, "monthly_io_requests": 10000000}`,
			Want: []line{
				usage("Storage (Aurora I/O-Optimized)", "GB", "100", "0.23", "23"),
				backup("0", "0"),
			},
		},
		{
			Name:  "serverless v1 capacity is not priced",
			Attrs: `{"engine": "aurora-mysql", "engine_mode": "serverless", "storage_type": ""}`,
			Want: []line{
				unpriced("Aurora capacity (serverless)", "ACU-hours", "0", `engine_mode "serverless" is not priced`),
				usage("Storage (Aurora Standard)", "GB", "0", "0.1", "0"),
				usage("I/O requests", "1M requests", "0", "0.2", "0"),
				backup("0", "0"),
			},
		},
		{
			Name:  "Multi-AZ DB cluster",
			Attrs: `{"engine": "postgres", "db_cluster_instance_class": "db.m5d.large"}`,
			Want: []line{
				unpriced("Multi-AZ DB cluster (PostgreSQL)", "hours", "0", "Multi-AZ DB clusters (engine postgres) are not priced"),
			},
		},
		{
			Name:    "unknown engine",
			Unknown: `{"engine": true}`,
			Attrs:   `{}`,
			Want:    []line{unpriced("Cluster storage", "GB", "0", "engine"+unknownAttr)},
		},
	})
}
