package reconcile

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
)

// Suggestion is the usage a resource was observed to have, for one
// usage-file key: what to write in the usage file so that the next
// estimate assumes what the bill showed.
type Suggestion struct {
	Repo, Address, Type string
	Key                 string // the usage-file key, e.g. "monthly_data_processed_gb"
	// Value is the observed usage scaled to a 730-hour month, in Unit.
	Value decimal.Decimal
	Unit  string // "GB", "GB-months" or "requests"
	// Observed is the billed quantity over Hours, the hours in force.
	Observed, Hours decimal.Decimal
	// Assumed is the value the prediction in force at the period's end
	// used, and Given whether the usage file gave it (else it was 0).
	Assumed decimal.Decimal
	Given   bool
}

// suggestedUnits are the dimensions in which a usage-file value is the
// component's monthly quantity; in others (Lambda's GB-seconds, rule
// hours) the quantity is derived from the value and says nothing of it.
var suggestedUnits = map[string]string{
	dimGB:       "GB",
	dimGBMonths: "GB-months",
	dimRequests: "requests",
}

// Suggest derives usage values from the quantities a reconciliation
// compared: for each usage-based component whose billed unit matched, the
// billed quantity scaled from the hours the resource was in force to a
// 730-hour month. preds are the predictions reconciled, which say what
// was assumed. Suggestions are sorted by address, key and repository.
func Suggest(r *Result, preds []prediction.Recorded) []Suggestion {
	type key struct{ repo, address string }
	latest := map[key]*prediction.Recorded{}
	for i := range preds {
		p := &preds[i]
		if p.Action == actionDelete || !p.RecordedAt.Before(r.PeriodEnd) {
			continue
		}
		k := key{p.Repo, p.Address}
		if q := latest[k]; q == nil || p.RecordedAt.After(q.RecordedAt) ||
			p.RecordedAt.Equal(q.RecordedAt) && p.Commit > q.Commit {
			latest[k] = p
		}
	}
	var out []Suggestion
	for i := range r.Resources {
		res := &r.Resources[i]
		if !res.Hours.IsPositive() {
			continue
		}
		for _, q := range res.Quantities {
			if q.UsageKey == "" {
				continue
			}
			u, ok := componentUnit(q.Unit, q.Component, q.UsageKey)
			name, allowed := suggestedUnits[u.dim]
			if !ok || !allowed {
				continue
			}
			observed := u.toBase(q.Actual)
			s := Suggestion{
				Repo: res.Repo, Address: res.Address, Type: res.Type, Key: q.UsageKey,
				Value:    observed.Mul(hoursPerMonth).DivRound(res.Hours, divPrecision),
				Unit:     name,
				Observed: observed, Hours: res.Hours,
			}
			if p := latest[key{res.Repo, res.Address}]; p != nil {
				s.Assumed, s.Given = assumed(p, q.UsageKey, u.dim)
			}
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b Suggestion) int {
		return cmp.Or(cmp.Compare(a.Address, b.Address), cmp.Compare(a.Key, b.Key), cmp.Compare(a.Repo, b.Repo))
	})
	return out
}

// assumed is the usage value a prediction's components of one key and
// dimension were priced with (tiers of one value add up to it).
func assumed(p *prediction.Recorded, key, dim string) (decimal.Decimal, bool) {
	total, given := decimal.Zero, false
	for _, c := range p.Components {
		if c.UsageKey != key {
			continue
		}
		if u, ok := componentUnit(c.Unit, c.Name, c.UsageKey); ok && u.dim == dim {
			total = total.Add(u.toBase(c.Quantity))
			given = given || c.UsageGiven
		}
	}
	return total, given
}

// WriteUsage writes suggestions as a tollgate usage file (version 1,
// resource_usage by address), with a header naming the bills and period
// of r they came from. Requests are rounded to whole requests, GB to
// hundredths. An address suggested from two repositories is an error: a
// usage file belongs to one.
func WriteUsage(w io.Writer, r *Result, s []Suggestion) error {
	b := bufio.NewWriter(w)
	fmt.Fprintln(b, "# Usage observed in the bill by tollgate reconcile, scaled to a 730-hour month.")
	var names []string
	for _, f := range r.Files {
		names = append(names, f.Name)
	}
	if len(names) > 0 {
		fmt.Fprintf(b, "# Bills: %s\n", strings.Join(names, ", "))
	}
	fmt.Fprintf(b, "# Period: %s to %s (UTC)\n", r.PeriodStart.Format(dateTime), r.PeriodEnd.Format(dateTime))
	fmt.Fprintln(b, "version: 1")
	if len(s) == 0 {
		fmt.Fprintln(b, "resource_usage: {}")
		return b.Flush()
	}
	fmt.Fprintln(b, "resource_usage:")
	repoOf := map[string]string{}
	written := map[[2]string]bool{}
	last := ""
	for _, sg := range s {
		if repo, ok := repoOf[sg.Address]; ok && repo != sg.Repo {
			return fmt.Errorf("usage of %s: the address was recorded by repositories %q and %q; suggest usage for one repository at a time", sg.Address, repo, sg.Repo)
		}
		repoOf[sg.Address] = sg.Repo
		if written[[2]string{sg.Address, sg.Key}] {
			return fmt.Errorf("usage of %s: key %s suggested twice", sg.Address, sg.Key)
		}
		written[[2]string{sg.Address, sg.Key}] = true
		if sg.Address != last {
			fmt.Fprintf(b, "  %s:\n", yamlKey(sg.Address))
			last = sg.Address
		}
		fmt.Fprintf(b, "    %s: %s # %s\n", yamlKey(sg.Key), rounded(sg).String(), provenance(sg))
	}
	return b.Flush()
}

const dateTime = "2006-01-02 15:04"

func rounded(s Suggestion) decimal.Decimal {
	if s.Unit == suggestedUnits[dimRequests] {
		return s.Value.Round(0)
	}
	return s.Value.Round(2)
}

// provenance is the comment after a value: what was billed and assumed.
func provenance(s Suggestion) string {
	was := "had no value (0)"
	if s.Given {
		was = "assumed " + s.Assumed.String()
	}
	return fmt.Sprintf("billed %s %s in %s hours; the estimate %s",
		s.Observed.Round(2).String(), s.Unit, s.Hours.Round(2).String(), was)
}

var plainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.\-]*$`)

// yamlKey quotes a key unless it is plain: addresses with brackets and
// quotes (aws_instance.web["a"]) become JSON strings, which YAML reads.
func yamlKey(k string) string {
	if plainKey.MatchString(k) && !strings.HasSuffix(k, "-") {
		return k
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(k) // a string always encodes
	return strings.TrimSuffix(buf.String(), "\n")
}
