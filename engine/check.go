package engine

import (
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
