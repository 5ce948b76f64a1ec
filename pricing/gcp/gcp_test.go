package gcp_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/gcp"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

func TestModelsRegistered(t *testing.T) {
	want := []string{
		"google_compute_address", "google_compute_disk", "google_compute_instance",
		"google_compute_instance_group_manager", "google_compute_region_disk",
		"google_compute_region_instance_group_manager", "google_compute_router_nat",
		"google_container_cluster", "google_container_node_pool",
		"google_sql_database_instance", "google_storage_bucket",
	}
	reg := pricing.NewRegistry(gcp.Models(), gcp.Free)
	if diff := cmp.Diff(want, reg.Types()); diff != "" {
		t.Errorf("modelled types (-want +got):\n%s", diff)
	}
	for _, typ := range reg.Types() {
		if reg.IsFree(typ) {
			t.Errorf("%s has a cost model and is listed as free", typ)
		}
	}
}

func TestModelsDocumentUsage(t *testing.T) {
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	for _, m := range gcp.Models() {
		seen := map[string]bool{}
		for _, k := range m.Usage {
			if !snake.MatchString(k.Name) || k.Description == "" || seen[k.Name] {
				t.Errorf("%s: usage key %q: want a unique snake_case name with a description", m.Type, k.Name)
			}
			seen[k.Name] = true
		}
	}
}

func TestFree(t *testing.T) {
	reg := pricing.NewRegistry(nil, gcp.Free)
	seen := map[string]bool{}
	for _, f := range gcp.Free {
		if seen[f] {
			t.Errorf("%s is listed twice", f)
		}
		seen[f] = true
		if !strings.HasPrefix(f, "google_") || strings.Contains(strings.TrimSuffix(f, "*"), "*") {
			t.Errorf("%q: want a google_ type, or a prefix with one trailing *", f)
		}
	}
	for _, tc := range []struct {
		typ  string
		free bool
	}{
		{"google_project_iam_member", true},
		{"google_project_iam_binding", true},
		{"google_service_account", true},
		{"google_service_account_key", true},
		{"google_compute_network", true},
		{"google_compute_subnetwork", true},
		{"google_compute_firewall", true},
		{"google_compute_route", true},
		{"google_compute_router", true},
		{"google_compute_instance_template", true},
		{"google_project_service", true},
		// These can cost money on their own: never free.
		{"google_compute_router_nat", false},
		{"google_compute_address", false},
		{"google_compute_global_address", false},
		{"google_compute_forwarding_rule", false},
		{"google_compute_vpn_tunnel", false},
		{"google_dns_managed_zone", false},
		{"google_kms_crypto_key", false},
		{"google_secret_manager_secret", false},
		{"google_pubsub_topic", false},
		{"google_logging_project_sink", false},
		{"google_monitoring_alert_policy", false},
		{"google_compute_instance", false},
	} {
		if got := reg.IsFree(tc.typ); got != tc.free {
			t.Errorf("IsFree(%s) = %v, want %v", tc.typ, got, tc.free)
		}
	}
}

// recorder is a catalog that remembers the keys asked for.
type recorder struct {
	pricing.Catalog
	asked map[string]bool // "service key"
}

func (r *recorder) Price(service, region, key string) (pricing.Price, bool) {
	r.asked[service+" "+key] = true
	return r.Catalog.Price(service, region, key)
}

// refreshOnly are keys the embedded catalog cannot have: the shared price
// file has no Cloud SQL, GKE, N2 custom, extended memory, pd-extreme IOPS
// or Hyperdisk prices. A refreshed catalog (gcpfeed) has all but Hyperdisk.
var refreshOnly = []string{
	"gcp-compute custom/n2/ram",
	"gcp-compute custom/n2/ram-extended",
	"gcp-compute custom/n2/vcpu",
	"gcp-compute disk/hyperdisk-balanced",
	"gcp-compute disk/pd-extreme/iops",
	"gcp-gke cluster",
	"gcp-sql instance/db-f1-micro/mysql",
	"gcp-sql ram/postgres",
	"gcp-sql ram/sqlserver",
	"gcp-sql storage/hdd/postgres",
	"gcp-sql storage/ssd/mysql",
	"gcp-sql storage/ssd/postgres",
	"gcp-sql storage/ssd/sqlserver",
	"gcp-sql vcpu/postgres",
	"gcp-sql vcpu/sqlserver",
}

