package aws_test

import (
	"testing"

	"github.com/tollgate-dev/tollgate/pricing/aws"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

// prices are list prices typed in from ../shared/pricing/aws; each group
// names the file and row it comes from: rds =
// rds_ondemand_hourly_by_region.tsv (2025-04-24), infracost =
// infracost_prices_unique.tsv, terracost =
// terracost_eu-west-1_2023-02-23_non_instance_ondemand.tsv. The few not in
// those files say where they come from.
var prices = pricingtest.Catalog{
	// ec2_ondemand_hourly_by_region.tsv, row <type> <region>, column linux/windows/rhel/sles.
	"aws-ec2 us-east-1 instance/m5.large/linux":    "0.096",
	"aws-ec2 us-east-1 instance/m5.large/windows":  "0.188",
	"aws-ec2 us-east-1 instance/m5.large/rhel":     "0.16",
	"aws-ec2 us-east-1 instance/m5.large/suse":     "0.152",
	"aws-ec2 eu-west-1 instance/m5.large/linux":    "0.107",
	"aws-ec2 us-east-1 instance/m5.xlarge/linux":   "0.192",
	"aws-ec2 us-east-1 instance/m5.4xlarge/linux":  "0.768",
	"aws-ec2 us-east-1 instance/m3.xlarge/linux":   "0.266",
	"aws-ec2 us-east-1 instance/t2.micro/linux":    "0.0116",
	"aws-ec2 us-east-1 instance/t3.medium/linux":   "0.0416",
	"aws-ec2 us-east-1 instance/t3.medium/windows": "0.06",
	"aws-ec2 us-east-1 instance/t3.large/linux":    "0.0832",
	"aws-ec2 us-east-1 instance/t3.2xlarge/linux":  "0.3328",
	"aws-ec2 us-east-1 instance/t3a.nano/linux":    "0.0047",
	"aws-ec2 us-east-1 instance/t4g.xlarge/linux":  "0.1344",
	// infracost_prices_unique.tsv, aws_instance "EBS-optimized usage" (the
	// row does not name the type).
	"aws-ec2 us-east-1 ebs-optimized/m3.xlarge": "0.02",
	// infracost_prices_unique.tsv, aws_instance "CPU credits" us-east-1.
	"aws-ec2 us-east-1 cpu-credit/t2/linux": "0.05",
	"aws-ec2 us-east-1 cpu-credit/t3/linux": "0.05",
	// AWS T3 pricing page, Windows surplus credits (not in ../shared).
	"aws-ec2 us-east-1 cpu-credit/t3/windows": "0.096",
	// AWS T3a and T4g pricing pages (not in ../shared).
	"aws-ec2 us-east-1 cpu-credit/t3a/linux": "0.05",
	"aws-ec2 us-east-1 cpu-credit/t4g/linux": "0.04",
	// infracost_prices_unique.tsv, aws_instance "EC2 detailed monitoring".
	"aws-cloudwatch us-east-1 metric": "0.3",
	// infracost_prices_unique.tsv, aws_ebs_volume rows, us-east-1.
	"aws-ebs us-east-1 storage/gp2":          "0.1",
	"aws-ebs us-east-1 storage/gp3":          "0.08",
	"aws-ebs us-east-1 storage/io1":          "0.125",
	"aws-ebs us-east-1 storage/io2":          "0.125",
	"aws-ebs us-east-1 storage/st1":          "0.045",
	"aws-ebs us-east-1 storage/sc1":          "0.015",
	"aws-ebs us-east-1 storage/standard":     "0.05",
	"aws-ebs us-east-1 iops/io1":             "0.065",
	"aws-ebs us-east-1 iops/gp3":             "0.005",
	"aws-ebs us-east-1 throughput/gp3":       "0.04",
	"aws-ebs us-east-1 io-requests/standard": "0.05",
	"aws-ebs us-east-1 snapshot/standard":    "0.05", // aws_ebs_snapshot "EBS snapshot storage"
	// terracost_eu-west-1_2023-02-23_non_instance_ondemand.tsv, usagetype EU-EBS:*.
	"aws-ebs eu-west-1 storage/gp3":       "0.088",   // VolumeUsage.gp3
	"aws-ebs eu-west-1 storage/io2":       "0.138",   // VolumeUsage.io2
	"aws-ebs eu-west-1 iops/gp3":          "0.0055",  // VolumeP-IOPS.gp3
	"aws-ebs eu-west-1 throughput/gp3":    "0.044",   // VolumeP-Throughput.gp3, 45.056 per GiBps-month / 1024
	"aws-ebs eu-west-1 iops/io2/tier1":    "0.072",   // VolumeP-IOPS.io2
	"aws-ebs eu-west-1 iops/io2/tier2":    "0.0504",  // VolumeP-IOPS.io2.tier2
	"aws-ebs eu-west-1 iops/io2/tier3":    "0.03528", // VolumeP-IOPS.io2.tier3
	"aws-ebs eu-west-1 snapshot/archive":  "0.0125",  // SnapshotArchiveStorage
	"aws-ebs eu-west-1 snapshot/standard": "0.05",    // SnapshotUsage
	// infracost_prices_unique.tsv, aws_eks_cluster "EKS cluster".
	"aws-eks us-east-1 cluster": "0.1",
	// infracost_prices_unique.tsv, aws_lambda_function rows, us-east-1.
	"aws-lambda us-east-1 requests":           "0.2",
	"aws-lambda us-east-1 duration/x86/tier1": "0.0000166667", // Duration (first 6B)
	"aws-lambda us-east-1 duration/x86/tier2": "0.000015",     // Duration (next 9B)
	"aws-lambda us-east-1 duration/x86/tier3": "0.0000133334", // Duration (over 15B)
	"aws-lambda us-east-1 duration/arm/tier1": "0.0000133334", // Duration (first 7.5B)
	"aws-lambda us-east-1 duration/arm/tier2": "0.0000120001", // Duration (next 11.25B)
	"aws-lambda us-east-1 duration/arm/tier3": "0.0000106667", // Duration (over 18.75B)
	"aws-lambda us-east-1 ephemeral-storage":  "0.0000000309",
	// infracost_prices_unique.tsv, aws_ecs_service "Per vCPU per hour" 29.55
	// and "Per GB per hour" 3.245 a month are these hourly prices × 730.
	"aws-fargate us-east-1 vcpu/x86":   "0.04048",
	"aws-fargate us-east-1 memory/x86": "0.004445",
	// AWS Fargate pricing page, us-east-1 (not in ../shared).
	"aws-fargate us-east-1 vcpu/arm":          "0.03238",
	"aws-fargate us-east-1 memory/arm":        "0.00356",
	"aws-fargate us-east-1 ephemeral-storage": "0.000111",

	// RDS instances (rds, columns mysql / postgresql / oracle / aurora_postgresql).
	"aws-rds us-east-1 instance/db.t3.micro/postgres":           "0.018",
	"aws-rds us-east-1 instance/db.t3.large/mysql":              "0.136",
	"aws-rds us-east-1 instance/db.m5.large/mysql":              "0.171",
	"aws-rds us-east-1 instance/db.m5.large/oracle":             "0.205",
	"aws-rds us-east-1 instance/db.r6g.large/aurora-mysql":      "0.26",
	"aws-rds eu-west-1 instance/db.m5.large/postgres":           "0.197",
	"aws-rds eu-west-1 instance/db.r6g.large/aurora-postgresql": "0.286",
	// Multi-AZ instance hours (infracost "Database instance (on-demand,
	// Multi-AZ, db.t4g.small)" 0.065; rds db.t4g.small mysql 0.032 single).
	"aws-rds us-east-1 instance/db.t4g.small/mysql/multi-az": "0.065",
	// RDS storage us-east-1 (infracost aws_db_instance rows).
	"aws-rds us-east-1 storage/gp2":          "0.115",
	"aws-rds us-east-1 storage/gp2/multi-az": "0.23",
	"aws-rds us-east-1 storage/gp3":          "0.115",
	"aws-rds us-east-1 storage/io1":          "0.125",
	"aws-rds us-east-1 iops/io1":             "0.1",
	"aws-rds us-east-1 storage/standard":     "0.1",
	"aws-rds us-east-1 io-requests/standard": "0.1",
	"aws-rds us-east-1 iops/gp3":             "0.02",
	"aws-rds us-east-1 backup":               "0.095",
	"aws-rds us-east-1 cpu-credit":           "0.075",
	// Aurora credits: infracost aws_rds_cluster_instance "CPU credits" 0.09.
	"aws-rds us-east-1 aurora/cpu-credit": "0.09",
	// RDS storage eu-west-1 (terracost EU-RDS:* rows, Single-AZ and Multi-AZ).
	"aws-rds eu-west-1 storage/gp3":             "0.127",
	"aws-rds eu-west-1 storage/gp3/multi-az":    "0.254",
	"aws-rds eu-west-1 iops/gp3":                "0.022",
	"aws-rds eu-west-1 iops/gp3/multi-az":       "0.044",
	"aws-rds eu-west-1 throughput/gp3":          "0.088",
	"aws-rds eu-west-1 throughput/gp3/multi-az": "0.177",
	"aws-rds eu-west-1 storage/io1":             "0.138",
	"aws-rds eu-west-1 iops/io1":                "0.11",
	"aws-rds eu-west-1 storage/gp2":             "0.127",
	// Aurora (infracost aws_rds_cluster / aws_rds_cluster_instance, us-east-1).
	"aws-rds us-east-1 aurora/storage":              "0.1",
	"aws-rds us-east-1 aurora/io-requests":          "0.2",
	"aws-rds us-east-1 aurora/backup":               "0.021",
	"aws-rds us-east-1 aurora/storage/io-optimized": "0.23",
	"aws-rds us-east-1 aurora/serverless-v2":        "0.12",

	// ElastiCache (infracost aws_elasticache_* us-east-1).
	"aws-elasticache us-east-1 node/cache.m4.large":   "0.156",
	"aws-elasticache us-east-1 node/cache.r5.4xlarge": "1.724",
	"aws-elasticache us-east-1 backup":                "0.085",

	// DynamoDB: provisioned per capacity-unit hour (infracost us-east-2
	// WCU 0.4745 and RCU 0.0949 a month = 0.00065 and 0.00013 × 730);
	// on-demand per 1M (us-east-2 WRU 0.000000627 ±0.3 %, RRU 0.000000125).
	"aws-dynamodb us-east-1 provisioned/wcu": "0.00065",
	"aws-dynamodb us-east-1 provisioned/rcu": "0.00013",
	"aws-dynamodb us-east-1 on-demand/wru":   "0.625",
	"aws-dynamodb us-east-1 on-demand/rru":   "0.125",
	"aws-dynamodb us-east-1 storage":         "0.25",
	"aws-dynamodb us-east-1 backup/pitr":     "0.2",

	// S3 (infracost aws_s3_bucket us-east-1: Standard, Standard-IA storage 0.0125).
	"aws-s3 us-east-1 storage/standard":         "0.023",
	"aws-s3 us-east-1 requests/put/standard":    "0.005",
	"aws-s3 us-east-1 requests/get/standard":    "0.0004",
	"aws-s3 us-east-1 storage/standard-ia":      "0.0125",
	"aws-s3 us-east-1 requests/put/standard-ia": "0.01",
	"aws-s3 us-east-1 requests/get/standard-ia": "0.001",

	// VPC (infracost us-east-1; terracost eu-west-1 EU-NatGateway-*).
	"aws-vpc us-east-1 nat-gateway":                         "0.045",
	"aws-vpc us-east-1 nat-gateway/data":                    "0.045",
	"aws-vpc eu-west-1 nat-gateway":                         "0.048",
	"aws-vpc eu-west-1 nat-gateway/data":                    "0.048",
	"aws-vpc us-east-1 public-ipv4":                         "0.005",
	"aws-vpc us-east-1 endpoint/interface":                  "0.01",
	"aws-vpc us-east-1 endpoint/data/tier1":                 "0.01",
	"aws-vpc us-east-1 endpoint/data/tier2":                 "0.006",
	"aws-vpc us-east-1 endpoint/data/tier3":                 "0.004",
	"aws-vpc us-east-1 endpoint/gateway-load-balancer":      "0.01",
	"aws-vpc us-east-1 endpoint/gateway-load-balancer/data": "0.0035",

	// Load balancers (infracost us-east-1: LCU 5.84 a month = 0.008 × 730;
	// terracost eu-west-1 for network and gateway).
	"aws-elb us-east-1 application":     "0.0225",
	"aws-elb us-east-1 application/lcu": "0.008",
	"aws-elb us-east-1 classic":         "0.025",
	"aws-elb us-east-1 classic/data":    "0.008",
	"aws-elb eu-west-1 network":         "0.0252",
	"aws-elb eu-west-1 network/lcu":     "0.006",
	"aws-elb eu-west-1 gateway":         "0.014",
	"aws-elb eu-west-1 gateway/lcu":     "0.004",

	// CloudWatch Logs, KMS, Secrets Manager, Route 53 (infracost us-east-1).
	"aws-cloudwatch us-east-1 logs/ingestion": "0.5",
	"aws-cloudwatch us-east-1 logs/storage":   "0.03",
	"aws-cloudwatch us-east-1 logs/insights":  "0.005",
	"aws-kms us-east-1 key":                   "1",
	"aws-kms us-east-1 requests/symmetric":    "0.03",
	"aws-kms us-east-1 requests/asymmetric":   "0.15",
	"aws-secretsmanager us-east-1 secret":     "0.4",
	"aws-secretsmanager us-east-1 requests":   "0.05",
	"aws-route53 us-east-1 hosted-zone":       "0.5",
}

// The case tables name the kit's types and lines by short local names.
type (
	modelCase       = pricingtest.Case
	relatedResource = pricingtest.Related
	line            = pricingtest.Line
)

var (
	priced        = pricingtest.Priced
	usage         = pricingtest.PricedUsage
	unpriced      = pricingtest.Unpriced
	unpricedUsage = pricingtest.UnpricedUsage
)

// runModel prices each case with the model of typ from aws.Models(), in
// us-east-1 unless the case names a region.
func runModel(t *testing.T, typ string, cases []modelCase) {
	t.Helper()
	pricingtest.RunModel(t, aws.Models(), typ, prices, "us-east-1", cases)
}
