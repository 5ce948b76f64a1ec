package report

import (
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/engine/reconcile"
)

// HistorySchema is the JSON Schema of the history document; it refers to
// reconcile.schema.json (same directory) for the totals.
//
//go:embed reconcile-history.schema.json
var HistorySchema []byte

// HistoryEntry is one past reconciliation as stored (the fields of
// store.Reconciliation that History shows; the renderer does not import
// the store and its database drivers): when it ran, the period it
// compared and its overall totals.
type HistoryEntry struct {
	Repo                   string
	RanAt                  time.Time
	PeriodStart, PeriodEnd time.Time
	Basis, Currency        string
	Files                  []string
	Overall                reconcile.Totals
}

// HistoryDoc is the history JSON document, oldest reconciliation first.
type HistoryDoc struct {
	Version         string            `json:"version"`
	Reconciliations []HistoryEntryDoc `json:"reconciliations"`
}

// HistoryEntryDoc is one past reconciliation.
type HistoryEntryDoc struct {
	Repo     string     `json:"repo,omitempty"`
	RanAt    string     `json:"ran_at"`
	Period   *PeriodDoc `json:"period"`
	Basis    string     `json:"basis"`
	Currency string     `json:"currency"`
	Files    []string   `json:"files"`
	TotalsDoc
}

// History writes past reconciliations in format, one of ReconcileFormats,
// oldest first, so that a trend in accuracy reads top to bottom.
func History(w io.Writer, entries []HistoryEntry, format string, opts ReconcileOptions) error {
	entries = slices.Clone(entries)
	slices.SortStableFunc(entries, func(a, b HistoryEntry) int {
		return cmp.Or(a.RanAt.Compare(b.RanAt), a.PeriodStart.Compare(b.PeriodStart), cmp.Compare(a.Repo, b.Repo))
	})
	switch format {
	case "table":
		return historyTable(w, entries, opts)
	case "json":
		return writeJSON(w, NewHistoryDoc(entries))
	case "markdown":
		return historyMarkdown(w, entries)
	case "html":
		return historyHTML(w, entries)
	}
	return unknownFormat(format)
}

// NewHistoryDoc builds the JSON document of past reconciliations, in the
// order given.
func NewHistoryDoc(entries []HistoryEntry) *HistoryDoc {
	doc := &HistoryDoc{Version: Version, Reconciliations: make([]HistoryEntryDoc, 0, len(entries))}
	for _, e := range entries {
		doc.Reconciliations = append(doc.Reconciliations, HistoryEntryDoc{
			Repo:      e.Repo,
			RanAt:     e.RanAt.UTC().Format(time.RFC3339),
			Period:    periodDoc(e.PeriodStart, e.PeriodEnd),
			Basis:     e.Basis,
			Currency:  e.Currency,
			Files:     nonNil(e.Files),
			TotalsDoc: totalsDoc(historyDefined(e), e.Overall),
		})
	}
	return doc
}

// historyDefined is which measures of a stored reconciliation have a
// denominator; the share of billed cost explained is stored without its
// denominator, so it is taken as given.
func historyDefined(e HistoryEntry) defined {
	return defined{
		wape:     !e.Overall.NoActual && reconcile.ActualAt(e.Basis, e.Overall.ActualList, e.Overall.ActualEffective, e.Overall.ActualBilled).IsPositive(),
		coverage: e.Overall.Resources > 0,
		billed:   true,
	}
}

// historyRow is one entry rendered for people.
type historyRow struct {
	RanAt, Period, Repo, Found, Predicted, Actual, WAPE, Bias, Billed string
}

