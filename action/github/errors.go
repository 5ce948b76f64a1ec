package github

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	gh "github.com/google/go-github/v60/github"

	"github.com/tollgate-dev/tollgate/action"
)

// Kind classifies a failed request so that the caller can degrade: a
// forbidden check run falls back to a status, a forbidden status to
// workflow commands.
type Kind string

// Kinds of failure.
const (
	Unauthorized Kind = "unauthorized" // 401: no token, or a bad one
	// Forbidden is a 403: a read-only token (pull requests from forks), a
	// missing permission, or a personal access token creating a check run.
	Forbidden   Kind = "forbidden"
	NotFound    Kind = "not found"    // 404: no such repository or pull request, or hidden from the token
	Invalid     Kind = "invalid"      // 422: GitHub refused what was sent
	RateLimited Kind = "rate limited" // still limited after the caller's retries
	Failed      Kind = "failed"       // anything else: a network error, a 5xx
)

// Error is a request GitHub refused or that never got an answer. Its text
// never contains the token.
type Error struct {
	Op      string // what was being done, e.g. "create check run on acme/infra@1a2b3c4"
	Status  int    // HTTP status; 0 when no response came
	Kind    Kind
	Message string // GitHub's message
	Hint    string // what to do about it, when known
	err     error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("github: " + e.Op + ": ")
	if e.Status != 0 {
		fmt.Fprintf(&b, "%d ", e.Status)
	}
	b.WriteString(e.Message)
	if e.Hint != "" {
		b.WriteString(" (" + e.Hint + ")")
	}
	return b.String()
}

// Unwrap gives the underlying error, for errors.Is(err, context.DeadlineExceeded).
func (e *Error) Unwrap() error { return e.err }

// KindOf returns the kind of a publisher error; Failed when err is not one.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Failed
}

// IsUnauthorized reports a 401: no token or a bad one.
func IsUnauthorized(err error) bool { return err != nil && KindOf(err) == Unauthorized }

// IsForbidden reports a 403 that is not a rate limit: the token may not do
// this (fork pull requests, read-only tokens, missing permissions,
// personal access tokens and check runs).
func IsForbidden(err error) bool { return err != nil && KindOf(err) == Forbidden }

// IsNotFound reports a 404.
func IsNotFound(err error) bool { return err != nil && KindOf(err) == NotFound }

// Messages GitHub gives for the two common 403s.
const (
	msgIntegration = "Resource not accessible by integration"
	msgNeedsApp    = "You must authenticate via a GitHub App"
)

// fail classifies an error of a request. permission is what the job's
// token needs for it ("checks: write"), named in the hint; "" for reads.
func (p *Publisher) fail(op, permission string, err error) error {
	e := &Error{Op: op, Kind: Failed, err: err}
	var (
		resp  *gh.ErrorResponse
		rate  *gh.RateLimitError
		abuse *gh.AbuseRateLimitError
	)
	switch {
	case errors.As(err, &rate):
		e.Kind, e.Message, e.Hint = RateLimited, rate.Message, "GitHub's rate limit: try again later"
		e.Status = status(rate.Response)
	case errors.As(err, &abuse):
		e.Kind, e.Message, e.Hint = RateLimited, abuse.Message, "GitHub's secondary rate limit: try again later"
		e.Status = status(abuse.Response)
	case errors.As(err, &resp):
		e.Status, e.Message = status(resp.Response), responseMessage(resp)
		e.Kind, e.Hint = p.explain(e.Status, resp.Message, permission)
	default:
		e.Message = err.Error()
	}
	e.Op = action.Redact(e.Op, p.cfg.Token)
	e.Message = action.Redact(oneLine(e.Message), p.cfg.Token)
	return e
}

// explain maps a status to a kind and says what to do.
func (p *Publisher) explain(status int, message, permission string) (Kind, string) {
	switch status {
	case http.StatusUnauthorized:
		if p.cfg.Token == "" {
			return Unauthorized, "no token: pass the workflow's GITHUB_TOKEN"
		}
		return Unauthorized, "GitHub rejected the token: it is wrong, expired or revoked"
	case http.StatusForbidden:
		switch {
		case strings.Contains(message, msgNeedsApp):
			return Forbidden, "check runs need a GitHub App token such as the workflow's GITHUB_TOKEN; a personal access token cannot create them"
		case strings.Contains(message, msgIntegration) && permission != "":
			return Forbidden, "the token may not write here: pull requests from forks get a read-only token; otherwise give the job `permissions: " + permission + "`"
		case permission != "":
			return Forbidden, "the token lacks `" + permission + "`"
		}
		return Forbidden, ""
	case http.StatusNotFound:
		return NotFound, "check the repository and pull request number, and that the token can see the repository"
	case http.StatusUnprocessableEntity:
		return Invalid, ""
	}
	return Failed, ""
}

func status(r *http.Response) int {
	if r == nil {
		return 0
	}
	return r.StatusCode
}

// responseMessage joins GitHub's message with the details of a 422.
func responseMessage(r *gh.ErrorResponse) string {
	msg := r.Message
	if msg == "" {
		msg = http.StatusText(status(r.Response))
	}
	var details []string
	for _, e := range r.Errors {
		switch {
		case e.Message != "":
			details = append(details, e.Message)
		case e.Field != "":
			details = append(details, e.Field+" "+e.Code)
		}
	}
	if len(details) > 0 {
		msg += ": " + strings.Join(details, "; ")
	}
	return msg
}

// oneLine folds GitHub's multi-line messages ("Invalid request.\n\n...").
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
