package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// Exit codes: a contract with CI pipelines (README, "Exit codes").
const (
	exitOK     = 0
	exitGate   = 1 // the gate failed: a deny finding that is not waived
	exitFailed = 2 // tollgate could not do its job: bad input, policy or config
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// cli carries the process's streams and environment into the commands, so
// that tests can run them in-process.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	env            []string // KEY=value, as os.Environ gives it
	now            func() time.Time
}

// getenv returns an environment variable, "" when unset.
func (c *cli) getenv(key string) string {
	for _, kv := range c.env {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// run executes the command line and returns the exit code. env is the
// process environment (os.Environ()).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, env []string) int {
	return (&cli{stdin: stdin, stdout: stdout, stderr: stderr, env: env, now: time.Now}).run(args)
}

func (c *cli) run(args []string) int {
	stdout, stderr := c.stdout, c.stderr
	root := c.rootCommand()
	root.SetArgs(args)
	root.SetIn(c.stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ex *exitError
	if errors.As(err, &ex) {
		if ex.err != nil {
			printError(stderr, ex.err)
		}
		return ex.code
	}
	// Commands wrap their own errors in exitError; anything else is cobra
	// refusing the command line.
	fmt.Fprintf(stderr, "tollgate: %s\nRun 'tollgate --help' for usage.\n", oneLine(err.Error()))
	return exitFailed
}

// exitError ends a command with a specific exit code; err, when set, is
// printed first.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (c *cli) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "tollgate",
		Short: "Cost estimates and policy guardrails for Terraform changes, offline",
		Long: `tollgate tells you what a Terraform change costs per month, checks it
against your Rego policies and gates the merge. It runs offline: prices,
policies and the store are built in.

Exit codes: 0 success, 1 the gate failed, 2 tollgate could not do its job
(bad input, policy or config).`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.AddCommand(c.estimateCommand(), c.checkCommand(), c.commentCommand(), c.policyCommand(), c.pricingCommand(), c.recordCommand(), c.reconcileCommand())
	return root
}

// colorWanted reports whether output to w may use ANSI colors: only on a
// terminal, never with NO_COLOR set or --no-color.
func (c *cli) colorWanted(w io.Writer, noColor bool) bool {
	if noColor || c.getenv("NO_COLOR") != "" || c.getenv("TERM") == "dumb" {
		return false
	}
	return c.isTerminal(w)
}

// isTerminal reports whether w is a terminal.
func (c *cli) isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// printError prints an error on one line, or one line per problem for
// errors that list several (a policy that does not compile).
func printError(w io.Writer, err error) {
	var many interface{ Lines() []string }
	if errors.As(err, &many) {
		for _, line := range many.Lines() {
			fmt.Fprintf(w, "tollgate: %s\n", oneLine(line))
		}
		return
	}
	fmt.Fprintf(w, "tollgate: %s\n", oneLine(err.Error()))
}

// oneLine keeps error output to one line, whatever a library put in it.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
