package github

import (
	"context"
	"fmt"
	"strings"

	gh "github.com/google/go-github/v60/github"

	"github.com/tollgate-dev/tollgate/action"
)

// MaxCommentLength is GitHub's limit on a comment body, in characters.
const MaxCommentLength = 65536

// commentPermission is what the job's token needs to comment on a pull
// request.
const commentPermission = "pull-requests: write"

// Comment posts body as the sticky comment of the pull request and
// returns what happened and the comment's URL.
//
// tollgate's earlier comments are those that carry a marker of the same
// key on a line of its own (not quoted) and were written by the token's
// identity (see identity). Then:
//   - if one of them has a newer marker, a later run already posted: it is
//     left alone (Skipped);
//   - if the newest says the same, nothing is posted (Unchanged): the
//     body is byte-identical, or differs only in the marker's time for the
//     same commit (a re-run of the same check);
//   - otherwise Update edits the newest in place (Created when there is
//     none), New adds one, DeleteAndNew adds one and deletes the others.
//
// Update and DeleteAndNew also delete the other comments of the job,
// duplicates left by concurrent runs. body should start with
// marker.String(); the marker is put first when it is missing. A body
// over MaxCommentLength is cut at a line boundary with a note, as a last
// resort: the caller should cut it where the Markdown allows.
func (p *Publisher) Comment(ctx context.Context, body string, marker action.Marker, behavior action.Behavior) (action.Outcome, string, error) {
	if behavior == "" {
		behavior = action.Update
	}
	if _, err := action.ParseBehavior(string(behavior)); err != nil {
		return "", "", fmt.Errorf("github: %w", err)
	}
	if !strings.Contains(body, marker.String()) {
		body = marker.String() + "\n" + body
	}
	body = cut(body, MaxCommentLength, "comment")

	ours, err := p.earlier(ctx, marker)
	if err != nil {
		return "", "", err
	}
	for _, c := range ours {
		if marker.Older(c.marker) {
			return action.Skipped, c.GetHTMLURL(), nil
		}
	}
	var newest *comment
	if len(ours) > 0 {
		newest = ours[len(ours)-1]
	}
	if newest != nil && same(newest, body, marker) {
		if behavior != action.New {
			if err := p.delete(ctx, ours[:len(ours)-1]); err != nil {
				return "", "", err
			}
		}
		return action.Unchanged, newest.GetHTMLURL(), nil
	}

	if behavior == action.Update && newest != nil {
		edited, _, err := p.client.Issues.EditComment(ctx, p.owner, p.name, newest.GetID(), &gh.IssueComment{Body: &body})
		if err != nil {
			return "", "", p.fail(fmt.Sprintf("update comment %d on %s", newest.GetID(), p.where()), commentPermission, err)
		}
		if err := p.delete(ctx, ours[:len(ours)-1]); err != nil {
			return "", "", err
		}
		return action.Updated, edited.GetHTMLURL(), nil
	}
	created, _, err := p.client.Issues.CreateComment(ctx, p.owner, p.name, p.cfg.PR, &gh.IssueComment{Body: &body})
	if err != nil {
		return "", "", p.fail("create comment on "+p.where(), commentPermission, err)
	}
	// Deleted after the new one is up, so that a failure leaves a comment.
	if behavior == action.DeleteAndNew {
		if err := p.delete(ctx, ours); err != nil {
			return "", "", err
		}
	}
	return action.Created, created.GetHTMLURL(), nil
}

// comment is one of tollgate's earlier comments.
type comment struct {
	*gh.IssueComment
	marker action.Marker
}

// earlier lists the job's earlier comments on the pull request, oldest
// first (GitHub lists comments in creation order).
func (p *Publisher) earlier(ctx context.Context, marker action.Marker) ([]*comment, error) {
	login, err := p.identity(ctx)
	if err != nil {
		return nil, err
	}
	var ours []*comment
	opts := &gh.IssueListCommentsOptions{ListOptions: gh.ListOptions{PerPage: 100}}
	for {
		page, resp, err := p.client.Issues.ListComments(ctx, p.owner, p.name, p.cfg.PR, opts)
		if err != nil {
			return nil, p.fail("list comments of "+p.where(), "", err)
		}
		for _, c := range page {
			m, ok := markerOf(c.GetBody())
			if ok && m.Same(marker) && authored(login, c.GetUser()) {
				ours = append(ours, &comment{IssueComment: c, marker: m})
			}
		}
		if resp.NextPage == 0 {
			return ours, nil
		}
		opts.Page = resp.NextPage
	}
}

// delete deletes comments; one already gone (a concurrent run) is fine.
func (p *Publisher) delete(ctx context.Context, cs []*comment) error {
	for _, c := range cs {
		if _, err := p.client.Issues.DeleteComment(ctx, p.owner, p.name, c.GetID()); err != nil {
			if err := p.fail(fmt.Sprintf("delete duplicate comment %d on %s", c.GetID(), p.where()), commentPermission, err); !IsNotFound(err) {
				return err
			}
		}
	}
	return nil
}

// markerPrefix starts every marker (action.Marker.String).
const markerPrefix = "<!-- tollgate:comment "

// markerOf finds the marker on a line of its own: a reply that quotes
// tollgate's comment has it after "> " and is not tollgate's.
func markerOf(body string) (action.Marker, bool) {
	for line := range strings.Lines(body) {
		if line = strings.TrimSpace(line); strings.HasPrefix(line, markerPrefix) {
			return action.ParseMarker(line)
		}
	}
	return action.Marker{}, false
}

// same reports whether posting body would change nothing a reader sees.
func same(c *comment, body string, marker action.Marker) bool {
	old := c.GetBody()
	if old == body {
		return true
	}
	return c.marker.Commit == marker.Commit && withoutMarker(old) == withoutMarker(body)
}

// withoutMarker drops the marker's line.
func withoutMarker(body string) string {
	var b strings.Builder
	dropped := false
	for line := range strings.Lines(body) {
		if !dropped && strings.HasPrefix(strings.TrimSpace(line), markerPrefix) {
			dropped = true
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}
