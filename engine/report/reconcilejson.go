package report

import (
	_ "embed"
	"maps"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
)

// ReconcileSchema is the JSON Schema of the reconciliation document.
//
//go:embed reconcile.schema.json
var ReconcileSchema []byte

// ReconcileDoc is the reconciliation JSON document. Money and quantities
// are decimal strings with full precision; fractions (WAPE, bias,
// coverage, ratio) are decimal strings too, 0.12 meaning 12%, and null
// where their denominator is zero.
type ReconcileDoc struct {
	Version     string          `json:"version"`
	Currency    string          `json:"currency"`
	Period      *PeriodDoc      `json:"period"`
	Basis       string          `json:"basis"`
	Passed      bool            `json:"passed"`
	Files       []FileDoc       `json:"files"`
	Overall     TotalsDoc       `json:"overall"`
	Types       []TypeTotalsDoc `json:"types"`
	Resources   []ReconciledDoc `json:"resources"`
	TopDrifters []string        `json:"top_drifters"`
	Unmatched   []UnmatchedDoc  `json:"unmatched"`
	Notes       []string        `json:"notes"`
	Violations  []string        `json:"violations"`
}

// PeriodDoc is a time range [start, end), RFC 3339 in UTC.
type PeriodDoc struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// FileDoc is what one billing file gave.
type FileDoc struct {
	Name      string         `json:"name"`
	Format    string         `json:"format"`
	Rows      int            `json:"rows"`
	Kept      int            `json:"kept"`
	Skipped   map[string]int `json:"skipped"`
	Malformed map[string]int `json:"malformed"`
	Partial   map[string]int `json:"partly_read"`
	Missing   []string       `json:"missing_columns"`
	Period    *PeriodDoc     `json:"period"`
}

// TotalsDoc is the error measures over a set of resources.
type TotalsDoc struct {
	Resources         int     `json:"resources"`
	Found             int     `json:"found"`
	Predicted         string  `json:"predicted_cost"`
	ActualList        string  `json:"actual_list_cost"`
	ActualEffective   string  `json:"actual_effective_cost"`
	ActualBilled      string  `json:"actual_billed_cost"`
	WAPE              *string `json:"wape"`
	Bias              *string `json:"bias"`
	CoveragePredicted *string `json:"coverage_predicted"`
	CoverageBilled    *string `json:"coverage_billed"`
}

// TypeTotalsDoc is the totals of one resource type.
type TypeTotalsDoc struct {
	Type string `json:"type"`
	TotalsDoc
}

// ReconciledDoc is one predicted resource compared with its charges.
type ReconciledDoc struct {
	Address         string        `json:"address"`
	Type            string        `json:"type"`
	Region          string        `json:"region,omitempty"`
	Repo            string        `json:"repo,omitempty"`
	Commit          string        `json:"commit,omitempty"`
	Found           bool          `json:"found"`
	MatchedBy       string        `json:"matched_by,omitempty"`
	Priced          bool          `json:"priced"`
	Hours           string        `json:"hours"`
	Predicted       string        `json:"predicted_cost"`
	ActualList      string        `json:"actual_list_cost"`
	ActualEffective string        `json:"actual_effective_cost"`
	ActualBilled    string        `json:"actual_billed_cost"`
	Variance        string        `json:"variance"`
	Ratio           *string       `json:"ratio"`
	Quantities      []QuantityDoc `json:"quantities"`
}

// QuantityDoc compares a predicted quantity with the billed one.
type QuantityDoc struct {
	Component string `json:"component"`
	Unit      string `json:"unit"`
	UsageKey  string `json:"usage_key,omitempty"`
	Predicted string `json:"predicted"`
	Actual    string `json:"actual"`
}

// UnmatchedDoc is billed cost no prediction explains.
type UnmatchedDoc struct {
	ResourceID string `json:"resource_id,omitempty"`
	Service    string `json:"service"`
	Billed     string `json:"billed_cost"`
	List       string `json:"list_cost"`
}

