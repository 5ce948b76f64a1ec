package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/action"
	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/report"
)

// postTimeout bounds all the requests of one comment command, retries
// included: a slow forge must not hold the pipeline for long.
const postTimeout = 3 * time.Minute

type commentFlags struct {
	checkFlags
	result   string
	behavior string
	key      string
	apiURL   string
}

func (c *cli) commentCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "comment",
		Short: "Post a check result to a GitHub pull request or a GitLab merge request",
		Long: `Comment runs tollgate check (or reads a saved result, --result) and posts
it where developers look: one sticky comment on the pull or merge request,
updated in place run after run, with the cost diff and the findings; on
GitHub also a check run with annotations on the .tf lines.

The exit code is the gate's: 0 passed, 1 failed, 2 tollgate could not
evaluate. A failed post is reported but never hides the gate's result.`,
	}
	cmd.AddCommand(c.commentGitHubCommand(), c.commentGitLabCommand())
	return cmd
}

func (f *commentFlags) register(cmd *cobra.Command) {
	f.checkFlags.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&f.result, "result", "", "post a saved result (tollgate check --format json --out `FILE`) instead of checking PATH")
	fl.StringVar(&f.behavior, "behavior", string(action.Update), "what to do with an earlier run's comment: update, new or delete-and-new")
	fl.StringVar(&f.key, "comment-key", "default", "tells apart several tollgate jobs on one pull request (one `KEY` per Terraform root)")
	fl.StringVar(&f.apiURL, "api-url", "", "the forge's API `URL` (default: GITHUB_API_URL or CI_API_V4_URL, else github.com / gitlab.com)")
}

// commentRun is what both forges do before posting: get the result,
// print it and write the reports, and prepare the comment.
type commentRun struct {
	res      *engine.Result
	run      engine.Context
	marker   action.Marker
	behavior action.Behavior
	body     string
	opts     renderOptions
}

// prepare checks PATH (or reads --result), prints the result in --format,
// writes the --report files and renders the comment body.
func (c *cli) prepare(args []string, f commentFlags, limit int) (*commentRun, error) {
	behavior, err := action.ParseBehavior(f.behavior)
	if err != nil {
		return nil, err
	}
	format, err := pickFormat(checkFormats, f.format)
	if err != nil {
		return nil, err
	}
	reports, err := parseReports(f.reports)
	if err != nil {
		return nil, err
	}
	run, err := c.runContext(f.context)
	if err != nil {
		return nil, err
	}
	var res *engine.Result
	path := ""
	switch {
	case f.result != "" && len(args) > 0:
		return nil, errors.New("give PATH or --result, not both")
	case f.result != "":
		file, err := os.Open(f.result)
		if err != nil {
			return nil, fmt.Errorf("read --result: %w", err)
		}
		defer file.Close()
		if res, err = report.ReadCheckJSON(file); err != nil {
			return nil, fmt.Errorf("%s: %w", f.result, err)
		}
	case len(args) == 1:
		path = args[0]
		if res, err = c.check(path, f.checkFlags); err != nil {
			return nil, err
		}
	default:
		return nil, errors.New("give the PATH to check (a plan JSON or a .tf directory), or --result FILE")
	}
	opts := f.renderOptions(path)
	if err := c.writeOutput(f.out, func(w io.Writer, color bool) error {
		o := opts
		o.color = color
		return format.render(w, res, o)
	}, f.noColor); err != nil {
		return nil, err
	}
	if err := c.writeReports(reports, res, opts); err != nil {
		return nil, err
	}
	marker := action.Marker{Key: f.key, Commit: run.Commit, Time: c.now().UTC().Truncate(time.Second)}
	title := "tollgate"
	if f.key != "" && f.key != "default" {
		title += " (" + f.key + ")"
	}
	body := report.Comment(res, report.CommentOptions{Marker: marker.String(), Limit: limit, Title: title, DetailsURL: c.detailsURL()})
	return &commentRun{res: res, run: run, marker: marker, behavior: behavior, body: body, opts: opts}, nil
}

// detailsURL links the comment to the CI job that wrote it.
func (c *cli) detailsURL() string {
	if server, repo, id := c.getenv("GITHUB_SERVER_URL"), c.getenv("GITHUB_REPOSITORY"), c.getenv("GITHUB_RUN_ID"); server != "" && repo != "" && id != "" {
		return server + "/" + repo + "/actions/runs/" + id
	}
	return c.getenv("CI_JOB_URL")
}

// gateExit is the exit of a comment command once the result is known:
// posting problems are reported, the gate decides the code.
func gateExit(res *engine.Result) error {
	if !res.Passed {
		return &exitError{code: exitGate}
	}
	return nil
}

// forgeClient is the HTTP client of forge APIs: retries what the forge
// asks to retry, within the command's deadline.
func forgeClient() *http.Client {
	return &http.Client{Transport: &action.Retry{}}
}

func postContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), postTimeout)
}

// warnf reports a posting problem on one line, with the token removed.
func (c *cli) warnf(token, format string, args ...any) {
	fmt.Fprintf(c.stderr, "tollgate: %s\n", oneLine(action.Redact(fmt.Sprintf(format, args...), token)))
}
