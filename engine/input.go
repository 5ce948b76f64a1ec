package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"sync"

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
// policies are evaluated against it without further conversion. The
// resources, most of the work, are converted on every core.
func PolicyInput(est *Estimate, ctx Context) (ast.Value, error) {
	resources, err := inputResources(est.Resources)
	if err != nil {
		return nil, err
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

// inputResources converts the resources on GOMAXPROCS goroutines, each
// taking every n-th resource so that the work spreads evenly.
func inputResources(rcs []ResourceCost) (*ast.Array, error) {
	terms := make([]*ast.Term, len(rcs))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(rcs)/256))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(rcs); i += workers {
				v, err := toValue(inputResource(&rcs[i]))
				if err != nil {
					errs[w] = fmt.Errorf("%s: %w", rcs[i].Address, err)
					return
				}
				terms[i] = ast.NewTerm(v)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return ast.NewArray(terms...), nil
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

// toValue converts decoded JSON to an OPA value. It does what
// ast.InterfaceToValue does for the types an input holds, without
// interning every string and validating every number (they come from
// JSON already parsed), and allocates each container's terms at once:
// conversion is the largest cost of evaluating policies on a large plan.
func toValue(v any) (ast.Value, error) {
	switch t := v.(type) {
	case nil:
		return ast.Null{}, nil
	case bool:
		return ast.Boolean(t), nil
	case string:
		return ast.String(t), nil
	case json.Number:
		return ast.Number(t), nil
	case int:
		return ast.Number(strconv.Itoa(t)), nil
	case map[string]any:
		terms := make([]ast.Term, 2*len(t))
		kvs := make([][2]*ast.Term, 0, len(t))
		i := 0
		for k, e := range t {
			ev, err := toValue(e)
			if err != nil {
				return nil, err
			}
			terms[i].Value, terms[i+1].Value = ast.String(k), ev
			kvs = append(kvs, [2]*ast.Term{&terms[i], &terms[i+1]})
			i += 2
		}
		return ast.NewObject(kvs...), nil
	case []any:
		terms := make([]ast.Term, len(t))
		ptrs := make([]*ast.Term, len(t))
		for i, e := range t {
			ev, err := toValue(e)
			if err != nil {
				return nil, err
			}
			terms[i].Value = ev
			ptrs[i] = &terms[i]
		}
		return ast.NewArray(ptrs...), nil
	}
	return ast.InterfaceToValue(v) // []string, map[string]string and the rare rest
}
