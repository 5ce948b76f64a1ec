// Package githubtest is a stateful fake of the part of the GitHub REST API
// tollgate posts to: pull-request comments, check runs and commit
// statuses. It keeps what was posted in memory and enforces the limits
// and errors of the real API (authentication, read-only fork tokens,
// check runs refused to personal access tokens, 50 annotations per
// request, 65,536-character comments, pagination through Link headers),
// so that tests drive the real go-github client against it. It answers on
// api.github.com-style paths and on GitHub Enterprise Server's /api/v3
// prefix alike.
package githubtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"time"
)

// Kind is what a token is, which decides what the fake lets it do.
type Kind int

// Token kinds.
const (
	// App is the workflow's GITHUB_TOKEN or a GitHub App installation
	// token: it posts as a bot, may create check runs, and GET /user
	// refuses it.
	App Kind = iota
	// Personal is a personal access token: it posts as its user and GET
	// /user answers, but check runs are refused ("You must authenticate
	// via a GitHub App.").
	Personal
	// ReadOnly is the GITHUB_TOKEN of a pull request from a fork: it may
	// read, and every write is refused ("Resource not accessible by
	// integration").
	ReadOnly
)

// Token is a token the fake accepts. Login defaults to
// github-actions[bot] for App and ReadOnly tokens and to octocat for
// personal ones.
type Token struct {
	Kind  Kind
	Login string
}

func (t Token) user() User {
	if t.Kind == Personal {
		return User{Login: or(t.Login, "octocat"), Type: "User"}
	}
	return User{Login: or(t.Login, "github-actions[bot]"), Type: "Bot"}
}

// User is the author of a comment or a status.
type User struct {
	Login string
	Type  string // "User" or "Bot"
}

// Fault is a response the fake gives instead of serving a request, to
// test retries and failures: a 502 from a proxy, a secondary rate limit.
// It answers the first request that matches Method and Path when they
// are set.
type Fault struct {
	Method           string // e.g. "PATCH"; any when ""
	Path             string // a substring of the path, e.g. "/check-runs/"; any when ""
	Status           int
	Header           http.Header
	Message          string
	DocumentationURL string
}

// SecondaryRateLimit is the 403 GitHub answers when a client posts too
// fast, with the Retry-After it sends along.
func SecondaryRateLimit() Fault {
	return Fault{
		Status:           http.StatusForbidden,
		Header:           http.Header{"Retry-After": {"1"}},
		Message:          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
		DocumentationURL: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
	}
}

// Request is one request the fake received, for tests that count
// requests or inspect what was sent. Tokens are not recorded.
type Request struct {
	Method string
	Path   string // as received, with the /api/v3 prefix if there was one
	Query  string
	Body   string
	Status int
}

// Server is the fake GitHub. Its methods are safe for concurrent use.
type Server struct {
	srv *httptest.Server

	mu       sync.Mutex
	tokens   map[string]Token
	repos    map[string]*repo
	faults   []Fault
	requests []Request
	nextID   int64
	now      time.Time
	pageSize int
}

type repo struct {
	pulls     map[int]bool
	commits   map[string]bool
	comments  []*Comment // in creation order, as GitHub lists them
	checkRuns []*CheckRun
	statuses  []Status
}

// DefaultPageSize is GitHub's largest page, what per_page may ask for.
const DefaultPageSize = 100

