package azurefeed

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
)

// Azure's units of measure and the catalog units they are stored in;
// some need a conversion.
var units = map[string]struct {
	unit string
	per  int64 // the catalog unit is 1/per of Azure's
}{
	"hour":     {"hours", 1},
	"hours":    {"hours", 1},
	"/hour":    {"hours", 1},
	"/month":   {"months", 1},
	"month":    {"months", 1},
	"gb/month": {"GB-months", 1},
	"gb":       {"GB", 1},
	"10k":      {"10k requests", 1},
	// DTU databases are listed per day and billed by the hour.
	"/day": {"hours", 24},
}

var measure = regexp.MustCompile(`^(\d+(?:\.\d+)?)?\s*(.*)$`)

// convert turns a price per unitOfMeasure ("1 Hour", "1/Month",
// "100 GB/Month", "10K", "1/Day") into a price per want, a catalog unit;
// ok is false for units that are not that.
func convert(price decimal.Decimal, uom, want string) (decimal.Decimal, bool) {
	uom = strings.TrimSpace(uom)
	if uom == "10K" {
		uom = "1 10K" // a count of 10,000s, not 10 thousand-somethings
	}
	m := measure.FindStringSubmatch(uom)
	count := decimal.NewFromInt(1)
	if m[1] != "" {
		count, _ = decimal.NewFromString(m[1])
	}
	u, ok := units[strings.ToLower(strings.ReplaceAll(m[2], " ", ""))]
	if !ok || u.unit != want || !count.IsPositive() {
		return decimal.Decimal{}, false
	}
	return divide(price, count.Mul(decimal.NewFromInt(u.per))), true
}

// divide divides a price, exactly when the quotient has 12 decimal places
// or fewer, else rounded to 12: far below a cent on any bill.
func divide(price, by decimal.Decimal) decimal.Decimal {
	if by.Equal(decimal.NewFromInt(1)) {
		return price
	}
	return price.DivRound(by, 12)
}
