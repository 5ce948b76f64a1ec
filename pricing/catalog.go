package pricing

import (
	"github.com/shopspring/decimal"
)

// Catalog is a table of unit prices. A price is found by service (e.g.
// "aws-ec2"), region and a service-specific key (e.g.
// "instance/m5.large/linux"); pricing/catalog/README.md lists the keys.
type Catalog interface {
	// Price returns the unit price of key in region.
	Price(service, region, key string) (Price, bool)
	// Regions lists, sorted, the regions that have a price for key, so that
	// a missing price can say where one exists.
	Regions(service, key string) []string
	// Source describes where the prices with this source id came from.
	Source(id string) (Source, bool)
}

// Price is one unit price.
type Price struct {
	Amount decimal.Decimal
	Unit   string // the catalog's unit, e.g. "hours", "GB-month"
	Source string // Source.ID
	// Approximation is set when the price was borrowed from another region
	// (a twin) because the catalog has none for the one asked; it says so
	// and why.
	Approximation string
}

// Source is one origin of prices, with the date its prices were valid.
type Source struct {
	ID         string // short id used in outputs, e.g. "aws-ec2"
	PricedAsOf string // ISO date (or year-month) the prices were observed
	Name       string // what the data is
	Origin     string // where it was taken from
	License    string
}
