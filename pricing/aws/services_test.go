package aws_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/aws"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

// svcCatalog holds list prices typed in from ../shared/pricing/aws:
// rds = rds_ondemand_hourly_by_region.tsv (2025-04-24), infracost =
// infracost_prices_unique.tsv, terracost = the eu-west-1 2023-02-23 file.
var svcCatalog = pricingtest.Catalog{
	// RDS instances (rds, columns mysql / postgresql / oracle / aurora_postgresql).
	"aws-rds us-east-1 instance/db.t3.micro/postgres":           "0.018",
	"aws-rds us-east-1 instance/db.t3.large/mysql":              "0.136",
	"aws-rds us-east-1 instance/db.m5.large/mysql":              "0.171",
	"aws-rds us-east-1 instance/db.m5.large/oracle":             "0.205",
	"aws-rds us-east-1 instance/db.r6g.large/aurora-mysql":      "0.26",
	"aws-rds eu-west-1 instance/db.m5.large/postgres":           "0.197",
	"aws-rds eu-west-1 instance/db.r6g.large/aurora-postgresql": "0.286",
	// Multi-AZ instance hours (infracost "Database instance (on-demand,
	// Multi-AZ, db.t4g.small)" 0.065; rds db.t4g.small mysql 0.032 single).
	"aws-rds us-east-1 instance/db.t4g.small/mysql/multi-az": "0.065",
	// RDS storage us-east-1 (infracost aws_db_instance rows).
	"aws-rds us-east-1 storage/gp2":          "0.115",
	"aws-rds us-east-1 storage/gp2/multi-az": "0.23",
	"aws-rds us-east-1 storage/gp3":          "0.115",
	"aws-rds us-east-1 storage/io1":          "0.125",
	"aws-rds us-east-1 iops/io1":             "0.1",
	"aws-rds us-east-1 storage/standard":     "0.1",
	"aws-rds us-east-1 io-requests/standard": "0.1",
	"aws-rds us-east-1 iops/gp3":             "0.02",
	"aws-rds us-east-1 backup":               "0.095",
	"aws-rds us-east-1 cpu-credit":           "0.075",
	// Aurora credits: infracost aws_rds_cluster_instance "CPU credits" 0.09.
	"aws-rds us-east-1 aurora/cpu-credit": "0.09",
	// RDS storage eu-west-1 (terracost EU-RDS:* rows, Single-AZ and Multi-AZ).
	"aws-rds eu-west-1 storage/gp3":             "0.127",
	"aws-rds eu-west-1 storage/gp3/multi-az":    "0.254",
	"aws-rds eu-west-1 iops/gp3":                "0.022",
	"aws-rds eu-west-1 iops/gp3/multi-az":       "0.044",
	"aws-rds eu-west-1 throughput/gp3":          "0.088",
	"aws-rds eu-west-1 throughput/gp3/multi-az": "0.177",
	"aws-rds eu-west-1 storage/io1":             "0.138",
	"aws-rds eu-west-1 iops/io1":                "0.11",
	"aws-rds eu-west-1 storage/gp2":             "0.127",
	// Aurora (infracost aws_rds_cluster / aws_rds_cluster_instance, us-east-1).
	"aws-rds us-east-1 aurora/storage":              "0.1",
	"aws-rds us-east-1 aurora/io-requests":          "0.2",
	"aws-rds us-east-1 aurora/backup":               "0.021",
	"aws-rds us-east-1 aurora/storage/io-optimized": "0.23",
	"aws-rds us-east-1 aurora/serverless-v2":        "0.12",

	// ElastiCache (infracost aws_elasticache_* us-east-1).
	"aws-elasticache us-east-1 node/cache.m4.large":   "0.156",
	"aws-elasticache us-east-1 node/cache.r5.4xlarge": "1.724",
	"aws-elasticache us-east-1 backup":                "0.085",

	// DynamoDB: provisioned per capacity-unit hour (infracost us-east-2
	// WCU 0.4745 and RCU 0.0949 a month = 0.00065 and 0.00013 × 730);
	// on-demand per 1M (us-east-2 WRU 0.000000627 ±0.3 %, RRU 0.000000125).
	"aws-dynamodb us-east-1 provisioned/wcu": "0.00065",
	"aws-dynamodb us-east-1 provisioned/rcu": "0.00013",
	"aws-dynamodb us-east-1 on-demand/wru":   "0.625",
	"aws-dynamodb us-east-1 on-demand/rru":   "0.125",
	"aws-dynamodb us-east-1 storage":         "0.25",
	"aws-dynamodb us-east-1 backup/pitr":     "0.2",

	// S3 (infracost aws_s3_bucket us-east-1: Standard, Standard-IA storage 0.0125).
	"aws-s3 us-east-1 storage/standard":         "0.023",
	"aws-s3 us-east-1 requests/put/standard":    "0.005",
	"aws-s3 us-east-1 requests/get/standard":    "0.0004",
	"aws-s3 us-east-1 storage/standard-ia":      "0.0125",
	"aws-s3 us-east-1 requests/put/standard-ia": "0.01",
	"aws-s3 us-east-1 requests/get/standard-ia": "0.001",

	// VPC (infracost us-east-1; terracost eu-west-1 EU-NatGateway-*).
	"aws-vpc us-east-1 nat-gateway":                         "0.045",
	"aws-vpc us-east-1 nat-gateway/data":                    "0.045",
	"aws-vpc eu-west-1 nat-gateway":                         "0.048",
	"aws-vpc eu-west-1 nat-gateway/data":                    "0.048",
	"aws-vpc us-east-1 public-ipv4":                         "0.005",
	"aws-vpc us-east-1 endpoint/interface":                  "0.01",
	"aws-vpc us-east-1 endpoint/data/tier1":                 "0.01",
	"aws-vpc us-east-1 endpoint/data/tier2":                 "0.006",
	"aws-vpc us-east-1 endpoint/data/tier3":                 "0.004",
	"aws-vpc us-east-1 endpoint/gateway-load-balancer":      "0.01",
	"aws-vpc us-east-1 endpoint/gateway-load-balancer/data": "0.0035",

	// Load balancers (infracost us-east-1: LCU 5.84 a month = 0.008 × 730;
	// terracost eu-west-1 for network and gateway).
	"aws-elb us-east-1 application":     "0.0225",
	"aws-elb us-east-1 application/lcu": "0.008",
	"aws-elb us-east-1 classic":         "0.025",
	"aws-elb us-east-1 classic/data":    "0.008",
	"aws-elb eu-west-1 network":         "0.0252",
	"aws-elb eu-west-1 network/lcu":     "0.006",
	"aws-elb eu-west-1 gateway":         "0.014",
	"aws-elb eu-west-1 gateway/lcu":     "0.004",

	// CloudWatch Logs, KMS, Secrets Manager, Route 53 (infracost us-east-1).
	"aws-cloudwatch us-east-1 logs/ingestion": "0.5",
	"aws-cloudwatch us-east-1 logs/storage":   "0.03",
	"aws-cloudwatch us-east-1 logs/insights":  "0.005",
	"aws-kms us-east-1 key":                   "1",
	"aws-kms us-east-1 requests/symmetric":    "0.03",
	"aws-kms us-east-1 requests/asymmetric":   "0.15",
	"aws-secretsmanager us-east-1 secret":     "0.4",
	"aws-secretsmanager us-east-1 requests":   "0.05",
	"aws-route53 us-east-1 hosted-zone":       "0.5",
}

