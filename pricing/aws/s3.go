package aws

import (
	"fmt"
	"strings"

	"github.com/tollgate-dev/tollgate/pricing"
)

const s3Service = "aws-s3"

// s3Class is a storage class: its catalog names and how it is shown.
type s3Class struct {
	storage, requests, display string
}

// s3Classes is keyed by the class's API name. Intelligent-Tiering is
// priced as if every object sat in its frequent access tier, the tier new
// objects start in.
var s3Classes = map[string]s3Class{
	"STANDARD":            {"standard", "standard", "Standard"},
	"STANDARD_IA":         {"standard-ia", "standard-ia", "Standard-IA"},
	"ONEZONE_IA":          {"onezone-ia", "onezone-ia", "One Zone-IA"},
	"GLACIER_IR":          {"glacier-ir", "glacier-ir", "Glacier Instant Retrieval"},
	"GLACIER":             {"glacier", "glacier", "Glacier Flexible Retrieval"},
	"DEEP_ARCHIVE":        {"deep-archive", "deep-archive", "Glacier Deep Archive"},
	"INTELLIGENT_TIERING": {"intelligent-tiering-frequent", "intelligent-tiering", "Intelligent-Tiering, frequent access tier assumed"},
}

var s3BucketModel = pricing.Model{
	Type: "aws_s3_bucket",
	Usage: []pricing.UsageKey{
		{Name: "storage_class", String: true, Description: "storage class the objects are stored in: STANDARD (default), STANDARD_IA, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE or INTELLIGENT_TIERING"},
		{Name: usageStorageGB, Description: "average data stored, in GB"},
		{Name: "monthly_put_requests", Description: "PUT, COPY, POST and LIST requests a month"},
		{Name: "monthly_get_requests", Description: "GET, SELECT and all other requests a month"},
	},
	Price: priceS3Bucket,
}

func priceS3Bucket(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	name, _ := p.Usage().String("storage_class")
	if name == "" {
		name = "STANDARD"
	}
	name = strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
	class, ok := s3Classes[name]
	if !ok {
		class = s3Class{storage: "unknown", requests: "unknown", display: name}
	}
	comps := []pricing.Component{
		p.UsageComponent(pricing.Qualified("Storage", class.display), "GB", usageStorageGB, s3Service, "storage/"+class.storage),
		p.UsageScaled(pricing.Qualified("PUT, COPY, POST, LIST requests", class.display), "1k requests", "monthly_put_requests", perThousand, s3Service, "requests/put/"+class.requests),
		p.UsageScaled(pricing.Qualified("GET, SELECT, and all other requests", class.display), "1k requests", "monthly_get_requests", perThousand, s3Service, "requests/get/"+class.requests),
	}
	if !ok {
		return pricing.UnpriceAll(comps, fmt.Sprintf("usage storage_class %q is not one of STANDARD, STANDARD_IA, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE, INTELLIGENT_TIERING", name))
	}
	return comps
}
