package reconcile

import (
	"strings"

	"github.com/shopspring/decimal"
)

// A unit is a quantity's unit reduced to a dimension and how many base
// units of that dimension one of it holds: "1M requests" is 1,000,000
// "requests", "Hrs" and "1 Hour" are 1 "hours". Quantities are compared
// only when their dimensions are equal, so two spellings of one unit meet
// and different units never do.
type unit struct {
	dim string
	// A quantity in this unit is quantity × mul ÷ div base units (div is
	// for byte-hours, whose conversion to GB-months does not terminate).
	mul, div decimal.Decimal
}

// The dimensions suggestions are made for: a usage-file value in them is
// the component's monthly quantity in base units.
const (
	dimHours    = "hours"
	dimGB       = "gb"
	dimGBMonths = "gb-months"
	dimRequests = "requests"
)

var (
	one         = decimal.NewFromInt(1)
	bytesPerGB  = decimal.NewFromInt(1 << 30) // AWS and Azure bill binary GB
	unitAliases = map[string]string{
		"hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
		"mo": "months", "mos": "months", "month": "months", "months": "months",
		"request": "requests", "requests": "requests", "req": "requests", "reqs": "requests",
		"gb": "gb", "gib": "gb", "gigabyte": "gb", "gigabytes": "gb",
		"sec": "seconds", "secs": "seconds", "second": "seconds", "seconds": "seconds",
		"byte": "bytes", "bytes": "bytes",
	}
	// dimAliases merge canonical spellings that name one dimension.
	dimAliases = map[string]string{
		"api-requests": dimRequests,
	}
)

// parseUnit reads a unit as written by a price list or a bill ("GB-Mo",
// "1 GB/Month", "10K requests", "Hrs"); ok is false for a bare count such
// as Azure's "10K", whose dimension is unknown.
func parseUnit(s string) (u unit, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	mul, rest := leadingCount(s)
	var parts []string
	for _, f := range strings.FieldsFunc(rest, func(r rune) bool {
		return r == ' ' || r == '-' || r == '/' || r == '_'
	}) {
		if a, ok := unitAliases[f]; ok {
			f = a
		}
		parts = append(parts, f)
	}
	if len(parts) == 0 {
		return unit{}, false
	}
	dim := strings.Join(parts, "-")
	if a, ok := dimAliases[dim]; ok {
		dim = a
	}
	u = unit{dim: dim, mul: mul, div: one}
	if dim == "bytes-hours" {
		u = unit{dim: dimGBMonths, mul: mul, div: bytesPerGB.Mul(hoursPerMonth)}
	}
	return u, true
}

// leadingCount splits "10k requests" into 10000 and "requests"; a unit
// with no leading count counts 1.
func leadingCount(s string) (decimal.Decimal, string) {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i == 0 {
		return one, s
	}
	n, err := decimal.NewFromString(s[:i])
	if err != nil || !n.IsPositive() {
		return one, s
	}
	rest := s[i:]
	if len(rest) > 0 && (rest[0] == 'k' || rest[0] == 'm') && (len(rest) == 1 || rest[1] == ' ') {
		if rest[0] == 'k' {
			n = n.Mul(decimal.NewFromInt(1_000))
		} else {
			n = n.Mul(decimal.NewFromInt(1_000_000))
		}
		rest = rest[1:]
	}
	return n, strings.TrimSpace(rest)
}

// componentUnit is the unit of a predicted component. Price lists write
// storage as "GB" a month: a component about storage is in GB-months,
// which bills write as "GB-Mo"; other GB (data processed, transferred)
// stay GB.
func componentUnit(unitName, name, usageKey string) (unit, bool) {
	u, ok := parseUnit(unitName)
	if ok && u.dim == dimGB && (containsFold(name, "storage") || containsFold(usageKey, "storage")) {
		u.dim = dimGBMonths
	}
	return u, ok
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), sub)
}

// toBase converts a quantity in u into base units of its dimension.
func (u unit) toBase(q decimal.Decimal) decimal.Decimal {
	q = q.Mul(u.mul)
	if !u.div.Equal(one) {
		q = q.DivRound(u.div, divPrecision)
	}
	return q
}

// fromBase converts base units into u.
func (u unit) fromBase(q decimal.Decimal) decimal.Decimal {
	if !u.div.Equal(one) {
		q = q.Mul(u.div)
	}
	if u.mul.Equal(one) {
		return q
	}
	return q.DivRound(u.mul, divPrecision)
}
