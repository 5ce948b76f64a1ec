package pricing

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Resource is one state (before or after the change) of one resource, as a
// cost model sees it.
type Resource struct {
	Address string
	Type    string
	Region  string
	Attrs   Attrs
	Usage   Usage
	// Related follows the reference in the named top-level attribute to the
	// resource it names, e.g. an autoscaling group's launch_template to the
	// aws_launch_template; nil or false when there is none.
	Related func(attr string) (Resource, bool)
}

// Follow calls Related when it is set.
func (r Resource) Follow(attr string) (Resource, bool) {
	if r.Related == nil {
		return Resource{}, false
	}
	return r.Related(attr)
}

// Model prices one resource type.
type Model struct {
	Type string
	// Usage lists the usage-file keys the model reads.
	Usage []UsageKey
	// Price returns the resource's cost components. A component it cannot
	// price is returned with Unpriced set, never left out. No components
	// means this configuration of the resource costs nothing by itself (an
	// S3 gateway endpoint, an ECS service on EC2 capacity).
	Price func(r Resource, p Pricer) []Component
}

// UsageKey documents one usage-file key.
type UsageKey struct {
	Name        string
	Description string
	// String keys take text (e.g. an operating system); others numbers.
	String bool
}

// UtilityFree lists the resource types of providers that create nothing in
// a cloud account (random values, local files, keys in state), so they
// never cost anything.
var UtilityFree = []string{
	"archive_*", "cloudinit_*", "external*", "http*", "local_*", "null_*",
	"random_*", "terraform_data", "time_*", "tls_*",
}

// Registry holds the cost models and the list of types known to be free.
type Registry struct {
	models map[string]Model
	free   []string // exact types, or prefixes ending in "*"
}

// NewRegistry builds a registry. free lists resource types that cost
// nothing; an entry ending in "*" matches every type with that prefix.
func NewRegistry(models []Model, free []string) *Registry {
	r := &Registry{models: make(map[string]Model, len(models)), free: free}
	for _, m := range models {
		if _, dup := r.models[m.Type]; dup {
			panic("pricing: two models for " + m.Type)
		}
		r.models[m.Type] = m
	}
	return r
}

// Model returns the model of a resource type.
func (r *Registry) Model(typ string) (Model, bool) {
	m, ok := r.models[typ]
	return m, ok
}

// Types lists the priced resource types, sorted.
func (r *Registry) Types() []string {
	return slices.Sorted(maps.Keys(r.models))
}

// IsFree reports whether a resource type is known to cost nothing.
func (r *Registry) IsFree(typ string) bool {
	for _, f := range r.free {
		if f == typ || (strings.HasSuffix(f, "*") && strings.HasPrefix(typ, strings.TrimSuffix(f, "*"))) {
			return true
		}
	}
	return false
}

// Cost prices one resource state with the catalog.
func (r *Registry) Cost(res Resource, cat Catalog) Cost {
	m, ok := r.models[res.Type]
	if !ok {
		if r.IsFree(res.Type) {
			return Cost{Free: true}
		}
		return Cost{Unsupported: true}
	}
	comps := m.Price(res, Pricer{cat: cat, region: res.Region, usage: res.Usage})
	return Cost{Components: comps, Free: len(comps) == 0}
}

// Pricer prices the components of one resource in its region.
type Pricer struct {
	cat    Catalog
	region string
	usage  Usage
}

// NewPricer returns a Pricer for tests and tools that price components
// outside a Registry.
func NewPricer(cat Catalog, region string, usage Usage) Pricer {
	return Pricer{cat: cat, region: region, usage: usage}
}

// In returns a Pricer for another region, for global services that AWS
// bills in one region whatever the resource's own (Route 53: us-east-1).
func (p Pricer) In(region string) Pricer {
	p.region = region
	return p
}

// Region is the region the resource is priced in.
func (p Pricer) Region() string { return p.region }

// Usage is the resource's usage-file values.
func (p Pricer) Usage() Usage { return p.usage }

// Component prices quantity units of the catalog entry service/key.
func (p Pricer) Component(name, unit string, quantity decimal.Decimal, service, key string) Component {
	c := Component{Name: name, Unit: unit, Quantity: quantity}
	price, ok := p.cat.Price(service, p.region, key)
	if !ok {
		c.Unpriced = p.missing(service, key)
		c.NotInCatalog = true
		return c
	}
	c.UnitPrice = price.Amount
	c.MonthlyCost = quantity.Mul(price.Amount)
	c.Source = price.Source
	c.Approximation = price.Approximation
	return c
}

// Hourly prices count things that run every hour of the month.
func (p Pricer) Hourly(name string, count decimal.Decimal, service, key string) Component {
	return p.Component(name, "hours", count.Mul(Hours), service, key)
}

// UsageComponent prices a usage-based quantity read from the usage file
// (0 when the file does not give it).
func (p Pricer) UsageComponent(name, unit, usageKey, service, key string) Component {
	return p.UsageScaled(name, unit, usageKey, decimal.NewFromInt(1), service, key)
}

// UsageScaled is UsageComponent for a usage value given in another unit
// than the price's: the quantity is the value times factor (requests
// priced per 1M requests: factor 0.000001).
func (p Pricer) UsageScaled(name, unit, usageKey string, factor decimal.Decimal, service, key string) Component {
	v, given := p.usage.Decimal(usageKey)
	return p.Component(name, unit, v.Mul(factor), service, key).FromUsage(usageKey, given)
}

// Unpriced is a component that cannot be priced, with the reason.
func Unpriced(name, unit, reason string) Component {
	return Component{Name: name, Unit: unit, Unpriced: reason}
}

// UnknownAttr is the reason for a component whose cost depends on an
// attribute known only after apply.
func UnknownAttr(attr string) string {
	return attr + " is known only after apply"
}

func (p Pricer) missing(service, key string) string {
	msg := fmt.Sprintf("no %s price for %s in %s in the catalog", service, key, p.region)
	if regions := p.cat.Regions(service, key); len(regions) > 0 {
		const show = 4
		more := ""
		if len(regions) > show {
			more = fmt.Sprintf(" and %d more", len(regions)-show)
			regions = regions[:show]
		}
		msg += fmt.Sprintf(" (priced in %s%s)", strings.Join(regions, ", "), more)
	}
	return msg
}

// Usage is the usage-file values that apply to one resource.
type Usage map[string]any

// Decimal returns a numeric usage value.
func (u Usage) Decimal(key string) (decimal.Decimal, bool) {
	return toDecimal(u[key])
}

// String returns a text usage value.
func (u Usage) String(key string) (string, bool) {
	s, ok := u[key].(string)
	return s, ok
}
