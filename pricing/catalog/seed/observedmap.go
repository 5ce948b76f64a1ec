package seed

// observation maps a catalog key to the rows of the observed-prices file
// (aws/infracost_prices_unique.tsv) it is read from: the cost component
// of the listed resource types, in the file's unit. All matching rows of
// a region must agree (agree); derived prices snap to the shortest
// decimal their rounding allows.
//
// Where one component carries several prices (storage classes, Single-
// vs Multi-AZ, IOPS of different volume types), Pick names the price
// meant and Why cites the test output that shows it; a pick holds for
// us-east-1, the region it was reviewed on, only. A key with no
// justifiable row is left out, so it shows as unpriced, never guessed.
type observation struct {
	Service, Key, Unit string   // the catalog side
	From               []string // resource_type
	Component          string   // cost_component
	FileUnit           string   // the file's unit column, checked
	Conv               conv     // file unit -> key unit
	Tests              string   // if set, only rows from this test
	Pick               string   // the one price meant, when rows differ
	Why                string   // the evidence for Pick
}

var (
	ebsFrom      = []string{"aws_ebs_volume", "aws_instance", "aws_autoscaling_group", "aws_eks_node_group"}
	instanceFrom = []string{"aws_instance", "aws_autoscaling_group", "aws_eks_node_group"}
	lbFrom       = []string{"aws_lb", "aws_alb"}
	fargateFrom  = []string{"aws_ecs_service", "aws_eks_fargate_profile"}
	s3From       = []string{"aws_s3_bucket"}
	dynamoFrom   = []string{"aws_dynamodb_table"}
	lambdaFrom   = []string{"aws_lambda_function"}
)

