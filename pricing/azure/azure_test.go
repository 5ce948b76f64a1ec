package azure_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/azure"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

func TestModelsRegistered(t *testing.T) {
	want := []string{
		"azurerm_app_service_plan", "azurerm_firewall", "azurerm_kubernetes_cluster",
		"azurerm_kubernetes_cluster_node_pool", "azurerm_lb", "azurerm_linux_virtual_machine",
		"azurerm_linux_virtual_machine_scale_set", "azurerm_managed_disk", "azurerm_mssql_database",
		"azurerm_mysql_flexible_server", "azurerm_nat_gateway", "azurerm_postgresql_flexible_server",
		"azurerm_public_ip", "azurerm_service_plan", "azurerm_storage_account",
		"azurerm_virtual_machine", "azurerm_windows_virtual_machine",
		"azurerm_windows_virtual_machine_scale_set",
	}
	reg := pricing.NewRegistry(azure.Models(), nil)
	if diff := cmp.Diff(want, reg.Types()); diff != "" {
		t.Errorf("modelled types (-want +got):\n%s", diff)
	}
}

func TestRegion(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"westeurope", "westeurope"},
		{"West Europe", "westeurope"},
		{"WestEurope", "westeurope"},
		{" East US 2 ", "eastus2"},
		{"", ""},
	} {
		if got := azure.Region(tc.in); got != tc.want {
			t.Errorf("Region(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestModelsDocumentUsage checks what users read in usage-file errors and
// docs: every usage key is snake_case and described.
func TestModelsDocumentUsage(t *testing.T) {
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	for _, m := range azure.Models() {
		seen := map[string]bool{}
		for _, k := range m.Usage {
			if !snake.MatchString(k.Name) || k.Description == "" || seen[k.Name] {
				t.Errorf("%s: usage key %q: want a unique snake_case name with a description", m.Type, k.Name)
			}
			seen[k.Name] = true
		}
	}
}

// FuzzModels feeds arbitrary attribute values to every model: whatever a
// plan holds, a model must not panic, and a component without a price must
// not cost anything.
func FuzzModels(f *testing.F) {
	for _, seed := range []string{
		`{"size": "Standard_D2s_v5", "os_disk": [{"storage_account_type": "Premium_LRS", "disk_size_gb": "x"}]}`,
		`{"sku": "Standard_D2s_v5", "instances": -3, "data_disk": [{"disk_size_gb": 99999999999999999999}]}`,
		`{"default_node_pool": [{"vm_size": 3, "node_count": 2.5, "min_count": "two"}], "sku_tier": "Paid"}`,
		`{"storage_account_type": "Premium_LRS", "disk_size_gb": -1}`,
		`{"sku_name": "GP_S_Gen5_x", "max_size_gb": "big", "read_replica_count": -1}`,
		`{"sku_name": "GP_Standard_D2ds", "storage_mb": -5, "high_availability": [{"mode": null}]}`,
		`{"sku": [{"tier": "Dynamic", "capacity": -1}], "kind": 7}`,
		`{"account_kind": "BlockBlobStorage", "account_replication_type": "ZRS", "access_tier": "Archive"}`,
		`{"sku": "Standard", "sku_tier": "Global", "allocation_method": "Dynamic", "virtual_hub": "x"}`,
		`{"storage_os_disk": [{"vhd_uri": 1}], "storage_data_disk": [{"create_option": "Empty"}], "vm_size": ""}`,
	} {
		f.Add(seed)
	}
	reg := pricing.NewRegistry(azure.Models(), nil)
	usageValues := pricing.Usage(decodeJSON(f, `{"storage_gb": 600000, "rules": 9, "monthly_data_processed_gb": 5,
		"monthly_vcore_hours": 10, "monthly_disk_operations": 100000, "additional_backup_storage_gb": 3}`))
	f.Fuzz(func(t *testing.T, attrs string) {
		dec := json.NewDecoder(strings.NewReader(attrs))
		dec.UseNumber()
		var values map[string]any
		if dec.Decode(&values) != nil {
			return
		}
		related := func(string) (pricing.Resource, bool) {
			return pricing.Resource{Address: "azurerm_mssql_server.x", Region: "eastus", Attrs: pricing.NewAttrs(values, nil)}, true
		}
		for _, typ := range reg.Types() {
			m, _ := reg.Model(typ)
			r := pricing.Resource{Address: typ + ".x", Type: typ, Region: "eastus", Attrs: pricing.NewAttrs(values, nil), Usage: usageValues, Related: related}
			for _, c := range m.Price(r, pricing.NewPricer(prices, "eastus", usageValues)) {
				if c.Name == "" || c.Unit == "" {
					t.Errorf("%s: component without a name or unit: %+v", typ, c)
				}
				if !c.Priced() && !c.MonthlyCost.IsZero() {
					t.Errorf("%s: unpriced component %q costs %s", typ, c.Name, c.MonthlyCost)
				}
			}
		}
	})
}

// TestModelsNeverSilentZero prices real plan resources and bare resources
// against an empty catalog: nothing may panic, and every component must
// say why it has no price.
func TestModelsNeverSilentZero(t *testing.T) {
	states := map[string][]pricing.Attrs{}
	for _, m := range azure.Models() {
		states[m.Type] = []pricing.Attrs{pricing.NewAttrs(nil, nil)}
	}
	files, _ := filepath.Glob("../../../shared/plans/*.json")
	if len(files) == 0 {
		t.Log("../shared/plans is absent: bare resources only")
	}
	n := 0
	for _, f := range files {
		for typ, attrs := range planStates(t, f) {
			if _, ok := states[typ]; ok {
				states[typ] = append(states[typ], attrs...)
				n += len(attrs)
			}
		}
	}
	t.Logf("%d azurerm resource states from %d plans", n, len(files))
	empty := pricingtest.Catalog{}
	for _, m := range azure.Models() {
		for i, a := range states[m.Type] {
			res := pricing.Resource{Address: m.Type + ".x", Type: m.Type, Region: "eastus", Attrs: a}
			for _, c := range m.Price(res, pricing.NewPricer(empty, "eastus", nil)) {
				if c.Name == "" || c.Unit == "" || c.Unpriced == "" || c.Quantity.IsNegative() {
					t.Errorf("%s state %d: component %+v: want a name, a unit, a reason and a quantity ≥ 0", m.Type, i, c)
				}
			}
		}
	}
}

// planStates returns the before and after attributes of a plan file's
// resources, by type; files that are not plain JSON are skipped.
func planStates(t *testing.T, name string) map[string][]pricing.Attrs {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var plan struct {
		ResourceChanges []struct {
			Type   string
			Change struct {
				Before, After map[string]any
				AfterUnknown  map[string]any `json:"after_unknown"`
			}
		} `json:"resource_changes"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if dec.Decode(&plan) != nil {
		return nil
	}
	out := map[string][]pricing.Attrs{}
	for _, rc := range plan.ResourceChanges {
		if rc.Change.Before != nil {
			out[rc.Type] = append(out[rc.Type], pricing.NewAttrs(rc.Change.Before, nil))
		}
		if rc.Change.After != nil {
			out[rc.Type] = append(out[rc.Type], pricing.NewAttrs(rc.Change.After, rc.Change.AfterUnknown))
		}
	}
	return out
}
