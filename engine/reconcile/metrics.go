package reconcile

import (
	"cmp"
	"maps"
	"slices"

	"github.com/shopspring/decimal"
)

// totals measures the error over resources. allBilled is the billed cost
// of every usage and purchase charge in the period, what CoverageBilled is
// a share of (for a type: the type's share of the whole bill).
//
// Divisions by zero give zero: WAPE and Bias when Σ actual is not
// positive (NoActual is then set), CoveragePredicted with no resources,
// CoverageBilled when nothing was billed.
func totals(rs []Resource, basis string, allBilled decimal.Decimal) Totals {
	return totalsOf(rs, nil, basis, allBilled)
}

// totalsOf is totals over the resources at idx, or all when idx is nil.
func totalsOf(rs []Resource, idx []int, basis string, allBilled decimal.Decimal) Totals {
	var t Totals
	absErr := decimal.Zero
	n := len(rs)
	if idx != nil {
		n = len(idx)
	}
	for k := range n {
		r := &rs[k]
		if idx != nil {
			r = &rs[idx[k]]
		}
		t.Resources++
		if r.MatchedBy != "" {
			t.Found++
		}
		t.Predicted = t.Predicted.Add(r.Predicted)
		t.ActualList = t.ActualList.Add(r.ActualList)
		t.ActualEffective = t.ActualEffective.Add(r.ActualEffective)
		t.ActualBilled = t.ActualBilled.Add(r.ActualBilled)
		absErr = absErr.Add(r.Variance.Abs())
	}
	act := ActualAt(basis, t.ActualList, t.ActualEffective, t.ActualBilled)
	if act.IsPositive() {
		t.WAPE = absErr.DivRound(act, divPrecision)
		t.Bias = t.Predicted.Sub(act).DivRound(act, divPrecision)
	} else {
		t.NoActual = true
	}
	if t.Resources > 0 {
		t.CoveragePredicted = decimal.NewFromInt(int64(t.Found)).DivRound(decimal.NewFromInt(int64(t.Resources)), divPrecision)
	}
	if allBilled.IsPositive() {
		t.CoverageBilled = t.ActualBilled.DivRound(allBilled, divPrecision)
	}
	return t
}

// types are the totals per resource type, sorted by type.
func types(rs []Resource, basis string, allBilled decimal.Decimal) []Type {
	byType := map[string][]int{}
	for i := range rs {
		byType[rs[i].Type] = append(byType[rs[i].Type], i)
	}
	out := make([]Type, 0, len(byType))
	for _, typ := range slices.Sorted(maps.Keys(byType)) {
		out = append(out, Type{Type: typ, Totals: totalsOf(rs, byType[typ], basis, allBilled)})
	}
	return out
}

// topDrifters are the addresses of the n resources with the largest
// absolute variance, ties by address then repository. Resources without
// variance are no drifters.
func topDrifters(rs []Resource, n int) []string {
	var idx []int
	abs := make([]decimal.Decimal, len(rs))
	for i := range rs {
		if !rs[i].Variance.IsZero() {
			idx = append(idx, i)
			abs[i] = rs[i].Variance.Abs()
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(abs[b].Cmp(abs[a]),
			cmp.Compare(rs[a].Address, rs[b].Address), cmp.Compare(rs[a].Repo, rs[b].Repo))
	})
	if len(idx) > n {
		idx = idx[:n]
	}
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = rs[j].Address
	}
	return out
}
