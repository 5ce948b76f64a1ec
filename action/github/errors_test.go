package github_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/action"
	"github.com/tollgate-dev/tollgate/action/github"
	"github.com/tollgate-dev/tollgate/action/github/githubtest"
)

// operations are the publisher's three posts.
var operations = map[string]func(context.Context, *github.Publisher) error{
	"comment": func(ctx context.Context, p *github.Publisher) error {
		m := marker(0, "c1")
		_, _, err := p.Comment(ctx, body(m, "A"), m, action.Update)
		return err
	},
	"check run": func(ctx context.Context, p *github.Publisher) error {
		_, err := p.Checks(ctx, github.CheckRun{Conclusion: github.Failure, Title: "Gate failed", Summary: "s",
			Annotations: []github.Annotation{{Path: "main.tf", StartLine: 3, Level: github.Fail, Title: "required-tags", Message: "m"}}})
		return err
	},
	"status": func(ctx context.Context, p *github.Publisher) error {
		return p.Status(ctx, false, "Gate failed", "")
	},
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		op     string
		cfg    github.Config
		faults []githubtest.Fault
		kind   github.Kind
		says   []string // in the error text
	}{
		{name: "no token, comment", op: "comment", kind: github.Unauthorized, says: []string{"401", "no token"}},
		{name: "no token, check run", op: "check run", kind: github.Unauthorized, says: []string{"401"}},
		{name: "no token, status", op: "status", kind: github.Unauthorized, says: []string{"401"}},
		{name: "bad token", op: "comment", cfg: github.Config{Token: "ghp_revoked"}, kind: github.Unauthorized, says: []string{"Bad credentials", "rejected the token"}},
		{name: "fork token, comment", op: "comment", cfg: github.Config{Token: forkToken}, kind: github.Forbidden,
			says: []string{"403 Resource not accessible by integration", "forks", "pull-requests: write"}},
		{name: "fork token, check run", op: "check run", cfg: github.Config{Token: forkToken}, kind: github.Forbidden, says: []string{"checks: write"}},
		{name: "fork token, status", op: "status", cfg: github.Config{Token: forkToken}, kind: github.Forbidden, says: []string{"statuses: write"}},
		{name: "personal token, check run", op: "check run", cfg: github.Config{Token: patToken}, kind: github.Forbidden,
			says: []string{"You must authenticate via a GitHub App", "personal access token"}},
		{name: "unknown repository", op: "comment", cfg: github.Config{Token: appToken, Repo: "acme/nope"}, kind: github.NotFound, says: []string{"404 Not Found", "acme/nope#7"}},
		{name: "unknown pull request", op: "comment", cfg: github.Config{Token: appToken, PR: 99}, kind: github.NotFound, says: []string{"acme/infra#99"}},
		{name: "check run on an unknown commit", op: "check run", cfg: github.Config{Token: appToken, HeadSHA: "0000000"}, kind: github.Invalid, says: []string{"422", "No commit found for SHA: 0000000"}},
		{name: "server error without retries", op: "status", cfg: github.Config{Token: appToken}, faults: []githubtest.Fault{{Status: http.StatusBadGateway}}, kind: github.Failed, says: []string{"502"}},
		{name: "server error identifying the token", op: "comment", cfg: github.Config{Token: patToken}, faults: []githubtest.Fault{{Method: "GET", Path: "/user", Status: http.StatusInternalServerError}}, kind: github.Failed, says: []string{"GET /user", "500"}},
		{name: "secondary rate limit without retries", op: "comment", cfg: github.Config{Token: appToken}, faults: []githubtest.Fault{githubtest.SecondaryRateLimit()}, kind: github.RateLimited, says: []string{"secondary rate limit"}},
		{name: "a proxy echoing the token", op: "status", cfg: github.Config{Token: appToken},
			faults: []githubtest.Fault{{Status: http.StatusBadRequest, Message: "bad header Authorization: Bearer " + appToken}}, kind: github.Failed, says: []string{"[redacted]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := fakeGitHub(t)
			srv.Fail(tc.faults...)
			tc.cfg.APIURL = srv.URL()
			err := operations[tc.op](context.Background(), newPublisher(t, tc.cfg))
			if err == nil {
				t.Fatal("no error")
			}
			if got := github.KindOf(err); got != tc.kind {
				t.Errorf("kind %q, want %q (%v)", got, tc.kind, err)
			}
			if github.IsForbidden(err) != (tc.kind == github.Forbidden) || github.IsUnauthorized(err) != (tc.kind == github.Unauthorized) || github.IsNotFound(err) != (tc.kind == github.NotFound) {
				t.Errorf("Is* disagree with kind %q", tc.kind)
			}
			msg := err.Error()
			for _, want := range tc.says {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q does not say %q", msg, want)
				}
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("error %q is not one line", msg)
			}
			assertNoToken(t, msg)
		})
	}
}

