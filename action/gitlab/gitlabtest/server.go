// Package gitlabtest is a stateful fake of the GitLab REST API endpoints
// tollgate posts through (the current user, projects, merge requests and
// their notes), for tests that drive the real GitLab client. It enforces
// what a real GitLab would: tokens (401 without one, 403 for a CI job
// token writing notes or a token without the api scope), project
// visibility (404 for a project the token's user is not a member of),
// URL-encoded project paths (an unencoded group/project path matches no
// route: 404), authorship of notes, the note length limit and pagination.
// Failures can be injected.
package gitlabtest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// MaxNoteLength is GitLab's limit on a note's length, in characters.
const MaxNoteLength = 1_000_000

// Pagination is how list responses point at the next page.
type Pagination int

// Pagination styles: GitLab sends both X-Next-Page and a Link header for
// offset pagination; clients must cope with either.
const (
	HeadersAndLink Pagination = iota
	HeadersOnly               // X-Page, X-Next-Page… but no Link
	LinkOnly                  // Link rel="next" but no X-Next-Page
)

// Scopes of a token.
const (
	ScopeAPI     = "api"      // read and write
	ScopeReadAPI = "read_api" // read only
)

// User is an account with a token (a personal or project access token;
// the project's bot user for the latter).
type User struct {
	ID       int64
	Username string
	token    string
	scopes   []string
}

// Project is a private project: only its members and its job tokens see
// it.
type Project struct {
	ID      int64
	Path    string // path with namespace, e.g. group/sub/project
	members map[int64]bool
	mrs     map[int64]*mergeRequest
}

type mergeRequest struct {
	id    int64
	notes []*Note
}

// Note is a merge request note.
type Note struct {
	ID        int64
	Body      string
	Author    *User
	System    bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Request is one request the server answered.
type Request struct {
	Method string
	Path   string // escaped, as sent: /api/v4/projects/group%2Fapp/...
	Query  string
	Auth   string // "private-token", "bearer", "job-token" or ""
	Status int
}

// Server is the fake GitLab. Its zero value is not usable: call NewServer.
type Server struct {
	srv *httptest.Server

	mu         sync.Mutex
	users      map[string]*User    // by token
	jobTokens  map[string]*Project // by token
	projects   []*Project
	nextID     int64
	clock      time.Time
	fail       []int
	failMethod map[string][]int
	requests   []Request
	pagination Pagination
	maxPerPage int
}

// NewServer starts a fake GitLab, closed when the test ends.
func NewServer(t testing.TB) *Server {
	s := &Server{
		users:      map[string]*User{},
		jobTokens:  map[string]*Project{},
		failMethod: map[string][]int{},
		nextID:     100,
		clock:      time.Date(2027, 1, 1, 9, 0, 0, 0, time.UTC),
		maxPerPage: 100,
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

// URL is the instance's address, e.g. http://127.0.0.1:1234.
func (s *Server) URL() string { return s.srv.URL }

// APIURL is the REST API's base, as CI_API_V4_URL gives it.
func (s *Server) APIURL() string { return s.srv.URL + "/api/v4" }

// SetPagination chooses how list responses point at the next page.
func (s *Server) SetPagination(p Pagination) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pagination = p
}

// SetMaxPerPage lowers the largest page GitLab serves (100), whatever
// per_page asks, so that tests paginate with few notes.
func (s *Server) SetMaxPerPage(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.maxPerPage = n
}

// AddUser adds an account whose token has the given scopes (api when
// none).
func (s *Server) AddUser(username, token string, scopes ...string) *User {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(scopes) == 0 {
		scopes = []string{ScopeAPI}
	}
	u := &User{ID: s.id(), Username: username, token: token, scopes: scopes}
	s.users[token] = u
	return u
}

// AddProject adds a private project that its members can see.
func (s *Server) AddProject(path string, members ...*User) *Project {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := &Project{ID: s.id(), Path: path, members: map[int64]bool{}, mrs: map[int64]*mergeRequest{}}
	for _, m := range members {
		p.members[m.ID] = true
	}
	s.projects = append(s.projects, p)
	return p
}

// AddMergeRequest opens merge request !iid in the project.
func (s *Server) AddMergeRequest(p *Project, iid int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p.mrs[iid] = &mergeRequest{id: s.id()}
}

// AddJobToken makes a CI job token of a pipeline of the project.
func (s *Server) AddJobToken(token string, p *Project) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.jobTokens[token] = p
}

// AddNote adds a note by author to a merge request, as if posted earlier.
func (s *Server) AddNote(p *Project, iid int64, author *User, body string) Note {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := &Note{ID: s.id(), Body: body, Author: author, CreatedAt: s.tick()}
	n.UpdatedAt = n.CreatedAt
	p.mrs[iid].notes = append(p.mrs[iid].notes, n)
	return *n
}

// Notes are the notes of a merge request, oldest first.
func (s *Server) Notes(p *Project, iid int64) []Note {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Note, 0, len(p.mrs[iid].notes))
	for _, n := range p.mrs[iid].notes {
		out = append(out, *n)
	}
	return out
}

