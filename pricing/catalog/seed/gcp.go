package seed

import (
	"fmt"
	"io/fs"
	"sort"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

const gcpFile = "gcp/cyclenerd-pricing.yml"

// GCP catalog services, and the source id of every price read from the
// file (named when it held machine prices only).
const (
	gcpCompute = "gcp-compute"
	gcpNetwork = "gcp-network"
	gcpStorage = "gcp-storage"
	gcpSource  = "gcp-compute"
)

// gcpDisks maps the file's disk entries to catalog keys: zonal
// persistent disks, regional (replicated) ones and local SSD.
var gcpDisks = []struct{ entry, disk, key string }{
	{"hdd", "pd-standard", "disk/pd-standard"},
	{"balanced", "pd-balanced", "disk/pd-balanced"},
	{"ssd", "pd-ssd", "disk/pd-ssd"},
	{"extreme", "pd-extreme", "disk/pd-extreme"},
	{"hdd-replicated", "pd-standard", "disk/pd-standard/regional"},
	{"balanced-replicated", "pd-balanced", "disk/pd-balanced/regional"},
	{"ssd-replicated", "pd-ssd", "disk/pd-ssd/regional"},
	{"local", "pd-local", "local-ssd"},
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

// gcpRates are a price entry's prices by region (or location).
type gcpRates map[string]struct {
	Hour     yamlPrice `yaml:"hour"`
	HourSpot yamlPrice `yaml:"hour_spot"`
	Month    yamlPrice `yaml:"month"`
}

type gcpMachine struct {
	CPU      yamlPrice `yaml:"cpu"`
	RAM      yamlPrice `yaml:"ram"`
	LocalSSD int       `yaml:"local-ssd"`
	Type     string    `yaml:"type"` // "n1-custom" for the custom-* examples
	Cost     gcpRates  `yaml:"cost"`
	// Accelerators, by model: any of them makes the price more than
	// vCPUs and memory.
	// (g4 types have shares of one: 0.25).
	A100     yamlPrice `yaml:"a100"`
	A100x80  yamlPrice `yaml:"a100-80gb"`
	H100     yamlPrice `yaml:"h100-80gb"`
	H100Mega yamlPrice `yaml:"h100-80gb-mega"`
	L4       yamlPrice `yaml:"l4"`
	RTX6000  yamlPrice `yaml:"rtx6000"`
}

// bundled reports whether the machine's price includes GPUs or local SSD.
func (m gcpMachine) bundled() bool {
	for _, g := range []yamlPrice{m.A100, m.A100x80, m.H100, m.H100Mega, m.L4, m.RTX6000} {
		if g.set && g.value.IsPositive() {
			return true
		}
	}
	return m.LocalSSD > 0
}

type gcpPricing struct {
	Compute struct {
		Instance map[string]gcpMachine `yaml:"instance"`
		Storage  map[string]struct {
			Type string   `yaml:"type"`
			Cost gcpRates `yaml:"cost"`
		} `yaml:"storage"`
		Network struct {
			IP struct {
				VM     struct{ Cost gcpRates } `yaml:"vm"`
				Unused struct{ Cost gcpRates } `yaml:"unused"`
			} `yaml:"ip"`
			NAT struct {
				Gateway struct{ Cost gcpRates } `yaml:"gateway"`
				Data    struct{ Cost gcpRates } `yaml:"data"`
			} `yaml:"nat"`
		} `yaml:"network"`
	} `yaml:"compute"`
	Storage struct {
		Bucket    map[string]struct{ Cost gcpRates } `yaml:"bucket"`
		Retrieval map[string]struct{ Cost gcpRates } `yaml:"retrieval"`
	} `yaml:"storage"`
}

// addGCP adds the Google Cloud prices of the file: machine types, spot and
// custom vCPU and memory rates, disks (gcp.go, gcpfit.go), external IP
// addresses, Cloud NAT and Cloud Storage (gcpnet.go).
func addGCP(fsys fs.FS, s *sink) error {
	b, err := fs.ReadFile(fsys, gcpFile)
	if err != nil {
		return fmt.Errorf("read price data: %w", err)
	}
	var g gcpPricing
	if err := yaml.Unmarshal(b, &g); err != nil {
		return fmt.Errorf("%s: %w", gcpFile, err)
	}
	for _, step := range []func(*gcpPricing, *sink) error{addGCPMachines, addGCPSpot, addGCPCustom, addGCPDisks, addGCPNetwork, addGCPStorage} {
		if err := step(&g, s); err != nil {
			return err
		}
	}
	return nil
}

// addGCPMachines adds gcp-compute machine/<type> (hours) per region, from
// the hourly list price: the file's "month" has sustained-use discounts
// folded in.
func addGCPMachines(g *gcpPricing, s *sink) error {
	for _, typ := range sortedKeys(g.Compute.Instance) {
		m := g.Compute.Instance[typ]
		if m.Type != "" {
			continue // custom-* examples: priced by addGCPCustom's rates
		}
		for _, region := range sortedKeys(m.Cost) {
			if p := m.Cost[region].Hour; p.set && p.value.IsPositive() {
				if err := s.add(gcpCompute, region, "machine/"+typ, p.value, "hours", gcpSource); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// addGCPDisks adds gcp-compute disk/<type>, disk/<type>/regional and
// local-ssd (GB-months) per region.
func addGCPDisks(g *gcpPricing, s *sink) error {
	for _, d := range gcpDisks {
		e, ok := g.Compute.Storage[d.entry]
		if !ok || e.Type != d.disk {
			return fmt.Errorf("%s: compute.storage.%s is not the %s disk", gcpFile, d.entry, d.disk)
		}
		if err := addMonthly(s, gcpCompute, d.key, "GB-months", e.Cost, nil); err != nil {
			return err
		}
	}
	return nil
}

// addMonthly adds one key per location from a file entry's "month"
// prices; rename maps the file's location names to the catalog's (nil
// keeps them).
func addMonthly(s *sink, service, key, unit string, cost gcpRates, rename map[string]string) error {
	for _, loc := range sortedKeys(cost) {
		p := cost[loc].Month
		if !p.set || !p.value.IsPositive() {
			continue
		}
		region := loc
		if rename != nil {
			if region = rename[loc]; region == "" {
				return fmt.Errorf("%s: %s %s: unknown location %q", gcpFile, service, key, loc)
			}
		}
		if err := s.add(service, region, key, p.value, unit, gcpSource); err != nil {
			return err
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
