package aws

import (
	"fmt"

	"github.com/tollgate-dev/tollgate/pricing"
)

// auroraServerless is the instance class of Aurora Serverless v2, billed
// by the capacity it scales to rather than by the hour.
const auroraServerless = "db.serverless"

var rdsClusterInstanceModel = pricing.Model{
	Type: "aws_rds_cluster_instance",
	Usage: []pricing.UsageKey{
		{Name: "average_acus", Description: "average Aurora capacity units (ACUs) a db.serverless (Serverless v2) instance runs at"},
		rdsCreditUsage,
	},
	Price: priceRDSClusterInstance,
}

func priceRDSClusterInstance(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	class, why := a.NeedString("instance_class")
	if why != "" {
		return []pricing.Component{pricing.Unpriced("Database instance", "hours", why)}
	}
	eng, why := rdsEngineAttr(a)
	if why != "" {
		c := pricing.Unpriced(pricing.Qualified("Database instance", "on-demand", class), "hours", why)
		c.Quantity = pricing.Hours
		return []pricing.Component{c}
	}
	if class == auroraServerless {
		return []pricing.Component{p.UsageScaled(pricing.Qualified("Aurora Serverless v2", eng.display), "ACU-hours", "average_acus", pricing.Hours, rdsService, "aurora/serverless-v2")}
	}
	comps := []pricing.Component{
		p.Hourly(pricing.Qualified("Database instance", eng.display, "on-demand", class), one, rdsService, "instance/"+class+"/"+eng.key),
	}
	return append(comps, rdsCPUCredits(p, class, eng)...)
}

var rdsClusterModel = pricing.Model{
	Type: "aws_rds_cluster",
	Usage: []pricing.UsageKey{
		{Name: usageStorageGB, Description: "average Aurora cluster volume size, in GB"},
		{Name: "monthly_io_requests", Description: "I/O requests a month (Aurora Standard storage only)"},
		{Name: usageBackupGB, Description: "backup storage beyond the free allowance (as much as the cluster volume), in GB"},
	},
	Price: priceRDSCluster,
}

// priceRDSCluster prices what an Aurora cluster bills itself: storage, I/O
// and backups. Its instances are aws_rds_cluster_instance resources.
func priceRDSCluster(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	eng, why := rdsEngineAttr(a)
	if why != "" {
		return []pricing.Component{pricing.Unpriced("Cluster storage", "GB", why)}
	}
	if !eng.aurora {
		return []pricing.Component{pricing.Unpriced(pricing.Qualified("Multi-AZ DB cluster", eng.display), "hours",
			fmt.Sprintf("Multi-AZ DB clusters (engine %s) are not priced", eng.key))}
	}
	var comps []pricing.Component
	if mode := a.StringOr("engine_mode", "provisioned"); mode != "provisioned" {
		// Serverless v1 capacity, parallel query and multimaster clusters
		// bill capacity in ways the catalog does not hold.
		comps = append(comps, pricing.Unpriced(pricing.Qualified("Aurora capacity", mode), "ACU-hours",
			fmt.Sprintf("engine_mode %q is not priced", mode)))
	}
	// storage_type is computed when not configured; AWS then uses Aurora
	// Standard ("aurora", or "" in older provider versions).
	st, ok := a.String("storage_type")
	switch {
	case st == "aurora-iopt1":
		// I/O-Optimized has no I/O charge; its storage costs more.
		comps = append(comps, p.UsageComponent("Storage (Aurora I/O-Optimized)", "GB", usageStorageGB, rdsService, "aurora/storage/io-optimized"))
	case ok && st != "" && st != "aurora":
		comps = append(comps, pricing.Unpriced("Storage", "GB", fmt.Sprintf("storage_type %q is not priced", st)))
	default:
		name := "Storage (Aurora Standard)"
		if !ok {
			name = "Storage (Aurora Standard assumed)"
		}
		comps = append(comps,
			p.UsageComponent(name, "GB", usageStorageGB, rdsService, "aurora/storage"),
			p.UsageScaled("I/O requests", "1M requests", "monthly_io_requests", perMillion, rdsService, "aurora/io-requests"))
	}
	return append(comps, p.UsageComponent("Additional backup storage", "GB", usageBackupGB, rdsService, "aurora/backup"))
}
