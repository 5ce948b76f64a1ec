package azure_test

import "testing"

func TestServicePlan(t *testing.T) {
	runModel(t, "azurerm_service_plan", []modelCase{
		{
			Name:  "Linux P1v3 with three workers",
			Attrs: `{"sku_name": "P1v3", "os_type": "Linux", "worker_count": 3}`,
			Want:  []line{priced("App Service plan (Linux, P1V3)", "hours", "2190", "0.155", "339.45")},
		},
		{
			Name:    "Windows, worker count left to Azure",
			Attrs:   `{"sku_name": "S1", "os_type": "Windows"}`,
			Unknown: `{"worker_count": true}`,
			Want:    []line{priced("App Service plan (Windows, S1, worker_count 1 assumed)", "hours", "730", "0.1", "73")},
		},
		{
			Name:  "Windows containers at the Windows rate",
			Attrs: `{"sku_name": "P1v3", "os_type": "WindowsContainer", "worker_count": 1}`,
			Want:  []line{priced("App Service plan (Windows containers, P1V3)", "hours", "730", "0.315", "229.95")},
		},
		{
			Name:  "Functions Consumption plan costs nothing by itself",
			Attrs: `{"sku_name": "Y1", "os_type": "Linux"}`,
		},
		{
			Name:  "Elastic Premium not in the catalog",
			Attrs: `{"sku_name": "EP1", "os_type": "Linux", "worker_count": 1}`,
			Want:  []line{unpriced("App Service plan (Linux, EP1)", "hours", "730", "no azure-appservice price for plan/ep1/linux in eastus in the catalog")},
		},
	})
}

func TestAppServicePlan(t *testing.T) {
	runModel(t, "azurerm_app_service_plan", []modelCase{
		{
			Name:  "Windows Standard with two instances",
			Attrs: `{"kind": "Windows", "sku": [{"tier": "Standard", "size": "S1", "capacity": 2}]}`,
			Want:  []line{priced("App Service plan (Windows, S1)", "hours", "1460", "0.1", "146")},
		},
		{
			Name:  "Linux by reserved",
			Attrs: `{"kind": "Linux", "reserved": true, "sku": [{"tier": "Basic", "size": "B1"}]}`,
			Want:  []line{priced("App Service plan (Linux, B1, capacity 1 assumed)", "hours", "730", "0.018", "13.14")},
		},
		{
			Name:  "Functions Consumption plan",
			Attrs: `{"kind": "FunctionApp", "sku": [{"tier": "Dynamic", "size": "Y1"}]}`,
		},
		{
			Name:  "no sku",
			Attrs: `{"kind": "Windows"}`,
			Want:  []line{unpriced("App Service plan", "hours", "0", "sku is not set")},
		},
	})
}
