package gitlab

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	gl "gitlab.com/gitlab-org/api/client-go"

	"github.com/tollgate-dev/tollgate/action"
)

// Errors a caller may tell apart (errors.Is).
var (
	// ErrUnauthorized: GitLab rejected the token (401).
	ErrUnauthorized = errors.New("gitlab: unauthorized")
	// ErrForbidden: the token may not do this (403).
	ErrForbidden = errors.New("gitlab: forbidden")
	// ErrNotFound: the project or merge request does not exist, or the
	// token cannot see it (404).
	ErrNotFound = errors.New("gitlab: not found")
	// ErrJobToken: the token is CI_JOB_TOKEN, which cannot post notes.
	ErrJobToken = errors.New("gitlab: CI_JOB_TOKEN cannot post merge request notes: create a project access token with the api scope and the Reporter role (Settings > Access tokens), store it in a masked CI/CD variable and pass it as GITLAB_TOKEN")
	// ErrNoToken: no token was given.
	ErrNoToken = errors.New("gitlab: no token: set GITLAB_TOKEN to a project access token with the api scope and the Reporter role (CI_JOB_TOKEN cannot post notes)")
)

// Error is an error GitLab answered with. Its text names what tollgate
// was doing and what to do about it, and never holds the token.
type Error struct {
	Op      string // what tollgate was doing, e.g. "create a note on merge request !12 of project group/app"
	Status  int
	Message string // GitLab's message, redacted
	Hint    string // what to do
}

func (e *Error) Error() string {
	status := fmt.Sprintf("%d %s", e.Status, http.StatusText(e.Status))
	if e.Message != "" && e.Message != status {
		status += " (" + e.Message + ")"
	}
	s := "gitlab: " + e.Op + ": " + status
	if e.Hint != "" {
		s += ": " + e.Hint
	}
	return s
}

// Is matches ErrUnauthorized, ErrForbidden and ErrNotFound by status.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.Status == http.StatusUnauthorized
	case ErrForbidden:
		return e.Status == http.StatusForbidden
	case ErrNotFound:
		return e.Status == http.StatusNotFound
	}
	return false
}

// TooLongError is a note over GitLab's length limit; nothing was posted.
type TooLongError struct {
	Length int // characters
}

func (e *TooLongError) Error() string {
	return fmt.Sprintf("gitlab: the note is %d characters, over GitLab's limit of %d: shorten the comment body", e.Length, MaxNoteLength)
}

// transportError is a request that got no answer; its text is redacted,
// the error it wraps is not.
type transportError struct {
	msg string
	err error
}

func (e *transportError) Error() string { return e.msg }
func (e *transportError) Unwrap() error { return e.err }

// fail turns what the client returned into an error for people: what
// tollgate was doing, GitLab's answer, and what to do.
func (p *Publisher) fail(ctx context.Context, op string, resp *gl.Response, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("gitlab: %s: %w", op, ctx.Err())
	}
	if resp == nil || resp.Response == nil {
		return &transportError{msg: "gitlab: " + op + ": " + action.Redact(err.Error(), p.token), err: err}
	}
	e := &Error{Op: op, Status: resp.StatusCode, Message: action.Redact(gitlabMessage(err), p.token)}
	switch {
	case e.Status == http.StatusUnauthorized:
		e.Hint = "the token is invalid, expired or revoked: set GITLAB_TOKEN to a valid project access token with the api scope"
	case e.Status == http.StatusForbidden && strings.Contains(e.Message, "insufficient_scope"), e.Status == http.StatusForbidden && strings.Contains(e.Message, "higher privileges"):
		e.Hint = "the token lacks the api scope: create a project access token with the api scope and the Reporter role"
	case e.Status == http.StatusForbidden:
		e.Hint = "the token's user may not do this: give the project access token at least the Reporter role"
	case e.Status == http.StatusNotFound:
		e.Hint = p.notFoundHint(ctx)
	case e.Status == http.StatusTooManyRequests:
		e.Hint = "GitLab's rate limit held after retrying: try again later"
	case e.Status >= 500:
		e.Hint = "GitLab kept failing after retrying: try again later"
	}
	return e
}

// notFoundHint tells a project the token cannot see from a merge request
// that does not exist: GitLab answers 404 to both.
func (p *Publisher) notFoundHint(ctx context.Context) string {
	_, resp, err := p.client.Projects.GetProject(p.project, nil, gl.WithContext(ctx))
	if err == nil {
		return fmt.Sprintf("project %s has no merge request !%d: check CI_MERGE_REQUEST_IID", p.project, p.mr)
	}
	if resp != nil && resp.StatusCode == http.StatusNotFound {
		return fmt.Sprintf("project %s does not exist or the token cannot see it: check CI_PROJECT_ID, and that the token is this project's access token or its user a member of the project", p.project)
	}
	return "the project or the merge request does not exist, or the token cannot see it"
}

// gitlabMessage is the message of GitLab's error body: error_description,
// message or error, whichever it has.
func gitlabMessage(err error) string {
	var er *gl.ErrorResponse
	if !errors.As(err, &er) {
		return ""
	}
	var body struct {
		Message     any    `json:"message"`
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	if json.Unmarshal(er.Body, &body) != nil {
		// A proxy's page, not GitLab's answer: HTML says nothing useful.
		text := strings.TrimSpace(string(er.Body))
		if strings.HasPrefix(text, "<") {
			return ""
		}
		return oneLine(text)
	}
	var parts []string
	if body.Error != "" {
		parts = append(parts, body.Error)
	}
	if body.Description != "" {
		parts = append(parts, body.Description)
	}
	switch m := body.Message.(type) {
	case string:
		parts = append(parts, m)
	case nil:
	default:
		// Validation errors: {"note": ["is too long (...)"]}.
		b, _ := json.Marshal(m)
		parts = append(parts, string(b))
	}
	return oneLine(strings.Join(parts, ": "))
}

// maxMessage bounds the part of an error GitLab wrote.
const maxMessage = 300

// oneLine keeps an error to one line of reasonable length.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxMessage {
		s = string(r[:maxMessage]) + "…"
	}
	return s
}
