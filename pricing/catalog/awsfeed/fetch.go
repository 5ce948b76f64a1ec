package awsfeed

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
)

// offerURLs are a service's entries in the offer index.
type offerURLs struct {
	version     string // currentVersionUrl: the whole list, every region
	regionIndex string // currentRegionIndexUrl
}

// maxIndexBytes bounds an index file: the offer index is a few hundred
// KB, region indexes a few KB.
const maxIndexBytes = 64 << 20

func (f *feed) offerIndex(ctx context.Context) (map[string]offerURLs, error) {
	var doc struct {
		Offers map[string]struct {
			CurrentVersionURL     string `json:"currentVersionUrl"`
			CurrentRegionIndexURL string `json:"currentRegionIndexUrl"`
		} `json:"offers"`
	}
	u := f.url("/offers/v1.0/aws/index.json")
	if err := f.getJSON(ctx, u, &doc); err != nil {
		return nil, err
	}
	out := map[string]offerURLs{}
	for code, o := range doc.Offers {
		out[code] = offerURLs{version: o.CurrentVersionURL, regionIndex: o.CurrentRegionIndexURL}
	}
	return out, nil
}

// files lists the offer files to read: each selected service's regions
// (as limited by Options.Regions), or a global service's whole list.
func (f *feed) files(ctx context.Context, selected []*offer, index map[string]offerURLs) ([]file, error) {
	want := awsRegions(f.opts.Regions)
	seen := map[string]bool{}
	var out []file
	for _, o := range selected {
		urls, ok := index[o.code]
		if !ok || urls.regionIndex == "" || urls.version == "" {
			return nil, fmt.Errorf("%s: the offer index has no %s entry with currentVersionUrl and currentRegionIndexUrl", f.url("/offers/v1.0/aws/index.json"), o.code)
		}
		if o.global {
			u, err := csvURL(f.url(urls.version))
			if err != nil {
				return nil, err
			}
			out = append(out, file{offer: o, url: u})
			continue
		}
		var doc struct {
			Regions map[string]struct {
				CurrentVersionURL string `json:"currentVersionUrl"`
			} `json:"regions"`
		}
		if err := f.getJSON(ctx, f.url(urls.regionIndex), &doc); err != nil {
			return nil, err
		}
		for _, region := range slices.Sorted(maps.Keys(doc.Regions)) {
			seen[region] = true
			if len(f.opts.Regions) > 0 && !want[region] {
				continue
			}
			u, err := csvURL(f.url(doc.Regions[region].CurrentVersionURL))
			if err != nil {
				return nil, fmt.Errorf("%s: region %s: %w", f.url(urls.regionIndex), region, err)
			}
			out = append(out, file{offer: o, region: region, url: u})
		}
	}
	for _, r := range slices.Sorted(maps.Keys(want)) {
		if !seen[r] && !allGlobal(selected) {
			return nil, fmt.Errorf("region %q is in none of the AWS price list region indexes: check the region name", r)
		}
	}
	return out, nil
}

func allGlobal(offers []*offer) bool {
	return !slices.ContainsFunc(offers, func(o *offer) bool { return !o.global })
}

// url resolves a path of the index files against the base URL, keeping
// a mirror's path prefix.
func (f *feed) url(ref string) string {
	if strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://") {
		return ref
	}
	return strings.TrimSuffix(f.opts.BaseURL, "/") + "/" + strings.TrimPrefix(ref, "/")
}

// csvURL is the CSV form of a JSON offer file: same path, .csv.
func csvURL(jsonURL string) (string, error) {
	base, ok := strings.CutSuffix(jsonURL, ".json")
	if !ok {
		return "", fmt.Errorf("offer file URL %s does not end in .json", jsonURL)
	}
	return base + ".csv", nil
}

func (f *feed) get(ctx context.Context, url string) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", url, err)
	}
	req.Header.Set("User-Agent", "tollgate (price catalog refresh)")
	resp, err := f.opts.Client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return resp.Body, nil
}

func (f *feed) getJSON(ctx context.Context, url string, v any) error {
	body, err := f.get(ctx, url)
	if err != nil {
		return err
	}
	defer body.Close()
	if err := json.NewDecoder(io.LimitReader(body, maxIndexBytes)).Decode(v); err != nil {
		return fmt.Errorf("read %s: %w", url, err)
	}
	return nil
}

// awsRegions picks the AWS region codes out of a region list shared with
// other providers ("westeurope", "europe-west1" are not AWS's); a local
// or Wavelength zone ("us-east-1-bos-1") stands for its region's file.
func awsRegions(names []string) map[string]bool {
	out := map[string]bool{}
	for _, n := range names {
		if k := regionCodePrefix(n + "-"); k > 0 {
			out[n[:k-1]] = true
		}
	}
	return out
}
