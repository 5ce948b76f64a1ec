package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/plan"
	"github.com/tollgate-dev/tollgate/engine/policy"
	"github.com/tollgate-dev/tollgate/engine/report"
	"github.com/tollgate-dev/tollgate/engine/settings"
	"github.com/tollgate-dev/tollgate/policies"
	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// testMarker stands for action.Marker's line.
const testMarker = "<!-- tollgate:comment key=default commit=0123abcd time=2027-01-31T12:00:00Z -->"

// sharedPlans is the directory of real plans shared by the project's
// sessions; tests that need it skip when it is absent.
const sharedPlans = "../../../shared/plans"

// brokenPlans are the shared plans that are not plans at all.
var brokenPlans = map[string]bool{"tfjson-invalid-NOT-JSON.json": true}

// settle turns every resource of the estimate but the named ones into
// unchanged ones, with the totals to match.
func settle(est *engine.Estimate, keep ...string) *engine.Estimate {
	est.PastTotal, est.Total = decimal.Zero, decimal.Zero
	for i := range est.Resources {
		rc := &est.Resources[i]
		if !contains(keep, rc.Address) {
			if rc.Action == change.Delete {
				rc.Monthly, rc.Components = rc.Past, rc.PastComponents
			}
			rc.Action, rc.PastComponents = change.NoOp, nil
			rc.Past, rc.Diff = rc.Monthly, decimal.Zero
		}
		est.PastTotal = est.PastTotal.Add(rc.Past)
		est.Total = est.Total.Add(rc.Monthly)
	}
	est.DiffTotal = est.Total.Sub(est.PastTotal)
	return est
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// nothingChanged is a passing result of a plan that changes nothing.
func nothingChanged(t *testing.T) *engine.Result {
	est := settle(sample(t))
	return &engine.Result{Estimate: est, Passed: true, Rules: rules()}
}

// costNothing is a passing result of a plan whose only changes are a free
// resource and an update that keeps the price.
func costNothing(t *testing.T) *engine.Result {
	est := settle(sample(t), "test_free_role.app")
	for i := range est.Resources {
		if rc := &est.Resources[i]; rc.Address == "test_instance.same" {
			rc.Action = change.Update
			rc.PastComponents = rc.Components
		}
	}
	return &engine.Result{Estimate: est, Passed: true, Rules: rules()}
}

func TestCommentGolden(t *testing.T) {
	for _, tc := range []struct {
		file  string
		build func(*testing.T) *engine.Result
		opts  report.CommentOptions
	}{
		{"comment-check.md", checked, report.CommentOptions{Marker: testMarker}},
		{"comment-pass.md", clean, report.CommentOptions{Marker: testMarker, Title: "tollgate (infra/prod)", DetailsURL: "https://github.com/o/r/actions/runs/42 (attempt 1)"}},
		{"comment-nochange.md", nothingChanged, report.CommentOptions{Marker: testMarker}},
		{"comment-nocost.md", costNothing, report.CommentOptions{Marker: testMarker, DetailsURL: "https://ci.example.com/run/7"}},
		{"comment-cut.md", checked, report.CommentOptions{Marker: testMarker, Limit: 3000}},
		{"comment-noestimate.md", func(*testing.T) *engine.Result { return &engine.Result{Passed: true} }, report.CommentOptions{Marker: testMarker}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			checkGolden(t, tc.file, func(b *bytes.Buffer) error {
				body := report.Comment(tc.build(t), tc.opts)
				limit := tc.opts.Limit
				if limit == 0 {
					limit = report.GitHubCommentLimit
				}
				validComment(t, body, limit)
				b.WriteString(body)
				return nil
			})
		})
	}
}

