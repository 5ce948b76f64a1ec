package awsfeed

import "github.com/shopspring/decimal"

// The reviewed mapping from AWS Price List rows to the keys of
// pricing/catalog/README.md. Usage types are written without their
// region prefix ("EUW3-", "USE1-", "us-east-1-"). Units are the spellings
// the files use for the rate; a row in another unit is left out and
// reported, never converted by guess.
var (
	hourUnits    = []string{"Hrs", "Hours", "Hour"}
	gbMonthUnits = []string{"GB-Mo", "GB-month", "GB-Months"}
	gbUnits      = []string{"GB", "GigaBytes"}
	iopsUnits    = []string{"IOPS-Mo", "IOPS-month"}
)

// static is a rule for fixed usage types.
func static(service, key, unit string, conv decimal.Decimal, fileUnits []string, usages ...string) *rule {
	return &rule{service: service, key: key, unit: unit, conv: conv, fileUnits: fileUnits, usages: usages}
}

func (r *rule) inFamily(f string) *rule          { r.family = f; return r }
func (r *rule) tier(start string) *rule          { r.start = start; return r }
func (r *rule) ranked(fn func(row) int) *rule    { r.rank = fn; return r }
func (r *rule) onlyIf(pred func(row) bool) *rule { r.when = pred; return r }

