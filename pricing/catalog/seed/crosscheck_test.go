package seed

import (
	"regexp"
	"testing"

	"github.com/shopspring/decimal"
)

// TestEUWest1AgreesWithObserved compares the 2023 eu-west-1 bulk prices
// in the catalog with the prices infracost's elastic_beanstalk test
// printed for eu-west-1 a year or more later: two independent sources.
func TestEUWest1AgreesWithObserved(t *testing.T) {
	c, _, _ := build(t)
	rows, err := readObserved(sharedPricing(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		component, price string // the observed row
		service, key     string
		conv             conv
	}{
		{"Classic load balancer", "0.028", "aws-elb", "classic", same},
		{"Data processed", "0.008", "aws-elb", "classic/data", same},
		{"Network load balancer", "0.0252", "aws-elb", "network", same},
		{"Load balancer capacity units", "4.38", "aws-elb", "network/lcu", monthToHour},
		{"Provisioned IOPS", "0.072", "aws-ebs", "iops/io1", same},
		{"Storage (general purpose SSD, gp2)", "0.11", "aws-ebs", "storage/gp2", same},
		{"Storage (general purpose SSD, gp2)", "0.253", "aws-rds", "storage/gp2/multi-az", same},
		{"Storage (provisioned IOPS SSD, io1)", "0.138", "aws-ebs", "storage/io1", same},
		{"Data ingested", "0.57", "aws-cloudwatch", "logs/ingestion", same},
		{"Archival Storage", "0.03", "aws-cloudwatch", "logs/storage", same},
		{"Insights queries data scanned", "0.0057", "aws-cloudwatch", "logs/insights", same},
		{"Additional backup storage", "0.095", "aws-rds", "backup", same},
		{"Instance usage (Linux/UNIX, on-demand, t3.large)", "0.0912", "aws-ec2", "instance/t3.large/linux", same},
		{"Instance usage (Linux/UNIX, on-demand, c4.large)", "0.113", "aws-ec2", "instance/c4.large/linux", same},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			var spans []span
			for _, r := range rows {
				if r.region == "eu-west-1" && r.resource == "aws_elastic_beanstalk_environment" &&
					r.component == tt.component && r.price.Equal(decimal.RequireFromString(tt.price)) {
					if s, ok := r.span(); ok {
						spans = append(spans, tt.conv.apply(s))
					}
				}
			}
			observed, problem, _ := agree(spans)
			if problem != "" {
				t.Fatalf("observed %q %s: %s", tt.component, tt.price, problem)
			}
			p, ok := c.Price(tt.service, "eu-west-1", tt.key)
			if !ok {
				t.Fatalf("%s eu-west-1 %s: no price", tt.service, tt.key)
			}
			if !p.Amount.Equal(observed) {
				t.Errorf("%s eu-west-1 %s = %s (%s), observed %s", tt.service, tt.key, p.Amount, p.Source, observed)
			}
		})
	}
}

var onDemandLinux = regexp.MustCompile(`^Instance usage \(Linux/UNIX, on-demand, ([a-z0-9]+\.[a-z0-9]+)\)$`)

// TestEC2AgreesWithObserved checks every us-east-1 on-demand Linux
// instance price infracost's tests printed against the catalog.
func TestEC2AgreesWithObserved(t *testing.T) {
	c, _, _ := build(t)
	rows, err := readObserved(sharedPricing(t))
	if err != nil {
		t.Fatal(err)
	}
	byType := map[string][]span{}
	for _, r := range rows {
		if m := onDemandLinux.FindStringSubmatch(r.component); m != nil && r.region == "us-east-1" {
			if s, ok := r.span(); ok {
				byType[m[1]] = append(byType[m[1]], s)
			}
		}
	}
	if len(byType) < 10 {
		t.Fatalf("only %d instance types observed; the file changed?", len(byType))
	}
	for _, typ := range sortedKeys(byType) {
		observed, problem, _ := agree(byType[typ])
		if problem != "" {
			t.Errorf("%s: %s", typ, problem)
			continue
		}
		p, ok := c.Price("aws-ec2", "us-east-1", "instance/"+typ+"/linux")
		if !ok || !p.Amount.Equal(observed) {
			t.Errorf("%s: catalog %s (%s), observed %s", typ, p.Amount, p.Source, observed)
		}
	}
}
