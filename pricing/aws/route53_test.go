package aws_test

import "testing"

func TestRoute53Zone(t *testing.T) {
	svcRun(t, "aws_route53_zone", []svcCase{
		{name: "hosted zone", attrs: `{"name": "example.com"}`, want: []svcComp{svcPriced("Hosted zone", "months", "1", "0.5", "0.5")}},
		{
			name:   "region without the price",
			region: "eu-west-1",
			attrs:  `{"name": "example.com"}`,
			want:   []svcComp{svcUnpriced("Hosted zone", "months", "1", "no aws-route53 price for hosted-zone in eu-west-1 in the catalog (priced in us-east-1)")},
		},
	})
}
