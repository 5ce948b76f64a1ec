package warehouse

import (
	"cmp"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
)

// group is one row of the aggregation's output: the sums of the lines of
// one resource, service, day, category, currency and unit, or the count of
// the lines malformed for one reason.
type group struct {
	malformed                string
	resource, service        string
	day                      time.Time
	category, currency, unit string
	hasUnit                  bool
	lines                    int
	billed, effective, list  decimal.Decimal
	quantity                 decimal.Decimal
	region, tags             string
	periodStart, periodEnd   time.Time
}

// scanGroups reads the aggregation's output columns, in the order every
// query in sql/ gives them (see its README).
func scanGroups(rows *sql.Rows) ([]group, error) {
	var gs []group
	for rows.Next() {
		var (
			g                                   group
			malformed, res, svc, cat, cur, unit sql.NullString
			region, tags                        sql.NullString
			day, dayEnd, start, end             sql.NullTime
			billed, effective, list, qty        decimal.NullDecimal
		)
		if err := rows.Scan(&malformed, &res, &svc, &day, &dayEnd, &cat, &cur, &unit, &g.lines,
			&billed, &effective, &list, &qty, &region, &tags, &start, &end); err != nil {
			return nil, err
		}
		g.malformed, g.resource, g.service = malformed.String, res.String, svc.String
		g.category, g.currency, g.unit, g.hasUnit = cat.String, cur.String, unit.String, unit.Valid
		g.region, g.tags = region.String, tags.String
		if day.Valid {
			y, m, d := day.Time.Date()
			g.day = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		}
		g.billed, g.effective, g.list, g.quantity = billed.Decimal, effective.Decimal, list.Decimal, qty.Decimal
		g.periodStart, g.periodEnd = start.Time.UTC(), end.Time.UTC()
		gs = append(gs, g)
	}
	return gs, rows.Err()
}

type chargeKey struct {
	resource, service string
	day               time.Time
	category          string
}

// collect turns groups into Charges, filling the summary as billing.Sum
// would for a file: malformed lines by reason, lines in another currency
// skipped, tags filtered by opts.TagKeys.
func collect(gs []group, opts billing.Options, sum *billing.Summary) []billing.Charge {
	// Deterministic whatever order the database returned.
	slices.SortFunc(gs, func(a, b group) int {
		return cmp.Or(strings.Compare(a.malformed, b.malformed), strings.Compare(a.resource, b.resource),
			strings.Compare(a.service, b.service), a.day.Compare(b.day), strings.Compare(a.category, b.category),
			strings.Compare(a.currency, b.currency), strings.Compare(a.unit, b.unit))
	})
	currency := keptCurrency(gs, opts.Currency)
	var tagFilter map[string]bool
	if opts.TagKeys != nil {
		tagFilter = map[string]bool{}
		for _, k := range opts.TagKeys {
			tagFilter[billing.TagKey(k)] = true
		}
	}
	charges := map[chargeKey]*billing.Charge{}
	for _, g := range gs {
		sum.Rows += g.lines
		if g.malformed != "" {
			count(&sum.Malformed, g.malformed, g.lines)
			continue
		}
		if g.currency != "" && currency != "" && g.currency != currency {
			count(&sum.Skipped, fmt.Sprintf("currency %s, not %s", g.currency, currency), g.lines)
			continue
		}
		tags, err := parseTags(g.tags, tagFilter)
		if err != nil {
			// As a file reader does: the cost counts, without the tags.
			count(&sum.Partial, "bad "+colTags, g.lines)
			tags = nil
		}
		k := chargeKey{g.resource, g.service, g.day, g.category}
		c := charges[k]
		if c == nil {
			c = &billing.Charge{ResourceID: g.resource, Service: g.service, Day: g.day, Category: billing.Category(g.category)}
			charges[k] = c
		}
		c.Billed = c.Billed.Add(g.billed)
		c.Effective = c.Effective.Add(g.effective)
		c.List = c.List.Add(g.list)
		if g.region > c.Region {
			c.Region = g.region
		}
		if g.hasUnit {
			if c.Quantities == nil {
				c.Quantities = map[string]decimal.Decimal{}
			}
			c.Quantities[g.unit] = c.Quantities[g.unit].Add(g.quantity)
		}
		for tk, tv := range tags {
			if c.Tags == nil {
				c.Tags = map[string]string{}
			}
			c.Tags[tk] = tv
		}
		sum.Kept += g.lines
		if sum.PeriodStart.IsZero() || g.periodStart.Before(sum.PeriodStart) {
			sum.PeriodStart = g.periodStart
		}
		if g.periodEnd.After(sum.PeriodEnd) {
			sum.PeriodEnd = g.periodEnd
		}
	}
	if sum.Kept > 0 {
		sum.Currency = currency
	}
	out := make([]billing.Charge, 0, len(charges))
	for _, c := range charges {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(x, y billing.Charge) int {
		return cmp.Or(strings.Compare(x.ResourceID, y.ResourceID), strings.Compare(x.Service, y.Service),
			x.Day.Compare(y.Day), strings.Compare(string(x.Category), string(y.Category)))
	})
	return out
}

// keptCurrency is the currency asked for, else the one most lines are
// billed in (a file read keeps its first line's; a query has no first).
func keptCurrency(gs []group, want string) string {
	if want != "" {
		return strings.ToUpper(want)
	}
	lines := map[string]int{}
	for _, g := range gs {
		if g.malformed == "" && g.currency != "" {
			lines[g.currency] += g.lines
		}
	}
	best := ""
	for c, n := range lines {
		if n > lines[best] || n == lines[best] && c < best {
			best = c
		}
	}
	return best
}

func count(m *map[string]int, reason string, n int) {
	if *m == nil {
		*m = map[string]int{}
	}
	(*m)[reason] += n
}

// parseTags reads a FOCUS Tags object, with or without its braces (as
// Azure writes it); values that are not strings keep their JSON text and
// null values are dropped, as billing does for files.
func parseTags(text string, filter map[string]bool) (map[string]string, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, nil
	}
	if text[0] != '{' {
		text = "{" + text + "}"
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Keys equal once trimmed collide; sorted, the outcome is fixed.
	sort.Strings(keys)
	var tags map[string]string
	for _, k := range keys {
		raw := m[k]
		name := strings.TrimSpace(k)
		if name == "" || string(raw) == "null" || filter != nil && !filter[billing.TagKey(name)] {
			continue
		}
		var v string
		if err := json.Unmarshal(raw, &v); err != nil {
			v = string(raw)
		}
		if tags == nil {
			tags = map[string]string{}
		}
		tags[name] = v
	}
	return tags, nil
}

func sortedCopy(s []string) []string {
	s = slices.Clone(s)
	sort.Strings(s)
	return s
}