// TestCommentShortBodies: a change that changes nothing, or no cost, gets
// a few lines, not the tables.
func TestCommentShortBodies(t *testing.T) {
	for _, tc := range []struct {
		name  string
		build func(*testing.T) *engine.Result
		want  string
		lines int
	}{
		{"nothing changed", nothingChanged, "**No changes**", 6},
		{"no cost change", costNothing, "does not change the monthly cost: it stays at $343.72", 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := report.Comment(tc.build(t), report.CommentOptions{Marker: testMarker})
			if !strings.Contains(body, tc.want) {
				t.Errorf("body lacks %q:\n%s", tc.want, body)
			}
			if n := strings.Count(body, "\n"); n > tc.lines {
				t.Errorf("body has %d lines, want at most %d:\n%s", n, tc.lines, body)
			}
			if strings.Contains(body, "| Resource |") {
				t.Errorf("short body has the resource table:\n%s", body)
			}
		})
	}
	// A finding, an unpriced new resource or a cost that moves: the full body.
	for name, res := range map[string]*engine.Result{
		"finding": func() *engine.Result {
			r := nothingChanged(t)
			r.Findings = []gate.Judged{{Finding: policy.Finding{Rule: "r", Severity: policy.Info, Message: "m"}}}
			return r
		}(),
		"unpriced change": &engine.Result{Estimate: settle(sample(t), "test_widget.x"), Passed: true},
		"cost moves":      &engine.Result{Estimate: settle(sample(t), "test_instance.new"), Passed: true},
		"failed gate":     &engine.Result{Estimate: settle(sample(t)), Passed: false},
	} {
		t.Run(name, func(t *testing.T) {
			body := report.Comment(res, report.CommentOptions{Marker: testMarker})
			if strings.Contains(body, "No changes") || strings.Contains(body, "does not change the monthly cost") {
				t.Errorf("full result got a short body:\n%s", body)
			}
		})
	}
}

// TestCommentResourceOrder: biggest difference first, then by address;
// past the first rows, the rest are collapsed and counted.
func TestCommentResourceOrder(t *testing.T) {
	res := huge(45, 0)
	// r<i> costs i cents more; r10 now saves as much as r44 costs.
	r10 := &res.Resources[10]
	r10.Action, r10.Past, r10.Monthly, r10.Diff = change.Delete, decimal.RequireFromString("0.44"), decimal.Zero, decimal.RequireFromString("-0.44")
	want := []string{"r10", "r44"}
	for i := 43; i >= 0; i-- {
		if i != 10 {
			want = append(want, fmt.Sprintf("r%d", i))
		}
	}
	body := report.Comment(res, report.CommentOptions{Marker: testMarker})
	validComment(t, body, report.GitHubCommentLimit)
	rows := regexp.MustCompile("(?m)^\\| `test_instance\\.(r[0-9]+)` \\|").FindAllStringSubmatch(body, -1)
	var got []string
	for _, m := range rows {
		got = append(got, m[1])
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resource rows (-want +got):\n%s", diff)
	}
	if !strings.Contains(body, "| *… and 25 more* | | | | |\n") || !strings.Contains(body, "<summary>25 more changed resources</summary>") {
		t.Errorf("no collapsed rest:\n%s", body)
	}
}

func TestCommentOneMore(t *testing.T) {
	body := report.Comment(huge(21, 31), report.CommentOptions{Marker: testMarker})
	validComment(t, body, report.GitHubCommentLimit)
	for _, want := range []string{
		"| *… and 1 more* | | | | |\n", "<summary>1 more changed resource</summary>", "<summary>1 more deny finding</summary>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q", want)
		}
	}
}

