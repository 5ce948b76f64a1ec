package reconcile

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
)

// benchEstate is n predicted instances, each recorded twice, and a bill of
// about perResource charges per instance a day: 8 in 10 instances billed
// by id (half bare, half ARN), 1 by address tag, 1 unbilled, plus
// unmatched resources as many as the tagged ones.
func benchEstate(n, charges int) ([]prediction.Recorded, []billing.Charge) {
	start := at("2024-09-01")
	monthly, cost := decimal.NewFromInt(73), decimal.RequireFromString("0.1")
	qty := map[string]decimal.Decimal{"hrs": decimal.NewFromInt(24)}
	comps := []prediction.Component{{Name: "Instance usage", Unit: "hours", Quantity: decimal.NewFromInt(730)}}
	preds := make([]prediction.Recorded, 0, 2*n)
	ids := make([]string, n)
	arns := make([]string, n)
	tags := make([]map[string]string, n)
	for i := range n {
		ids[i] = fmt.Sprintf("i-%016x", i)
		arns[i] = "arn:aws:ec2:us-east-1:123456789012:instance/" + ids[i]
		address := fmt.Sprintf("module.m%d.aws_instance.web[%d]", i%100, i)
		tags[i] = map[string]string{"user:tollgate-address": address}
		for run, day := range []time.Time{at("2024-08-01"), at("2024-09-16")} {
			preds = append(preds, prediction.Recorded{
				Resource: prediction.Resource{Address: address, Type: "aws_instance", Action: "update",
					Monthly: monthly, Priced: true, Components: comps, CloudIDs: []string{ids[i]}},
				Repo: "acme/infra", Commit: fmt.Sprintf("c%d", run), RecordedAt: day,
			})
		}
	}
	bill := make([]billing.Charge, 0, charges)
	for j := 0; len(bill) < charges; j++ {
		i := j % n
		c := billing.Charge{Day: start.AddDate(0, 0, (j/n)%30), Category: billing.Usage,
			Billed: cost, Effective: cost, List: cost, Quantities: qty, Service: "Amazon Elastic Compute Cloud"}
		switch i % 10 {
		case 0, 1, 2, 3:
			c.ResourceID = ids[i]
		case 4, 5, 6, 7:
			c.ResourceID = arns[i]
		case 8:
			c.ResourceID, c.Tags = fmt.Sprintf("untracked-%d", i), tags[i]
		case 9:
			c.ResourceID = fmt.Sprintf("i-unknown-%d", i)
		}
		bill = append(bill, c)
	}
	return preds, bill
}

func BenchmarkReconcile(b *testing.B) {
	for _, size := range []struct{ resources, charges int }{{1_000, 50_000}, {100_000, 5_000_000}} {
		b.Run(fmt.Sprintf("resources=%d/charges=%d", size.resources, size.charges), func(b *testing.B) {
			preds, bill := benchEstate(size.resources, size.charges)
			files := []billing.Summary{{Name: "bench.csv", PeriodStart: at("2024-09-01"), PeriodEnd: at("2024-10-01")}}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				Reconcile(preds, bill, files, Options{})
			}
			b.ReportMetric(float64(size.charges)*float64(b.N)/b.Elapsed().Seconds(), "charges/s")
		})
	}
}
