package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
)

// JUnit names.
const (
	junitName      = "tollgate"
	junitWhole     = "(whole change)" // test name of findings without an address
	junitNoFinding = "no findings"    // test name of a rule that found nothing
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	Skipped   int         `xml:"skipped,attr"`
	Cases     []junitCase `xml:"testcase"`
	SystemOut string      `xml:"system-out,omitempty"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitOutcome `xml:"failure,omitempty"`
	Skipped   *junitOutcome `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitOutcome struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// JUnit writes a check result as JUnit XML, for CI systems that show test
// reports: one test suite, one test case per rule and address with
// findings, and one passing test case per evaluated rule that found
// nothing. A blocking finding fails its test case; a deny the gate lets
// through (waived, advisory, overridden) skips it; warn and info findings
// pass it, with their messages as output. The suite's output holds the
// cost totals and the verdict.
func JUnit(w io.Writer, res *engine.Result) error {
	if res == nil || res.Estimate == nil {
		return errNoEstimate
	}
	suite := junitSuite{Name: junitName, SystemOut: junitSummary(res)}
	for _, group := range groupByRuleAddress(res.Findings) {
		suite.Cases = append(suite.Cases, junitCaseOf(group))
	}
	for _, r := range ruleInfos(res) {
		if r.quiet(res.Findings) {
			suite.Cases = append(suite.Cases, junitCase{Name: junitNoFinding, Classname: r.ID})
		}
	}
	for _, c := range suite.Cases {
		suite.Tests++
		switch {
		case c.Failure != nil:
			suite.Failures++
		case c.Skipped != nil:
			suite.Skipped++
		}
	}
	doc := junitSuites{Name: junitName, Tests: suite.Tests, Failures: suite.Failures, Skipped: suite.Skipped, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// groupByRuleAddress groups findings by rule and address, in the order
// they come (most severe first).
func groupByRuleAddress(findings []gate.Judged) [][]gate.Judged {
	type key struct{ rule, address string }
	at := map[key]int{}
	var groups [][]gate.Judged
	for _, j := range findings {
		k := key{j.Rule, j.Address}
		i, ok := at[k]
		if !ok {
			i = len(groups)
			at[k] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], j)
	}
	return groups
}

func junitCaseOf(group []gate.Judged) junitCase {
	first := group[0]
	c := junitCase{Name: first.Address, Classname: first.Rule}
	if c.Name == "" {
		c.Name = junitWhole
	}
	if first.Location != nil {
		c.File, c.Line = first.Location.File, first.Location.Line
	}
	var failed, letThrough []gate.Judged
	for _, j := range group {
		switch {
		case j.Blocking:
			failed = append(failed, j)
		case j.Severity == policy.Deny:
			letThrough = append(letThrough, j)
		}
	}
	details := junitDetails(group)
	switch {
	case len(failed) > 0:
		c.Failure = &junitOutcome{Message: messages(failed, false), Type: string(policy.Deny), Text: details}
	case len(letThrough) > 0:
		c.Skipped = &junitOutcome{Message: messages(letThrough, true), Text: details}
	default:
		c.SystemOut = details
	}
	return c
}

// messages joins the findings' messages, with what the gate made of each
// when withMarks.
func messages(js []gate.Judged, withMarks bool) string {
	parts := make([]string, 0, len(js))
	for _, j := range js {
		s := j.Message
		if withMarks {
			if ms := marks(j); len(ms) > 0 {
				s += " (" + joinMarks(ms) + ")"
			}
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// junitDetails lists every finding of a test case, one per line:
// "deny: message [MARKS] (policy file:row)".
func junitDetails(group []gate.Judged) string {
	var b strings.Builder
	for _, j := range group {
		fmt.Fprintf(&b, "%s: %s", j.Severity, j.Message)
		if ms := marks(j); len(ms) > 0 {
			fmt.Fprintf(&b, " [%s]", joinMarks(ms))
		}
		if j.Policy != "" {
			fmt.Fprintf(&b, " (policy %s)", j.Policy)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func joinMarks(ms []mark) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.String()
	}
	return strings.Join(parts, "; ")
}

// junitSummary is the cost totals and the verdict.
func junitSummary(res *engine.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Monthly cost before: %s\n", dollars(res.PastTotal))
	fmt.Fprintf(&b, "Monthly cost after:  %s\n", dollars(res.Total))
	fmt.Fprintf(&b, "Difference:          %s\n", signedDollars(res.DiffTotal))
	if len(res.Unpriced) > 0 {
		fmt.Fprintf(&b, "Not priced: %s (their cost is missing from the totals)\n", plural(len(res.Unpriced), "resource"))
	}
	if len(res.Findings) > 0 {
		fmt.Fprintf(&b, "Policy findings (%d): %s\n", len(res.Findings), findingCounts(res))
	}
	if len(res.Waivers) > 0 {
		fmt.Fprintf(&b, "Waivers (%d): %s\n", len(res.Waivers), waiverCounts(res.Waivers))
	}
	fmt.Fprintf(&b, "Gate: %s\n", gateVerdict(res))
	return b.String()
}
