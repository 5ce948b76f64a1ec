// Package action publishes check results where developers look: one sticky
// comment on the pull or merge request, annotations on the changed lines
// and a pass/fail status. The forge clients live in action/github and
// action/gitlab; this package holds what they share: how a comment is
// recognised and dated (the marker), what posting may do to an existing
// comment (the behaviour), and an HTTP transport that retries what a forge
// asks to be retried.
package action

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Behavior is what posting does with the comment an earlier run left.
// Whatever the behaviour, nothing is posted when the newest comment already
// says the same (on the same commit), and a comment a newer run wrote is
// never touched.
type Behavior string

// Behaviours of --behavior.
const (
	// Update edits the existing comment in place (the default), or creates
	// one when there is none.
	Update Behavior = "update"
	// New adds a new comment for every new result, keeping the earlier
	// ones as a history.
	New Behavior = "new"
	// DeleteAndNew deletes the earlier comments and adds a new one, so
	// that the result is the newest thing on the pull request.
	DeleteAndNew Behavior = "delete-and-new"
)

// ParseBehavior reads --behavior.
func ParseBehavior(s string) (Behavior, error) {
	switch b := Behavior(s); b {
	case Update, New, DeleteAndNew:
		return b, nil
	}
	return "", fmt.Errorf("unknown behavior %q: use update, new or delete-and-new", s)
}

// Marker identifies tollgate's comment among the others on a pull request
// and says which run wrote it, so that an older run that finishes late
// never overwrites a newer result. It is an HTML comment: invisible in the
// rendered Markdown.
type Marker struct {
	// Key tells apart several tollgate jobs commenting on one pull request
	// (one per Terraform root, say); "default" when there is one.
	Key    string
	Commit string    // the head commit the run checked
	Time   time.Time // when the run started (UTC, seconds)
}

var markerRE = regexp.MustCompile(`<!-- tollgate:comment key=(\S+) commit=(\S*) time=(\S+) -->`)

// String renders the marker to put on the first line of a comment body.
func (m Marker) String() string {
	key := m.Key
	if key == "" {
		key = "default"
	}
	return fmt.Sprintf("<!-- tollgate:comment key=%s commit=%s time=%s -->", key, m.Commit, m.Time.UTC().Format(time.RFC3339))
}

// ParseMarker finds the marker in a comment body.
func ParseMarker(body string) (Marker, bool) {
	m := markerRE.FindStringSubmatch(body)
	if m == nil {
		return Marker{}, false
	}
	t, err := time.Parse(time.RFC3339, m[3])
	if err != nil {
		return Marker{}, false
	}
	return Marker{Key: m[1], Commit: m[2], Time: t}, true
}

// Same reports whether two markers are of the same tollgate job.
func (m Marker) Same(other Marker) bool {
	return keyOf(m) == keyOf(other)
}

// Older reports whether m was written by a run that started before other's.
func (m Marker) Older(other Marker) bool {
	return m.Time.Before(other.Time)
}

func keyOf(m Marker) string {
	if m.Key == "" {
		return "default"
	}
	return m.Key
}

// Outcome is what happened to the comment.
type Outcome string

// Comment outcomes.
const (
	Created   Outcome = "created"
	Updated   Outcome = "updated"
	Unchanged Outcome = "unchanged" // the body was already there: nothing posted
	Skipped   Outcome = "skipped"   // a newer run's comment is there: left alone
)

// Redact removes a token from a message: a forge error may echo a request
// and nothing tollgate prints may carry the token.
func Redact(msg, token string) string {
	if token == "" {
		return msg
	}
	return strings.ReplaceAll(msg, token, "[redacted]")
}
