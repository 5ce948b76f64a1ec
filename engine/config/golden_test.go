package config

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// testOptions is a fixture's test.options.json: what the CLI would pass.
type testOptions struct {
	Vars      map[string]string `json:"vars"`
	Env       map[string]string `json:"env"`
	VarFiles  []string          `json:"var_files"` // relative to the fixture
	Region    string            `json:"region"`
	EnvRegion string            `json:"env_region"`
}

// loadFixture loads testdata/NAME with its test.options.json, if any.
func loadFixture(t *testing.T, name string) (*change.Set, error) {
	t.Helper()
	dir := filepath.Join("testdata", name)
	opts := Options{Dir: name}
	if data, err := os.ReadFile(filepath.Join(dir, "test.options.json")); err == nil {
		var to testOptions
		if err := json.Unmarshal(data, &to); err != nil {
			t.Fatalf("%s/test.options.json: %v", name, err)
		}
		opts.Vars, opts.Env, opts.Region, opts.EnvRegion = to.Vars, to.Env, to.Region, to.EnvRegion
		for _, f := range to.VarFiles {
			data, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				t.Fatal(err)
			}
			opts.VarFiles = append(opts.VarFiles, VarFile{Name: f, Data: data})
		}
	}
	return Load(os.DirFS(dir), opts)
}

// goldenFixtures are the fixtures that load without error; each has a
// line in testdata/README.md.
var goldenFixtures = []string{
	"downloaded",
	"dynamic",
	"expansion",
	"json",
	"locals",
	"modules",
	"providers",
	"references",
	"sensitive",
	"variables",
}

func TestGolden(t *testing.T) {
	for _, name := range goldenFixtures {
		t.Run(name, func(t *testing.T) {
			set, err := loadFixture(t, name)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			got, err := json.MarshalIndent(goldenOf(set), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s differs (-want +got; go test -update rewrites it):\n%s", golden, diff)
			}
		})
	}
}

// TestLocationsMatchSource checks that every resource is located where
// engine/source locates its address, in plan mode.
func TestLocationsMatchSource(t *testing.T) {
	for _, name := range goldenFixtures {
		t.Run(name, func(t *testing.T) {
			set, err := loadFixture(t, name)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			idx, err := source.Load(os.DirFS(filepath.Join("testdata", name)))
			if err != nil {
				t.Fatalf("source.Load: %v", err)
			}
			for _, r := range set.Resources {
				if r.Type == "" {
					continue // a module call: not a resource address
				}
				want := idx.Locate(r.Address)
				if diff := cmp.Diff(want, r.Location); diff != "" {
					t.Errorf("%s location (-source +config):\n%s", r.Address, diff)
				}
			}
		})
	}
}

// golden is the form of a change set the golden files hold: the fields
// .tf input sets, empty ones left out.
type golden struct {
	Resources []goldenResource `json:"resources"`
	Notes     []string         `json:"notes,omitempty"`
}

type goldenResource struct {
	Address        string              `json:"address"`
	Module         string              `json:"module,omitempty"`
	Type           string              `json:"type,omitempty"`
	Name           string              `json:"name,omitempty"`
	Index          any                 `json:"index,omitempty"`
	Provider       string              `json:"provider,omitempty"`
	ProviderKey    string              `json:"provider_key,omitempty"`
	Action         change.Action       `json:"action"`
	After          map[string]any      `json:"after,omitempty"`
	AfterUnknown   map[string]any      `json:"after_unknown,omitempty"`
	SensitivePaths []string            `json:"sensitive_paths,omitempty"`
	Region         string              `json:"region,omitempty"`
	RegionFrom     string              `json:"region_from,omitempty"`
	Tags           map[string]string   `json:"tags,omitempty"`
	UnknownTags    []string            `json:"unknown_tags,omitempty"`
	TagsUnknown    bool                `json:"tags_unknown,omitempty"`
	Taggable       bool                `json:"taggable,omitempty"`
	Refs           map[string][]string `json:"refs,omitempty"`
	Location       *change.Location    `json:"location,omitempty"`
	Unexpanded     string              `json:"unexpanded,omitempty"`
}

func goldenOf(set *change.Set) golden {
	g := golden{Resources: []goldenResource{}, Notes: set.Notes}
	for _, r := range set.Resources {
		g.Resources = append(g.Resources, goldenResource{
			Address: r.Address, Module: r.Module, Type: r.Type, Name: r.Name, Index: r.Index,
			Provider: r.Provider, ProviderKey: r.ProviderKey, Action: r.Action,
			After: r.After, AfterUnknown: r.AfterUnknown, SensitivePaths: r.SensitivePaths,
			Region: r.Region, RegionFrom: r.RegionFrom, Tags: r.Tags, UnknownTags: r.UnknownTags,
			TagsUnknown: r.TagsUnknown, Taggable: r.Taggable, Refs: r.Refs, Location: r.Location,
			Unexpanded: r.Unexpanded,
		})
	}
	return g
}
