package azure_test

import (
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/azure"
)

func TestFreeIsNotModelled(t *testing.T) {
	reg := pricing.NewRegistry(azure.Models(), azure.Free)
	for _, typ := range reg.Types() {
		if reg.IsFree(typ) {
			t.Errorf("%s has a cost model and is listed as free", typ)
		}
	}
}

func TestFreeEntries(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range azure.Free {
		if seen[f] {
			t.Errorf("%s is listed twice", f)
		}
		seen[f] = true
		if !strings.HasPrefix(f, "azurerm_") || strings.Contains(strings.TrimSuffix(f, "*"), "*") {
			t.Errorf("%q: want an azurerm_ type, or a prefix with one trailing *", f)
		}
	}
}

func TestFree(t *testing.T) {
	reg := pricing.NewRegistry(nil, azure.Free)
	for _, tc := range []struct {
		typ  string
		free bool
	}{
		{"azurerm_resource_group", true},
		{"azurerm_virtual_network", true},
		{"azurerm_subnet", true},
		{"azurerm_subnet_network_security_group_association", true},
		{"azurerm_network_security_group", true},
		{"azurerm_network_security_rule", true},
		{"azurerm_route_table", true},
		{"azurerm_role_assignment", true},
		{"azurerm_network_interface_security_group_association", true},
		{"azurerm_virtual_wan", true},
		{"azurerm_lb_probe", true},
		{"azurerm_mssql_server", true},
		// These can cost money on their own: never free.
		{"azurerm_virtual_hub", false},
		{"azurerm_virtual_network_peering", false},
		{"azurerm_private_endpoint", false},
		{"azurerm_private_dns_zone", false},
		{"azurerm_dns_zone", false},
		{"azurerm_key_vault", false},
		{"azurerm_firewall_policy", false},
		{"azurerm_public_ip_prefix", false},
		{"azurerm_linux_function_app", false},
		{"azurerm_log_analytics_workspace", false},
		{"azurerm_storage_share", false},
	} {
		if got := reg.IsFree(tc.typ); got != tc.free {
			t.Errorf("IsFree(%s) = %v, want %v", tc.typ, got, tc.free)
		}
	}
}