func historyRows(entries []HistoryEntry) []historyRow {
	rows := make([]historyRow, 0, len(entries))
	for _, e := range entries {
		t, ok := e.Overall, historyDefined(e)
		rows = append(rows, historyRow{
			RanAt:     e.RanAt.UTC().Format("2006-01-02 15:04"),
			Period:    periodText(e.PeriodStart, e.PeriodEnd),
			Repo:      or(e.Repo, "—"),
			Found:     fmt.Sprintf("%d/%d", t.Found, t.Resources),
			Predicted: dollars(t.Predicted),
			Actual:    dollars(reconcile.ActualAt(e.Basis, t.ActualList, t.ActualEffective, t.ActualBilled)) + basisMark(e.Basis),
			WAPE:      orDash(ok.wape, pct(t.WAPE)),
			Bias:      orDash(ok.wape, signedPct(t.Bias)),
			Billed:    orDash(ok.billed, pct(t.CoverageBilled)),
		})
	}
	return rows
}

// basisMark flags actuals compared at another cost than list.
func basisMark(basis string) string {
	if basis == reconcile.BasisList {
		return ""
	}
	return " (" + basis + ")"
}

func historyTable(w io.Writer, entries []HistoryEntry, opts ReconcileOptions) error {
	if len(entries) == 0 {
		_, err := io.WriteString(w, "No reconciliations stored yet: run tollgate reconcile first.\n")
		return err
	}
	g := newGrid(opts.Color, "lllrrrrrr", "RAN AT", "PERIOD", "REPO", "FOUND", "PREDICTED", "ACTUAL", "WAPE", "BIAS", "BILLED EXPLAINED")
	for _, r := range historyRows(entries) {
		g.add("", r.RanAt, r.Period, printable(r.Repo), r.Found, r.Predicted, r.Actual, r.WAPE, r.Bias, r.Billed)
	}
	var b strings.Builder
	g.write(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

func historyMarkdown(w io.Writer, entries []HistoryEntry) error {
	var b strings.Builder
	b.WriteString("## tollgate reconciliation history\n\n")
	if len(entries) == 0 {
		b.WriteString("No reconciliations stored yet.\n")
	} else {
		b.WriteString("| Ran at | Period | Repo | Found | Predicted | Actual | WAPE | Bias | Billed explained |\n|---|---|---|--:|--:|--:|--:|--:|--:|\n")
		for _, r := range historyRows(entries) {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
				r.RanAt, r.Period, cell(r.Repo), r.Found, r.Predicted, r.Actual, r.WAPE, r.Bias, r.Billed)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var historyHTMLTemplate = template.Must(template.New("history").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tollgate reconciliation history</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2328;background:#fff;margin:0 auto;padding:24px;max-width:1100px}
h1{font-size:24px;margin:0 0 12px}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:4px 8px;border-bottom:1px solid #eaeef2;text-align:left}
th{background:#f6f8fa}
.num{text-align:right;white-space:nowrap}
</style>
</head>
<body>
<h1>tollgate reconciliation history</h1>
{{if .}}<table>
<thead><tr><th scope="col">Ran at</th><th scope="col">Period</th><th scope="col">Repo</th><th scope="col" class="num">Found</th><th scope="col" class="num">Predicted</th><th scope="col" class="num">Actual</th><th scope="col" class="num">WAPE</th><th scope="col" class="num">Bias</th><th scope="col" class="num">Billed explained</th></tr></thead>
<tbody>{{range .}}
<tr><td>{{.RanAt}}</td><td>{{.Period}}</td><td>{{.Repo}}</td><td class="num">{{.Found}}</td><td class="num">{{.Predicted}}</td><td class="num">{{.Actual}}</td><td class="num">{{.WAPE}}</td><td class="num">{{.Bias}}</td><td class="num">{{.Billed}}</td></tr>{{end}}
</tbody>
</table>{{else}}<p>No reconciliations stored yet.</p>{{end}}
</body>
</html>
`))

func historyHTML(w io.Writer, entries []HistoryEntry) error {
	if err := historyHTMLTemplate.Execute(w, historyRows(entries)); err != nil {
		return fmt.Errorf("render reconciliation history html: %w", err)
	}
	return nil
}
