// Package azure holds the cost models of Azure (azurerm) resource types,
// one file per type or family, and the list of azurerm types that cost
// nothing. Prices are looked up by armRegionName ("westeurope"), the
// spelling the Azure Retail Prices API uses, whichever way a
// configuration spells the location.
package azure

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// Catalog services of the Azure models (pricing/catalog/README.md lists
// their keys).
const (
	vmService         = "azure-vm"
	diskService       = "azure-disk"
	storageService    = "azure-storage"
	networkService    = "azure-network"
	firewallService   = "azure-firewall"
	aksService        = "azure-aks"
	sqlService        = "azure-sql"
	postgresService   = "azure-postgresql"
	mysqlService      = "azure-mysql"
	appServiceService = "azure-appservice"
)

// GlobalRegion is where the catalog keeps prices Azure publishes once for
// every region (armRegionName "Global"): load balancer rules, NAT
// gateways, SQL licences.
const GlobalRegion = "global"

// Models returns every Azure cost model.
func Models() []pricing.Model {
	return []pricing.Model{
		// Compute and containers.
		linuxVMModel,
		windowsVMModel,
		legacyVMModel,
		scaleSetModel("azurerm_linux_virtual_machine_scale_set", "linux"),
		scaleSetModel("azurerm_windows_virtual_machine_scale_set", "windows"),
		managedDiskModel,
		aksClusterModel,
		aksNodePoolModel,
		servicePlanModel,
		appServicePlanModel,
		// Networking.
		publicIPModel,
		loadBalancerModel,
		natGatewayModel,
		firewallModel,
		// Data.
		storageAccountModel,
		mssqlDatabaseModel,
		flexibleServerModel("azurerm_postgresql_flexible_server", postgresService),
		flexibleServerModel("azurerm_mysql_flexible_server", mysqlService),
	}
}

// Region returns a location as the catalog names regions: "West Europe",
// "westeurope" and "WestEurope" all become "westeurope".
func Region(location string) string {
	return strings.ToLower(strings.Join(strings.Fields(location), ""))
}

// model builds a Model whose Price sees a Pricer in the resource's region
// in catalog spelling. Resources without a location of their own (a node
// pool, a database on a server) take it from the resource that attribute
// via names.
func model(typ string, usage []pricing.UsageKey, via string, price func(pricing.Resource, pricing.Pricer) []pricing.Component) pricing.Model {
	return pricing.Model{
		Type:  typ,
		Usage: usage,
		Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
			region := r.Region
			if region == "" && via != "" {
				if parent, ok := r.Follow(via); ok {
					region = parent.Region
				}
			}
			if region = Region(region); region == "" {
				why := "location is not known"
				if via != "" {
					why = "location is not known: " + via + " does not name a resource of the plan with a known location"
				}
				return pricing.UnpriceAll(price(r, p.In("")), why)
			}
			return price(r, p.In(region))
		},
	}
}

// globalFallback prices a component at the region's own price, else at
// the price Azure publishes for all regions.
func globalFallback(p pricing.Pricer, name, unit string, q decimal.Decimal, service, key string) pricing.Component {
	c := p.Component(name, unit, q, service, key)
	if c.Priced() {
		return c
	}
	if g := p.In(GlobalRegion).Component(name, unit, q, service, key); g.Priced() {
		return g
	}
	return c
}

var (
	// one counts one thing that runs all month.
	one = decimal.NewFromInt(1)
	// perTenThou turns operation counts into the 10,000s Azure prices
	// them in.
	perTenThou = pricing.Dec("0.0001")
)

// Usage-file keys that several models read.
const (
	usageDataProcessed = "monthly_data_processed_gb"
	usageStorageGB     = "storage_gb"
	usageBackupGB      = "additional_backup_storage_gb"
)

var dataProcessedUsage = pricing.UsageKey{Name: usageDataProcessed, Description: "data processed a month, in GB"}

// count returns a count attribute: its value, the provider's default when
// it is left unset (known only after apply, or absent), or why it cannot
// be used. note says when the default was assumed.
func count(a pricing.Attrs, name string, def int64) (n decimal.Decimal, note, why string) {
	if v, ok := a.Decimal(name); ok {
		if v.IsNegative() || !v.Equal(v.Truncate(0)) {
			return decimal.Zero, "", name + " is not a whole number ≥ 0"
		}
		return v, "", ""
	}
	if def < 0 {
		if a.Unknown(name) {
			return decimal.Zero, "", pricing.UnknownAttr(name)
		}
		return decimal.Zero, "", name + " is not set"
	}
	return decimal.NewFromInt(def), name + " " + decimal.NewFromInt(def).String() + " assumed", ""
}
