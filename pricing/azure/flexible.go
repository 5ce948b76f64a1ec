package azure

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// flexibleSKU is a flexible server sku_name: tier prefix and VM size, e.g.
// B_Standard_B1ms, GP_Standard_D2ds_v4, MO_Standard_E4ds_v5.
var flexibleSKU = regexp.MustCompile(`^(B|GP|MO)_(Standard_\S+)$`)

// vcoreSize is a general-purpose or memory-optimized size: family, vCores,
// capabilities, version (D2ds_v4: D, 2, ds, v4).
var vcoreSize = regexp.MustCompile(`^Standard_([A-Z]+)(\d+)([a-z]*)_(v\d+)$`)

var flexibleTiers = map[string]string{"GP": "general-purpose", "MO": "memory-optimized"}

// Storage Azure gives a server that sets none: 32 GiB for PostgreSQL,
// 20 GiB for MySQL.
var flexibleDefaultStorageGB = map[string]decimal.Decimal{
	postgresService: decimal.NewFromInt(32),
	mysqlService:    decimal.NewFromInt(20),
}

// flexibleServerModel prices an Azure Database for PostgreSQL or MySQL
// flexible server: compute (twice with a high-availability standby),
// storage, and backup storage beyond the free amount from the usage file.
func flexibleServerModel(typ, service string) pricing.Model {
	return model(typ, []pricing.UsageKey{
		{Name: usageBackupGB, Description: "backup storage beyond the free amount (the server's provisioned storage), in GB"},
	}, "", func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		a := r.Attrs
		servers, standby := one, ""
		if ha, ok := a.Block("high_availability"); ok && ha.StringOr("mode", "") != "" {
			servers, standby = decimal.NewFromInt(2), "with high-availability standby"
		}
		out := []pricing.Component{flexibleCompute(a, p, service, servers, standby)}
		size, assumed := flexibleStorage(a, service)
		label := size.String() + " GB"
		if assumed {
			label += " assumed"
		}
		out = append(out, p.Component(pricing.Qualified("Storage", label, standby), "GB", size.Mul(servers), service, "storage"))
		return append(out, p.UsageComponent("Additional backup storage", "GB", usageBackupGB, service, "backup"))
	})
}

func flexibleCompute(a pricing.Attrs, p pricing.Pricer, service string, servers decimal.Decimal, standby string) pricing.Component {
	sku, why := a.NeedString("sku_name")
	if why != "" {
		return pricing.Unpriced("Compute", "hours", why)
	}
	m := flexibleSKU.FindStringSubmatch(sku)
	if m == nil {
		return pricing.Unpriced(pricing.Qualified("Compute", sku), "hours",
			fmt.Sprintf("sku_name %q is not a tier prefix and a size, such as B_Standard_B1ms or GP_Standard_D2ds_v4", sku))
	}
	name := pricing.Qualified("Compute", sku, standby)
	if m[1] == "B" {
		size := strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(m[2], "Standard_"), "_", ""))
		return p.Hourly(name, servers, service, "compute/burstable/"+size)
	}
	v := vcoreSize.FindStringSubmatch(m[2])
	if v == nil {
		return pricing.Unpriced(name, "vCore-hours", fmt.Sprintf("the vCores of size %s are not known", m[2]))
	}
	cores, _ := decimal.NewFromString(v[2])
	series := strings.ToLower(v[1] + v[3] + v[4])
	return p.Component(name, "vCore-hours", cores.Mul(pricing.Hours).Mul(servers), service, "compute/"+flexibleTiers[m[1]]+"/"+series)
}

// flexibleStorage is the provisioned storage in GB: PostgreSQL's
// storage_mb, MySQL's storage.size_gb, or Azure's default when the
// provider leaves it to Azure.
func flexibleStorage(a pricing.Attrs, service string) (size decimal.Decimal, assumed bool) {
	if service == postgresService {
		if mb, ok := a.Decimal("storage_mb"); ok && !mb.IsNegative() {
			return mb.Div(decimal.NewFromInt(1024)), false
		}
	} else if st, ok := a.Block("storage"); ok {
		if gb, ok := st.Decimal("size_gb"); ok && !gb.IsNegative() {
			return gb, false
		}
	}
	return flexibleDefaultStorageGB[service], true
}
