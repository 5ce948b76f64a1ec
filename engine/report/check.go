package report

import (
	_ "embed"
	"errors"
	"io"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/gate"
)

// CheckSchema is the JSON Schema of the check document. It refers to
// estimate.schema.json (same directory) for the estimate's parts.
//
//go:embed check.schema.json
var CheckSchema []byte

// CheckDoc is the check JSON document: the estimate document, the gate's
// decision, every finding and what became of every waiver.
type CheckDoc struct {
	*EstimateDoc
	Passed   bool           `json:"passed"`
	Findings []FindingDoc   `json:"findings"`
	Waivers  []WaiverUseDoc `json:"waivers"`
	// Rules are the evaluated rules, so that a saved result renders the
	// SARIF rule catalogue and JUnit's quiet rules as the run did.
	Rules []RuleDoc `json:"rules"`
}

// RuleDoc is one evaluated Rego rule; several can share an id.
type RuleDoc struct {
	ID          string `json:"id"`
	Severity    string `json:"severity"`
	Package     string `json:"package"`
	Name        string `json:"name"`
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	Policy      string `json:"policy,omitempty"`
}

// FindingDoc is one finding. Rule, severity, message, address, location
// and waiver are the contract of PRODUCT.md; the rest are extensions.
type FindingDoc struct {
	Rule     string           `json:"rule"`
	Severity string           `json:"severity"`
	Message  string           `json:"message"`
	Address  string           `json:"address,omitempty"`
	Location *change.Location `json:"location,omitempty"`
	// Waiver is the waiver that applies, present only when one does.
	Waiver *WaiverDoc `json:"waiver,omitempty"`

	Blocking    bool   `json:"blocking"`
	Enforcement string `json:"enforcement,omitempty"`
	Overridden  bool   `json:"overridden,omitempty"`
	// ExpiredWaiver matched the finding but has expired, so it no longer
	// applies.
	ExpiredWaiver *WaiverDoc `json:"expired_waiver,omitempty"`
	Title         string     `json:"title,omitempty"`
	Description   string     `json:"description,omitempty"`
	Policy        string     `json:"policy,omitempty"`
}

// WaiverDoc is a waiver as declared.
type WaiverDoc struct {
	Rule    string `json:"rule"`
	Address string `json:"address"`
	Reason  string `json:"reason"`
	Owner   string `json:"owner"`
	Expires string `json:"expires"`
	Source  string `json:"source"`
}

// WaiverUseDoc is a waiver with what became of it in this run.
type WaiverUseDoc struct {
	WaiverDoc
	Status   string `json:"status"`
	Findings int    `json:"findings"`
}

// errNoEstimate guards the renderers against a Result built without one.
var errNoEstimate = errors.New("render check result: the result has no estimate")

// NewCheckDoc builds the JSON document of a check result.
func NewCheckDoc(res *engine.Result) *CheckDoc {
	doc := &CheckDoc{
		EstimateDoc: NewEstimateDoc(res.Estimate),
		Passed:      res.Passed,
		Findings:    make([]FindingDoc, 0, len(res.Findings)),
		Waivers:     make([]WaiverUseDoc, 0, len(res.Waivers)),
		Rules:       make([]RuleDoc, 0, len(res.Rules)),
	}
	for _, j := range res.Findings {
		doc.Findings = append(doc.Findings, FindingDoc{
			Rule:          j.Rule,
			Severity:      string(j.Severity),
			Message:       j.Message,
			Address:       j.Address,
			Location:      j.Location,
			Waiver:        waiverDoc(j.Waiver),
			Blocking:      j.Blocking,
			Enforcement:   string(j.Level),
			Overridden:    j.Overridden,
			ExpiredWaiver: waiverDoc(j.Expired),
			Title:         j.Title,
			Description:   j.Description,
			Policy:        j.Policy,
		})
	}
	for _, u := range res.Waivers {
		doc.Waivers = append(doc.Waivers, WaiverUseDoc{WaiverDoc: *waiverDoc(&u.Waiver), Status: u.Status, Findings: u.Findings})
	}
	for _, r := range res.Rules {
		doc.Rules = append(doc.Rules, RuleDoc{
			ID: r.ID, Severity: string(r.Severity), Package: r.Package, Name: r.Name,
			Title: r.Title, Description: r.Description, Policy: r.Policy,
		})
	}
	return doc
}

func waiverDoc(w *gate.Waiver) *WaiverDoc {
	if w == nil {
		return nil
	}
	d := WaiverDoc(*w)
	return &d
}

// CheckJSON writes the check document, indented, with a final newline.
func CheckJSON(w io.Writer, res *engine.Result) error {
	if res == nil || res.Estimate == nil {
		return errNoEstimate
	}
	return writeJSON(w, NewCheckDoc(res))
}
