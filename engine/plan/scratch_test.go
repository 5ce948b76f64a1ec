package plan

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestScratch(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/plans/*.json")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		set, err := Parse(filepath.Base(f), data, Options{})
		if err != nil {
			t.Logf("%s: ERR %v", filepath.Base(f), err)
			continue
		}
		counts := map[string]int{}
		for _, r := range set.Resources {
			counts[string(r.Action)]++
		}
		t.Logf("%s: fv=%s tf=%s n=%d %v notes=%q", filepath.Base(f), set.FormatVersion, set.TerraformVersion, len(set.Resources), counts, set.Notes)
		if os.Getenv("DUMP") == filepath.Base(f) {
			b, _ := json.MarshalIndent(set, "", "  ")
			t.Log(string(b))
		}
	}
}

func TestScratch2(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/plans/*.json")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		set, err := Parse(filepath.Base(f), data, Options{})
		if err != nil {
			continue
		}
		for _, r := range set.Resources {
			t.Logf("%s %s key=%s region=%s/%s tags=%v unk=%v refs=%v sens=%v idx=%#v", filepath.Base(f), r.Address, r.ProviderKey, r.Region, r.RegionFrom, r.Tags, r.UnknownTags, r.Refs, r.SensitivePaths, r.Index)
		}
	}
}
