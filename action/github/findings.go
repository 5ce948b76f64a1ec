package github

import (
	"fmt"
	"path"
	"strings"

	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
)

// Annotations turns the findings that have a source location into
// check-run annotations, in the findings' order. Locations are relative
// to the configuration root; prefix is where that root is in the
// repository ("" at the top, "infra/prod" in a subdirectory). A location
// that leaves the repository cannot be shown on the diff and is left out
// (the summary still lists the finding).
//
// A finding that blocks the merge is a failure; a warn, or a deny the
// gate lets through (advisory, overridden), a warning; info, and a waived
// finding, a notice, as in the workflow-command report.
func Annotations(findings []gate.Judged, prefix string) []Annotation {
	var out []Annotation
	for _, j := range findings {
		if j.Location == nil || j.Location.File == "" || path.IsAbs(j.Location.File) {
			continue
		}
		p := path.Join(prefix, strings.ReplaceAll(j.Location.File, `\`, "/"))
		if p == ".." || strings.HasPrefix(p, "../") {
			continue
		}
		level, status, detail := Notice, "", ""
		switch {
		case j.Blocking:
			level = Fail
		case j.Waiver != nil:
			status = "waived"
			detail = fmt.Sprintf("waived by %s until %s: %s", j.Waiver.Owner, j.Waiver.Expires, j.Waiver.Reason)
		case j.Severity == policy.Deny:
			level, status = Warning, string(j.Level)
			if j.Overridden {
				status = "overridden"
			}
		case j.Severity == policy.Warn:
			level = Warning
		}
		if j.Expired != nil {
			status = "expired waiver"
			detail = fmt.Sprintf("the waiver of %s expired %s; it no longer applies", orDefault(j.Expired.Source, "unknown source"), j.Expired.Expires)
		}
		title := j.Rule
		if status != "" {
			title += " (" + status + ")"
		}
		msg := j.Message
		if j.Address != "" && !strings.Contains(msg, j.Address) {
			msg += " [" + j.Address + "]"
		}
		if detail != "" {
			msg += " (" + detail + ")"
		}
		out = append(out, Annotation{Path: p, StartLine: j.Location.Line, EndLine: j.Location.Line, Level: level, Title: title, Message: msg})
	}
	return out
}

// Conclude gives a check run's conclusion: failure when the gate failed;
// neutral when it passed only because deny findings are advisory or
// overridden (worth a look, not a block); success otherwise. Warnings and
// waived findings do not make a run neutral.
func Conclude(passed bool, findings []gate.Judged) Conclusion {
	if !passed {
		return Failure
	}
	for _, j := range findings {
		if j.Severity == policy.Deny && !j.Blocking && j.Waiver == nil {
			return Neutral
		}
	}
	return Success
}
