package awsfeed

import "strings"

// EC2: instances, CPU credits and the EBS-optimized surcharge are keyed
// by the row; EBS, NAT gateways and the idle-address fallback are fixed.
var ec2Offer = (&offer{
	code: "AmazonEC2", source: "aws-ec2-bulk",
	need: []attr{aInstanceType, aTenancy, aOS, aPreInstalled, aCapacity},
	rules: []*rule{
		{service: "aws-ec2", prefix: "BoxUsage:", keyOf: ec2Instance, unit: "hours", fileUnits: hourUnits, conv: same},
		{service: "aws-ec2", prefix: "CPUCredits:", keyOf: cpuCredit, unit: "vCPU-hours", family: "CPU Credits", fileUnits: []string{"vCPU-Hours"}, conv: same},
		// A $0 row means EBS optimization is included in the type.
		{service: "aws-ec2", prefix: "EBSOptimized:", keyOf: ebsOptimized, unit: "hours", fileUnits: hourUnits, conv: same},

		static("aws-ebs", "storage/gp2", "GB-months", same, gbMonthUnits, "EBS:VolumeUsage.gp2"),
		static("aws-ebs", "storage/gp3", "GB-months", same, gbMonthUnits, "EBS:VolumeUsage.gp3"),
		static("aws-ebs", "storage/io1", "GB-months", same, gbMonthUnits, "EBS:VolumeUsage.piops"),
		static("aws-ebs", "storage/io2", "GB-months", same, gbMonthUnits, "EBS:VolumeUsage.io2"),
		static("aws-ebs", "storage/st1", "GB-months", same, gbMonthUnits, "EBS:VolumeUsage.st1"),
		static("aws-ebs", "storage/sc1", "GB-months", same, gbMonthUnits, "EBS:VolumeUsage.sc1"),
		static("aws-ebs", "storage/standard", "GB-months", same, gbMonthUnits, "EBS:VolumeUsage"),
		static("aws-ebs", "iops/gp3", "IOPS-months", same, iopsUnits, "EBS:VolumeP-IOPS.gp3"),
		static("aws-ebs", "iops/io1", "IOPS-months", same, iopsUnits, "EBS:VolumeP-IOPS.piops"),
		static("aws-ebs", "iops/io2/tier1", "IOPS-months", same, iopsUnits, "EBS:VolumeP-IOPS.io2"),
		static("aws-ebs", "iops/io2/tier2", "IOPS-months", same, iopsUnits, "EBS:VolumeP-IOPS.io2.tier2"),
		static("aws-ebs", "iops/io2/tier3", "IOPS-months", same, iopsUnits, "EBS:VolumeP-IOPS.io2.tier3"),
		// AWS lists gp3 throughput per GiB/s-month; the key is per MiB/s.
		static("aws-ebs", "throughput/gp3", "MiBps-months", gibToMib, []string{"GiBps-mo"}, "EBS:VolumeP-Throughput.gp3"),
		static("aws-ebs", "io-requests/standard", "1M requests", perMillion, []string{"IOs"}, "EBS:VolumeIOUsage"),
		static("aws-ebs", "snapshot/standard", "GB-months", same, gbMonthUnits, "EBS:SnapshotUsage"),
		static("aws-ebs", "snapshot/archive", "GB-months", same, gbMonthUnits, "EBS:SnapshotArchiveStorage"),

		static("aws-vpc", "nat-gateway", "hours", same, hourUnits, "NatGateway-Hours").inFamily("NAT Gateway"),
		static("aws-vpc", "nat-gateway/data", "GB", same, gbUnits, "NatGateway-Bytes").inFamily("NAT Gateway"),
		// Before AmazonVPC listed public IPv4, an idle Elastic IP (the
		// tier from 1: the tier from 0 was a running instance's free
		// first address) was the rate every address now pays.
		static("aws-vpc", "public-ipv4", "hours", same, hourUnits, "ElasticIP:IdleAddress").tier("1").ranked(func(row) int { return 1 }),
	},
}).index()

type ec2OS struct{ key, operation string }

// ec2OSes maps the Operating System column to the catalog's os and the
// operation of its on-demand, licence-included rows.
var ec2OSes = map[string]ec2OS{
	"Linux":   {"linux", "RunInstances"},
	"Windows": {"windows", "RunInstances:0002"},
	"RHEL":    {"rhel", "RunInstances:0010"},
	"SUSE":    {"suse", "RunInstances:000g"},
}

