package aws

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// rdsStorageKinds describes each RDS storage_type for component names.
var rdsStorageKinds = map[string]string{
	"gp2":      "general purpose SSD",
	"gp3":      "general purpose SSD",
	"io1":      "provisioned IOPS SSD",
	"io2":      "provisioned IOPS SSD",
	"standard": "magnetic",
}

// rdsStorage prices an RDS instance's own storage: GB, then provisioned
// IOPS and throughput, then magnetic I/O requests.
func rdsStorage(p pricing.Pricer, a pricing.Attrs, eng rdsEngine, engWhy string, multiAZ bool) []pricing.Component {
	// storage_type is computed when not configured; the provider documents
	// the default as io1 when iops is set, else gp2.
	st, ok := a.String("storage_type")
	assumed := ""
	if !ok || st == "" {
		st, assumed = "gp2", "gp2 assumed"
		if iops, ok := a.Decimal("iops"); ok && iops.IsPositive() {
			st, assumed = "io1", "io1 assumed"
		}
	}
	kind, known := rdsStorageKinds[st]
	if !known {
		return []pricing.Component{pricing.Unpriced("Storage", "GB", fmt.Sprintf("storage_type %q is not priced", st))}
	}
	typeQual := st
	if assumed != "" {
		typeQual = assumed
	}
	if st == "standard" {
		typeQual = ""
	}
	storageName := func(deployment string) string {
		return pricing.Qualified("Storage", kind, typeQual, multiAZLabel(deployment))
	}

	gb, gbWhy := a.NeedDecimal("allocated_storage")
	var comps []pricing.Component
	if gbWhy != "" {
		comps = append(comps, pricing.Unpriced(storageName(deploymentOf(multiAZ)), "GB", gbWhy))
	} else {
		comps = append(comps, rdsDeployed(p, storageName, "GB", gb, "storage/"+st, multiAZ))
	}

	switch st {
	case "io1", "io2":
		name := func(deployment string) string {
			return pricing.Qualified("Provisioned IOPS", st, multiAZLabel(deployment))
		}
		iops, why := a.NeedDecimal("iops")
		if why != "" {
			comps = append(comps, pricing.Unpriced(name(deploymentOf(multiAZ)), "IOPS", why))
		} else {
			comps = append(comps, rdsDeployed(p, name, "IOPS", iops, "iops/"+st, multiAZ))
		}
	case "gp3":
		comps = append(comps, rdsGP3Extras(p, a, eng, engWhy, gb, gbWhy, multiAZ)...)
	case "standard":
		comps = append(comps, p.UsageScaled("I/O requests", "1M requests", usageStandardIO, perMillion, rdsService, "io-requests/standard"))
	}
	return comps
}

// rdsGP3Extras prices gp3 IOPS and throughput above what the storage
// includes. An unknown iops or storage_throughput is the computed default,
// which is the included baseline, so it costs nothing extra.
func rdsGP3Extras(p pricing.Pricer, a pricing.Attrs, eng rdsEngine, engWhy string, gb decimal.Decimal, gbWhy string, multiAZ bool) []pricing.Component {
	var comps []pricing.Component
	extra := func(attr, what, unit, key, suffix string, included func(rdsGP3Baseline) int64) {
		v, ok := a.Decimal(attr)
		// Up to the smallest baseline costs nothing whatever the size.
		if !ok || v.LessThanOrEqual(decimal.NewFromInt(included(rdsGP3Included(eng, decimal.Zero)))) {
			return
		}
		why := gbWhy
		if why == "" {
			why = engWhy
		}
		if why != "" {
			comps = append(comps, pricing.Unpriced(pricing.Qualified(what, "gp3", multiAZLabel(deploymentOf(multiAZ))), unit, why))
			return
		}
		base := included(rdsGP3Included(eng, gb))
		if v.LessThanOrEqual(decimal.NewFromInt(base)) {
			return
		}
		name := func(deployment string) string {
			return pricing.Qualified(what, "gp3", fmt.Sprintf("above the %s%s included", groupThousands(base), suffix), multiAZLabel(deployment))
		}
		comps = append(comps, rdsDeployed(p, name, unit, v.Sub(decimal.NewFromInt(base)), key, multiAZ))
	}
	extra("iops", "Provisioned IOPS", "IOPS", "iops/gp3", "", func(b rdsGP3Baseline) int64 { return b.iops })
	extra("storage_throughput", "Provisioned throughput", "MiBps", "throughput/gp3", " MiBps", func(b rdsGP3Baseline) int64 { return b.mibps })
	return comps
}

// rdsGP3Baseline is the IOPS and throughput (MiB/s) that gp3 storage
// includes at no charge.
type rdsGP3Baseline struct{ iops, mibps int64 }

// rdsGP3Included follows the RDS user guide: gp3 includes 3,000 IOPS and
// 125 MiB/s; from 400 GB (200 GB for Oracle) RDS stripes the storage
// across four volumes and includes 12,000 IOPS and 500 MiB/s. SQL Server
// never stripes.
func rdsGP3Included(eng rdsEngine, gb decimal.Decimal) rdsGP3Baseline {
	threshold := int64(400)
	switch eng.key {
	case "oracle":
		threshold = 200
	case "sqlserver":
		return rdsGP3Baseline{iops: 3000, mibps: 125}
	}
	if gb.GreaterThanOrEqual(decimal.NewFromInt(threshold)) {
		return rdsGP3Baseline{iops: 12000, mibps: 500}
	}
	return rdsGP3Baseline{iops: 3000, mibps: 125}
}

func deploymentOf(multiAZ bool) string {
	if multiAZ {
		return "Multi-AZ"
	}
	return "Single-AZ"
}

// multiAZLabel is the qualifier storage components carry: none for
// Single-AZ, which is the norm.
func multiAZLabel(deployment string) string {
	if deployment == "Single-AZ" {
		return ""
	}
	return deployment
}

// groupThousands writes 12000 as "12,000".
func groupThousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
