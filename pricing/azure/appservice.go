package azure

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// Plans that cost nothing by themselves: the Free tier, and the Functions
// Consumption plan (Y1, "Dynamic"), whose executions are billed to the
// function apps.
var freePlans = map[string]bool{"f1": true, "free": true, "y1": true, "dynamic": true}

// plan is an App Service plan: SKU, operating system and workers.
type plan struct {
	sku       string // as the catalog keys it: "p1v3"
	os        string // linux or windows
	workers   decimal.Decimal
	note      string // when workers was assumed
	reason    string // why the plan cannot be priced
	container bool
}

func (pl plan) components(p pricing.Pricer) []pricing.Component {
	if pl.reason != "" {
		return []pricing.Component{pricing.Unpriced("App Service plan", "hours", pl.reason)}
	}
	if freePlans[pl.sku] {
		return nil
	}
	label := "Linux"
	if pl.os == "windows" {
		label = "Windows"
		if pl.container {
			label = "Windows containers"
		}
	}
	name := pricing.Qualified("App Service plan", label, strings.ToUpper(pl.sku), pl.note)
	return []pricing.Component{p.Hourly(name, pl.workers, appServiceService, "plan/"+pl.sku+"/"+pl.os)}
}

// planSKU is a SKU name in catalog spelling: "P1v3", "P1 v3" and "P1V3"
// are all "p1v3".
func planSKU(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

var servicePlanModel = model("azurerm_service_plan", nil, "", func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	var pl plan
	sku, why := a.NeedString("sku_name")
	osType, osWhy := a.NeedString("os_type")
	switch {
	case why != "":
		pl.reason = why
	case osWhy != "":
		pl.reason = osWhy
	}
	pl.sku, pl.os = planSKU(sku), "windows"
	if osType == "Linux" {
		pl.os = "linux"
	}
	// Windows containers are billed at the plan's Windows rate.
	pl.container = osType == "WindowsContainer"
	n, note, nWhy := count(a, "worker_count", 1)
	pl.workers, pl.note = n, note
	if nWhy != "" && pl.reason == "" {
		pl.reason = nWhy
	}
	return pl.components(p)
})

// appServicePlanModel prices azurerm_app_service_plan, the resource
// azurerm_service_plan replaced.
var appServicePlanModel = model("azurerm_app_service_plan", nil, "", func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	var pl plan
	sku, ok := a.Block("sku")
	size, why := sku.NeedString("size")
	switch {
	case !ok:
		pl.reason = "sku is not set"
	case why != "":
		pl.reason = "sku." + why
	}
	pl.sku = planSKU(size)
	if tier := sku.StringOr("tier", ""); strings.EqualFold(tier, "Dynamic") || strings.EqualFold(tier, "Free") {
		pl.sku = strings.ToLower(tier)
	}
	pl.os = "windows"
	if reserved, _ := a.Bool("reserved"); reserved || strings.EqualFold(a.StringOr("kind", ""), "Linux") {
		pl.os = "linux"
	}
	pl.container = strings.EqualFold(a.StringOr("kind", ""), "xenon")
	n, note, nWhy := count(sku, "capacity", 1)
	pl.workers, pl.note = n, note
	if nWhy != "" && pl.reason == "" {
		pl.reason = "sku." + nWhy
	}
	return pl.components(p)
})
