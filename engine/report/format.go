package report

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/pricing"
)

// dollars renders money for people: "$1,234.57", rounded half away from
// zero to cents.
func dollars(d decimal.Decimal) string {
	s := d.Abs().StringFixed(2)
	sign := ""
	if d.Round(2).IsNegative() {
		sign = "-"
	}
	return sign + "$" + thousands(s)
}

// signedDollars renders a difference with its sign: "+$5.00", "-$1.20",
// "$0.00".
func signedDollars(d decimal.Decimal) string {
	if d.Round(2).IsPositive() {
		return "+" + dollars(d)
	}
	return dollars(d)
}

// unitPrice renders a unit price with all its digits, at least cents. It
// looks at the value, not at how many digits the decimal carries, so that
// 0.10 and 0.1 (a price read back from JSON) both render $0.10.
func unitPrice(d decimal.Decimal) string {
	if d.Equal(d.Truncate(2)) {
		return "$" + thousands(d.StringFixed(2))
	}
	return "$" + thousands(d.String())
}

// quantity renders a quantity with thousands separators and at most four
// decimals.
func quantity(d decimal.Decimal) string {
	r := d.Round(4)
	if r.IsZero() && !d.IsZero() {
		return "<0.0001"
	}
	return thousands(r.String())
}

func thousands(s string) string {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if neg {
		out = "-" + out
	}
	if hasFrac {
		out += "." + frac
	}
	return out
}

// actionSymbol is Terraform's plan symbol for an action.
func actionSymbol(a change.Action) string {
	switch a {
	case change.Create:
		return "+"
	case change.Delete:
		return "-"
	case change.Update:
		return "~"
	case change.Replace:
		return "-/+"
	}
	return " "
}

// shownComponents are the components worth listing for a resource: the
// state after the change, or before it for a deletion.
func shownComponents(rc engine.ResourceCost) []pricing.Component {
	if rc.Action == change.Delete {
		return rc.PastComponents
	}
	return rc.Components
}

// freeSummary lists free resource types with counts: "aws_iam_role ×2".
func freeSummary(est *engine.Estimate) (int, string) {
	counts := map[string]int{}
	n := 0
	for _, rc := range est.Resources {
		if rc.Free {
			counts[rc.Type]++
			n++
		}
	}
	var parts []string
	for _, t := range slices.Sorted(maps.Keys(counts)) {
		if counts[t] > 1 {
			parts = append(parts, fmt.Sprintf("%s ×%d", t, counts[t]))
		} else {
			parts = append(parts, t)
		}
	}
	return n, strings.Join(parts, ", ")
}

// pricedAsOf renders the price sources and the catalog they came from:
// "aws-ec2 2025-04-24, aws-rds 2025-04-24 (embedded catalog)".
func pricedAsOf(est *engine.Estimate) string {
	var parts []string
	for _, id := range slices.Sorted(maps.Keys(est.PricedAsOf)) {
		parts = append(parts, id+" "+est.PricedAsOf[id])
	}
	s := strings.Join(parts, ", ")
	switch {
	case s == "" || est.Catalog == "":
	case est.Catalog == engine.EmbeddedCatalog:
		s += " (embedded catalog)"
	default:
		s += " (catalog " + est.Catalog + ")"
	}
	return s
}

// approximations lists the distinct approximation notes, sorted.
func approximations(est *engine.Estimate) []string {
	seen := map[string]bool{}
	for _, rc := range est.Resources {
		for _, c := range shownComponents(rc) {
			if c.Approximation != "" {
				seen[c.Approximation] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// notes are the footnotes of a report: what the usage-based and
// approximated marks mean here, and what the input left to assumptions.
func notes(est *engine.Estimate) []string {
	var out []string
	if usageMissing(est) {
		out = append(out, "* usage-based: no usage given, so the quantity is 0; give one with --usage FILE")
	}
	for _, a := range approximations(est) {
		out = append(out, "~ approximated: "+a)
	}
	return append(out, est.Notes...)
}

// usageMissing reports whether some shown component is usage-based with no
// usage given.
func usageMissing(est *engine.Estimate) bool {
	for _, rc := range est.Resources {
		for _, c := range shownComponents(rc) {
			if c.UsageBased && c.UsageKey == "" {
				return true
			}
		}
	}
	return false
}

// direction describes the total change in words.
func direction(d decimal.Decimal) string {
	switch {
	case d.Round(2).IsPositive():
		return "increase"
	case d.Round(2).IsNegative():
		return "decrease"
	}
	return "stay the same"
}
