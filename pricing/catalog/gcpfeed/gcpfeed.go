// Package gcpfeed imports Google Cloud prices into a price catalog from
// the Cloud Billing Catalog API (it needs an API key): the list of
// services, then the SKUs of Compute Engine, Networking, Cloud Storage,
// Cloud SQL and Kubernetes Engine, page by page, each page decoded one SKU
// at a time so that memory stays flat. Only on-demand (and, for spot
// rates, preemptible) SKUs that map to a key of pricing/catalog/README.md
// are kept; the mapping is in rules.go, and machine type prices are built
// from their family's vCPU and memory prices in machines.go.
package gcpfeed

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// DefaultBaseURL is the Cloud Billing API.
const DefaultBaseURL = "https://cloudbilling.googleapis.com/v1"

// License is how the sources' licence column reads.
const License = "Google Cloud public pricing"

// ErrNoAPIKey is returned by Import without an API key: the Billing
// Catalog API needs one, so the provider keeps the prices it had. It wraps
// catalog.ErrUnavailable.
var ErrNoAPIKey = fmt.Errorf("%w: the Cloud Billing Catalog API needs an API key", catalog.ErrUnavailable)

// Options configure a feed.
type Options struct {
	BaseURL string       // DefaultBaseURL when empty; a mirror must serve the same paths
	Client  *http.Client // http.DefaultClient when nil
	APIKey  string       // a Google Cloud API key; never shown in errors
	// Regions limits the prices kept to these regions (bucket locations
	// such as us or nam4 count as regions); empty keeps all. Other
	// providers' region names (us-east-1, eastus) are ignored, and a list
	// that names no Google Cloud region reads nothing.
	Regions []string
}

// New returns the Google Cloud feed.
func New(opts Options) catalog.Feed {
	if opts.BaseURL == "" {
		opts.BaseURL = DefaultBaseURL
	}
	opts.BaseURL = strings.TrimSuffix(opts.BaseURL, "/")
	if opts.Client == nil {
		opts.Client = http.DefaultClient
	}
	return &feed{opts: opts}
}

type feed struct{ opts Options }

// Name implements catalog.Feed.
func (f *feed) Name() string { return "gcp" }

// apiService is a Billing Catalog service tollgate reads, found in the
// service list by its display name.
type apiService struct {
	displayName string
	progress    string // the catalog service its progress is reported under
	required    bool   // the list must have it
	rules       func(*sku, *collector) error
}

var apiServices = []apiService{
	{"Compute Engine", "gcp-compute", true, computeRules},
	{"Networking", "gcp-network", false, computeRules}, // network SKUs moved here from Compute Engine
	{"Cloud Storage", "gcp-storage", true, storageRules},
	{"Cloud SQL", "gcp-sql", true, sqlRules},
	{"Kubernetes Engine", "gcp-gke", true, gkeRules},
}

// Import implements catalog.Feed. It adds nothing unless every page of
// every service was read.
func (f *feed) Import(ctx context.Context, b *catalog.Builder, progress catalog.Progress) error {
	if f.opts.APIKey == "" {
		return ErrNoAPIKey
	}
	if progress == nil {
		progress = catalog.NoProgress{}
	}
	if len(f.opts.Regions) > 0 && !slices.ContainsFunc(f.opts.Regions, isGoogleRegion) {
		return nil
	}
	err := f.run(ctx, b, progress)
	return redact(err, f.opts.APIKey)
}

func (f *feed) run(ctx context.Context, b *catalog.Builder, progress catalog.Progress) error {
	c := client{base: f.opts.BaseURL, key: f.opts.APIKey, http: f.opts.Client}
	ids, err := c.services(ctx, func(n int64) { progress.Add("gcp-compute", n, 0) })
	if err != nil {
		return err
	}
	col := newCollector(slices.DeleteFunc(slices.Clone(f.opts.Regions), func(r string) bool { return !isGoogleRegion(r) }))
	for _, s := range apiServices {
		id, ok := ids[s.displayName]
		if !ok {
			if s.required {
				return fmt.Errorf("the Billing Catalog's service list has no %q: read %d services", s.displayName, len(ids))
			}
			continue
		}
		col.apiService = id
		err := c.skus(ctx, id, func(n int64) { progress.Add(s.progress, n, 0) }, func(k *sku) error {
			return s.rules(k, col)
		})
		if err != nil {
			return fmt.Errorf("%s SKUs: %w", s.displayName, err)
		}
	}
	rows, sources, err := col.finish()
	if err != nil {
		return err
	}
	for _, s := range sources {
		b.AddSource(s)
	}
	counts := map[string]int{}
	for _, r := range rows {
		if err := b.Add(r); err != nil {
			return err
		}
		counts[r.Service]++
	}
	for _, svc := range slices.Sorted(maps.Keys(counts)) {
		progress.Add(svc, 0, counts[svc])
	}
	return nil
}

// googleRegion matches Google Cloud regions (us-central1,
// northamerica-northeast1), not AWS's (us-east-1) or Azure's (eastus).
var googleRegion = regexp.MustCompile(`^[a-z]+-[a-z]+[0-9]+$`)

// isGoogleRegion reports whether a --regions entry is a Google Cloud
// region or bucket location.
func isGoogleRegion(r string) bool {
	return googleRegion.MatchString(r) || bucketLocations[r]
}

// bucketLocations are Cloud Storage's multi-regions and predefined
// dual-regions.
var bucketLocations = map[string]bool{"us": true, "eu": true, "asia": true, "nam4": true, "eur4": true, "asia1": true}

// sourceOf names the source of a catalog service's prices.
func sourceOf(service string) pricing.Source {
	return pricing.Source{
		ID:      strings.Replace(service, "gcp-", "gcp-billing-", 1),
		Name:    "Google Cloud list prices (" + service + "), Cloud Billing Catalog API",
		License: License,
	}
}
