package gitlabtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Note listing defaults, as GitLab's.
const (
	defaultPerPage = 20
)

// AddSystemNote adds a system note ("added 1 commit") to a merge
// request, authored by the user whose action it records.
func (s *Server) AddSystemNote(p *Project, iid int64, author *User, body string) Note {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := &Note{ID: s.id(), Body: body, Author: author, System: true, CreatedAt: s.tick()}
	n.UpdatedAt = n.CreatedAt
	p.mrs[iid].notes = append(p.mrs[iid].notes, n)
	return *n
}

// notes serves GET (list) and POST (create) on a merge request's notes.
func (s *Server) notes(w http.ResponseWriter, r *http.Request, who caller, p *Project, iid int64, mr *mergeRequest) {
	if !allow(w, r, http.MethodGet, http.MethodPost) {
		return
	}
	if r.Method == http.MethodGet {
		if who.job == nil && !who.can(ScopeReadAPI) {
			message(w, http.StatusForbidden, "403 Forbidden")
			return
		}
		s.list(w, r, p, iid, mr)
		return
	}
	if !mayWrite(w, who) {
		return
	}
	body, ok := noteBody(w, r)
	if !ok {
		return
	}
	n := &Note{ID: s.id(), Body: body, Author: who.user, CreatedAt: s.tick()}
	n.UpdatedAt = n.CreatedAt
	mr.notes = append(mr.notes, n)
	writeJSON(w, http.StatusCreated, noteJSON(n, p, iid, mr))
}

// note serves GET, PUT and DELETE on one note. Only its author may
// change it; nobody may change a system note.
func (s *Server) note(w http.ResponseWriter, r *http.Request, who caller, p *Project, iid int64, mr *mergeRequest, id int64) {
	if !allow(w, r, http.MethodGet, http.MethodPut, http.MethodDelete) {
		return
	}
	i := slices.IndexFunc(mr.notes, func(n *Note) bool { return n.ID == id })
	if i < 0 {
		message(w, http.StatusNotFound, "404 Not found")
		return
	}
	n := mr.notes[i]
	if r.Method == http.MethodGet {
		if who.job == nil && !who.can(ScopeReadAPI) {
			message(w, http.StatusForbidden, "403 Forbidden")
			return
		}
		writeJSON(w, http.StatusOK, noteJSON(n, p, iid, mr))
		return
	}
	if !mayWrite(w, who) {
		return
	}
	if n.System || n.Author == nil || n.Author.ID != who.user.ID {
		message(w, http.StatusForbidden, "403 Forbidden")
		return
	}
	if r.Method == http.MethodDelete {
		mr.notes = slices.Delete(mr.notes, i, i+1)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	body, ok := noteBody(w, r)
	if !ok {
		return
	}
	n.Body = body
	n.UpdatedAt = s.tick()
	writeJSON(w, http.StatusOK, noteJSON(n, p, iid, mr))
}

// mayWrite refuses writes by job tokens and by tokens without the api
// scope, with GitLab's answers.
func mayWrite(w http.ResponseWriter, who caller) bool {
	switch {
	case who.user == nil:
		message(w, http.StatusForbidden, "403 Forbidden")
		return false
	case !who.can(ScopeAPI):
		writeJSON(w, http.StatusForbidden, map[string]any{
			"error":             "insufficient_scope",
			"error_description": "The request requires higher privileges than provided by the access token.",
			"scope":             "api",
		})
		return false
	}
	return true
}

// noteBody reads the body parameter (JSON or form) and checks it as
// GitLab does.
func noteBody(w http.ResponseWriter, r *http.Request) (string, bool) {
	var body string
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		var in struct {
			Body *string `json:"body"`
		}
		raw, err := io.ReadAll(r.Body)
		if err == nil {
			err = json.Unmarshal(raw, &in)
		}
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]any{"error": "400 Bad request - invalid JSON"})
			return "", false
		}
		if in.Body != nil {
			body = *in.Body
		}
	} else {
		body = r.FormValue("body")
	}
	switch {
	case strings.TrimSpace(body) == "":
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": "body is missing"})
		return "", false
	case utf8.RuneCountInString(body) > MaxNoteLength:
		writeJSON(w, http.StatusBadRequest, map[string]any{"message": map[string]any{"note": []string{fmt.Sprintf("is too long (maximum is %d characters)", MaxNoteLength)}}})
		return "", false
	}
	return body, true
}

