package seed

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

const bulkFile = "aws/terracost_eu-west-1_2023-02-23_non_instance_ondemand.tsv"

// bulkRegion is the one region the bulk file covers, and the prefix AWS
// puts before its usage types.
const bulkRegion, bulkPrefix = "eu-west-1", "EU-"

// bulkRate maps a catalog key to rows of the AWS bulk price list: every
// row of one of the AWS services with this product family, usage type
// (without the region prefix), unit and tier start, and whose attributes
// include the listed values. Matching rows must all carry the same price.
type bulkRate struct {
	Service, Key, Unit string
	AWS                []string // servicecode
	Family, Usage      string
	FileUnit           string
	Start              string              // start_range; tiers other than this are ignored
	Attrs              map[string][]string // attribute -> accepted values
	Conv               conv
}

var (
	ec2Code      = []string{"AmazonEC2"}
	rdsCode      = []string{"AmazonRDS"}
	cwCode       = []string{"AmazonCloudWatch"}
	elbCode      = []string{"AWSELB", "AmazonEC2"} // the list has load balancers under both
	linuxOS      = map[string][]string{"OperatingSystem": {"Linux"}}
	windowsOS    = map[string][]string{"OperatingSystem": {"Windows"}}
	openEngines  = map[string][]string{"DatabaseEngine": {"MySQL", "PostgreSQL", "MariaDB"}}
	auroraEngine = map[string][]string{"DatabaseEngine": {"Aurora MySQL", "Aurora PostgreSQL"}}
)

