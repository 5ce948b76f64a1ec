package githubtest

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxCommentLength is GitHub's documented limit on a comment body, in
// characters. (Measurements by others put the real limit at 262,144 UTF-8
// bytes; 65,536 characters never exceed it, so the fake enforces the
// documented figure.)
const MaxCommentLength = 65536

// Comment is a pull-request comment held by the fake.
type Comment struct {
	ID        int64
	Number    int // the pull request
	Author    User
	Body      string
	HTMLURL   string
	CreatedAt time.Time
	UpdatedAt time.Time
	Edits     int // how many times it was edited
}

// Comments returns the comments on a pull request, oldest first.
func (s *Server) Comments(repo string, number int) []Comment {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Comment
	if r := s.repos[repo]; r != nil {
		for _, c := range r.comments {
			if c.Number == number {
				out = append(out, *c)
			}
		}
	}
	return out
}

func (s *Server) addComment(repoName string, r *repo, number int, author User, body string) *Comment {
	now := s.tick()
	id := s.id()
	c := &Comment{
		ID:        id,
		Number:    number,
		Author:    author,
		Body:      body,
		HTMLURL:   s.srv.URL + "/" + repoName + "/pull/" + strconv.Itoa(number) + "#issuecomment-" + strconv.FormatInt(id, 10),
		CreatedAt: now,
		UpdatedAt: now,
	}
	r.comments = append(r.comments, c)
	return c
}

func (r *repo) comment(id int64) *Comment {
	for _, c := range r.comments {
		if c.ID == id {
			return c
		}
	}
	return nil
}

func (r *repo) deleteComment(id int64) {
	r.comments = slices.DeleteFunc(r.comments, func(c *Comment) bool { return c.ID == id })
}

type wireComment struct {
	ID        int64    `json:"id"`
	NodeID    string   `json:"node_id"`
	URL       string   `json:"url"`
	HTMLURL   string   `json:"html_url"`
	Body      string   `json:"body"`
	User      wireUser `json:"user"`
	CreatedAt string   `json:"created_at"`
	UpdatedAt string   `json:"updated_at"`
}

func (c *call) wireComment(cm *Comment) wireComment {
	return wireComment{
		ID:        cm.ID,
		NodeID:    "IC_" + strconv.FormatInt(cm.ID, 10),
		URL:       c.baseURL() + "/repos/" + c.repoName() + "/issues/comments/" + strconv.FormatInt(cm.ID, 10),
		HTMLURL:   cm.HTMLURL,
		Body:      cm.Body,
		User:      wireUser{Login: cm.Author.Login, ID: userID(cm.Author.Login), Type: cm.Author.Type},
		CreatedAt: cm.CreatedAt.Format(time.RFC3339),
		UpdatedAt: cm.UpdatedAt.Format(time.RFC3339),
	}
}

func (c *call) repoName() string {
	parts := strings.SplitN(strings.Trim(c.path, "/"), "/", 4)
	return parts[1] + "/" + parts[2]
}

// listComments serves one page, with GitHub's Link header pointing at the
// others.
func (c *call) listComments(r *repo, number int) {
	q := c.r.URL.Query()
	perPage := 30 // GitHub's default
	if n, err := strconv.Atoi(q.Get("per_page")); err == nil && n > 0 {
		perPage = n
	}
	perPage = min(perPage, c.s.pageSize)
	page := 1
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 0 {
		page = n
	}
	var all []*Comment
	for _, cm := range r.comments {
		if cm.Number == number {
			all = append(all, cm)
		}
	}
	last := max(1, (len(all)+perPage-1)/perPage)
	from, to := min(len(all), (page-1)*perPage), min(len(all), page*perPage)
	out := make([]wireComment, 0, to-from)
	for _, cm := range all[from:to] {
		out = append(out, c.wireComment(cm))
	}
	if link := c.link(page, last, perPage); link != "" {
		c.w.Header().Set("Link", link)
	}
	writeJSON(c.w, http.StatusOK, out)
}

// link renders the Link header of a page.
func (c *call) link(page, last, perPage int) string {
	u, _ := url.Parse(c.s.srv.URL + c.r.URL.Path)
	ref := func(p int, rel string) string {
		q := url.Values{"page": {strconv.Itoa(p)}, "per_page": {strconv.Itoa(perPage)}}
		u.RawQuery = q.Encode()
		return "<" + u.String() + `>; rel="` + rel + `"`
	}
	var links []string
	if page > 1 {
		links = append(links, ref(page-1, "prev"))
	}
	if page < last {
		links = append(links, ref(page+1, "next"), ref(last, "last"))
	}
	if page > 1 {
		links = append(links, ref(1, "first"))
	}
	return strings.Join(links, ", ")
}

type commentRequest struct {
	Body *string `json:"body"`
}

func (c *call) createComment(name string, r *repo, number int) {
	body, ok := c.commentBody("/issues/comments#create-an-issue-comment")
	if !ok {
		return
	}
	cm := c.s.addComment(name, r, number, c.tok.user(), body)
	writeJSON(c.w, http.StatusCreated, c.wireComment(cm))
}

func (c *call) editComment(cm *Comment) {
	body, ok := c.commentBody("/issues/comments#update-an-issue-comment")
	if !ok {
		return
	}
	cm.Body = body
	cm.UpdatedAt = c.s.tick()
	cm.Edits++
	writeJSON(c.w, http.StatusOK, c.wireComment(cm))
}

// commentBody reads and validates a comment body.
func (c *call) commentBody(page string) (string, bool) {
	var req commentRequest
	if !c.decode(&req) {
		return "", false
	}
	switch {
	case req.Body == nil:
		c.fail(http.StatusUnprocessableEntity, `Invalid request.

"body" wasn't supplied.`, page)
		return "", false
	case utf8.RuneCountInString(*req.Body) > MaxCommentLength:
		writeJSON(c.w, http.StatusUnprocessableEntity, apiError{
			Message:          "Validation Failed",
			Errors:           []fieldError{{Resource: "IssueComment", Code: "unprocessable", Field: "data", Message: "Body is too long (maximum is 65536 characters)"}},
			DocumentationURL: docs(page),
		})
		return "", false
	}
	return *req.Body, true
}