// ec2Instance keeps shared-tenancy, on-demand hours with no pre-installed
// software. CapacityStatus "Used" leaves out capacity reservations; the
// operation leaves out bring-your-own-licence Windows.
func ec2Instance(r row, typ string) (string, int, bool) {
	if f := r.get(aFamily); f != "Compute Instance" && f != "Compute Instance (bare metal)" {
		return "", 0, false
	}
	if r.get(aTenancy) != "Shared" || r.get(aCapacity) != "Used" || r.get(aPreInstalled) != "NA" || r.get(aInstanceType) != typ {
		return "", 0, false
	}
	os, ok := ec2OSes[r.get(aOS)]
	if !ok || (r.has(aOperation) && r.get(aOperation) != os.operation) {
		return "", 0, false
	}
	return "instance/" + typ + "/" + os.key, 0, true
}

// cpuCredit keys surplus credits by family ("CPUCredits:t3") and OS.
func cpuCredit(r row, family string) (string, int, bool) {
	switch r.get(aOS) {
	case "Linux":
		return "cpu-credit/" + family + "/linux", 0, true
	case "Windows":
		return "cpu-credit/" + family + "/windows", 0, true
	}
	return "", 0, false
}

func ebsOptimized(r row, typ string) (string, int, bool) {
	return "ebs-optimized/" + typ, 0, typ != ""
}

// RDS: instance hours by class, engine and deployment; everything else
// by usage type.
var rdsOffer = (&offer{
	code: "AmazonRDS", source: "aws-rds-bulk",
	need: []attr{aInstanceType, aEngine, aDeployment},
	rules: []*rule{
		{service: "aws-rds", prefix: "InstanceUsage:", keyOf: rdsInstance(""), family: "Database Instance", unit: "hours", fileUnits: hourUnits, conv: same},
		{service: "aws-rds", prefix: "Multi-AZUsage:", keyOf: rdsInstance("/multi-az"), family: "Database Instance", unit: "hours", fileUnits: hourUnits, conv: same},
		{service: "aws-rds", prefix: "CPUCredits:", keyOf: rdsCredit, family: "CPU Credits", unit: "vCPU-hours", fileUnits: []string{"vCPU-Hours"}, conv: same},

		rdsStatic("storage/gp2", "GB-months", gbMonthUnits, "RDS:GP2-Storage"),
		rdsStatic("storage/gp2/multi-az", "GB-months", gbMonthUnits, "RDS:Multi-AZ-GP2-Storage"),
		rdsStatic("storage/gp3", "GB-months", gbMonthUnits, "RDS:GP3-Storage"),
		rdsStatic("storage/gp3/multi-az", "GB-months", gbMonthUnits, "RDS:Multi-AZ-GP3-Storage"),
		rdsStatic("storage/io1", "GB-months", gbMonthUnits, "RDS:PIOPS-Storage"),
		rdsStatic("storage/io1/multi-az", "GB-months", gbMonthUnits, "RDS:Multi-AZ-PIOPS-Storage"),
		rdsStatic("storage/io2", "GB-months", gbMonthUnits, "RDS:PIOPS-Storage-IO2"),
		rdsStatic("storage/io2/multi-az", "GB-months", gbMonthUnits, "RDS:Multi-AZ-PIOPS-Storage-IO2"),
		rdsStatic("storage/standard", "GB-months", gbMonthUnits, "RDS:StorageUsage"),
		rdsStatic("storage/standard/multi-az", "GB-months", gbMonthUnits, "RDS:Multi-AZ-StorageUsage"),
		// RDS lists the io1 IOPS rate under two product families: any.
		rdsStatic("iops/io1", "IOPS-months", iopsUnits, "RDS:PIOPS"),
		rdsStatic("iops/io1/multi-az", "IOPS-months", iopsUnits, "RDS:Multi-AZ-PIOPS"),
		rdsStatic("iops/io2", "IOPS-months", iopsUnits, "RDS:PIOPS-IO2"),
		rdsStatic("iops/io2/multi-az", "IOPS-months", iopsUnits, "RDS:Multi-AZ-PIOPS-IO2"),
		rdsStatic("iops/gp3", "IOPS-months", iopsUnits, "RDS:GP3-PIOPS"),
		rdsStatic("iops/gp3/multi-az", "IOPS-months", iopsUnits, "RDS:Multi-AZ-GP3-PIOPS"),
		// "MBPS-Mo" is MiB/s provisioned for a month.
		rdsStatic("throughput/gp3", "MiBps-months", []string{"MBPS-Mo", "MiBps-Mo"}, "RDS:GP3-Throughput"),
		rdsStatic("throughput/gp3/multi-az", "MiBps-months", []string{"MBPS-Mo", "MiBps-Mo"}, "RDS:Multi-AZ-GP3-Throughput"),
		static("aws-rds", "io-requests/standard", "1M requests", perMillion, []string{"IOs"}, "RDS:StorageIOUsage").ranked(rdsEngineRank),
		rdsStatic("backup", "GB-months", gbMonthUnits, "RDS:ChargedBackupUsage"),
		rdsStatic("aurora/storage", "GB-months", gbMonthUnits, "Aurora:StorageUsage"),
		rdsStatic("aurora/storage/io-optimized", "GB-months", gbMonthUnits, "Aurora:IO-OptimizedStorageUsage"),
		static("aws-rds", "aurora/io-requests", "1M requests", perMillion, []string{"IOs"}, "Aurora:StorageIOUsage").ranked(rdsEngineRank),
		rdsStatic("aurora/backup", "GB-months", gbMonthUnits, "Aurora:BackupUsage"),
		rdsStatic("aurora/serverless-v2", "ACU-hours", []string{"ACU-Hr", "ACU-Hrs"}, "Aurora:ServerlessV2Usage"),
	},
}).index()

