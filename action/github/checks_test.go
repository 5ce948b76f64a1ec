package github_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/action/github"
	"github.com/tollgate-dev/tollgate/action/github/githubtest"
)

func annotations(n int) []github.Annotation {
	out := make([]github.Annotation, n)
	for i := range out {
		out[i] = github.Annotation{Path: fmt.Sprintf("modules/m%d/main.tf", i%7), StartLine: i + 1, Level: github.Warning, Title: "required-tags", Message: fmt.Sprintf("finding %d", i)}
	}
	return out
}

func TestChecksBatches(t *testing.T) {
	for _, tc := range []struct {
		annotations int
		requests    []int // annotations per request
	}{
		{0, []int{0}},
		{1, []int{1}},
		{50, []int{50}},
		{51, []int{50, 1}},
		{120, []int{50, 50, 20}},
	} {
		t.Run(fmt.Sprintf("%d annotations", tc.annotations), func(t *testing.T) {
			srv := fakeGitHub(t)
			p := newPublisher(t, github.Config{APIURL: srv.URL(), Token: appToken})
			sent, err := p.Checks(context.Background(), github.CheckRun{
				Conclusion: github.Failure, Title: "Gate failed", Summary: "**2 blocking findings**",
				DetailsURL: "https://github.com/acme/infra/actions/runs/1", Annotations: annotations(tc.annotations),
			})
			if err != nil {
				t.Fatal(err)
			}
			if sent != tc.annotations {
				t.Errorf("sent %d, want %d", sent, tc.annotations)
			}
			var perRequest []int
			for i, r := range srv.Requests() {
				var req struct {
					Output struct {
						Annotations []json.RawMessage `json:"annotations"`
					} `json:"output"`
				}
				if err := json.Unmarshal([]byte(r.Body), &req); err != nil {
					t.Fatal(err)
				}
				wantMethod := map[bool]string{true: "POST", false: "PATCH"}[i == 0]
				if r.Method != wantMethod || !strings.Contains(r.Path, "/check-runs") {
					t.Errorf("request %d is %s %s, want %s on check-runs", i+1, r.Method, r.Path, wantMethod)
				}
				perRequest = append(perRequest, len(req.Output.Annotations))
			}
			if diff := cmp.Diff(tc.requests, perRequest); diff != "" {
				t.Errorf("annotations per request (-want +got):\n%s", diff)
			}
			runs := srv.CheckRuns(repo)
			if len(runs) != 1 {
				t.Fatalf("%d check runs, want 1", len(runs))
			}
			run := runs[0]
			if run.Name != "tollgate" || run.HeadSHA != head || run.Status != "completed" || run.Conclusion != "failure" || run.Title != "Gate failed" || run.DetailsURL == "" {
				t.Errorf("run %+v", run)
			}
			if len(run.Annotations) != tc.annotations {
				t.Fatalf("run holds %d annotations, want %d", len(run.Annotations), tc.annotations)
			}
			for i, a := range run.Annotations {
				if a.Message != fmt.Sprintf("finding %d", i) || a.StartLine != i+1 || a.EndLine != i+1 || a.Level != "warning" {
					t.Errorf("annotation %d is %+v", i, a)
					break
				}
			}
		})
	}
}

func TestChecksFailedBatch(t *testing.T) {
	srv := fakeGitHub(t)
	srv.Fail(githubtest.Fault{Method: http.MethodPatch, Status: http.StatusInternalServerError})
	sent, err := newPublisher(t, github.Config{APIURL: srv.URL(), Token: appToken}).Checks(context.Background(), github.CheckRun{Conclusion: github.Failure, Annotations: annotations(120)})
	if err == nil || sent != 50 {
		t.Fatalf("sent %d, error %v; want 50 sent and the error", sent, err)
	}
	if !strings.Contains(err.Error(), "annotations 51-100 of 120") {
		t.Errorf("error %q does not say which batch failed", err)
	}
	if runs := srv.CheckRuns(repo); len(runs) != 1 || runs[0].Conclusion != "failure" {
		t.Errorf("the verdict did not stay in place: %+v", runs)
	}
}

