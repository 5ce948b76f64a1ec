package githubtest_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/action/github/githubtest"
)

const (
	repo = "acme/infra"
	head = "1a2b3c4d"
	app  = "ghs_app"
	pat  = "ghp_pat"
	fork = "ghs_fork"
)

func server(t *testing.T) *githubtest.Server {
	t.Helper()
	s := githubtest.NewServer()
	t.Cleanup(s.Close)
	s.AddToken(app, githubtest.Token{Kind: githubtest.App})
	s.AddToken(pat, githubtest.Token{Kind: githubtest.Personal, Login: "alice"})
	s.AddToken(fork, githubtest.Token{Kind: githubtest.ReadOnly})
	s.AddPullRequest(repo, 7, head)
	return s
}

// do sends a request the way GitHub's clients do, raw, so that the fake's
// rules are tested on their own.
func do(t *testing.T, base, token, method, path, body string) (int, http.Header, map[string]any) {
	t.Helper()
	status, header, data := send(t, base, token, method, path, body)
	var doc map[string]any
	json.Unmarshal(data, &doc) // lists and empty bodies stay nil
	return status, header, doc
}

func send(t *testing.T, base, token, method, path, body string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, data
}

func annotationsJSON(n int) string {
	var parts []string
	for i := range n {
		parts = append(parts, fmt.Sprintf(`{"path":"main.tf","start_line":%d,"end_line":%d,"annotation_level":"warning","message":"m"}`, i+1, i+1))
	}
	return "[" + strings.Join(parts, ",") + "]"
}

func TestRules(t *testing.T) {
	checkRun := func(anns string) string {
		return `{"name":"tollgate","head_sha":"` + head + `","conclusion":"failure","output":{"title":"t","summary":"s","annotations":` + anns + `}}`
	}
	for _, tc := range []struct {
		name, token, method, path, body string
		status                          int
		message                         string // in "message" or the first of "errors"
	}{
		{"no token", "", "GET", "/repos/acme/infra/issues/7/comments", "", 401, "Requires authentication"},
		{"unknown token", "ghp_nope", "GET", "/repos/acme/infra/issues/7/comments", "", 401, "Bad credentials"},
		{"app may list", app, "GET", "/repos/acme/infra/issues/7/comments", "", 200, ""},
		{"fork may list", fork, "GET", "/repos/acme/infra/issues/7/comments", "", 200, ""},
		{"fork may not comment", fork, "POST", "/repos/acme/infra/issues/7/comments", `{"body":"x"}`, 403, "Resource not accessible by integration"},
		{"fork may not create check runs", fork, "POST", "/repos/acme/infra/check-runs", checkRun("[]"), 403, "Resource not accessible by integration"},
		{"fork may not set statuses", fork, "POST", "/repos/acme/infra/statuses/" + head, `{"state":"success"}`, 403, "Resource not accessible by integration"},
		{"personal token has a user", pat, "GET", "/user", "", 200, ""},
		{"installation token has none", app, "GET", "/user", "", 403, "Resource not accessible by integration"},
		{"personal token may not create check runs", pat, "POST", "/repos/acme/infra/check-runs", checkRun("[]"), 403, "You must authenticate via a GitHub App."},
		{"personal token may set statuses", pat, "POST", "/repos/acme/infra/statuses/" + head, `{"state":"success","context":"tollgate"}`, 201, ""},
		{"50 annotations", app, "POST", "/repos/acme/infra/check-runs", checkRun(annotationsJSON(50)), 201, ""},
		{"51 annotations", app, "POST", "/repos/acme/infra/check-runs", checkRun(annotationsJSON(51)), 422, "No more than 50 items are allowed; 51 were supplied."},
		{"annotation without level", app, "POST", "/repos/acme/infra/check-runs", checkRun(`[{"path":"a.tf","start_line":1,"end_line":1,"message":"m"}]`), 422, "is not a member of"},
		{"check run on an unknown commit", app, "POST", "/repos/acme/infra/check-runs", strings.Replace(checkRun("[]"), head, "deadbeef", 1), 422, "No commit found for SHA: deadbeef"},
		{"comment of 65,536 characters", app, "POST", "/repos/acme/infra/issues/7/comments", `{"body":"` + strings.Repeat("é", 65536) + `"}`, 201, ""},
		{"comment of 65,537 characters", app, "POST", "/repos/acme/infra/issues/7/comments", `{"body":"` + strings.Repeat("a", 65537) + `"}`, 422, "Body is too long (maximum is 65536 characters)"},
		{"status description over 140", app, "POST", "/repos/acme/infra/statuses/" + head, `{"state":"success","description":"` + strings.Repeat("x", 141) + `"}`, 422, "description is too long"},
		{"unknown repository", app, "GET", "/repos/acme/nope/issues/7/comments", "", 404, "Not Found"},
		{"unknown pull request", app, "POST", "/repos/acme/infra/issues/8/comments", `{"body":"x"}`, 404, "Not Found"},
		{"enterprise prefix", app, "GET", "/api/v3/repos/acme/infra/issues/7/comments", "", 200, ""},
		{"malformed JSON", app, "POST", "/repos/acme/infra/issues/7/comments", `{"body":`, 400, "Problems parsing JSON"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := server(t)
			status, _, doc := do(t, s.URL(), tc.token, tc.method, tc.path, tc.body)
			if status != tc.status {
				t.Fatalf("status %d, want %d (%v)", status, tc.status, doc)
			}
			if tc.message == "" {
				return
			}
			msg, _ := doc["message"].(string)
			if errs, ok := doc["errors"].([]any); ok && len(errs) > 0 {
				msg += " " + errs[0].(map[string]any)["message"].(string)
			}
			if !strings.Contains(msg, tc.message) {
				t.Errorf("message %q, want %q", msg, tc.message)
			}
		})
	}
}

