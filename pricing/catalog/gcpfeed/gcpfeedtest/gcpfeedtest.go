// Package gcpfeedtest is a fake Cloud Billing Catalog API for tests of
// gcpfeed and of the refresh: it serves the service list and paged SKU
// lists in the API's JSON shape from small fixtures (testdata: Compute
// Engine, Networking, Cloud Storage, Cloud SQL and Kubernetes Engine
// SKUs), checks the API key, and can break a page on purpose.
//
// Fixture prices are us-central1's: the family rates are the ones the
// embedded catalog's machine prices imply, the others the embedded
// catalog's own (Cloud SQL and GKE, which it lacks, Google's published
// prices).
package gcpfeedtest

import (
	"embed"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

//go:embed testdata
var fixtures embed.FS

// Service ids of the fixtures.
const (
	ComputeEngine    = "6F81-5844-456A"
	Networking       = "E505-1604-58F8"
	CloudStorage     = "95FF-2EF5-5EA1"
	CloudSQL         = "9662-B51E-5089"
	KubernetesEngine = "CCD8-9BF1-090E"
)

// Fault is what goes wrong with one page.
type Fault int

const (
	// Malformed serves a page that is not JSON.
	Malformed Fault = iota + 1
	// Cut sends half a page and drops the connection.
	Cut
	// ServerError answers 500.
	ServerError
)

// API is the fake. Its handler serves, under /v1 as the real API does:
//
//	GET /v1/services?key=K&pageToken=T
//	GET /v1/services/{id}/skus?key=K&currencyCode=USD&pageToken=T
type API struct {
	Key      string // the API key it accepts
	PageSize int    // list entries per page; 3 when zero

	mu       sync.Mutex
	services []json.RawMessage
	skus     map[string][]json.RawMessage
	faults   map[string]Fault // "<service id or services>/<page>"
	requests []string
}

// New returns a fake serving the fixtures, accepting key.
func New(key string) *API {
	a := &API{Key: key, skus: map[string][]json.RawMessage{}, faults: map[string]Fault{}}
	var list struct{ Services []json.RawMessage }
	mustLoad("testdata/services.json", &list)
	a.services = list.Services
	for _, id := range []string{ComputeEngine, Networking, CloudStorage, CloudSQL, KubernetesEngine} {
		var skus struct{ SKUs []json.RawMessage }
		mustLoad("testdata/skus-"+id+".json", &skus)
		a.skus[id] = skus.SKUs
	}
	return a
}

func mustLoad(name string, v any) {
	data, err := fixtures.ReadFile(name)
	if err == nil {
		err = json.Unmarshal(data, v)
	}
	if err != nil {
		panic(fmt.Sprintf("gcpfeedtest fixture %s: %v", name, err)) // embedded: caught by gcpfeed's tests
	}
}

// Break makes one page of a list fail: list is a service id, or
// "services" for the service list; pages count from 1.
func (a *API) Break(list string, page int, f Fault) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.faults[list+"/"+strconv.Itoa(page)] = f
}

// SetPrice sets a SKU's price (every non-free tier of it), so that a test
// can see a changed price reach an estimate.
func (a *API) SetPrice(skuID, price string) error {
	p, err := decimal.NewFromString(price)
	if err != nil {
		return err
	}
	units := p.Truncate(0)
	nanos := p.Sub(units).Shift(9).IntPart()
	return a.edit(skuID, func(s map[string]any) {
		for _, pi := range s["pricingInfo"].([]any) {
			expr := pi.(map[string]any)["pricingExpression"].(map[string]any)
			for _, t := range expr["tieredRates"].([]any) {
				up := t.(map[string]any)["unitPrice"].(map[string]any)
				if up["units"] != "0" || up["nanos"] != float64(0) {
					up["units"], up["nanos"] = units.String(), nanos
				}
			}
		}
	})
}

// Requests lists the requests served, as "path?query" without the key.
func (a *API) Requests() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.requests...)
}

// Handler serves the API.
func (a *API) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/services", func(w http.ResponseWriter, r *http.Request) {
		a.serve(w, r, "services", "services", a.services)
	})
	mux.HandleFunc("GET /v1/services/{id}/skus", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		if r.URL.Query().Get("currencyCode") != "USD" {
			apiError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "currencyCode USD expected by this fake")
			return
		}
		a.mu.Lock()
		skus, ok := a.skus[id]
		a.mu.Unlock()
		if !ok {
			skus = []json.RawMessage{} // a service with no SKUs tollgate reads
		}
		a.serve(w, r, id, "skus", skus)
	})
	return mux
}

func (a *API) serve(w http.ResponseWriter, r *http.Request, list, field string, entries []json.RawMessage) {
	q := r.URL.Query()
	key := q.Get("key")
	q.Del("key")
	a.mu.Lock()
	a.requests = append(a.requests, r.URL.Path+"?"+q.Encode())
	a.mu.Unlock()
	if key != a.Key {
		apiError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.")
		return
	}
	size := a.PageSize
	if size <= 0 {
		size = 3
	}
	start := 0
	if t := q.Get("pageToken"); t != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(t, "offset-"))
		if err != nil || n < 0 || n > len(entries) {
			apiError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Invalid page token.")
			return
		}
		start = n
	}
	end := min(start+size, len(entries))
	next := ""
	if end < len(entries) {
		next = "offset-" + strconv.Itoa(end)
	}
	body, err := json.Marshal(map[string]any{field: entries[start:end], "nextPageToken": next})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	a.mu.Lock()
	fault := a.faults[list+"/"+strconv.Itoa(start/size+1)]
	a.mu.Unlock()
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	switch fault {
	case Malformed:
		body = append([]byte(`{"`+field+`": [{"skuId": "BROKEN",, }]`), body[len(body)/2:]...)
	case Cut:
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body[:len(body)/2])
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		panic(http.ErrAbortHandler) // drops the connection
	case ServerError:
		apiError(w, http.StatusInternalServerError, "INTERNAL", "Internal error encountered.")
		return
	}
	w.Write(body)
}

// apiError answers as Google APIs do.
func apiError(w http.ResponseWriter, code int, status, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"code": code, "message": msg, "status": status}})
}

// SetUnit sets a SKU's usage unit, to test a unit the mapping does not
// expect.
func (a *API) SetUnit(skuID, unit string) error {
	return a.edit(skuID, func(s map[string]any) {
		for _, pi := range s["pricingInfo"].([]any) {
			pi.(map[string]any)["pricingExpression"].(map[string]any)["usageUnit"] = unit
		}
	})
}

// SetRegions sets a SKU's service regions.
func (a *API) SetRegions(skuID string, regions ...string) error {
	return a.edit(skuID, func(s map[string]any) {
		list := make([]any, len(regions))
		for i, r := range regions {
			list[i] = r
		}
		s["serviceRegions"] = list
	})
}

// edit rewrites one SKU of the fixtures.
func (a *API) edit(skuID string, fn func(map[string]any)) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	for id, list := range a.skus {
		for i, raw := range list {
			var s map[string]any
			if err := json.Unmarshal(raw, &s); err != nil {
				return err
			}
			if s["skuId"] != skuID {
				continue
			}
			fn(s)
			out, err := json.Marshal(s)
			if err != nil {
				return err
			}
			a.skus[id][i] = out
			return nil
		}
	}
	return fmt.Errorf("no SKU %s", skuID)
}
