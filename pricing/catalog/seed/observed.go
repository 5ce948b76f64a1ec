package seed

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

const observedFile = "aws/infracost_prices_unique.tsv"

// observedRow is one row of the observed-prices file.
type observedRow struct {
	line                int
	resource, component string
	unit, region        string
	price               decimal.Decimal
	kinds               []string        // printed, derived, json
	uncertainty         decimal.Decimal // relative; bounds a derived price's rounding
	tests               []string
}

var (
	// maxUncertainty drops derived rows too coarse to price from: beyond
	// a few percent the shortest decimal in range is often the wrong one.
	maxUncertainty = decimal.RequireFromString("0.03")
	// Printed prices of $0.10 and more are rounded to the cent in the
	// outputs they were read from (an Aurora I/O-Optimized $0.225 prints
	// as $0.23); smaller ones are printed in full.
	centRounded = decimal.RequireFromString("0.1")
	halfCent    = decimal.RequireFromString("0.005")
)

// span is what the row says about the price, in the row's unit; false
// when it says too little to use.
func (r observedRow) span() (span, bool) {
	from := fmt.Sprintf("%s:%d", observedFile, r.line)
	p := r.price
	if slices.Contains(r.kinds, "json") {
		return span{p, p, from, false}, true
	}
	var s span
	usable := false
	if slices.Contains(r.kinds, "derived") && !r.uncertainty.GreaterThan(maxUncertainty) {
		s = span{p.Sub(p.Mul(r.uncertainty)), p.Add(p.Mul(r.uncertainty)), from, false}
		usable = true
	}
	if slices.Contains(r.kinds, "printed") {
		if p.LessThan(centRounded) {
			return span{p, p, from, false}, true
		}
		cent := span{p.Sub(halfCent), p.Add(halfCent), from, true}
		if !usable {
			return cent, true
		}
		s.lo, s.hi = decimal.Max(s.lo, cent.lo), decimal.Min(s.hi, cent.hi)
	}
	return s, usable
}

func readObserved(fsys fs.FS) ([]observedRow, error) {
	t, err := readTable(fsys, observedFile, "resource_type", "cost_component", "unit", "region", "currency",
		"tenancy_flag", "price_per_unit_best", "price_kinds", "min_derived_rel_uncertainty", "tests")
	if err != nil {
		return nil, err
	}
	var rows []observedRow
	for _, r := range t.rows {
		// Other currencies (China regions) and dedicated tenancy are not
		// what the catalog's keys mean.
		if t.get(r, "currency") != "USD" || t.get(r, "tenancy_flag") != "" {
			continue
		}
		p, ok, err := t.price(r, "price_per_unit_best")
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		u := decimal.Zero
		if s := t.get(r, "min_derived_rel_uncertainty"); s != "" {
			if u, err = decimal.NewFromString(s); err != nil {
				return nil, fmt.Errorf("%s:%d: min_derived_rel_uncertainty %q is not a number", observedFile, r.line, s)
			}
		}
		rows = append(rows, observedRow{
			line: r.line, resource: t.get(r, "resource_type"), component: t.get(r, "cost_component"),
			unit: t.get(r, "unit"), region: t.get(r, "region"), price: p, uncertainty: u,
			kinds: strings.Split(t.get(r, "price_kinds"), ","), tests: strings.Split(t.get(r, "tests"), ","),
		})
	}
	return rows, nil
}

// matches reports whether a row is one of the observation's.
func (o observation) matches(r observedRow) bool {
	if r.component != o.Component || !slices.Contains(o.From, r.resource) {
		return false
	}
	return o.Tests == "" || slices.Contains(r.tests, o.Tests)
}

// price finds the observation's price among one region's rows; found is
// false when the region has none of its rows.
func (o observation) price(rows []observedRow) (p decimal.Decimal, found bool, problem string, doubts []span, err error) {
	var spans []span
	seen := 0
	for _, r := range rows {
		if !o.matches(r) {
			continue
		}
		if r.unit != o.FileUnit {
			return p, false, "", nil, fmt.Errorf("%s:%d: %s %q has unit %q, the mapping for %s %s expects %q",
				observedFile, r.line, r.resource, r.component, r.unit, o.Service, o.Key, o.FileUnit)
		}
		if o.Pick != "" && !r.price.Equal(decimal.RequireFromString(o.Pick)) {
			continue
		}
		seen++
		if s, ok := r.span(); ok {
			spans = append(spans, o.Conv.apply(s))
		}
	}
	if seen == 0 {
		return p, false, "", nil, nil
	}
	if len(spans) == 0 {
		return p, true, fmt.Sprintf("only derived rows with a rounding error above %s%%", maxUncertainty.Shift(2)), nil, nil
	}
	p, problem, doubts = agree(spans)
	return p, true, problem, doubts, nil
}

