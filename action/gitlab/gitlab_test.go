package gitlab_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/action"
	"github.com/tollgate-dev/tollgate/action/gitlab"
	"github.com/tollgate-dev/tollgate/action/gitlab/gitlabtest"
)

// Tokens are distinctive so that a test can look for them in errors.
const (
	botToken   = "glpat-BOT-s3cret-4d1f"
	humanToken = "glpat-HUMAN-s3cret-77a0"
	readToken  = "glpat-READ-s3cret-9e2b"
	strayToken = "glpat-STRAY-s3cret-0c5d"
	jobToken   = "glcbt-64_JOB-s3cret-51fe"
)

const projectPath = "group/sub/app"

type env struct {
	srv          *gitlabtest.Server
	bot, human   *gitlabtest.User
	project      *gitlabtest.Project
	waits        []time.Duration
	retryingHTTP *http.Client
}

func setup(t *testing.T) *env {
	t.Helper()
	srv := gitlabtest.NewServer(t)
	e := &env{srv: srv}
	e.bot = srv.AddUser("project_7_bot_1", botToken)
	e.human = srv.AddUser("alice", humanToken)
	reader := srv.AddUser("reader", readToken, gitlabtest.ScopeReadAPI)
	srv.AddUser("stranger", strayToken)
	e.project = srv.AddProject(projectPath, e.bot, e.human, reader)
	srv.AddMergeRequest(e.project, 12)
	srv.AddJobToken(jobToken, e.project)
	e.retryingHTTP = &http.Client{Transport: &action.Retry{Wait: func(_ context.Context, d time.Duration) error {
		e.waits = append(e.waits, d)
		return nil
	}}}
	return e
}

func (e *env) config() gitlab.Config {
	return gitlab.Config{APIURL: e.srv.APIURL(), Project: projectPath, MR: 12, Token: botToken, HTTPClient: e.retryingHTTP}
}

