// Package record turns the estimate of an applied change into the
// prediction that reconciliation keeps (package prediction): the one
// place where the estimating flow hands over to the reconciling one.
package record

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
	"github.com/tollgate-dev/tollgate/pricing"
)

// Context is what the caller knows of the run being recorded: cmd reads it
// from the CI environment and the clock.
type Context struct {
	Repo        string
	Commit      string
	PullRequest string
	RecordedAt  time.Time
}

// FromEstimate turns the estimate of an applied change into the Run to
// record: one Resource per estimated resource, with what it is predicted
// to cost after the change and ids[address], its identifiers in the
// applied state (see prediction.ReadState). Deposed objects, being destroyed by the
// change, are left out: their address is the current object's.
func FromEstimate(est *engine.Estimate, ids map[string][]string, ctx Context) prediction.Run {
	run := prediction.Run{
		Repo:        ctx.Repo,
		Commit:      ctx.Commit,
		PullRequest: ctx.PullRequest,
		RecordedAt:  ctx.RecordedAt.UTC(),
		Source:      est.Source,
		Catalog:     est.Catalog,
		PricedAsOf:  maps.Clone(est.PricedAsOf),
		Currency:    est.Currency,
	}
	for _, rc := range est.Resources {
		if rc.Resource == nil || rc.Deposed != "" {
			continue
		}
		run.Resources = append(run.Resources, resource(rc, ids[rc.Address]))
	}
	slices.SortStableFunc(run.Resources, func(a, b prediction.Resource) int { return strings.Compare(a.Address, b.Address) })
	return run
}

func resource(rc engine.ResourceCost, ids []string) prediction.Resource {
	r := prediction.Resource{
		Address:  rc.Address,
		Type:     rc.Type,
		Provider: ProviderName(rc.Provider),
		Region:   rc.Region,
		Action:   string(rc.Action),
		Monthly:  rc.Monthly,
		// Nothing is left to price once a resource is gone.
		Priced:   rc.Priced || !rc.Action.HasAfter(),
		CloudIDs: slices.Compact(slices.Sorted(slices.Values(ids))),
	}
	if len(rc.Tags) > 0 {
		r.Tags = maps.Clone(rc.Tags)
	}
	if rc.Action.HasAfter() {
		for _, c := range rc.Components {
			r.Components = append(r.Components, component(c))
		}
	}
	return r
}

func component(c pricing.Component) prediction.Component {
	out := prediction.Component{
		Name:       c.Name,
		Unit:       c.Unit,
		Quantity:   c.Quantity,
		UnitPrice:  c.UnitPrice,
		Monthly:    c.MonthlyCost,
		UsageKey:   c.UsageInput,
		UsageGiven: c.UsageKey != "",
		Unpriced:   c.Unpriced,
	}
	if c.UsageBased && out.UsageKey == "" {
		out.UsageKey = c.UsageKey
	}
	return out
}

// ProviderName is the short name of a provider source address:
// "registry.terraform.io/hashicorp/aws" and, before Terraform 0.13,
// "provider.aws" give "aws"; google-beta is Google Cloud too, "google".
func ProviderName(source string) string {
	s := strings.TrimSuffix(strings.TrimPrefix(source, `provider[`), `]`)
	s = strings.Trim(s, `"`)
	s = strings.TrimPrefix(s, "provider.")
	s = s[strings.LastIndexByte(s, '/')+1:]
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s = s[:i] // an alias: aws.eu
	}
	if s == "google-beta" {
		return "google"
	}
	return s
}
