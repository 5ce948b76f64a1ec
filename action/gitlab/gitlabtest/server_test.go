package gitlabtest_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	gl "gitlab.com/gitlab-org/api/client-go"

	"github.com/tollgate-dev/tollgate/action/gitlab/gitlabtest"
)

const (
	botToken   = "glpat-bot-secret"
	humanToken = "glpat-human-secret"
	readToken  = "glpat-read-secret"
	jobToken   = "glcbt-job-secret"
)

type fixture struct {
	srv        *gitlabtest.Server
	bot, human *gitlabtest.User
	project    *gitlabtest.Project
}

func setup(t *testing.T) fixture {
	t.Helper()
	srv := gitlabtest.NewServer(t)
	bot := srv.AddUser("project_7_bot", botToken)
	human := srv.AddUser("alice", humanToken)
	reader := srv.AddUser("reader", readToken, gitlabtest.ScopeReadAPI)
	p := srv.AddProject("group/sub/app", bot, human, reader)
	srv.AddMergeRequest(p, 12)
	srv.AddJobToken(jobToken, p)
	return fixture{srv: srv, bot: bot, human: human, project: p}
}

// client is the real GitLab client, without its own retries.
func client(t *testing.T, srv *gitlabtest.Server, token string, job bool) *gl.Client {
	t.Helper()
	opts := []gl.ClientOptionFunc{gl.WithBaseURL(srv.APIURL()), gl.WithoutRetries(), gl.WithURLWarningLogger(slog.New(slog.DiscardHandler))}
	var c *gl.Client
	var err error
	if job {
		c, err = gl.NewJobClient(token, opts...)
	} else {
		c, err = gl.NewClient(token, opts...)
	}
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func status(resp *gl.Response) int {
	if resp == nil {
		return 0
	}
	return resp.StatusCode
}

func TestAuthentication(t *testing.T) {
	f := setup(t)
	body := "hello"
	for _, tc := range []struct {
		name  string
		token string
		job   bool
		write int // status of creating a note
		read  int // status of listing notes
	}{
		{"no token", "", false, 401, 401},
		{"unknown token", "glpat-nope", false, 401, 401},
		{"job token", jobToken, true, 403, 200},
		{"read_api token", readToken, false, 403, 200},
		{"api token", botToken, false, 201, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := client(t, f.srv, tc.token, tc.job)
			_, resp, _ := c.Notes.CreateMergeRequestNote(f.project.Path, 12, &gl.CreateMergeRequestNoteOptions{Body: &body})
			if got := status(resp); got != tc.write {
				t.Errorf("create: status %d, want %d", got, tc.write)
			}
			_, resp, _ = c.Notes.ListMergeRequestNotes(f.project.ID, 12, nil)
			if got := status(resp); got != tc.read {
				t.Errorf("list: status %d, want %d", got, tc.read)
			}
		})
	}
	if got := len(f.srv.Notes(f.project, 12)); got != 1 {
		t.Errorf("%d notes, want the api token's only", got)
	}
}

func TestProjectPaths(t *testing.T) {
	f := setup(t)
	f.srv.AddUser("mallory", "glpat-outsider")
	for _, tc := range []struct {
		name   string
		path   string // as sent, after /api/v4/
		token  string
		status int
	}{
		{"numeric id", fmt.Sprintf("projects/%d/merge_requests/12/notes", f.project.ID), botToken, 200},
		{"encoded path", "projects/group%2Fsub%2Fapp/merge_requests/12/notes", botToken, 200},
		{"encoded path, other case", "projects/Group%2FSub%2FApp/merge_requests/12/notes", botToken, 200},
		{"unencoded path", "projects/group/sub/app/merge_requests/12/notes", botToken, 404},
		{"unencoded two-part path", "projects/group/app/merge_requests/12/notes", botToken, 404},
		{"unknown project", "projects/group%2Fother/merge_requests/12/notes", botToken, 404},
		{"not a member", "projects/group%2Fsub%2Fapp/merge_requests/12/notes", "glpat-outsider", 404},
		{"unknown merge request", "projects/group%2Fsub%2Fapp/merge_requests/13/notes", botToken, 404},
		{"project", "projects/group%2Fsub%2Fapp", botToken, 200},
		{"merge request", "projects/group%2Fsub%2Fapp/merge_requests/12", botToken, 200},
		{"user", "user", botToken, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, f.srv.APIURL()+"/"+tc.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("PRIVATE-TOKEN", tc.token)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tc.status, b)
			}
		})
	}
}