func (e *env) publisher(t *testing.T, cfg gitlab.Config) *gitlab.Publisher {
	t.Helper()
	p, err := gitlab.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var start = time.Date(2027, 1, 31, 10, 0, 0, 0, time.UTC)

// run is the marker of a run of commit c1 that started minute minutes
// after start.
func run(minute int) action.Marker {
	return pushed(minute, "c1")
}

// pushed is the marker of a run of another commit.
func pushed(minute int, commit string) action.Marker {
	return action.Marker{Key: "default", Commit: commit, Time: start.Add(time.Duration(minute) * time.Minute)}
}

func keyed(key string, minute int) action.Marker {
	m := run(minute)
	m.Key = key
	return m
}

// posted is a note as tollgate posts it.
func posted(m action.Marker, content string) string { return m.String() + "\n" + content }

// note is what a test expects of a note.
type note struct {
	Author string
	Body   string
	System bool
}

func notes(e *env) []note {
	var out []note
	for _, n := range e.srv.Notes(e.project, 12) {
		out = append(out, note{Author: n.Author.Username, Body: n.Body, System: n.System})
	}
	return out
}

func TestComment(t *testing.T) {
	type seed struct {
		author string // bot, human or system (by the bot)
		body   string
	}
	for _, tc := range []struct {
		name     string
		seeds    []seed
		behavior action.Behavior
		marker   action.Marker
		content  string
		want     action.Outcome
		wantAt   int // index in the final notes of the note the URL points at
		notes    []note
		writes   int
	}{
		{
			name: "create", marker: run(1), content: "A",
			want: action.Created, notes: []note{{"project_7_bot_1", posted(run(1), "A"), false}}, writes: 1,
		},
		{
			name:  "unchanged",
			seeds: []seed{{"bot", posted(run(1), "A")}}, marker: run(2), content: "A",
			want: action.Unchanged, notes: []note{{"project_7_bot_1", posted(run(1), "A"), false}},
		},
		{
			name:  "unchanged but for surrounding whitespace",
			seeds: []seed{{"bot", posted(run(1), "A\n")}}, marker: run(2), content: "\nA",
			want: action.Unchanged, notes: []note{{"project_7_bot_1", posted(run(1), "A\n"), false}},
		},
		{
			name:  "update in place",
			seeds: []seed{{"human", "first!"}, {"bot", posted(run(1), "A")}}, marker: run(2), content: "B",
			want: action.Updated, wantAt: 1, notes: []note{{"alice", "first!", false}, {"project_7_bot_1", posted(run(2), "B"), false}}, writes: 1,
		},
		{
			name:  "same run posting again",
			seeds: []seed{{"bot", posted(run(2), "A")}}, marker: run(2), content: "B",
			want: action.Updated, notes: []note{{"project_7_bot_1", posted(run(2), "B"), false}}, writes: 1,
		},
		{
			name:  "new commit, same content: the marker is brought up to date",
			seeds: []seed{{"bot", posted(run(1), "A")}}, marker: pushed(2, "c2"), content: "A",
			want: action.Updated, notes: []note{{"project_7_bot_1", posted(pushed(2, "c2"), "A"), false}}, writes: 1,
		},
		{
			name:  "duplicates: newest updated, others deleted",
			seeds: []seed{{"bot", posted(run(1), "A")}, {"human", "hm"}, {"bot", posted(run(1), "A'")}}, marker: run(3), content: "B",
			want: action.Updated, wantAt: 1, notes: []note{{"alice", "hm", false}, {"project_7_bot_1", posted(run(3), "B"), false}}, writes: 2,
		},
		{
			name:  "duplicates of an unchanged note",
			seeds: []seed{{"bot", posted(run(1), "A")}, {"bot", posted(run(1), "A")}}, marker: run(3), content: "A",
			want: action.Unchanged, notes: []note{{"project_7_bot_1", posted(run(1), "A"), false}}, writes: 1,
		},
		{
			name:  "older run skipped",
			seeds: []seed{{"bot", posted(run(5), "newer")}}, marker: run(3), content: "older",
			want: action.Skipped, notes: []note{{"project_7_bot_1", posted(run(5), "newer"), false}},
		},
		{
			name:  "older run skipped among duplicates",
			seeds: []seed{{"bot", posted(run(1), "old")}, {"bot", posted(run(5), "newer")}}, marker: run(3), content: "older",
			want: action.Skipped, wantAt: 1, notes: []note{{"project_7_bot_1", posted(run(1), "old"), false}, {"project_7_bot_1", posted(run(5), "newer"), false}},
		},
		{
			name:  "older run skipped whatever the behavior",
			seeds: []seed{{"bot", posted(run(5), "newer")}}, behavior: action.DeleteAndNew, marker: run(3), content: "older",
			want: action.Skipped, notes: []note{{"project_7_bot_1", posted(run(5), "newer"), false}},
		},
		{
			name:  "new",
			seeds: []seed{{"bot", posted(run(1), "A")}}, behavior: action.New, marker: run(2), content: "B",
			want: action.Created, wantAt: 1, notes: []note{{"project_7_bot_1", posted(run(1), "A"), false}, {"project_7_bot_1", posted(run(2), "B"), false}}, writes: 1,
		},
		{
			name:  "new, unchanged: duplicates kept",
			seeds: []seed{{"bot", posted(run(1), "A")}, {"bot", posted(run(1), "A")}}, behavior: action.New, marker: run(2), content: "A",
			want: action.Unchanged, wantAt: 1, notes: []note{{"project_7_bot_1", posted(run(1), "A"), false}, {"project_7_bot_1", posted(run(1), "A"), false}},
		},
		{
			name:  "delete and new",
			seeds: []seed{{"bot", posted(run(1), "A")}, {"human", "LGTM"}, {"bot", posted(run(1), "A")}}, behavior: action.DeleteAndNew, marker: run(2), content: "B",
			want: action.Created, wantAt: 1, notes: []note{{"alice", "LGTM", false}, {"project_7_bot_1", posted(run(2), "B"), false}}, writes: 3,
		},
		{
			name:  "delete and new, unchanged: duplicates deleted",
			seeds: []seed{{"bot", posted(run(1), "A")}, {"human", "LGTM"}, {"bot", posted(run(1), "A")}}, behavior: action.DeleteAndNew, marker: run(2), content: "A",
			want: action.Unchanged, wantAt: 1, notes: []note{{"alice", "LGTM", false}, {"project_7_bot_1", posted(run(1), "A"), false}}, writes: 1,
		},
		{
			name:  "other keys untouched",
			seeds: []seed{{"bot", posted(keyed("prod", 1), "prod")}}, marker: run(2), content: "default",
			want: action.Created, wantAt: 1, notes: []note{{"project_7_bot_1", posted(keyed("prod", 1), "prod"), false}, {"project_7_bot_1", posted(run(2), "default"), false}}, writes: 1,
		},
		{
			name: "other users' and system notes untouched, even with a newer marker",
			seeds: []seed{
				{"human", "quoting tollgate:\n" + posted(run(9), "A")},
				{"system", posted(run(9), "added 1 commit")},
			},
			behavior: action.DeleteAndNew, marker: run(2), content: "B",
			want: action.Created, wantAt: 2,
			notes: []note{
				{"alice", "quoting tollgate:\n" + posted(run(9), "A"), false},
				{"project_7_bot_1", posted(run(9), "added 1 commit"), true},
				{"project_7_bot_1", posted(run(2), "B"), false},
			},
			writes: 1,
		},
		{
			name: "marker leading the body replaced", marker: run(2), content: run(1).String() + "\nA",
			want: action.Created, notes: []note{{"project_7_bot_1", posted(run(2), "A"), false}}, writes: 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := setup(t)
			for _, s := range tc.seeds {
				switch s.author {
				case "bot":
					e.srv.AddNote(e.project, 12, e.bot, s.body)
				case "human":
					e.srv.AddNote(e.project, 12, e.human, s.body)
				case "system":
					e.srv.AddSystemNote(e.project, 12, e.bot, s.body)
				}
			}
			writesBefore := e.srv.Writes()
			p := e.publisher(t, e.config())
			got, url, err := p.Comment(context.Background(), tc.content, tc.marker, tc.behavior)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("outcome %s, want %s", got, tc.want)
			}
			if diff := cmp.Diff(tc.notes, notes(e)); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
			if n := e.srv.Writes() - writesBefore; n != tc.writes {
				t.Errorf("%d writes, want %d", n, tc.writes)
			}
			final := e.srv.Notes(e.project, 12)
			wantURL := e.srv.URL() + "/" + projectPath + "/-/merge_requests/12#note_" + strconv.FormatInt(final[tc.wantAt].ID, 10)
			if url != wantURL {
				t.Errorf("url %s, want %s", url, wantURL)
			}
		})
	}
}

