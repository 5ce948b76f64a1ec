// Package azurefeed imports Azure's public list prices into a price
// catalog from the Azure Retail Prices API: one OData $filter query per
// service tollgate prices, paged through NextPageLink, keeping the
// pay-as-you-go (Consumption) prices that the cost models of
// pricing/azure ask for, under the keys of pricing/catalog/README.md.
package azurefeed

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// DefaultBaseURL is the Azure Retail Prices API.
const DefaultBaseURL = "https://prices.azure.com/api/retail/prices"

// License is how the sources' licence column reads.
const License = "Azure Retail Prices API (public)"

// Options configure a feed.
type Options struct {
	// BaseURL is the API endpoint; DefaultBaseURL when empty.
	BaseURL string
	// Client makes the requests (http.DefaultClient when nil); retries of
	// throttled requests, if any, are its transport's.
	Client *http.Client
	// Regions limits the import to these regions (armRegionName, e.g.
	// "westeurope"; "West Europe" works too); empty means all. Names of
	// other providers' regions (with a "-", like us-east-1) are ignored,
	// so a list naming no Azure region imports nothing. Prices Azure
	// publishes for region Global are imported whatever the regions.
	Regions []string
	// Parallel is how many queries run at once; 4 when zero.
	Parallel int
}

// Feed reads the Azure Retail Prices API. It implements catalog.Feed.
type Feed struct {
	opts Options
}

// New returns a feed.
func New(opts Options) *Feed {
	if opts.BaseURL == "" {
		opts.BaseURL = DefaultBaseURL
	}
	if opts.Client == nil {
		opts.Client = http.DefaultClient
	}
	if opts.Parallel <= 0 {
		opts.Parallel = 4
	}
	return &Feed{opts: opts}
}

// Name implements catalog.Feed.
func (f *Feed) Name() string { return "azure" }

// Import implements catalog.Feed. Rows are added only once every query
// has been read to its last page.
func (f *Feed) Import(ctx context.Context, b *catalog.Builder, progress catalog.Progress) error {
	if progress == nil {
		progress = catalog.NoProgress{}
	}
	regions, all := azureRegions(f.opts.Regions)
	if !all && len(regions) == 0 {
		return nil
	}
	jobs := f.jobs(regions, all)
	kept := newCandidates(regions, all)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(f.opts.Parallel)
	for _, j := range jobs {
		if gctx.Err() != nil {
			break // a query failed: the import fails whole
		}
		g.Go(func() error { return f.run(gctx, j, kept, progress) })
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return kept.write(b, f.opts.BaseURL)
}

// job is one query, in one region when the import is limited to some.
type job struct {
	q      *query
	filter string
}

func (f *Feed) jobs(regions []string, all bool) []job {
	var out []job
	for _, q := range queries {
		base := q.filter + " and priceType eq 'Consumption'"
		if all {
			out = append(out, job{q, base})
			continue
		}
		rs := slices.Clone(regions)
		if q.global {
			rs = append(rs, "Global")
		}
		for _, r := range rs {
			out = append(out, job{q, fmt.Sprintf("%s and armRegionName eq '%s'", base, r)})
		}
	}
	return out
}

// run reads every page of a job's query, keeping the rows its query maps.
func (f *Feed) run(ctx context.Context, j job, kept *candidates, progress catalog.Progress) error {
	n := 0
	each := func(it item) error {
		rows, err := j.q.mapped(it)
		if err == nil && len(rows) > 0 {
			err = checkDate(it.EffectiveStartDate)
		}
		if err != nil {
			return err
		}
		for _, r := range rows {
			if kept.add(j.q.service, it, r) {
				n++
			}
		}
		return nil
	}
	return f.pages(ctx, j.filter, each, func(bytes int64, served string) {
		kept.servedOn(j.q.service, served)
		progress.Add(j.q.service, bytes, n)
		n = 0
	})
}

// checkDate checks an effectiveStartDate ("2021-11-01T00:00:00Z"), which
// dates the catalog's sources when the API gives no Date header.
func checkDate(s string) error {
	day, _, _ := strings.Cut(s, "T")
	if _, err := time.Parse(time.DateOnly, day); err != nil {
		return fmt.Errorf("effectiveStartDate %q is not a date", s)
	}
	return nil
}

// azureRegions returns the Azure region names of a --regions list, in
// armRegionName spelling; all is true when the list is empty.
func azureRegions(names []string) (regions []string, all bool) {
	if len(names) == 0 {
		return nil, true
	}
	for _, n := range names {
		r := strings.ToLower(strings.Join(strings.Fields(n), ""))
		if r == "" || strings.Contains(r, "-") || slices.Contains(regions, r) {
			continue
		}
		regions = append(regions, r)
	}
	slices.Sort(regions)
	return regions, false
}

// sourceOf is the source id of a catalog service's refreshed prices.
func sourceOf(service string) string { return service + "-retail" }

func source(service, date, baseURL string) pricing.Source {
	return pricing.Source{
		ID:         sourceOf(service),
		PricedAsOf: date,
		Name:       "Azure Retail Prices API, " + serviceNames[service] + ", pay-as-you-go",
		Origin:     baseURL,
		License:    License,
	}
}
