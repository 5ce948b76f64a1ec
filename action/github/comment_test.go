package github_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/action"
	"github.com/tollgate-dev/tollgate/action/github"
	"github.com/tollgate-dev/tollgate/action/github/githubtest"
)

// post is one run of tollgate: it posts a body with a marker.
type post struct {
	seed     func(*githubtest.Server) // comments others write before this run
	marker   action.Marker
	text     string
	behavior action.Behavior
	want     action.Outcome
}

// left is a comment on the pull request at the end.
type left struct {
	Author string
	Body   string
}

var (
	bot   = githubtest.User{Login: "github-actions[bot]", Type: "Bot"}
	alice = githubtest.User{Login: "alice", Type: "User"}
	bob   = githubtest.User{Login: "bob", Type: "User"}
	other = githubtest.User{Login: "dependabot[bot]", Type: "Bot"}
)

func TestComment(t *testing.T) {
	for _, tc := range []struct {
		name       string
		token      string // appToken when ""
		enterprise bool
		pageSize   int
		posts      []post
		want       []left
		wantWrites int
	}{
		{
			name: "first post creates, the same post again is unchanged",
			posts: []post{
				{marker: marker(0, "c1"), text: "A", want: action.Created},
				{marker: marker(0, "c1"), text: "A", want: action.Unchanged},
			},
			want:       []left{{bot.Login, body(marker(0, "c1"), "A")}},
			wantWrites: 1,
		},
		{
			name: "a changed body is edited in place",
			posts: []post{
				{marker: marker(0, "c1"), text: "A", want: action.Created},
				{marker: marker(5, "c2"), text: "B", want: action.Updated},
			},
			want:       []left{{bot.Login, body(marker(5, "c2"), "B")}},
			wantWrites: 2,
		},
		{
			name: "a re-run of the same commit with the same result posts nothing",
			posts: []post{
				{marker: marker(0, "c1"), text: "A", want: action.Created},
				{marker: marker(5, "c1"), text: "A", want: action.Unchanged},
			},
			want:       []left{{bot.Login, body(marker(0, "c1"), "A")}},
			wantWrites: 1,
		},
		{
			name: "the same result on a new commit updates the marker",
			posts: []post{
				{marker: marker(0, "c1"), text: "A", want: action.Created},
				{marker: marker(5, "c2"), text: "A", want: action.Updated},
			},
			want:       []left{{bot.Login, body(marker(5, "c2"), "A")}},
			wantWrites: 2,
		},
		{
			name: "duplicates left by concurrent runs are deleted",
			posts: []post{
				{seed: func(s *githubtest.Server) {
					s.AddComment(repo, pr, bot, body(marker(0, "c1"), "A"))
					s.AddComment(repo, pr, alice, "looks expensive")
					s.AddComment(repo, pr, bot, body(marker(1, "c1"), "A"))
					s.AddComment(repo, pr, bot, body(marker(2, "c1"), "A"))
				}, marker: marker(5, "c2"), text: "B", want: action.Updated},
			},
			want: []left{
				{alice.Login, "looks expensive"},
				{bot.Login, body(marker(5, "c2"), "B")},
			},
			wantWrites: 3,
		},
		{
			name: "duplicates are deleted even when the newest is unchanged",
			posts: []post{
				{seed: func(s *githubtest.Server) {
					s.AddComment(repo, pr, bot, body(marker(0, "c1"), "old"))
					s.AddComment(repo, pr, bot, body(marker(2, "c2"), "B"))
				}, marker: marker(2, "c2"), text: "B", want: action.Unchanged},
			},
			want:       []left{{bot.Login, body(marker(2, "c2"), "B")}},
			wantWrites: 1,
		},
		{
			name: "an older run finishing late leaves the newer comment alone",
			posts: []post{
				{marker: marker(10, "c2"), text: "new", want: action.Created},
				{marker: marker(3, "c1"), text: "old", want: action.Skipped},
				{marker: marker(3, "c1"), text: "old", behavior: action.New, want: action.Skipped},
				{marker: marker(3, "c1"), text: "old", behavior: action.DeleteAndNew, want: action.Skipped},
			},
			want:       []left{{bot.Login, body(marker(10, "c2"), "new")}},
			wantWrites: 1,
		},
		{
			name: "new adds a comment per run",
			posts: []post{
				{marker: marker(0, "c1"), text: "A", behavior: action.New, want: action.Created},
				{marker: marker(5, "c2"), text: "B", behavior: action.New, want: action.Created},
				{marker: marker(5, "c2"), text: "B", behavior: action.New, want: action.Unchanged},
			},
			want: []left{
				{bot.Login, body(marker(0, "c1"), "A")},
				{bot.Login, body(marker(5, "c2"), "B")},
			},
			wantWrites: 2,
		},
		{
			name: "delete-and-new puts the result last",
			posts: []post{
				{marker: marker(0, "c1"), text: "A", want: action.Created},
				{seed: func(s *githubtest.Server) {
					s.AddComment(repo, pr, alice, "please check the budget")
				}, marker: marker(5, "c2"), text: "B", behavior: action.DeleteAndNew, want: action.Created},
			},
			want: []left{
				{alice.Login, "please check the budget"},
				{bot.Login, body(marker(5, "c2"), "B")},
			},
			wantWrites: 3,
		},
		{
			name: "comments of others that look like ours are not touched",
			posts: []post{
				{seed: func(s *githubtest.Server) {
					s.AddComment(repo, pr, alice, "> "+body(marker(0, "c1"), "A")+"\nwhy so expensive?")
					s.AddComment(repo, pr, bob, body(marker(0, "c1"), "copied by hand"))
					s.AddComment(repo, pr, other, body(action.Marker{Key: "prod", Commit: "c1", Time: t0}, "another job"))
					s.AddComment(repo, pr, other, "tollgate: <!-- tollgate:comment --> mentioned")
					s.AddComment(repo, pr, other, "Quoting:\n> "+body(marker(0, "c1"), "A"))
				}, marker: marker(1, "c1"), text: "A", want: action.Created},
				{marker: marker(2, "c2"), text: "B", want: action.Updated},
			},
			want: []left{
				{alice.Login, "> " + body(marker(0, "c1"), "A") + "\nwhy so expensive?"},
				{bob.Login, body(marker(0, "c1"), "copied by hand")},
				{other.Login, body(action.Marker{Key: "prod", Commit: "c1", Time: t0}, "another job")},
				{other.Login, "tollgate: <!-- tollgate:comment --> mentioned"},
				{other.Login, "Quoting:\n> " + body(marker(0, "c1"), "A")},
				{bot.Login, body(marker(2, "c2"), "B")},
			},
			wantWrites: 2,
		},
		{
			name:  "a personal token owns only its user's comments",
			token: patToken,
			posts: []post{
				{seed: func(s *githubtest.Server) {
					s.AddComment(repo, pr, bot, body(marker(0, "c1"), "from GITHUB_TOKEN"))
					s.AddComment(repo, pr, bob, body(marker(0, "c1"), "bob's"))
				}, marker: marker(1, "c1"), text: "A", want: action.Created},
				{marker: marker(2, "c2"), text: "B", want: action.Updated},
			},
			want: []left{
				{bot.Login, body(marker(0, "c1"), "from GITHUB_TOKEN")},
				{bob.Login, body(marker(0, "c1"), "bob's")},
				{alice.Login, body(marker(2, "c2"), "B")},
			},
			wantWrites: 2,
		},
		{
			name:     "the comment is found on a later page",
			pageSize: 2,
			posts: []post{
				{seed: func(s *githubtest.Server) {
					for range 5 {
						s.AddComment(repo, pr, alice, "chatter")
					}
					s.AddComment(repo, pr, bot, body(marker(0, "c1"), "A"))
				}, marker: marker(5, "c2"), text: "B", want: action.Updated},
			},
			want: []left{
				{alice.Login, "chatter"}, {alice.Login, "chatter"}, {alice.Login, "chatter"},
				{alice.Login, "chatter"}, {alice.Login, "chatter"},
				{bot.Login, body(marker(5, "c2"), "B")},
			},
			wantWrites: 1,
		},
		{
			name: "jobs with other keys keep their own comments",
			posts: []post{
				{marker: action.Marker{Key: "prod", Commit: "c1", Time: t0}, text: "prod", want: action.Created},
				{marker: action.Marker{Key: "dev", Commit: "c1", Time: t0}, text: "dev", want: action.Created},
				{marker: action.Marker{Key: "prod", Commit: "c2", Time: t0.Add(1e9)}, text: "prod 2", want: action.Updated},
			},
			want: []left{
				{bot.Login, body(action.Marker{Key: "prod", Commit: "c2", Time: t0.Add(1e9)}, "prod 2")},
				{bot.Login, body(action.Marker{Key: "dev", Commit: "c1", Time: t0}, "dev")},
			},
			wantWrites: 3,
		},
		{
			name:       "GitHub Enterprise Server",
			enterprise: true,
			posts: []post{
				{marker: marker(0, "c1"), text: "A", want: action.Created},
				{marker: marker(5, "c2"), text: "B", want: action.Updated},
			},
			want:       []left{{bot.Login, body(marker(5, "c2"), "B")}},
			wantWrites: 2,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := fakeGitHub(t)
			if tc.pageSize > 0 {
				srv.SetPageSize(tc.pageSize)
			}
			api := srv.URL()
			if tc.enterprise {
				api = srv.EnterpriseURL()
			}
			token := tc.token
			if token == "" {
				token = appToken
			}
			for i, p := range tc.posts {
				if p.seed != nil {
					p.seed(srv)
				}
				pub := newPublisher(t, github.Config{APIURL: api, Token: token})
				b := body(p.marker, p.text)
				got, url, err := pub.Comment(context.Background(), b, p.marker, p.behavior)
				if err != nil {
					t.Fatalf("post %d: %v", i+1, err)
				}
				if got != p.want {
					t.Errorf("post %d: outcome %s, want %s", i+1, got, p.want)
				}
				checkURL(t, srv, url, got, b)
			}
			var gotLeft []left
			for _, c := range srv.Comments(repo, pr) {
				gotLeft = append(gotLeft, left{c.Author.Login, c.Body})
			}
			if diff := cmp.Diff(tc.want, gotLeft); diff != "" {
				t.Errorf("comments left (-want +got):\n%s", diff)
			}
			reqs := srv.Requests()
			if got := writes(reqs); got != tc.wantWrites {
				t.Errorf("%d write requests, want %d", got, tc.wantWrites)
			}
			for _, r := range reqs {
				if tc.enterprise != strings.HasPrefix(r.Path, "/api/v3/") {
					t.Errorf("request %s %s: enterprise prefix wrong", r.Method, r.Path)
				}
			}
		})
	}
}

