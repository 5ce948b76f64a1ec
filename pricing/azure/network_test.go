package azure_test

import "testing"

func TestPublicIP(t *testing.T) {
	runModel(t, "azurerm_public_ip", []modelCase{
		{
			Name:   "Standard static, as in the infracost firewall plan",
			Region: "westeurope",
			Attrs:  `{"allocation_method": "Static", "sku": "Standard", "sku_tier": "Regional", "ip_version": "IPv4"}`,
			Want:   []line{priced("Public IP address (Standard, static)", "hours", "730", "0.005", "3.65")},
		},
		{
			Name:  "Basic dynamic",
			Attrs: `{"allocation_method": "Dynamic", "sku": "Basic"}`,
			Want:  []line{priced("Public IP address (Basic, dynamic)", "hours", "730", "0.004", "2.92")},
		},
		{
			Name:  "Basic by default",
			Attrs: `{"allocation_method": "Static"}`,
			Want:  []line{priced("Public IP address (Basic, static)", "hours", "730", "0.0036", "2.628")},
		},
		{
			Name:  "Global tier",
			Attrs: `{"allocation_method": "Static", "sku": "Standard", "sku_tier": "Global"}`,
			Want:  []line{priced("Public IP address (Standard, Global tier, static)", "hours", "730", "0.01", "7.3")},
		},
		{
			Name:  "IPv6",
			Attrs: `{"allocation_method": "Static", "sku": "Standard", "ip_version": "IPv6"}`,
			Want:  []line{unpriced("Public IP address (Standard, static, IPv6)", "hours", "0", "IPv6 public IP prices are not in the catalog")},
		},
	})
}

func TestNATGateway(t *testing.T) {
	runModel(t, "azurerm_nat_gateway", []modelCase{
		{
			Name:  "hours and data, at the Global prices",
			Attrs: `{"sku_name": "Standard"}`,
			Usage: `{"monthly_data_processed_gb": 1000}`,
			Want: []line{
				priced("NAT gateway", "hours", "730", "0.045", "32.85"),
				usage("Data processed", "GB", "1000", "0.045", "45"),
			},
		},
		{
			Name:  "no usage",
			Attrs: `{}`,
			Want: []line{
				priced("NAT gateway", "hours", "730", "0.045", "32.85"),
				{Name: "Data processed", Unit: "GB", Quantity: "0", UnitPrice: "0.045", MonthlyCost: "0", UsageBased: true},
			},
		},
	})
}

func TestLoadBalancer(t *testing.T) {
	runModel(t, "azurerm_lb", []modelCase{
		{
			Name:  "Standard with seven rules",
			Attrs: `{"sku": "Standard", "sku_tier": "Regional"}`,
			Usage: `{"rules": 7, "monthly_data_processed_gb": 100}`,
			Want: []line{
				usage("Rules (first 5)", "hours", "730", "0.025", "18.25"),
				usage("Rules (over 5)", "rule-hours", "1460", "0.01", "14.6"),
				usage("Data processed", "GB", "100", "0.005", "0.5"),
			},
		},
		{
			Name:  "Standard without usage",
			Attrs: `{"sku": "Standard"}`,
			Want: []line{
				{Name: "Rules (first 5)", Unit: "hours", Quantity: "0", UnitPrice: "0.025", MonthlyCost: "0", UsageBased: true},
				{Name: "Data processed", Unit: "GB", Quantity: "0", UnitPrice: "0.005", MonthlyCost: "0", UsageBased: true},
			},
		},
		{
			Name:  "Basic is free",
			Attrs: `{"sku": "Basic"}`,
		},
		{
			Name:  "Gateway load balancer",
			Attrs: `{"sku": "Gateway"}`,
			Want:  []line{unpriced("Load balancer (Gateway)", "hours", "0", "load balancer SKU Gateway is not in the catalog")},
		},
	})
}

func TestFirewall(t *testing.T) {
	runModel(t, "azurerm_firewall", []modelCase{
		{
			Name:  "Standard with data",
			Attrs: `{"sku_name": "AZFW_VNet", "sku_tier": "Standard", "virtual_hub": []}`,
			Usage: `{"monthly_data_processed_gb": 1000}`,
			Want: []line{
				priced("Firewall (Standard)", "hours", "730", "1.25", "912.5"),
				usage("Data processed", "GB", "1000", "0.016", "16"),
			},
		},
		{
			Name:    "tier left to azurerm 2, which makes it Standard",
			Attrs:   `{"virtual_hub": []}`,
			Unknown: `{"sku_tier": true, "sku_name": true}`,
			Want: []line{
				priced("Firewall (Standard assumed)", "hours", "730", "1.25", "912.5"),
				{Name: "Data processed", Unit: "GB", Quantity: "0", UnitPrice: "0.016", MonthlyCost: "0", UsageBased: true},
			},
		},
		{
			Name:  "Premium in a secured virtual hub",
			Attrs: `{"sku_tier": "Premium", "virtual_hub": [{"public_ip_count": 1}]}`,
			Want: []line{
				priced("Firewall (Premium, secured virtual hub)", "hours", "730", "1.75", "1277.5"),
				{Name: "Data processed", Unit: "GB", Quantity: "0", UnitPrice: "0.016", MonthlyCost: "0", UsageBased: true},
			},
		},
		{
			Name:  "Basic",
			Attrs: `{"sku_tier": "Basic"}`,
			Usage: `{"monthly_data_processed_gb": 100}`,
			Want: []line{
				priced("Firewall (Basic)", "hours", "730", "0.395", "288.35"),
				usage("Data processed", "GB", "100", "0.065", "6.5"),
			},
		},
		{
			Name:  "Standard hub prices missing",
			Attrs: `{"sku_tier": "Standard", "sku_name": "AZFW_Hub"}`,
			Want: []line{
				unpriced("Firewall (Standard, secured virtual hub)", "hours", "730", "no azure-firewall price for firewall/standard/hub in eastus in the catalog"),
				unpricedUsage("Data processed", "GB", "0", "no azure-firewall price for firewall/standard/hub/data in eastus in the catalog"),
			},
		},
	})
}
