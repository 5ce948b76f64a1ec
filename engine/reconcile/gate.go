package reconcile

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// UnpredictedFloor is the actual cost, in the bill's currency, above which
// a resource predicted to cost nothing exceeds any resource variance
// limit: its relative variance is infinite, and below this floor it is
// pennies of usage nobody estimated.
const UnpredictedFloor = 1

var (
	unpredictedFloor = decimal.NewFromInt(UnpredictedFloor)
	hundred          = decimal.NewFromInt(100)
)

// Gate checks a result against limits given as fractions (zero leaves a
// limit unset) and returns one sentence per limit exceeded:
//   - maxWAPE: the overall WAPE is above it, or nothing at all was billed
//     to resources that were predicted to cost something;
//   - maxVariance: a resource's |actual − predicted| ÷ predicted is above
//     it, or, predicted to cost nothing, it was billed more than
//     UnpredictedFloor.
func Gate(r *Result, maxWAPE, maxVariance decimal.Decimal) []string {
	var out []string
	cur := r.Currency
	if maxWAPE.IsPositive() {
		o := r.Overall
		switch {
		case o.NoActual && o.Predicted.IsPositive():
			out = append(out, fmt.Sprintf("nothing was billed to the predicted resources (%s %s predicted): WAPE is undefined and fails the %s%% limit",
				o.Predicted.StringFixed(2), cur, percent(maxWAPE)))
		case !o.NoActual && o.WAPE.GreaterThan(maxWAPE):
			out = append(out, fmt.Sprintf("overall WAPE is %s%%, above the %s%% limit", percent(o.WAPE), percent(maxWAPE)))
		}
	}
	if !maxVariance.IsPositive() {
		return out
	}
	for i := range r.Resources {
		res := &r.Resources[i]
		act := res.actual(r.Basis)
		if !res.Predicted.IsPositive() {
			if act.GreaterThan(unpredictedFloor) {
				out = append(out, fmt.Sprintf("%s: %s %s was billed but nothing was predicted", res.Address, act.StringFixed(2), cur))
			}
			continue
		}
		rel := res.Variance.Abs().DivRound(res.Predicted, divPrecision)
		if !rel.GreaterThan(maxVariance) {
			continue
		}
		dir := "above"
		if res.Variance.IsNegative() {
			dir = "below"
		}
		out = append(out, fmt.Sprintf("%s: actual %s %s is %s%% %s the predicted %s %s, over the %s%% limit",
			res.Address, act.StringFixed(2), cur, percent(rel), dir, res.Predicted.StringFixed(2), cur, percent(maxVariance)))
	}
	return out
}

// percent shows a fraction as a percentage with at most two decimals.
func percent(f decimal.Decimal) string {
	return f.Mul(hundred).Round(2).String()
}
