package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/engine"
)

// contextFlags say where a change comes from; CI environments fill what
// the flags leave out.
type contextFlags struct {
	repo, branch, author, commit string
	pullRequest                  int
	labels                       []string
}

func (f *contextFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.repo, "repo", "", "repository (owner/name) for input.context (default: from GitHub Actions or GitLab CI)")
	fl.StringVar(&f.branch, "branch", "", "branch being merged, for input.context")
	fl.IntVar(&f.pullRequest, "pull-request", 0, "pull or merge request `NUMBER`, for input.context")
	fl.StringArrayVar(&f.labels, "label", nil, "a pull-request `LABEL` (repeatable); labels named in override_labels override soft rules")
	fl.StringVar(&f.author, "author", "", "author of the change, for input.context")
	fl.StringVar(&f.commit, "commit", "", "commit being checked, for input.context")
}

// runContext merges the flags over what the CI environment says.
func (c *cli) runContext(f contextFlags) (engine.Context, error) {
	ctx, err := c.ciContext()
	if err != nil {
		return ctx, err
	}
	if f.repo != "" {
		ctx.Repo = f.repo
	}
	if f.branch != "" {
		ctx.Branch = f.branch
	}
	if f.pullRequest != 0 {
		ctx.PullRequest = f.pullRequest
	}
	if len(f.labels) > 0 {
		ctx.Labels = f.labels
	}
	if f.author != "" {
		ctx.Author = f.author
	}
	if f.commit != "" {
		ctx.Commit = f.commit
	}
	return ctx, nil
}

// ciContext reads the run context from GitHub Actions (GITHUB_* variables
// and the event file) or GitLab CI (CI_* variables).
func (c *cli) ciContext() (engine.Context, error) {
	env := c.getenv
	switch {
	case env("GITHUB_ACTIONS") == "true":
		ctx := engine.Context{
			Repo:   env("GITHUB_REPOSITORY"),
			Branch: firstOf(env("GITHUB_HEAD_REF"), env("GITHUB_REF_NAME")),
			Author: env("GITHUB_ACTOR"),
			Commit: env("GITHUB_SHA"),
		}
		if path := env("GITHUB_EVENT_PATH"); path != "" {
			if err := readGitHubEvent(path, &ctx); err != nil {
				return ctx, err
			}
		}
		return ctx, nil
	case env("GITLAB_CI") == "true":
		ctx := engine.Context{
			Repo:   env("CI_PROJECT_PATH"),
			Branch: firstOf(env("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"), env("CI_COMMIT_REF_NAME")),
			Author: env("GITLAB_USER_LOGIN"),
			Commit: env("CI_COMMIT_SHA"),
		}
		if iid := env("CI_MERGE_REQUEST_IID"); iid != "" {
			n, err := strconv.Atoi(iid)
			if err != nil {
				return ctx, fmt.Errorf("CI_MERGE_REQUEST_IID %q is not a number", iid)
			}
			ctx.PullRequest = n
		}
		if labels := env("CI_MERGE_REQUEST_LABELS"); labels != "" {
			ctx.Labels = strings.Split(labels, ",")
		}
		return ctx, nil
	}
	return engine.Context{}, nil
}

// readGitHubEvent takes the pull request's number, labels, author and
// head commit from the event payload. On pull_request events GITHUB_SHA is
// the merge commit, so the head sha is the one to report.
func readGitHubEvent(path string, ctx *engine.Context) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read GITHUB_EVENT_PATH: %w", unwrapPathError(err))
	}
	var event struct {
		PullRequest *struct {
			Number int `json:"number"`
			Labels []struct {
				Name string `json:"name"`
			} `json:"labels"`
			User struct {
				Login string `json:"login"`
			} `json:"user"`
			Head struct {
				Sha string `json:"sha"`
				Ref string `json:"ref"`
			} `json:"head"`
		} `json:"pull_request"`
	}
	if err := json.Unmarshal(data, &event); err != nil {
		return fmt.Errorf("%s (GITHUB_EVENT_PATH): not a GitHub event payload: %w", path, err)
	}
	if pr := event.PullRequest; pr != nil {
		ctx.PullRequest = pr.Number
		ctx.Labels = nil
		for _, l := range pr.Labels {
			ctx.Labels = append(ctx.Labels, l.Name)
		}
		ctx.Author = firstOf(pr.User.Login, ctx.Author)
		ctx.Commit = firstOf(pr.Head.Sha, ctx.Commit)
		ctx.Branch = firstOf(pr.Head.Ref, ctx.Branch)
	}
	return nil
}

func firstOf(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
