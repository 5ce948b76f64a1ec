package gcpfeed

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// skuPageSize is the largest page the API serves; maxPages stops a list
// whose page tokens never end (Compute Engine has fewer than 20 pages).
const (
	skuPageSize = "5000"
	maxPages    = 1000
)

// client reads the Billing Catalog API.
type client struct {
	base, key string
	http      *http.Client
}

// services lists the API's services: display name -> service id.
func (c client) services(ctx context.Context, read func(int64)) (map[string]string, error) {
	out := map[string]string{}
	err := c.pages(ctx, "/services", nil, read, "services", func(dec *json.Decoder) error {
		var s struct {
			ServiceID   string `json:"serviceId"`
			DisplayName string `json:"displayName"`
		}
		if err := dec.Decode(&s); err != nil {
			return err
		}
		if s.ServiceID != "" {
			out[s.DisplayName] = s.ServiceID
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("service list: %w", err)
	}
	return out, nil
}

// skus calls fn with every SKU of a service, in USD.
func (c client) skus(ctx context.Context, serviceID string, read func(int64), fn func(*sku) error) error {
	q := url.Values{"currencyCode": {"USD"}, "pageSize": {skuPageSize}}
	return c.pages(ctx, "/services/"+url.PathEscape(serviceID)+"/skus", q, read, "skus", func(dec *json.Decoder) error {
		var k sku
		if err := dec.Decode(&k); err != nil {
			return err
		}
		return fn(&k)
	})
}

// pages reads every page of a list: a JSON object whose field list is an
// array (decoded one element at a time by elem) and whose nextPageToken
// names the next page.
func (c client) pages(ctx context.Context, path string, q url.Values, read func(int64), list string, elem func(*json.Decoder) error) error {
	token := ""
	for page := 1; page <= maxPages; page++ {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		if token != "" {
			v.Set("pageToken", token)
		}
		next, err := c.page(ctx, path, v, read, list, elem)
		if err != nil {
			return fmt.Errorf("page %d: %w", page, err)
		}
		if next == "" {
			return nil
		}
		if next == token {
			return fmt.Errorf("page %d: the API returned the same nextPageToken again", page)
		}
		token = next
	}
	return fmt.Errorf("more than %d pages: the page tokens do not end", maxPages)
}

func (c client) page(ctx context.Context, path string, q url.Values, read func(int64), list string, elem func(*json.Decoder) error) (next string, err error) {
	shown := c.base + path
	if len(q) > 0 {
		shown += "?" + q.Encode()
	}
	q.Set("key", c.key)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path+"?"+q.Encode(), nil)
	if err != nil {
		return "", fmt.Errorf("GET %s: %w", shown, unwrapURL(err))
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return "", fmt.Errorf("GET %s: %w", shown, unwrapURL(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %s", shown, apiError(resp))
	}
	body := &counter{r: resp.Body, read: read}
	next, err = decodePage(json.NewDecoder(body), list, elem)
	if err != nil {
		return "", fmt.Errorf("GET %s: %w", shown, unwrapURL(err))
	}
	return next, nil
}

// decodePage streams one page: {"<list>": [...], "nextPageToken": "..."}.
func decodePage(dec *json.Decoder, list string, elem func(*json.Decoder) error) (string, error) {
	if err := expectDelim(dec, '{'); err != nil {
		return "", err
	}
	next := ""
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return "", malformed(err)
		}
		switch t {
		case list:
			if err := expectDelim(dec, '['); err != nil {
				return "", err
			}
			for dec.More() {
				if err := elem(dec); err != nil {
					return "", malformed(err)
				}
			}
			if err := expectDelim(dec, ']'); err != nil {
				return "", err
			}
		case "nextPageToken":
			if err := dec.Decode(&next); err != nil {
				return "", malformed(err)
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return "", malformed(err)
			}
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return "", err
	}
	if _, err := dec.Token(); err != io.EOF {
		return "", errors.New("malformed response: data after the JSON object")
	}
	return next, nil
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return malformed(err)
	}
	if d, ok := t.(json.Delim); !ok || d != want {
		return fmt.Errorf("malformed response: want %q, got %v", want, t)
	}
	return nil
}

// malformed says a body could not be decoded; a body cut short says so.
func malformed(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("the response ended early (connection dropped?): %w", io.ErrUnexpectedEOF)
	}
	var rule *ruleError
	if errors.As(err, &rule) {
		return err
	}
	if _, ok := err.(*json.SyntaxError); ok {
		return fmt.Errorf("malformed response: %w", err)
	}
	if _, ok := err.(*json.UnmarshalTypeError); ok {
		return fmt.Errorf("malformed response: %w", err)
	}
	return err
}

// apiError describes a failed response from its Google error body.
func apiError(resp *http.Response) string {
	var body struct {
		Error struct {
			Message string `json:"message"`
			Status  string `json:"status"`
		} `json:"error"`
	}
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 16<<10))
	msg := resp.Status
	if json.Unmarshal(data, &body) == nil && body.Error.Message != "" {
		msg += ": " + body.Error.Message
	}
	if resp.StatusCode == http.StatusBadRequest || resp.StatusCode == http.StatusForbidden {
		msg += " (check the API key and that the Cloud Billing API is enabled for its project)"
	}
	return msg
}

// unwrapURL drops the *url.Error wrapper, whose message holds the request
// URL and with it the API key.
func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// counter reports the bytes read from a body.
type counter struct {
	r    io.Reader
	read func(int64)
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 && c.read != nil {
		c.read(int64(n))
	}
	return n, err
}

// redact removes the API key from an error's message: a last guard, as no
// error should hold it.
func redact(err error, key string) error {
	if err == nil || key == "" || !strings.Contains(err.Error(), key) {
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), key, "REDACTED"))
}
