// Package billing reads cloud billing exports (FOCUS 1.0 to 1.2, AWS Cost
// and Usage Reports, Azure cost details; CSV or Parquet, gzipped or not) as
// a stream and sums their lines into Charges: one per resource, day and
// charge category. Memory grows with the number of distinct resources and
// days, never with the number of rows. Malformed rows are counted by
// reason, not dropped silently.
package billing

import (
	"time"

	"github.com/shopspring/decimal"
)

// Format is a kind of billing export.
type Format string

// The formats Read recognizes from their columns.
const (
	FOCUS     Format = "focus"          // FinOps FOCUS 1.0–1.2, CSV or Parquet
	CUR       Format = "aws-cur"        // legacy CUR CSV: lineItem/ResourceId
	CURAthena Format = "aws-cur-athena" // CUR for Athena, Parquet: line_item_resource_id
	CUR2      Format = "aws-cur2"       // CUR 2.0: line_item_resource_id and resource_tags map
	AzureCost Format = "azure-cost"     // Azure cost details CSV, actual or amortized
)

// Category is a FOCUS ChargeCategory, lower-cased; other formats' line
// item types are mapped onto it.
type Category string

// The charge categories.
const (
	Usage      Category = "usage"
	Purchase   Category = "purchase"
	Tax        Category = "tax"
	Credit     Category = "credit"
	Adjustment Category = "adjustment"
)

// Charge is the sum of the bill lines of one resource (or, for lines that
// name no resource, of one service) on one UTC day in one category.
type Charge struct {
	// ResourceID is the resource as billed (an id, ARN, Azure resource id
	// or self link), case kept; "" for lines that name none.
	ResourceID string
	Service    string // the billed service, e.g. "Amazon Elastic Compute Cloud"
	Region     string
	Day        time.Time // UTC midnight of the charge period's start
	Category   Category

	// Billed is what was invoiced; Effective is the amortized cost after
	// discounts and commitments; List is the cost at public list prices.
	// A format that lacks one leaves it zero and says so in Summary.
	Billed, Effective, List decimal.Decimal
	// Quantities are the usage quantities by unit as billed, lower-cased
	// ("hrs", "gb-mo", "requests").
	Quantities map[string]decimal.Decimal
	// Tags are the resource's tags; on conflicting values the last line
	// read wins.
	Tags map[string]string
}

// Summary says what a read found.
type Summary struct {
	Name   string // the file, as the caller named it
	Format Format
	// Currency is the billing currency of the lines kept ("" when the
	// file names none).
	Currency string
	Rows     int // data rows read
	Kept     int // rows summed into charges
	// Skipped counts rows left out on purpose, by reason ("outside
	// period", "currency EUR, not USD").
	Skipped map[string]int
	// Malformed counts rows that could not be read, by reason.
	Malformed map[string]int
	// Partial counts rows kept whose field named in the reason could not
	// be read and was ignored ("bad Tags": summed without their tags).
	Partial map[string]int
	// Missing names what the file lacks, by FOCUS column name whatever
	// the format: "ResourceId" (lines sum per service only), "ListCost",
	// "EffectiveCost" (none, or an Azure actual-cost export whose
	// commitment purchases are not amortized), "BilledCost" (an Azure
	// amortized export: covered usage shows no billed cost).
	Missing []string
	// PeriodStart and PeriodEnd bound the charge periods read.
	PeriodStart, PeriodEnd time.Time
}
