package action

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Retry is an http.RoundTripper that retries what a forge asks to be
// retried: server errors (5xx but 501), 429, and GitHub's secondary rate
// limits (403 with Retry-After or "secondary rate limit" in the body). It
// waits as long as Retry-After or X-RateLimit-Reset say, else backs off
// exponentially from one second, never longer than MaxWait at a time.
type Retry struct {
	Base     http.RoundTripper // http.DefaultTransport when nil
	Attempts int               // tries in all; 4 when 0
	MaxWait  time.Duration     // longest single wait; one minute when 0
	// Wait sleeps; tests replace it. It returns early with the context's
	// error when the context ends.
	Wait func(ctx context.Context, d time.Duration) error
	// Now is the clock X-RateLimit-Reset is compared with; time.Now when nil.
	Now func() time.Time
}

// RoundTrip implements http.RoundTripper.
func (r *Retry) RoundTrip(req *http.Request) (*http.Response, error) {
	base := r.Base
	if base == nil {
		base = http.DefaultTransport
	}
	attempts := r.Attempts
	if attempts == 0 {
		attempts = 4
	}
	for attempt := 1; ; attempt++ {
		if attempt > 1 && req.Body != nil {
			if req.GetBody == nil {
				return nil, errNoRewind
			}
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			req.Body = body
		}
		resp, err := base.RoundTrip(req)
		if err != nil || attempt == attempts {
			return resp, err
		}
		wait, retry := r.shouldRetry(resp, attempt)
		if !retry {
			return resp, nil
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		resp.Body.Close()
		if err := r.wait(req.Context(), wait); err != nil {
			return nil, err
		}
	}
}

var errNoRewind = &rewindError{}

type rewindError struct{}

func (*rewindError) Error() string {
	return "action: cannot retry a request whose body cannot be read again"
}

// shouldRetry decides from a response whether to try again, and after how
// long.
func (r *Retry) shouldRetry(resp *http.Response, attempt int) (time.Duration, bool) {
	backoff := time.Second << (attempt - 1)
	switch {
	case resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented:
	case resp.StatusCode == http.StatusTooManyRequests:
	case resp.StatusCode == http.StatusForbidden && r.secondaryLimit(resp):
	default:
		return 0, false
	}
	if s := resp.Header.Get("Retry-After"); s != "" {
		if secs, err := strconv.Atoi(s); err == nil {
			return r.capped(time.Duration(secs) * time.Second), true
		}
	}
	if resp.Header.Get("X-RateLimit-Remaining") == "0" {
		if reset, err := strconv.ParseInt(resp.Header.Get("X-RateLimit-Reset"), 10, 64); err == nil {
			return r.capped(time.Unix(reset, 0).Sub(r.now())), true
		}
	}
	return r.capped(backoff), true
}

// secondaryLimit recognises GitHub's secondary rate limit, a 403 that a
// permission error also is: only the headers or the message tell them
// apart. The body is read and put back.
func (r *Retry) secondaryLimit(resp *http.Response) bool {
	if resp.Header.Get("Retry-After") != "" || resp.Header.Get("X-RateLimit-Remaining") == "0" {
		return true
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return bytes.Contains(bytes.ToLower(body), []byte("secondary rate limit"))
}

func (r *Retry) capped(d time.Duration) time.Duration {
	limit := r.MaxWait
	if limit == 0 {
		limit = time.Minute
	}
	return max(0, min(d, limit))
}

func (r *Retry) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r *Retry) wait(ctx context.Context, d time.Duration) error {
	if r.Wait != nil {
		return r.Wait(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