// checkURL checks that the URL returned is that of a comment on the pull
// request, and for a post that wrote, of the body posted.
func checkURL(t *testing.T, srv *githubtest.Server, url string, outcome action.Outcome, posted string) {
	t.Helper()
	for _, c := range srv.Comments(repo, pr) {
		if c.HTMLURL != url {
			continue
		}
		if (outcome == action.Created || outcome == action.Updated) && c.Body != posted {
			t.Errorf("%s comment %s holds %q, not the body posted", outcome, url, c.Body)
		}
		return
	}
	t.Errorf("%s: URL %q is not a comment on the pull request", outcome, url)
}

func TestCommentEditsInPlace(t *testing.T) {
	srv := fakeGitHub(t)
	for i, text := range []string{"A", "B", "C"} {
		m := marker(i, "c"+text)
		if _, _, err := newPublisher(t, github.Config{APIURL: srv.URL(), Token: appToken}).Comment(context.Background(), body(m, text), m, action.Update); err != nil {
			t.Fatal(err)
		}
	}
	cs := srv.Comments(repo, pr)
	if len(cs) != 1 || cs[0].Edits != 2 {
		t.Fatalf("want one comment edited twice, got %+v", cs)
	}
}

func TestCommentLastPage(t *testing.T) {
	srv := fakeGitHub(t)
	srv.SetPageSize(2)
	for range 5 {
		srv.AddComment(repo, pr, alice, "chatter")
	}
	m := marker(0, "c1")
	if _, _, err := newPublisher(t, github.Config{APIURL: srv.URL(), Token: appToken}).Comment(context.Background(), body(m, "A"), m, action.Update); err != nil {
		t.Fatal(err)
	}
	pages := map[string]bool{}
	for _, r := range srv.Requests() {
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/comments") {
			pages[r.Query] = true
		}
	}
	if len(pages) != 3 {
		t.Errorf("listed pages %v, want all 3 pages of 5 comments", pages)
	}
}

