package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/action"
	"github.com/tollgate-dev/tollgate/pricing/catalog/awsfeed"
	"github.com/tollgate-dev/tollgate/pricing/catalog/azurefeed"
	"github.com/tollgate-dev/tollgate/pricing/catalog/gcpfeed"
	"github.com/tollgate-dev/tollgate/pricing/catalog/refresh"
)

type refreshFlags struct {
	cacheDir  string
	providers []string
	regions   []string
	force     bool
	awsURL    string
	azureURL  string
	gcpURL    string
	gcpKey    string
	verbose   bool
}

func (c *cli) pricingRefreshCommand() *cobra.Command {
	var f refreshFlags
	cmd := &cobra.Command{
		Use:   "refresh",
		Short: "Rebuild the price catalog from the providers' public price lists",
		Long: `Refresh downloads the providers' public price lists and writes a new
price catalog into the cache directory, which estimate and check then use
instead of the built-in one (--offline goes back to it):

  aws    AWS Price List bulk files (no account needed)
  azure  Azure Retail Prices API (no account needed)
  gcp    Google Cloud Billing Catalog API: needs an API key (--gcp-api-key
         or TOLLGATE_GCP_API_KEY); without one GCP keeps its prices

Only the rows tollgate prices are kept. The new catalog is swapped in only
when complete: an interrupted or failed refresh leaves the previous one in
place. A drift guard also refuses a catalog in which a service lost more
than 20% of its prices, or a well-known price went missing, unless --force.
With --regions, the other regions keep their previous prices.`,
		Example: `  tollgate pricing refresh
  tollgate pricing refresh --providers aws --regions us-east-1,eu-west-1
  TOLLGATE_GCP_API_KEY=… tollgate pricing refresh --providers gcp
  tollgate pricing refresh --aws-pricing-url https://mirror.example.com/aws`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := c.pricingRefresh(f); err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.cacheDir, "cache-dir", "", "`DIR` to write the catalog to (default: TOLLGATE_CACHE_DIR, else $XDG_CACHE_HOME/tollgate, else ~/.cache/tollgate)")
	fl.StringSliceVar(&f.providers, "providers", refresh.Providers, "price `LIST` to read, comma-separated: aws, azure, gcp")
	fl.StringSliceVar(&f.regions, "regions", nil, "refresh only these `REGIONS` (comma-separated, any provider's names); default all")
	fl.BoolVar(&f.force, "force", false, "swap the new catalog in even when the drift guard objects")
	fl.StringVar(&f.awsURL, "aws-pricing-url", awsfeed.DefaultBaseURL, "base `URL` of the AWS Price List bulk files (a mirror)")
	fl.StringVar(&f.azureURL, "azure-pricing-url", azurefeed.DefaultBaseURL, "`URL` of the Azure Retail Prices API")
	fl.StringVar(&f.gcpURL, "gcp-pricing-url", gcpfeed.DefaultBaseURL, "base `URL` of the Google Cloud Billing Catalog API")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "list what the importers left out of the price lists, and why")
	fl.StringVar(&f.gcpKey, "gcp-api-key", "", "Google Cloud API `KEY` for the Billing Catalog API (default: TOLLGATE_GCP_API_KEY)")
	return cmd
}

func (c *cli) pricingRefresh(f refreshFlags) error {
	dir, err := c.cacheDir(f.cacheDir)
	if err != nil {
		return err
	}
	if f.gcpKey == "" {
		f.gcpKey = c.getenv("TOLLGATE_GCP_API_KEY")
	}
	if len(f.providers) == 1 && f.providers[0] == "gcp" && f.gcpKey == "" {
		return errors.New("the Google Cloud price list needs an API key: give one with --gcp-api-key or TOLLGATE_GCP_API_KEY")
	}
	var notes []string
	var notesMu sync.Mutex
	feeds, err := refresh.NewFeeds(f.providers, refresh.FeedOptions{
		Client: &http.Client{Transport: &action.Retry{Base: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			ResponseHeaderTimeout: time.Minute,
			TLSHandshakeTimeout:   30 * time.Second,
		}}},
		Regions: f.regions,
		AWSURL:  f.awsURL, AzureURL: f.azureURL, GCPURL: f.gcpURL, GCPAPIKey: f.gcpKey,
		Note: func(provider, note string) {
			notesMu.Lock()
			defer notesMu.Unlock()
			notes = append(notes, provider+": "+note)
		},
	})
	if err != nil {
		return fmt.Errorf("--providers: %w", err)
	}
	// The catalog being replaced: its prices are kept for what is not
	// refreshed, and the drift guard compares with it.
	prev, prevName, err := c.openCatalog(priceFlags{cacheDir: dir})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	prog := newProgress(c.stderr, c.isTerminal(c.stderr), c.now)
	fmt.Fprintf(c.stderr, "Refreshing prices from %s into %s\n", strings.Join(f.providers, ", "), dir)
	rep, err := refresh.Refresh(ctx, dir, refresh.Options{
		Feeds: feeds, Previous: prev, Regions: f.regions, Force: f.force, Progress: prog, Now: c.now(),
	})
	prog.Done()
	if f.verbose {
		for _, n := range notes {
			fmt.Fprintf(c.stderr, "left out: %s\n", n)
		}
	} else if len(notes) > 0 {
		fmt.Fprintf(c.stderr, "%d %s left out of the price lists (--verbose lists them)\n", len(notes), plural(len(notes), "kind of price", "kinds of prices"))
	}
	if err != nil {
		if gcpKey := f.gcpKey; gcpKey != "" {
			err = errors.New(action.Redact(err.Error(), gcpKey))
		}
		return err
	}

	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Refreshed the price catalog (it replaces the %s): %s\n\nSERVICE\tPRICES\n", catalogPhrase(prevName), rep.Dir)
	for _, svc := range slices.Sorted(maps.Keys(rep.Rows)) {
		fmt.Fprintf(tw, "%s\t%s\n", svc, thousands(rep.Rows[svc]))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var more []string
	for _, svc := range slices.Sorted(maps.Keys(rep.Carried)) {
		more = append(more, fmt.Sprintf("%s: kept %s previous %s the price list does not give", svc, thousands(rep.Carried[svc]), plural(rep.Carried[svc], "price", "prices")))
	}
	for _, k := range rep.Kept {
		if strings.HasPrefix(k, "gcp:") && f.gcpKey == "" {
			k += "; give one with --gcp-api-key or TOLLGATE_GCP_API_KEY"
		}
		more = append(more, k)
	}
	for _, p := range rep.Problems {
		more = append(more, "swapped in despite the drift guard (--force): "+p)
	}
	if len(more) > 0 {
		fmt.Fprintf(c.stdout, "\n%s\n", strings.Join(more, "\n"))
	}
	fmt.Fprintln(c.stdout, "\nestimate and check use it from now on; --offline uses the built-in catalog.")
	return nil
}