// TestCommentHeadline: the verdict and the monthly cost with its diff.
func TestCommentHeadline(t *testing.T) {
	res := checked(t)
	body := report.Comment(res, report.CommentOptions{Marker: testMarker})
	for _, want := range []string{
		"❌ **Gate failed**: 4 blocking findings.",
		"**Monthly cost: $225.42 → $336.12 (+$110.70, +49.1%)**",
		"⚠️ **2 resources not priced**",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	for _, tc := range []struct{ past, total, want string }{
		{"0", "70.08", "$0.00 → $70.08 (+$70.08)"},
		{"100", "50", "$100.00 → $50.00 (-$50.00, -50.0%)"},
		{"100000", "100000.01", "$100,000.00 → $100,000.01 (+$0.01, +<0.1%)"},
		{"70.08", "70.081", "$70.08 (no change)"},
	} {
		past, total := decimal.RequireFromString(tc.past), decimal.RequireFromString(tc.total)
		res.PastTotal, res.Total, res.DiffTotal = past, total, total.Sub(past)
		if body := report.Comment(res, report.CommentOptions{}); !strings.Contains(body, "**Monthly cost: "+tc.want+"**") {
			t.Errorf("%s → %s: body lacks %q", tc.past, tc.total, tc.want)
		}
	}
}

// TestCommentEscaping: addresses, messages and names from plans and
// policies cannot break the Markdown: rows stay rows, code spans stay
// closed and no HTML gets through.
func TestCommentEscaping(t *testing.T) {
	hostile := []string{
		"a|b", "x[\"`\"]", "x[\"``y``\"]", "line\nbreak", "cr\r\nlf", "</details><details><summary>", "<img src=x onerror=alert(1)>",
		"`", "\\", "tab\there", "\x1b[31mred", "**bold** _it_ ~~s~~", "| --- |", "&lt;",
	}
	for _, s := range hostile {
		t.Run(strconv.Quote(s), func(t *testing.T) {
			res := checked(t)
			res.Findings[0].Address = s
			res.Findings[0].Message = s
			res.Findings[0].Rule = s
			res.Findings[0].Location = &change.Location{File: s, Line: 3}
			res.Findings[6].Waiver = &gate.Waiver{Rule: s, Address: s, Reason: s, Owner: s, Expires: s, Source: s}
			res.Waivers[0].Waiver = *res.Findings[6].Waiver
			res.Resources[1].Address = s
			res.Resources[1].Components[0].Name = s
			res.Unpriced[0] = engine.Unpriced{Address: s, Type: s, Reason: s}
			res.Notes = append(res.Notes, s)
			body := report.Comment(res, report.CommentOptions{Marker: testMarker, Title: s, DetailsURL: "https://x/" + s})
			validComment(t, body, report.GitHubCommentLimit)
			for _, bad := range []string{"\x1b", "\r"} {
				if strings.Contains(body, bad) {
					t.Errorf("body contains %q", bad)
				}
			}
		})
	}
}

// TestCommentCut: a result far over the limit is cut at row and section
// boundaries into a valid body no longer than the limit, whose note counts
// exactly what is left out.
func TestCommentCut(t *testing.T) {
	res := huge(10000, 5000)
	for _, limit := range []int{report.GitHubCommentLimit, 20000, 4000, 1000} {
		t.Run(strconv.Itoa(limit), func(t *testing.T) {
			body := report.Comment(res, report.CommentOptions{Marker: testMarker, Limit: limit, DetailsURL: "https://ci.example.com/1"})
			validComment(t, body, limit)
			note := regexp.MustCompile(`left out: (.*)\. See the job log`).FindStringSubmatch(body)
			if note == nil {
				t.Fatalf("no cut note:\n%s", body)
			}
			resources := len(regexp.MustCompile("(?m)^\\| `test_instance\\.r[0-9]+` \\| create \\|").FindAllString(body, -1))
			findings := len(regexp.MustCompile("(?m)^\\| `huge-rule` \\|").FindAllString(body, -1))
			if got, want := leftOut(note[1], "changed resources"), 10000-resources; got != want {
				t.Errorf("note says %d changed resources left out, the body lacks %d: %s", got, want, note[1])
			}
			if got, want := leftOut(note[1], "findings"), 5000-findings; got != want {
				t.Errorf("note says %d findings left out, the body lacks %d: %s", got, want, note[1])
			}
			if limit >= 20000 && (findings == 0 || resources == 0) {
				t.Errorf("%d findings and %d resources shown: the first rows of each table should fit", findings, resources)
			}
			if limit == report.GitHubCommentLimit && utf8.RuneCountInString(body) < limit*9/10 {
				t.Errorf("body has %d characters: the cut left out more than needed", utf8.RuneCountInString(body))
			}
		})
	}
}

// TestCommentLimitCountsCharacters: the limit counts code points, not
// bytes, as GitHub does.
func TestCommentLimitCountsCharacters(t *testing.T) {
	res := huge(300, 0)
	for i := range res.Resources {
		res.Resources[i].Address = "test_instance.ü€😀" + strconv.Itoa(i)
	}
	body := report.Comment(res, report.CommentOptions{Marker: testMarker, Limit: 20000})
	if n := utf8.RuneCountInString(body); n > 20000 || n < 18000 {
		t.Errorf("body has %d characters, want a little under 20,000", n)
	}
	if len(body) <= 20000 {
		t.Errorf("body has %d bytes: the test needs multi-byte characters", len(body))
	}
}

// leftOut reads "1,234 findings" out of the cut note; 0 when absent.
func leftOut(note, noun string) int {
	m := regexp.MustCompile(`([0-9,]+) ` + regexp.QuoteMeta(noun) + `\b`).FindStringSubmatch(note)
	if m == nil {
		if strings.Contains(note, "1 "+strings.TrimSuffix(noun, "s")) {
			return 1
		}
		return 0
	}
	n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	return n
}

// huge is a failing result with n created resources, r<i> costing i cents
// a month, and f blocking findings.
func huge(n, f int) *engine.Result {
	est := &engine.Estimate{Currency: "USD", PricedAsOf: map[string]string{"aws-ec2": "2025-04-24"}}
	for i := range n {
		cost := decimal.New(int64(i), -2)
		est.Resources = append(est.Resources, engine.ResourceCost{
			Resource: &change.Resource{Address: fmt.Sprintf("test_instance.r%d", i), Type: "test_instance", Action: change.Create},
			Monthly:  cost, Diff: cost, Priced: true,
			Components: []pricing.Component{{Name: "Instance usage", Unit: "hours", Quantity: decimal.NewFromInt(730), UnitPrice: cost.Div(decimal.NewFromInt(730)).Round(6), MonthlyCost: cost}},
		})
		est.Total = est.Total.Add(cost)
	}
	est.DiffTotal = est.Total
	res := &engine.Result{Estimate: est, Passed: f == 0}
	for i := range f {
		res.Findings = append(res.Findings, gate.Judged{
			Finding:  policy.Finding{Rule: "huge-rule", Severity: policy.Deny, Address: fmt.Sprintf("test_instance.r%d", i), Message: fmt.Sprintf("test_instance.r%d is missing required tag \"owner\"", i), Location: &change.Location{File: "main.tf", Line: i + 1}},
			Level:    gate.Hard,
			Blocking: true,
		})
	}
	return res
}

var (
	tableSeparator = regexp.MustCompile(`^\|(-+:?|:?-+:?)(\|(-+:?|:?-+:?))*\|$`)
	unescapedPipe  = regexp.MustCompile(`(^|[^\\])\|`)
)

// validComment checks what a forge needs of a body: at most limit
// characters, the marker first, balanced and unnested <details>, and
// tables whose every row has the header's cells.
func validComment(t *testing.T, body string, limit int) {
	t.Helper()
	if n := utf8.RuneCountInString(body); n > limit {
		t.Errorf("body has %d characters, over the limit of %d", n, limit)
	}
	if !utf8.ValidString(body) {
		t.Error("body is not UTF-8")
	}
	if !strings.HasPrefix(body, testMarker+"\n") {
		t.Errorf("body does not start with the marker: %.80q", body)
	}
	if !strings.HasSuffix(body, "\n") {
		t.Error("body does not end with a newline")
	}
	open, cells := 0, 0
	lines := strings.Split(strings.TrimSuffix(body, "\n"), "\n")
	for i, line := range lines {
		bare := stripCode(line)
		for _, bad := range []string{"<img", "<script", "\x1b", "\r"} {
			if strings.Contains(bare, bad) {
				t.Errorf("line %d: %q outside code: %q", i+1, bad, line)
			}
		}
		opens := strings.Count(bare, "<details>")
		closes := strings.Count(bare, "</details>")
		open += opens - closes
		if open < 0 || open > 1 {
			t.Fatalf("line %d: <details> unbalanced or nested:\n%s", i+1, body)
		}
		if opens > 0 && !strings.HasPrefix(line, "<details><summary>") || opens > 0 && !strings.HasSuffix(line, "</summary>") {
			t.Errorf("line %d: the summary is not whole: %q", i+1, line)
		}
		if !strings.HasPrefix(line, "|") {
			cells = 0
			continue
		}
		n := len(unescapedPipe.FindAllString(line, -1))
		if !strings.HasSuffix(line, "|") || strings.HasSuffix(line, "\\|") {
			t.Errorf("line %d: table row not closed: %q", i+1, line)
		}
		switch {
		case cells == 0:
			if i+1 >= len(lines) || !tableSeparator.MatchString(lines[i+1]) {
				t.Errorf("line %d: table without a header and separator: %q", i+1, line)
			}
			cells = n
		case n != cells:
			t.Errorf("line %d: %d cells, the header has %d: %q", i+1, n-1, cells-1, line)
		}
	}
	if open != 0 {
		t.Errorf("%d <details> left open", open)
	}
}

// stripCode removes the code spans of a line, where Markdown and HTML are
// literal text: a run of backticks opens a span that the next run of as
// many backticks closes.
func stripCode(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		if line[i] != '`' {
			b.WriteByte(line[i])
			i++
			continue
		}
		n := 0
		for i+n < len(line) && line[i+n] == '`' {
			n++
		}
		fence := line[i : i+n]
		end := -1
		for k := i + n; k < len(line); {
			j := strings.Index(line[k:], fence)
			if j < 0 {
				break
			}
			j += k
			m := 0
			for j+m < len(line) && line[j+m] == '`' {
				m++
			}
			if m == n {
				end = j
				break
			}
			k = j + m
		}
		if end < 0 {
			b.WriteString(fence) // no closing run: literal backticks
			i += n
			continue
		}
		b.WriteString("CODE")
		i = end + n
	}
	return b.String()
}