func TestNoteAuthorship(t *testing.T) {
	f := setup(t)
	human := f.srv.AddNote(f.project, 12, f.human, "LGTM")
	system := f.srv.AddSystemNote(f.project, 12, f.bot, "added 1 commit")
	bot := client(t, f.srv, botToken, false)
	body := "edited"
	for _, id := range []int64{human.ID, system.ID} {
		if _, resp, _ := bot.Notes.UpdateMergeRequestNote(f.project.Path, 12, id, &gl.UpdateMergeRequestNoteOptions{Body: &body}); status(resp) != 403 {
			t.Errorf("update of note %d: status %d, want 403", id, status(resp))
		}
		if resp, _ := bot.Notes.DeleteMergeRequestNote(f.project.Path, 12, id); status(resp) != 403 {
			t.Errorf("delete of note %d: status %d, want 403", id, status(resp))
		}
	}
	own, _, err := bot.Notes.CreateMergeRequestNote(f.project.Path, 12, &gl.CreateMergeRequestNoteOptions{Body: &body})
	if err != nil {
		t.Fatal(err)
	}
	changed := "changed"
	if _, _, err := bot.Notes.UpdateMergeRequestNote(f.project.Path, 12, own.ID, &gl.UpdateMergeRequestNoteOptions{Body: &changed}); err != nil {
		t.Fatal(err)
	}
	got := f.srv.Notes(f.project, 12)
	want := []string{"LGTM", "added 1 commit", "changed"}
	var bodies []string
	for _, n := range got {
		bodies = append(bodies, n.Body)
	}
	if diff := cmp.Diff(want, bodies); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	if _, err := bot.Notes.DeleteMergeRequestNote(f.project.Path, 12, own.ID); err != nil {
		t.Fatal(err)
	}
	if n := len(f.srv.Notes(f.project, 12)); n != 2 {
		t.Errorf("%d notes after deleting the bot's, want 2", n)
	}
}

func TestNoteLength(t *testing.T) {
	f := setup(t)
	bot := client(t, f.srv, botToken, false)
	for _, tc := range []struct {
		name   string
		body   string
		status int
	}{
		{"at the limit, multibyte", strings.Repeat("€", gitlabtest.MaxNoteLength), 201},
		{"over the limit", strings.Repeat("a", gitlabtest.MaxNoteLength+1), 400},
		{"empty", "", 400},
		{"blank", " \n", 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, resp, _ := bot.Notes.CreateMergeRequestNote(f.project.Path, 12, &gl.CreateMergeRequestNoteOptions{Body: &tc.body})
			if status(resp) != tc.status {
				t.Errorf("status %d, want %d", status(resp), tc.status)
			}
		})
	}
}

func TestPagination(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    gitlabtest.Pagination
	}{
		{"headers and link", gitlabtest.HeadersAndLink},
		{"headers only", gitlabtest.HeadersOnly},
		{"link only", gitlabtest.LinkOnly},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := setup(t)
			f.srv.SetPagination(tc.p)
			f.srv.SetMaxPerPage(3)
			var want []int64
			for i := range 10 {
				want = append(want, f.srv.AddNote(f.project, 12, f.human, fmt.Sprint("note ", i)).ID)
			}
			bot := client(t, f.srv, botToken, false)
			opts := &gl.ListMergeRequestNotesOptions{ListOptions: gl.ListOptions{PerPage: 100}, Sort: gl.Ptr("asc")}
			notes, err := gl.ScanAndCollect(func(p gl.PaginationOptionFunc) ([]*gl.Note, *gl.Response, error) {
				return bot.Notes.ListMergeRequestNotes(f.project.Path, 12, opts, p)
			})
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, n := range notes {
				got = append(got, n.ID)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("note ids (-want +got):\n%s", diff)
			}
			if n := len(f.srv.Requests()); n != 4 {
				t.Errorf("%d requests, want 4 pages", n)
			}
		})
	}
}

func TestDefaultOrderIsNewestFirst(t *testing.T) {
	f := setup(t)
	first := f.srv.AddNote(f.project, 12, f.human, "first")
	second := f.srv.AddNote(f.project, 12, f.human, "second")
	notes, _, err := client(t, f.srv, botToken, false).Notes.ListMergeRequestNotes(f.project.ID, 12, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 || notes[0].ID != second.ID || notes[1].ID != first.ID {
		t.Errorf("notes not newest first: %v", notes)
	}
}

func TestFailNext(t *testing.T) {
	f := setup(t)
	f.srv.FailNext(502, 429)
	bot := client(t, f.srv, botToken, false)
	for _, want := range []int{502, 429, 200} {
		_, resp, _ := bot.Users.CurrentUser()
		if status(resp) != want {
			t.Errorf("status %d, want %d", status(resp), want)
		}
		if want == 429 && resp.Header.Get("Retry-After") == "" {
			t.Error("429 without Retry-After")
		}
	}
	reqs := f.srv.Requests()
	if len(reqs) != 3 || reqs[0].Auth != "private-token" || reqs[0].Path != "/api/v4/user" {
		t.Errorf("requests: %+v", reqs)
	}
}

func TestFailMethod(t *testing.T) {
	f := setup(t)
	f.srv.FailMethod(http.MethodPost, 404)
	bot := client(t, f.srv, botToken, false)
	if _, resp, _ := bot.Users.CurrentUser(); status(resp) != 200 {
		t.Errorf("GET answered %d: only POST should fail", status(resp))
	}
	body := "x"
	for _, want := range []int{404, 201} {
		if _, resp, _ := bot.Notes.CreateMergeRequestNote(f.project.ID, 12, &gl.CreateMergeRequestNoteOptions{Body: &body}); status(resp) != want {
			t.Errorf("POST answered %d, want %d", status(resp), want)
		}
	}
	if n := f.srv.Writes(); n != 1 {
		t.Errorf("%d writes, want 1", n)
	}
}
