package gcp_test

import (
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
	pricingtest.CheckUsageDocumented(t, gcp.Models())
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
	reg := pricing.NewRegistry(gcp.Models(), nil)
	for _, s := range states {
		m, ok := reg.Model(s.typ)
		if !ok {
			t.Fatalf("no model for %s", s.typ)
		}
		r := pricingtest.Resource(t, s.typ+".x", "us-central1", s.attrs, "")
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

// FuzzModels feeds arbitrary attribute values to every model, seeded with
// values of the wrong type and size for each kind of resource. No quantity
// may be negative either.
func FuzzModels(f *testing.F) {
	seeds := []string{
		`{"machine_type": "n2-custom-4-99999999999999999999-ext", "scheduling": [{"preemptible": "yes"}]}`,
		`{"machine_type": "custom--", "boot_disk": [{"initialize_params": [{"size": -5, "type": 3}]}], "scratch_disk": [{"size": "x"}]}`,
		`{"target_size": 2.5, "version": [{}], "disk": [{"boot": "maybe", "disk_size_gb": 1e300}]}`,
		`{"location": "us-central1", "node_pool": [{"autoscaling": [{"min_node_count": -1}], "node_config": "oops"}], "node_locations": [1, 2]}`,
		`{"database_version": "POSTGRES_15", "settings": [{"tier": "db-custom-0-0", "availability_type": 7, "disk_size": "big"}]}`,
		`{"location": 5, "storage_class": null, "custom_placement_config": []}`,
		`{"address_type": ["x"], "guest_accelerator": [{"count": "two"}]}`,
	}
	usageValues := pricing.Usage(pricingtest.DecodeJSON(f, `{"storage_gb": 100, "monthly_retrieval_gb": 1, "assigned_vms": -3, "instances": 4, "status": "reserved", "monthly_data_processed_gb": 2000000}`))
	pricingtest.FuzzModels(f, pricingtest.Fuzz{
		Models:             gcp.Models(),
		Seeds:              seeds,
		Prices:             prices,
		Region:             "us-central1",
		Usage:              usageValues,
		Related:            pricing.Resource{Address: "google_compute_instance_template.x", Type: "google_compute_instance_template"},
		NoNegativeQuantity: true,
	})
}

// TestNeverSilentZero prices bare resources and the shared plans' Google
// resources against an empty catalog: every component must say why it has
// no price.
func TestNeverSilentZero(t *testing.T) {
	pricingtest.CheckNeverSilentZero(t, gcp.Models(), "us-central1")
}