// TestKeysInEmbeddedCatalog prices a resource of every kind against the
// embedded catalog: every key a model asks for must be in some region of
// it, or be one the shared price data cannot give.
func TestKeysInEmbeddedCatalog(t *testing.T) {
	rec := &recorder{Catalog: catalog.Embedded(), asked: map[string]bool{}}
	states := []struct{ typ, attrs string }{
		{"google_compute_instance", `{"machine_type": "n2-standard-2", "boot_disk": [{"initialize_params": [{"size": 10, "type": "pd-balanced"}]}], "scratch_disk": [{}]}`},
		{"google_compute_instance", `{"machine_type": "n1-standard-1", "scheduling": [{"preemptible": true}], "boot_disk": [{"initialize_params": [{"type": "pd-ssd"}]}]}`},
		{"google_compute_instance", `{"machine_type": "custom-2-8192", "boot_disk": [{"initialize_params": [{"type": "pd-standard"}]}]}`},
		{"google_compute_instance", `{"machine_type": "n2-custom-2-20480-ext", "boot_disk": [{"source": "d"}]}`},
		{"google_compute_disk", `{"type": "pd-extreme", "size": 10, "provisioned_iops": 2000}`},
		{"google_compute_disk", `{"type": "hyperdisk-balanced", "size": 10}`},
		{"google_compute_region_disk", `{"type": "pd-balanced", "size": 10}`},
		{"google_compute_region_disk", `{"type": "pd-ssd", "size": 10}`},
		{"google_compute_region_disk", `{"type": "pd-standard", "size": 10}`},
		{"google_container_cluster", `{"location": "us-central1-a", "initial_node_count": 1}`},
		{"google_container_node_pool", `{"location": "us-central1-a", "node_count": 1, "node_config": [{"machine_type": "e2-standard-2", "spot": true}]}`},
		{"google_sql_database_instance", `{"database_version": "POSTGRES_15", "settings": [{"tier": "db-custom-1-3840", "disk_type": "PD_HDD"}]}`},
		{"google_sql_database_instance", `{"database_version": "POSTGRES_15", "settings": [{"tier": "db-custom-1-3840"}]}`},
		{"google_sql_database_instance", `{"database_version": "MYSQL_8_0", "settings": [{"tier": "db-f1-micro"}]}`},
		{"google_sql_database_instance", `{"database_version": "SQLSERVER_2022_STANDARD", "settings": [{"tier": "db-custom-1-3840"}]}`},
		{"google_compute_router_nat", `{}`},
		{"google_compute_address", `{}`},
	}
	for _, class := range []string{"STANDARD", "NEARLINE", "COLDLINE", "ARCHIVE", "DURABLE_REDUCED_AVAILABILITY"} {
		states = append(states, struct{ typ, attrs string }{"google_storage_bucket", `{"location": "US", "storage_class": "` + class + `"}`})
	}
	addressUsage := pricing.Usage{"status": "reserved"}
	for _, s := range states {
		m, ok := modelOf(s.typ)
		if !ok {
			t.Fatalf("no model for %s", s.typ)
		}
		r := resource(t, s.typ+".x", "us-central1", s.attrs, "")
		m.Price(r, pricing.NewPricer(rec, "us-central1", nil))
		if s.typ == "google_compute_address" {
			m.Price(r, pricing.NewPricer(rec, "us-central1", addressUsage))
		}
	}
	emb := catalog.Embedded()
	var missing []string
	for k := range rec.asked {
		svc, key, _ := strings.Cut(k, " ")
		if len(emb.Regions(svc, key)) == 0 {
			missing = append(missing, k)
		}
	}
	slices.Sort(missing)
	if diff := cmp.Diff(refreshOnly, missing); diff != "" {
		t.Errorf("keys asked for that the embedded catalog lacks (-refreshOnly +missing):\n%s", diff)
	}
}

