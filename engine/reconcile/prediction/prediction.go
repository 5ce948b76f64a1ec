// Package prediction is what tollgate predicted for each resource of an
// applied change, as recorded for reconciliation, and the cloud ids of the
// applied state (ReadState). It is the only thing the reconciliation flow
// knows of estimates: package record turns an estimate into a Run, and the
// store and the reconciler read nothing else.
package prediction

import (
	"time"

	"github.com/shopspring/decimal"
)

// Run is one recorded change: its context and a prediction per resource.
// Repo and Commit identify it: recording the same commit again replaces
// nothing.
type Run struct {
	Repo        string // e.g. "acme/infra"; "" when unknown
	Commit      string // the applied commit; required
	PullRequest string // number or IID; "" when not from a pull request
	RecordedAt  time.Time
	Source      string // the plan file or directory the estimate read
	Catalog     string // the price catalog used: "embedded" or a directory
	PricedAsOf  map[string]string
	Currency    string
	Resources   []Resource // sorted by address
}

// Resource is the prediction for one resource after the change.
type Resource struct {
	Address  string
	Type     string
	Provider string // e.g. "aws", "azurerm", "google"
	Region   string
	Action   string // the change's action, e.g. "create", "update", "delete", "no-op"
	// Monthly is the predicted monthly cost at list prices after the
	// change (0 for a deleted resource).
	Monthly decimal.Decimal
	// Priced is false when some cost could not be priced: Monthly is then
	// a lower bound.
	Priced     bool
	Components []Component
	// CloudIDs are the identifiers the applied state gives the resource
	// (id, arn, self_link, Azure resource id), sorted and unique; what
	// bill lines are matched by.
	CloudIDs []string
	Tags     map[string]string
}

// Component is one predicted cost line.
type Component struct {
	Name      string
	Unit      string
	Quantity  decimal.Decimal // per month
	UnitPrice decimal.Decimal
	Monthly   decimal.Decimal
	// UsageKey is the usage-file key a usage-based component reads ("" for
	// others); UsageGiven says whether the usage file gave it.
	UsageKey   string
	UsageGiven bool
	Unpriced   string
}

// Recorded is a resource's prediction as the store gives it back, with the
// run that recorded it: a resource changed by several runs has one per run,
// each in force from its RecordedAt until the next.
type Recorded struct {
	Resource
	Repo       string
	Commit     string
	RecordedAt time.Time
}
