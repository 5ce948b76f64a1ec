package azure

import (
	"strings"

	"github.com/tollgate-dev/tollgate/pricing"
)

var firewallModel = model("azurerm_firewall", []pricing.UsageKey{dataProcessedUsage}, "", priceFirewall)

// priceFirewall prices the firewall's deployment hours and the data it
// processes. A firewall in a Virtual WAN hub (a secured virtual hub) has
// its own prices.
func priceFirewall(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	tier, assumed := a.StringOr("sku_tier", "Standard"), false
	if a.Unknown("sku_tier") {
		// azurerm 2 computed sku_tier when it was left out, as Standard;
		// later versions require it.
		tier, assumed = "Standard", true
	}
	key := "firewall/" + strings.ToLower(tier)
	label := tier
	if assumed {
		label += " assumed"
	}
	hub := false
	if hubs := a.Blocks("virtual_hub"); len(hubs) > 0 || a.StringOr("sku_name", "") == "AZFW_Hub" {
		hub, key = true, key+"/hub"
	}
	where := ""
	if hub {
		where = "secured virtual hub"
	}
	comps := []pricing.Component{
		p.Hourly(pricing.Qualified("Firewall", label, where), one, firewallService, key),
		p.UsageComponent("Data processed", "GB", usageDataProcessed, firewallService, key+"/data"),
	}
	if tier != "Basic" && tier != "Standard" && tier != "Premium" {
		return pricing.UnpriceAll(comps, "sku_tier "+tier+" is not Basic, Standard or Premium")
	}
	return comps
}