func rdsStatic(key, unit string, fileUnits []string, usage string) *rule {
	return static("aws-rds", key, unit, same, fileUnits, usage).ranked(rdsEngineRank)
}

// rdsEngineRank prefers the engine-independent row of storage and I/O
// rates ("Any"), then the open-source engines the keys are used for.
var rdsEngineRank = rankBy(aEngine, "Any", "", "MySQL", "Aurora MySQL", "PostgreSQL", "Aurora PostgreSQL", "MariaDB")

// rdsEngines maps Database Engine to the catalog's engine names.
var rdsEngines = map[string]string{
	"MySQL":             "mysql",
	"PostgreSQL":        "postgres",
	"MariaDB":           "mariadb",
	"Aurora MySQL":      "aurora-mysql",
	"Aurora PostgreSQL": "aurora-postgresql",
	"Oracle":            "oracle",
	"SQL Server":        "sqlserver",
	"Db2":               "db2",
}

// licensed ranks the editions and licence models of engines the catalog
// folds into one price (pricing/catalog/README.md: indicative only), so
// the one kept is always the same: licence included where AWS sells it,
// and the entry edition.
var licensed = map[string][]string{
	"oracle":    {"License included/Standard Two", "Bring your own license/Standard Two", "Bring your own license/Enterprise"},
	"sqlserver": {"License included/Standard", "License included/Web", "License included/Express", "License included/Enterprise"},
	"db2":       {"Bring your own license/Standard", "Bring your own license/Advanced"},
}

func rdsInstance(suffix string) func(row, string) (string, int, bool) {
	want := "Single-AZ"
	if suffix != "" {
		want = "Multi-AZ"
	}
	return func(r row, class string) (string, int, bool) {
		engine, ok := rdsEngines[r.get(aEngine)]
		if !ok || r.get(aDeployment) != want || r.get(aInstanceType) != class || r.get(aDeploymentModel) == "Custom" {
			return "", 0, false // RDS Custom is billed differently
		}
		rank := 0
		if order, ok := licensed[engine]; ok {
			rank = len(order)
			for i, o := range order {
				if o == r.get(aLicense)+"/"+r.get(aEdition) {
					rank = i
				}
			}
		}
		return "instance/" + class + "/" + engine + suffix, rank, true
	}
}

// rdsCredit keys burstable credits of open-source engines and of Aurora.
func rdsCredit(r row, _ string) (string, int, bool) {
	switch engine := rdsEngines[r.get(aEngine)]; {
	case strings.HasPrefix(engine, "aurora-"):
		return "aurora/cpu-credit", 0, true
	case engine == "mysql" || engine == "postgres" || engine == "mariadb":
		return "cpu-credit", 0, true
	}
	return "", 0, false
}

var elastiCacheOffer = (&offer{
	code: "AmazonElastiCache", source: "aws-elasticache-bulk",
	need: []attr{aInstanceType, aCacheEngine},
	rules: []*rule{
		{service: "aws-elasticache", prefix: "NodeUsage:", keyOf: cacheNode, family: "Cache Instance", unit: "hours", fileUnits: hourUnits, conv: same},
		static("aws-elasticache", "backup", "GB-months", same, gbMonthUnits, "ElastiCache:BackupUsage"),
	},
}).index()

// cacheNode keys Redis OSS and Memcached nodes together (Redis first if
// they ever differ) and Valkey nodes apart: Valkey is priced lower.
func cacheNode(r row, typ string) (string, int, bool) {
	if r.get(aInstanceType) != typ {
		return "", 0, false
	}
	switch r.get(aCacheEngine) {
	case "Redis":
		return "node/" + typ, 0, true
	case "Memcached":
		return "node/" + typ, 1, true
	case "Valkey":
		return "node/" + typ + "/valkey", 0, true
	}
	return "", 0, false
}
