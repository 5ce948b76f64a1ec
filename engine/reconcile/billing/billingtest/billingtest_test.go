package billingtest_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/billing/billingtest"
)

// TestWriteFOCUS reads generated bills back and checks the totals the
// generator computed arithmetically against what the reader summed.
func TestWriteFOCUS(t *testing.T) {
	tests := []struct {
		name string
		spec billingtest.Spec
	}{
		{"uneven rows across days", billingtest.Spec{Rows: 1000, Resources: 7}},
		{"named ids with address tags", billingtest.Spec{Rows: 96, IDs: []string{"i-a", "vol-b"},
			Start: time.Date(2024, 2, 28, 12, 0, 0, 0, time.UTC),
			Tags:  map[string]map[string]string{"i-a": {"tollgate-address": "aws_instance.a"}}}},
		{"fewer rows than resources", billingtest.Spec{Rows: 3, Resources: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			tot, err := billingtest.WriteFOCUS(&buf, tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			s := billing.NewSum(billing.Options{})
			sum, err := s.Read(context.Background(), &buf, "generated.csv")
			if err != nil {
				t.Fatal(err)
			}
			charges := s.Charges()
			if sum.Rows != tt.spec.Rows || sum.Kept != tt.spec.Rows || len(charges) != tot.Charges {
				t.Fatalf("read %d rows, kept %d, %d charges; want %d rows in %d charges", sum.Rows, sum.Kept, len(charges), tt.spec.Rows, tot.Charges)
			}
			if !sum.PeriodStart.Equal(tot.Start) || !sum.PeriodEnd.Equal(tot.End) {
				t.Errorf("period %s–%s, want %s–%s", sum.PeriodStart, sum.PeriodEnd, tot.Start, tot.End)
			}
			got := map[string]*billingtest.Resource{}
			for _, c := range charges {
				r := got[c.ResourceID]
				if r == nil {
					r = &billingtest.Resource{ID: c.ResourceID}
					got[c.ResourceID] = r
				}
				r.Billed = r.Billed.Add(c.Billed)
				r.Effective = r.Effective.Add(c.Effective)
				r.List = r.List.Add(c.List)
				r.Hours = r.Hours.Add(c.Quantities["hours"])
				if addr, ok := tt.spec.Tags[c.ResourceID]["tollgate-address"]; ok && c.Tags["tollgate-address"] != addr {
					t.Errorf("%s tags %v lack the address %s", c.ResourceID, c.Tags, addr)
				}
			}
			var billed decimal.Decimal
			for _, want := range tot.Resources {
				g := got[want.ID]
				if g == nil {
					t.Errorf("%s not billed", want.ID)
					continue
				}
				if !g.Billed.Equal(want.Billed) || !g.Effective.Equal(want.Effective) || !g.List.Equal(want.List) || !g.Hours.Equal(want.Hours) {
					t.Errorf("%s: read %s/%s/%s for %s h, want %s/%s/%s for %s h", want.ID,
						g.Billed, g.Effective, g.List, g.Hours, want.Billed, want.Effective, want.List, want.Hours)
				}
				billed = billed.Add(g.Billed)
			}
			if len(got) != len(tot.Resources) || !billed.Equal(tot.Billed) {
				t.Errorf("%d resources billed %s, want %d billed %s", len(got), billed, len(tot.Resources), tot.Billed)
			}
		})
	}
}
