package report_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
	"github.com/tollgate-dev/tollgate/engine/report"
)

type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
		SystemOut string `xml:"system-out"`
	} `xml:"testsuite"`
}

func readJUnit(t *testing.T, res *engine.Result) (junitDoc, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := report.JUnit(&buf, res); err != nil {
		t.Fatal(err)
	}
	wellFormed(t, buf.Bytes())
	var doc junitDoc
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Suites) != 1 || doc.Suites[0].Name != "tollgate" {
		t.Fatalf("want one test suite named tollgate, got %d", len(doc.Suites))
	}
	return doc, buf.Bytes()
}

// wellFormed reads every token of the document strictly.
func wellFormed(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, b)
		}
	}
}

func TestJUnitCases(t *testing.T) {
	doc, _ := readJUnit(t, checked(t))
	suite := doc.Suites[0]
	type row struct{ Class, Name, Outcome string }
	var got []row
	for _, c := range suite.Cases {
		outcome := "pass"
		switch {
		case c.Failure != nil:
			outcome = "fail: " + c.Failure.Message
		case c.Skipped != nil:
			outcome = "skip"
		}
		got = append(got, row{c.Classname, c.Name, outcome})
	}
	want := []row{
		{"allowed-instance-types", "test_instance.big", "fail: test_instance.big uses m5.large, which is not in the allowed instance types"},
		{"budget-increase", "(whole change)", "skip"}, // overridden
		{"budget-total", "(whole change)", "fail: monthly cost after the change is $336.12, over the $300.00 budget"},
		{"no-nat-gateways", "test_nat.main", "skip"}, // advisory
		{"required-tags", "test_instance.new", `fail: test_instance.new is missing required tag "env"; test_instance.new is missing required tag "owner"`},
		{"required-tags", "test_instance.same", "skip"}, // waived
		{"cost-increase", "test_nat.west", "pass"},
		{"unpriced-resources", "test_widget.x", "pass"},
		{"budget-increase-percent", "no findings", "pass"},
		{"gp2-volumes", "no findings", "pass"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("test cases (-want +got):\n%s", diff)
	}
	if suite.Tests != 10 || suite.Failures != 3 || suite.Skipped != 3 || doc.Tests != 10 || doc.Failures != 3 || doc.Skipped != 3 {
		t.Errorf("counts: suite %d/%d/%d, root %d/%d/%d; want 10 tests, 3 failures, 3 skipped",
			suite.Tests, suite.Failures, suite.Skipped, doc.Tests, doc.Failures, doc.Skipped)
	}
	for _, want := range []string{"Monthly cost after:  $336.12", "Gate: FAILED (4 blocking findings)"} {
		if !strings.Contains(suite.SystemOut, want) {
			t.Errorf("suite output lacks %q:\n%s", want, suite.SystemOut)
		}
	}
	if !strings.Contains(suite.Cases[6].SystemOut, "set monthly_data_processed_gb") {
		t.Errorf("warn test case output lacks the message: %q", suite.Cases[6].SystemOut)
	}
}

// TestJUnitHostileText: characters XML forbids or must escape, in every
// place text goes, still give a well-formed document that reads back.
func TestJUnitHostileText(t *testing.T) {
	res := clean(t)
	res.Passed = false
	msg := "a <b> & \"c\" ]]> \x1b[31m\x00 d\ne"
	res.Findings = []gate.Judged{{
		Finding:  policy.Finding{Rule: "r<&>", Severity: policy.Deny, Address: `x.y["<&'\">"]`, Message: msg},
		Blocking: true,
	}}
	doc, _ := readJUnit(t, res)
	c := doc.Suites[0].Cases[0]
	if c.Classname != "r<&>" || c.Name != `x.y["<&'\">"]` {
		t.Errorf("classname %q name %q", c.Classname, c.Name)
	}
	if c.Failure == nil || !strings.HasPrefix(c.Failure.Message, "a <b> & \"c\" ]]> ") || !strings.HasSuffix(c.Failure.Message, " d\ne") {
		t.Errorf("failure %+v does not carry the message", c.Failure)
	}
}
