// Package gate decides whether a change may merge. It applies waivers to
// policy findings (scoped to a rule and an address glob, with a reason, an
// owner and an expiry date; an expired waiver no longer applies), the
// enforcement level of each rule (advisory, soft, hard) and overrides of
// soft rules, and says which findings block the merge.
package gate

import (
	"github.com/tollgate-dev/tollgate/engine/policy"
)

// Level is how a rule's deny findings are enforced.
type Level string

// Enforcement levels.
const (
	// Advisory findings are shown but never fail the gate.
	Advisory Level = "advisory"
	// Soft findings fail the gate unless overridden (--override RULE, or a
	// pull-request label named in the config).
	Soft Level = "soft"
	// Hard findings fail the gate; only a waiver lets them pass.
	Hard Level = "hard"
)

// Waiver is an accepted exception to a rule.
type Waiver struct {
	Rule string
	// Address is a pattern over finding addresses (see Match): * matches
	// any characters, and a name without an instance key matches every
	// instance. "*" also matches findings about the change as a whole
	// (budgets).
	Address string
	Reason  string
	Owner   string
	Expires string // YYYY-MM-DD: the last day the waiver applies (UTC)
	Source  string // where it was declared, e.g. "tollgate.yml:12" or "main.tf:4"
}

// Judged is a finding with the gate's decision about it.
type Judged struct {
	policy.Finding
	Level Level
	// Waiver is the waiver that applies to the finding, if one does.
	Waiver *Waiver
	// Expired is a waiver that matches the finding but has expired; it no
	// longer applies (the gate fails closed) and is reported.
	Expired    *Waiver
	Overridden bool // a soft rule overridden for this run
	Blocking   bool // this finding fails the gate
}

// Waiver statuses.
const (
	Active  = "active"  // applied to at least one finding
	Expired = "expired" // past its date
	Unused  = "unused"  // valid, but no finding needed it
)

// WaiverUse reports what became of a waiver in this run.
type WaiverUse struct {
	Waiver
	Status   string
	Findings int // how many findings it waived
}

// Outcome is the gate's decision.
type Outcome struct {
	Findings []Judged // sorted like policy.SortFindings
	Waivers  []WaiverUse
	Passed   bool
}
