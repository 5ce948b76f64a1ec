package azure

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

const usageVCoreHours = "monthly_vcore_hours"

var mssqlDatabaseModel = model("azurerm_mssql_database", []pricing.UsageKey{
	{Name: usageVCoreHours, Description: "vCore-hours a serverless database (GP_S_*) is billed for a month"},
	{Name: usageStorageGB, Description: "data stored by a Hyperscale database, in GB"},
}, "server_id", priceSQLDatabase)

// DTU service objectives: Basic, Standard S0-S12, Premium P1-P15.
var dtuSKU = regexp.MustCompile(`^(Basic|S\d+|P\d+)$`)

// vCore SKUs: edition, serverless, hardware family, vCores; e.g.
// GP_Gen5_2, GP_S_Gen5_4, BC_Gen5_8, HS_Gen5_2.
var vcoreSKU = regexp.MustCompile(`^(GP|BC|HS)_(S_)?([A-Za-z0-9]+)_(\d+)$`)

var sqlEditions = map[string]struct{ key, label string }{
	"GP": {"general-purpose", "General Purpose"},
	"BC": {"business-critical", "Business Critical"},
	"HS": {"hyperscale", "Hyperscale"},
}

// priceSQLDatabase prices a single database. A database in an elastic
// pool is billed through the pool.
func priceSQLDatabase(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	if id := a.StringOr("elastic_pool_id", ""); id != "" || a.Unknown("elastic_pool_id") || a.StringOr("sku_name", "") == "ElasticPool" {
		return nil
	}
	sku, why := a.NeedString("sku_name")
	if why != "" {
		return []pricing.Component{pricing.Unpriced("Compute", "hours", why)}
	}
	if dtuSKU.MatchString(sku) {
		// DTU databases include their storage up to the tier's maximum.
		return []pricing.Component{p.Hourly(pricing.Qualified("Compute", sku, "DTU"), one, sqlService, "dtu/"+sku)}
	}
	m := vcoreSKU.FindStringSubmatch(sku)
	if m == nil {
		return []pricing.Component{pricing.Unpriced(pricing.Qualified("Compute", sku), "hours",
			fmt.Sprintf("sku_name %q is not a DTU (Basic, S0, P1...) or vCore (GP_Gen5_2, GP_S_Gen5_2, BC_Gen5_4, HS_Gen5_2) SKU", sku))}
	}
	ed, serverless, family := sqlEditions[m[1]], m[2] != "", strings.ToLower(m[3])
	cores, _ := decimal.NewFromString(m[4])
	var out []pricing.Component
	if serverless {
		// Serverless compute includes the SQL licence.
		out = append(out, p.UsageComponent(pricing.Qualified("Compute", "serverless", sku), "vCore-hours", usageVCoreHours, sqlService, "serverless/"+ed.key+"/"+family))
	} else {
		// Hyperscale read replicas are billed like the primary.
		replicas := one
		if n, ok := a.Decimal("read_replica_count"); ok && n.IsPositive() && m[1] == "HS" {
			replicas = replicas.Add(n)
		}
		vcoreHours := cores.Mul(pricing.Hours).Mul(replicas)
		replicaNote := ""
		if !replicas.Equal(one) {
			replicaNote = replicas.String() + " replicas"
		}
		out = append(out, p.Component(pricing.Qualified("Compute", "provisioned", sku, replicaNote), "vCore-hours", vcoreHours, sqlService, "vcore/"+ed.key+"/"+family))
		// license_type BasePrice is Azure Hybrid Benefit: the customer's
		// own SQL Server licence.
		if a.StringOr("license_type", "LicenseIncluded") != "BasePrice" {
			out = append(out, globalFallback(p, pricing.Qualified("SQL license", ed.label), "vCore-hours", vcoreHours, sqlService, "license/"+ed.key))
		}
	}
	return append(out, sqlStorage(a, p, ed.key))
}

// sqlDefaultMaxGB is the maximum size Azure gives a vCore database that
// sets none.
var sqlDefaultMaxGB = decimal.NewFromInt(32)

// sqlStorage is the storage of a vCore database: the maximum size it is
// allowed to grow to, except Hyperscale, which bills what it stores.
func sqlStorage(a pricing.Attrs, p pricing.Pricer, edition string) pricing.Component {
	key := "storage/" + edition
	if edition == "hyperscale" {
		return p.UsageComponent("Storage", "GB", usageStorageGB, sqlService, key)
	}
	if size, ok := a.Decimal("max_size_gb"); ok {
		return p.Component("Storage", "GB", size, sqlService, key)
	}
	return p.Component(pricing.Qualified("Storage", sqlDefaultMaxGB.String()+" GB assumed"), "GB", sqlDefaultMaxGB, sqlService, key)
}
