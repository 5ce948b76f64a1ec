package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
	"github.com/tollgate-dev/tollgate/pricing"
)

// writeCheckAdvice ends the errors of ReadCheckJSON.
const writeCheckAdvice = "write it with tollgate check --format json --out result.json"

// ReadCheckJSON reads the document CheckJSON writes (tollgate check
// --format json --out FILE) back into a Result that renders every check
// format as the run that wrote it did. Errors are one line that does not
// name the file: the caller prefixes it ("result.json: …").
//
// What the document does not carry stays empty: the resources' attribute
// values, tags, names and modules, the components' price sources and the
// estimate's source. Whether a resource is priced comes from the unpriced
// list.
func ReadCheckJSON(r io.Reader) (*engine.Result, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read check result: %w", err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("empty, not a tollgate check result: " + writeCheckAdvice)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, jsonError(data, err)
	}
	if err := checkFields(top); err != nil {
		return nil, err
	}
	var doc CheckDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, jsonError(data, err)
	}
	return resultOf(&doc)
}

// checkFields tells what a JSON object is when it is not a check result.
func checkFields(top map[string]json.RawMessage) error {
	if _, ok := top["findings"]; !ok {
		if _, ok := top["resources"]; ok {
			return errors.New(`an estimate, not a check result (no "findings"): ` + writeCheckAdvice)
		}
		return errors.New(`not a tollgate check result (no "findings"): ` + writeCheckAdvice)
	}
	var version string
	if raw, ok := top["version"]; !ok || json.Unmarshal(raw, &version) != nil {
		return errors.New(`not a tollgate check result (no "version"): ` + writeCheckAdvice)
	}
	if version != Version {
		return fmt.Errorf("check result version %q is not supported: this tollgate reads version %s; write it again with this tollgate's check --format json", version, Version)
	}
	for _, name := range []string{"currency", "priced_as_of", "past_total_monthly_cost", "total_monthly_cost", "diff_total_monthly_cost", "resources", "unpriced", "passed"} {
		if _, ok := top[name]; !ok {
			return fmt.Errorf("not a complete tollgate check result (no %q): %s", name, writeCheckAdvice)
		}
	}
	return nil
}

// jsonError words a decoding error with its line and column.
func jsonError(data []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Errorf("not JSON: %s: %s: %s", position(data, syntax.Offset-1), syntax.Error(), writeCheckAdvice)
	case errors.As(err, &typ) && typ.Field == "":
		return fmt.Errorf("not a tollgate check result (a JSON %s, not an object): %s", typ.Value, writeCheckAdvice)
	case errors.As(err, &typ):
		return fmt.Errorf("%s: %s is a JSON %s, want %s: %s", position(data, typ.Offset-1), typ.Field, typ.Value, typ.Type, writeCheckAdvice)
	}
	return fmt.Errorf("not a tollgate check result: %w", err)
}

// position is "line 3, column 14" of the byte at offset. The decoder's
// offsets count the bytes read, the offending one included.
func position(data []byte, offset int64) string {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("line %d, column %d", line, col)
}

// fieldError is a value the document has but a check result cannot.
func fieldError(field, format string, args ...any) error {
	return fmt.Errorf("%s: %s: %s", field, fmt.Sprintf(format, args...), writeCheckAdvice)
}

func resultOf(doc *CheckDoc) (*engine.Result, error) {
	est, err := estimateOf(doc.EstimateDoc)
	if err != nil {
		return nil, err
	}
	res := &engine.Result{
		Estimate: est,
		Passed:   doc.Passed,
		Findings: make([]gate.Judged, 0, len(doc.Findings)),
		Waivers:  make([]gate.WaiverUse, 0, len(doc.Waivers)),
	}
	for i, f := range doc.Findings {
		j, err := judgedOf(f, fmt.Sprintf("findings[%d]", i))
		if err != nil {
			return nil, err
		}
		if j.Blocking && doc.Passed {
			return nil, fieldError(fmt.Sprintf("findings[%d]", i), "blocks the gate, yet passed is true")
		}
		res.Findings = append(res.Findings, j)
	}
	for i, u := range doc.Waivers {
		switch u.Status {
		case gate.Active, gate.Expired, gate.Unused:
		default:
			return nil, fieldError(fmt.Sprintf("waivers[%d].status", i), "%q is not active, expired or unused", u.Status)
		}
		res.Waivers = append(res.Waivers, gate.WaiverUse{Waiver: gate.Waiver(u.WaiverDoc), Status: u.Status, Findings: u.Findings})
	}
	for i, r := range doc.Rules {
		sev, err := severityOf(r.Severity, fmt.Sprintf("rules[%d].severity", i))
		if err != nil {
			return nil, err
		}
		res.Rules = append(res.Rules, policy.Rule{
			Package: r.Package, Name: r.Name, ID: r.ID, Severity: sev,
			Title: r.Title, Description: r.Description, Policy: r.Policy,
		})
	}
	return res, nil
}

