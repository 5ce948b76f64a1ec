package aws

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

const rdsService = "aws-rds"

// rdsEngine is a database engine as the catalog names it.
type rdsEngine struct {
	key     string // catalog engine name, e.g. "postgres"
	display string
	aurora  bool // storage and backups are billed by the cluster
	// licensed engines (Oracle, SQL Server, Db2) include a licence in the
	// price: their Multi-AZ hours are not simply twice Single-AZ, and the
	// catalog folds editions and licence models into one price.
	licensed bool
}

const foldedLicence = "Oracle, SQL Server and Db2 prices fold editions and licence models into one price: indicative only"

// rdsEngineOf maps a Terraform engine name to its catalog engine. RDS
// Custom engines (custom-oracle-ee, custom-sqlserver-se, ...) are billed
// differently and are not priced.
func rdsEngineOf(engine string) (rdsEngine, bool) {
	switch engine {
	case "mysql":
		return rdsEngine{key: "mysql", display: "MySQL"}, true
	case "postgres":
		return rdsEngine{key: "postgres", display: "PostgreSQL"}, true
	case "mariadb":
		return rdsEngine{key: "mariadb", display: "MariaDB"}, true
	case "aurora", "aurora-mysql": // "aurora" is the old name of Aurora MySQL
		return rdsEngine{key: "aurora-mysql", display: "Aurora MySQL", aurora: true}, true
	case "aurora-postgresql":
		return rdsEngine{key: "aurora-postgresql", display: "Aurora PostgreSQL", aurora: true}, true
	}
	for prefix, e := range map[string]rdsEngine{
		"oracle-":    {key: "oracle", display: "Oracle", licensed: true},
		"sqlserver-": {key: "sqlserver", display: "SQL Server", licensed: true},
		"db2-":       {key: "db2", display: "Db2", licensed: true},
	} {
		if strings.HasPrefix(engine, prefix) {
			return e, true
		}
	}
	return rdsEngine{}, false
}

// rdsEngineAttr reads the engine attribute, or says why it cannot be used.
func rdsEngineAttr(a pricing.Attrs) (rdsEngine, string) {
	name, why := a.NeedString("engine")
	if why != "" {
		return rdsEngine{}, why
	}
	e, ok := rdsEngineOf(name)
	if !ok {
		return rdsEngine{}, fmt.Sprintf("engine %q is not priced (priced: mysql, postgres, mariadb, aurora-mysql, aurora-postgresql, oracle-*, sqlserver-*, db2-*)", name)
	}
	return e, ""
}

var dbInstanceModel = pricing.Model{
	Type: "aws_db_instance",
	Usage: []pricing.UsageKey{
		{Name: usageBackupGB, Description: "backup storage beyond the free allowance (as much as the provisioned storage), in GB"},
		{Name: usageStandardIO, Description: "I/O requests a month of magnetic (standard) storage"},
		rdsCreditUsage,
	},
	Price: priceDBInstance,
}

func priceDBInstance(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	// multi_az is computed when not configured; AWS then creates Single-AZ.
	multiAZ, known := a.Bool("multi_az")
	deployment := "Single-AZ"
	if !known {
		deployment = "Single-AZ assumed"
	}
	class, classWhy := a.NeedString("instance_class")
	eng, engWhy := rdsEngineAttr(a)

	comps := []pricing.Component{dbInstanceHours(p, class, classWhy, eng, engWhy, multiAZ, deployment)}
	if engWhy == "" && eng.aurora {
		// Aurora storage, I/O and backups are billed by aws_rds_cluster.
		return append(comps, rdsCPUCredits(p, class, eng)...)
	}
	comps = append(comps, rdsStorage(p, a, eng, engWhy, multiAZ)...)
	comps = append(comps, rdsCPUCredits(p, class, eng)...)
	return append(comps, p.UsageComponent("Additional backup storage", "GB", usageBackupGB, rdsService, "backup"))
}

func dbInstanceHours(p pricing.Pricer, class, classWhy string, eng rdsEngine, engWhy string, multiAZ bool, deployment string) pricing.Component {
	switch {
	case classWhy != "":
		return pricing.Unpriced("Database instance", "hours", classWhy)
	case engWhy != "":
		c := pricing.Unpriced(pricing.Qualified("Database instance", "on-demand", class), "hours", engWhy)
		c.Quantity = pricing.Hours
		return c
	}
	key := "instance/" + class + "/" + eng.key
	name := func(deployment string) string {
		if eng.aurora {
			return pricing.Qualified("Database instance", eng.display, "on-demand", class)
		}
		return pricing.Qualified("Database instance", eng.display, "on-demand", deployment, class)
	}
	var c pricing.Component
	switch {
	case !multiAZ || eng.aurora:
		c = p.Hourly(name(deployment), one, rdsService, key)
	case eng.licensed:
		c = p.Hourly(name("Multi-AZ"), one, rdsService, key+"/multi-az")
		if !c.Priced() {
			c.Unpriced += "; Multi-AZ hours of licence-included engines are not twice Single-AZ, so they are not derived"
		}
	default:
		c = rdsDeployed(p, name, "hours", pricing.Hours, key, true)
	}
	if eng.licensed && c.Priced() {
		c.Approximation = strings.TrimPrefix(c.Approximation+"; "+foldedLicence, "; ")
	}
	return c
}

// rdsDeployed prices a quantity in one deployment: Multi-AZ at the catalog's
// Multi-AZ price when it has one, else at twice the Single-AZ price (AWS
// bills a Multi-AZ instance's hours, storage and IOPS at exactly double
// for MySQL, PostgreSQL and MariaDB, because it runs a standby copy), and
// says so in the name.
func rdsDeployed(p pricing.Pricer, name func(deployment string) string, unit string, q decimal.Decimal, key string, multiAZ bool) pricing.Component {
	if !multiAZ {
		return p.Component(name("Single-AZ"), unit, q, rdsService, key)
	}
	c := p.Component(name("Multi-AZ"), unit, q, rdsService, key+"/multi-az")
	if c.Priced() {
		return c
	}
	c = p.Component(name("Multi-AZ, 2 × Single-AZ"), unit, q, rdsService, key)
	if c.Priced() {
		two := decimal.NewFromInt(2)
		c.UnitPrice = c.UnitPrice.Mul(two)
		c.MonthlyCost = c.MonthlyCost.Mul(two)
	}
	return c
}

// rdsCreditUsage documents the key rdsCPUCredits reads, for DB instances
// and Aurora cluster instances alike.
var rdsCreditUsage = pricing.UsageKey{
	Name:        usageCreditHours,
	Description: "surplus CPU credits a month of a burstable db.t3/db.t4g instance (always unlimited mode), in vCPU-hours",
}

// rdsCPUCredits prices the surplus credits of burstable classes: RDS runs
// db.t3 and db.t4g in unlimited mode only (db.t2 in standard mode, which
// never bills credits).
// Aurora credits have a price of their own.
func rdsCPUCredits(p pricing.Pricer, class string, eng rdsEngine) []pricing.Component {
	if !strings.HasPrefix(class, "db.t3.") && !strings.HasPrefix(class, "db.t4g.") {
		return nil
	}
	key := "cpu-credit"
	if eng.aurora {
		key = "aurora/cpu-credit"
	}
	return []pricing.Component{p.UsageComponent("CPU credits", "vCPU-hours", usageCreditHours, rdsService, key)}
}
