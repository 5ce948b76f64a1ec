// Package gitlab posts a check result to a GitLab merge request as one
// sticky note: tollgate's note is found by its marker among the merge
// request's notes, updated in place, and never overwritten by an older
// run. It talks to the REST API through the official client.
package gitlab

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	gl "gitlab.com/gitlab-org/api/client-go"

	"github.com/tollgate-dev/tollgate/action"
)

// MaxNoteLength is GitLab's limit on a note's length, in characters.
const MaxNoteLength = 1_000_000

// DefaultAPIURL is GitLab.com's REST API.
const DefaultAPIURL = "https://gitlab.com/api/v4"

// DefaultTimeout bounds the default HTTP client's wait for each
// response. It is per attempt, not an http.Client.Timeout, which would
// span the retries and their waits too.
const DefaultTimeout = 30 * time.Second

// jobTokenPrefix starts CI job tokens (GitLab 17 and later), which cannot
// post notes.
const jobTokenPrefix = "glcbt-"

// notesPerPage is the largest page GitLab serves.
const notesPerPage = 100

// maxNotePages stops reading notes from a server that never stops
// pointing at a next page: 50,000 notes is far more than any merge
// request has.
const maxNotePages = 500

// Config says where to post and as whom.
type Config struct {
	// APIURL is the REST API's base (CI_API_V4_URL); DefaultAPIURL when
	// empty.
	APIURL string
	// Project is the numeric project id (CI_PROJECT_ID) or its path with
	// namespace, group/sub/project; the path is URL-encoded on the wire.
	Project string
	// MR is the merge request's iid (CI_MERGE_REQUEST_IID), the number
	// shown as !12.
	MR int
	// Token is a project, group or personal access token with the api
	// scope, sent as PRIVATE-TOKEN.
	Token string
	// JobToken says Token is CI_JOB_TOKEN, which GitLab does not let post
	// notes: New refuses it. Job tokens with GitLab's glcbt- prefix are
	// recognised without it.
	JobToken bool
	// HTTPClient sends the requests; when nil, a client retrying through
	// action.Retry that waits DefaultTimeout for each response. The
	// GitLab client's own retries are off: retrying is the transport's
	// job.
	HTTPClient *http.Client
}

// Publisher posts notes on one merge request.
type Publisher struct {
	client  *gl.Client
	project string // id or path, decoded
	mr      int64
	token   string
	// where names the merge request in messages: "merge request !12 of
	// project group/app".
	where string
}

// New checks the configuration and makes a publisher. It sends nothing.
func New(cfg Config) (*Publisher, error) {
	apiURL := cfg.APIURL
	if apiURL == "" {
		apiURL = DefaultAPIURL
	}
	if u, err := url.Parse(apiURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("gitlab: API URL %q is not an http(s) URL: give the REST API's base, as CI_API_V4_URL does (e.g. %s)", action.Redact(apiURL, cfg.Token), DefaultAPIURL)
	}
	project, err := projectID(cfg.Project)
	if err != nil {
		return nil, err
	}
	if cfg.MR <= 0 {
		return nil, errors.New(`gitlab: no merge request: CI_MERGE_REQUEST_IID is set only in merge request pipelines; run the job on merge request events (rules: - if: $CI_PIPELINE_SOURCE == "merge_request_event") or name the merge request`)
	}
	if cfg.JobToken || strings.HasPrefix(cfg.Token, jobTokenPrefix) {
		return nil, ErrJobToken
	}
	if strings.TrimSpace(cfg.Token) == "" {
		return nil, ErrNoToken
	}
	hc := cfg.HTTPClient
	if hc == nil {
		base := http.DefaultTransport.(*http.Transport).Clone()
		base.ResponseHeaderTimeout = DefaultTimeout
		hc = &http.Client{Transport: &action.Retry{Base: base}}
	}
	client, err := gl.NewClient(cfg.Token,
		gl.WithBaseURL(apiURL),
		gl.WithHTTPClient(hc),
		gl.WithoutRetries(),
		gl.WithURLWarningLogger(slog.New(slog.DiscardHandler)),
		gl.WithUserAgent("tollgate"),
	)
	if err != nil {
		return nil, fmt.Errorf("gitlab: %s", action.Redact(err.Error(), cfg.Token))
	}
	return &Publisher{
		client:  client,
		project: project,
		mr:      int64(cfg.MR),
		token:   cfg.Token,
		where:   fmt.Sprintf("merge request !%d of project %s", cfg.MR, project),
	}, nil
}

