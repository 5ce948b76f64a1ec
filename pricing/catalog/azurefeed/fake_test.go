package azurefeed_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// sharedFixture holds 40 real Azure Retail Prices API items (francecentral,
// 2021), in the live envelope.
const sharedFixture = "../../../../shared/pricing/azure/fixture_retail_prices_api_sample_francecentral_2021.json"

// fake is a Retail Prices API: it answers $filter queries (clauses
// "field eq 'value'" joined by "and") over its items, 100 a page, with
// NextPageLink, as the real API does, unless told to misbehave.
type fake struct {
	*httptest.Server
	items []map[string]any

	mu      sync.Mutex
	filters []string // every $filter asked, in order
	urls    []string // every request's path and query

	noNextLink bool   // never send NextPageLink (the API's known lapse)
	ignoreSkip bool   // serve the first page whatever $skip says
	currency   string // BillingCurrency; USD when empty
	// broken pages: the nth request (from 1) gets this body, or a dropped
	// connection when it is "drop".
	broken map[int]string
	status int  // answer every request with this status when set
	noDate bool // send no Date header (else servedDate's)
}

// servedDate is the Date header of the fake's answers.
const servedDate = "Wed, 25 Nov 2026 08:00:00 GMT"

func newFake(t *testing.T, items []map[string]any) *fake {
	t.Helper()
	f := &fake{items: items}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

var clause = regexp.MustCompile(`^(\w+) eq '([^']*)'$`)

func (f *fake) serve(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	filter := q.Get("$filter")
	f.mu.Lock()
	f.filters = append(f.filters, filter)
	f.urls = append(f.urls, r.URL.RequestURI())
	n := len(f.urls)
	f.mu.Unlock()
	w.Header()["Date"] = nil // net/http then sends none
	if !f.noDate {
		w.Header().Set("Date", servedDate)
	}
	if f.status != 0 {
		http.Error(w, "service unavailable", f.status)
		return
	}
	if body, ok := f.broken[n]; ok {
		if body == "drop" {
			dropAfter(w, `{"BillingCurrency": "USD", "Items": [{"currencyCode": "USD", "retailPrice": 0.1, `)
			return
		}
		w.Write([]byte(body))
		return
	}
	var match []map[string]any
	for _, it := range f.items {
		if matches(it, filter) {
			match = append(match, it)
		}
	}
	skip, _ := strconv.Atoi(q.Get("$skip"))
	if f.ignoreSkip {
		skip = 0
	}
	end := min(skip+100, len(match))
	pageItems := []map[string]any{}
	if skip < len(match) {
		pageItems = match[skip:end]
	}
	var next any
	if end < len(match) && !f.noNextLink {
		next = f.URL + "/?$filter=" + url.PathEscape(filter) + "&$skip=" + strconv.Itoa(end)
	}
	currency := f.currency
	if currency == "" {
		currency = "USD"
	}
	json.NewEncoder(w).Encode(map[string]any{
		"BillingCurrency": currency, "CustomerEntityId": "Default", "CustomerEntityType": "Retail",
		"Items": pageItems, "NextPageLink": next, "Count": len(pageItems),
	})
}

func matches(it map[string]any, filter string) bool {
	for _, c := range strings.Split(filter, " and ") {
		m := clause.FindStringSubmatch(c)
		if m == nil {
			return false
		}
		field := m[1]
		if field == "priceType" {
			field = "type"
		}
		if v, _ := it[field].(string); v != m[2] {
			return false
		}
	}
	return true
}

// dropAfter sends a 200 response that promises more than it sends, then
// closes the connection.
func dropAfter(w http.ResponseWriter, partial string) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n%s", partial)
	buf.Flush()
	conn.Close()
}

func (f *fake) requests() (filters, urls []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.filters...), append([]string(nil), f.urls...)
}

// loadItems reads the items of a page envelope file.
func loadItems(t *testing.T, name string) []map[string]any {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc struct{ Items []map[string]any }
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(doc.Items) == 0 {
		t.Fatalf("%s: no Items", name)
	}
	return doc.Items
}

// allItems are the shared fixture's items (when ../shared is here) and
// the hand-written ones of testdata.
func allItems(t *testing.T) (items []map[string]any, shared bool) {
	t.Helper()
	items = loadItems(t, "testdata/retail_prices_services.json")
	if _, err := os.Stat(sharedFixture); err != nil {
		return items, false
	}
	return append(loadItems(t, sharedFixture), items...), true
}