func judgedOf(f FindingDoc, field string) (gate.Judged, error) {
	if f.Rule == "" {
		return gate.Judged{}, fieldError(field, "no rule")
	}
	sev, err := severityOf(f.Severity, field+".severity")
	if err != nil {
		return gate.Judged{}, err
	}
	level := gate.Level(f.Enforcement)
	switch level {
	case "", gate.Advisory, gate.Soft, gate.Hard:
	default:
		return gate.Judged{}, fieldError(field+".enforcement", "%q is not advisory, soft or hard", f.Enforcement)
	}
	return gate.Judged{
		Finding: policy.Finding{
			Rule: f.Rule, Severity: sev, Message: f.Message, Address: f.Address, Location: f.Location,
			Title: f.Title, Description: f.Description, Policy: f.Policy,
		},
		Level:      level,
		Waiver:     waiverOf(f.Waiver),
		Expired:    waiverOf(f.ExpiredWaiver),
		Overridden: f.Overridden,
		Blocking:   f.Blocking,
	}, nil
}

func severityOf(s, field string) (policy.Severity, error) {
	switch sev := policy.Severity(s); sev {
	case policy.Deny, policy.Warn, policy.Info:
		return sev, nil
	}
	return "", fieldError(field, "%q is not deny, warn or info", s)
}

func waiverOf(d *WaiverDoc) *gate.Waiver {
	if d == nil {
		return nil
	}
	w := gate.Waiver(*d)
	return &w
}

func estimateOf(doc *EstimateDoc) (*engine.Estimate, error) {
	est := &engine.Estimate{Currency: doc.Currency, Catalog: doc.Catalog, PricedAsOf: doc.PricedAsOf, Notes: doc.Notes}
	var err error
	if est.PastTotal, err = amount(doc.PastTotal, "past_total_monthly_cost"); err != nil {
		return nil, err
	}
	if est.Total, err = amount(doc.Total, "total_monthly_cost"); err != nil {
		return nil, err
	}
	if est.DiffTotal, err = amount(doc.DiffTotal, "diff_total_monthly_cost"); err != nil {
		return nil, err
	}
	// The unpriced list holds every resource that is not fully priced, in
	// address order, besides entries that are no resource (unexpanded
	// modules); resources sharing an address (deposed objects) take the
	// reasons in order.
	reasons := map[string][]string{}
	for i, u := range doc.Unpriced {
		if u.Address == "" {
			return nil, fieldError(fmt.Sprintf("unpriced[%d]", i), "no address")
		}
		est.Unpriced = append(est.Unpriced, engine.Unpriced(u))
		reasons[u.Address] = append(reasons[u.Address], u.Reason)
	}
	est.Resources = make([]engine.ResourceCost, 0, len(doc.Resources))
	for i, rd := range doc.Resources {
		rc, err := resourceOf(rd, fmt.Sprintf("resources[%d]", i))
		if err != nil {
			return nil, err
		}
		if q := reasons[rc.Address]; len(q) > 0 {
			rc.Priced, rc.UnpricedReason = false, q[0]
			reasons[rc.Address] = q[1:]
		}
		est.Resources = append(est.Resources, rc)
	}
	return est, nil
}

func resourceOf(d ResourceDoc, field string) (engine.ResourceCost, error) {
	if d.Address == "" {
		return engine.ResourceCost{}, fieldError(field, "no address")
	}
	action := change.Action(d.Action)
	switch action {
	case change.Create, change.Update, change.Delete, change.Replace, change.NoOp:
	default:
		return engine.ResourceCost{}, fieldError(field+".action", "%q is not create, update, delete, replace or no-op", d.Action)
	}
	rc := engine.ResourceCost{
		Resource: &change.Resource{Address: d.Address, Type: d.Type, Action: action, Region: d.Region, Location: d.Location},
		Free:     d.Free,
		Priced:   true,
	}
	var err error
	if rc.Past, err = amount(d.Past, field+".past_monthly_cost"); err != nil {
		return rc, err
	}
	if rc.Monthly, err = amount(d.Monthly, field+".monthly_cost"); err != nil {
		return rc, err
	}
	if rc.Diff, err = amount(d.Diff, field+".diff_monthly_cost"); err != nil {
		return rc, err
	}
	if rc.Components, err = componentsOf(d.Components, field+".components"); err != nil {
		return rc, err
	}
	if rc.PastComponents, err = componentsOf(d.PastComponents, field+".past_components"); err != nil {
		return rc, err
	}
	return rc, nil
}

func componentsOf(docs []ComponentDoc, field string) ([]pricing.Component, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	out := make([]pricing.Component, 0, len(docs))
	for i, d := range docs {
		f := fmt.Sprintf("%s[%d]", field, i)
		c := pricing.Component{
			Name: d.Name, Unit: d.Unit, UsageBased: d.UsageBased, UsageKey: d.UsageKey,
			Unpriced: d.Unpriced, Approximation: d.Approximation,
		}
		var err error
		if c.Quantity, err = amount(d.Quantity, f+".quantity"); err != nil {
			return nil, err
		}
		if c.Priced() {
			if c.UnitPrice, err = amount(d.UnitPrice, f+".unit_price"); err != nil {
				return nil, err
			}
			if c.MonthlyCost, err = amount(d.MonthlyCost, f+".monthly_cost"); err != nil {
				return nil, err
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// amount reads a decimal string of the document.
func amount(s, field string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Decimal{}, fieldError(field, "missing; want a decimal string such as \"70.08\"")
	}
	d, err := decimal.NewFromString(s)
	if err != nil || strings.ContainsAny(s, "eE") {
		return decimal.Decimal{}, fieldError(field, "%q is not a decimal amount such as \"70.08\"", s)
	}
	return d, nil
}
