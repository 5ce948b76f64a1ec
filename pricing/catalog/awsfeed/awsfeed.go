// Package awsfeed imports AWS prices into a price catalog from the AWS
// Price List bulk files (public, no credentials): the offer index, each
// service's region index, then each region's CSV offer file, streamed row
// by row so that memory stays flat however large the file (one region of
// EC2 is about 400 MB). Only on-demand rows that map to a key of
// pricing/catalog/README.md are kept; the mapping is in mapping.go and
// instances.go.
package awsfeed

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// DefaultBaseURL is the AWS Price List bulk endpoint.
const DefaultBaseURL = "https://pricing.us-east-1.amazonaws.com"

// License is how the sources' licence column reads.
const License = "AWS Price List (public)"

// Options configure a feed.
type Options struct {
	BaseURL string       // DefaultBaseURL when empty; a mirror must serve the same paths
	Client  *http.Client // http.DefaultClient when nil
	// Regions limits which region files are fetched; empty means all.
	// Names that are not AWS region codes (other providers' regions) are
	// ignored, and a local zone stands for its region, so a list naming
	// no AWS region fetches only global services (Route 53), which are
	// fetched whatever the regions.
	Regions []string
	// Services are AWS offer codes; empty means every one tollgate
	// prices (Services()).
	Services []string
	// Parallel is how many files are read at once; 4 when zero.
	Parallel int
	// Note receives, after a successful import, what was left out and
	// why (sorted): rows in units the mapping does not convert, prices
	// the list gives twice with different values. nil discards them.
	Note func(string)
}

// Services lists the AWS offer codes the feed reads by default.
func Services() []string {
	codes := make([]string, len(offers))
	for i, o := range offers {
		codes[i] = o.code
	}
	return codes
}

// New returns the AWS feed.
func New(opts Options) catalog.Feed {
	if opts.BaseURL == "" {
		opts.BaseURL = DefaultBaseURL
	}
	if opts.Client == nil {
		opts.Client = http.DefaultClient
	}
	if opts.Parallel <= 0 {
		opts.Parallel = 4
	}
	return &feed{opts: opts}
}

type feed struct{ opts Options }

// Name implements catalog.Feed.
func (f *feed) Name() string { return "aws" }

// file is one offer file to read.
type file struct {
	offer  *offer
	region string // the region index's key; "" for a global service's whole list
	url    string
}

// Import implements catalog.Feed. It adds nothing to b unless every file
// was read completely; rows replace those b already has.
func (f *feed) Import(ctx context.Context, b *catalog.Builder, progress catalog.Progress) error {
	if progress == nil {
		progress = catalog.NoProgress{}
	}
	selected, err := f.selected()
	if err != nil {
		return err
	}
	index, err := f.offerIndex(ctx)
	if err != nil {
		return err
	}
	files, err := f.files(ctx, selected, index)
	if err != nil {
		return err
	}

	all := newCollector()
	published := map[string]string{} // offer code -> oldest publication date
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(f.opts.Parallel)
	for _, file := range files {
		if gctx.Err() != nil {
			break // a file failed: the import fails whole
		}
		g.Go(func() error {
			c, date, err := f.importFile(gctx, file, progress)
			if err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			all.merge(c)
			code := file.offer.code
			if old, ok := published[code]; !ok || date < old {
				published[code] = date
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, o := range selected {
		date, ok := published[o.code]
		if !ok {
			continue // no file of the selected regions
		}
		origin := f.url(index[o.code].regionIndex)
		if o.global {
			origin = files[slices.IndexFunc(files, func(fl file) bool { return fl.offer == o })].url
		}
		b.AddSource(pricing.Source{
			ID:         o.source,
			PricedAsOf: date,
			Name:       fmt.Sprintf("AWS Price List bulk CSV, %s, on-demand", o.code),
			Origin:     origin,
			License:    License,
		})
	}
	notes, err := all.finish(b)
	if err != nil {
		return err
	}
	if f.opts.Note != nil {
		for _, n := range notes {
			f.opts.Note(n)
		}
	}
	return nil
}

func (f *feed) selected() ([]*offer, error) {
	if len(f.opts.Services) == 0 {
		return offers, nil
	}
	var out []*offer
	for _, o := range offers {
		if slices.Contains(f.opts.Services, o.code) {
			out = append(out, o)
		}
	}
	for _, s := range f.opts.Services {
		if !slices.ContainsFunc(out, func(o *offer) bool { return o.code == s }) {
			return nil, fmt.Errorf("AWS price list service %q is not one tollgate reads (it reads %s)", s, strings.Join(Services(), ", "))
		}
	}
	return out, nil
}