func TestCommentMarkerAdded(t *testing.T) {
	srv := fakeGitHub(t)
	m := marker(0, "c1")
	pub := newPublisher(t, github.Config{APIURL: srv.URL(), Token: appToken})
	if _, _, err := pub.Comment(context.Background(), "no marker here", m, action.Update); err != nil {
		t.Fatal(err)
	}
	out, _, err := pub.Comment(context.Background(), "no marker here", m, action.Update)
	if err != nil || out != action.Unchanged {
		t.Fatalf("second post: %s, %v; want unchanged", out, err)
	}
	if cs := srv.Comments(repo, pr); len(cs) != 1 || !strings.HasPrefix(cs[0].Body, m.String()+"\n") {
		t.Errorf("comments %+v: want one, starting with the marker", cs)
	}
}

func TestCommentTooLong(t *testing.T) {
	srv := fakeGitHub(t)
	m := marker(0, "c1")
	long := m.String() + "\n<details><summary>all</summary>\n\n```\n" + strings.Repeat("aws_instance.web  $70.08 ✓\n", 4000)
	out, _, err := newPublisher(t, github.Config{APIURL: srv.URL(), Token: appToken}).Comment(context.Background(), long, m, action.Update)
	if err != nil || out != action.Created {
		t.Fatalf("%s, %v; want the comment cut and created", out, err)
	}
	got := srv.Comments(repo, pr)[0].Body
	if n := len([]rune(got)); n > github.MaxCommentLength {
		t.Errorf("posted %d characters", n)
	}
	if strings.Count(got, "```")%2 != 0 {
		t.Error("the cut left a code fence open")
	}
	for _, want := range []string{m.String(), "</details>", "tollgate cut this comment"} {
		if !strings.Contains(got, want) {
			t.Errorf("cut body lacks %q", want)
		}
	}
}

func TestCommentBadBehavior(t *testing.T) {
	srv := fakeGitHub(t)
	_, _, err := newPublisher(t, github.Config{APIURL: srv.URL(), Token: appToken}).Comment(context.Background(), "x", marker(0, "c1"), "replace")
	if err == nil || !strings.Contains(err.Error(), "update, new or delete-and-new") {
		t.Errorf("error %v, want the behaviours listed", err)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent for a bad behaviour", n)
	}
}
