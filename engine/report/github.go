package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
)

// GitHub writes a check result as GitHub Actions workflow commands, one
// annotation per finding at its file and line when known, then a notice
// with the verdict and the cost:
//
//	::error file=main.tf,line=12,title=required-tags::aws_instance.web is missing required tag "owner"
//
// A blocking finding is an error; a warn, or a deny the gate lets through
// because of its enforcement level, a warning; info, and a waived finding
// (visible, but accepted), a notice.
//
// GitHub shows at most 10 annotations of each kind per step (and 50 per
// job): the first ones are written, most severe first, and the summary
// says how many were left out.
func GitHub(w io.Writer, res *engine.Result) error {
	if res == nil || res.Estimate == nil {
		return errNoEstimate
	}
	var b strings.Builder
	written := map[string]int{}
	left := 0
	for _, j := range res.Findings {
		command, line := annotation(j)
		// Keep one notice for the summary.
		if limit := annotationsPerStep - boolInt(command == "notice"); written[command] >= limit || written["all"] >= annotationsPerJob-1 {
			left++
			continue
		}
		written[command]++
		written["all"]++
		b.WriteString(line)
	}
	summary := Summary(res)
	if left > 0 {
		summary += fmt.Sprintf(" %d more findings are not annotated: GitHub shows at most %d annotations of each kind per step; see the job summary or the SARIF report.", left, annotationsPerStep)
	}
	b.WriteString(workflowCommand("notice", []property{{"title", toolName}}, summary))
	_, err := io.WriteString(w, b.String())
	return err
}

// GitHub's limits on workflow-command annotations.
const (
	annotationsPerStep = 10 // of each kind: error, warning, notice
	annotationsPerJob  = 50
)

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

type property struct{ name, value string }

// annotation renders one finding as a workflow command, and says which.
func annotation(j gate.Judged) (command, line string) {
	command = "notice"
	status, detail := "", ""
	switch {
	case j.Blocking:
		command = "error"
	case j.Waiver != nil:
		status, detail = "waived", "waived "+waiverTerms(j.Waiver)
	case j.Severity == policy.Deny:
		command = "warning"
		if j.Overridden {
			status = "overridden"
		} else {
			status = string(j.Level)
		}
	case j.Severity == policy.Warn:
		command = "warning"
	}
	if j.Expired != nil {
		status = "expired waiver"
		detail = fmt.Sprintf("the waiver of %s expired %s; it no longer applies", orUnknown(j.Expired.Source), j.Expired.Expires)
	}
	title := j.Rule
	if status != "" {
		title += " (" + status + ")"
	}
	var props []property
	if j.Location != nil && j.Location.File != "" {
		props = append(props, property{"file", j.Location.File})
		if j.Location.Line > 0 {
			props = append(props, property{"line", strconv.Itoa(j.Location.Line)})
		}
	}
	props = append(props, property{"title", title})
	msg := j.Message
	if j.Address != "" && !strings.Contains(msg, j.Address) {
		msg += " [" + j.Address + "]"
	}
	if detail != "" {
		msg += " (" + detail + ")"
	}
	return command, workflowCommand(command, props, msg)
}

// workflowCommand formats "::command k=v,k=v::message\n", escaped as the
// runner unescapes them.
func workflowCommand(command string, props []property, message string) string {
	var b strings.Builder
	b.WriteString("::" + command)
	for i, p := range props {
		sep := ","
		if i == 0 {
			sep = " "
		}
		b.WriteString(sep + p.name + "=" + escapeProperty(p.value))
	}
	b.WriteString("::" + escapeData(message) + "\n")
	return b.String()
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a command's message.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a command's property value, where ":" and ","
// would end it.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
