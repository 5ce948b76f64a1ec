// Package report renders estimates, check results and reconciliations
// for people and programs: an aligned table for terminals, Markdown for
// documents, a self-contained HTML page for reconciliations, the
// pull-request comment (cut to the forge's limit), the JSON documents
// whose shapes are contracts (estimate.schema.json, check.schema.json,
// reconcile.schema.json, reconcile-history.schema.json, and
// ReadCheckJSON to read a saved result back), and, for check results,
// SARIF, JUnit XML, GitHub Actions annotations and GitLab's Code Quality
// and Terraform reports. Renderers are pure: same input, same bytes.
package report

import (
	_ "embed"
	"encoding/json"
	"io"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/pricing"
)

// Version is the version of the JSON document.
const Version = "1"

// EstimateSchema is the JSON Schema of the estimate document.
//
//go:embed estimate.schema.json
var EstimateSchema []byte

// EstimateDoc is the estimate JSON document. Money and quantities are
// decimal strings with full precision.
type EstimateDoc struct {
	Version    string            `json:"version"`
	Currency   string            `json:"currency"`
	Catalog    string            `json:"catalog,omitempty"`
	PricedAsOf map[string]string `json:"priced_as_of"`
	PastTotal  string            `json:"past_total_monthly_cost"`
	Total      string            `json:"total_monthly_cost"`
	DiffTotal  string            `json:"diff_total_monthly_cost"`
	Resources  []ResourceDoc     `json:"resources"`
	Unpriced   []UnpricedDoc     `json:"unpriced"`
	Notes      []string          `json:"notes,omitempty"`
}

// ResourceDoc is one resource of the estimate document.
type ResourceDoc struct {
	Address        string           `json:"address"`
	Type           string           `json:"type"`
	Action         string           `json:"action"`
	Region         string           `json:"region,omitempty"`
	Past           string           `json:"past_monthly_cost"`
	Monthly        string           `json:"monthly_cost"`
	Diff           string           `json:"diff_monthly_cost"`
	Location       *change.Location `json:"location,omitempty"`
	Free           bool             `json:"free,omitempty"`
	Components     []ComponentDoc   `json:"components"`
	PastComponents []ComponentDoc   `json:"past_components,omitempty"`
}

// ComponentDoc is one cost component. UnitPrice and MonthlyCost are absent
// when the component is unpriced; Unpriced then says why.
type ComponentDoc struct {
	Name          string `json:"name"`
	Unit          string `json:"unit"`
	Quantity      string `json:"quantity"`
	UnitPrice     string `json:"unit_price,omitempty"`
	MonthlyCost   string `json:"monthly_cost,omitempty"`
	UsageBased    bool   `json:"usage_based,omitempty"`
	UsageKey      string `json:"usage_key,omitempty"`
	Unpriced      string `json:"unpriced,omitempty"`
	Approximation string `json:"approximation,omitempty"`
}

// UnpricedDoc is one entry of the unpriced list.
type UnpricedDoc struct {
	Address string `json:"address"`
	Type    string `json:"type"`
	Reason  string `json:"reason"`
}

// NewEstimateDoc builds the JSON document of an estimate.
func NewEstimateDoc(est *engine.Estimate) *EstimateDoc {
	doc := &EstimateDoc{
		Version:    Version,
		Currency:   est.Currency,
		Catalog:    est.Catalog,
		PricedAsOf: est.PricedAsOf,
		PastTotal:  money(est.PastTotal),
		Total:      money(est.Total),
		DiffTotal:  money(est.DiffTotal),
		Resources:  make([]ResourceDoc, 0, len(est.Resources)),
		Unpriced:   make([]UnpricedDoc, 0, len(est.Unpriced)),
		Notes:      est.Notes,
	}
	for _, rc := range est.Resources {
		doc.Resources = append(doc.Resources, ResourceDoc{
			Address:        rc.Address,
			Type:           rc.Type,
			Action:         string(rc.Action),
			Region:         rc.Region,
			Past:           money(rc.Past),
			Monthly:        money(rc.Monthly),
			Diff:           money(rc.Diff),
			Location:       rc.Location,
			Free:           rc.Free,
			Components:     componentDocs(rc.Components),
			PastComponents: componentDocs(rc.PastComponents),
		})
	}
	for _, u := range est.Unpriced {
		doc.Unpriced = append(doc.Unpriced, UnpricedDoc(u))
	}
	return doc
}

func componentDocs(cs []pricing.Component) []ComponentDoc {
	out := make([]ComponentDoc, 0, len(cs))
	for _, c := range cs {
		d := ComponentDoc{
			Name:          c.Name,
			Unit:          c.Unit,
			Quantity:      money(c.Quantity),
			UsageBased:    c.UsageBased,
			UsageKey:      c.UsageKey,
			Unpriced:      c.Unpriced,
			Approximation: c.Approximation,
		}
		if c.Priced() {
			d.UnitPrice = money(c.UnitPrice)
			d.MonthlyCost = money(c.MonthlyCost)
		}
		out = append(out, d)
	}
	return out
}

// money renders a decimal with full precision and no exponent.
func money(d decimal.Decimal) string {
	return d.String()
}

// JSON writes the estimate document, indented, with a final newline.
func JSON(w io.Writer, est *engine.Estimate) error {
	return writeJSON(w, NewEstimateDoc(est))
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