// TestCommentTwice: two runs of one job leave one note, updated.
func TestCommentTwice(t *testing.T) {
	e := setup(t)
	p := e.publisher(t, e.config())
	ctx := context.Background()
	for i, want := range []action.Outcome{action.Created, action.Unchanged, action.Updated} {
		content := "A"
		if i == 2 {
			content = "B"
		}
		got, _, err := p.Comment(ctx, content, run(i), action.Update)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("run %d: %s, want %s", i, got, want)
		}
	}
	if diff := cmp.Diff([]note{{"project_7_bot_1", posted(run(2), "B"), false}}, notes(e)); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}

func TestCommentPaginates(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    gitlabtest.Pagination
	}{
		{"headers and link", gitlabtest.HeadersAndLink},
		{"headers only", gitlabtest.HeadersOnly},
		{"link only", gitlabtest.LinkOnly},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := setup(t)
			e.srv.SetPagination(tc.p)
			for i := range 250 {
				e.srv.AddNote(e.project, 12, e.human, fmt.Sprint("comment ", i))
			}
			ours := e.srv.AddNote(e.project, 12, e.bot, posted(run(1), "A"))
			got, _, err := e.publisher(t, e.config()).Comment(context.Background(), "B", run(2), action.Update)
			if err != nil {
				t.Fatal(err)
			}
			if got != action.Updated {
				t.Errorf("outcome %s, want updated: the note on the last page was missed", got)
			}
			final := e.srv.Notes(e.project, 12)
			if len(final) != 251 || final[250].ID != ours.ID || final[250].Body != posted(run(2), "B") {
				t.Errorf("the note was not updated in place: %d notes, last %+v", len(final), final[len(final)-1])
			}
			lists := 0
			for _, r := range e.srv.Requests() {
				if r.Method == http.MethodGet && strings.HasSuffix(r.Path, "/notes") {
					lists++
				}
			}
			if lists != 3 {
				t.Errorf("%d pages read, want 3 of 100", lists)
			}
		})
	}
}

