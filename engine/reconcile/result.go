// Package reconcile compares recorded predictions with what the cloud
// actually charged: it matches bill charges to predicted resources (by
// cloud id, then by a tag carrying the Terraform address), prorates each
// prediction to the hours it was in force in the billing period, and
// measures the error per resource, per type and overall. It meets the
// estimating flow only through package prediction.
package reconcile

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
)

// AddressTag is the default tag key whose value is a resource's Terraform
// address: bill lines carrying it match that resource when no cloud id does.
const AddressTag = "tollgate-address"

// Result is one reconciliation of predictions against bills.
type Result struct {
	PeriodStart, PeriodEnd time.Time // the billing period compared, [start, end)
	Currency               string
	// Basis is the actual cost predictions are compared with: "list" when
	// every bill gives list cost, else "effective" when every bill gives
	// effective cost, else "billed" (and a note says so).
	Basis string
	Files []billing.Summary

	Resources []Resource // every predicted resource in force in the period, sorted by address
	Types     []Type     // sorted by type
	Overall   Totals
	// Unmatched are billed resources (or services, for lines naming no
	// resource) that no prediction explains, by billed cost, largest first.
	Unmatched []Unmatched
	// TopDrifters are the addresses of the resources with the largest
	// absolute variance, largest first.
	TopDrifters []string
	Notes       []string
	// Violations say which gate limits were exceeded; empty when none were
	// or none were set.
	Violations []string
}

// Resource compares one resource's prediction with its charges.
type Resource struct {
	Address, Type, Region string
	// Repo is the repository that recorded the resource: the same address
	// in two repositories is two resources.
	Repo   string
	Commit string // the commit of the prediction in force at the period's end
	// MatchedBy is "id" or "tag" when charges were found, "" when none were.
	MatchedBy string
	// Hours is how long predictions of the resource were in force within
	// the period; Predicted is their list cost prorated to those hours
	// (monthly cost × hours ÷ 730).
	Hours     decimal.Decimal
	Predicted decimal.Decimal
	// Actual costs: at list prices, effective (after discounts and
	// commitments, amortized) and billed.
	ActualList, ActualEffective, ActualBilled decimal.Decimal
	// Variance is actual − predicted at Result.Basis; Ratio is actual ÷
	// predicted (zero when nothing was predicted).
	Variance, Ratio decimal.Decimal
	Quantities      []Quantity
	// Priced is false when the prediction had unpriced components: a
	// variance then may be the missing price.
	Priced bool
}

// Quantity compares a predicted component's quantity, prorated, with the
// billed quantity in the same unit: a quantity gap is a usage assumption
// error, a cost gap with equal quantities a price error.
type Quantity struct {
	Component, Unit   string
	UsageKey          string // the usage-file key the prediction read, if any
	Predicted, Actual decimal.Decimal
}

// Totals are the error measures over a set of resources.
type Totals struct {
	Resources, Found                          int // predicted resources, and those found in the bill
	Predicted                                 decimal.Decimal
	ActualList, ActualEffective, ActualBilled decimal.Decimal
	// WAPE is Σ|actual − predicted| ÷ Σ actual; Bias is Σ(predicted −
	// actual) ÷ Σ actual, positive when tollgate over-estimates. Both are
	// fractions (0.12 = 12%).
	WAPE, Bias decimal.Decimal
	// CoveragePredicted is the share of predicted resources found in the
	// bill; CoverageBilled the share of billed cost that matched
	// predictions.
	CoveragePredicted, CoverageBilled decimal.Decimal
	// NoActual is set when Σ actual is zero: WAPE and Bias are then
	// reported as zero and mean nothing (show them as n/a).
	NoActual bool
}

// Type is the totals of one resource type.
type Type struct {
	Type string
	Totals
}

// Unmatched is billed cost no prediction explains.
type Unmatched struct {
	ResourceID string // "" for lines that name no resource
	Service    string
	Billed     decimal.Decimal
	List       decimal.Decimal
}
