package action_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/action"
)

func TestMarker(t *testing.T) {
	m := action.Marker{Key: "infra-prod", Commit: "abc123", Time: time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)}
	body := "## tollgate\n" + m.String() + "\ntext"
	got, ok := action.ParseMarker(body)
	if !ok {
		t.Fatalf("no marker in %q", body)
	}
	if diff := cmp.Diff(m, got); diff != "" {
		t.Errorf("marker round trip (-want +got):\n%s", diff)
	}
	if _, ok := action.ParseMarker("<!-- some other bot -->"); ok {
		t.Error("found a marker in another bot's comment")
	}
	later := m
	later.Time = m.Time.Add(time.Minute)
	if !m.Older(later) || later.Older(m) || !m.Same(later) {
		t.Error("Older/Same are wrong")
	}
	if (action.Marker{}).Same(action.Marker{Key: "other"}) {
		t.Error("an empty key is the default job, not every job")
	}
}

func TestRetry(t *testing.T) {
	for _, tc := range []struct {
		name     string
		statuses []int
		header   http.Header
		body     string
		calls    int
		waits    []time.Duration
		final    int
	}{
		{"success at once", []int{200}, nil, "", 1, nil, 200},
		{"server errors back off", []int{502, 503, 200}, nil, "", 3, []time.Duration{time.Second, 2 * time.Second}, 200},
		{"gives up after four", []int{500, 500, 500, 500, 500}, nil, "", 4, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}, 500},
		{"retry-after", []int{429, 200}, http.Header{"Retry-After": {"7"}}, "", 2, []time.Duration{7 * time.Second}, 200},
		{"secondary rate limit by message", []int{403, 200}, nil, `{"message":"You have exceeded a secondary rate limit"}`, 2, []time.Duration{time.Second}, 200},
		{"a permission 403 is final", []int{403, 200}, nil, `{"message":"Resource not accessible by integration"}`, 1, nil, 403},
		{"not implemented is final", []int{501, 200}, nil, "", 1, nil, 501},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				body, _ := io.ReadAll(r.Body)
				if string(body) != "payload" {
					t.Errorf("attempt %d got body %q", calls.Load()+1, body)
				}
				i := int(calls.Add(1)) - 1
				for k, v := range tc.header {
					w.Header()[k] = v
				}
				w.WriteHeader(tc.statuses[i])
				io.WriteString(w, tc.body)
			}))
			defer srv.Close()
			var waits []time.Duration
			client := &http.Client{Transport: &action.Retry{Wait: func(_ context.Context, d time.Duration) error {
				waits = append(waits, d)
				return nil
			}}}
			resp, err := client.Post(srv.URL, "text/plain", strings.NewReader("payload"))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if int(calls.Load()) != tc.calls || resp.StatusCode != tc.final {
				t.Errorf("calls %d, status %d; want %d, %d", calls.Load(), resp.StatusCode, tc.calls, tc.final)
			}
			if diff := cmp.Diff(tc.waits, waits); diff != "" {
				t.Errorf("waits (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	if got := action.Redact("GET https://x/?token=ghp_secret failed: ghp_secret", "ghp_secret"); strings.Contains(got, "ghp_secret") {
		t.Errorf("token left in %q", got)
	}
}