func TestProjectIdentifiers(t *testing.T) {
	e := setup(t)
	for _, project := range []string{projectPath, "group%2Fsub%2Fapp", " /group/sub/app/ ", strconv.FormatInt(e.project.ID, 10)} {
		t.Run(project, func(t *testing.T) {
			before := len(e.srv.Requests())
			cfg := e.config()
			cfg.Project = project
			if _, _, err := e.publisher(t, cfg).Comment(context.Background(), "A", run(1), action.Update); err != nil {
				t.Fatal(err)
			}
			for _, r := range e.srv.Requests()[before:] {
				if r.Status >= 400 {
					t.Errorf("%s %s: %d", r.Method, r.Path, r.Status)
				}
				if strings.Contains(r.Path, "group/sub") || strings.Contains(r.Path, "%25") {
					t.Errorf("%s %s: project path not encoded exactly once", r.Method, r.Path)
				}
			}
		})
	}
	if n := len(e.srv.Notes(e.project, 12)); n != 1 {
		t.Errorf("%d notes, want 1", n)
	}
}

func TestConfigRefused(t *testing.T) {
	e := setup(t)
	for _, tc := range []struct {
		name   string
		change func(*gitlab.Config)
		is     error
		says   []string
	}{
		{"job token flagged", func(c *gitlab.Config) { c.Token, c.JobToken = "some-job-token", true }, gitlab.ErrJobToken, []string{"CI_JOB_TOKEN", "project access token", "api scope"}},
		{"job token recognised", func(c *gitlab.Config) { c.Token = jobToken }, gitlab.ErrJobToken, []string{"CI_JOB_TOKEN"}},
		{"no token", func(c *gitlab.Config) { c.Token = " " }, gitlab.ErrNoToken, []string{"GITLAB_TOKEN"}},
		{"no project", func(c *gitlab.Config) { c.Project = "" }, nil, []string{"CI_PROJECT_ID"}},
		{"project without namespace", func(c *gitlab.Config) { c.Project = "app" }, nil, []string{`"app"`, "group/app"}},
		{"no merge request", func(c *gitlab.Config) { c.MR = 0 }, nil, []string{"CI_MERGE_REQUEST_IID", "merge_request_event"}},
		{"API URL without scheme", func(c *gitlab.Config) { c.APIURL = "gitlab.example.com/api/v4" }, nil, []string{"CI_API_V4_URL"}},
		{"API URL with the token", func(c *gitlab.Config) { c.APIURL = "ftp://" + botToken + "@gitlab.example.com" }, nil, []string{"[redacted]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := e.config()
			tc.change(&cfg)
			_, err := gitlab.New(cfg)
			if err == nil {
				t.Fatal("no error")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			msg := err.Error()
			for _, s := range tc.says {
				if !strings.Contains(msg, s) {
					t.Errorf("error %q does not say %q", msg, s)
				}
			}
			if (strings.TrimSpace(cfg.Token) != "" && strings.Contains(msg, cfg.Token)) || strings.Contains(msg, "\n") {
				t.Errorf("error %q holds the token or several lines", msg)
			}
		})
	}
	if n := len(e.srv.Requests()); n != 0 {
		t.Errorf("%d requests sent for refused configurations", n)
	}
}

func TestAPIErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*gitlab.Config)
		is     error
		status int
		says   []string
	}{
		{"revoked token", func(c *gitlab.Config) { c.Token = "glpat-REVOKED-s3cret-1234" }, gitlab.ErrUnauthorized, 401, []string{"401 Unauthorized", "GITLAB_TOKEN"}},
		{"read-only token", func(c *gitlab.Config) { c.Token = readToken }, gitlab.ErrForbidden, 403, []string{"403 Forbidden", "insufficient_scope", "api scope", "create a note on merge request !12 of project group/sub/app"}},
		{"project the token cannot see", func(c *gitlab.Config) { c.Token = strayToken }, gitlab.ErrNotFound, 404, []string{"404 Not Found", "group/sub/app does not exist or the token cannot see it"}},
		{"unknown project", func(c *gitlab.Config) { c.Project = "group/sub/other" }, gitlab.ErrNotFound, 404, []string{"group/sub/other does not exist or the token cannot see it"}},
		{"unknown merge request", func(c *gitlab.Config) { c.MR = 13 }, gitlab.ErrNotFound, 404, []string{"has no merge request !13", "CI_MERGE_REQUEST_IID"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := setup(t)
			cfg := e.config()
			tc.change(&cfg)
			_, _, err := e.publisher(t, cfg).Comment(context.Background(), "A", run(1), action.Update)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			var ge *gitlab.Error
			if !errors.As(err, &ge) || ge.Status != tc.status {
				t.Errorf("error %v is not a gitlab.Error with status %d", err, tc.status)
			}
			msg := err.Error()
			for _, s := range tc.says {
				if !strings.Contains(msg, s) {
					t.Errorf("error %q does not say %q", msg, s)
				}
			}
			if strings.Contains(msg, cfg.Token) || strings.Contains(msg, "\n") {
				t.Errorf("error %q holds the token or several lines", msg)
			}
			if n := e.srv.Writes(); n != 0 {
				t.Errorf("%d writes", n)
			}
		})
	}
}

