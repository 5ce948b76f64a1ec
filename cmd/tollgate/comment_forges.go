package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/action/github"
	"github.com/tollgate-dev/tollgate/action/gitlab"
	"github.com/tollgate-dev/tollgate/engine/report"
)

func (c *cli) commentGitHubCommand() *cobra.Command {
	var f commentFlags
	cmd := &cobra.Command{
		Use:   "github [PATH]",
		Short: "Check a change and post the result to its GitHub pull request",
		Long: `Post a check result to a GitHub pull request: one sticky comment (found
by a hidden marker and updated in place; an older run never overwrites a
newer one), a check run named tollgate with annotations on the .tf lines
(in batches of 50), and the job summary.

From GitHub Actions it reads GITHUB_API_URL (GitHub Enterprise Server
too), GITHUB_REPOSITORY, GITHUB_TOKEN and GITHUB_EVENT_PATH (the pull
request's number and head commit); --api-url, --repo, --pull-request and
--commit override them. The token needs pull-requests: write and checks:
write. When it cannot create check runs (a personal access token), the
gate goes in a commit status. When it cannot write at all (pull requests
from forks get a read-only token) or there is none, tollgate says so once
and writes workflow-command annotations and the job summary instead, which
need no token.`,
		Example: `  tollgate comment github plan.json --source infra
  tollgate comment github infra/ --policy policies/ --behavior delete-and-new
  tollgate check plan.json --format json --out result.json; tollgate comment github --result result.json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cr, err := c.prepare(args, f, report.GitHubCommentLimit)
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			c.publishGitHub(cr, f)
			return gateExit(cr.res)
		},
	}
	f.register(cmd)
	return cmd
}

// publishGitHub posts the comment and the check run, degrading to what
// needs no token when posting is not allowed. Problems are reported, never
// returned: the gate's result is the command's.
func (c *cli) publishGitHub(cr *commentRun, f commentFlags) {
	if path := c.getenv("GITHUB_STEP_SUMMARY"); path != "" {
		if err := appendFile(path, cr.body+"\n"); err != nil {
			c.warnf("", "could not write the job summary (GITHUB_STEP_SUMMARY): %v", err)
		}
	}
	token := c.getenv("GITHUB_TOKEN")
	fallback := func(why string) {
		c.warnf(token, "%s; writing annotations and the job summary instead", why)
		if err := report.GitHub(c.stdout, cr.res); err != nil {
			c.warnf(token, "write annotations: %v", err)
		}
	}
	switch {
	case token == "":
		fallback("GITHUB_TOKEN is not set, so nothing can be posted")
		return
	case cr.run.Repo == "" || cr.run.PullRequest == 0:
		fallback("no pull request to comment on (GITHUB_EVENT_PATH has no pull_request; set --repo and --pull-request)")
		return
	}
	pub, err := github.New(github.Config{
		APIURL: firstOf(f.apiURL, c.getenv("GITHUB_API_URL")), Repo: cr.run.Repo, Token: token,
		PR: cr.run.PullRequest, HeadSHA: cr.run.Commit, Key: f.key, HTTPClient: forgeClient(),
	})
	if err != nil {
		fallback(err.Error())
		return
	}
	ctx, cancel := postContext()
	defer cancel()
	outcome, url, err := pub.Comment(ctx, cr.body, cr.marker, cr.behavior)
	if err != nil {
		// A read-only or missing permission will refuse everything else too:
		// one message, then the outputs that need no token.
		fallback("could not post the comment: " + err.Error())
		return
	}
	fmt.Fprintf(c.stderr, "tollgate: comment %s: %s\n", outcome, url)
	if cr.run.Commit == "" {
		c.warnf(token, "no head commit (GITHUB_EVENT_PATH or --commit): no check run")
		return
	}
	prefix := strings.TrimPrefix(cr.opts.root, ".")
	n, err := pub.Checks(ctx, github.CheckRun{
		Conclusion:  github.Conclude(cr.res.Passed, cr.res.Findings),
		Title:       checkTitle(cr),
		Summary:     cr.body,
		DetailsURL:  c.detailsURL(),
		Annotations: github.Annotations(cr.res.Findings, prefix),
	})
	if err == nil {
		fmt.Fprintf(c.stderr, "tollgate: check run with %d annotations\n", n)
		return
	}
	if !github.IsForbidden(err) {
		c.warnf(token, "could not create the check run: %v", err)
		return
	}
	// Personal access tokens may not create check runs: a commit status
	// carries the gate, workflow commands the annotations.
	if err := pub.Status(ctx, cr.res.Passed, checkTitle(cr), c.detailsURL()); err != nil {
		fallback("could not create a check run or a commit status: " + err.Error())
		return
	}
	c.warnf(token, "the token cannot create check runs; set a commit status instead, with annotations from workflow commands")
	if err := report.GitHub(c.stdout, cr.res); err != nil {
		c.warnf(token, "write annotations: %v", err)
	}
}

// checkTitle is the one-line verdict of check runs and statuses.
func checkTitle(cr *commentRun) string { return report.Summary(cr.res) }

func (c *cli) commentGitLabCommand() *cobra.Command {
	var f commentFlags
	cmd := &cobra.Command{
		Use:   "gitlab [PATH]",
		Short: "Check a change and post the result to its GitLab merge request",
		Long: `Post a check result to a GitLab merge request as one sticky note (found by
a hidden marker and updated in place; an older run never overwrites a
newer one). Write the merge request's reports with --report:
gitlab-codequality=gl-code-quality-report.json,
gitlab-terraform=tollgate-terraform.json and junit=tollgate-junit.xml.

From GitLab CI it reads CI_API_V4_URL, CI_PROJECT_ID (or CI_PROJECT_PATH)
and CI_MERGE_REQUEST_IID; --api-url, --repo and --pull-request override
them. Posting needs a project access token with the api scope in
GITLAB_TOKEN: CI_JOB_TOKEN cannot write notes.`,
		Example: `  tollgate comment gitlab plan.json --report gitlab-codequality=gl-code-quality-report.json`,
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cr, err := c.prepare(args, f, gitlab.MaxNoteLength)
			if err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			c.publishGitLab(cr, f)
			return gateExit(cr.res)
		},
	}
	f.register(cmd)
	return cmd
}

func (c *cli) publishGitLab(cr *commentRun, f commentFlags) {
	token, jobToken := c.getenv("GITLAB_TOKEN"), false
	if token == "" && c.getenv("CI_JOB_TOKEN") != "" {
		token, jobToken = c.getenv("CI_JOB_TOKEN"), true
	}
	project := cr.run.Repo
	if f.context.repo == "" && c.getenv("CI_PROJECT_ID") != "" {
		project = c.getenv("CI_PROJECT_ID")
	}
	if project == "" || cr.run.PullRequest == 0 {
		c.warnf(token, "no merge request to comment on (CI_MERGE_REQUEST_IID is not set: run the job in merge request pipelines, or set --repo and --pull-request)")
		return
	}
	pub, err := gitlab.New(gitlab.Config{
		APIURL: firstOf(f.apiURL, c.getenv("CI_API_V4_URL")), Project: project, MR: cr.run.PullRequest,
		Token: token, JobToken: jobToken, HTTPClient: forgeClient(),
	})
	if err != nil {
		c.warnf(token, "could not post the note: %v", err)
		return
	}
	ctx, cancel := postContext()
	defer cancel()
	outcome, url, err := pub.Comment(ctx, cr.body, cr.marker, cr.behavior)
	if err != nil {
		c.warnf(token, "could not post the note: %v", err)
		return
	}
	fmt.Fprintf(c.stderr, "tollgate: note %s: %s\n", outcome, url)
}

func appendFile(path, text string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
