// Package gcp holds the cost models of Google Cloud resource types (the
// google provider), one file per type or family, the shapes of Compute
// Engine's predefined machine types, and the list of Google types that
// cost nothing. Prices are list prices: sustained-use and committed-use
// discounts, free tiers and credits are not applied.
package gcp

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// Catalog services of Google Cloud prices (pricing/catalog/README.md).
const (
	computeService = "gcp-compute"
	networkService = "gcp-network"
	storageService = "gcp-storage"
	sqlService     = "gcp-sql"
	gkeService     = "gcp-gke"
)

// Models returns every Google Cloud cost model. Instance templates have
// none: they cost nothing by themselves and are priced through the
// instance group managers that use them.
func Models() []pricing.Model {
	return []pricing.Model{
		instanceModel,
		diskModel,
		regionDiskModel,
		groupManagerModel("google_compute_instance_group_manager"),
		groupManagerModel("google_compute_region_instance_group_manager"),
		clusterModel,
		nodePoolModel,
		sqlInstanceModel,
		bucketModel,
		routerNATModel,
		addressModel,
	}
}

var (
	one = decimal.NewFromInt(1)
	// mibPerGB turns MiB (custom machine and Cloud SQL tiers) into the GB
	// (GiB) Google prices memory per.
	mibPerGB = decimal.NewFromInt(1024)
)

const noRegion = "the resource's region is not known (no zone, region or location in the plan)"

// regional returns a model's price function that unprices everything when
// the resource has no region, rather than asking the catalog for prices in
// a region called "".
func regional(price func(pricing.Resource, pricing.Pricer) []pricing.Component) func(pricing.Resource, pricing.Pricer) []pricing.Component {
	return func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		comps := price(r, p)
		if r.Region == "" {
			return unpriceAll(comps, noRegion)
		}
		return comps
	}
}

// needString returns a string attribute the cost depends on, or why it
// cannot be used.
func needString(a pricing.Attrs, name string) (string, string) {
	if a.Unknown(name) {
		return "", pricing.UnknownAttr(name)
	}
	s, ok := a.String(name)
	if !ok || s == "" {
		return "", name + " is not set"
	}
	return s, ""
}

// unpriceAll turns components into unpriced ones, keeping their
// quantities.
func unpriceAll(comps []pricing.Component, reason string) []pricing.Component {
	for i := range comps {
		c := &comps[i]
		c.UnitPrice, c.MonthlyCost, c.Source, c.Approximation = decimal.Zero, decimal.Zero, "", ""
		c.Unpriced = reason
	}
	return comps
}

// times multiplies per-instance components by the number of instances.
func times(cs []pricing.Component, n decimal.Decimal) []pricing.Component {
	if n.Equal(one) {
		return cs
	}
	for i := range cs {
		cs[i].Quantity = cs[i].Quantity.Mul(n)
		cs[i].MonthlyCost = cs[i].MonthlyCost.Mul(n)
	}
	return cs
}

// qualified builds a component name such as "Boot disk (pd-balanced, size
// assumed)" from its qualifiers, skipping empty ones.
func qualified(what string, quals ...string) string {
	quals = slices.DeleteFunc(slices.Clone(quals), func(s string) bool { return s == "" })
	if len(quals) == 0 {
		return what
	}
	return what + " (" + strings.Join(quals, ", ") + ")"
}

// prefixed prepends a label to each component's name, e.g. the node pool
// the components belong to.
func prefixed(label string, cs []pricing.Component) []pricing.Component {
	if label == "" {
		return cs
	}
	for i := range cs {
		cs[i].Name = label + cs[i].Name
	}
	return cs
}

// isZone reports whether a location is a zone (us-central1-a) rather than
// a region (us-central1).
func isZone(loc string) bool {
	k := strings.LastIndexByte(loc, '-')
	return k > 0 && k == len(loc)-2 && loc[k+1] >= 'a' && loc[k+1] <= 'z' && strings.Count(loc, "-") >= 2
}
