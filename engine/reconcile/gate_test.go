package reconcile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func TestGate(t *testing.T) {
	res := func(address, predicted, list, billed string) Resource {
		r := Resource{Address: address, Predicted: dec(predicted), ActualList: dec(list), ActualBilled: dec(billed)}
		r.Variance = r.ActualList.Sub(r.Predicted)
		return r
	}
	result := func(basis string, overall Totals, rs ...Resource) *Result {
		if basis == BasisBilled {
			for i := range rs {
				rs[i].Variance = rs[i].ActualBilled.Sub(rs[i].Predicted)
			}
		}
		return &Result{Currency: "USD", Basis: basis, Overall: overall, Resources: rs}
	}
	var unset decimal.Decimal
	tests := []struct {
		name                 string
		r                    *Result
		maxWAPE, maxVariance decimal.Decimal
		want                 []string
	}{
		{"no limits", result(BasisList, Totals{WAPE: dec("5")}, res("a.x", "1", "100", "100")), unset, unset, nil},
		{"WAPE below the limit", result(BasisList, Totals{WAPE: dec("0.1")}), dec("0.2"), unset, nil},
		{"WAPE at the limit", result(BasisList, Totals{WAPE: dec("0.2")}), dec("0.2"), unset, nil},
		{"WAPE above the limit", result(BasisList, Totals{WAPE: dec("0.2345678")}), dec("0.2"), unset,
			[]string{"overall WAPE is 23.46%, above the 20% limit"}},
		{"nothing billed", result(BasisList, Totals{Predicted: dec("50"), NoActual: true}), dec("0.2"), unset,
			[]string{"nothing was billed to the predicted resources (50.00 USD predicted): WAPE is undefined and fails the 20% limit"}},
		{"nothing predicted nor billed", result(BasisList, Totals{NoActual: true}), dec("0.2"), unset, nil},
		{"resource above", result(BasisList, Totals{}, res("aws_instance.a", "100", "125", "0")), unset, dec("0.2"),
			[]string{"aws_instance.a: actual 125.00 USD is 25% above the predicted 100.00 USD, over the 20% limit"}},
		{"resource below", result(BasisList, Totals{}, res("aws_instance.a", "100", "70", "0")), unset, dec("0.2"),
			[]string{"aws_instance.a: actual 70.00 USD is 30% below the predicted 100.00 USD, over the 20% limit"}},
		{"resource at the limit", result(BasisList, Totals{}, res("aws_instance.a", "100", "120", "0")), unset, dec("0.2"), nil},
		{"billed basis", result(BasisBilled, Totals{}, res("aws_instance.a", "100", "100", "150")), unset, dec("0.2"),
			[]string{"aws_instance.a: actual 150.00 USD is 50% above the predicted 100.00 USD, over the 20% limit"}},
		{"unpredicted at the floor", result(BasisList, Totals{}, res("aws_s3_bucket.b", "0", "1", "1")), unset, dec("0.2"), nil},
		{"unpredicted above the floor", result(BasisList, Totals{}, res("aws_s3_bucket.b", "0", "1.01", "1.01")), unset, dec("0.2"),
			[]string{"aws_s3_bucket.b: 1.01 USD was billed but nothing was predicted"}},
		{"both limits", result(BasisList, Totals{WAPE: dec("0.5")},
			res("aws_instance.a", "10", "20", "0"), res("aws_instance.b", "10", "10", "0")), dec("0.2"), dec("0.2"),
			[]string{
				"overall WAPE is 50%, above the 20% limit",
				"aws_instance.a: actual 20.00 USD is 100% above the predicted 10.00 USD, over the 20% limit",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Gate(tt.r, tt.maxWAPE, tt.maxVariance)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Gate (-want +got):\n%s", diff)
			}
		})
	}
}
