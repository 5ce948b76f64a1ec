package azure_test

import "testing"

func TestServicePlan(t *testing.T) {
	runModel(t, "azurerm_service_plan", []modelCase{
		{
			name:  "Linux P1v3 with three workers",
			attrs: `{"sku_name": "P1v3", "os_type": "Linux", "worker_count": 3}`,
			want:  []line{priced("App Service plan (Linux, P1V3)", "hours", "2190", "0.155", "339.45")},
		},
		{
			name:    "Windows, worker count left to Azure",
			attrs:   `{"sku_name": "S1", "os_type": "Windows"}`,
			unknown: `{"worker_count": true}`,
			want:    []line{priced("App Service plan (Windows, S1, worker_count 1 assumed)", "hours", "730", "0.1", "73")},
		},
		{
			name:  "Windows containers at the Windows rate",
			attrs: `{"sku_name": "P1v3", "os_type": "WindowsContainer", "worker_count": 1}`,
			want:  []line{priced("App Service plan (Windows containers, P1V3)", "hours", "730", "0.315", "229.95")},
		},
		{
			name:  "Functions Consumption plan costs nothing by itself",
			attrs: `{"sku_name": "Y1", "os_type": "Linux"}`,
		},
		{
			name:  "Elastic Premium not in the catalog",
			attrs: `{"sku_name": "EP1", "os_type": "Linux", "worker_count": 1}`,
			want:  []line{unpriced("App Service plan (Linux, EP1)", "hours", "730", "no azure-appservice price for plan/ep1/linux in eastus in the catalog")},
		},
	})
}

func TestAppServicePlan(t *testing.T) {
	runModel(t, "azurerm_app_service_plan", []modelCase{
		{
			name:  "Windows Standard with two instances",
			attrs: `{"kind": "Windows", "sku": [{"tier": "Standard", "size": "S1", "capacity": 2}]}`,
			want:  []line{priced("App Service plan (Windows, S1)", "hours", "1460", "0.1", "146")},
		},
		{
			name:  "Linux by reserved",
			attrs: `{"kind": "Linux", "reserved": true, "sku": [{"tier": "Basic", "size": "B1"}]}`,
			want:  []line{priced("App Service plan (Linux, B1, capacity 1 assumed)", "hours", "730", "0.018", "13.14")},
		},
		{
			name:  "Functions Consumption plan",
			attrs: `{"kind": "FunctionApp", "sku": [{"tier": "Dynamic", "size": "Y1"}]}`,
		},
		{
			name:  "no sku",
			attrs: `{"kind": "Windows"}`,
			want:  []line{unpriced("App Service plan", "hours", "0", "sku is not set")},
		},
	})
}