// svcComp is a component as a test states it: decimals as strings.
type svcComp struct {
	Name, Unit, Quantity, UnitPrice, MonthlyCost string
	UsageBased                                   bool
	Unpriced, Approximation                      string
}

// svcPriced is a priced component; cost is hand-computed.
func svcPriced(name, unit, quantity, price, cost string) svcComp {
	return svcComp{Name: name, Unit: unit, Quantity: quantity, UnitPrice: price, MonthlyCost: cost}
}

// svcUsage is a priced usage-based component.
func svcUsage(name, unit, quantity, price, cost string) svcComp {
	c := svcPriced(name, unit, quantity, price, cost)
	c.UsageBased = true
	return c
}

// svcUnpriced is a component without a price.
func svcUnpriced(name, unit, quantity, reason string) svcComp {
	return svcComp{Name: name, Unit: unit, Quantity: quantity, UnitPrice: "0", MonthlyCost: "0", Unpriced: reason}
}

// svcUnpricedUsage is a usage-based component without a price.
func svcUnpricedUsage(name, unit, quantity, reason string) svcComp {
	c := svcUnpriced(name, unit, quantity, reason)
	c.UsageBased = true
	return c
}

// svcCase is one resource state priced by one model.
type svcCase struct {
	name    string
	region  string // us-east-1 when empty
	attrs   string // JSON object of attribute values
	unknown string // JSON object like the plan's after_unknown
	usage   string // JSON object of usage-file values
	// related maps an attribute to the JSON attributes of the resource it
	// refers to, for models that follow references.
	related map[string]string
	want    []svcComp
}

// svcRun prices each case with the model of typ from aws.Models().
func svcRun(t *testing.T, typ string, cases []svcCase) {
	t.Helper()
	model, ok := svcModel(typ)
	if !ok {
		t.Fatalf("no model for %s", typ)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			region := tc.region
			if region == "" {
				region = "us-east-1"
			}
			res := pricing.Resource{
				Address: typ + ".test",
				Type:    typ,
				Region:  region,
				Attrs:   pricing.NewAttrs(svcJSON(t, tc.attrs), svcJSON(t, tc.unknown)),
				Usage:   pricing.Usage(svcJSON(t, tc.usage)),
				Related: func(attr string) (pricing.Resource, bool) {
					js, ok := tc.related[attr]
					if !ok {
						return pricing.Resource{}, false
					}
					return pricing.Resource{Region: region, Attrs: pricing.NewAttrs(svcJSON(t, js), nil)}, true
				},
			}
			got := svcRows(model.Price(res, pricing.NewPricer(svcCatalog, region, res.Usage)))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("components (-want +got):\n%s", diff)
			}
		})
	}
}

func svcModel(typ string) (pricing.Model, bool) {
	for _, m := range aws.Models() {
		if m.Type == typ {
			return m, true
		}
	}
	return pricing.Model{}, false
}

// svcJSON decodes a JSON object the way plan attributes are decoded:
// numbers stay json.Number.
func svcJSON(t *testing.T, s string) map[string]any {
	t.Helper()
	if s == "" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("test JSON %s: %v", s, err)
	}
	return m
}

func svcRows(comps []pricing.Component) []svcComp {
	var out []svcComp
	for _, c := range comps {
		out = append(out, svcComp{
			Name:          c.Name,
			Unit:          c.Unit,
			Quantity:      c.Quantity.String(),
			UnitPrice:     c.UnitPrice.String(),
			MonthlyCost:   c.MonthlyCost.String(),
			UsageBased:    c.UsageBased,
			Unpriced:      c.Unpriced,
			Approximation: c.Approximation,
		})
	}
	return out
}
