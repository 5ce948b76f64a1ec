package aws

import "github.com/tollgate-dev/tollgate/pricing"

var route53ZoneModel = pricing.Model{
	Type: "aws_route53_zone",
	// The first 25 hosted zones of an account cost more than the rest;
	// one zone cannot know its rank, so it is priced at the first tier.
	// Queries are billed to the records (aws_route53_record). Route 53 is
	// a global service billed in us-east-1 whatever the provider's region.
	Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		return []pricing.Component{p.In("us-east-1").Component("Hosted zone", "months", one, "aws-route53", "hosted-zone")}
	},
}
