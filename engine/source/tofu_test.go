package source

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// TestSharedPlans locates every resource change of real plans in the
// configurations they were made from (OpenTofu's show-json fixtures); the
// expected lines are read off the .tf files by hand.
func TestSharedPlans(t *testing.T) {
	const shared = "../../../shared/plans"
	if _, err := os.Stat(filepath.Join(shared, "sources")); err != nil {
		t.Skipf("shared data not available: %v", err)
	}
	tests := []struct {
		name string
		want map[string]*change.Location
	}{
		{"tofu-modules", map[string]*change.Location{
			"module.module_test_bar.test_instance.test":    {File: "bar/main.tf", Line: 9},
			"module.module_test_foo.test_instance.test[0]": {File: "foo/main.tf", Line: 4},
			"module.module_test_foo.test_instance.test[1]": {File: "foo/main.tf", Line: 4},
			"module.module_test_foo.test_instance.test[2]": {File: "foo/main.tf", Line: 4},
		}},
		{"tofu-requires-replace", map[string]*change.Location{
			"test_instance.test": {File: "main.tf", Line: 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(shared, tt.name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var p struct {
				ResourceChanges []struct {
					Address string `json:"address"`
				} `json:"resource_changes"`
			}
			if err := json.Unmarshal(raw, &p); err != nil {
				t.Fatal(err)
			}
			x, err := Load(os.DirFS(filepath.Join(shared, "sources", tt.name)))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]*change.Location{}
			for _, rc := range p.ResourceChanges {
				got[rc.Address] = x.Locate(rc.Address)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("locations (-want +got):\n%s", diff)
			}
			if n := x.Notes(); len(n) > 0 {
				t.Errorf("unexpected notes: %q", n)
			}
		})
	}
}