func TestRetries(t *testing.T) {
	for _, tc := range []struct {
		name   string
		fail   []int
		waits  []time.Duration
		status int // of the error; 0 when it succeeds
	}{
		{"502 once", []int{502}, []time.Duration{time.Second}, 0},
		{"429 with Retry-After", []int{429}, []time.Duration{time.Second}, 0},
		{"503 then 502", []int{503, 502}, []time.Duration{time.Second, 2 * time.Second}, 0},
		{"502 until giving up", []int{502, 502, 502, 502}, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}, 502},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := setup(t)
			e.srv.FailNext(tc.fail...)
			got, _, err := e.publisher(t, e.config()).Comment(context.Background(), "A", run(1), action.Update)
			if diff := cmp.Diff(tc.waits, e.waits); diff != "" {
				t.Errorf("waits (-want +got):\n%s", diff)
			}
			if tc.status == 0 {
				if err != nil {
					t.Fatal(err)
				}
				if got != action.Created || len(e.srv.Notes(e.project, 12)) != 1 {
					t.Errorf("outcome %s, %d notes: want one created", got, len(e.srv.Notes(e.project, 12)))
				}
				return
			}
			var ge *gitlab.Error
			if !errors.As(err, &ge) || ge.Status != tc.status {
				t.Fatalf("error %v, want a gitlab.Error with status %d", err, tc.status)
			}
			if msg := err.Error(); !strings.Contains(msg, "try again later") || strings.Contains(msg, botToken) {
				t.Errorf("error %q", msg)
			}
		})
	}
}

func TestTooLong(t *testing.T) {
	e := setup(t)
	p := e.publisher(t, e.config())
	room := gitlab.MaxNoteLength - len([]rune(run(1).String()+"\n"))
	// Characters, not bytes: € is three bytes.
	if _, _, err := p.Comment(context.Background(), strings.Repeat("€", room), run(1), action.Update); err != nil {
		t.Fatalf("a note at the limit: %v", err)
	}
	before := len(e.srv.Requests())
	_, _, err := p.Comment(context.Background(), strings.Repeat("€", room+1), run(2), action.Update)
	var tl *gitlab.TooLongError
	if !errors.As(err, &tl) || tl.Length != gitlab.MaxNoteLength+1 {
		t.Fatalf("error %v, want a TooLongError of %d characters", err, gitlab.MaxNoteLength+1)
	}
	if !strings.Contains(err.Error(), "1000000") {
		t.Errorf("error %q does not give the limit", err)
	}
	if n := len(e.srv.Requests()) - before; n != 0 {
		t.Errorf("%d requests sent for a note that cannot be posted", n)
	}
}

