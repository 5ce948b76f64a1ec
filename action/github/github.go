// Package github posts a check result to a GitHub pull request: one
// sticky comment, a check run with annotations on the .tf lines, or a
// commit status for tokens that cannot create check runs. It speaks to
// github.com and GitHub Enterprise Server through go-github, and
// classifies GitHub's refusals (IsUnauthorized, IsForbidden, IsNotFound)
// so that the caller can fall back to outputs that need no token.
package github

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	gh "github.com/google/go-github/v60/github"
)

// DefaultAPIURL is github.com's API.
const DefaultAPIURL = "https://api.github.com"

// Config says where to post and as whom.
type Config struct {
	// APIURL is GITHUB_API_URL: https://api.github.com, or
	// https://HOST/api/v3 on GitHub Enterprise Server. Empty means
	// github.com.
	APIURL string
	Repo   string // owner/name
	Token  string
	PR     int
	// HeadSHA is the pull request's head commit (pull_request.head.sha).
	// Check runs and statuses go there: on pull_request events GITHUB_SHA
	// is a merge commit nobody looks at.
	HeadSHA string
	// Key tells apart several tollgate jobs on one pull request: the check
	// run and the status are named "tollgate (KEY)" instead of "tollgate".
	// Use the comment marker's key.
	Key string
	// HTTPClient carries the caller's timeouts and retries (action.Retry);
	// the token is added to a copy, never to the caller's client.
	HTTPClient *http.Client
}

// Publisher posts to one pull request. It is safe for concurrent use.
type Publisher struct {
	client      *gh.Client
	owner, name string
	cfg         Config

	mu       sync.Mutex
	resolved bool
	login    string // the token's user; "" for installation tokens
}

// New checks the configuration and makes a client. It sends no request.
// An empty token is allowed: GitHub then refuses every write with 401,
// which the caller can tell apart with IsUnauthorized.
func New(cfg Config) (*Publisher, error) {
	owner, name, ok := strings.Cut(cfg.Repo, "/")
	if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
		return nil, fmt.Errorf("github: repository %q is not owner/name", cfg.Repo)
	}
	if cfg.PR <= 0 {
		return nil, fmt.Errorf("github: pull request number %d is not a pull request: run on pull_request events or pass the number", cfg.PR)
	}
	base, err := baseURL(cfg.APIURL)
	if err != nil {
		return nil, err
	}
	client := gh.NewClient(cfg.HTTPClient)
	if cfg.Token != "" {
		client = client.WithAuthToken(cfg.Token)
	}
	client.BaseURL = base
	return &Publisher{client: client, owner: owner, name: name, cfg: cfg}, nil
}

// baseURL reads GITHUB_API_URL. It is used as given: GitHub Enterprise
// Server's already ends in /api/v3, and go-github's WithEnterpriseURLs
// would add a second one to a URL that does not look like it.
func baseURL(api string) (*url.URL, error) {
	if api == "" {
		api = DefaultAPIURL
	}
	u, err := url.Parse(api)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("github: API URL %q is not an http(s) URL such as %s or https://HOST/api/v3", api, DefaultAPIURL)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u, nil
}

// checkName is the check run's and the status's name.
func (p *Publisher) checkName() string {
	if p.cfg.Key == "" || p.cfg.Key == "default" {
		return "tollgate"
	}
	return "tollgate (" + p.cfg.Key + ")"
}

// where names the pull request in messages.
func (p *Publisher) where() string {
	return fmt.Sprintf("%s/%s#%d", p.owner, p.name, p.cfg.PR)
}

// identity finds out whose comments are tollgate's. A personal access
// token is a user, whom GET /user names. An installation token (the
// workflow's GITHUB_TOKEN, a GitHub App's) has no user: GET /user answers
// 403, and such a token posts as a bot (github-actions[bot], APP[bot]),
// whose login it cannot learn (GET /app needs the App's own key). Then a
// comment is ours when a bot wrote it. The answer is asked once.
func (p *Publisher) identity(ctx context.Context) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.resolved {
		return p.login, nil
	}
	u, _, err := p.client.Users.Get(ctx, "")
	if err != nil {
		err = p.fail("identify the token (GET /user)", "", err)
		if !IsForbidden(err) && !IsNotFound(err) {
			return "", err
		}
	}
	p.login, p.resolved = u.GetLogin(), true
	return p.login, nil
}

// authored reports whether a comment's author is the token's identity.
func authored(login string, u *gh.User) bool {
	if login != "" {
		return strings.EqualFold(u.GetLogin(), login)
	}
	return u.GetType() == "Bot"
}

// ptr keeps option structs short.
func ptr[T any](v T) *T { return &v }
