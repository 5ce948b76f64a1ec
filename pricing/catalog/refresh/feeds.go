package refresh

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/awsfeed"
	"github.com/tollgate-dev/tollgate/pricing/catalog/azurefeed"
	"github.com/tollgate-dev/tollgate/pricing/catalog/gcpfeed"
)

// Providers are the price lists a refresh can read.
var Providers = []string{"aws", "azure", "gcp"}

// FeedOptions configure the feeds NewFeeds makes.
type FeedOptions struct {
	Client  *http.Client
	Regions []string // empty: all
	// The endpoints; the providers' public ones when empty.
	AWSURL, AzureURL, GCPURL string
	GCPAPIKey                string
	// Note receives what a feed left out of its price list, and why.
	Note func(provider, note string)
}

// NewFeeds makes the feeds of the named providers.
func NewFeeds(providers []string, o FeedOptions) ([]catalog.Feed, error) {
	note := func(provider string) func(string) {
		if o.Note == nil {
			return nil
		}
		return func(n string) { o.Note(provider, n) }
	}
	var feeds []catalog.Feed
	for _, p := range providers {
		switch p {
		case "aws":
			feeds = append(feeds, awsfeed.New(awsfeed.Options{BaseURL: o.AWSURL, Client: o.Client, Regions: o.Regions, Note: note(p)}))
		case "azure":
			feeds = append(feeds, azurefeed.New(azurefeed.Options{BaseURL: o.AzureURL, Client: o.Client, Regions: o.Regions}))
		case "gcp":
			feeds = append(feeds, gcpfeed.New(gcpfeed.Options{BaseURL: o.GCPURL, Client: o.Client, APIKey: o.GCPAPIKey, Regions: o.Regions}))
		default:
			return nil, fmt.Errorf("no price list %q: want some of %s", p, strings.Join(Providers, ", "))
		}
	}
	return feeds, nil
}