// observations is the reviewed mapping. Each Why was checked against the
// named infracost golden file (internal/providers/terraform/aws/testdata).
var observations = []observation{
	// aws-ec2
	{Service: "aws-ec2", Key: "cpu-credit/t2/linux", Unit: "vCPU-hours", From: []string{"aws_instance"}, Component: "CPU credits", FileUnit: "vCPU-hours", Conv: same, Tests: "instance_test"},
	{Service: "aws-ec2", Key: "cpu-credit/t3/linux", Unit: "vCPU-hours", From: []string{"aws_instance"}, Component: "CPU credits", FileUnit: "vCPU-hours", Conv: same, Tests: "instance_test"},
	{Service: "aws-ec2", Key: "ebs-optimized/r3.xlarge", Unit: "hours", From: []string{"aws_instance"}, Component: "EBS-optimized usage", FileUnit: "hours", Conv: same, Tests: "instance_test"},

	// aws-ebs
	{Service: "aws-ebs", Key: "storage/gp2", Unit: "GB-months", From: ebsFrom, Component: "Storage (general purpose SSD, gp2)", FileUnit: "GB", Conv: same},
	{Service: "aws-ebs", Key: "storage/gp3", Unit: "GB-months", From: ebsFrom, Component: "Storage (general purpose SSD, gp3)", FileUnit: "GB", Conv: same},
	{Service: "aws-ebs", Key: "storage/io1", Unit: "GB-months", From: ebsFrom, Component: "Storage (provisioned IOPS SSD, io1)", FileUnit: "GB", Conv: same},
	{Service: "aws-ebs", Key: "storage/io2", Unit: "GB-months", From: ebsFrom, Component: "Storage (provisioned IOPS SSD, io2)", FileUnit: "GB", Conv: same},
	{Service: "aws-ebs", Key: "storage/st1", Unit: "GB-months", From: ebsFrom, Component: "Storage (throughput optimized HDD, st1)", FileUnit: "GB", Conv: same},
	{Service: "aws-ebs", Key: "storage/sc1", Unit: "GB-months", From: ebsFrom, Component: "Storage (cold HDD, sc1)", FileUnit: "GB", Conv: same},
	{Service: "aws-ebs", Key: "storage/standard", Unit: "GB-months", From: ebsFrom, Component: "Storage (magnetic)", FileUnit: "GB", Conv: same},
	{Service: "aws-ebs", Key: "iops/io1", Unit: "IOPS-months", From: ebsFrom, Component: "Provisioned IOPS", FileUnit: "IOPS", Conv: same,
		Pick: "0.065", Why: "ebs_volume_test: io1 volume, 300 IOPS = $19.50; instance_test: io1 block device, 1,000 IOPS = $65.00"},
	{Service: "aws-ebs", Key: "iops/io2/tier1", Unit: "IOPS-months", From: []string{"aws_ebs_volume"}, Component: "Provisioned IOPS", FileUnit: "IOPS", Conv: same,
		Pick: "0.065", Why: "ebs_volume_test: io2 volume, 300 IOPS (under 32,000) = $19.50"},
	{Service: "aws-ebs", Key: "iops/gp3", Unit: "IOPS-months", From: []string{"aws_ebs_volume"}, Component: "Provisioned IOPS", FileUnit: "IOPS", Conv: same,
		Pick: "0.005", Why: "ebs_volume_test: gp3 volume, 1,000 IOPS above the baseline = $5.00"},
	// infracost's "Mbps" is MiB/s provisioned for a month.
	{Service: "aws-ebs", Key: "throughput/gp3", Unit: "MiBps-months", From: []string{"aws_ebs_volume"}, Component: "Provisioned throughput", FileUnit: "Mbps", Conv: same},
	{Service: "aws-ebs", Key: "io-requests/standard", Unit: "1M requests", From: ebsFrom, Component: "I/O requests", FileUnit: "1M request", Conv: same},
	{Service: "aws-ebs", Key: "snapshot/standard", Unit: "GB-months", From: []string{"aws_ebs_snapshot"}, Component: "EBS snapshot storage", FileUnit: "GB", Conv: same},

	// aws-cloudwatch: detailed monitoring is billed as custom metrics.
	{Service: "aws-cloudwatch", Key: "metric", Unit: "months", From: instanceFrom, Component: "EC2 detailed monitoring", FileUnit: "metrics", Conv: same},
	{Service: "aws-cloudwatch", Key: "logs/ingestion", Unit: "GB", From: []string{"aws_cloudwatch_log_group"}, Component: "Data ingested", FileUnit: "GB", Conv: same},
	{Service: "aws-cloudwatch", Key: "logs/storage", Unit: "GB-months", From: []string{"aws_cloudwatch_log_group"}, Component: "Archival Storage", FileUnit: "GB", Conv: same},
	{Service: "aws-cloudwatch", Key: "logs/insights", Unit: "GB", From: []string{"aws_cloudwatch_log_group"}, Component: "Insights queries data scanned", FileUnit: "GB", Conv: same},

	// aws-vpc. Since February 2024 every public IPv4 address costs what an
	// idle Elastic IP cost before, so the idle-EIP rate is the IPv4 rate.
	{Service: "aws-vpc", Key: "nat-gateway", Unit: "hours", From: []string{"aws_nat_gateway"}, Component: "NAT gateway", FileUnit: "hours", Conv: same},
	{Service: "aws-vpc", Key: "nat-gateway/data", Unit: "GB", From: []string{"aws_nat_gateway"}, Component: "Data processed", FileUnit: "GB", Conv: same},
	{Service: "aws-vpc", Key: "public-ipv4", Unit: "hours", From: []string{"aws_eip"}, Component: "IP address (if unused)", FileUnit: "hours", Conv: same},
	{Service: "aws-vpc", Key: "endpoint/interface", Unit: "hours", From: []string{"aws_vpc_endpoint"}, Component: "Endpoint (Interface)", FileUnit: "hours", Conv: same},
	{Service: "aws-vpc", Key: "endpoint/gateway-load-balancer", Unit: "hours", From: []string{"aws_vpc_endpoint"}, Component: "Endpoint (GatewayLoadBalancer)", FileUnit: "hours", Conv: same},
	{Service: "aws-vpc", Key: "endpoint/data/tier1", Unit: "GB", From: []string{"aws_vpc_endpoint"}, Component: "Data processed (first 1PB)", FileUnit: "GB", Conv: same},
	{Service: "aws-vpc", Key: "endpoint/data/tier2", Unit: "GB", From: []string{"aws_vpc_endpoint"}, Component: "Data processed (next 4PB)", FileUnit: "GB", Conv: same},
	{Service: "aws-vpc", Key: "endpoint/data/tier3", Unit: "GB", From: []string{"aws_vpc_endpoint"}, Component: "Data processed (over 5PB)", FileUnit: "GB", Conv: same},
	// Interface endpoints print their data in tiers; the untiered row is the
	// Gateway Load Balancer endpoint's (vpc_endpoint_test: $0.0035 per GB).
	{Service: "aws-vpc", Key: "endpoint/gateway-load-balancer/data", Unit: "GB", From: []string{"aws_vpc_endpoint"}, Component: "Data processed", FileUnit: "GB", Conv: same},

	// aws-elb. LCU rows are a month of LCU-hours.
	{Service: "aws-elb", Key: "application", Unit: "hours", From: lbFrom, Component: "Application load balancer", FileUnit: "hours", Conv: same},
	{Service: "aws-elb", Key: "network", Unit: "hours", From: lbFrom, Component: "Network load balancer", FileUnit: "hours", Conv: same},
	{Service: "aws-elb", Key: "classic", Unit: "hours", From: []string{"aws_elb"}, Component: "Classic load balancer", FileUnit: "hours", Conv: same},
	{Service: "aws-elb", Key: "application/lcu", Unit: "LCU-hours", From: []string{"aws_alb"}, Component: "Load balancer capacity units", FileUnit: "LCU", Conv: monthToHour},
	{Service: "aws-elb", Key: "network/lcu", Unit: "LCU-hours", From: []string{"aws_lb"}, Component: "Load balancer capacity units", FileUnit: "LCU", Conv: monthToHour,
		Pick: "4.38", Why: "lb_test: nlb1_usage, 1,000 LCU-hours = $6.00; the other aws_lb rate (5.84) is the application one, as aws_alb shows"},
	{Service: "aws-elb", Key: "classic/data", Unit: "GB", From: []string{"aws_elb"}, Component: "Data processed", FileUnit: "GB", Conv: same},

	// aws-rds (non-instance). Multi-AZ storage rows sit under the same
	// component names as Single-AZ ones.
	{Service: "aws-rds", Key: "storage/gp2", Unit: "GB-months", From: []string{"aws_db_instance"}, Component: "Storage (general purpose SSD, gp2)", FileUnit: "GB", Conv: same,
		Pick: "0.115", Why: "db_instance_test: Single-AZ instances, 20 GB gp2 = $2.30"},
	{Service: "aws-rds", Key: "storage/gp2/multi-az", Unit: "GB-months", From: []string{"aws_db_instance"}, Component: "Storage (general purpose SSD, gp2)", FileUnit: "GB", Conv: same,
		Pick: "0.23", Why: "db_instance_test: mysql-multi-az, 30 GB gp2 = $6.90"},
	{Service: "aws-rds", Key: "storage/gp3", Unit: "GB-months", From: []string{"aws_db_instance"}, Component: "Storage (general purpose SSD, gp3)", FileUnit: "GB", Conv: same,
		Pick: "0.115", Why: `db_instance_test: gp3["below_high_baseline"] (Single-AZ), 400 GB = $46.00`},
	{Service: "aws-rds", Key: "storage/gp3/multi-az", Unit: "GB-months", From: []string{"aws_db_instance"}, Component: "Storage (general purpose SSD, gp3)", FileUnit: "GB", Conv: same,
		Pick: "0.23", Why: `db_instance_test: gp3["multi_az"], 400 GB = $92.00`},
	{Service: "aws-rds", Key: "storage/io1", Unit: "GB-months", From: []string{"aws_db_instance"}, Component: "Storage (provisioned IOPS SSD, io1)", FileUnit: "GB", Conv: same, Tests: "db_instance_test"},
	{Service: "aws-rds", Key: "storage/standard", Unit: "GB-months", From: []string{"aws_db_instance"}, Component: "Storage (magnetic)", FileUnit: "GB", Conv: same, Tests: "db_instance_test"},
	{Service: "aws-rds", Key: "iops/io1", Unit: "IOPS-months", From: []string{"aws_db_instance"}, Component: "Provisioned IOPS", FileUnit: "IOPS", Conv: same, Tests: "db_instance_test"},
	{Service: "aws-rds", Key: "iops/gp3", Unit: "IOPS-months", From: []string{"aws_db_instance"}, Component: "Provisioned GP3 IOPS (above 12,000)", FileUnit: "IOPS", Conv: same,
		Pick: "0.02", Why: `db_instance_test: gp3["above_high_baseline"] (Single-AZ), 2,000 IOPS = $40.00`},
	{Service: "aws-rds", Key: "iops/gp3/multi-az", Unit: "IOPS-months", From: []string{"aws_db_instance"}, Component: "Provisioned GP3 IOPS (above 12,000)", FileUnit: "IOPS", Conv: same,
		Pick: "0.04", Why: `db_instance_test: gp3["multi_az"], 2,000 IOPS = $80.00`},
	{Service: "aws-rds", Key: "io-requests/standard", Unit: "1M requests", From: []string{"aws_db_instance"}, Component: "I/O requests", FileUnit: "1M requests", Conv: same},
	{Service: "aws-rds", Key: "backup", Unit: "GB-months", From: []string{"aws_db_instance"}, Component: "Additional backup storage", FileUnit: "GB", Conv: same,
		Pick: "0.095", Why: "db_instance_test: MySQL, PostgreSQL, MariaDB, Oracle, SQL Server, 1,000 GB = $95.00"},
	{Service: "aws-rds", Key: "aurora/backup", Unit: "GB-months", From: []string{"aws_rds_cluster"}, Component: "Backup storage", FileUnit: "GB", Conv: same},
	{Service: "aws-rds", Key: "aurora/storage", Unit: "GB-months", From: []string{"aws_rds_cluster"}, Component: "Storage", FileUnit: "GB", Conv: same},
	{Service: "aws-rds", Key: "aurora/io-requests", Unit: "1M requests", From: []string{"aws_rds_cluster"}, Component: "I/O requests", FileUnit: "1M requests", Conv: same},
	{Service: "aws-rds", Key: "aurora/serverless-v2", Unit: "ACU-hours", From: []string{"aws_rds_cluster_instance"}, Component: "Aurora serverless v2", FileUnit: "ACU-hours", Conv: same},
	{Service: "aws-rds", Key: "cpu-credit", Unit: "vCPU-hours", From: []string{"aws_db_instance"}, Component: "CPU credits", FileUnit: "vCPU-hours", Conv: same},
	{Service: "aws-rds", Key: "aurora/cpu-credit", Unit: "vCPU-hours", From: []string{"aws_rds_cluster_instance"}, Component: "CPU credits", FileUnit: "vCPU-hours", Conv: same},

	// aws-elasticache (nodes: addObservedNodes)
	{Service: "aws-elasticache", Key: "backup", Unit: "GB-months", From: []string{"aws_elasticache_cluster", "aws_elasticache_replication_group"}, Component: "Backup storage", FileUnit: "GB", Conv: same},

	// aws-lambda: the tier bounds in the names tell x86 from Arm.
	{Service: "aws-lambda", Key: "requests", Unit: "1M requests", From: lambdaFrom, Component: "Requests", FileUnit: "1M requests", Conv: same},
	{Service: "aws-lambda", Key: "duration/x86/tier1", Unit: "GB-seconds", From: lambdaFrom, Component: "Duration (first 6B)", FileUnit: "GB-seconds", Conv: same},
	{Service: "aws-lambda", Key: "duration/x86/tier2", Unit: "GB-seconds", From: lambdaFrom, Component: "Duration (next 9B)", FileUnit: "GB-seconds", Conv: same},
	{Service: "aws-lambda", Key: "duration/x86/tier3", Unit: "GB-seconds", From: lambdaFrom, Component: "Duration (over 15B)", FileUnit: "GB-seconds", Conv: same},
	{Service: "aws-lambda", Key: "duration/arm/tier1", Unit: "GB-seconds", From: lambdaFrom, Component: "Duration (first 7.5B)", FileUnit: "GB-seconds", Conv: same},
	{Service: "aws-lambda", Key: "duration/arm/tier2", Unit: "GB-seconds", From: lambdaFrom, Component: "Duration (next 11.25B)", FileUnit: "GB-seconds", Conv: same},
	{Service: "aws-lambda", Key: "duration/arm/tier3", Unit: "GB-seconds", From: lambdaFrom, Component: "Duration (over 18.75B)", FileUnit: "GB-seconds", Conv: same},
	{Service: "aws-lambda", Key: "ephemeral-storage", Unit: "GB-seconds", From: lambdaFrom, Component: "Ephemeral storage", FileUnit: "GB-seconds", Conv: same},

	// aws-s3: s3_bucket_test prices one bucket in every class under the same
	// component names.
	{Service: "aws-s3", Key: "storage/standard", Unit: "GB-months", From: s3From, Component: "Storage", FileUnit: "GB", Conv: same,
		Pick: "0.023", Why: "s3_bucket_test: Standard, 10,000 GB = $230.00"},
	{Service: "aws-s3", Key: "storage/standard-ia", Unit: "GB-months", From: s3From, Component: "Storage", FileUnit: "GB", Conv: same,
		Pick: "0.0125", Why: "s3_bucket_test: Standard - infrequent access, 30,000 GB = $375.00"},
	{Service: "aws-s3", Key: "storage/onezone-ia", Unit: "GB-months", From: s3From, Component: "Storage", FileUnit: "GB", Conv: same,
		Pick: "0.01", Why: "s3_bucket_test: One zone - infrequent access, 40,000 GB = $400.00"},
	{Service: "aws-s3", Key: "storage/glacier", Unit: "GB-months", From: s3From, Component: "Storage", FileUnit: "GB", Conv: same,
		Pick: "0.0036", Why: "s3_bucket_test: Glacier flexible retrieval, 50,000 GB = $180.00"},
	{Service: "aws-s3", Key: "storage/deep-archive", Unit: "GB-months", From: s3From, Component: "Storage", FileUnit: "GB", Conv: same,
		Pick: "0.00099", Why: "s3_bucket_test: Glacier deep archive, 60,000 GB = $59.40"},
	{Service: "aws-s3", Key: "storage/intelligent-tiering-frequent", Unit: "GB-months", From: s3From, Component: "Storage (frequent access)", FileUnit: "GB", Conv: same},
	{Service: "aws-s3", Key: "storage/intelligent-tiering-infrequent", Unit: "GB-months", From: s3From, Component: "Storage (infrequent access)", FileUnit: "GB", Conv: same},
	{Service: "aws-s3", Key: "requests/put/standard", Unit: "1k requests", From: s3From, Component: "PUT, COPY, POST, LIST requests", FileUnit: "1k requests", Conv: same,
		Pick: "0.005", Why: "s3_bucket_test: Standard, 10k requests = $0.05"},
	{Service: "aws-s3", Key: "requests/put/standard-ia", Unit: "1k requests", From: s3From, Component: "PUT, COPY, POST, LIST requests", FileUnit: "1k requests", Conv: same,
		Pick: "0.01", Why: "s3_bucket_test: Standard - infrequent access, 30k requests = $0.30"},
	{Service: "aws-s3", Key: "requests/put/onezone-ia", Unit: "1k requests", From: s3From, Component: "PUT, COPY, POST, LIST requests", FileUnit: "1k requests", Conv: same,
		Pick: "0.01", Why: "s3_bucket_test: One zone - infrequent access, 40k requests = $0.40"},
	{Service: "aws-s3", Key: "requests/put/glacier", Unit: "1k requests", From: s3From, Component: "PUT, COPY, POST, LIST requests", FileUnit: "1k requests", Conv: same,
		Pick: "0.03", Why: "s3_bucket_test: Glacier flexible retrieval, 50k requests = $1.50"},
	{Service: "aws-s3", Key: "requests/put/deep-archive", Unit: "1k requests", From: s3From, Component: "PUT, COPY, POST, LIST requests", FileUnit: "1k requests", Conv: same,
		Pick: "0.05", Why: "s3_bucket_test: Glacier deep archive, 60k requests = $3.00"},
	{Service: "aws-s3", Key: "requests/get/standard", Unit: "1k requests", From: s3From, Component: "GET, SELECT, and all other requests", FileUnit: "1k requests", Conv: same,
		Pick: "0.0004", Why: "s3_bucket_test: Standard, printed as $0.0004 per 1k requests"},
	{Service: "aws-s3", Key: "requests/get/standard-ia", Unit: "1k requests", From: s3From, Component: "GET, SELECT, and all other requests", FileUnit: "1k requests", Conv: same,
		Pick: "0.001", Why: "s3_bucket_test: Standard - infrequent access, 30k requests = $0.03"},
	{Service: "aws-s3", Key: "requests/get/onezone-ia", Unit: "1k requests", From: s3From, Component: "GET, SELECT, and all other requests", FileUnit: "1k requests", Conv: same,
		Pick: "0.001", Why: "s3_bucket_test: One zone - infrequent access, 40k requests = $0.04"},

	// aws-dynamodb: provisioned capacity rows are a month of one unit.
	{Service: "aws-dynamodb", Key: "provisioned/wcu", Unit: "hours", From: dynamoFrom, Component: "Write capacity unit (WCU)", FileUnit: "WCU", Conv: monthToHour},
	{Service: "aws-dynamodb", Key: "provisioned/rcu", Unit: "hours", From: dynamoFrom, Component: "Read capacity unit (RCU)", FileUnit: "RCU", Conv: monthToHour},
	{Service: "aws-dynamodb", Key: "on-demand/wru", Unit: "1M requests", From: dynamoFrom, Component: "Write request unit (WRU)", FileUnit: "WRUs", Conv: perMillion},
	{Service: "aws-dynamodb", Key: "on-demand/rru", Unit: "1M requests", From: dynamoFrom, Component: "Read request unit (RRU)", FileUnit: "RRUs", Conv: perMillion},
	{Service: "aws-dynamodb", Key: "storage", Unit: "GB-months", From: dynamoFrom, Component: "Data storage", FileUnit: "GB", Conv: same},
	{Service: "aws-dynamodb", Key: "backup/pitr", Unit: "GB-months", From: dynamoFrom, Component: "Point-In-Time Recovery (PITR) backup storage", FileUnit: "GB", Conv: same},
	{Service: "aws-dynamodb", Key: "backup/on-demand", Unit: "GB-months", From: dynamoFrom, Component: "On-demand backup storage", FileUnit: "GB", Conv: same},
	{Service: "aws-dynamodb", Key: "restore", Unit: "GB", From: dynamoFrom, Component: "Table data restored", FileUnit: "GB", Conv: same},
	{Service: "aws-dynamodb", Key: "streams/rru", Unit: "1M requests", From: dynamoFrom, Component: "Streams read request unit (sRRU)", FileUnit: "sRRUs", Conv: perMillion},

	// aws-eks, aws-fargate: Fargate rows are a month of one vCPU or GB
	// (ecs_service_test: 2 vCPU = $59.10, 4 GB = $12.98); x86 only, no
	// test runs Arm tasks.
	{Service: "aws-eks", Key: "cluster", Unit: "hours", From: []string{"aws_eks_cluster"}, Component: "EKS cluster", FileUnit: "hours", Conv: same},
	{Service: "aws-eks", Key: "cluster/extended-support", Unit: "hours", From: []string{"aws_eks_cluster"}, Component: "EKS cluster (extended support)", FileUnit: "hours", Conv: same},
	{Service: "aws-fargate", Key: "vcpu/x86", Unit: "vCPU-hours", From: fargateFrom, Component: "Per vCPU per hour", FileUnit: "CPU", Conv: monthToHour},
	{Service: "aws-fargate", Key: "memory/x86", Unit: "GB-hours", From: fargateFrom, Component: "Per GB per hour", FileUnit: "GB", Conv: monthToHour},

	// aws-kms, aws-secretsmanager, aws-route53 (a global service; its
	// prices are observed, and kept, under us-east-1)
	{Service: "aws-kms", Key: "key", Unit: "months", From: []string{"aws_kms_key"}, Component: "Customer master key", FileUnit: "months", Conv: same},
	{Service: "aws-kms", Key: "requests/symmetric", Unit: "10k requests", From: []string{"aws_kms_key"}, Component: "Requests", FileUnit: "10k requests", Conv: same},
	{Service: "aws-kms", Key: "requests/asymmetric", Unit: "10k requests", From: []string{"aws_kms_key"}, Component: "Requests (asymmetric)", FileUnit: "10k requests", Conv: same},
	{Service: "aws-secretsmanager", Key: "secret", Unit: "months", From: []string{"aws_secretsmanager_secret"}, Component: "Secret", FileUnit: "months", Conv: same},
	{Service: "aws-secretsmanager", Key: "requests", Unit: "10k requests", From: []string{"aws_secretsmanager_secret"}, Component: "API requests", FileUnit: "10k requests", Conv: same},
	{Service: "aws-route53", Key: "hosted-zone", Unit: "months", From: []string{"aws_route53_zone"}, Component: "Hosted zone", FileUnit: "months", Conv: same},
	{Service: "aws-route53", Key: "queries/standard", Unit: "1M requests", From: []string{"aws_route53_record"}, Component: "Standard queries (first 1B)", FileUnit: "1M queries", Conv: same},
}
