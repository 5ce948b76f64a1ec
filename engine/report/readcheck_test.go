package report_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/report"
)

// savedResults are the results a saved check JSON must reproduce.
func savedResults(t *testing.T) map[string]*engine.Result {
	t.Helper()
	out := map[string]*engine.Result{
		"failing":    checked(t),
		"passing":    clean(t),
		"no change":  nothingChanged(t),
		"no cost":    costNothing(t),
		"huge":       huge(500, 200),
		"no rules":   {Estimate: sample(t), Passed: true},
		"zero value": {Estimate: &engine.Estimate{}, Passed: true},
	}
	if _, err := os.Stat(sharedPlans); err == nil {
		for _, name := range sharedChecks {
			out[name] = checkShared(t, filepath.Join(sharedPlans, name))
		}
	}
	return out
}

// TestReadCheckJSONRoundTrip: a result written with CheckJSON and read
// back renders every check format byte for byte as the original does.
func TestReadCheckJSONRoundTrip(t *testing.T) {
	outputs := append(renderers[:len(renderers):len(renderers)], struct {
		suffix string
		render func(*bytes.Buffer, *engine.Result) error
	}{".comment.md", func(b *bytes.Buffer, r *engine.Result) error {
		b.WriteString(report.Comment(r, report.CommentOptions{Marker: testMarker, Limit: 20000}))
		return nil
	}})
	for name, res := range savedResults(t) {
		t.Run(name, func(t *testing.T) {
			var saved bytes.Buffer
			if err := report.CheckJSON(&saved, res); err != nil {
				t.Fatal(err)
			}
			read, err := report.ReadCheckJSON(bytes.NewReader(saved.Bytes()))
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if read.Passed != res.Passed {
				t.Errorf("passed = %v, want %v", read.Passed, res.Passed)
			}
			for _, out := range outputs {
				var want, got bytes.Buffer
				if err := out.render(&want, res); err != nil {
					t.Fatal(err)
				}
				if err := out.render(&got, read); err != nil {
					t.Fatalf("%s of the read result: %v", out.suffix, err)
				}
				if diff := cmp.Diff(want.String(), got.String()); diff != "" {
					t.Errorf("%s differs after the round trip (-original +read):\n%s", out.suffix, diff)
				}
			}
		})
	}
}

// TestReadCheckJSONGolden reads the golden check documents: what the
// check command wrote renders as the goldens of the other formats.
func TestReadCheckJSONGolden(t *testing.T) {
	for _, name := range []string{"check", "check-pass"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			res, err := report.ReadCheckJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range renderers {
				want, err := os.ReadFile(filepath.Join("testdata", name+r.suffix))
				if err != nil {
					t.Fatal(err)
				}
				var got bytes.Buffer
				if err := r.render(&got, res); err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(string(want), got.String()); diff != "" {
					t.Errorf("%s of the read result (-golden +got):\n%s", r.suffix, diff)
				}
			}
		})
	}
}

