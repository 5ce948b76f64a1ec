package engine

import (
	"context"
	"fmt"
	"time"

	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
)

// Result is a checked change: its estimate, the policy findings with the
// gate's decision on each, what became of the waivers, and whether the
// change passes.
type Result struct {
	*Estimate
	Findings []gate.Judged
	Waivers  []gate.WaiverUse
	Passed   bool
	// Rules are the rules that were evaluated, for reports that list them
	// (SARIF).
	Rules []policy.Rule
}

// Checker evaluates policies on priced changes and decides the gate.
type Checker struct {
	Policies *policy.Engine
	// Gate holds the waivers, enforcement levels and overrides; the pull
	// request's labels come from the run context.
	Gate gate.Inputs
}

// Check evaluates the policies against a priced change and decides the
// gate. now is the policies' clock and the date waivers expire by.
func (c Checker) Check(ctx context.Context, est *Estimate, run Context, now time.Time) (*Result, error) {
	input, err := PolicyInput(est, run)
	if err != nil {
		return nil, fmt.Errorf("build policy input: %w", err)
	}
	findings, err := c.Policies.Evaluate(ctx, input, now)
	if err != nil {
		return nil, err
	}
	locations := make(map[string]*change.Location, len(est.Resources))
	for _, rc := range est.Resources {
		if rc.Location != nil {
			locations[rc.Address] = rc.Location
		}
	}
	for i := range findings {
		if findings[i].Location == nil {
			findings[i].Location = locations[findings[i].Address]
		}
	}
	in := c.Gate
	in.Labels = run.Labels
	out := gate.Decide(findings, in, now)
	return &Result{Estimate: est, Findings: out.Findings, Waivers: out.Waivers, Passed: out.Passed, Rules: c.Policies.Rules()}, nil
}
