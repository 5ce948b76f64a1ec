package azure_test

import "testing"

func TestPublicIP(t *testing.T) {
	runModel(t, "azurerm_public_ip", []modelCase{
		{
			name:   "Standard static, as in the infracost firewall plan",
			region: "westeurope",
			attrs:  `{"allocation_method": "Static", "sku": "Standard", "sku_tier": "Regional", "ip_version": "IPv4"}`,
			want:   []line{priced("Public IP address (Standard, static)", "hours", "730", "0.005", "3.65")},
		},
		{
			name:  "Basic dynamic",
			attrs: `{"allocation_method": "Dynamic", "sku": "Basic"}`,
			want:  []line{priced("Public IP address (Basic, dynamic)", "hours", "730", "0.004", "2.92")},
		},
		{
			name:  "Basic by default",
			attrs: `{"allocation_method": "Static"}`,
			want:  []line{priced("Public IP address (Basic, static)", "hours", "730", "0.0036", "2.628")},
		},
		{
			name:  "Global tier",
			attrs: `{"allocation_method": "Static", "sku": "Standard", "sku_tier": "Global"}`,
			want:  []line{priced("Public IP address (Standard, Global tier, static)", "hours", "730", "0.01", "7.3")},
		},
		{
			name:  "IPv6",
			attrs: `{"allocation_method": "Static", "sku": "Standard", "ip_version": "IPv6"}`,
			want:  []line{unpriced("Public IP address (Standard, static, IPv6)", "hours", "0", "IPv6 public IP prices are not in the catalog")},
		},
	})
}

func TestNATGateway(t *testing.T) {
	runModel(t, "azurerm_nat_gateway", []modelCase{
		{
			name:  "hours and data, at the Global prices",
			attrs: `{"sku_name": "Standard"}`,
			usage: `{"monthly_data_processed_gb": 1000}`,
			want: []line{
				priced("NAT gateway", "hours", "730", "0.045", "32.85"),
				usage("Data processed", "GB", "1000", "0.045", "45"),
			},
		},
		{
			name:  "no usage",
			attrs: `{}`,
			want: []line{
				priced("NAT gateway", "hours", "730", "0.045", "32.85"),
				{Name: "Data processed", Unit: "GB", Quantity: "0", UnitPrice: "0.045", MonthlyCost: "0", UsageBased: true},
			},
		},
	})
}

func TestLoadBalancer(t *testing.T) {
	runModel(t, "azurerm_lb", []modelCase{
		{
			name:  "Standard with seven rules",
			attrs: `{"sku": "Standard", "sku_tier": "Regional"}`,
			usage: `{"rules": 7, "monthly_data_processed_gb": 100}`,
			want: []line{
				usage("Rules (first 5)", "hours", "730", "0.025", "18.25"),
				usage("Rules (over 5)", "rule-hours", "1460", "0.01", "14.6"),
				usage("Data processed", "GB", "100", "0.005", "0.5"),
			},
		},
		{
			name:  "Standard without usage",
			attrs: `{"sku": "Standard"}`,
			want: []line{
				{Name: "Rules (first 5)", Unit: "hours", Quantity: "0", UnitPrice: "0.025", MonthlyCost: "0", UsageBased: true},
				{Name: "Data processed", Unit: "GB", Quantity: "0", UnitPrice: "0.005", MonthlyCost: "0", UsageBased: true},
			},
		},
		{
			name:  "Basic is free",
			attrs: `{"sku": "Basic"}`,
		},
		{
			name:  "Gateway load balancer",
			attrs: `{"sku": "Gateway"}`,
			want:  []line{unpriced("Load balancer (Gateway)", "hours", "0", "load balancer SKU Gateway is not in the catalog")},
		},
	})
}

func TestFirewall(t *testing.T) {
	runModel(t, "azurerm_firewall", []modelCase{
		{
			name:  "Standard with data",
			attrs: `{"sku_name": "AZFW_VNet", "sku_tier": "Standard", "virtual_hub": []}`,
			usage: `{"monthly_data_processed_gb": 1000}`,
			want: []line{
				priced("Firewall (Standard)", "hours", "730", "1.25", "912.5"),
				usage("Data processed", "GB", "1000", "0.016", "16"),
			},
		},
		{
			name:    "tier left to azurerm 2, which makes it Standard",
			attrs:   `{"virtual_hub": []}`,
			unknown: `{"sku_tier": true, "sku_name": true}`,
			want: []line{
				priced("Firewall (Standard assumed)", "hours", "730", "1.25", "912.5"),
				{Name: "Data processed", Unit: "GB", Quantity: "0", UnitPrice: "0.016", MonthlyCost: "0", UsageBased: true},
			},
		},
		{
			name:  "Premium in a secured virtual hub",
			attrs: `{"sku_tier": "Premium", "virtual_hub": [{"public_ip_count": 1}]}`,
			want: []line{
				priced("Firewall (Premium, secured virtual hub)", "hours", "730", "1.75", "1277.5"),
				{Name: "Data processed", Unit: "GB", Quantity: "0", UnitPrice: "0.016", MonthlyCost: "0", UsageBased: true},
			},
		},
		{
			name:  "Basic",
			attrs: `{"sku_tier": "Basic"}`,
			usage: `{"monthly_data_processed_gb": 100}`,
			want: []line{
				priced("Firewall (Basic)", "hours", "730", "0.395", "288.35"),
				usage("Data processed", "GB", "100", "0.065", "6.5"),
			},
		},
		{
			name:  "Standard hub prices missing",
			attrs: `{"sku_tier": "Standard", "sku_name": "AZFW_Hub"}`,
			want: []line{
				unpriced("Firewall (Standard, secured virtual hub)", "hours", "730", "no azure-firewall price for firewall/standard/hub in eastus in the catalog"),
				unpricedUsage("Data processed", "GB", "0", "no azure-firewall price for firewall/standard/hub/data in eastus in the catalog"),
			},
		},
	})
}