// FuzzModels feeds arbitrary attribute values to every model: whatever a
// plan holds, a model must not panic, and a component without a price must
// not cost anything.
func FuzzModels(f *testing.F) {
	for _, seed := range []string{
		`{"machine_type": "n2-custom-4-99999999999999999999-ext", "scheduling": [{"preemptible": "yes"}]}`,
		`{"machine_type": "custom--", "boot_disk": [{"initialize_params": [{"size": -5, "type": 3}]}], "scratch_disk": [{"size": "x"}]}`,
		`{"target_size": 2.5, "version": [{}], "disk": [{"boot": "maybe", "disk_size_gb": 1e300}]}`,
		`{"location": "us-central1", "node_pool": [{"autoscaling": [{"min_node_count": -1}], "node_config": "oops"}], "node_locations": [1, 2]}`,
		`{"database_version": "POSTGRES_15", "settings": [{"tier": "db-custom-0-0", "availability_type": 7, "disk_size": "big"}]}`,
		`{"location": 5, "storage_class": null, "custom_placement_config": []}`,
		`{"address_type": ["x"], "guest_accelerator": [{"count": "two"}]}`,
	} {
		f.Add(seed)
	}
	reg := pricing.NewRegistry(gcp.Models(), nil)
	usageValues := pricing.Usage(decodeJSON(f, `{"storage_gb": 100, "monthly_retrieval_gb": 1, "assigned_vms": -3, "instances": 4, "status": "reserved", "monthly_data_processed_gb": 2000000}`))
	f.Fuzz(func(t *testing.T, attrs string) {
		dec := json.NewDecoder(strings.NewReader(attrs))
		dec.UseNumber()
		var values map[string]any
		if dec.Decode(&values) != nil {
			return
		}
		related := func(string) (pricing.Resource, bool) {
			return pricing.Resource{Address: "google_compute_instance_template.x", Type: "google_compute_instance_template", Attrs: pricing.NewAttrs(values, nil)}, true
		}
		for _, typ := range reg.Types() {
			m, _ := reg.Model(typ)
			r := pricing.Resource{Address: typ + ".x", Type: typ, Region: "us-central1", Attrs: pricing.NewAttrs(values, nil), Usage: usageValues, Related: related}
			for _, c := range m.Price(r, pricing.NewPricer(prices, "us-central1", usageValues)) {
				if c.Name == "" || c.Unit == "" {
					t.Errorf("%s: component without a name or unit: %+v", typ, c)
				}
				if !c.Priced() && !c.MonthlyCost.IsZero() {
					t.Errorf("%s: unpriced component %q costs %s", typ, c.Name, c.MonthlyCost)
				}
				if c.Quantity.IsNegative() {
					t.Errorf("%s: component %q has quantity %s", typ, c.Name, c.Quantity)
				}
			}
		}
	})
}

// TestNeverSilentZero prices bare resources and the shared plans' Google
// resources against an empty catalog: every component must say why it has
// no price.
func TestNeverSilentZero(t *testing.T) {
	reg := pricing.NewRegistry(gcp.Models(), nil)
	states := map[string][]pricing.Attrs{}
	for _, typ := range reg.Types() {
		states[typ] = []pricing.Attrs{pricing.NewAttrs(nil, nil)}
	}
	files, _ := filepath.Glob("../../../shared/plans/*.json")
	for _, f := range files {
		for typ, attrs := range planStates(t, f) {
			if _, ok := states[typ]; ok {
				states[typ] = append(states[typ], attrs...)
			}
		}
	}
	empty := pricingtest.Catalog{}
	for _, typ := range reg.Types() {
		m, _ := reg.Model(typ)
		for i, a := range states[typ] {
			r := pricing.Resource{Address: typ + ".x", Type: typ, Region: "us-central1", Attrs: a}
			for _, c := range m.Price(r, pricing.NewPricer(empty, "us-central1", nil)) {
				if c.Name == "" || c.Unit == "" || c.Unpriced == "" || c.Quantity.IsNegative() {
					t.Errorf("%s state %d: component %+v: want a name, a unit, a reason and a quantity ≥ 0", typ, i, c)
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
