package gcp

import (
	"strings"

	"github.com/tollgate-dev/tollgate/pricing"
)

const (
	usageStorageGB   = "storage_gb"
	usageRetrievalGB = "monthly_retrieval_gb"
)

// gcsClasses maps storage classes to catalog keys; MULTI_REGIONAL and
// REGIONAL are the legacy names of Standard storage.
var gcsClasses = map[string]string{
	"STANDARD": "standard", "MULTI_REGIONAL": "standard", "REGIONAL": "standard",
	"NEARLINE": "nearline", "COLDLINE": "coldline", "ARCHIVE": "archive",
	"DURABLE_REDUCED_AVAILABILITY": "dra",
}

// gcsRetrieval are the classes that bill data read back.
var gcsRetrieval = map[string]bool{"nearline": true, "coldline": true, "archive": true}

var bucketModel = pricing.Model{
	Type: "google_storage_bucket",
	Usage: []pricing.UsageKey{
		{Name: usageStorageGB, Description: "data stored, in GB"},
		{Name: usageRetrievalGB, Description: "data read back from Nearline, Coldline or Archive storage a month, in GB"},
	},
	// Operations, network egress, early deletion and replication are not
	// priced. Prices are by the bucket's location: a region, a
	// dual-region (NAM4) or a multi-region (US), not by the resource's
	// region.
	Price: priceBucket,
}

func priceBucket(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	class := strings.ToUpper(a.StringOr("storage_class", "STANDARD"))
	key, known := gcsClasses[class]
	name := pricing.Qualified("Storage", strings.ToLower(class))
	loc, why := a.NeedString("location")
	switch {
	case !known:
		why = "storage class " + class + " is not in the catalog"
	case why == "":
		if _, custom := a.Block("custom_placement_config"); custom {
			why = "configurable dual-region prices are not in the catalog"
		}
	}
	loc = strings.ToLower(loc)
	out := []pricing.Component{p.In(loc).UsageComponent(name, "GB-months", usageStorageGB, storageService, "storage/"+key)}
	if gcsRetrieval[key] {
		out = append(out, p.In(loc).UsageComponent(pricing.Qualified("Retrieval", strings.ToLower(class)), "GB", usageRetrievalGB, storageService, "retrieval/"+key))
	}
	if why != "" {
		return pricing.UnpriceAll(out, why)
	}
	return out
}
