package githubtest

import (
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"
)

// Limits of the checks and statuses APIs.
const (
	MaxAnnotationsPerRequest = 50
	MaxSummaryLength         = 65535 // output.summary and output.text, characters
	MaxStatusDescription     = 140   // characters
)

// CheckRun is a check run held by the fake. Annotations accumulate over
// the create and update requests, as on GitHub.
type CheckRun struct {
	ID          int64
	Name        string
	HeadSHA     string
	Status      string
	Conclusion  string
	DetailsURL  string
	Title       string
	Summary     string
	Text        string
	Annotations []Annotation
	Updates     int
}

// Annotation is a check-run annotation.
type Annotation struct {
	Path       string `json:"path"`
	StartLine  int    `json:"start_line"`
	EndLine    int    `json:"end_line"`
	Level      string `json:"annotation_level"`
	Title      string `json:"title,omitempty"`
	Message    string `json:"message"`
	RawDetails string `json:"raw_details,omitempty"`
}

// Status is a commit status held by the fake.
type Status struct {
	SHA         string
	State       string
	Context     string
	Description string
	TargetURL   string
	Creator     User
}

// CheckRuns returns the check runs of a repository, oldest first.
func (s *Server) CheckRuns(repo string) []CheckRun {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []CheckRun
	if r := s.repos[repo]; r != nil {
		for _, cr := range r.checkRuns {
			c := *cr
			c.Annotations = append([]Annotation(nil), cr.Annotations...)
			out = append(out, c)
		}
	}
	return out
}

// Statuses returns the commit statuses of a repository, oldest first.
func (s *Server) Statuses(repo string) []Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.repos[repo]; r != nil {
		return append([]Status(nil), r.statuses...)
	}
	return nil
}

// checkRunRequest is the body of both create and update; pointers tell
// what was sent.
type checkRunRequest struct {
	Name       *string `json:"name"`
	HeadSHA    *string `json:"head_sha"`
	DetailsURL *string `json:"details_url"`
	Status     *string `json:"status"`
	Conclusion *string `json:"conclusion"`
	Output     *struct {
		Title       *string      `json:"title"`
		Summary     *string      `json:"summary"`
		Text        *string      `json:"text"`
		Annotations []Annotation `json:"annotations"`
	} `json:"output"`
}

type wireCheckRun struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	HeadSHA    string `json:"head_sha"`
	Status     string `json:"status"`
	Conclusion string `json:"conclusion,omitempty"`
	URL        string `json:"url"`
	HTMLURL    string `json:"html_url"`
	Output     struct {
		Title            string `json:"title,omitempty"`
		Summary          string `json:"summary,omitempty"`
		AnnotationsCount int    `json:"annotations_count"`
	} `json:"output"`
}

const checkRunsDocs = "/checks/runs#create-a-check-run"

func (c *call) createCheckRun(r *repo) {
	if !c.mayWriteChecks() {
		return
	}
	var req checkRunRequest
	if !c.decode(&req) {
		return
	}
	switch {
	case req.Name == nil || *req.Name == "":
		c.invalidRequest(`"name" wasn't supplied.`)
		return
	case req.HeadSHA == nil || *req.HeadSHA == "":
		c.invalidRequest(`"head_sha" wasn't supplied.`)
		return
	case !r.commits[*req.HeadSHA]:
		c.fail(http.StatusUnprocessableEntity, "No commit found for SHA: "+*req.HeadSHA, checkRunsDocs)
		return
	}
	cr := &CheckRun{ID: c.s.id(), Name: *req.Name, HeadSHA: *req.HeadSHA, Status: "queued"}
	if !c.applyCheckRun(cr, &req) {
		return
	}
	r.checkRuns = append(r.checkRuns, cr)
	writeJSON(c.w, http.StatusCreated, c.wireCheckRun(cr))
}

func (c *call) updateCheckRun(r *repo, id int64) {
	if !c.mayWriteChecks() {
		return
	}
	var cr *CheckRun
	for _, x := range r.checkRuns {
		if x.ID == id {
			cr = x
		}
	}
	if cr == nil {
		c.notFound()
		return
	}
	var req checkRunRequest
	if !c.decode(&req) {
		return
	}
	next := *cr
	next.Annotations = append([]Annotation(nil), cr.Annotations...)
	if !c.applyCheckRun(&next, &req) {
		return
	}
	next.Updates++
	*cr = next
	writeJSON(c.w, http.StatusOK, c.wireCheckRun(cr))
}

// mayWriteChecks refuses personal access tokens: only GitHub Apps may
// write check runs.
func (c *call) mayWriteChecks() bool {
	if c.tok.Kind == Personal {
		c.fail(http.StatusForbidden, "You must authenticate via a GitHub App.", checkRunsDocs)
		return false
	}
	return true
}