func TestChecksFields(t *testing.T) {
	srv := fakeGitHub(t)
	p := newPublisher(t, github.Config{APIURL: srv.URL(), Token: appToken, Key: "prod"})
	long := strings.Repeat("ß", 70_000)
	_, err := p.Checks(context.Background(), github.CheckRun{Conclusion: github.Neutral, Title: "Gate passed", Summary: long, Text: long,
		Annotations: []github.Annotation{
			{Path: "main.tf", Title: strings.Repeat("r", 300), Message: strings.Repeat("€", 30_000)},
			{Path: "", StartLine: 4, Message: "no path: left out"},
		}})
	if err != nil {
		t.Fatal(err)
	}
	run := srv.CheckRuns(repo)[0]
	if run.Name != "tollgate (prod)" || run.Conclusion != "neutral" {
		t.Errorf("name %q conclusion %q", run.Name, run.Conclusion)
	}
	if n := utf8.RuneCountInString(run.Summary); n > githubtest.MaxSummaryLength || !strings.Contains(run.Summary, "tollgate cut this summary") {
		t.Errorf("summary of %d characters, cut note missing or too long", n)
	}
	if len(run.Annotations) != 1 {
		t.Fatalf("annotations %+v", run.Annotations)
	}
	a := run.Annotations[0]
	if a.StartLine != 1 || a.EndLine != 1 || a.Level != "notice" || utf8.RuneCountInString(a.Title) != 255 || len(a.Message) > 64*1024 || !utf8.ValidString(a.Message) {
		t.Errorf("annotation not fitted to GitHub's limits: line %d-%d level %s title %d message %d bytes", a.StartLine, a.EndLine, a.Level, len(a.Title), len(a.Message))
	}
}

func TestChecksRejects(t *testing.T) {
	srv := fakeGitHub(t)
	p := newPublisher(t, github.Config{APIURL: srv.URL(), Token: appToken})
	if _, err := p.Checks(context.Background(), github.CheckRun{Conclusion: "cancelled"}); err == nil {
		t.Error("accepted a conclusion tollgate never gives")
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

func TestStatus(t *testing.T) {
	for _, tc := range []struct {
		name        string
		key         string
		passed      bool
		description string
		want        githubtest.Status
	}{
		{"passed", "", true, "Gate passed: $146.07/month (+$146.07)", githubtest.Status{State: "success", Context: "tollgate", Description: "Gate passed: $146.07/month (+$146.07)"}},
		{"failed with a key", "prod", false, "2 blocking findings", githubtest.Status{State: "failure", Context: "tollgate (prod)", Description: "2 blocking findings"}},
		{"long description is cut", "", false, strings.Repeat("é", 200), githubtest.Status{State: "failure", Context: "tollgate", Description: strings.Repeat("é", 139) + "…"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := fakeGitHub(t)
			p := newPublisher(t, github.Config{APIURL: srv.URL(), Token: patToken, Key: tc.key})
			if err := p.Status(context.Background(), tc.passed, tc.description, "https://ci.example/run/1"); err != nil {
				t.Fatal(err)
			}
			want := tc.want
			want.SHA, want.TargetURL, want.Creator = head, "https://ci.example/run/1", alice
			if diff := cmp.Diff([]githubtest.Status{want}, srv.Statuses(repo)); diff != "" {
				t.Errorf("statuses (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNoHeadCommit(t *testing.T) {
	p, err := github.New(github.Config{Repo: repo, PR: pr, Token: appToken, APIURL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Checks(context.Background(), github.CheckRun{Conclusion: github.Success}); err == nil || !strings.Contains(err.Error(), "head SHA") {
		t.Errorf("check run without a head commit: %v", err)
	}
	if err := p.Status(context.Background(), true, "ok", ""); err == nil || !strings.Contains(err.Error(), "head SHA") {
		t.Errorf("status without a head commit: %v", err)
	}
}
