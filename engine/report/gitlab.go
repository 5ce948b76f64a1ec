package report

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"path"
	"strings"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
)

// GitLab Code Quality severities, as GitLab documents them.
const (
	cqInfo     = "info"
	cqMinor    = "minor"
	cqMajor    = "major"
	cqCritical = "critical"
	cqBlocker  = "blocker"
)

// DefaultUnlocatedPath is where Code Quality places findings with no
// source location, under the configuration root: the budgets and waivers
// that govern such findings live in tollgate.yml.
const DefaultUnlocatedPath = "tollgate.yml"

// CodeQualityOptions places findings in the repository. GitLab resolves a
// Code Quality path against the repository root, while finding locations
// are relative to the Terraform configuration.
type CodeQualityOptions struct {
	// Root is the configuration's directory relative to the repository
	// root, e.g. "infra/prod"; empty when the configuration is the
	// repository root. It prefixes every location and, when set, enters
	// the fingerprints, so that two roots checked in one pipeline never
	// share one.
	Root string
	// Unlocated is the repository path given to findings without a source
	// location (budgets, or a plan checked without its configuration);
	// DefaultUnlocatedPath under Root when empty.
	Unlocated string
}

type codeQualityIssue struct {
	Description string              `json:"description"`
	CheckName   string              `json:"check_name"`
	Fingerprint string              `json:"fingerprint"`
	Severity    string              `json:"severity"`
	Location    codeQualityLocation `json:"location"`
}

type codeQualityLocation struct {
	Path  string           `json:"path"`
	Lines codeQualityLines `json:"lines"`
}

type codeQualityLines struct {
	Begin int `json:"begin"`
}

// GitLabCodeQuality writes a check result as a GitLab Code Quality report
// (artifacts:reports:codequality): a JSON array with one issue per
// finding, in the result's order. GitLab requires a path and a line for
// every issue, so a finding without a location is placed on line 1 of
// opts.Unlocated, and one without a line on line 1 of its file.
//
// Severity: a blocking deny is a blocker, a deny the gate lets through
// (advisory, overridden) critical, warn major, info info; a waived
// finding is minor (info when it is an info finding) since it has been
// accepted. The fingerprint hashes the rule, address and message (and
// Root), never the line, so the merge request widget matches a finding
// across runs however its block moves.
func GitLabCodeQuality(w io.Writer, res *engine.Result, opts CodeQualityOptions) error {
	if res == nil || res.Estimate == nil {
		return errNoEstimate
	}
	root := cleanRoot(opts.Root)
	unlocated := opts.Unlocated
	if unlocated == "" {
		unlocated = path.Join(root, DefaultUnlocatedPath)
	}
	issues := make([]codeQualityIssue, 0, len(res.Findings))
	for _, j := range res.Findings {
		loc := codeQualityLocation{Path: unlocated, Lines: codeQualityLines{Begin: 1}}
		if j.Location != nil && j.Location.File != "" {
			loc.Path = repoPath(root, j.Location.File)
			loc.Lines.Begin = max(j.Location.Line, 1)
		}
		issues = append(issues, codeQualityIssue{
			Description: codeQualityDescription(j),
			CheckName:   j.Rule,
			Fingerprint: codeQualityFingerprint(root, j),
			Severity:    codeQualitySeverity(j),
			Location:    loc,
		})
	}
	return writeJSON(w, issues)
}

// codeQualityDescription is the message, led by the address when the
// message does not name it (the widget shows only the description and the
// path), and followed by what the gate made of the finding.
func codeQualityDescription(j gate.Judged) string {
	msg := printable(j.Message)
	if j.Address != "" && !strings.Contains(j.Message, j.Address) {
		msg = printable(j.Address) + ": " + msg
	}
	ms := marks(j)
	if len(ms) == 0 {
		return msg
	}
	tags := make([]string, len(ms))
	for i, m := range ms {
		tags[i] = m.String()
	}
	return msg + " [" + strings.Join(tags, "; ") + "]"
}

func codeQualitySeverity(j gate.Judged) string {
	switch {
	case j.Severity == policy.Info:
		return cqInfo
	case j.Waiver != nil:
		return cqMinor
	case j.Severity == policy.Warn:
		return cqMajor
	case j.Blocking:
		return cqBlocker
	case j.Severity == policy.Deny:
		return cqCritical
	}
	// A severity no policy declares: shown, but as the least of concerns.
	return cqInfo
}

// codeQualityFingerprint is the SARIF fingerprint, salted with the root
// when there is one: GitLab merges the Code Quality reports of a pipeline
// and drops issues whose fingerprints repeat.
func codeQualityFingerprint(root string, j gate.Judged) string {
	if root == "" {
		return fingerprint(j)
	}
	sum := sha256.Sum256([]byte(root + "\x00" + j.Rule + "\x00" + j.Address + "\x00" + j.Message))
	return hex.EncodeToString(sum[:16])
}

// cleanRoot makes a repository-relative directory of root: slashes, no
// "./", "" for the repository root.
func cleanRoot(root string) string {
	r := path.Clean(strings.ReplaceAll(root, "\\", "/"))
	if r == "." || r == "/" {
		return ""
	}
	return r
}

// repoPath joins a configuration-relative file to the root; a file
// reaching out of the root ("../modules/x/main.tf") lands where it is.
func repoPath(root, file string) string {
	f := strings.ReplaceAll(file, "\\", "/")
	if path.IsAbs(f) {
		return path.Clean(f)
	}
	return path.Join(root, f)
}

// terraformReport is GitLab's Terraform report.
type terraformReport struct {
	Create int `json:"create"`
	Update int `json:"update"`
	Delete int `json:"delete"`
}

// TerraformReport writes GitLab's Terraform report
// (artifacts:reports:terraform), the resource counts the merge request
// widget shows: {"create": N, "update": N, "delete": N}. It counts as
// GitLab's own conversion of a plan does, one per action of each
// resource: a replacement is one delete and one create, and unchanged
// resources are not counted. Module calls and resources whose instances
// are unknown (listed as unpriced) cannot be counted and are not.
func TerraformReport(w io.Writer, res *engine.Result) error {
	if res == nil || res.Estimate == nil {
		return errNoEstimate
	}
	var r terraformReport
	for _, rc := range res.Resources {
		switch rc.Action {
		case change.Create:
			r.Create++
		case change.Update:
			r.Update++
		case change.Delete:
			r.Delete++
		case change.Replace:
			r.Create++
			r.Delete++
		}
	}
	return writeJSON(w, r)
}
