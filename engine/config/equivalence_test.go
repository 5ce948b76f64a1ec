package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/plan"
)

// sharedPlans holds plans with the configurations they were made from.
var sharedPlans = filepath.Join("..", "..", "..", "shared", "plans")

// TestMatchesPlans loads the OpenTofu test configurations whose plans
// are in the shared corpus and checks that .tf mode finds the same
// resource instances, with the values the plan has for every attribute
// the configuration sets.
func TestMatchesPlans(t *testing.T) {
	for _, name := range []string{"tofu-modules", "tofu-requires-replace"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(sharedPlans, "sources", name)
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("shared plans not available: %v", err)
			}
			data, err := os.ReadFile(filepath.Join(sharedPlans, name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := plan.Parse(name+".json", data, plan.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := Load(os.DirFS(dir), Options{Dir: name})
			if err != nil {
				t.Fatal(err)
			}
			type instance struct {
				Address, Type string
				Index         any
				After         map[string]any
			}
			var wantRes, gotRes []instance
			for _, r := range want.Resources {
				wantRes = append(wantRes, instance{r.Address, r.Type, r.Index, r.After})
			}
			for i, r := range got.Resources {
				if len(r.After) == 0 {
					t.Errorf("%s: no values loaded", r.Address)
				}
				// Only the attributes the configuration sets: the plan also
				// has those the provider computes.
				after := map[string]any{}
				if i < len(want.Resources) {
					for k := range r.After {
						after[k] = want.Resources[i].After[k]
					}
					wantRes[i].After = after
				}
				gotRes = append(gotRes, instance{r.Address, r.Type, r.Index, r.After})
			}
			if len(gotRes) == 0 {
				t.Fatal("no resources loaded")
			}
			if diff := cmp.Diff(wantRes, gotRes); diff != "" {
				t.Errorf("resources (-plan +config):\n%s", diff)
			}
		})
	}
}