// offers are the price lists tollgate reads, in the order they are
// fetched (largest first).
var offers = []*offer{
	ec2Offer,
	rdsOffer,
	elastiCacheOffer,
	(&offer{code: "AWSELB", source: "aws-elb-bulk", rules: []*rule{
		static("aws-elb", "application", "hours", same, hourUnits, "LoadBalancerUsage").inFamily("Load Balancer-Application"),
		static("aws-elb", "network", "hours", same, hourUnits, "LoadBalancerUsage").inFamily("Load Balancer-Network"),
		static("aws-elb", "gateway", "hours", same, hourUnits, "LoadBalancerUsage").inFamily("Load Balancer-Gateway"),
		static("aws-elb", "classic", "hours", same, hourUnits, "LoadBalancerUsage").inFamily("Load Balancer"),
		static("aws-elb", "application/lcu", "LCU-hours", same, []string{"LCU-Hrs"}, "LCUUsage").inFamily("Load Balancer-Application"),
		static("aws-elb", "network/lcu", "LCU-hours", same, []string{"LCU-Hrs"}, "LCUUsage").inFamily("Load Balancer-Network"),
		static("aws-elb", "gateway/lcu", "LCU-hours", same, []string{"LCU-Hrs"}, "LCUUsage").inFamily("Load Balancer-Gateway"),
		static("aws-elb", "classic/data", "GB", same, gbUnits, "DataProcessing-Bytes").inFamily("Load Balancer"),
	}}).index(),
	(&offer{code: "AmazonVPC", source: "aws-vpc-bulk", rules: []*rule{
		// Since February 2024 every public IPv4 address costs this rate,
		// in use or idle (the EC2 list's idle Elastic IP is the fallback).
		static("aws-vpc", "public-ipv4", "hours", same, hourUnits, "PublicIPv4:InUseAddress"),
		static("aws-vpc", "endpoint/interface", "hours", same, hourUnits, "VpcEndpoint-Hours"),
		static("aws-vpc", "endpoint/gateway-load-balancer", "hours", same, hourUnits, "VpcEndpoint-GWLBE-Hours"),
		// Tiers: the first 1 PB (1,048,576 GB), the next 4 PB, over 5 PB.
		static("aws-vpc", "endpoint/data/tier1", "GB", same, gbUnits, "VpcEndpoint-Bytes").tier("0"),
		static("aws-vpc", "endpoint/data/tier2", "GB", same, gbUnits, "VpcEndpoint-Bytes").tier("1048576"),
		static("aws-vpc", "endpoint/data/tier3", "GB", same, gbUnits, "VpcEndpoint-Bytes").tier("5242880"),
		static("aws-vpc", "endpoint/gateway-load-balancer/data", "GB", same, gbUnits, "VpcEndpoint-GWLBE-Bytes"),
	}}).index(),
	(&offer{code: "AWSLambda", source: "aws-lambda-bulk", rules: []*rule{
		static("aws-lambda", "requests", "1M requests", perMillion, []string{"Requests", "Request"}, "Request"),
		// Tiers of monthly GB-seconds: x86 6B / 15B, Arm 7.5B / 18.75B.
		static("aws-lambda", "duration/x86/tier1", "GB-seconds", same, lambdaUnits, "Lambda-GB-Second").tier("0"),
		static("aws-lambda", "duration/x86/tier2", "GB-seconds", same, lambdaUnits, "Lambda-GB-Second").tier("6000000000"),
		static("aws-lambda", "duration/x86/tier3", "GB-seconds", same, lambdaUnits, "Lambda-GB-Second").tier("15000000000"),
		static("aws-lambda", "duration/arm/tier1", "GB-seconds", same, lambdaUnits, "Lambda-GB-Second-ARM").tier("0"),
		static("aws-lambda", "duration/arm/tier2", "GB-seconds", same, lambdaUnits, "Lambda-GB-Second-ARM").tier("7500000000"),
		static("aws-lambda", "duration/arm/tier3", "GB-seconds", same, lambdaUnits, "Lambda-GB-Second-ARM").tier("18750000000"),
		static("aws-lambda", "ephemeral-storage", "GB-seconds", same, lambdaUnits, "Lambda-Storage-GB-Second"),
	}}).index(),
	s3Offer,
	(&offer{code: "AmazonDynamoDB", source: "aws-dynamodb-bulk", rules: []*rule{
		// Provisioned capacity and storage list a free tier as a $0 band
		// before the paid one; only the paid band has a price.
		static("aws-dynamodb", "provisioned/wcu", "hours", same, []string{"WriteCapacityUnit-Hrs"}, "WriteCapacityUnit-Hrs"),
		static("aws-dynamodb", "provisioned/rcu", "hours", same, []string{"ReadCapacityUnit-Hrs"}, "ReadCapacityUnit-Hrs"),
		static("aws-dynamodb", "on-demand/wru", "1M requests", perMillion, []string{"WriteRequestUnits"}, "WriteRequestUnits"),
		static("aws-dynamodb", "on-demand/rru", "1M requests", perMillion, []string{"ReadRequestUnits"}, "ReadRequestUnits"),
		static("aws-dynamodb", "storage", "GB-months", same, gbMonthUnits, "TimedStorage-ByteHrs"),
		static("aws-dynamodb", "backup/pitr", "GB-months", same, gbMonthUnits, "TimedPITRStorage-ByteHrs"),
		static("aws-dynamodb", "backup/on-demand", "GB-months", same, gbMonthUnits, "TimedBackupStorage-ByteHrs"),
		static("aws-dynamodb", "restore", "GB", same, gbUnits, "RestoreDataSize-Bytes"),
		static("aws-dynamodb", "streams/rru", "1M requests", perMillion, []string{"Count", "Requests", "StreamsReadRequestUnits"}, "Streams-RequestsCount"),
	}}).index(),
	(&offer{code: "AmazonCloudWatch", source: "aws-cloudwatch-bulk", rules: []*rule{
		// The first tier (up to 10,000 metrics) is the one "metric" means.
		static("aws-cloudwatch", "metric", "months", same, []string{"Metrics"}, "CW:MetricMonitorUsage").tier("0"),
		static("aws-cloudwatch", "logs/ingestion", "GB", same, gbUnits, "DataProcessing-Bytes"),
		static("aws-cloudwatch", "logs/ingestion/infrequent-access", "GB", same, gbUnits, "DataProcessingIA-Bytes"),
		static("aws-cloudwatch", "logs/storage", "GB-months", same, gbMonthUnits, "TimedStorage-ByteHrs"),
		static("aws-cloudwatch", "logs/insights", "GB", same, gbUnits, "DataScanned-Bytes"),
	}}).index(),
	(&offer{code: "awskms", source: "aws-kms-bulk", rules: []*rule{
		static("aws-kms", "key", "months", same, []string{"Keys", "Key", "Key-Months"}, "KMS-Keys"),
		// The first 20,000 requests a month are a $0 band.
		static("aws-kms", "requests/symmetric", "10k requests", perTenK, []string{"Requests"}, "KMS-Requests"),
		static("aws-kms", "requests/asymmetric", "10k requests", perTenK, []string{"Requests"}, "KMS-Requests-Asymmetric"),
	}}).index(),
	(&offer{code: "AWSSecretsManager", source: "aws-secretsmanager-bulk", rules: []*rule{
		static("aws-secretsmanager", "secret", "months", same, []string{"Secrets", "Secret", "Secret-Months"}, "AWSSecretsManager-Secrets", "AWSSecretsManager-Secret"),
		static("aws-secretsmanager", "requests", "10k requests", perTenK, []string{"API Requests", "Requests"}, "AWSSecretsManager-APIRequests", "AWSSecretsManagerAPIRequest", "AWSSecretsManager-APIRequest"),
	}}).index(),
	(&offer{code: "AmazonRoute53", source: "aws-route53-bulk", global: true, rules: []*rule{
		static("aws-route53", "hosted-zone", "months", same, []string{"HostedZone", "Hosted Zones"}, "HostedZone").tier("0"),
		static("aws-route53", "queries/standard", "1M requests", perMillion, []string{"Queries"}, "DNS-Queries").tier("0").
			onlyIf(func(r row) bool { return !r.has(aRoutingType) || r.get(aRoutingType) == "Standard" }),
	}}).index(),
	(&offer{code: "AmazonEKS", source: "aws-eks-bulk", rules: []*rule{
		static("aws-eks", "cluster", "hours", same, hourUnits, "AmazonEKS-Hours:perCluster"),
		// The list prices extended support as a surcharge on top of the
		// cluster hour; the key is the whole rate (see derived).
		static("aws-eks", extendedSurcharge, "hours", same, hourUnits, "AmazonEKS-Hours:extendedSupport"),
	}}).index(),
	(&offer{code: "AmazonECS", source: "aws-fargate-bulk", rules: []*rule{
		static("aws-fargate", "vcpu/x86", "vCPU-hours", same, fargateUnits, "Fargate-vCPU-Hours:perCPU"),
		static("aws-fargate", "memory/x86", "GB-hours", same, fargateUnits, "Fargate-GB-Hours"),
		static("aws-fargate", "vcpu/arm", "vCPU-hours", same, fargateUnits, "Fargate-ARM-vCPU-Hours:perCPU"),
		static("aws-fargate", "memory/arm", "GB-hours", same, fargateUnits, "Fargate-ARM-GB-Hours"),
		static("aws-fargate", "ephemeral-storage", "GB-hours", same, fargateUnits, "Fargate-EphemeralStorage-GB-Hours"),
	}}).index(),
}

