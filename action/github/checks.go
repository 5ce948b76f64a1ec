package github

import (
	"context"
	"fmt"
	"unicode/utf8"

	gh "github.com/google/go-github/v60/github"
)

// Conclusion is a check run's verdict.
type Conclusion string

// Conclusions tollgate gives.
const (
	Success Conclusion = "success"
	Failure Conclusion = "failure"
	// Neutral is a pass with findings the gate only advises about.
	Neutral Conclusion = "neutral"
)

// Level is an annotation's level.
type Level string

// Annotation levels.
const (
	Notice  Level = "notice"
	Warning Level = "warning"
	Fail    Level = "failure"
)

// Annotation marks a line of a file in the pull request's diff.
type Annotation struct {
	Path      string // relative to the repository root, with slashes
	StartLine int    // 1-based; 0 means the first line
	EndLine   int    // StartLine when 0
	Level     Level
	Title     string // the rule id
	Message   string
}

// CheckRun is what Checks posts.
type CheckRun struct {
	Conclusion  Conclusion
	Title       string // one line, e.g. "Gate failed: +$120.40/month"
	Summary     string // Markdown
	Text        string // Markdown details; optional
	DetailsURL  string // optional, e.g. the workflow run
	Annotations []Annotation
}

// Limits of the checks API.
const (
	MaxAnnotationsPerRequest = 50
	maxOutputLength          = 65535 // output.summary and output.text, characters
	maxAnnotationTitle       = 255   // characters
	maxAnnotationMessage     = 64 * 1024
	maxStatusDescription     = 140 // characters
)

// checksPermission is what the job's token needs for check runs.
const checksPermission = "checks: write"

// Checks creates a check run on the head commit, completed with the
// run's conclusion, and returns how many annotations it sent. GitHub takes
// at most 50 annotations per request: the run is created with the first
// 50 and updated with the rest, 50 at a time (GitHub appends them). The
// run is complete from the first request, so a later batch that fails
// leaves the verdict in place; the count says how far it got.
func (p *Publisher) Checks(ctx context.Context, run CheckRun) (int, error) {
	switch run.Conclusion {
	case Success, Failure, Neutral:
	default:
		return 0, fmt.Errorf("github: check run conclusion %q is not success, failure or neutral", run.Conclusion)
	}
	if p.cfg.HeadSHA == "" {
		return 0, fmt.Errorf("github: no head commit for the check run: pass the pull request's head SHA (pull_request.head.sha)")
	}
	anns := make([]*gh.CheckRunAnnotation, 0, len(run.Annotations))
	for _, a := range run.Annotations {
		if a.Path != "" {
			anns = append(anns, wireAnnotation(a))
		}
	}
	output := func(batch []*gh.CheckRunAnnotation) *gh.CheckRunOutput {
		out := &gh.CheckRunOutput{
			Title:       ptr(orDefault(run.Title, p.checkName())),
			Summary:     ptr(cut(orDefault(orDefault(run.Summary, run.Title), p.checkName()), maxOutputLength, "summary")),
			Annotations: batch,
		}
		if run.Text != "" {
			out.Text = ptr(cut(run.Text, maxOutputLength, "text"))
		}
		return out
	}
	first := anns[:min(len(anns), MaxAnnotationsPerRequest)]
	opts := gh.CreateCheckRunOptions{
		Name:       p.checkName(),
		HeadSHA:    p.cfg.HeadSHA,
		Status:     ptr("completed"),
		Conclusion: ptr(string(run.Conclusion)),
		Output:     output(first),
	}
	if run.DetailsURL != "" {
		opts.DetailsURL = ptr(run.DetailsURL)
	}
	op := fmt.Sprintf("create check run on %s/%s@%s", p.owner, p.name, short(p.cfg.HeadSHA))
	created, _, err := p.client.Checks.CreateCheckRun(ctx, p.owner, p.name, opts)
	if err != nil {
		return 0, p.fail(op, checksPermission, err)
	}
	sent := len(first)
	for sent < len(anns) {
		batch := anns[sent:min(len(anns), sent+MaxAnnotationsPerRequest)]
		_, _, err := p.client.Checks.UpdateCheckRun(ctx, p.owner, p.name, created.GetID(), gh.UpdateCheckRunOptions{
			Name:   p.checkName(),
			Output: output(batch),
		})
		if err != nil {
			return sent, p.fail(fmt.Sprintf("add annotations %d-%d of %d to check run %d", sent+1, sent+len(batch), len(anns), created.GetID()), checksPermission, err)
		}
		sent += len(batch)
	}
	return sent, nil
}

func wireAnnotation(a Annotation) *gh.CheckRunAnnotation {
	start := max(1, a.StartLine)
	end := max(start, a.EndLine)
	w := &gh.CheckRunAnnotation{
		Path:            ptr(a.Path),
		StartLine:       ptr(start),
		EndLine:         ptr(end),
		AnnotationLevel: ptr(string(orDefault(a.Level, Notice))),
		Message:         ptr(truncateBytes(orDefault(a.Message, a.Title), maxAnnotationMessage)),
	}
	if a.Title != "" {
		w.Title = ptr(truncate(a.Title, maxAnnotationTitle))
	}
	return w
}

// Status sets the commit status "tollgate" (or "tollgate (KEY)") on the
// head commit, for tokens that cannot create check runs. The description
// is cut to GitHub's 140 characters.
func (p *Publisher) Status(ctx context.Context, passed bool, description, targetURL string) error {
	if p.cfg.HeadSHA == "" {
		return fmt.Errorf("github: no head commit for the status: pass the pull request's head SHA (pull_request.head.sha)")
	}
	state := "failure"
	if passed {
		state = "success"
	}
	st := &gh.RepoStatus{
		State:       ptr(state),
		Context:     ptr(p.checkName()),
		Description: ptr(truncate(description, maxStatusDescription)),
	}
	if targetURL != "" {
		st.TargetURL = ptr(targetURL)
	}
	if _, _, err := p.client.Repositories.CreateStatus(ctx, p.owner, p.name, p.cfg.HeadSHA, st); err != nil {
		return p.fail(fmt.Sprintf("set status on %s/%s@%s", p.owner, p.name, short(p.cfg.HeadSHA)), "statuses: write", err)
	}
	return nil
}

func short(sha string) string {
	if len(sha) > 7 {
		return sha[:7]
	}
	return sha
}

func orDefault[T ~string](s, def T) T {
	if s == "" {
		return def
	}
	return s
}

// truncateBytes cuts s to at most n bytes on a character boundary.
func truncateBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n-len("…")]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + "…"
}