// TestCommentSharedPlans renders the comment of every real plan in
// ../shared/plans, priced with no policies.
func TestCommentSharedPlans(t *testing.T) {
	plans, _ := filepath.Glob(filepath.Join(sharedPlans, "*.json"))
	if len(plans) == 0 {
		t.Skip("../shared/plans is not here")
	}
	for _, path := range plans {
		name := filepath.Base(path)
		if brokenPlans[name] {
			continue
		}
		t.Run(name, func(t *testing.T) {
			est := estimateShared(t, path)
			file := filepath.Join("comments", strings.TrimSuffix(name, ".json")+".md")
			checkGolden(t, file, func(b *bytes.Buffer) error {
				body := report.Comment(&engine.Result{Estimate: est, Passed: true}, report.CommentOptions{Marker: testMarker})
				validComment(t, body, report.GitHubCommentLimit)
				b.WriteString(body)
				return nil
			})
		})
	}
}

// sharedChecks are shared plans checked against the built-in guardrails,
// for comments with real findings.
var sharedChecks = []string{"infracost-tf014-large-modules.json", "tfc-vpc-nat-gateways.json", "infracost-example-aws-create.json"}

// guardrails is the tollgate.yml of sharedChecks: tags nobody set, a
// small budget, a waiver that applies, one that expired, one unused.
const guardrails = `required_tags:
  keys: [owner, env]
instance_types:
  deny: ["m5.4xlarge"]
budget:
  max_monthly_total: 50
  max_monthly_increase: 20
enforcement:
  budget-increase: soft
waivers:
  - rule: required-tags
    address: module.*
    reason: "modules are tagged by the platform team"
    owner: platform@example.com
    expires: 2027-06-30
  - rule: allowed-instance-types
    address: aws_instance.zero_cost_instance
    reason: "load test"
    owner: perf@example.com
    expires: 2026-01-31
  - rule: budget-total
    address: "*"
    reason: "not yet"
    owner: finance@example.com
    expires: 2027-12-31
`

