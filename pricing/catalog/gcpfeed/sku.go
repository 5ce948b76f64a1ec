package gcpfeed

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// sku is one entry of a service's SKU list, the fields tollgate reads.
type sku struct {
	SKUID       string `json:"skuId"`
	Description string `json:"description"`
	Category    struct {
		ResourceFamily string `json:"resourceFamily"`
		ResourceGroup  string `json:"resourceGroup"`
		UsageType      string `json:"usageType"`
	} `json:"category"`
	ServiceRegions []string `json:"serviceRegions"`
	PricingInfo    []struct {
		EffectiveTime     string `json:"effectiveTime"`
		PricingExpression struct {
			UsageUnit   string `json:"usageUnit"`
			TieredRates []struct {
				StartUsageAmount json.Number `json:"startUsageAmount"`
				UnitPrice        money       `json:"unitPrice"`
			} `json:"tieredRates"`
		} `json:"pricingExpression"`
	} `json:"pricingInfo"`
}

// money is google.type.Money: whole units (an int64, which proto3 JSON
// writes as a string) and nanos (10^-9 units).
type money struct {
	CurrencyCode string      `json:"currencyCode"`
	Units        json.Number `json:"units"`
	Nanos        int64       `json:"nanos"`
}

// decimal is the exact amount.
func (m money) decimal() (decimal.Decimal, error) {
	units := decimal.Zero
	if m.Units != "" {
		u, err := decimal.NewFromString(string(m.Units))
		if err != nil || !u.Equal(u.Truncate(0)) {
			return decimal.Zero, fmt.Errorf("units %q is not a whole number", m.Units)
		}
		units = u
	}
	if m.Nanos <= -1e9 || m.Nanos >= 1e9 {
		return decimal.Zero, fmt.Errorf("nanos %d is out of range", m.Nanos)
	}
	return units.Add(decimal.New(m.Nanos, -9)), nil
}

// catalogUnits are the catalog units of the API's usage units.
var catalogUnits = map[string]string{
	"h":       "hours",
	"GiBy.h":  "GB-hours",
	"GiBy.mo": "GB-months",
	"GiBy":    "GB",
	"mo":      "months",
}

// price returns the SKU's price in a usage unit the rule expects: the
// first tier that is not free (a free first tier is an allowance per
// billing account, which an estimate does not apply), and the date the
// price took effect.
func (k *sku) price(wantUnit string) (p decimal.Decimal, unit, asOf string, err error) {
	if len(k.PricingInfo) == 0 {
		return p, "", "", k.errorf("no pricingInfo")
	}
	pi := k.PricingInfo[0]
	expr := pi.PricingExpression
	if expr.UsageUnit != wantUnit {
		return p, "", "", k.errorf("usage unit %q, want %q", expr.UsageUnit, wantUnit)
	}
	unit = catalogUnits[wantUnit]
	for _, t := range expr.TieredRates {
		if c := t.UnitPrice.CurrencyCode; c != "" && c != "USD" {
			return p, "", "", k.errorf("currency %s, want USD", c)
		}
		if p, err = t.UnitPrice.decimal(); err != nil {
			return p, "", "", k.errorf("%v", err)
		}
		if p.IsNegative() {
			return p, "", "", k.errorf("negative price %s", p)
		}
		if p.IsPositive() {
			break
		}
	}
	if !p.IsPositive() {
		return p, "", "", nil // free: not a price to keep
	}
	when, err := time.Parse(time.RFC3339Nano, pi.EffectiveTime)
	if err != nil {
		return p, "", "", k.errorf("effectiveTime %q is not a time", pi.EffectiveTime)
	}
	return p, unit, when.UTC().Format(time.DateOnly), nil
}

// regions are the SKU's service regions, lowercased ("global" for a
// price that holds everywhere).
func (k *sku) regions() []string {
	out := make([]string, 0, len(k.ServiceRegions))
	for _, r := range k.ServiceRegions {
		out = append(out, strings.ToLower(r))
	}
	return out
}

// ruleError is a SKU a rule matched but cannot read: the API changed in a
// way the mapping must follow, so the import fails.
type ruleError struct{ msg string }

func (e *ruleError) Error() string { return e.msg }

func (k *sku) errorf(format string, args ...any) error {
	return &ruleError{fmt.Sprintf("SKU %s %q: %s", k.SKUID, k.Description, fmt.Sprintf(format, args...))}
}
