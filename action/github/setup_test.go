package github_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/action"
	"github.com/tollgate-dev/tollgate/action/github"
	"github.com/tollgate-dev/tollgate/action/github/githubtest"
)

const (
	repo      = "acme/infra"
	pr        = 7
	head      = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d"
	merge     = "9f8e7d6c5b4a39281706f9e8d7c6b5a493827160"
	appToken  = "ghs_AppInstallationToken0123456789abcdef"
	patToken  = "ghp_PersonalAccessToken0123456789abcdef"
	forkToken = "ghs_ForkReadOnlyToken0123456789abcdefgh"
)

var tokens = []string{appToken, patToken, forkToken}

// fakeGitHub starts the fake with a pull request and three tokens: the
// workflow's GITHUB_TOKEN, alice's personal token and a fork's read-only
// token.
func fakeGitHub(t *testing.T) *githubtest.Server {
	t.Helper()
	srv := githubtest.NewServer()
	t.Cleanup(srv.Close)
	srv.AddToken(appToken, githubtest.Token{Kind: githubtest.App})
	srv.AddToken(patToken, githubtest.Token{Kind: githubtest.Personal, Login: "alice"})
	srv.AddToken(forkToken, githubtest.Token{Kind: githubtest.ReadOnly})
	srv.AddPullRequest(repo, pr, head)
	srv.AddCommit(repo, merge)
	return srv
}

func newPublisher(t *testing.T, cfg github.Config) *github.Publisher {
	t.Helper()
	if cfg.Repo == "" {
		cfg.Repo = repo
	}
	if cfg.PR == 0 {
		cfg.PR = pr
	}
	if cfg.HeadSHA == "" {
		cfg.HeadSHA = head
	}
	p, err := github.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// noWait is a retrying client that does not sleep.
func noWait() *http.Client {
	return &http.Client{Transport: &action.Retry{Wait: func(context.Context, time.Duration) error { return nil }}}
}

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// marker is the default job's marker at t0 plus minutes.
func marker(minutes int, commit string) action.Marker {
	return action.Marker{Key: "default", Commit: commit, Time: t0.Add(time.Duration(minutes) * time.Minute)}
}

func body(m action.Marker, text string) string {
	return m.String() + "\n## tollgate\n" + text + "\n"
}

// writes counts the requests that change something.
func writes(reqs []githubtest.Request) int {
	n := 0
	for _, r := range reqs {
		if r.Method != http.MethodGet {
			n++
		}
	}
	return n
}

// assertNoToken fails when a text carries any of the tokens.
func assertNoToken(t *testing.T, text string) {
	t.Helper()
	for _, tok := range tokens {
		if strings.Contains(text, tok) {
			t.Errorf("token %s… appears in %q", tok[:8], text)
		}
	}
}