// bulkRates is the reviewed eu-west-1 mapping.
var bulkRates = []bulkRate{
	{Service: "aws-ec2", Key: "cpu-credit/t2/linux", Unit: "vCPU-hours", AWS: ec2Code, Family: "CPU Credits", Usage: "CPUCredits:t2", FileUnit: "vCPU-Hours", Start: "0", Attrs: linuxOS, Conv: same},
	{Service: "aws-ec2", Key: "cpu-credit/t2/windows", Unit: "vCPU-hours", AWS: ec2Code, Family: "CPU Credits", Usage: "CPUCredits:t2", FileUnit: "vCPU-Hours", Start: "0", Attrs: windowsOS, Conv: same},
	{Service: "aws-ec2", Key: "cpu-credit/t3/linux", Unit: "vCPU-hours", AWS: ec2Code, Family: "CPU Credits", Usage: "CPUCredits:t3", FileUnit: "vCPU-Hours", Start: "0", Attrs: linuxOS, Conv: same},
	{Service: "aws-ec2", Key: "cpu-credit/t3/windows", Unit: "vCPU-hours", AWS: ec2Code, Family: "CPU Credits", Usage: "CPUCredits:t3", FileUnit: "vCPU-Hours", Start: "0", Attrs: windowsOS, Conv: same},
	{Service: "aws-ec2", Key: "cpu-credit/t3a/linux", Unit: "vCPU-hours", AWS: ec2Code, Family: "CPU Credits", Usage: "CPUCredits:t3a", FileUnit: "vCPU-Hours", Start: "0", Attrs: linuxOS, Conv: same},
	{Service: "aws-ec2", Key: "cpu-credit/t3a/windows", Unit: "vCPU-hours", AWS: ec2Code, Family: "CPU Credits", Usage: "CPUCredits:t3a", FileUnit: "vCPU-Hours", Start: "0", Attrs: windowsOS, Conv: same},
	{Service: "aws-ec2", Key: "cpu-credit/t4g/linux", Unit: "vCPU-hours", AWS: ec2Code, Family: "CPU Credits", Usage: "CPUCredits:t4g", FileUnit: "vCPU-Hours", Start: "0", Attrs: linuxOS, Conv: same},

	{Service: "aws-ebs", Key: "storage/gp2", Unit: "GB-months", AWS: ec2Code, Family: "Storage", Usage: "EBS:VolumeUsage.gp2", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-ebs", Key: "storage/gp3", Unit: "GB-months", AWS: ec2Code, Family: "Storage", Usage: "EBS:VolumeUsage.gp3", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-ebs", Key: "storage/io1", Unit: "GB-months", AWS: ec2Code, Family: "Storage", Usage: "EBS:VolumeUsage.piops", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-ebs", Key: "storage/io2", Unit: "GB-months", AWS: ec2Code, Family: "Storage", Usage: "EBS:VolumeUsage.io2", FileUnit: "GB-month", Start: "0", Conv: same},
	{Service: "aws-ebs", Key: "storage/st1", Unit: "GB-months", AWS: ec2Code, Family: "Storage", Usage: "EBS:VolumeUsage.st1", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-ebs", Key: "storage/sc1", Unit: "GB-months", AWS: ec2Code, Family: "Storage", Usage: "EBS:VolumeUsage.sc1", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-ebs", Key: "storage/standard", Unit: "GB-months", AWS: ec2Code, Family: "Storage", Usage: "EBS:VolumeUsage", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-ebs", Key: "iops/gp3", Unit: "IOPS-months", AWS: ec2Code, Family: "System Operation", Usage: "EBS:VolumeP-IOPS.gp3", FileUnit: "IOPS-Mo", Start: "0", Conv: same},
	{Service: "aws-ebs", Key: "iops/io1", Unit: "IOPS-months", AWS: ec2Code, Family: "System Operation", Usage: "EBS:VolumeP-IOPS.piops", FileUnit: "IOPS-Mo", Start: "0", Conv: same},
	{Service: "aws-ebs", Key: "iops/io2/tier1", Unit: "IOPS-months", AWS: ec2Code, Family: "System Operation", Usage: "EBS:VolumeP-IOPS.io2", FileUnit: "IOPS-Mo", Start: "0", Conv: same},
	{Service: "aws-ebs", Key: "iops/io2/tier2", Unit: "IOPS-months", AWS: ec2Code, Family: "System Operation", Usage: "EBS:VolumeP-IOPS.io2.tier2", FileUnit: "IOPS-Mo", Start: "0", Conv: same},
	{Service: "aws-ebs", Key: "iops/io2/tier3", Unit: "IOPS-months", AWS: ec2Code, Family: "System Operation", Usage: "EBS:VolumeP-IOPS.io2.tier3", FileUnit: "IOPS-Mo", Start: "0", Conv: same},
	// AWS lists gp3 throughput per GiB/s-month; the key is per MiB/s.
	{Service: "aws-ebs", Key: "throughput/gp3", Unit: "MiBps-months", AWS: ec2Code, Family: "Provisioned Throughput", Usage: "EBS:VolumeP-Throughput.gp3", FileUnit: "GiBps-mo", Start: "0", Conv: gibToMib},
	{Service: "aws-ebs", Key: "io-requests/standard", Unit: "1M requests", AWS: ec2Code, Family: "System Operation", Usage: "EBS:VolumeIOUsage", FileUnit: "IOs", Start: "0", Conv: perMillion},
	{Service: "aws-ebs", Key: "snapshot/standard", Unit: "GB-months", AWS: ec2Code, Family: "Storage Snapshot", Usage: "EBS:SnapshotUsage", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-ebs", Key: "snapshot/archive", Unit: "GB-months", AWS: ec2Code, Family: "Storage Snapshot", Usage: "EBS:SnapshotArchiveStorage", FileUnit: "GB-Mo", Start: "0", Conv: same},

	// The first tier (up to 10,000 metrics) is the one key "metric" means.
	{Service: "aws-cloudwatch", Key: "metric", Unit: "months", AWS: cwCode, Family: "Metric", Usage: "CW:MetricMonitorUsage", FileUnit: "Metrics", Start: "0", Conv: same},
	{Service: "aws-cloudwatch", Key: "logs/ingestion", Unit: "GB", AWS: cwCode, Family: "Data Payload", Usage: "DataProcessing-Bytes", FileUnit: "GB", Start: "0", Attrs: map[string][]string{"Group": {"Ingested Logs"}}, Conv: same},
	{Service: "aws-cloudwatch", Key: "logs/storage", Unit: "GB-months", AWS: cwCode, Family: "Storage Snapshot", Usage: "TimedStorage-ByteHrs", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-cloudwatch", Key: "logs/insights", Unit: "GB", AWS: cwCode, Family: "Data Payload", Usage: "DataScanned-Bytes", FileUnit: "GB", Start: "0", Attrs: map[string][]string{"Group": {"Queried Logs"}}, Conv: same},

	{Service: "aws-vpc", Key: "nat-gateway", Unit: "hours", AWS: ec2Code, Family: "NAT Gateway", Usage: "NatGateway-Hours", FileUnit: "Hrs", Start: "0", Conv: same},
	{Service: "aws-vpc", Key: "nat-gateway/data", Unit: "GB", AWS: ec2Code, Family: "NAT Gateway", Usage: "NatGateway-Bytes", FileUnit: "GB", Start: "0", Conv: same},
	// Before February 2024 the first Elastic IP of a running instance was
	// free (the tier from 0) and every idle or additional one cost the
	// tier-from-1 rate; since then every public IPv4 costs that rate.
	{Service: "aws-vpc", Key: "public-ipv4", Unit: "hours", AWS: ec2Code, Family: "IP Address", Usage: "ElasticIP:IdleAddress", FileUnit: "Hrs", Start: "1", Conv: same},

	{Service: "aws-elb", Key: "application", Unit: "hours", AWS: elbCode, Family: "Load Balancer-Application", Usage: "LoadBalancerUsage", FileUnit: "Hrs", Start: "0", Conv: same},
	{Service: "aws-elb", Key: "network", Unit: "hours", AWS: elbCode, Family: "Load Balancer-Network", Usage: "LoadBalancerUsage", FileUnit: "Hrs", Start: "0", Conv: same},
	{Service: "aws-elb", Key: "gateway", Unit: "hours", AWS: elbCode, Family: "Load Balancer-Gateway", Usage: "LoadBalancerUsage", FileUnit: "Hrs", Start: "0", Conv: same},
	{Service: "aws-elb", Key: "classic", Unit: "hours", AWS: elbCode, Family: "Load Balancer", Usage: "LoadBalancerUsage", FileUnit: "Hrs", Start: "0", Conv: same},
	{Service: "aws-elb", Key: "application/lcu", Unit: "LCU-hours", AWS: elbCode, Family: "Load Balancer-Application", Usage: "LCUUsage", FileUnit: "LCU-Hrs", Start: "0", Conv: same},
	{Service: "aws-elb", Key: "network/lcu", Unit: "LCU-hours", AWS: elbCode, Family: "Load Balancer-Network", Usage: "LCUUsage", FileUnit: "LCU-Hrs", Start: "0", Conv: same},
	{Service: "aws-elb", Key: "gateway/lcu", Unit: "LCU-hours", AWS: elbCode, Family: "Load Balancer-Gateway", Usage: "LCUUsage", FileUnit: "LCU-Hrs", Start: "0", Conv: same},
	{Service: "aws-elb", Key: "classic/data", Unit: "GB", AWS: elbCode, Family: "Load Balancer", Usage: "DataProcessing-Bytes", FileUnit: "GB", Start: "0", Conv: same},

	// aws-rds: the usage type says Single- or Multi-AZ ("Mirror" is SQL
	// Server mirroring, "Multi-AZCluster" readable standbys: not mapped).
	{Service: "aws-rds", Key: "storage/gp2", Unit: "GB-months", AWS: rdsCode, Family: "Database Storage", Usage: "RDS:GP2-Storage", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "storage/gp2/multi-az", Unit: "GB-months", AWS: rdsCode, Family: "Database Storage", Usage: "RDS:Multi-AZ-GP2-Storage", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "storage/gp3", Unit: "GB-months", AWS: rdsCode, Family: "Database Storage", Usage: "RDS:GP3-Storage", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "storage/gp3/multi-az", Unit: "GB-months", AWS: rdsCode, Family: "Database Storage", Usage: "RDS:Multi-AZ-GP3-Storage", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "storage/io1", Unit: "GB-months", AWS: rdsCode, Family: "Database Storage", Usage: "RDS:PIOPS-Storage", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "storage/io1/multi-az", Unit: "GB-months", AWS: rdsCode, Family: "Database Storage", Usage: "RDS:Multi-AZ-PIOPS-Storage", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "storage/standard", Unit: "GB-months", AWS: rdsCode, Family: "Database Storage", Usage: "RDS:StorageUsage", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "storage/standard/multi-az", Unit: "GB-months", AWS: rdsCode, Family: "Database Storage", Usage: "RDS:Multi-AZ-StorageUsage", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "iops/io1", Unit: "IOPS-months", AWS: rdsCode, Family: "", Usage: "RDS:PIOPS", FileUnit: "IOPS-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "iops/io1/multi-az", Unit: "IOPS-months", AWS: rdsCode, Family: "Provisioned IOPS", Usage: "RDS:Multi-AZ-PIOPS", FileUnit: "IOPS-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "iops/gp3", Unit: "IOPS-months", AWS: rdsCode, Family: "Provisioned IOPS", Usage: "RDS:GP3-PIOPS", FileUnit: "IOPS-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "iops/gp3/multi-az", Unit: "IOPS-months", AWS: rdsCode, Family: "Provisioned IOPS", Usage: "RDS:Multi-AZ-GP3-PIOPS", FileUnit: "IOPS-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "throughput/gp3", Unit: "MiBps-months", AWS: rdsCode, Family: "Provisioned Throughput", Usage: "RDS:GP3-Throughput", FileUnit: "MBPS-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "throughput/gp3/multi-az", Unit: "MiBps-months", AWS: rdsCode, Family: "Provisioned Throughput", Usage: "RDS:Multi-AZ-GP3-Throughput", FileUnit: "MBPS-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "io-requests/standard", Unit: "1M requests", AWS: rdsCode, Family: "System Operation", Usage: "RDS:StorageIOUsage", FileUnit: "IOs", Start: "0", Conv: perMillion},
	{Service: "aws-rds", Key: "backup", Unit: "GB-months", AWS: rdsCode, Family: "Storage Snapshot", Usage: "RDS:ChargedBackupUsage", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "aurora/backup", Unit: "GB-months", AWS: rdsCode, Family: "Storage Snapshot", Usage: "Aurora:BackupUsage", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "aurora/storage", Unit: "GB-months", AWS: rdsCode, Family: "Database Storage", Usage: "Aurora:StorageUsage", FileUnit: "GB-Mo", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "aurora/io-requests", Unit: "1M requests", AWS: rdsCode, Family: "System Operation", Usage: "Aurora:StorageIOUsage", FileUnit: "IOs", Start: "0", Conv: perMillion},
	{Service: "aws-rds", Key: "aurora/serverless-v2", Unit: "ACU-hours", AWS: rdsCode, Family: "ServerlessV2", Usage: "Aurora:ServerlessV2Usage", FileUnit: "ACU-Hr", Start: "0", Conv: same},
	{Service: "aws-rds", Key: "cpu-credit", Unit: "vCPU-hours", AWS: rdsCode, Family: "CPU Credits", Usage: "", FileUnit: "vCPU-Hours", Start: "0", Attrs: openEngines, Conv: same},
	{Service: "aws-rds", Key: "aurora/cpu-credit", Unit: "vCPU-hours", AWS: rdsCode, Family: "CPU Credits", Usage: "", FileUnit: "vCPU-Hours", Start: "0", Attrs: auroraEngine, Conv: same},

	{Service: "aws-elasticache", Key: "backup", Unit: "GB-months", AWS: []string{"AmazonElastiCache"}, Family: "Storage Snapshot", Usage: "ElastiCache:BackupUsage", FileUnit: "GB-Mo", Start: "0", Conv: same},
}

// bulkRow is one row of the bulk file.
type bulkRow struct {
	line                         int
	service, family, usage, unit string
	start                        string
	price                        decimal.Decimal
	attrs                        map[string]string
}

// matches reports whether a row is one of the rate's. An empty Family or
// Usage matches any (RDS lists the same PIOPS rate under two families;
// CPU credits have one usage type per burstable family, all alike).
func (b bulkRate) matches(r bulkRow) bool {
	if !slices.Contains(b.AWS, r.service) || r.start != b.Start {
		return false
	}
	if b.Family != "" && r.family != b.Family {
		return false
	}
	if b.Usage != "" && r.usage != bulkPrefix+b.Usage {
		return false
	}
	if b.Usage == "" && !strings.HasPrefix(r.usage, bulkPrefix) {
		return false
	}
	for k, vals := range b.Attrs {
		if !slices.Contains(vals, r.attrs[k]) {
			return false
		}
	}
	return true
}

func readBulk(fsys fs.FS) ([]bulkRow, error) {
	t, err := readTable(fsys, bulkFile, "service", "region", "product_family", "usagetype", "unit", "price_usd", "start_range", "attributes_json")
	if err != nil {
		return nil, err
	}
	var rows []bulkRow
	for _, r := range t.rows {
		if t.get(r, "region") != bulkRegion {
			continue // "-": global and inter-region rows
		}
		p, ok, err := t.price(r, "price_usd")
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		attrs := map[string]string{}
		if err := json.Unmarshal([]byte(t.get(r, "attributes_json")), &attrs); err != nil {
			return nil, fmt.Errorf("%s:%d: attributes_json: %w", bulkFile, r.line, err)
		}
		rows = append(rows, bulkRow{
			line: r.line, service: t.get(r, "service"), family: t.get(r, "product_family"),
			usage: t.get(r, "usagetype"), unit: t.get(r, "unit"), start: t.get(r, "start_range"),
			price: p, attrs: attrs,
		})
	}
	return rows, nil
}

// addBulk adds the eu-west-1 rates. Every rate must match rows that all
// agree: the table was reviewed against this file, so anything else means
// the file or the table changed.
func addBulk(fsys fs.FS, s *sink) error {
	rows, err := readBulk(fsys)
	if err != nil {
		return err
	}
	for _, b := range bulkRates {
		var price decimal.Decimal
		first := 0
		for _, r := range rows {
			if !b.matches(r) {
				continue
			}
			if r.unit != b.FileUnit {
				return fmt.Errorf("%s:%d: %s has unit %q, the mapping for %s %s expects %q", bulkFile, r.line, r.usage, r.unit, b.Service, b.Key, b.FileUnit)
			}
			if first == 0 {
				price, first = r.price, r.line
			} else if !r.price.Equal(price) {
				return fmt.Errorf("%s:%d: %s is %s but line %d says %s, for %s %s", bulkFile, r.line, r.usage, r.price, first, price, b.Service, b.Key)
			}
		}
		if first == 0 {
			return fmt.Errorf("%s: no rows for %s %s (%s %s)", bulkFile, b.Service, b.Key, b.Family, b.Usage)
		}
		p := b.Conv.apply(span{price, price, bulkFile, false})
		if !p.exact() {
			return fmt.Errorf("%s:%d: %s %s: %s does not convert exactly", bulkFile, first, b.Service, b.Key, price)
		}
		if err := s.add(b.Service, bulkRegion, b.Key, p.lo, b.Unit, "aws-eu-west-1-bulk"); err != nil {
			return err
		}
	}
	return nil
}
