// Package pricing is tollgate's cost model: decimal money, cost components,
// the Catalog of unit prices they are priced from, and the Registry of
// per-resource-type models that turn a resource's attributes into
// components. It knows nothing of plans, policies or forges: a caller hands
// it a Resource and gets back a Cost.
package pricing

import (
	"github.com/shopspring/decimal"
)

// HoursPerMonth is the month every hourly price is multiplied by: AWS,
// Azure and Google all bill a 730-hour month in their calculators.
const HoursPerMonth = 730

// Currency is the currency of every price in the catalog.
const Currency = "USD"

var (
	// Hours is HoursPerMonth as a decimal.
	Hours = decimal.NewFromInt(HoursPerMonth)
	// Zero is zero money.
	Zero = decimal.Zero
)

// Dec parses a decimal constant; it panics on a malformed literal, so use
// it only for constants in code.
func Dec(s string) decimal.Decimal {
	return decimal.RequireFromString(s)
}

// Component is one line of a resource's monthly cost: a quantity of some
// unit times a unit price.
type Component struct {
	Name        string
	Unit        string          // the unit of Quantity and UnitPrice, e.g. "hours", "GB"
	Quantity    decimal.Decimal // per month
	UnitPrice   decimal.Decimal
	MonthlyCost decimal.Decimal
	// UsageBased components depend on how the resource is used (requests,
	// data processed); their quantity comes from the usage file, or is 0.
	UsageBased bool
	// UsageKey names the usage-file key that set the quantity, if any did.
	UsageKey string
	// UsageInput names the usage-file key a usage-based component reads,
	// given or not, so that observed usage can be suggested for it.
	UsageInput string
	// Unpriced says why the component has no price; UnitPrice and
	// MonthlyCost are then zero and must not be shown as a price.
	Unpriced string
	// NotInCatalog marks an unpriced component whose price the catalog
	// lacks, as opposed to one that cannot be priced at all.
	NotInCatalog bool
	Source       string // catalog source id of the unit price
	// Approximation says how the unit price was approximated, when it was.
	Approximation string
}

// FromUsage marks a component whose quantity comes from usage-file values
// as usage-based; key names the value when the file gave it.
func (c Component) FromUsage(key string, given bool) Component {
	c.UsageBased = true
	c.UsageInput = key
	if given {
		c.UsageKey = key
	}
	return c
}

// Priced reports whether the component has a unit price.
func (c Component) Priced() bool { return c.Unpriced == "" }

// Cost is the monthly cost of one state of one resource.
type Cost struct {
	Components []Component
	// Free is set for resource types that AWS and co. never charge for.
	Free bool
	// Unsupported is set when tollgate has no model for the type.
	Unsupported bool
}

// Monthly is the sum of the priced components.
func (c Cost) Monthly() decimal.Decimal {
	total := decimal.Zero
	for _, comp := range c.Components {
		if comp.Priced() {
			total = total.Add(comp.MonthlyCost)
		}
	}
	return total
}

// Unpriced lists the reasons the cost is incomplete, in component order,
// without repeats; empty when every component is priced. A usage-based
// component with no usage given does not count: its quantity is 0 whatever
// its price, and its line says it is not priced.
func (c Cost) Unpriced() []string {
	if c.Unsupported {
		return []string{"unsupported resource type"}
	}
	var reasons []string
	seen := map[string]bool{}
	for _, comp := range c.Components {
		if comp.UsageBased && comp.UsageKey == "" {
			continue
		}
		if comp.Unpriced != "" && !seen[comp.Unpriced] {
			seen[comp.Unpriced] = true
			reasons = append(reasons, comp.Name+": "+comp.Unpriced)
		}
	}
	return reasons
}