// projectID reads a project id or path, decoding a path given encoded
// (group%2Fapp) so that the client encodes it exactly once.
func projectID(s string) (string, error) {
	p := strings.Trim(strings.TrimSpace(s), "/")
	if strings.Contains(p, "%") {
		if dec, err := url.PathUnescape(p); err == nil {
			p = dec
		}
	}
	if p == "" {
		return "", errors.New("gitlab: no project: give the numeric project id (CI_PROJECT_ID) or its path, e.g. group/app")
	}
	if _, err := strconv.ParseInt(p, 10, 64); err != nil && !strings.Contains(p, "/") {
		return "", fmt.Errorf("gitlab: project %q is neither a numeric id nor a path with its namespace (group/app)", p)
	}
	return p, nil
}

// Comment posts body on the merge request as tollgate's note for
// marker.Key, with the marker on its first line (a marker already leading
// body is replaced), and returns what happened and the note's URL.
//
// tollgate's earlier notes are the non-system notes of the token's user
// carrying a marker with the same key; no other note is ever touched.
// Then, as on GitHub:
//   - if one of them was written by a run that started later than
//     marker.Time, it is left alone (Skipped);
//   - if the newest says the same, nothing is posted (Unchanged): the body
//     is identical, or differs only in the marker's time for the same
//     commit (a re-run of the same check);
//   - otherwise update (the default behavior) edits the newest in place,
//     or creates one when there is none; new adds a note; delete-and-new
//     adds one and then deletes the earlier ones.
//
// Update and delete-and-new also delete the job's other notes, duplicates
// left by concurrent runs. A note over MaxNoteLength is refused
// (TooLongError) before anything is sent.
func (p *Publisher) Comment(ctx context.Context, body string, marker action.Marker, behavior action.Behavior) (action.Outcome, string, error) {
	if behavior == "" {
		behavior = action.Update
	}
	if _, err := action.ParseBehavior(string(behavior)); err != nil {
		return "", "", fmt.Errorf("gitlab: %w", err)
	}
	full := marker.String() + "\n" + stripMarker(body)
	if n := utf8.RuneCountInString(full); n > MaxNoteLength {
		return "", "", &TooLongError{Length: n}
	}
	opt := gl.WithContext(ctx)

	me, resp, err := p.client.Users.CurrentUser(opt)
	if err != nil {
		return "", "", p.fail(ctx, "read the token's user", resp, err)
	}
	mr, resp, err := p.client.MergeRequests.GetMergeRequest(p.project, p.mr, nil, opt)
	if err != nil {
		return "", "", p.fail(ctx, "read "+p.where, resp, err)
	}
	ours, err := p.ours(ctx, me.ID, marker)
	if err != nil {
		return "", "", err
	}
	link := func(id int64) string { return mr.WebURL + "#note_" + strconv.FormatInt(id, 10) }

	for _, n := range ours {
		if m, _ := action.ParseMarker(n.Body); marker.Older(m) {
			return action.Skipped, link(n.ID), nil
		}
	}
	var newest *gl.Note
	var earlier []*gl.Note
	if len(ours) > 0 {
		newest, earlier = ours[len(ours)-1], ours[:len(ours)-1]
	}
	if newest != nil && same(newest.Body, full, marker) {
		if behavior != action.New {
			if err := p.delete(ctx, earlier); err != nil {
				return "", "", err
			}
		}
		return action.Unchanged, link(newest.ID), nil
	}

	if behavior == action.Update && newest != nil {
		n, resp, err := p.client.Notes.UpdateMergeRequestNote(p.project, p.mr, newest.ID, &gl.UpdateMergeRequestNoteOptions{Body: &full}, opt)
		switch {
		case resp != nil && resp.StatusCode == http.StatusNotFound:
			// Deleted meanwhile by a concurrent delete-and-new run.
			behavior = action.New
		case err != nil:
			return "", "", p.fail(ctx, "update note "+strconv.FormatInt(newest.ID, 10)+" on "+p.where, resp, err)
		default:
			if err := p.delete(ctx, earlier); err != nil {
				return "", "", err
			}
			return action.Updated, link(n.ID), nil
		}
	}
	n, resp, err := p.client.Notes.CreateMergeRequestNote(p.project, p.mr, &gl.CreateMergeRequestNoteOptions{Body: &full}, opt)
	if err != nil {
		return "", "", p.fail(ctx, "create a note on "+p.where, resp, err)
	}
	// Deleted after the new one is up, so that a failure leaves a note.
	if behavior == action.DeleteAndNew {
		if err := p.delete(ctx, ours); err != nil {
			return "", "", err
		}
	}
	return action.Created, link(n.ID), nil
}