// FailNext answers the next requests, one per status, with these
// statuses (a 429 with Retry-After: 1) before looking at them.
func (s *Server) FailNext(statuses ...int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail = append(s.fail, statuses...)
}

// FailMethod answers the next request with this method (PUT, DELETE…)
// with status, as if, say, the note had vanished meanwhile (404).
func (s *Server) FailMethod(method string, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failMethod[method] = append(s.failMethod[method], status)
}

// Requests are the requests answered so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// Writes counts the requests that changed something.
func (s *Server) Writes() int {
	n := 0
	for _, r := range s.Requests() {
		if r.Method != http.MethodGet && r.Status < 300 {
			n++
		}
	}
	return n
}

func (s *Server) id() int64 {
	s.nextID++
	return s.nextID
}

func (s *Server) tick() time.Time {
	s.clock = s.clock.Add(time.Minute)
	return s.clock
}

// caller is who sends a request.
type caller struct {
	user *User    // nil for a job token
	job  *Project // the job token's project
}

func (c caller) can(scope string) bool {
	if c.user == nil {
		return false
	}
	return slices.Contains(c.user.scopes, ScopeAPI) || slices.Contains(c.user.scopes, scope)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.RawQuery, Auth: authKind(r), Status: rec.status})
	}()
	if len(s.fail) > 0 || len(s.failMethod[r.Method]) > 0 {
		var status int
		if len(s.fail) > 0 {
			status, s.fail = s.fail[0], s.fail[1:]
		} else {
			status, s.failMethod[r.Method] = s.failMethod[r.Method][0], s.failMethod[r.Method][1:]
		}
		if status == http.StatusTooManyRequests {
			rec.Header().Set("Retry-After", "1")
		}
		rec.WriteHeader(status)
		rec.Write([]byte(strconv.Itoa(status) + " " + http.StatusText(status)))
		return
	}
	who, ok := s.authenticate(r)
	if !ok {
		message(rec, http.StatusUnauthorized, "401 Unauthorized")
		return
	}
	s.route(rec, r, who)
}

// authenticate finds the caller by PRIVATE-TOKEN, Authorization: Bearer
// or JOB-TOKEN.
func (s *Server) authenticate(r *http.Request) (caller, bool) {
	if t := r.Header.Get("Private-Token"); t != "" {
		u, ok := s.users[t]
		return caller{user: u}, ok
	}
	if t, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && t != "" {
		u, ok := s.users[t]
		return caller{user: u}, ok
	}
	if t := r.Header.Get("Job-Token"); t != "" {
		p, ok := s.jobTokens[t]
		return caller{job: p}, ok
	}
	return caller{}, false
}

func authKind(r *http.Request) string {
	switch {
	case r.Header.Get("Private-Token") != "":
		return "private-token"
	case strings.HasPrefix(r.Header.Get("Authorization"), "Bearer "):
		return "bearer"
	case r.Header.Get("Job-Token") != "":
		return "job-token"
	}
	return ""
}

