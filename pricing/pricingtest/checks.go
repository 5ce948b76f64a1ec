package pricingtest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/pricing"
)

// CheckUsageDocumented checks what users read in usage-file errors and
// docs: every usage key of every model is snake_case, described, and not
// listed twice.
func CheckUsageDocumented(t *testing.T, models []pricing.Model) {
	t.Helper()
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	for _, m := range models {
		seen := map[string]bool{}
		for _, k := range m.Usage {
			if !snake.MatchString(k.Name) || k.Description == "" || seen[k.Name] {
				t.Errorf("%s: usage key %q: want a unique snake_case name with a description", m.Type, k.Name)
			}
			seen[k.Name] = true
		}
	}
}

// SharedPlans matches the plan files of ../shared/plans (next to the
// repository) from a cost-model package's directory, where its tests run.
// The plans are real terraform show -json output; they may be absent.
const SharedPlans = "../../../shared/plans/*.json"

// CheckNeverSilentZero prices a bare resource of each model's type, and
// every state of that type in the plans SharedPlans matches, against an
// empty catalog in region: nothing may panic, and every component must
// have a name, a unit, a reason it has no price and a quantity ≥ 0, so
// that a missing price is never shown as a cost of zero.
func CheckNeverSilentZero(t *testing.T, models []pricing.Model, region string) {
	t.Helper()
	states := map[string][]pricing.Attrs{}
	for _, m := range models {
		states[m.Type] = []pricing.Attrs{pricing.NewAttrs(nil, nil)}
	}
	files, _ := filepath.Glob(SharedPlans)
	if len(files) == 0 {
		t.Log("../shared/plans is absent: bare resources only")
	}
	n := 0
	for _, f := range files {
		for typ, attrs := range PlanStates(t, f) {
			if _, ok := states[typ]; ok {
				states[typ] = append(states[typ], attrs...)
				n += len(attrs)
			}
		}
	}
	t.Logf("%d resource states from %d plans", n, len(files))
	empty := Catalog{}
	for _, m := range models {
		for i, a := range states[m.Type] {
			r := pricing.Resource{Address: m.Type + ".x", Type: m.Type, Region: region, Attrs: a}
			for _, c := range m.Price(r, pricing.NewPricer(empty, region, nil)) {
				if c.Name == "" || c.Unit == "" || c.Unpriced == "" || c.Quantity.IsNegative() {
					t.Errorf("%s state %d: component %+v: want a name, a unit, a reason and a quantity ≥ 0", m.Type, i, c)
				}
			}
		}
	}
}

// PlanStates returns the before and after attributes of a plan file's
// resources, by type. A file that is not plain JSON gives none: the plan
// parser's tests cover those.
func PlanStates(tb testing.TB, name string) map[string][]pricing.Attrs {
	tb.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
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

// Fuzz is what FuzzModels feeds one provider's models.
type Fuzz struct {
	Models []pricing.Model
	// Seeds start the corpus of attribute values (JSON objects).
	Seeds []string
	// Prices, Region and Usage are what every resource is priced with.
	Prices pricing.Catalog
	Region string
	Usage  pricing.Usage
	// Related is what the priced resource refers to, whatever the
	// attribute; it takes the fuzzed attribute values too.
	Related pricing.Resource
	// NoNegativeQuantity also requires every component's quantity to be
	// ≥ 0, for models that clamp what a plan cannot mean (a negative count
	// or size).
	NoNegativeQuantity bool
}

// FuzzModels feeds arbitrary attribute values to every model: whatever a
// plan holds, a model must not panic, every component must have a name and
// a unit, and one without a price must not cost anything.
func FuzzModels(f *testing.F, z Fuzz) {
	for _, seed := range z.Seeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, attrs string) {
		dec := json.NewDecoder(strings.NewReader(attrs))
		dec.UseNumber()
		var values map[string]any
		if dec.Decode(&values) != nil {
			return
		}
		rel := z.Related
		rel.Attrs = pricing.NewAttrs(values, nil)
		related := func(string) (pricing.Resource, bool) { return rel, true }
		for _, m := range z.Models {
			r := pricing.Resource{Address: m.Type + ".x", Type: m.Type, Region: z.Region, Attrs: pricing.NewAttrs(values, nil), Usage: z.Usage, Related: related}
			for _, c := range m.Price(r, pricing.NewPricer(z.Prices, z.Region, z.Usage)) {
				if c.Name == "" || c.Unit == "" {
					t.Errorf("%s: component without a name or unit: %+v", m.Type, c)
				}
				if !c.Priced() && !c.MonthlyCost.IsZero() {
					t.Errorf("%s: unpriced component %q costs %s", m.Type, c.Name, c.MonthlyCost)
				}
				if z.NoNegativeQuantity && c.Quantity.IsNegative() {
					t.Errorf("%s: component %q has quantity %s", m.Type, c.Name, c.Quantity)
				}
			}
		}
	})
}
