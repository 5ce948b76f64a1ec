// Package gcp holds the cost models of Google Cloud resource types (the
// google provider), one file per type or family, the shapes of Compute
// Engine's predefined machine types, and the list of Google types that
// cost nothing. Prices are list prices: sustained-use and committed-use
// discounts, free tiers and credits are not applied.
package gcp

import (
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
			return pricing.UnpriceAll(comps, noRegion)
		}
		return comps
	}
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
