package aws

import (
	"strings"

	"github.com/tollgate-dev/tollgate/pricing"
)

const kmsService = "aws-kms"

var kmsRequestsUsage = pricing.UsageKey{Name: usageRequests, Description: "API requests a month that use the key"}

var kmsKeyModel = pricing.Model{
	Type:  "aws_kms_key",
	Usage: []pricing.UsageKey{kmsRequestsUsage},
	Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		spec := r.Attrs.StringOr("customer_master_key_spec", "SYMMETRIC_DEFAULT")
		return kmsComponents(p, spec)
	},
}

// kmsExternalKeyModel is a key with imported key material: always symmetric.
var kmsExternalKeyModel = pricing.Model{
	Type:  "aws_kms_external_key",
	Usage: []pricing.UsageKey{kmsRequestsUsage},
	Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		return kmsComponents(p, "SYMMETRIC_DEFAULT")
	},
}

// kmsComponents prices a customer managed key for a month and its
// requests. Requests to asymmetric keys cost more, except RSA 2048, which
// AWS prices like symmetric and HMAC keys.
func kmsComponents(p pricing.Pricer, spec string) []pricing.Component {
	requests, name := "requests/symmetric", "Requests"
	if (strings.HasPrefix(spec, "RSA_") || strings.HasPrefix(spec, "ECC_") || strings.HasPrefix(spec, "ML_DSA_") || strings.HasPrefix(spec, "SM2")) && spec != "RSA_2048" {
		requests, name = "requests/asymmetric", "Requests (asymmetric, "+spec+")"
	}
	return []pricing.Component{
		p.Component("Customer managed key", "months", one, kmsService, "key"),
		p.UsageScaled(name, "10k requests", usageRequests, perTenThou, kmsService, requests),
	}
}