func TestReadCheckJSONErrors(t *testing.T) {
	var saved bytes.Buffer
	if err := report.CheckJSON(&saved, checked(t)); err != nil {
		t.Fatal(err)
	}
	good := saved.String()
	var est bytes.Buffer
	if err := report.JSON(&est, sample(t)); err != nil {
		t.Fatal(err)
	}
	replace := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("the saved result lacks %q", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	for _, tc := range []struct{ name, doc, want string }{
		{"empty", " \n", "empty, not a tollgate check result: write it with tollgate check --format json --out result.json"},
		{"not JSON", "Gate: PASSED\n", "not JSON: line 1, column 1: invalid character 'G'"},
		{"cut short", good[:len(good)/2], "not JSON: "},
		{"syntax error line", replace(`"passed": false`, `"passed": fals`), "not JSON: line 230, column 17: invalid character ','"},
		{"array", "[1, 2]", "not a tollgate check result (a JSON array, not an object)"},
		{"string", `"x"`, "not a tollgate check result (a JSON string, not an object)"},
		{"estimate", est.String(), `an estimate, not a check result (no "findings"): write it with tollgate check --format json --out result.json`},
		{"other JSON", `{"a": 1}`, `not a tollgate check result (no "findings")`},
		{"no version", replace(`"version": "1",`, ""), `not a tollgate check result (no "version")`},
		{"version 2", replace(`"version": "1"`, `"version": "2"`), `check result version "2" is not supported: this tollgate reads version 1`},
		{"no passed", replace(`"passed": false,`, ""), `not a complete tollgate check result (no "passed")`},
		{"no resources", `{"version":"1","findings":[],"currency":"USD","priced_as_of":{},"past_total_monthly_cost":"0","total_monthly_cost":"0","diff_total_monthly_cost":"0","unpriced":[],"passed":true}`, `no "resources"`},
		{"wrong type", replace(`"passed": false`, `"passed": "no"`), `passed is a JSON string, want bool`},
		{"wrong nested type", replace(`"blocking": true`, `"blocking": 1`), `findings.blocking is a JSON number, want bool`},
		{"float money", replace(`"total_monthly_cost": "336.124"`, `"total_monthly_cost": 336.124`), `total_monthly_cost is a JSON number, want string`},
		{"bad money", replace(`"monthly_cost": "70.08"`, `"monthly_cost": "70,08"`), `resources[1].monthly_cost: "70,08" is not a decimal amount`},
		{"exponent", replace(`"past_total_monthly_cost": "225.424"`, `"past_total_monthly_cost": "2.25424e2"`), `past_total_monthly_cost: "2.25424e2" is not a decimal amount`},
		{"missing money", replace(`"diff_monthly_cost": "-70.08",`, ""), `resources[1].diff_monthly_cost: missing`},
		{"component price", replace(`"unit_price": "0.096",`, ""), `resources[1].components[0].unit_price: missing`},
		{"bad action", replace(`"action": "replace"`, `"action": "read"`), `resources[1].action: "read" is not create, update, delete, replace or no-op`},
		{"no address", replace(`"address": "test_instance.big",`, ""), `resources[1]: no address`},
		{"bad severity", replace(`"severity": "deny"`, `"severity": "error"`), `findings[0].severity: "error" is not deny, warn or info`},
		{"no rule", replace(`"rule": "allowed-instance-types",
      "severity"`, `"severity"`), `findings[0]: no rule`},
		{"bad enforcement", replace(`"enforcement": "hard"`, `"enforcement": "strict"`), `findings[0].enforcement: "strict" is not advisory, soft or hard`},
		{"bad waiver status", replace(`"status": "unused"`, `"status": "spent"`), `waivers[2].status: "spent" is not active, expired or unused`},
		{"bad rule severity", replace(`"severity": "info",
      "package"`, `"severity": "fatal",
      "package"`), `rules[0].severity: "fatal" is not deny, warn or info`},
		{"passed yet blocking", replace(`"passed": false`, `"passed": true`), `findings[0]: blocks the gate, yet passed is true`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := report.ReadCheckJSON(strings.NewReader(tc.doc))
			if err == nil {
				t.Fatalf("no error; read %+v", res)
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) {
				t.Errorf("error = %q, want it to contain %q", msg, tc.want)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("error is not one line: %q", msg)
			}
		})
	}
}

func TestReadCheckJSONAccepts(t *testing.T) {
	var saved bytes.Buffer
	if err := report.CheckJSON(&saved, checked(t)); err != nil {
		t.Fatal(err)
	}
	good := saved.String()
	for _, tc := range []struct{ name, doc string }{
		{"byte order mark", "\xef\xbb\xbf" + good},
		{"before rules and waivers were written", strings.Replace(strings.Replace(good, `"waivers": [`, `"old_waivers": [`, 1), `"rules": [`, `"old_rules": [`, 1)},
		{"unknown fields", strings.Replace(good, `"passed": false`, `"passed": false, "extension": {"x": 1}`, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := report.ReadCheckJSON(strings.NewReader(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Findings) != 9 || res.Passed {
				t.Errorf("read %d findings, passed %v; want 9, false", len(res.Findings), res.Passed)
			}
		})
	}
}

func TestReadCheckJSONReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	_, err := report.ReadCheckJSON(iotest.ErrReader(boom))
	if !errors.Is(err, boom) {
		t.Errorf("error = %v, want it to wrap %v", err, boom)
	}
}

