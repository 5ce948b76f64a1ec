package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAccuracy estimates hand-written plans in us-east-1, eu-west-1 and
// us-west-2 (the latter through an aliased provider passed into a module)
// and compares every resource's monthly cost with the sum worked out by
// hand from AWS list prices, as the shared price files give them:
//
//	ec2_ondemand_hourly_by_region.tsv / ec2_linux_ondemand_us-east-1_karpenter.tsv
//	  m5.xlarge us-east-1 0.192, t3.large eu-west-1 0.0912,
//	  c5.2xlarge us-west-2 0.34, t3.micro us-east-1 0.0104
//	rds_ondemand_hourly_by_region.tsv (Single-AZ)
//	  db.m5.large us-east-1 mysql 0.171, db.r5.large eu-west-1 postgresql 0.28
//	infracost_prices_unique.tsv (us-east-1, and us-west-2 gp2)
//	  gp3 0.08/GB, gp3 IOPS 0.005, gp3 throughput 0.04/MiBps, gp2 0.10,
//	  RDS gp2 0.115, NAT 0.045/h, ALB 0.0225/h, EKS 0.10/h
//	terracost_eu-west-1_2023-02-23_non_instance_ondemand.tsv
//	  gp2 0.11, st1 0.05, RDS Multi-AZ io1 storage 0.276/GB and IOPS 0.22
//
// A month is 730 hours.
func TestAccuracy(t *testing.T) {
	for _, tc := range []struct {
		plan  string
		costs map[string]string
		total string
	}{
		{"us-east-1.json", map[string]string{
			// 0.192×730 + 100×0.08 + (4000−3000)×0.005 + (250−125)×0.04
			"aws_instance.api": "158.16",
			// 0.171×730 + 200×0.115
			"aws_db_instance.orders": "147.83",
			"aws_nat_gateway.egress": "32.85",  // 0.045×730
			"aws_lb.public":          "16.425", // 0.0225×730
			"aws_eks_cluster.main":   "73",     // 0.10×730
		}, "428.265"},
		{"eu-west-1.json", map[string]string{
			// 0.0912×730 + 20×0.11
			"aws_instance.worker": "68.776",
			"aws_ebs_volume.logs": "25", // 500×0.05
			// Multi-AZ: 2×0.28×730 + 300×0.276 + 3000×0.22
			"aws_db_instance.ledger": "1151.6",
		}, "1245.376"},
		{"us-west-2-alias.json", map[string]string{
			// us-east-1 (the default provider): 0.0104×730 + 8 GB gp2 root (AWS default)×0.10
			"aws_instance.bastion": "8.392",
			// us-west-2 (provider aws.oregon passed into module.app): 0.34×730 + 50×0.10
			"module.app.aws_instance.web":     "253.2",
			"module.app.aws_ebs_volume.data":  "80",    // 1000×0.08
			"module.app.aws_nat_gateway.this": "32.85", // 0.045×730
		}, "374.442"},
	} {
		t.Run(tc.plan, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			path := filepath.Join("testdata", "accuracy", tc.plan)
			if code := runTest([]string{"estimate", path, "--format", "json"}, nil, &stdout, &stderr, nil); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			var doc struct {
				Total     string `json:"total_monthly_cost"`
				Resources []struct {
					Address string `json:"address"`
					Monthly string `json:"monthly_cost"`
				} `json:"resources"`
				Unpriced []any `json:"unpriced"`
			}
			if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, r := range doc.Resources {
				got[r.Address] = r.Monthly
			}
			if diff := cmp.Diff(tc.costs, got); diff != "" {
				t.Errorf("monthly costs (-hand-computed +estimated):\n%s", diff)
			}
			if doc.Total != tc.total {
				t.Errorf("total = %s, want %s", doc.Total, tc.total)
			}
			if len(doc.Unpriced) != 0 {
				t.Errorf("unpriced: %v", doc.Unpriced)
			}
		})
	}
}
