package awsfeed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// importFile streams one offer file into a collector of its own.
func (f *feed) importFile(ctx context.Context, fl file, progress catalog.Progress) (*collector, string, error) {
	body, err := f.get(ctx, fl.url)
	if err != nil {
		return nil, "", err
	}
	defer body.Close()
	counter := &countingReader{r: body, report: func(n int64) { progress.Add(fl.offer.code, n, 0) }}
	of, err := openOffer(fl.url, buffered(counter), fl.offer.need)
	if err != nil {
		return nil, "", err
	}
	c := newCollector()
	for n := 0; ; n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return nil, "", fmt.Errorf("read %s: %w", fl.url, context.Cause(ctx))
		}
		rec, err := of.read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, "", err
		}
		if err := keep(of, fl, row{rec: rec, cols: &of.cols}, c); err != nil {
			return nil, "", err
		}
	}
	counter.flush()
	progress.Add(fl.offer.code, 0, c.rowCount())
	return c, of.published, nil
}

// keep adds what the row prices to c. Rows of other terms, currencies
// and zero prices (free tiers, rates included in another) are skipped.
func keep(of *offerFile, fl file, r row, c *collector) error {
	if r.get(aTermType) != "OnDemand" {
		return nil
	}
	var err error
	fl.offer.match(r, func(m match) {
		if err != nil {
			return
		}
		err = keepMatch(of, fl, r, m, c)
	})
	return err
}

func keepMatch(of *offerFile, fl file, r row, m match, c *collector) error {
	if r.get(aCurrency) != pricing.Currency {
		return nil
	}
	region, ok := rowRegion(r, fl)
	if !ok {
		if region == "" {
			c.note(fmt.Sprintf("%s %s: rows at location %q, which has no region code", m.rule.service, m.key, r.get(aLocation)))
		}
		return nil
	}
	if !clean(region) || !clean(m.key) {
		c.note(fmt.Sprintf("%s: rows with a blank or control character in region %q or key %q", m.rule.service, region, m.key))
		return nil
	}
	if unit := r.get(aUnit); !m.rule.unitOK(unit) {
		c.note(fmt.Sprintf("%s %s: rows in unit %q (the mapping converts from %s), e.g. %s:%d", m.rule.service, m.key, unit, strings.Join(m.rule.fileUnits, ", "), fl.url, of.line()))
		return nil
	}
	p, err := decimal.NewFromString(r.get(aPrice))
	if err != nil || p.IsNegative() {
		return fmt.Errorf("%s:%d: PricePerUnit %q is not a price", fl.url, of.line(), r.get(aPrice))
	}
	if p.IsZero() {
		return nil
	}
	p = p.Mul(m.rule.conv)
	s := slot{m.rule.service, region, m.key}
	if c.has(s, p, m.rank) {
		return nil
	}
	s.region = strings.Clone(region) // the record's memory is reused
	c.add(s, candidate{price: p, unit: m.rule.unit, source: fl.offer.source, rank: m.rank, at: fmt.Sprintf("%s:%d", fl.url, of.line())})
	return nil
}

// rowRegion is the region a row prices: its Region Code, else its
// Location's. Rows of local and Wavelength zones count only when they
// carry their own code; Outposts never do. A global service's rows are
// kept under globalRegion. ok is false for rows to skip; region is then
// "" when the location is unknown.
func rowRegion(r row, fl file) (region string, ok bool) {
	region = r.get(aRegionCode)
	if region == "" {
		region = locations[r.get(aLocation)]
	}
	if fl.offer.global && (region == "" || region == "global") {
		return globalRegion, true
	}
	if region == "" {
		return "", false
	}
	switch lt := r.get(aLocationType); {
	case lt == "" || lt == "AWS Region":
		return region, true
	case strings.Contains(lt, "Outposts") || region == fl.region:
		return region, false
	}
	return region, true
}

// clean reports whether s can be a catalog field: not empty, no blanks
// or control characters.
func clean(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f })
}