// ours lists tollgate's notes for the marker's key, oldest first.
func (p *Publisher) ours(ctx context.Context, me int64, marker action.Marker) ([]*gl.Note, error) {
	opts := &gl.ListMergeRequestNotesOptions{
		ListOptions: gl.ListOptions{PerPage: notesPerPage},
		OrderBy:     gl.Ptr("created_at"),
		Sort:        gl.Ptr("asc"),
	}
	var out []*gl.Note
	var last *gl.Response
	pages := 0
	for n, err := range gl.Scan2(func(page gl.PaginationOptionFunc) ([]*gl.Note, *gl.Response, error) {
		if pages++; pages > maxNotePages {
			return nil, nil, fmt.Errorf("gitlab: list the notes of %s: more than %d pages: the server keeps pointing at a next page", p.where, maxNotePages)
		}
		notes, resp, err := p.client.Notes.ListMergeRequestNotes(p.project, p.mr, opts, gl.WithContext(ctx), page)
		last = resp
		return notes, resp, err
	}) {
		if err != nil && pages > maxNotePages {
			return nil, err
		}
		if err != nil {
			return nil, p.fail(ctx, "list the notes of "+p.where, last, err)
		}
		if n.System || n.Author.ID != me {
			continue
		}
		if m, ok := action.ParseMarker(n.Body); ok && m.Same(marker) {
			out = append(out, n)
		}
	}
	slices.SortStableFunc(out, func(a, b *gl.Note) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// delete deletes notes; one already gone is not an error.
func (p *Publisher) delete(ctx context.Context, notes []*gl.Note) error {
	for _, n := range notes {
		resp, err := p.client.Notes.DeleteMergeRequestNote(p.project, p.mr, n.ID, gl.WithContext(ctx))
		if err != nil && (resp == nil || resp.StatusCode != http.StatusNotFound) {
			return p.fail(ctx, "delete note "+strconv.FormatInt(n.ID, 10)+" on "+p.where, resp, err)
		}
	}
	return nil
}

// stripMarker removes a tollgate marker line leading a body.
func stripMarker(body string) string {
	first, rest, _ := strings.Cut(body, "\n")
	if _, ok := action.ParseMarker(first); ok && strings.HasPrefix(strings.TrimSpace(first), "<!--") {
		return rest
	}
	return body
}

// same reports whether posting full would change nothing a reader sees:
// the note is identical, or says the same for the same commit. GitLab
// may trim the whitespace around a note.
func same(note, full string, marker action.Marker) bool {
	if note == full {
		return true
	}
	m, _ := action.ParseMarker(note)
	return m.Commit == marker.Commit && strings.TrimSpace(stripMarker(note)) == strings.TrimSpace(stripMarker(full))
}
