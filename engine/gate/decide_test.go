package gate_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
)

// now is 2027-01-31 in UTC.
var now = time.Date(2027, 1, 31, 15, 0, 0, 0, time.UTC)

func deny(rule, address string) policy.Finding {
	return policy.Finding{Rule: rule, Severity: policy.Deny, Message: rule + " on " + address, Address: address}
}

func warn(rule, address string) policy.Finding {
	f := deny(rule, address)
	f.Severity = policy.Warn
	return f
}

func info(rule, address string) policy.Finding {
	f := deny(rule, address)
	f.Severity = policy.Info
	return f
}

func waiver(rule, address, expires string) gate.Waiver {
	return gate.Waiver{Rule: rule, Address: address, Reason: "because", Owner: "ops@example.com", Expires: expires, Source: "tollgate.yml:" + address}
}

// judged builds the expected decision on a finding.
func judged(f policy.Finding, level gate.Level, blocking bool) gate.Judged {
	return gate.Judged{Finding: f, Level: level, Blocking: blocking}
}

func waived(f policy.Finding, level gate.Level, w gate.Waiver) gate.Judged {
	return gate.Judged{Finding: f, Level: level, Waiver: &w}
}

func withExpired(j gate.Judged, w gate.Waiver) gate.Judged {
	j.Expired = &w
	return j
}

func overridden(f policy.Finding) gate.Judged {
	return gate.Judged{Finding: f, Level: gate.Soft, Overridden: true}
}

func use(w gate.Waiver, status string, n int) gate.WaiverUse {
	return gate.WaiverUse{Waiver: w, Status: status, Findings: n}
}

