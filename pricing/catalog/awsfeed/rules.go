package awsfeed

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// offer is one AWS service's price list and the rules that read catalog
// prices out of it.
type offer struct {
	code   string // the AWS offer code, e.g. "AmazonEC2"
	source string // the catalog source id of its prices
	global bool   // one list for every region (Route 53): read whole, kept under globalRegion
	need   []attr // columns its rules read, beyond the required ones
	rules  []*rule

	byUsage  map[string][]*rule // static rules by base usage type
	byPrefix map[string][]*rule // dynamic rules by base usage type up to ':'
}

// rule maps rows of an offer file to a catalog key. A static rule names
// the key and the usage types; a dynamic one builds the key from the row
// (instance type, engine) for usage types starting with prefix.
type rule struct {
	service string   // catalog service, e.g. "aws-ebs"
	key     string   // static key
	usages  []string // static: usage types without the region prefix
	prefix  string   // dynamic: usage type prefix through ':', e.g. "BoxUsage:"
	keyOf   func(r row, suffix string) (key string, rank int, ok bool)

	unit      string   // catalog unit
	family    string   // product family; "" any
	fileUnits []string // the file's units this rule understands (case-insensitive)
	start     string   // StartingRange of the tier; "" any tier with a price
	conv      decimal.Decimal
	when      func(r row) bool // a further condition on the row; nil accepts all
	// rank orders rows that give the same key: the lowest wins, and rows
	// of one rank must agree. nil ranks every row 0.
	rank func(r row) int
}

// Unit conversions: file price times conv is the catalog price. All are
// exact in decimal (1/1024 = 0.0009765625).
var (
	same        = decimal.NewFromInt(1)
	perThousand = decimal.NewFromInt(1_000)
	perTenK     = decimal.NewFromInt(10_000)
	perMillion  = decimal.NewFromInt(1_000_000)
	gibToMib    = decimal.RequireFromString("0.0009765625")
)

// index prepares an offer's rules for matching.
func (o *offer) index() *offer {
	o.byUsage, o.byPrefix = map[string][]*rule{}, map[string][]*rule{}
	for _, r := range o.rules {
		if r.prefix != "" {
			o.byPrefix[r.prefix] = append(o.byPrefix[r.prefix], r)
			continue
		}
		for _, u := range r.usages {
			o.byUsage[u] = append(o.byUsage[u], r)
		}
	}
	return o
}

// match is a row a rule accepted: the key it gives and its rank.
type match struct {
	rule *rule
	key  string
	rank int
}

// match calls fn for every rule that accepts the row. It looks only at
// the usage type, family and tier; the unit and price are checked by the
// caller, which knows the file and line to blame.
func (o *offer) match(r row, fn func(match)) {
	usage := baseUsage(r.get(aUsage))
	for _, ru := range o.byUsage[usage] {
		if ru.accepts(r) {
			rank := 0
			if ru.rank != nil {
				rank = ru.rank(r)
			}
			fn(match{ru, ru.key, rank})
		}
	}
	i := strings.IndexByte(usage, ':')
	if i < 0 {
		return
	}
	for _, ru := range o.byPrefix[usage[:i+1]] {
		if !ru.accepts(r) {
			continue
		}
		if key, rank, ok := ru.keyOf(r, usage[i+1:]); ok {
			fn(match{ru, key, rank})
		}
	}
}

func (ru *rule) accepts(r row) bool {
	if ru.family != "" && r.get(aFamily) != ru.family {
		return false
	}
	if ru.start != "" && r.get(aStart) != ru.start {
		return false
	}
	return ru.when == nil || ru.when(r)
}

// unitOK reports whether the file's unit is one the rule converts from.
func (ru *rule) unitOK(unit string) bool {
	return slices.ContainsFunc(ru.fileUnits, func(u string) bool { return strings.EqualFold(u, unit) })
}

// rankBy ranks rows by the value of a column: values earlier in order
// rank first; a value not listed ranks last.
func rankBy(a attr, order ...string) func(row) int {
	return func(r row) int {
		if i := slices.Index(order, r.get(a)); i >= 0 {
			return i
		}
		return len(order)
	}
}