func TestCommentSharedChecks(t *testing.T) {
	for _, name := range sharedChecks {
		t.Run(name, func(t *testing.T) {
			res := checkShared(t, filepath.Join(sharedPlans, name))
			if len(res.Findings) == 0 {
				t.Fatal("no findings: the test needs some")
			}
			file := filepath.Join("comments", strings.TrimSuffix(name, ".json")+".check.md")
			checkGolden(t, file, func(b *bytes.Buffer) error {
				body := report.Comment(res, report.CommentOptions{Marker: testMarker, Title: "tollgate (" + name + ")"})
				validComment(t, body, report.GitHubCommentLimit)
				b.WriteString(body)
				return nil
			})
		})
	}
}

func estimateShared(t testing.TB, path string) *engine.Estimate {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skip("../shared/plans is not here")
	}
	if err != nil {
		t.Fatal(err)
	}
	set, err := plan.Parse(filepath.Base(path), data, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return engine.Pricing{Registry: engine.Registry(), Catalog: catalog.Embedded()}.Estimate(set)
}

// checkShared checks a shared plan against guardrails, on 2027-01-31.
func checkShared(t testing.TB, path string) *engine.Result {
	t.Helper()
	est := estimateShared(t, path)
	cfg, err := settings.Parse("tollgate.yml", []byte(guardrails))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	eng, err := policy.Load(ctx, []policy.Source{policies.Source()}, policy.Options{Schema: policies.InputSchema, Data: cfg.Data()})
	if err != nil {
		t.Fatal(err)
	}
	checker := engine.Checker{Policies: eng, Gate: gate.Inputs{Waivers: cfg.Waivers(), Levels: cfg.Levels()}}
	res, err := checker.Check(ctx, est, engine.Context{}, time.Date(2027, 1, 31, 12, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// FuzzComment: whatever text plans and policies hold, and whatever the
// limit, the body is valid and within it.
func FuzzComment(f *testing.F) {
	f.Add("required-tags", "aws_instance.web", `missing tag "owner"`, "main.tf", 3000)
	f.Add("a|b", "x[\"``\"]", "</details>\n| x |", "<b>.tf", 200)
	f.Add("", "", "\x00\x1b[31m\r\n", "", 0)
	est := sample(f)
	f.Fuzz(func(t *testing.T, rule, address, message, file string, limit int) {
		if limit < 0 || limit > 100000 {
			limit = 0
		}
		res := &engine.Result{Estimate: est, Rules: rules()}
		for i := range 40 {
			res.Findings = append(res.Findings, gate.Judged{
				Finding:  policy.Finding{Rule: rule, Severity: policy.Deny, Address: address + strconv.Itoa(i), Message: message, Location: &change.Location{File: file, Line: i}},
				Level:    gate.Hard,
				Blocking: true,
			})
		}
		body := report.Comment(res, report.CommentOptions{Marker: testMarker, Limit: limit, Title: rule})
		want := limit
		if want == 0 {
			want = report.GitHubCommentLimit
		}
		want = max(want, utf8.RuneCountInString(testMarker)+1)
		validComment(t, body, want)
	})
}

// BenchmarkComment renders a check of 10,000 resources with 5,000
// findings into GitHub's limit.
func BenchmarkComment(b *testing.B) {
	res := huge(10000, 5000)
	b.ReportAllocs()
	for b.Loop() {
		report.Comment(res, report.CommentOptions{Marker: testMarker})
	}
}
