// Package billingtest generates billing exports with known totals, for the
// tests and benchmarks of billing readers and of reconciliation.
package billingtest

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Spec describes a generated FOCUS export: hourly usage lines, resource
// after resource, hour after hour (row i bills resource i mod N in hour
// i div N), like a real hourly export.
type Spec struct {
	Rows int
	// Resources is how many distinct resources to bill, with generated
	// ARNs; IDs, when set, names them instead.
	Resources int
	IDs       []string
	// Start is the first charge hour (UTC); zero is 2024-09-01.
	Start time.Time
	// Tags are extra tags by resource id, written in each line's Tags.
	Tags map[string]map[string]string
}

// Totals are what a reader must find in the generated export.
type Totals struct {
	Rows int
	// Charges is the number of distinct resource × day × category sums.
	Charges                 int
	Billed, Effective, List decimal.Decimal
	Start, End              time.Time // charge periods, [Start, End)
	Resources               []Resource
}

// Resource is the totals of one resource.
type Resource struct {
	ID, Service, Region     string
	Rows                    int
	Hours                   decimal.Decimal // quantity billed, in "Hours"
	Billed, Effective, List decimal.Decimal
	HourlyPrice             decimal.Decimal // list and billed price per hour
}

// prices are the hourly list prices resources cycle through; every third
// resource runs under a commitment that makes its effective cost 72% of
// list, as a savings plan would.
var prices = []string{"0.0416", "0.096", "0.192", "0.0052", "1.008", "0.34", "0.0832", "0.504"}

var commitmentRate = decimal.RequireFromString("0.72")

const header = "AvailabilityZone,BilledCost,BillingAccountId,BillingAccountName,BillingCurrency," +
	"BillingPeriodEnd,BillingPeriodStart,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency," +
	"ChargePeriodEnd,ChargePeriodStart,CommitmentDiscountId,ConsumedQuantity,ConsumedUnit,EffectiveCost," +
	"ListCost,ListUnitPrice,PricingCategory,PricingQuantity,PricingUnit,ProviderName,RegionId,ResourceId," +
	"ResourceType,ServiceCategory,ServiceName,SkuId,SubAccountId,Tags\n"

var regions = []string{"us-east-1", "us-west-2", "eu-west-1"}

// WriteFOCUS writes the export Spec describes as FOCUS 1.0 CSV and returns
// its totals, computed without reading it back.
func WriteFOCUS(w io.Writer, spec Spec) (Totals, error) {
	start := spec.Start
	if start.IsZero() {
		start = time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)
	}
	start = start.UTC().Truncate(time.Hour)
	ids := spec.IDs
	if len(ids) == 0 {
		if spec.Resources <= 0 {
			return Totals{}, fmt.Errorf("billingtest: Spec needs Resources or IDs")
		}
		ids = make([]string, spec.Resources)
		for i := range ids {
			ids[i] = fmt.Sprintf("arn:aws:ec2:%s:123456789012:instance/i-%017x", regions[i%len(regions)], i+1)
		}
	}
	n := len(ids)
	// The parts of each resource's line around the timestamps.
	type parts struct{ a, b, c string }
	res := make([]parts, n)
	tot := Totals{Rows: spec.Rows, Start: start}
	for i, id := range ids {
		price := decimal.RequireFromString(prices[i%len(prices)])
		eff := price
		commitment := "NULL"
		pricing := "Standard"
		if i%3 == 2 {
			eff = price.Mul(commitmentRate)
			commitment = "arn:aws:savingsplans::123456789012:savingsplan/sp-1"
			pricing = "Committed"
		}
		region := regions[i%len(regions)]
		res[i] = parts{
			a: fmt.Sprintf("%sa,%s,1234567890123,Acme,USD,", region, price),
			b: fmt.Sprintf(",Usage,,\"$%s per On Demand Linux m5.large Instance Hour, %s\",Usage-Based,", price, region),
			c: fmt.Sprintf(",%s,1,Hours,%s,%s,%s,%s,1,Hours,AWS,%s,%s,instance,Compute,Amazon Elastic Compute Cloud,SKU%04d,123456789012,%s\n",
				commitment, eff, price, price, pricing, region, csvField(id), i%100, csvField(tagsJSON(i, spec.Tags[id]))),
		}
		rows := spec.Rows / n
		if i < spec.Rows%n {
			rows++
		}
		r := Resource{
			ID: id, Service: "Amazon Elastic Compute Cloud", Region: region, Rows: rows,
			Hours: decimal.NewFromInt(int64(rows)), HourlyPrice: price,
			Billed: price.Mul(decimal.NewFromInt(int64(rows))), List: price.Mul(decimal.NewFromInt(int64(rows))),
			Effective: eff.Mul(decimal.NewFromInt(int64(rows))),
		}
		tot.Billed = tot.Billed.Add(r.Billed)
		tot.Effective = tot.Effective.Add(r.Effective)
		tot.List = tot.List.Add(r.List)
		if rows > 0 {
			tot.Resources = append(tot.Resources, r)
			tot.Charges += days(start, rows)
		}
	}
	sort.Slice(tot.Resources, func(i, j int) bool { return tot.Resources[i].ID < tot.Resources[j].ID })
	hours := (spec.Rows + n - 1) / n
	tot.End = start.Add(time.Duration(hours) * time.Hour)

	bw := bufio.NewWriterSize(w, 256<<10)
	if _, err := bw.WriteString(header); err != nil {
		return tot, err
	}
	const layout = "2006-01-02T15:04:05Z"
	row := 0
	var line []byte
	for h := 0; row < spec.Rows; h++ {
		t := start.Add(time.Duration(h) * time.Hour)
		month := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		period := month.AddDate(0, 1, 0).Format(layout) + "," + month.Format(layout)
		charge := t.Add(time.Hour).Format(layout) + "," + t.Format(layout)
		for i := 0; i < n && row < spec.Rows; i++ {
			p := &res[i]
			line = append(line[:0], p.a...)
			line = append(line, period...)
			line = append(line, p.b...)
			line = append(line, charge...)
			line = append(line, p.c...)
			if _, err := bw.Write(line); err != nil {
				return tot, err
			}
			row++
		}
	}
	return tot, bw.Flush()
}

// days is how many UTC days rows consecutive hours from start touch.
func days(start time.Time, rows int) int {
	first := start.Truncate(24 * time.Hour)
	last := start.Add(time.Duration(rows-1) * time.Hour).Truncate(24 * time.Hour)
	return int(last.Sub(first)/(24*time.Hour)) + 1
}

func tagsJSON(i int, extra map[string]string) string {
	tags := map[string]string{"env": "prod", "team": "team-" + strconv.Itoa(i%7)}
	for k, v := range extra {
		tags[k] = v
	}
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteByte('{')
	for j, k := range keys {
		if j > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(k) + ": " + strconv.Quote(tags[k]))
	}
	b.WriteByte('}')
	return b.String()
}

// csvField quotes a field when CSV needs it.
func csvField(s string) string {
	if !strings.ContainsAny(s, ",\"\r\n") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
