// Package awsfeedtest serves AWS Price List bulk files for tests and
// benchmarks of awsfeed: the offer index, region indexes and CSV offer
// files in the bulk API's layout, from fixtures or generated on the fly
// (WriteSyntheticOffer).
package awsfeedtest

import (
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
)

// Version is the offer file version the server's URLs carry.
const Version = "20250601000000"

// PriceList is a set of CSV offer files. Keys are "<offer code>/<region>"
// for a region's file, or "<offer code>" for a global service's whole
// list; each value writes the file's CSV.
type PriceList map[string]func(w io.Writer) error

// Handler serves the price list at the bulk API's paths:
//
//	/offers/v1.0/aws/index.json
//	/offers/v1.0/aws/<code>/current/region_index.json
//	/offers/v1.0/aws/<code>/<Version>/<region>/index.csv
//	/offers/v1.0/aws/<code>/current/index.csv   (the whole list)
//
// Offer files are sent without a Content-Length, in chunks, as a large
// file would be.
func (p PriceList) Handler() http.Handler {
	mux := http.NewServeMux()
	codes := map[string]map[string]bool{} // code -> regions
	for k := range p {
		code, region, _ := strings.Cut(k, "/")
		if codes[code] == nil {
			codes[code] = map[string]bool{}
		}
		if region != "" {
			codes[code][region] = true
		}
	}
	mux.HandleFunc("GET /offers/v1.0/aws/index.json", func(w http.ResponseWriter, r *http.Request) {
		offers := map[string]any{}
		for code := range codes {
			offers[code] = map[string]string{
				"offerCode":             code,
				"versionIndexUrl":       "/offers/v1.0/aws/" + code + "/index.json",
				"currentVersionUrl":     "/offers/v1.0/aws/" + code + "/current/index.json",
				"currentRegionIndexUrl": "/offers/v1.0/aws/" + code + "/current/region_index.json",
			}
		}
		writeJSON(w, map[string]any{"formatVersion": "v1.0", "publicationDate": "2025-06-01T00:00:00Z", "offers": offers})
	})
	mux.HandleFunc("GET /offers/v1.0/aws/{code}/current/region_index.json", func(w http.ResponseWriter, r *http.Request) {
		regions, ok := codes[r.PathValue("code")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		out := map[string]any{}
		for _, region := range slices.Sorted(maps.Keys(regions)) {
			out[region] = map[string]string{
				"regionCode":        region,
				"currentVersionUrl": "/offers/v1.0/aws/" + r.PathValue("code") + "/" + Version + "/" + region + "/index.json",
			}
		}
		writeJSON(w, map[string]any{"formatVersion": "v1.0", "publicationDate": "2025-06-01T00:00:00Z", "regions": out})
	})
	mux.HandleFunc("GET /offers/v1.0/aws/{code}/current/index.csv", func(w http.ResponseWriter, r *http.Request) {
		p.serve(w, r, r.PathValue("code"))
	})
	mux.HandleFunc("GET /offers/v1.0/aws/{code}/"+Version+"/{region}/index.csv", func(w http.ResponseWriter, r *http.Request) {
		p.serve(w, r, r.PathValue("code")+"/"+r.PathValue("region"))
	})
	return mux
}

func (p PriceList) serve(w http.ResponseWriter, r *http.Request, key string) {
	write, ok := p[key]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/csv")
	// An error half-way cannot change the status any more; the client
	// sees a cut body, as it would from a real server.
	_ = write(w)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