func TestPagination(t *testing.T) {
	s := server(t)
	s.SetPageSize(2)
	for i := range 5 {
		s.AddComment(repo, 7, githubtest.User{Login: "alice", Type: "User"}, fmt.Sprint(i))
	}
	var bodies []string
	url := s.URL() + "/repos/acme/infra/issues/7/comments?per_page=100"
	for pages := 0; url != ""; pages++ {
		if pages > 5 {
			t.Fatal("pagination does not end")
		}
		status, header, data := send(t, "", app, "GET", url, "")
		if status != 200 {
			t.Fatalf("status %d", status)
		}
		var page []struct{ Body string }
		if err := json.Unmarshal(data, &page); err != nil {
			t.Fatal(err)
		}
		for _, c := range page {
			bodies = append(bodies, c.Body)
		}
		url = next(header.Get("Link"))
	}
	if diff := cmp.Diff([]string{"0", "1", "2", "3", "4"}, bodies); diff != "" {
		t.Errorf("comments over the pages (-want +got):\n%s", diff)
	}
}

// next finds rel="next" in a Link header.
func next(link string) string {
	for _, part := range strings.Split(link, ",") {
		ref, rel, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(rel) == `rel="next"` {
			return strings.Trim(ref, "<>")
		}
	}
	return ""
}

func TestFaults(t *testing.T) {
	s := server(t)
	s.Fail(githubtest.Fault{Method: "POST", Status: 502}, githubtest.SecondaryRateLimit())
	if status, _, _ := do(t, s.URL(), app, "GET", "/repos/acme/infra/issues/7/comments", ""); status != 403 {
		t.Errorf("GET got %d; want the rate limit (the 502 waits for a POST)", status)
	}
	if status, _, _ := do(t, s.URL(), app, "POST", "/repos/acme/infra/issues/7/comments", `{"body":"x"}`); status != 502 {
		t.Errorf("POST got %d, want 502", status)
	}
	if status, _, _ := do(t, s.URL(), app, "POST", "/repos/acme/infra/issues/7/comments", `{"body":"x"}`); status != 201 {
		t.Errorf("POST got %d after the faults, want 201", status)
	}
	var got []int
	for _, r := range s.Requests() {
		got = append(got, r.Status)
	}
	if diff := cmp.Diff([]int{403, 502, 201}, got); diff != "" {
		t.Errorf("logged statuses (-want +got):\n%s", diff)
	}
}

func TestCheckRunAccumulates(t *testing.T) {
	s := server(t)
	status, _, doc := do(t, s.URL(), app, "POST", "/repos/acme/infra/check-runs",
		`{"name":"tollgate","head_sha":"`+head+`","status":"completed","conclusion":"success","output":{"title":"t","summary":"s","annotations":`+annotationsJSON(50)+`}}`)
	if status != 201 {
		t.Fatalf("create: %d %v", status, doc)
	}
	id := int64(doc["id"].(float64))
	for range 2 {
		if status, _, doc := do(t, s.URL(), app, "PATCH", fmt.Sprintf("/repos/acme/infra/check-runs/%d", id),
			`{"name":"tollgate","output":{"title":"t","summary":"s","annotations":`+annotationsJSON(30)+`}}`); status != 200 {
			t.Fatalf("update: %d %v", status, doc)
		}
	}
	runs := s.CheckRuns(repo)
	if len(runs) != 1 || len(runs[0].Annotations) != 110 || runs[0].Updates != 2 || runs[0].Conclusion != "success" {
		t.Errorf("run %+v", runs)
	}
}