// NewServer starts a fake GitHub. Close it when done.
func NewServer() *Server {
	s := &Server{
		tokens:   map[string]Token{},
		repos:    map[string]*repo{},
		nextID:   1000,
		now:      time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		pageSize: DefaultPageSize,
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// URL is the API base URL in the style of api.github.com.
func (s *Server) URL() string { return s.srv.URL }

// EnterpriseURL is the API base URL in the style of GitHub Enterprise
// Server (https://HOST/api/v3), what GITHUB_API_URL holds there.
func (s *Server) EnterpriseURL() string { return s.srv.URL + "/api/v3" }

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// AddToken makes the fake accept a token.
func (s *Server) AddToken(token string, t Token) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[token] = t
}

// AddPullRequest creates a pull request (and its repository, "owner/name")
// whose head commit is headSHA. Check runs and statuses are accepted only
// on known commits.
func (s *Server) AddPullRequest(repo string, number int, headSHA string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.repo(repo)
	r.pulls[number] = true
	r.commits[headSHA] = true
}

// AddCommit makes a commit known, such as the merge commit GITHUB_SHA
// names, so that posting to it succeeds as on GitHub (and a test can tell
// that the wrong commit was used).
func (s *Server) AddCommit(repo, sha string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.repo(repo).commits[sha] = true
}

// AddComment puts a comment on a pull request as another user would, and
// returns its id.
func (s *Server) AddComment(repo string, number int, author User, body string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.repo(repo)
	r.pulls[number] = true
	return s.addComment(repo, r, number, author, body).ID
}

// SetPageSize caps the page size below GitHub's 100, so that a test needs
// only a few comments to reach page 2.
func (s *Server) SetPageSize(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pageSize = max(1, n)
}

// Fail queues faults: each answers one request, the next one it matches,
// in order.
func (s *Server) Fail(faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, faults...)
}

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

func (s *Server) repo(name string) *repo {
	r := s.repos[name]
	if r == nil {
		r = &repo{pulls: map[int]bool{}, commits: map[string]bool{}}
		s.repos[name] = r
	}
	return r
}

// tick advances the fake clock, so that timestamps are distinct and
// deterministic.
func (s *Server) tick() time.Time {
	s.now = s.now.Add(time.Second)
	return s.now
}

func (s *Server) id() int64 {
	s.nextID++
	return s.nextID
}

// serve logs the request, answers a queued fault or authenticates and
// routes it.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 16<<20))
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		s.mu.Lock()
		s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Body: string(body), Status: rec.status})
		s.mu.Unlock()
	}()

	if fault, ok := s.fault(r); ok {
		for k, v := range fault.Header {
			rec.Header()[k] = v
		}
		writeJSON(rec, fault.Status, apiError{Message: or(fault.Message, http.StatusText(fault.Status)), DocumentationURL: fault.DocumentationURL})
		return
	}

	tok, ok := s.authenticate(rec, r)
	if !ok {
		return
	}
	path := strings.TrimPrefix(r.URL.Path, "/api/v3")
	c := &call{s: s, w: rec, r: r, tok: tok, body: body, path: path}
	c.route()
}

// fault takes the first queued fault that matches the request.
func (s *Server) fault(r *http.Request) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if (f.Method == "" || f.Method == r.Method) && strings.Contains(r.URL.Path, f.Path) {
			s.faults = slices.Delete(s.faults, i, i+1)
			return f, true
		}
	}
	return Fault{}, false
}

func (s *Server) authenticate(w http.ResponseWriter, r *http.Request) (Token, bool) {
	h := r.Header.Get("Authorization")
	if h == "" {
		writeJSON(w, http.StatusUnauthorized, apiError{Message: "Requires authentication", DocumentationURL: docs("authentication")})
		return Token{}, false
	}
	scheme, token, _ := strings.Cut(h, " ")
	s.mu.Lock()
	tok, ok := s.tokens[token]
	s.mu.Unlock()
	if !ok || (!strings.EqualFold(scheme, "bearer") && !strings.EqualFold(scheme, "token")) {
		writeJSON(w, http.StatusUnauthorized, apiError{Message: "Bad credentials", DocumentationURL: docs("")})
		return Token{}, false
	}
	return tok, true
}

type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

// apiError is GitHub's error document.
type apiError struct {
	Message          string       `json:"message"`
	Errors           []fieldError `json:"errors,omitempty"`
	DocumentationURL string       `json:"documentation_url,omitempty"`
}

type fieldError struct {
	Resource string `json:"resource"`
	Code     string `json:"code"`
	Field    string `json:"field"`
	Message  string `json:"message,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	if v != nil {
		json.NewEncoder(w).Encode(v)
	}
}

func docs(page string) string {
	return "https://docs.github.com/rest" + page
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// sprintf keeps handler code short.
var sprintf = fmt.Sprintf
