package plan

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/change"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// sharedPlans is the shared plan corpus, relative to this package.
const sharedPlans = "../../../shared/plans"

func sharedPlan(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedPlans, name))
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("shared plans absent (%s)", sharedPlans)
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// corpus is what shared/plans/SOURCES.md says of each plan: its format
// and Terraform versions and the actions of its (all managed) resource
// changes, or, for the invalid one, where parsing must fail.
var corpus = map[string]struct {
	fv, tf  string
	actions map[change.Action]int
	cbd     int    // replaces that create before destroying
	err     string // expected error, "file:line:col: message" prefix
	note    string // a note the set must carry
}{
	"checkov-create-before-destroy-replace.json": {fv: "1.1", tf: "1.2.4", actions: counts(change.Replace, 1), cbd: 1},
	"checkov-foreach-modules-tf195.json":         {fv: "1.2", tf: "1.9.5", actions: counts(change.Create, 5)},
	"checkov-win-utf16-BOM.json":                 {fv: "1.1", tf: "1.2.2", actions: counts(change.Create, 1)},
	"conftest-gke-google.json":                   {fv: "0.1", tf: "0.12.0-beta2", actions: counts(change.Create, 2)},
	"infracost-azure-firewall.json":              {fv: "0.2", tf: "1.0.5", actions: counts(change.Create, 11)},
	"infracost-before-deploy-create-noop.json":   {fv: "0.2", tf: "1.0.11", actions: counts(change.Create, 3, change.NoOp, 1)},
	"infracost-example-aws-create.json":          {fv: "0.2", tf: "1.0.5", actions: counts(change.Create, 5)},
	// SOURCES.md: terraform-json cannot read it; its JSON line holds 2 creates.
	"infracost-terraform-wrapper-POLLUTED.json": {fv: "0.2", tf: "1.0.11", actions: counts(change.Create, 2)},
	"infracost-tf014-large-modules.json":        {fv: "0.1", tf: "0.14.11", actions: counts(change.Create, 12, change.NoOp, 13, change.Update, 1)},
	"infracost-update-aws-instance-target.json": {fv: "0.2", tf: "1.0.11", actions: counts(change.Update, 1)},
	"tfc-db-instance.json":                      {fv: "0.1", tf: "0.12.25", actions: counts(change.Create, 1)},
	"tfc-many-modules-foreach.json":             {fv: "0.1", tf: "0.13.5", actions: counts(change.Create, 32)},
	"tfc-mixed-delete-update-create.json":       {fv: "0.1", tf: "1.0.0", actions: counts(change.Create, 5, change.Delete, 2, change.NoOp, 7, change.Update, 1)},
	"tfc-tf114-fv12.json":                       {fv: "1.2", tf: "1.14.9", actions: counts(change.Create, 2)},
	"tfc-vpc-nat-gateways.json":                 {fv: "0.1", tf: "0.12.8", actions: counts(change.Create, 29)},
	"tfjson-120-basic-modules-outputs.json":     {fv: "1.1", tf: "1.2.0-rc1", actions: counts(change.Create, 7)},
	"tfjson-action-reason-replace.json":         {fv: "1.2", tf: "1.15.0", actions: counts(change.Replace, 1)},
	"tfjson-has-checks.json":                    {fv: "1.2", tf: "1.5.4", actions: counts(change.Create, 2)},
	"tfjson-identity-update.json":               {fv: "1.2", tf: "1.13.0-dev", actions: counts(change.Update, 1)},
	"tfjson-invalid-NOT-JSON.json":              {err: "tfjson-invalid-NOT-JSON.json:676:29: unexpected data after the end of the JSON document"},
	"tfjson-moved-block.json":                   {fv: "1.2", tf: "1.5.3", actions: counts(change.NoOp, 1)},
	"tfjson-no-changes.json":                    {fv: "0.1", tf: "0.12.11", actions: counts(change.NoOp, 6)},
	"tfjson-numerics.json":                      {fv: "1.2", tf: "1.6.5", actions: counts(change.Create, 1)},
	"tofu-basic-delete.json":                    {fv: "1.0", actions: counts(change.Delete, 1, change.Update, 1)},
	"tofu-drift.json":                           {fv: "1.0", actions: counts(change.Update, 2)},
	"tofu-modules.json":                         {fv: "1.0", actions: counts(change.Create, 4)},
	// SOURCES.md: errored plan whose prior_state is {}.
	"tofu-plan-error.json":                       {fv: "1.2", actions: counts(), note: "the plan errored, so it may be incomplete"},
	"tofu-provider-aliasing-nested-modules.json": {fv: "1.0", tf: "1.1.0-dev", actions: counts(change.Create, 10)},
	"tofu-requires-replace.json":                 {fv: "1.0", actions: counts(change.Replace, 1)},
	"tofu-sensitive-values.json":                 {fv: "1.0", actions: counts(change.Create, 1)},
}

func counts(pairs ...any) map[change.Action]int {
	m := map[change.Action]int{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i].(change.Action)] = pairs[i+1].(int)
	}
	return m
}

func TestCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(sharedPlans, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skipf("shared plans absent (%s)", sharedPlans)
	}
	seen := map[string]bool{}
	for _, f := range files {
		name := filepath.Base(f)
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			want, ok := corpus[name]
			if !ok {
				t.Fatalf("%s is not described in the corpus table: add what SOURCES.md says of it", name)
			}
			set, err := Parse(name, sharedPlan(t, name), Options{})
			if want.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), want.err) {
					t.Fatalf("error = %v, want one starting %q", err, want.err)
				}
				checkMessage(t, name, err)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkSet(t, set)
			got := map[change.Action]int{}
			cbd := 0
			for _, r := range set.Resources {
				got[r.Action]++
				if r.CreateBeforeDestroy {
					cbd++
				}
			}
			if diff := cmp.Diff(want.actions, got); diff != "" {
				t.Errorf("action counts (-want +got):\n%s", diff)
			}
			if cbd != want.cbd {
				t.Errorf("create-before-destroy replaces = %d, want %d", cbd, want.cbd)
			}
			if set.FormatVersion != want.fv || set.TerraformVersion != want.tf {
				t.Errorf("versions = %q/%q, want %q/%q", set.FormatVersion, set.TerraformVersion, want.fv, want.tf)
			}
			if want.note != "" && !containsPrefix(set.Notes, want.note) {
				t.Errorf("notes %q lack %q", set.Notes, want.note)
			}
		})
	}
	for name := range corpus {
		if !seen[name] {
			t.Errorf("corpus table names %s, which is not in %s", name, sharedPlans)
		}
	}
}

func containsPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// checkSet asserts what every parsed set must satisfy.
func checkSet(t *testing.T, set *change.Set) {
	t.Helper()
	if !sort.SliceIsSorted(set.Resources, func(i, j int) bool {
		a, b := set.Resources[i], set.Resources[j]
		return a.Address < b.Address || (a.Address == b.Address && a.Deposed < b.Deposed)
	}) {
		t.Errorf("resources are not sorted by address")
	}
	if !sort.StringsAreSorted(set.Notes) {
		t.Errorf("notes are not sorted: %q", set.Notes)
	}
	for _, r := range set.Resources {
		switch r.Action {
		case change.Create, change.Update, change.Delete, change.Replace, change.NoOp:
		default:
			t.Errorf("%s: action %q must not reach a set", r.Address, r.Action)
		}
		if r.Address == "" {
			t.Errorf("resource without an address: %+v", r)
		}
		if isAWS(r.Provider) && (r.Region == "" || r.RegionFrom == "") {
			t.Errorf("%s: AWS resource without a region", r.Address)
		}
		if !sort.StringsAreSorted(r.UnknownTags) || !sort.StringsAreSorted(r.SensitivePaths) {
			t.Errorf("%s: unsorted unknown tags or sensitive paths", r.Address)
		}
	}
}

// goldens are the plans whose whole model is compared with
// testdata/golden; shared ones are skipped when the corpus is absent.
var goldens = []struct{ dir, name string }{
	{"testdata", "actions.json"},
	{"testdata", "regions.json"},
	{"testdata", "regions-tf013.json"},
	{"testdata", "tags.json"},
	{"testdata", "sensitive.json"},
	{"testdata", "refs.json"},
	{sharedPlans, "checkov-create-before-destroy-replace.json"},
	{sharedPlans, "infracost-tf014-large-modules.json"},
	{sharedPlans, "tofu-provider-aliasing-nested-modules.json"},
	{sharedPlans, "tofu-sensitive-values.json"},
}

func TestGolden(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.name, func(t *testing.T) {
			var data []byte
			if g.dir == sharedPlans {
				data = sharedPlan(t, g.name)
			} else {
				var err error
				if data, err = os.ReadFile(filepath.Join(g.dir, g.name)); err != nil {
					t.Fatal(err)
				}
			}
			set, err := Parse(g.name, data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(set, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", strings.TrimSuffix(g.name, ".json")+".golden.json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("model differs from %s (-want +got; go test -update rewrites it):\n%s", path, diff)
			}
		})
	}
}

// TestParallel checks that spreading the work over goroutines changes
// nothing in the result, on a plan large enough to use several workers.
func TestParallel(t *testing.T) {
	data := synthPlan(t, 700)
	parse := func(procs int) *change.Set {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		set, err := Parse("synthetic.json", data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return set
	}
	one := parse(1)
	checkSet(t, one)
	// Count the actions with encoding/json, independently of the scanner.
	var raw struct {
		ResourceChanges []struct {
			Change struct{ Actions []string }
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	want := map[change.Action]int{}
	for _, rc := range raw.ResourceChanges {
		a := change.Action(rc.Change.Actions[0])
		if len(rc.Change.Actions) == 2 {
			a = change.Replace
		}
		want[a]++
	}
	got := map[change.Action]int{}
	for _, r := range one.Resources {
		got[r.Action]++
		if r.Region != "us-east-1" || r.RegionFrom != change.RegionFromProvider {
			t.Fatalf("%s: region %s from %s, want us-east-1 from the provider's var.region", r.Address, r.Region, r.RegionFrom)
		}
	}
	if len(want) != 5 {
		t.Fatalf("the synthetic plan has actions %v, want all five kinds", want)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("action counts (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(one, parse(8)); diff != "" {
		t.Errorf("result depends on parallelism (-1 proc +8 procs):\n%s", diff)
	}
}