var (
	lambdaUnits  = []string{"Lambda-GB-Second", "GB-Seconds", "GB-Second"}
	fargateUnits = []string{"hours", "Hrs", "vCPU-Hours", "GB-Hours"}
)

// extendedSurcharge is the internal key of EKS's extended-support
// surcharge; keys starting with "~" are never written.
const extendedSurcharge = "~extended-support-surcharge"

// derivation makes a key the sum of others of the same service and region.
type derivation struct {
	service, key string
	sum          []string
}

var derived = []derivation{
	{service: "aws-eks", key: "cluster/extended-support", sum: []string{"cluster", extendedSurcharge}},
}

var s3Offer = (&offer{code: "AmazonS3", source: "aws-s3-bulk", rules: []*rule{
	// Standard and Intelligent-Tiering frequent access are tiered by
	// volume; the key is the first 50 TB.
	static("aws-s3", "storage/standard", "GB-months", same, gbMonthUnits, "TimedStorage-ByteHrs").tier("0"),
	static("aws-s3", "storage/standard-ia", "GB-months", same, gbMonthUnits, "TimedStorage-SIA-ByteHrs"),
	static("aws-s3", "storage/onezone-ia", "GB-months", same, gbMonthUnits, "TimedStorage-ZIA-ByteHrs"),
	static("aws-s3", "storage/glacier-ir", "GB-months", same, gbMonthUnits, "TimedStorage-GIR-ByteHrs"),
	static("aws-s3", "storage/glacier", "GB-months", same, gbMonthUnits, "TimedStorage-GlacierByteHrs"),
	static("aws-s3", "storage/deep-archive", "GB-months", same, gbMonthUnits, "TimedStorage-GDA-ByteHrs"),
	static("aws-s3", "storage/intelligent-tiering-frequent", "GB-months", same, gbMonthUnits, "TimedStorage-INT-FA-ByteHrs").tier("0"),
	static("aws-s3", "storage/intelligent-tiering-infrequent", "GB-months", same, gbMonthUnits, "TimedStorage-INT-IA-ByteHrs"),
	// Tier1 requests are PUT, COPY, POST and LIST; Tier2 GET and the rest.
	static("aws-s3", "requests/put/standard", "1k requests", perThousand, requestUnits, "Requests-Tier1"),
	static("aws-s3", "requests/get/standard", "1k requests", perThousand, requestUnits, "Requests-Tier2"),
	static("aws-s3", "requests/put/standard-ia", "1k requests", perThousand, requestUnits, "Requests-SIA-Tier1"),
	static("aws-s3", "requests/get/standard-ia", "1k requests", perThousand, requestUnits, "Requests-SIA-Tier2"),
	static("aws-s3", "requests/put/onezone-ia", "1k requests", perThousand, requestUnits, "Requests-ZIA-Tier1"),
	static("aws-s3", "requests/get/onezone-ia", "1k requests", perThousand, requestUnits, "Requests-ZIA-Tier2"),
	static("aws-s3", "requests/put/glacier-ir", "1k requests", perThousand, requestUnits, "Requests-GIR-Tier1"),
	static("aws-s3", "requests/get/glacier-ir", "1k requests", perThousand, requestUnits, "Requests-GIR-Tier2"),
	static("aws-s3", "requests/put/glacier", "1k requests", perThousand, requestUnits, "Requests-GLACIER-Tier1"),
	static("aws-s3", "requests/get/glacier", "1k requests", perThousand, requestUnits, "Requests-GLACIER-Tier2"),
	static("aws-s3", "requests/put/deep-archive", "1k requests", perThousand, requestUnits, "Requests-GDA-Tier1"),
	static("aws-s3", "requests/get/deep-archive", "1k requests", perThousand, requestUnits, "Requests-GDA-Tier2"),
	static("aws-s3", "requests/put/intelligent-tiering", "1k requests", perThousand, requestUnits, "Requests-INT-Tier1"),
	static("aws-s3", "requests/get/intelligent-tiering", "1k requests", perThousand, requestUnits, "Requests-INT-Tier2"),
}}).index()

var requestUnits = []string{"Requests", "Request"}
