package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tollgate-dev/tollgate/action/github/githubtest"
	"github.com/tollgate-dev/tollgate/action/gitlab/gitlabtest"
)

// TestCommentScripts runs the scenarios of testdata/comment/*.txtar with a
// fake GitHub and a fake GitLab per script: `tollgate comment` runs as a
// real process against them, and the fake-* commands look at what they
// hold. The GitHub fake has pull request acme/infra#7 (head commit
// headsha) and accepts the tokens app-token (GITHUB_TOKEN of a workflow),
// fork-token (read-only) and pat-token (a personal access token); the
// GitLab fake has merge request group/infra!3, writable with glpat-token.
func TestCommentScripts(t *testing.T) {
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/comment",
		Setup: func(env *testscript.Env) error {
			gh := githubtest.NewServer()
			env.Defer(gh.Close)
			gh.AddToken("app-token", githubtest.Token{Kind: githubtest.App})
			gh.AddToken("fork-token", githubtest.Token{Kind: githubtest.ReadOnly})
			gh.AddToken("pat-token", githubtest.Token{Kind: githubtest.Personal, Login: "dev"})
			gh.AddPullRequest("acme/infra", 7, "headsha")

			gl := gitlabtest.NewServer(t)
			dev := gl.AddUser("dev", "glpat-token")
			project := gl.AddProject("group/infra", dev)
			gl.AddMergeRequest(project, 3)
			gl.AddJobToken("glcbt-jobtoken", project)

			env.Values["github"], env.Values["gitlab"], env.Values["project"] = gh, gl, project
			env.Setenv("EXAMPLES", examples)
			env.Setenv("GITHUB_API_URL", gh.URL())
			env.Setenv("CI_API_V4_URL", gl.APIURL())
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// fake-github-comments N [REGEX]: acme/infra#7 has N comments,
			// the last matching REGEX.
			"fake-github-comments": func(ts *testscript.TestScript, neg bool, args []string) {
				var bodies []string
				for _, c := range ts.Value("github").(*githubtest.Server).Comments("acme/infra", 7) {
					bodies = append(bodies, c.Body)
				}
				checkCount(ts, neg, "comments", bodies, args)
			},
			// fake-github-checks N ANNOTATIONS [CONCLUSION]: N check runs,
			// the last with that many annotations and that conclusion.
			"fake-github-checks": func(ts *testscript.TestScript, neg bool, args []string) {
				runs := ts.Value("github").(*githubtest.Server).CheckRuns("acme/infra")
				want := atoi(ts, args[0])
				if len(runs) != want {
					ts.Fatalf("%d check runs, want %d", len(runs), want)
				}
				if want == 0 {
					return
				}
				last := runs[len(runs)-1]
				if n := atoi(ts, args[1]); len(last.Annotations) != n || last.HeadSHA != "headsha" {
					ts.Fatalf("check run with %d annotations on %s, want %d on headsha", len(last.Annotations), last.HeadSHA, n)
				}
				if len(args) > 2 && last.Conclusion != args[2] {
					ts.Fatalf("conclusion %s, want %s", last.Conclusion, args[2])
				}
			},
			// fake-github-statuses N [STATE]
			"fake-github-statuses": func(ts *testscript.TestScript, neg bool, args []string) {
				statuses := ts.Value("github").(*githubtest.Server).Statuses("acme/infra")
				if len(statuses) != atoi(ts, args[0]) {
					ts.Fatalf("%d statuses, want %s", len(statuses), args[0])
				}
				if len(args) > 1 && statuses[len(statuses)-1].State != args[1] {
					ts.Fatalf("status %s, want %s", statuses[len(statuses)-1].State, args[1])
				}
			},
			// fake-gitlab-notes N [REGEX]: group/infra!3 has N notes.
			"fake-gitlab-notes": func(ts *testscript.TestScript, neg bool, args []string) {
				gl := ts.Value("gitlab").(*gitlabtest.Server)
				var bodies []string
				for _, n := range gl.Notes(ts.Value("project").(*gitlabtest.Project), 3) {
					bodies = append(bodies, n.Body)
				}
				checkCount(ts, neg, "notes", bodies, args)
			},
		},
	})
}

func checkCount(ts *testscript.TestScript, neg bool, what string, bodies []string, args []string) {
	if neg {
		ts.Fatalf("negation is not supported")
	}
	if want := atoi(ts, args[0]); len(bodies) != want {
		ts.Fatalf("%d %s, want %d", len(bodies), what, want)
	}
	if len(args) > 1 {
		last := bodies[len(bodies)-1]
		if !regexp.MustCompile(args[1]).MatchString(last) {
			ts.Fatalf("the last of the %s does not match %q:\n%s", what, args[1], last)
		}
	}
}

func atoi(ts *testscript.TestScript, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		ts.Fatalf("%s", fmt.Sprintf("not a number: %q", s))
	}
	return n
}
