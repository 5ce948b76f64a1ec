package seed

import (
	"fmt"
	"io/fs"
	"sort"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

const gcpFile = "gcp/cyclenerd-pricing.yml"

// gcpDisks maps the file's disk entries to the catalog's disk types.
var gcpDisks = []struct{ entry, disk string }{
	{"hdd", "pd-standard"}, {"balanced", "pd-balanced"}, {"ssd", "pd-ssd"},
}

// yamlPrice is a price kept as the decimal the YAML spells, never a float.
type yamlPrice struct {
	set   bool
	value decimal.Decimal
}

func (p *yamlPrice) UnmarshalYAML(n *yaml.Node) error {
	d, err := decimal.NewFromString(n.Value)
	if err != nil || d.IsNegative() {
		return fmt.Errorf("line %d: %q is not a price", n.Line, n.Value)
	}
	p.set, p.value = true, d
	return nil
}

type gcpPricing struct {
	Compute struct {
		Instance map[string]struct {
			Cost map[string]struct {
				Hour yamlPrice `yaml:"hour"`
			} `yaml:"cost"`
		} `yaml:"instance"`
		Storage map[string]struct {
			Type string `yaml:"type"`
			Cost map[string]struct {
				Month yamlPrice `yaml:"month"`
			} `yaml:"cost"`
		} `yaml:"storage"`
	} `yaml:"compute"`
}

// addGCP adds gcp-compute machine/<type> (hours) and disk/<type>
// (GB-months) per region. Machine prices use the hourly list price: the
// file's "month" has sustained-use discounts folded in.
func addGCP(fsys fs.FS, s *sink) error {
	b, err := fs.ReadFile(fsys, gcpFile)
	if err != nil {
		return fmt.Errorf("read price data: %w", err)
	}
	var g gcpPricing
	if err := yaml.Unmarshal(b, &g); err != nil {
		return fmt.Errorf("%s: %w", gcpFile, err)
	}
	for _, typ := range sortedKeys(g.Compute.Instance) {
		cost := g.Compute.Instance[typ].Cost
		for _, region := range sortedKeys(cost) {
			if p := cost[region].Hour; p.set && p.value.IsPositive() {
				if err := s.add("gcp-compute", region, "machine/"+typ, p.value, "hours", "gcp-compute"); err != nil {
					return err
				}
			}
		}
	}
	for _, d := range gcpDisks {
		e, ok := g.Compute.Storage[d.entry]
		if !ok || e.Type != d.disk {
			return fmt.Errorf("%s: compute.storage.%s is not the %s disk", gcpFile, d.entry, d.disk)
		}
		for _, region := range sortedKeys(e.Cost) {
			if p := e.Cost[region].Month; p.set && p.value.IsPositive() {
				if err := s.add("gcp-compute", region, "disk/"+d.disk, p.value, "GB-months", "gcp-compute"); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
