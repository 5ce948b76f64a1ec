package gcp

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// Cloud SQL machine tiers: shared-core tiers have an hourly price of their
// own; db-custom-CPUS-MIB and the legacy db-n1 tiers are billed per vCPU
// and GB of memory.
var (
	sqlCustomTier = regexp.MustCompile(`^db-custom-([0-9]+)-([0-9]+)$`)
	sqlN1Tier     = regexp.MustCompile(`^db-n1-(standard|highmem)-([0-9]+)$`)
	sqlSharedTier = map[string]bool{"db-f1-micro": true, "db-g1-small": true}
	// Memory per vCPU of the db-n1 tiers, in GB.
	sqlN1Memory = map[string]decimal.Decimal{"standard": pricing.Dec("3.75"), "highmem": pricing.Dec("6.5")}
	// Cloud SQL's default storage: 10 GB of SSD.
	defaultSQLDiskSize = pricing.Dec("10")
	two                = decimal.NewFromInt(2)
)

var sqlInstanceModel = pricing.Model{
	Type: "google_sql_database_instance",
	// A regional (high-availability) instance runs a standby in a second
	// zone: its vCPUs, memory and storage are billed twice. Backups,
	// network egress and read replicas (their own resources) are not here.
	Price: regional(priceSQLInstance),
}

func priceSQLInstance(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	s, _ := a.Block("settings")
	engine, license, reason := sqlEngine(a)
	tier, tierReason := s.NeedString("tier")
	quals := []string{tier}
	regional := strings.EqualFold(s.StringOr("availability_type", ""), "REGIONAL")
	copies := one
	if regional {
		quals, copies = append(quals, "regional, two instances"), two
	}
	var out []pricing.Component
	switch {
	case tierReason != "":
		out = append(out, hours(pricing.Unpriced("Instance", "hours", "settings."+tierReason)))
	case sqlSharedTier[tier]:
		out = append(out, p.Hourly(pricing.Qualified("Instance", quals...), copies, sqlService, "instance/"+tier+"/"+engine))
	default:
		vcpus, memory, ok := sqlShape(tier)
		if !ok {
			out = append(out, hours(pricing.Unpriced(pricing.Qualified("Instance", quals...), "hours", "tier "+tier+" is not a shared-core, db-custom or db-n1 tier")))
			break
		}
		out = append(out,
			p.Component(pricing.Qualified("vCPUs", quals...), "vCPU-hours", vcpus.Mul(pricing.Hours).Mul(copies), sqlService, "vcpu/"+engine),
			p.Component(pricing.Qualified("Memory", quals...), "GB-hours", memory.Mul(pricing.Hours).Mul(copies), sqlService, "ram/"+engine))
	}
	out = append(out, sqlStorage(p, s, engine, regional, copies))
	if license != "" {
		out = append(out, hours(pricing.Unpriced("SQL Server licence", "hours", "SQL Server licence fees are not in the catalog")))
	}
	switch {
	case reason != "":
		return pricing.UnpriceAll(out, reason)
	case strings.EqualFold(s.StringOr("edition", ""), "ENTERPRISE_PLUS"):
		return pricing.UnpriceAll(out, "Enterprise Plus edition prices are not in the catalog")
	}
	return out
}

// sqlEngine names the engine of database_version (MYSQL_8_0, POSTGRES_15,
// SQLSERVER_2019_STANDARD) as catalog keys do; license is set for SQL
// Server, whose licence is billed on top.
func sqlEngine(a pricing.Attrs) (engine, license, reason string) {
	v, why := a.NeedString("database_version")
	switch {
	case why != "":
		return "", "", why
	case strings.HasPrefix(v, "MYSQL"):
		return "mysql", "", ""
	case strings.HasPrefix(v, "POSTGRES"):
		return "postgres", "", ""
	case strings.HasPrefix(v, "SQLSERVER"):
		return "sqlserver", v, ""
	}
	return "", "", "database_version " + v + " is not MySQL, PostgreSQL or SQL Server"
}

// sqlShape returns the vCPUs and GB of memory of a db-custom or db-n1 tier.
func sqlShape(tier string) (vcpus, memory decimal.Decimal, ok bool) {
	if m := sqlCustomTier.FindStringSubmatch(tier); m != nil {
		vcpus, _ = decimal.NewFromString(m[1])
		mib, _ := decimal.NewFromString(m[2])
		return vcpus, mib.Div(mibPerGB), true
	}
	if m := sqlN1Tier.FindStringSubmatch(tier); m != nil {
		vcpus, _ = decimal.NewFromString(m[2])
		return vcpus, vcpus.Mul(sqlN1Memory[m[1]]), true
	}
	return decimal.Zero, decimal.Zero, false
}

func sqlStorage(p pricing.Pricer, s pricing.Attrs, engine string, regional bool, copies decimal.Decimal) pricing.Component {
	kind, label := "ssd", "SSD"
	if strings.EqualFold(s.StringOr("disk_type", ""), "PD_HDD") {
		kind, label = "hdd", "HDD"
	}
	quals := []string{label}
	size, ok := s.Decimal("disk_size")
	if !ok || !size.IsPositive() {
		size = defaultSQLDiskSize
		quals = append(quals, "size assumed")
	}
	if regional {
		quals = append(quals, "regional, two copies")
	}
	return p.Component(pricing.Qualified("Storage", quals...), "GB-months", size.Mul(copies), sqlService, "storage/"+kind+"/"+engine)
}
