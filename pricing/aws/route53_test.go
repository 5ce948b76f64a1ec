package aws_test

import "testing"

func TestRoute53Zone(t *testing.T) {
	runModel(t, "aws_route53_zone", []modelCase{
		{Name: "hosted zone", Attrs: `{"name": "example.com"}`, Want: []line{priced("Hosted zone", "months", "1", "0.5", "0.5")}},
		{
			// Route 53 is global: a zone is priced in us-east-1 whatever
			// the provider's region.
			Name:   "any region is priced as us-east-1",
			Region: "eu-west-1",
			Attrs:  `{"name": "example.com"}`,
			Want:   []line{priced("Hosted zone", "months", "1", "0.5", "0.5")},
		},
	})
}