// applyCheckRun validates a create or update request and applies it to
// cr; nothing is applied when it is refused.
func (c *call) applyCheckRun(cr *CheckRun, req *checkRunRequest) bool {
	if req.Name != nil && *req.Name != "" {
		cr.Name = *req.Name
	}
	if req.DetailsURL != nil {
		cr.DetailsURL = *req.DetailsURL
	}
	if req.Status != nil {
		switch *req.Status {
		case "queued", "in_progress", "completed":
			cr.Status = *req.Status
		default:
			c.invalidRequest(sprintf("%q is not a member of [\"queued\", \"in_progress\", \"completed\"].", *req.Status))
			return false
		}
	}
	if req.Conclusion != nil {
		switch *req.Conclusion {
		case "action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out":
			cr.Conclusion, cr.Status = *req.Conclusion, "completed"
		default:
			c.invalidRequest(sprintf("%q is not a valid conclusion.", *req.Conclusion))
			return false
		}
	}
	if cr.Status == "completed" && cr.Conclusion == "" {
		c.invalidRequest(`"conclusion" wasn't supplied.`)
		return false
	}
	out := req.Output
	if out == nil {
		return true
	}
	switch {
	case out.Title == nil:
		c.invalidRequest(`"title" wasn't supplied.`)
		return false
	case out.Summary == nil:
		c.invalidRequest(`"summary" wasn't supplied.`)
		return false
	case utf8.RuneCountInString(*out.Summary) > MaxSummaryLength:
		c.invalidRequest(sprintf("Only %d characters are allowed; %d were supplied.", MaxSummaryLength, utf8.RuneCountInString(*out.Summary)))
		return false
	case out.Text != nil && utf8.RuneCountInString(*out.Text) > MaxSummaryLength:
		c.invalidRequest(sprintf("Only %d characters are allowed; %d were supplied.", MaxSummaryLength, utf8.RuneCountInString(*out.Text)))
		return false
	case len(out.Annotations) > MaxAnnotationsPerRequest:
		c.invalidRequest(sprintf("No more than %d items are allowed; %d were supplied.", MaxAnnotationsPerRequest, len(out.Annotations)))
		return false
	}
	for _, a := range out.Annotations {
		if msg := invalidAnnotation(a); msg != "" {
			c.invalidRequest(msg)
			return false
		}
	}
	cr.Title, cr.Summary = *out.Title, *out.Summary
	if out.Text != nil {
		cr.Text = *out.Text
	}
	cr.Annotations = append(cr.Annotations, out.Annotations...)
	return true
}

func invalidAnnotation(a Annotation) string {
	switch {
	case a.Path == "":
		return `"path" wasn't supplied.`
	case a.StartLine < 1:
		return `"start_line" wasn't supplied.`
	case a.EndLine < a.StartLine:
		return `"end_line" wasn't supplied.`
	case a.Message == "":
		return `"message" wasn't supplied.`
	case a.Level != "notice" && a.Level != "warning" && a.Level != "failure":
		return sprintf("%q is not a member of [\"notice\", \"warning\", \"failure\"].", a.Level)
	case utf8.RuneCountInString(a.Title) > 255:
		return "Only 255 characters are allowed in an annotation title."
	case len(a.Message) > 64*1024 || len(a.RawDetails) > 64*1024:
		return "Annotation message and raw_details are limited to 64 kilobytes."
	}
	return ""
}

// invalidRequest is the checks API's flavour of 422.
func (c *call) invalidRequest(detail string) {
	c.fail(http.StatusUnprocessableEntity, "Invalid request.\n\n"+detail, checkRunsDocs)
}

func (c *call) wireCheckRun(cr *CheckRun) wireCheckRun {
	w := wireCheckRun{
		ID: cr.ID, Name: cr.Name, HeadSHA: cr.HeadSHA, Status: cr.Status, Conclusion: cr.Conclusion,
		URL:     c.baseURL() + "/repos/" + c.repoName() + "/check-runs/" + strconv.FormatInt(cr.ID, 10),
		HTMLURL: c.s.srv.URL + "/" + c.repoName() + "/runs/" + strconv.FormatInt(cr.ID, 10),
	}
	w.Output.Title, w.Output.Summary, w.Output.AnnotationsCount = cr.Title, cr.Summary, len(cr.Annotations)
	return w
}

type statusRequest struct {
	State       string `json:"state"`
	TargetURL   string `json:"target_url"`
	Description string `json:"description"`
	Context     string `json:"context"`
}

const statusDocs = "/commits/statuses#create-a-commit-status"

func (c *call) createStatus(r *repo, sha string) {
	var req statusRequest
	if !c.decode(&req) {
		return
	}
	switch {
	case !r.commits[sha]:
		c.fail(http.StatusUnprocessableEntity, "No commit found for SHA: "+sha, statusDocs)
		return
	case req.State != "error" && req.State != "failure" && req.State != "pending" && req.State != "success":
		c.invalid("Status", "state", "state is not included in the list", statusDocs)
		return
	case utf8.RuneCountInString(req.Description) > MaxStatusDescription:
		c.invalid("Status", "description", "description is too long (maximum is 140 characters)", statusDocs)
		return
	}
	st := Status{SHA: sha, State: req.State, Context: or(req.Context, "default"), Description: req.Description, TargetURL: req.TargetURL, Creator: c.tok.user()}
	r.statuses = append(r.statuses, st)
	id := c.s.id()
	writeJSON(c.w, http.StatusCreated, map[string]any{
		"id": id, "state": st.State, "context": st.Context, "description": st.Description,
		"target_url": st.TargetURL, "created_at": c.s.tick().Format(time.RFC3339),
		"creator": wireUser{Login: st.Creator.Login, ID: userID(st.Creator.Login), Type: st.Creator.Type},
	})
}
