package aws

import "github.com/tollgate-dev/tollgate/pricing"

const secretsmanagerService = "aws-secretsmanager"

var secretsmanagerSecretModel = pricing.Model{
	Type: "aws_secretsmanager_secret",
	Usage: []pricing.UsageKey{
		{Name: usageRequests, Description: "API requests a month"},
	},
	Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		comps := []pricing.Component{
			p.Component("Secret", "months", one, secretsmanagerService, "secret"),
			p.UsageScaled("API requests", "10k requests", usageRequests, perTenThou, secretsmanagerService, "requests"),
		}
		// Each replica is billed as a secret of its own, in its region.
		for _, rep := range r.Attrs.Blocks("replica") {
			region := rep.StringOr("region", "unknown region")
			comps = append(comps, pricing.Unpriced("Secret replica ("+region+")", "months",
				"replica in "+region+" is not priced (each replica is billed as a secret in its own region)"))
		}
		return comps
	},
}