// route dispatches on the escaped path, one segment per parameter, as
// GitLab's router does: a project path must be one segment
// (group%2Fapp), else no route matches.
func (s *Server) route(w http.ResponseWriter, r *http.Request, who caller) {
	rest, ok := strings.CutPrefix(r.URL.EscapedPath(), "/api/v4/")
	if !ok {
		message(w, http.StatusNotFound, "404 Not Found")
		return
	}
	seg := strings.Split(rest, "/")
	if len(seg) == 1 && seg[0] == "user" {
		s.user(w, r, who)
		return
	}
	if !projectRoute(seg) {
		message(w, http.StatusNotFound, "404 Not Found")
		return
	}
	p := s.project(seg[1], who)
	if p == nil {
		message(w, http.StatusNotFound, "404 Project Not Found")
		return
	}
	if len(seg) == 2 {
		if !allow(w, r, http.MethodGet) {
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"id": p.ID, "path_with_namespace": p.Path, "web_url": s.srv.URL + "/" + p.Path})
		return
	}
	iid, _ := strconv.ParseInt(seg[3], 10, 64)
	mr := p.mrs[iid]
	if mr == nil {
		message(w, http.StatusNotFound, "404 Not found")
		return
	}
	switch len(seg) {
	case 4:
		if !allow(w, r, http.MethodGet) {
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"id": mr.id, "iid": iid, "project_id": p.ID, "state": "opened", "web_url": s.mrURL(p, iid)})
	case 5:
		s.notes(w, r, who, p, iid, mr)
	default:
		id, _ := strconv.ParseInt(seg[5], 10, 64)
		s.note(w, r, who, p, iid, mr, id)
	}
}

// projectRoute says whether the segments after /api/v4/ are one of the
// project routes the fake serves: projects/:id, then
// merge_requests/:iid, notes, :note_id.
func projectRoute(seg []string) bool {
	if len(seg) < 2 || len(seg) > 6 || len(seg) == 3 || seg[0] != "projects" || seg[1] == "" {
		return false
	}
	if len(seg) >= 4 && (seg[2] != "merge_requests" || !isNumber(seg[3])) {
		return false
	}
	if len(seg) >= 5 && seg[4] != "notes" {
		return false
	}
	return len(seg) < 6 || isNumber(seg[5])
}

func isNumber(s string) bool {
	_, err := strconv.ParseUint(s, 10, 63)
	return err == nil
}

// allow answers 405 to a method the route does not take.
func allow(w http.ResponseWriter, r *http.Request, methods ...string) bool {
	if slices.Contains(methods, r.Method) {
		return true
	}
	message(w, http.StatusMethodNotAllowed, "405 Method Not Allowed")
	return false
}

func (s *Server) user(w http.ResponseWriter, r *http.Request, who caller) {
	if !allow(w, r, http.MethodGet) {
		return
	}
	if !who.can(ScopeReadAPI) {
		message(w, http.StatusForbidden, "403 Forbidden")
		return
	}
	u := who.user
	writeJSON(w, http.StatusOK, map[string]any{"id": u.ID, "username": u.Username, "name": u.Username, "state": "active"})
}

// project finds a project by id or URL-encoded path, if the caller may
// see it.
func (s *Server) project(seg string, who caller) *Project {
	id, err := url.PathUnescape(seg)
	if err != nil {
		return nil
	}
	for _, p := range s.projects {
		if strconv.FormatInt(p.ID, 10) != id && !strings.EqualFold(p.Path, id) {
			continue
		}
		if who.job == p || (who.user != nil && p.members[who.user.ID]) {
			return p
		}
		return nil
	}
	return nil
}

func (s *Server) mrURL(p *Project, iid int64) string {
	return s.srv.URL + "/" + p.Path + "/-/merge_requests/" + strconv.FormatInt(iid, 10)
}

// message answers an error as GitLab does: {"message": "..."}.
func message(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]any{"message": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}