// list serves a page of notes with GitLab's offset pagination headers.
func (s *Server) list(w http.ResponseWriter, r *http.Request, p *Project, iid int64, mr *mergeRequest) {
	q := r.URL.Query()
	orderBy, sort := q.Get("order_by"), q.Get("sort")
	switch {
	case orderBy != "" && orderBy != "created_at" && orderBy != "updated_at":
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": "order_by does not have a valid value"})
		return
	case sort != "" && sort != "asc" && sort != "desc":
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": "sort does not have a valid value"})
		return
	}
	notes := slices.Clone(mr.notes)
	key := func(n *Note) time.Time { return n.CreatedAt }
	if orderBy == "updated_at" {
		key = func(n *Note) time.Time { return n.UpdatedAt }
	}
	slices.SortStableFunc(notes, func(a, b *Note) int {
		if c := key(a).Compare(key(b)); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
	if sort != "asc" {
		slices.Reverse(notes)
	}

	perPage := positive(q.Get("per_page"), defaultPerPage)
	perPage = min(perPage, s.maxPerPage)
	page := positive(q.Get("page"), 1)
	total := len(notes)
	pages := max(1, (total+perPage-1)/perPage)
	from := min((page-1)*perPage, total)
	to := min(from+perPage, total)

	h := w.Header()
	if s.pagination != LinkOnly {
		h.Set("X-Page", strconv.Itoa(page))
		h.Set("X-Per-Page", strconv.Itoa(perPage))
		h.Set("X-Total", strconv.Itoa(total))
		h.Set("X-Total-Pages", strconv.Itoa(pages))
		h.Set("X-Next-Page", "")
		h.Set("X-Prev-Page", "")
		if page < pages {
			h.Set("X-Next-Page", strconv.Itoa(page+1))
		}
		if page > 1 {
			h.Set("X-Prev-Page", strconv.Itoa(page-1))
		}
	}
	if s.pagination != HeadersOnly {
		h.Set("Link", s.links(r, page, pages, perPage))
	}
	out := make([]map[string]any, 0, to-from)
	for _, n := range notes[from:to] {
		out = append(out, noteJSON(n, p, iid, mr))
	}
	writeJSON(w, http.StatusOK, out)
}

// links is the Link header of a page: next and prev when there are, first
// and last always.
func (s *Server) links(r *http.Request, page, pages, perPage int) string {
	link := func(n int, rel string) string {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(n))
		q.Set("per_page", strconv.Itoa(perPage))
		u := url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path, RawPath: r.URL.RawPath, RawQuery: q.Encode()}
		return fmt.Sprintf("<%s>; rel=%q", u.String(), rel)
	}
	var ls []string
	if page > 1 {
		ls = append(ls, link(page-1, "prev"))
	}
	if page < pages {
		ls = append(ls, link(page+1, "next"))
	}
	ls = append(ls, link(1, "first"), link(pages, "last"))
	return strings.Join(ls, ", ")
}

func positive(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return def
	}
	return n
}

func noteJSON(n *Note, p *Project, iid int64, mr *mergeRequest) map[string]any {
	author := map[string]any{}
	if n.Author != nil {
		author = map[string]any{"id": n.Author.ID, "username": n.Author.Username, "name": n.Author.Username, "state": "active"}
	}
	return map[string]any{
		"id":            n.ID,
		"type":          nil,
		"body":          n.Body,
		"attachment":    nil,
		"author":        author,
		"created_at":    n.CreatedAt.Format(time.RFC3339Nano),
		"updated_at":    n.UpdatedAt.Format(time.RFC3339Nano),
		"system":        n.System,
		"noteable_id":   mr.id,
		"noteable_type": "MergeRequest",
		"project_id":    p.ID,
		"noteable_iid":  iid,
		"resolvable":    false,
		"confidential":  false,
		"internal":      false,
	}
}
