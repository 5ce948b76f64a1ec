package azurefeed

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// pageSize is how many items the API returns on a full page.
const pageSize = 100

// maxPages stops a server that never stops paging; the largest query
// (every VM price in every region) is a few thousand pages.
const maxPages = 100_000

// page is what paging needs of a decoded page; its items went to a
// callback as they were decoded.
type page struct {
	items int
	first string // the first item's identity
	next  string // NextPageLink
	bytes int64  // read from the wire
	// served is the day the API served the page (its Date header,
	// YYYY-MM-DD), "" without one: the day the prices were current.
	served string
}

// pages calls each for every item of a query, in order, and done after
// each page with the bytes it took and the day it was served. It follows NextPageLink as given;
// when a full page has none (the API has been seen to drop it), it asks
// for the next page by position with $skip.
func (f *Feed) pages(ctx context.Context, filter string, each func(item) error, done func(bytes int64, served string)) error {
	sep := "?"
	if strings.Contains(f.opts.BaseURL, "?") {
		sep = "&"
	}
	first := f.opts.BaseURL + sep + "$filter=" + url.PathEscape(filter)
	u, seen, lastFirst := first, 0, ""
	for n := 1; ; n++ {
		if n > maxPages {
			return fmt.Errorf("azure prices %s: more than %d pages", first, maxPages)
		}
		p, err := f.fetch(ctx, u, each)
		if err != nil {
			return fmt.Errorf("azure prices page %d (%s): %w", n, u, err)
		}
		if p.items > 0 {
			if p.first == lastFirst {
				return fmt.Errorf("azure prices page %d (%s): the same items as page %d: the server does not page", n, u, n-1)
			}
			lastFirst = p.first
		}
		done(p.bytes, p.served)
		seen += p.items
		switch {
		case p.next != "":
			u = p.next
		case p.items >= pageSize:
			u = first + "&$skip=" + strconv.Itoa(seen)
		default:
			return nil
		}
	}
}

// fetch reads one page, passing its items to each.
func (f *Feed) fetch(ctx context.Context, u string, each func(item) error) (page, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return page{}, err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := f.opts.Client.Do(req)
	if err != nil {
		return page{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 200))
		return page{}, fmt.Errorf("HTTP %s: %s", resp.Status, strings.TrimSpace(string(body)))
	}
	cr := &countingReader{r: resp.Body}
	p, err := decodePage(cr, each)
	p.bytes = cr.n
	if t, terr := http.ParseTime(resp.Header.Get("Date")); terr == nil {
		p.served = t.UTC().Format(time.DateOnly)
	}
	return p, err
}

// decodePage streams one page envelope: {"BillingCurrency", "Items": [...],
// "NextPageLink", "Count", ...}, passing each item to each as it is
// decoded, so that memory holds one item whatever the page's size.
func decodePage(r io.Reader, each func(item) error) (page, error) {
	var p page
	dec := json.NewDecoder(r)
	if err := delim(dec, '{'); err != nil {
		return p, err
	}
	count, hasItems, hasCount := 0, false, false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return p, err
		}
		// Keys match as encoding/json matches them: case-insensitively.
		key, _ := tok.(string)
		switch strings.ToLower(key) {
		case "items":
			if hasItems {
				return p, errors.New("two Items lists")
			}
			hasItems = true
			if err := delim(dec, '['); err != nil {
				return p, fmt.Errorf("Items: %w", err)
			}
			for dec.More() {
				var it item
				if err := dec.Decode(&it); err != nil {
					return p, fmt.Errorf("item %d: %w", p.items+1, err)
				}
				p.items++
				if p.items == 1 {
					p.first = it.identity()
				}
				if err := each(it); err != nil {
					return p, fmt.Errorf("item %d (%s, %s): %w", p.items, it.ProductName, it.MeterName, err)
				}
			}
			if err := delim(dec, ']'); err != nil {
				return p, fmt.Errorf("Items: %w", err)
			}
		case "nextpagelink":
			var s *string
			if err := dec.Decode(&s); err != nil {
				return p, fmt.Errorf("NextPageLink: %w", err)
			}
			p.next = ""
			if s != nil {
				p.next = *s
			}
		case "count":
			if err := dec.Decode(&count); err != nil {
				return p, fmt.Errorf("Count: %w", err)
			}
			hasCount = true
		case "billingcurrency":
			var s string
			if err := dec.Decode(&s); err != nil {
				return p, fmt.Errorf("BillingCurrency: %w", err)
			}
			if s != "USD" {
				return p, fmt.Errorf("prices are in %q, not USD", s)
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return p, err
			}
		}
	}
	if err := delim(dec, '}'); err != nil {
		return p, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return p, errors.New("data after the page's JSON object")
	}
	switch {
	case !hasItems:
		return p, errors.New("the page has no Items")
	case hasCount && count != p.items:
		return p, fmt.Errorf("Count is %d but the page has %d items", count, p.items)
	}
	return p, nil
}

func delim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("want %q, got %v", want, tok)
	}
	return nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}