// FuzzReadCheckJSON: any bytes give a result or an error, never a panic,
// and a result read once is written and read again unchanged.
func FuzzReadCheckJSON(f *testing.F) {
	// Small seeds: the fuzzer crawls on documents of kilobytes.
	f.Add([]byte(`{"version":"1","findings":[{"rule":"r","severity":"deny","message":"m","blocking":true}],"currency":"USD","priced_as_of":{},"past_total_monthly_cost":"0","total_monthly_cost":"0","diff_total_monthly_cost":"0","resources":[],"unpriced":[],"passed":false}`))
	f.Add([]byte(`{"version":"1","currency":"USD","priced_as_of":{"aws-ec2":"2025-04-24"},"past_total_monthly_cost":"1.5","total_monthly_cost":"70.08","diff_total_monthly_cost":"68.58",` +
		`"resources":[{"address":"a.b","type":"a","action":"replace","past_monthly_cost":"1.5","monthly_cost":"70.08","diff_monthly_cost":"68.58","location":{"file":"main.tf","line":3},` +
		`"components":[{"name":"n","unit":"hours","quantity":"730","unit_price":"0.096","monthly_cost":"70.08","usage_based":true}],"past_components":[{"name":"n","unit":"GB","quantity":"1","unpriced":"why"}]}],` +
		`"unpriced":[{"address":"a.b","type":"a","reason":"why"},{"address":"module.m","type":"module","reason":"not downloaded"}],"notes":["x"],"passed":true,` +
		`"findings":[{"rule":"r","severity":"deny","message":"m","address":"a.b","waiver":{"rule":"r","address":"a.*","reason":"r","owner":"o","expires":"2027-01-31","source":"tollgate.yml:3"},"blocking":false,"enforcement":"soft"},` +
		`{"rule":"s","severity":"warn","message":"w","blocking":false,"expired_waiver":{"rule":"s","address":"*","reason":"r","owner":"o","expires":"2020-01-31","source":"main.tf:1"},"title":"T","description":"D","policy":"p.rego:3"}],` +
		`"waivers":[{"rule":"r","address":"a.*","reason":"r","owner":"o","expires":"2027-01-31","source":"tollgate.yml:3","status":"active","findings":1}],` +
		`"rules":[{"id":"r","severity":"deny","package":"main","name":"deny","title":"T","policy":"p.rego:1"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := report.ReadCheckJSON(bytes.NewReader(data))
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			return
		}
		var once, twice bytes.Buffer
		if err := report.CheckJSON(&once, res); err != nil {
			t.Fatal(err)
		}
		again, err := report.ReadCheckJSON(bytes.NewReader(once.Bytes()))
		if err != nil {
			t.Fatalf("reading what CheckJSON wrote: %v\n%s", err, once.String())
		}
		if err := report.CheckJSON(&twice, again); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(once.String(), twice.String()); diff != "" {
			t.Errorf("second round trip differs:\n%s", diff)
		}
		report.Comment(again, report.CommentOptions{Marker: testMarker})
	})
}

// BenchmarkReadCheckJSON reads back a saved check of 10,000 resources
// with 5,000 findings.
func BenchmarkReadCheckJSON(b *testing.B) {
	var saved bytes.Buffer
	if err := report.CheckJSON(&saved, huge(10000, 5000)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(saved.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := report.ReadCheckJSON(bytes.NewReader(saved.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}