func TestDecide(t *testing.T) {
	var (
		web        = deny("required-tags", "aws_instance.web")
		db         = deny("required-tags", "aws_db_instance.main")
		budget     = deny("budget-total", "")
		modWeb     = deny("allowed-instance-types", `module.app["eu.west-1"].aws_instance.web[0]`)
		webWarn    = warn("required-tags", "aws_instance.web")
		webInfo    = info("required-tags", "aws_instance.web")
		future     = waiver("required-tags", "aws_instance.web", "2027-06-30")
		today      = waiver("required-tags", "aws_instance.web", "2027-01-31")
		yesterday  = waiver("required-tags", "aws_instance.web", "2027-01-30")
		anyTags    = waiver("required-tags", "*", "2027-06-30")
		awsStar    = waiver("budget-total", "aws_*", "2027-06-30")
		budgetAll  = waiver("budget-total", "*", "2027-06-30")
		modGlob    = waiver("allowed-instance-types", "module.app[*].aws_instance.web[*]", "2027-06-30")
		block      = waiver("allowed-instance-types", "module.app.aws_instance.web", "2027-06-30")
		otherRule  = waiver("allowed-instance-types", "aws_instance.web", "2027-06-30")
		badDate    = waiver("required-tags", "aws_instance.web", "2027-13-01")
		oldUnused  = waiver("budget-total", "*", "2020-01-01")
		soft       = map[string]gate.Level{"required-tags": gate.Soft}
		advisory   = map[string]gate.Level{"required-tags": gate.Advisory}
		misspelled = map[string]gate.Level{"required-tags": "sofft"}
	)
	tests := []struct {
		name     string
		findings []policy.Finding
		in       gate.Inputs
		now      time.Time
		want     gate.Outcome
	}{
		{
			name: "nothing found passes",
			in:   gate.Inputs{Waivers: []gate.Waiver{future}},
			want: gate.Outcome{Findings: []gate.Judged{}, Passed: true, Waivers: []gate.WaiverUse{use(future, gate.Unused, 0)}},
		},
		{
			name:     "deny blocks, hard by default",
			findings: []policy.Finding{web},
			want:     gate.Outcome{Findings: []gate.Judged{judged(web, gate.Hard, true)}, Waivers: []gate.WaiverUse{}},
		},
		{
			name:     "valid waiver applies",
			findings: []policy.Finding{web, db},
			in:       gate.Inputs{Waivers: []gate.Waiver{future}},
			want: gate.Outcome{
				Findings: []gate.Judged{judged(db, gate.Hard, true), waived(web, gate.Hard, future)},
				Waivers:  []gate.WaiverUse{use(future, gate.Active, 1)},
			},
		},
		{
			name:     "waiver still applies on its expiry day",
			findings: []policy.Finding{web},
			in:       gate.Inputs{Waivers: []gate.Waiver{today}},
			want: gate.Outcome{
				Findings: []gate.Judged{waived(web, gate.Hard, today)},
				Waivers:  []gate.WaiverUse{use(today, gate.Active, 1)},
				Passed:   true,
			},
		},
		{
			name:     "expiry day is a UTC date",
			findings: []policy.Finding{web},
			in:       gate.Inputs{Waivers: []gate.Waiver{today}},
			// Already February in UTC+2, still January 31 in UTC.
			now: time.Date(2027, 2, 1, 1, 30, 0, 0, time.FixedZone("EET", 2*3600)),
			want: gate.Outcome{
				Findings: []gate.Judged{waived(web, gate.Hard, today)},
				Waivers:  []gate.WaiverUse{use(today, gate.Active, 1)},
				Passed:   true,
			},
		},
		{
			name:     "expired waiver fails closed and is reported",
			findings: []policy.Finding{web},
			in:       gate.Inputs{Waivers: []gate.Waiver{yesterday}},
			want: gate.Outcome{
				Findings: []gate.Judged{withExpired(judged(web, gate.Hard, true), yesterday)},
				Waivers:  []gate.WaiverUse{use(yesterday, gate.Expired, 0)},
			},
		},
		{
			name: "expired waiver that matches nothing is still reported expired",
			in:   gate.Inputs{Waivers: []gate.Waiver{oldUnused}},
			want: gate.Outcome{Findings: []gate.Judged{}, Waivers: []gate.WaiverUse{use(oldUnused, gate.Expired, 0)}, Passed: true},
		},
		{
			name:     "an active waiver after an expired one applies",
			findings: []policy.Finding{web},
			in:       gate.Inputs{Waivers: []gate.Waiver{yesterday, anyTags}},
			want: gate.Outcome{
				Findings: []gate.Judged{waived(web, gate.Hard, anyTags)},
				Waivers:  []gate.WaiverUse{use(yesterday, gate.Expired, 0), use(anyTags, gate.Active, 1)},
				Passed:   true,
			},
		},
		{
			name:     "first matching waiver applies",
			findings: []policy.Finding{web, db},
			in:       gate.Inputs{Waivers: []gate.Waiver{future, anyTags}},
			want: gate.Outcome{
				Findings: []gate.Judged{waived(db, gate.Hard, anyTags), waived(web, gate.Hard, future)},
				Waivers:  []gate.WaiverUse{use(future, gate.Active, 1), use(anyTags, gate.Active, 1)},
				Passed:   true,
			},
		},
		{
			name:     "waiver of another rule is unused",
			findings: []policy.Finding{web},
			in:       gate.Inputs{Waivers: []gate.Waiver{otherRule}},
			want: gate.Outcome{
				Findings: []gate.Judged{judged(web, gate.Hard, true)},
				Waivers:  []gate.WaiverUse{use(otherRule, gate.Unused, 0)},
			},
		},
		{
			name:     "a waiver counts every finding it waives",
			findings: []policy.Finding{web, db, webWarn},
			in:       gate.Inputs{Waivers: []gate.Waiver{anyTags}},
			want: gate.Outcome{
				Findings: []gate.Judged{waived(db, gate.Hard, anyTags), waived(web, gate.Hard, anyTags), waived(webWarn, gate.Hard, anyTags)},
				Waivers:  []gate.WaiverUse{use(anyTags, gate.Active, 3)},
				Passed:   true,
			},
		},
		{
			name:     "finding without address matches only *",
			findings: []policy.Finding{budget},
			in:       gate.Inputs{Waivers: []gate.Waiver{awsStar, budgetAll}},
			want: gate.Outcome{
				Findings: []gate.Judged{waived(budget, gate.Hard, budgetAll)},
				Waivers:  []gate.WaiverUse{use(awsStar, gate.Unused, 0), use(budgetAll, gate.Active, 1)},
				Passed:   true,
			},
		},
		{
			name:     "budget finding with no waiver blocks",
			findings: []policy.Finding{budget},
			in:       gate.Inputs{Waivers: []gate.Waiver{awsStar}},
			want: gate.Outcome{
				Findings: []gate.Judged{judged(budget, gate.Hard, true)},
				Waivers:  []gate.WaiverUse{use(awsStar, gate.Unused, 0)},
			},
		},
		{
			name:     "glob over module instance keys",
			findings: []policy.Finding{modWeb},
			in:       gate.Inputs{Waivers: []gate.Waiver{modGlob}},
			want: gate.Outcome{
				Findings: []gate.Judged{waived(modWeb, gate.Hard, modGlob)},
				Waivers:  []gate.WaiverUse{use(modGlob, gate.Active, 1)},
				Passed:   true,
			},
		},
		{
			name:     "a block address waives every instance of the block",
			findings: []policy.Finding{modWeb, deny("allowed-instance-types", `module.app["eu.west-1"].aws_instance.web2`)},
			in:       gate.Inputs{Waivers: []gate.Waiver{block}},
			want: gate.Outcome{
				Findings: []gate.Judged{
					judged(deny("allowed-instance-types", `module.app["eu.west-1"].aws_instance.web2`), gate.Hard, true),
					waived(modWeb, gate.Hard, block),
				},
				Waivers: []gate.WaiverUse{use(block, gate.Active, 1)},
			},
		},
		{
			name:     "a date that is not a date counts as expired",
			findings: []policy.Finding{web},
			in:       gate.Inputs{Waivers: []gate.Waiver{badDate}},
			want: gate.Outcome{
				Findings: []gate.Judged{withExpired(judged(web, gate.Hard, true), badDate)},
				Waivers:  []gate.WaiverUse{use(badDate, gate.Expired, 0)},
			},
		},
		{
			name:     "advisory deny never blocks",
			findings: []policy.Finding{web},
			in:       gate.Inputs{Levels: advisory},
			want:     gate.Outcome{Findings: []gate.Judged{judged(web, gate.Advisory, false)}, Waivers: []gate.WaiverUse{}, Passed: true},
		},
		{
			name:     "soft deny blocks without an override",
			findings: []policy.Finding{web},
			in:       gate.Inputs{Levels: soft, Overrides: []string{"budget-total"}, Labels: []string{"cost-approved"}, OverrideLabels: []string{"tags-approved"}},
			want:     gate.Outcome{Findings: []gate.Judged{judged(web, gate.Soft, true)}, Waivers: []gate.WaiverUse{}},
		},
		{
			name:     "soft deny overridden by flag",
			findings: []policy.Finding{web},
			in:       gate.Inputs{Levels: soft, Overrides: []string{"required-tags"}},
			want:     gate.Outcome{Findings: []gate.Judged{overridden(web)}, Waivers: []gate.WaiverUse{}, Passed: true},
		},
		{
			name:     "soft deny overridden by a pull-request label, case-insensitively",
			findings: []policy.Finding{web, budget},
			in:       gate.Inputs{Levels: map[string]gate.Level{"required-tags": gate.Soft, "budget-total": gate.Soft}, Labels: []string{"bug", "Cost-Approved"}, OverrideLabels: []string{"cost-approved"}},
			want:     gate.Outcome{Findings: []gate.Judged{overridden(budget), overridden(web)}, Waivers: []gate.WaiverUse{}, Passed: true},
		},
		{
			name:     "labels alone do not override",
			findings: []policy.Finding{web},
			in:       gate.Inputs{Levels: soft, Labels: []string{"cost-approved"}},
			want:     gate.Outcome{Findings: []gate.Judged{judged(web, gate.Soft, true)}, Waivers: []gate.WaiverUse{}},
		},
		{
			name:     "a waived soft finding is waived, not overridden",
			findings: []policy.Finding{web},
			in:       gate.Inputs{Levels: soft, Overrides: []string{"required-tags"}, Waivers: []gate.Waiver{future}},
			want: gate.Outcome{
				Findings: []gate.Judged{waived(web, gate.Soft, future)},
				Waivers:  []gate.WaiverUse{use(future, gate.Active, 1)},
				Passed:   true,
			},
		},
		{
			name:     "hard deny cannot be overridden",
			findings: []policy.Finding{web},
			in:       gate.Inputs{Overrides: []string{"required-tags"}, Labels: []string{"ok"}, OverrideLabels: []string{"ok"}},
			want:     gate.Outcome{Findings: []gate.Judged{judged(web, gate.Hard, true)}, Waivers: []gate.WaiverUse{}},
		},
		{
			name:     "a misspelt level fails closed",
			findings: []policy.Finding{web},
			in:       gate.Inputs{Levels: misspelled, Overrides: []string{"required-tags"}},
			want:     gate.Outcome{Findings: []gate.Judged{judged(web, gate.Hard, true)}, Waivers: []gate.WaiverUse{}},
		},
		{
			name:     "warn and info never block",
			findings: []policy.Finding{webInfo, webWarn},
			want: gate.Outcome{
				Findings: []gate.Judged{judged(webWarn, gate.Hard, false), judged(webInfo, gate.Hard, false)},
				Waivers:  []gate.WaiverUse{},
				Passed:   true,
			},
		},
		{
			name:     "warn with an expired waiver is reported but does not block",
			findings: []policy.Finding{webWarn},
			in:       gate.Inputs{Waivers: []gate.Waiver{yesterday}},
			want: gate.Outcome{
				Findings: []gate.Judged{withExpired(judged(webWarn, gate.Hard, false), yesterday)},
				Waivers:  []gate.WaiverUse{use(yesterday, gate.Expired, 0)},
				Passed:   true,
			},
		},
		{
			name:     "findings are sorted by severity, rule and address",
			findings: []policy.Finding{webInfo, web, webWarn, budget, db},
			want: gate.Outcome{
				Findings: []gate.Judged{
					judged(budget, gate.Hard, true), judged(db, gate.Hard, true), judged(web, gate.Hard, true),
					judged(webWarn, gate.Hard, false), judged(webInfo, gate.Hard, false),
				},
				Waivers: []gate.WaiverUse{},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := tt.now
			if at.IsZero() {
				at = now
			}
			got := gate.Decide(tt.findings, tt.in, at)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Decide (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecideLeavesInputsAlone(t *testing.T) {
	findings := []policy.Finding{info("b", "x"), deny("a", "y")}
	waivers := []gate.Waiver{waiver("a", "y", "2027-06-30")}
	before := []policy.Finding{findings[0], findings[1]}
	out := gate.Decide(findings, gate.Inputs{Waivers: waivers}, now)
	if diff := cmp.Diff(before, findings); diff != "" {
		t.Errorf("Decide reordered its findings (-before +after):\n%s", diff)
	}
	out.Findings[0].Waiver.Reason = "changed"
	if waivers[0].Reason != "because" {
		t.Errorf("the outcome shares the caller's waivers")
	}
}

// BenchmarkDecide judges findings on 10k resources against 50 waivers
// naming instances, 5 globs and one naming the block.
func BenchmarkDecide(b *testing.B) {
	var findings []policy.Finding
	for i := range 10_000 {
		findings = append(findings, deny("required-tags", fmt.Sprintf(`module.app["k%d"].aws_instance.web[%d]`, i%7, i)))
	}
	var waivers []gate.Waiver
	for i := range 50 {
		waivers = append(waivers, waiver("required-tags", fmt.Sprintf(`module.app["k%d"].aws_instance.other%d`, i%7, i), "2027-06-30"))
	}
	for i := range 5 {
		waivers = append(waivers, waiver("required-tags", fmt.Sprintf("module.app[*].aws_instance.other%d*", i), "2027-06-30"))
	}
	waivers = append(waivers, waiver("required-tags", "module.app.aws_instance.web", "2027-06-30"))
	in := gate.Inputs{Waivers: waivers}
	b.ReportAllocs()
	for b.Loop() {
		gate.Decide(findings, in, now)
	}
}