func TestBadBehavior(t *testing.T) {
	e := setup(t)
	if _, _, err := e.publisher(t, e.config()).Comment(context.Background(), "A", run(1), "replace"); err == nil {
		t.Error("no error")
	}
	if n := len(e.srv.Requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

func TestUnreachable(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	e := setup(t)
	cfg := e.config()
	cfg.APIURL = dead.URL + "/api/v4"
	_, _, err := e.publisher(t, cfg).Comment(context.Background(), "A", run(1), action.Update)
	if err == nil {
		t.Fatal("no error")
	}
	if msg := err.Error(); strings.Contains(msg, botToken) || !strings.Contains(msg, "read the token's user") {
		t.Errorf("error %q", msg)
	}
}

func TestCanceled(t *testing.T) {
	e := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := e.publisher(t, e.config()).Comment(ctx, "A", run(1), action.Update)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

// TestRaces: notes that vanish between listing and changing them (a
// concurrent delete-and-new run) are no error.
func TestRaces(t *testing.T) {
	for _, tc := range []struct {
		name   string
		seeds  int
		method string
		want   action.Outcome
	}{
		{"updated note gone: created instead", 1, http.MethodPut, action.Created},
		{"updated note gone, duplicate kept for the next run", 2, http.MethodPut, action.Created},
		{"duplicate already deleted", 2, http.MethodDelete, action.Updated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := setup(t)
			for range tc.seeds {
				e.srv.AddNote(e.project, 12, e.bot, posted(run(1), "A"))
			}
			e.srv.FailMethod(tc.method, http.StatusNotFound)
			got, _, err := e.publisher(t, e.config()).Comment(context.Background(), "B", run(2), action.Update)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("outcome %s, want %s", got, tc.want)
			}
		})
	}
}

func TestForbiddenWithoutScopeProblem(t *testing.T) {
	e := setup(t)
	e.srv.FailMethod(http.MethodPost, http.StatusForbidden)
	_, _, err := e.publisher(t, e.config()).Comment(context.Background(), "A", run(1), action.Update)
	if !errors.Is(err, gitlab.ErrForbidden) || !strings.Contains(err.Error(), "Reporter role") {
		t.Errorf("error %v, want a forbidden error naming the role", err)
	}
}

// TestEndlessPagination: a server that always points at a next page does
// not keep tollgate reading forever.
func TestEndlessPagination(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.URL.Path == "/api/v4/user":
			fmt.Fprint(w, `{"id":1,"username":"bot"}`)
		case strings.HasSuffix(r.URL.Path, "/notes"):
			w.Header().Set("X-Next-Page", "2")
			fmt.Fprint(w, `[]`)
		default:
			fmt.Fprint(w, `{"iid":12,"web_url":"https://gitlab.example.com/g/a/-/merge_requests/12"}`)
		}
	}))
	defer srv.Close()
	p, err := gitlab.New(gitlab.Config{APIURL: srv.URL + "/api/v4", Project: "g/a", MR: 12, Token: botToken, HTTPClient: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = p.Comment(context.Background(), "A", run(1), action.Update)
	if err == nil || !strings.Contains(err.Error(), "more than 500 pages") {
		t.Errorf("error %v, want one about endless pages", err)
	}
}

func TestDefaultHTTPClient(t *testing.T) {
	e := setup(t)
	cfg := e.config()
	cfg.HTTPClient = nil
	got, _, err := e.publisher(t, cfg).Comment(context.Background(), "A", run(1), action.Update)
	if err != nil || got != action.Created {
		t.Errorf("outcome %s, error %v: want created", got, err)
	}
}