// addObserved adds the observed prices of every mapped key, per region.
// eu-west-1 takes its rates from the bulk price list instead (bulk.go);
// its observed rows serve as a cross-check in the tests.
func addObserved(fsys fs.FS, s *sink) error {
	rows, err := readObserved(fsys)
	if err != nil {
		return err
	}
	byRegion := map[string][]observedRow{}
	for _, r := range rows {
		byRegion[r.region] = append(byRegion[r.region], r)
	}
	var regions []string
	for region := range byRegion {
		if region != "" && region != "eu-west-1" {
			regions = append(regions, region)
		}
	}
	sort.Strings(regions)

	for _, o := range observations {
		if (o.Pick == "") == (o.Why != "") {
			return fmt.Errorf("mapping %s %s: a pick needs a why, and only a pick", o.Service, o.Key)
		}
		matched := false
		for _, region := range regions {
			// A pick is a judgement about the us-east-1 rows it was made on.
			if o.Pick != "" && region != "us-east-1" {
				continue
			}
			p, found, problem, doubts, err := o.price(byRegion[region])
			if err != nil {
				return err
			}
			for _, d := range doubts {
				s.note("%s %s %s: %s taken as printed; a derived row says %s", o.Service, region, o.Key, p, d)
			}
			if !found {
				continue
			}
			matched = true
			if problem != "" {
				s.note("%s %s %s: left out: %s", o.Service, region, o.Key, problem)
				continue
			}
			if err := s.add(o.Service, region, o.Key, p, o.Unit, "aws-observed"); err != nil {
				return err
			}
			if region == "us-east-1" && o.Pick == "" {
				crossCheck(s, o, p, byRegion[""])
			}
		}
		if !matched {
			// A typo in the table, or the file changed under it.
			if o.Pick != "" {
				return fmt.Errorf("mapping %s %s: no us-east-1 row of %q at the reviewed price %s", o.Service, o.Key, o.Component, o.Pick)
			}
			return fmt.Errorf("mapping %s %s: no rows of %q", o.Service, o.Key, o.Component)
		}
	}
	return addObservedNodes(s, byRegion["us-east-1"])
}

// crossCheck notes rows without a region that do not allow the us-east-1
// price; those rows come from runs whose region is unknown, so they are
// never prices themselves.
func crossCheck(s *sink, o observation, p decimal.Decimal, rows []observedRow) {
	for _, r := range rows {
		if !o.matches(r) {
			continue
		}
		sp, ok := r.span()
		if !ok {
			continue
		}
		// The file writes derived prices to a few digits; allow for that.
		half := decimal.New(5, r.price.Exponent()-1)
		sp = o.Conv.apply(span{sp.lo.Sub(half), sp.hi.Add(half), sp.from, sp.cents})
		if p.LessThan(sp.lo) || p.GreaterThan(sp.hi) {
			s.note("%s us-east-1 %s: cross-check: %s:%d (no region, %s) says %s, not %s",
				o.Service, o.Key, observedFile, r.line, strings.Join(r.tests, ","), r.price, p)
		}
	}
}

// nodeComponent names an ElastiCache on-demand node price, e.g.
// "ElastiCache (on-demand, cache.m4.large)".
var nodeComponent = regexp.MustCompile(`^ElastiCache \(on-demand, (cache\.[a-z0-9]+\.[a-z0-9]+)\)$`)

// addObservedNodes adds aws-elasticache node/<type> for the few node
// types observed in us-east-1; the catalog has no other source of them.
func addObservedNodes(s *sink, rows []observedRow) error {
	byType := map[string][]span{}
	var types []string
	for _, r := range rows {
		m := nodeComponent.FindStringSubmatch(r.component)
		if m == nil || (r.resource != "aws_elasticache_cluster" && r.resource != "aws_elasticache_replication_group") {
			continue
		}
		if r.unit != "hours" {
			return fmt.Errorf("%s:%d: %q has unit %q, want hours", observedFile, r.line, r.component, r.unit)
		}
		if sp, ok := r.span(); ok {
			if _, dup := byType[m[1]]; !dup {
				types = append(types, m[1])
			}
			byType[m[1]] = append(byType[m[1]], sp)
		}
	}
	sort.Strings(types)
	for _, typ := range types {
		p, problem, doubts := agree(byType[typ])
		for _, d := range doubts {
			s.note("aws-elasticache us-east-1 node/%s: %s taken as printed; a derived row says %s", typ, p, d)
		}
		if problem != "" {
			s.note("aws-elasticache us-east-1 node/%s: left out: %s", typ, problem)
			continue
		}
		if err := s.add("aws-elasticache", "us-east-1", "node/"+typ, p, "hours", "aws-observed"); err != nil {
			return err
		}
	}
	return nil
}