// NewReconcileDoc builds the JSON document of a reconciliation.
func NewReconcileDoc(r *reconcile.Result) *ReconcileDoc {
	doc := &ReconcileDoc{
		Version:     Version,
		Currency:    r.Currency,
		Period:      periodDoc(r.PeriodStart, r.PeriodEnd),
		Basis:       r.Basis,
		Passed:      len(r.Violations) == 0,
		Files:       make([]FileDoc, 0, len(r.Files)),
		Overall:     totalsDoc(definedTotals(r, r.Overall), r.Overall),
		Types:       make([]TypeTotalsDoc, 0, len(r.Types)),
		Resources:   make([]ReconciledDoc, 0, len(r.Resources)),
		TopDrifters: nonNil(r.TopDrifters),
		Unmatched:   make([]UnmatchedDoc, 0, len(r.Unmatched)),
		Notes:       nonNil(r.Notes),
		Violations:  nonNil(r.Violations),
	}
	for _, f := range r.Files {
		doc.Files = append(doc.Files, FileDoc{
			Name:      f.Name,
			Format:    string(f.Format),
			Rows:      f.Rows,
			Kept:      f.Kept,
			Skipped:   nonNilMap(f.Skipped),
			Malformed: nonNilMap(f.Malformed),
			Partial:   nonNilMap(f.Partial),
			Missing:   nonNil(f.Missing),
			Period:    periodDoc(f.PeriodStart, f.PeriodEnd),
		})
	}
	for _, t := range r.Types {
		doc.Types = append(doc.Types, TypeTotalsDoc{Type: t.Type, TotalsDoc: totalsDoc(definedTotals(r, t.Totals), t.Totals)})
	}
	for _, res := range r.Resources {
		doc.Resources = append(doc.Resources, reconciledDoc(res))
	}
	for _, u := range r.Unmatched {
		doc.Unmatched = append(doc.Unmatched, UnmatchedDoc{ResourceID: u.ResourceID, Service: u.Service, Billed: money(u.Billed), List: money(u.List)})
	}
	return doc
}

func reconciledDoc(res reconcile.Resource) ReconciledDoc {
	d := ReconciledDoc{
		Address:         res.Address,
		Type:            res.Type,
		Region:          res.Region,
		Repo:            res.Repo,
		Commit:          res.Commit,
		Found:           res.MatchedBy != "",
		MatchedBy:       res.MatchedBy,
		Priced:          res.Priced,
		Hours:           money(res.Hours),
		Predicted:       money(res.Predicted),
		ActualList:      money(res.ActualList),
		ActualEffective: money(res.ActualEffective),
		ActualBilled:    money(res.ActualBilled),
		Variance:        money(res.Variance),
		Ratio:           fraction(!res.Predicted.IsZero(), res.Ratio),
		Quantities:      make([]QuantityDoc, 0, len(res.Quantities)),
	}
	for _, q := range res.Quantities {
		d.Quantities = append(d.Quantities, QuantityDoc{
			Component: q.Component, Unit: q.Unit, UsageKey: q.UsageKey,
			Predicted: money(q.Predicted), Actual: money(q.Actual),
		})
	}
	return d
}

func totalsDoc(ok defined, t reconcile.Totals) TotalsDoc {
	return TotalsDoc{
		Resources:         t.Resources,
		Found:             t.Found,
		Predicted:         money(t.Predicted),
		ActualList:        money(t.ActualList),
		ActualEffective:   money(t.ActualEffective),
		ActualBilled:      money(t.ActualBilled),
		WAPE:              fraction(ok.wape, t.WAPE),
		Bias:              fraction(ok.wape, t.Bias),
		CoveragePredicted: fraction(ok.coverage, t.CoveragePredicted),
		CoverageBilled:    fraction(ok.billed, t.CoverageBilled),
	}
}

// fraction is the decimal string of f, or nil (null) when undefined.
func fraction(ok bool, f decimal.Decimal) *string {
	if !ok {
		return nil
	}
	s := f.String()
	return &s
}

func periodDoc(start, end time.Time) *PeriodDoc {
	if start.IsZero() && end.IsZero() {
		return nil
	}
	return &PeriodDoc{Start: start.UTC().Format(time.RFC3339), End: end.UTC().Format(time.RFC3339)}
}

// nonNil makes an absent list an empty JSON array, so consumers need not
// tell null from [].
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return slices.Clone(s)
}

func nonNilMap(m map[string]int) map[string]int {
	if m == nil {
		return map[string]int{}
	}
	return maps.Clone(m)
}
