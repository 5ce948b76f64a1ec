package engine

import (
	"encoding/json"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/pricing"
)

// InputVersion is the version of the policy input document.
const InputVersion = "1"

// Context is where a change comes from, when known: from flags or the CI
// environment. Policies see it as input.context.
type Context struct {
	Repo        string
	Branch      string
	PullRequest int
	Labels      []string
	Author      string
	Commit      string
}

// PolicyInput builds the policy input document of a priced change, as
// policies/input.schema.json describes it, converted once to an OPA value:
// policies are evaluated against it without further conversion.
func PolicyInput(est *Estimate, ctx Context) (ast.Value, error) {
	resources := make([]any, len(est.Resources))
	for i := range est.Resources {
		resources[i] = inputResource(&est.Resources[i])
	}
	unpriced := make([]any, len(est.Unpriced))
	for i, u := range est.Unpriced {
		unpriced[i] = map[string]any{"address": u.Address, "type": u.Type, "reason": u.Reason}
	}
	labels := ctx.Labels
	if labels == nil {
		labels = []string{}
	}
	doc := map[string]any{
		"version":                 InputVersion,
		"currency":                est.Currency,
		"priced_as_of":            est.PricedAsOf,
		"past_total_monthly_cost": number(est.PastTotal),
		"total_monthly_cost":      number(est.Total),
		"diff_total_monthly_cost": number(est.DiffTotal),
		"unpriced":                unpriced,
		"resources":               resources,
		"context": map[string]any{
			"repo":         ctx.Repo,
			"branch":       ctx.Branch,
			"pull_request": ctx.PullRequest,
			"labels":       labels,
			"author":       ctx.Author,
			"commit":       ctx.Commit,
		},
		"notes": stringsOrEmpty(est.Notes),
	}
	return ast.InterfaceToValue(doc)
}

func inputResource(rc *ResourceCost) map[string]any {
	r := rc.Resource
	var location any
	if r.Location != nil {
		location = map[string]any{"file": r.Location.File, "line": r.Location.Line}
	}
	tags := r.Tags
	if tags == nil {
		tags = map[string]string{}
	}
	comps := rc.Components
	if r.Action == change.Delete {
		comps = rc.PastComponents
	}
	components := make([]any, len(comps))
	for i, c := range comps {
		components[i] = inputComponent(c)
	}
	return map[string]any{
		"address":           r.Address,
		"type":              r.Type,
		"name":              r.Name,
		"module":            r.Module,
		"provider":          r.Provider,
		"region":            r.Region,
		"action":            string(r.Action),
		"before":            objectOrNull(r.Before),
		"after":             objectOrNull(r.After),
		"unknown":           stringsOrEmpty(r.UnknownPaths()),
		"tags":              tags,
		"unknown_tags":      stringsOrEmpty(r.UnknownTags),
		"tags_unknown":      r.TagsUnknown,
		"taggable":          r.Taggable,
		"location":          location,
		"monthly_cost":      number(rc.Monthly),
		"past_monthly_cost": number(rc.Past),
		"diff_monthly_cost": number(rc.Diff),
		"priced":            rc.Priced,
		"free":              rc.Free,
		"components":        components,
	}
}

func inputComponent(c pricing.Component) map[string]any {
	return map[string]any{
		"name":         c.Name,
		"unit":         c.Unit,
		"quantity":     number(c.Quantity),
		"unit_price":   number(c.UnitPrice),
		"monthly_cost": number(c.MonthlyCost),
		"usage_based":  c.UsageBased,
		"priced":       c.Priced(),
	}
}

// number keeps money exact: policies see the decimal, not a float near it.
func number(d decimal.Decimal) json.Number { return json.Number(d.String()) }

func objectOrNull(m map[string]any) any {
	if m == nil {
		return nil
	}
	return m
}

func stringsOrEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