func TestRetries(t *testing.T) {
	for _, tc := range []struct {
		name   string
		op     string
		faults []githubtest.Fault
	}{
		{"502 then success, comment", "comment", []githubtest.Fault{{Status: http.StatusBadGateway}}},
		{"502 then success, check run", "check run", []githubtest.Fault{{Method: "POST", Status: http.StatusBadGateway}}},
		{"503 twice then success, status", "status", []githubtest.Fault{{Status: http.StatusServiceUnavailable}, {Status: http.StatusServiceUnavailable}}},
		{"secondary rate limit on the post", "comment", []githubtest.Fault{func() githubtest.Fault {
			f := githubtest.SecondaryRateLimit()
			f.Method = "POST"
			return f
		}()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := fakeGitHub(t)
			srv.Fail(tc.faults...)
			p := newPublisher(t, github.Config{APIURL: srv.URL(), Token: appToken, HTTPClient: noWait()})
			if err := operations[tc.op](context.Background(), p); err != nil {
				t.Fatal(err)
			}
			failed := 0
			for _, r := range srv.Requests() {
				if r.Status >= 400 {
					failed++
				}
			}
			// GET /user answers 403 to an installation token: expected.
			if want := len(tc.faults) + map[bool]int{true: 1}[tc.op == "comment"]; failed != want {
				t.Errorf("%d failed requests, want %d: %+v", failed, want, srv.Requests())
			}
			if len(srv.Comments(repo, pr))+len(srv.CheckRuns(repo))+len(srv.Statuses(repo)) != 1 {
				t.Error("the retried post did not land exactly once")
			}
		})
	}
}

func TestNewRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  github.Config
		says string
	}{
		{"repository without owner", github.Config{Repo: "infra", PR: 1}, "owner/name"},
		{"repository with extra path", github.Config{Repo: "acme/infra/x", PR: 1}, "owner/name"},
		{"no pull request", github.Config{Repo: repo}, "pull request number 0"},
		{"API URL without scheme", github.Config{Repo: repo, PR: 1, APIURL: "github.example.com/api/v3"}, "not an http(s) URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := github.New(tc.cfg)
			if err == nil || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %v, want one saying %q", err, tc.says)
			}
		})
	}
}

// The token goes on a copy of the caller's client, never on the caller's.
func TestCallerClientUntouched(t *testing.T) {
	srv := fakeGitHub(t)
	client := noWait()
	transport := client.Transport
	if err := newPublisher(t, github.Config{APIURL: srv.URL(), Token: appToken, HTTPClient: client}).Status(context.Background(), true, "ok", ""); err != nil {
		t.Fatal(err)
	}
	if client.Transport != transport {
		t.Error("the caller's client was changed")
	}
	resp, err := client.Post(srv.URL()+"/repos/"+repo+"/statuses/"+head, "application/json", strings.NewReader(`{"state":"success"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("the caller's client posts with status %d: it carries the token", resp.StatusCode)
	}
}
