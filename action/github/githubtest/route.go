package githubtest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// call is one authenticated request being served.
type call struct {
	s    *Server
	w    http.ResponseWriter
	r    *http.Request
	tok  Token
	body []byte
	path string // without the /api/v3 prefix
}

// route dispatches a request on its path. Unknown paths and methods are
// 404s, as on GitHub.
func (c *call) route() {
	parts := strings.Split(strings.Trim(c.path, "/"), "/")
	method := c.r.Method
	if len(parts) == 1 && parts[0] == "user" && method == http.MethodGet {
		c.user()
		return
	}
	if len(parts) < 4 || parts[0] != "repos" {
		c.notFound()
		return
	}
	name, rest := parts[1]+"/"+parts[2], parts[3:]
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	r := c.s.repos[name]
	if r == nil {
		c.notFound()
		return
	}
	if method != http.MethodGet && c.tok.Kind == ReadOnly {
		c.fail(http.StatusForbidden, "Resource not accessible by integration", "")
		return
	}
	switch {
	case len(rest) == 3 && rest[0] == "issues" && rest[2] == "comments":
		n, err := strconv.Atoi(rest[1])
		if err != nil || !r.pulls[n] {
			c.notFound()
			return
		}
		switch method {
		case http.MethodGet:
			c.listComments(r, n)
		case http.MethodPost:
			c.createComment(name, r, n)
		default:
			c.notFound()
		}
	case len(rest) == 3 && rest[0] == "issues" && rest[1] == "comments":
		id, err := strconv.ParseInt(rest[2], 10, 64)
		cm := r.comment(id)
		if err != nil || cm == nil {
			c.notFound()
			return
		}
		switch method {
		case http.MethodGet:
			writeJSON(c.w, http.StatusOK, c.wireComment(cm))
		case http.MethodPatch:
			c.editComment(cm)
		case http.MethodDelete:
			r.deleteComment(id)
			c.w.WriteHeader(http.StatusNoContent)
		default:
			c.notFound()
		}
	case len(rest) == 1 && rest[0] == "check-runs" && method == http.MethodPost:
		c.createCheckRun(r)
	case len(rest) == 2 && rest[0] == "check-runs" && method == http.MethodPatch:
		id, _ := strconv.ParseInt(rest[1], 10, 64)
		c.updateCheckRun(r, id)
	case len(rest) == 2 && rest[0] == "statuses" && method == http.MethodPost:
		c.createStatus(r, rest[1])
	default:
		c.notFound()
	}
}

// user answers GET /user: installation tokens have no user.
func (c *call) user() {
	if c.tok.Kind != Personal {
		c.fail(http.StatusForbidden, "Resource not accessible by integration", "/users/users#get-the-authenticated-user")
		return
	}
	u := c.tok.user()
	writeJSON(c.w, http.StatusOK, wireUser{Login: u.Login, ID: userID(u.Login), Type: u.Type})
}

func (c *call) notFound() {
	c.fail(http.StatusNotFound, "Not Found", "")
}

func (c *call) fail(status int, message, page string) {
	writeJSON(c.w, status, apiError{Message: message, DocumentationURL: docs(page)})
}

// invalid is a 422 with GitHub's validation error shape.
func (c *call) invalid(resource, field, message, page string) {
	writeJSON(c.w, http.StatusUnprocessableEntity, apiError{
		Message:          "Validation Failed",
		Errors:           []fieldError{{Resource: resource, Code: "custom", Field: field, Message: message}},
		DocumentationURL: docs(page),
	})
}

// decode reads the request's JSON body; a malformed one is GitHub's 400.
func (c *call) decode(v any) bool {
	if err := json.Unmarshal(c.body, v); err != nil {
		c.fail(http.StatusBadRequest, "Problems parsing JSON", "")
		return false
	}
	return true
}

// baseURL is the URL the client used to reach the API, prefix included,
// for the links the fake hands out.
func (c *call) baseURL() string {
	base := c.s.srv.URL
	if strings.HasPrefix(c.r.URL.Path, "/api/v3/") {
		base += "/api/v3"
	}
	return base
}

type wireUser struct {
	Login string `json:"login"`
	ID    int64  `json:"id"`
	Type  string `json:"type"`
}

// userID derives a stable id from a login.
func userID(login string) int64 {
	var h int64 = 7
	for _, r := range login {
		h = h*31 + int64(r)
	}
	if h < 0 {
		h = -h
	}
	return h%1_000_000 + 1
}
