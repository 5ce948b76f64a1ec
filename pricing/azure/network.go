package azure

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

var publicIPModel = model("azurerm_public_ip", nil, "", func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	if a.Unknown("sku") || a.Unknown("allocation_method") {
		return []pricing.Component{pricing.Unpriced("Public IP address", "hours", pricing.UnknownAttr("sku and allocation_method"))}
	}
	// Basic was the default SKU until azurerm 4.
	sku, alloc := a.StringOr("sku", "Basic"), strings.ToLower(a.StringOr("allocation_method", "Static"))
	key, label := "public-ip/"+strings.ToLower(sku)+"/"+alloc, sku
	if sku == "Standard" && a.StringOr("sku_tier", "Regional") == "Global" {
		key, label = "public-ip/global/static", "Standard, Global tier"
	}
	name := pricing.Qualified("Public IP address", label, alloc)
	switch {
	case sku != "Basic" && sku != "Standard":
		return []pricing.Component{pricing.Unpriced(name, "hours", fmt.Sprintf("sku %q is not Basic or Standard", sku))}
	case a.StringOr("ip_version", "IPv4") != "IPv4":
		return []pricing.Component{pricing.Unpriced(pricing.Qualified("Public IP address", label, alloc, "IPv6"), "hours", "IPv6 public IP prices are not in the catalog")}
	}
	return []pricing.Component{p.Hourly(name, one, networkService, key)}
})

var natGatewayModel = model("azurerm_nat_gateway", []pricing.UsageKey{dataProcessedUsage}, "", func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	if sku := r.Attrs.StringOr("sku_name", "Standard"); sku != "Standard" {
		return []pricing.Component{pricing.Unpriced(pricing.Qualified("NAT gateway", sku), "hours", "NAT gateway SKU "+sku+" is not in the catalog")}
	}
	// Azure publishes one NAT gateway price for every region.
	data, given := p.Usage().Decimal(usageDataProcessed)
	return []pricing.Component{
		globalFallback(p, "NAT gateway", "hours", pricing.Hours, networkService, "nat-gateway"),
		globalFallback(p, "Data processed", "GB", data, networkService, "nat-gateway/data").FromUsage(usageDataProcessed, given),
	}
})

const usageRules = "rules"

// includedRules is how many load-balancing and outbound rules the base
// hourly charge of a Standard load balancer covers.
var includedRules = decimal.NewFromInt(5)

var loadBalancerModel = model("azurerm_lb", []pricing.UsageKey{
	{Name: usageRules, Description: "load-balancing and outbound rules of a Standard load balancer (its azurerm_lb_rule and azurerm_lb_outbound_rule resources); the first 5 share one hourly charge"},
	dataProcessedUsage,
}, "", priceLoadBalancer)

// priceLoadBalancer prices a Standard load balancer by its rules, which
// are separate resources the usage file counts: a load balancer without
// rules costs nothing. Basic load balancers are free.
func priceLoadBalancer(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	switch sku := a.StringOr("sku", "Basic"); {
	case a.Unknown("sku"):
		return []pricing.Component{pricing.Unpriced("Load balancer", "hours", pricing.UnknownAttr("sku"))}
	case sku == "Basic":
		return nil
	case sku != "Standard":
		return []pricing.Component{pricing.Unpriced(pricing.Qualified("Load balancer", sku), "hours", "load balancer SKU "+sku+" is not in the catalog")}
	case a.StringOr("sku_tier", "Regional") != "Regional":
		return []pricing.Component{pricing.Unpriced("Load balancer (Global tier)", "hours", "cross-region (Global tier) load balancer prices are not in the catalog")}
	}
	rules, given := p.Usage().Decimal(usageRules)
	included := decimal.Zero
	if rules.IsPositive() {
		included = pricing.Hours
	}
	out := []pricing.Component{
		globalFallback(p, "Rules (first 5)", "hours", included, networkService, "lb/standard/rules").FromUsage(usageRules, given),
	}
	if extra := rules.Sub(includedRules); extra.IsPositive() {
		out = append(out, globalFallback(p, "Rules (over 5)", "rule-hours", extra.Mul(pricing.Hours), networkService, "lb/standard/rules-overage").FromUsage(usageRules, given))
	}
	data, dataGiven := p.Usage().Decimal(usageDataProcessed)
	return append(out, globalFallback(p, "Data processed", "GB", data, networkService, "lb/standard/data").FromUsage(usageDataProcessed, dataGiven))
}
