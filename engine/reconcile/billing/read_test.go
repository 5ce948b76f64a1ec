package billing_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/billing/billingtest"
)

var decimalEqual = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func qty(unit, v string) map[string]decimal.Decimal {
	return map[string]decimal.Decimal{unit: d(v)}
}

// readAll reads each input as one file into a new Sum.
func readAll(t *testing.T, opts billing.Options, inputs ...string) ([]billing.Charge, []billing.Summary, error) {
	t.Helper()
	s := billing.NewSum(opts)
	var sums []billing.Summary
	for i, in := range inputs {
		sum, err := s.Read(context.Background(), strings.NewReader(in), "bill"+string(rune('0'+i))+".csv")
		sums = append(sums, sum)
		if err != nil {
			return s.Charges(), sums, err
		}
	}
	return s.Charges(), sums, nil
}

const focusCSV = "\ufeffBilledCost,EffectiveCost,ListCost,ResourceId,ServiceName,RegionId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ChargeFrequency,ConsumedQuantity,ConsumedUnit,PricingQuantity,PricingUnit,BillingCurrency,Tags\n" +
	`0.096,0.0672,0.096,i-0abc,Amazon Elastic Compute Cloud,us-east-1,2024-09-18 22:00:00,2024-09-18 23:00:00,Usage,Usage-Based,1,Hours,1,Hours,USD,"{""env"": ""prod"", "" team"": ""a""}"` + "\n" +
	`0.096,0.0672,0.096,i-0abc,Amazon Elastic Compute Cloud,us-east-1,2024-09-18T23:00:00Z,2024-09-19T00:00:00Z,usage,Usage-based,1,Hours,1,Hours,USD,"{""env"": ""prod"", ""team"": ""b""}"` + "\n" +
	`0.096,0.0672,0.096,i-0abc,Amazon Elastic Compute Cloud,us-east-1,2024-09-19T00:00:00,2024-09-19T01:00:00,Usage,Usage-Based,NULL,NULL,1,Hours,USD,NULL` + "\r\n" +
	`0.08,0.08,NULL,NULL,AWS Support,NULL,2024-09-01 00:00:00,2024-10-01 00:00:00,Tax,One-Time,,,,,USD,` + "\n" +
	`-1.5,-1.5,0,NULL,AWS Support,,2024-09-01 00:00:00,2024-10-01 00:00:00,Credit,One-Time,,,,,USD,` + "\n"

var focusCharges = []billing.Charge{
	{Service: "AWS Support", Day: day("2024-09-01"), Category: billing.Credit, Billed: d("-1.5"), Effective: d("-1.5")},
	{Service: "AWS Support", Day: day("2024-09-01"), Category: billing.Tax, Billed: d("0.08"), Effective: d("0.08")},
	{ResourceID: "i-0abc", Service: "Amazon Elastic Compute Cloud", Region: "us-east-1", Day: day("2024-09-18"), Category: billing.Usage,
		Billed: d("0.192"), Effective: d("0.1344"), List: d("0.192"), Quantities: qty("hours", "2"),
		Tags: map[string]string{"env": "prod", "team": "b"}},
	{ResourceID: "i-0abc", Service: "Amazon Elastic Compute Cloud", Region: "us-east-1", Day: day("2024-09-19"), Category: billing.Usage,
		Billed: d("0.096"), Effective: d("0.0672"), List: d("0.096"), Quantities: qty("hours", "1")},
}

const curCSV = "identity/TimeInterval,lineItem/LineItemType,lineItem/UsageStartDate,lineItem/UsageEndDate,lineItem/ProductCode,lineItem/ResourceId,lineItem/UsageAmount,lineItem/CurrencyCode,lineItem/UnblendedCost,product/ProductName,product/region,pricing/publicOnDemandCost,pricing/unit,reservation/EffectiveCost,reservation/UnusedAmortizedUpfrontFeeForBillingPeriod,reservation/UnusedRecurringFee,reservation/ReservationARN,savingsPlan/SavingsPlanEffectiveCost,savingsPlan/TotalCommitmentToDate,savingsPlan/UsedCommitment,resourceTags/user:tollgate-address,resourceTags/aws:createdBy\n" +
	"2023-11-01T00:00:00Z/2023-11-02T00:00:00Z,Usage,2023-11-01T00:00:00Z,2023-11-01T01:00:00Z,AmazonEC2,i-1,1,USD,0.096,Amazon Elastic Compute Cloud,us-east-1,0.096,Hrs,,,,,,,,aws_instance.web,arn:aws:iam::1:user/x\n" +
	"2023-11-01T00:00:00Z/2023-11-02T00:00:00Z,SavingsPlanCoveredUsage,2023-11-01T01:00:00Z,2023-11-01T02:00:00Z,AmazonEC2,i-1,1,USD,0.096,Amazon Elastic Compute Cloud,us-east-1,0.096,Hrs,,,,,0.06,,,aws_instance.web,\n" +
	"2023-11-01T00:00:00Z/2023-11-02T00:00:00Z,SavingsPlanNegation,2023-11-01T01:00:00Z,2023-11-01T02:00:00Z,AmazonEC2,i-1,,USD,-0.096,Amazon Elastic Compute Cloud,us-east-1,,,,,,,,,,aws_instance.web,\n" +
	"2023-11-01T00:00:00Z/2023-11-02T00:00:00Z,DiscountedUsage,2023-11-01T00:00:00Z,2023-11-01T01:00:00Z,AmazonRDS,vol-2,10,USD,0,Amazon Relational Database Service,us-east-1,0.1,GB-Mo,0.05,,,arn:aws:rds:ri,,,,,\n" +
	"2023-11-01T00:00:00Z/2023-11-02T00:00:00Z,RIFee,2023-11-01T00:00:00Z,2023-12-01T00:00:00Z,AmazonEC2,,,USD,10,Amazon Elastic Compute Cloud,,,,,1.25,0.75,arn:aws:ec2:ri,,,,,\n" +
	"2023-11-01T00:00:00Z/2023-11-02T00:00:00Z,SavingsPlanRecurringFee,2023-11-01T00:00:00Z,2023-11-02T00:00:00Z,AmazonEC2,,,USD,5,Amazon Elastic Compute Cloud,,,,,,,,,5,4.2,,\n" +
	"2023-11-01T00:00:00Z/2023-11-02T00:00:00Z,Fee,2023-11-01T00:00:00Z,2023-12-01T00:00:00Z,AmazonEC2,,,USD,100,Amazon Elastic Compute Cloud,,,,,,,arn:aws:ec2:ri,,,,,\n" +
	"2023-11-01T00:00:00Z/2023-11-02T00:00:00Z,Tax,2023-11-01T00:00:00Z,2023-12-01T00:00:00Z,AmazonEC2,,1,USD,0.08,Amazon Elastic Compute Cloud,,0,,,,,,,,,,\n" +
	"2023-11-01T00:00:00Z/2023-11-02T00:00:00Z,Credit,2023-11-01T00:00:00Z,2023-12-01T00:00:00Z,AmazonEC2,,,USD,-3,Amazon Elastic Compute Cloud,,,,,,,,,,,,\n"

const ec2 = "Amazon Elastic Compute Cloud"

var curCharges = []billing.Charge{
	{Service: ec2, Day: day("2023-11-01"), Category: billing.Credit, Billed: d("-3"), Effective: d("-3")},
	// RIFee: the unused part only; SP recurring fee: total − used; a
	// reservation's upfront Fee: none.
	{Service: ec2, Day: day("2023-11-01"), Category: billing.Purchase, Billed: d("115"), Effective: d("2.8")},
	{Service: ec2, Day: day("2023-11-01"), Category: billing.Tax, Billed: d("0.08"), Effective: d("0.08")},
	// Usage, then savings-plan-covered usage and its negation.
	{ResourceID: "i-1", Service: ec2, Region: "us-east-1", Day: day("2023-11-01"), Category: billing.Usage,
		Billed: d("0.096"), Effective: d("0.156"), List: d("0.192"), Quantities: qty("hrs", "2"),
		Tags: map[string]string{"tollgate-address": "aws_instance.web", "aws:createdBy": "arn:aws:iam::1:user/x"}},
	{ResourceID: "vol-2", Service: "Amazon Relational Database Service", Region: "us-east-1", Day: day("2023-11-01"), Category: billing.Usage,
		Effective: d("0.05"), List: d("0.1"), Quantities: qty("gb-mo", "10")},
}

const azureCSV = "\ufeffDate,ResourceId,MeterCategory,ResourceLocation,Quantity,UnitOfMeasure,Cost,PayGPrice,BillingCurrency,ChargeType,PricingModel,Tags\n" +
	`09/04/2023,/subscriptions/S/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1,Virtual Machines,EastUS,24,1 Hour,2.4,0.12,USD,Usage,OnDemand,"""tollgate-address"": ""azurerm_linux_virtual_machine.vm"",""env"": ""prod"""` + "\n" +
	`09/04/2023,/subscriptions/S/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1,Virtual Machines,EastUS,10,1 Hour,1.1,0.12,USD,Usage,Reservation,` + "\n" +
	`09/21/2023,/providers/Microsoft.Capacity/reservationOrders/o/reservations/r,Virtual Machines,uksouth,1,1 Hour,3.25,0,USD,Purchase,Reservation,` + "\n"

var azureCharges = []billing.Charge{
	{ResourceID: "/providers/Microsoft.Capacity/reservationOrders/o/reservations/r", Service: "Virtual Machines", Region: "uksouth",
		Day: day("2023-09-21"), Category: billing.Purchase, Billed: d("3.25"), Quantities: qty("1 hour", "1")},
	// On-demand hours are billed and effective; reservation-covered hours
	// are amortized (effective) only.
	{ResourceID: "/subscriptions/S/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1", Service: "Virtual Machines", Region: "EastUS",
		Day: day("2023-09-04"), Category: billing.Usage, Billed: d("2.4"), Effective: d("3.5"), List: d("4.08"), Quantities: qty("1 hour", "34"),
		Tags: map[string]string{"tollgate-address": "azurerm_linux_virtual_machine.vm", "env": "prod"}},
}

func TestRead(t *testing.T) {
	tests := []struct {
		name    string
		opts    billing.Options
		inputs  []string
		want    []billing.Charge
		summary billing.Summary // of the last input, Name aside
	}{
		{
			name: "FOCUS with real-file quirks", inputs: []string{focusCSV}, want: focusCharges,
			summary: billing.Summary{Format: billing.FOCUS, Currency: "USD", Rows: 5, Kept: 5,
				PeriodStart: day("2024-09-01"), PeriodEnd: day("2024-10-01")},
		},
		{
			name: "AWS CUR line item types", inputs: []string{curCSV}, want: curCharges,
			summary: billing.Summary{Format: billing.CUR, Currency: "USD", Rows: 9, Kept: 9,
				PeriodStart: day("2023-11-01"), PeriodEnd: day("2023-12-01")},
		},
		{
			name: "AWS CUR with only identity/TimeInterval, no resource id",
			inputs: []string{"identity/TimeInterval,lineItem/LineItemType,lineItem/UnblendedCost,lineItem/ProductCode\n" +
				"2023-11-01T00:00:00Z/2023-11-02T00:00:00Z,Usage,1.5,AmazonS3\n"},
			want: []billing.Charge{{Service: "AmazonS3", Day: day("2023-11-01"), Category: billing.Usage, Billed: d("1.5"), Effective: d("1.5")}},
			summary: billing.Summary{Format: billing.CUR, Rows: 1, Kept: 1, Missing: []string{"ListCost", "ResourceId"},
				PeriodStart: day("2023-11-01"), PeriodEnd: day("2023-11-02")},
		},
		{
			name: "AWS CUR for Athena, tags as columns",
			inputs: []string{"line_item_line_item_type,line_item_usage_start_date,line_item_resource_id,line_item_unblended_cost,line_item_product_code,pricing_public_on_demand_cost,line_item_usage_amount,pricing_unit,resource_tags_user_tollgate_address\n" +
				"Usage,2023-11-01 00:00:00.000,i-1,0.5,AmazonEC2,0.6,5,Hrs,aws_instance.web\n"},
			want: []billing.Charge{{ResourceID: "i-1", Service: "AmazonEC2", Day: day("2023-11-01"), Category: billing.Usage,
				Billed: d("0.5"), Effective: d("0.5"), List: d("0.6"), Quantities: qty("hrs", "5"),
				Tags: map[string]string{"tollgate_address": "aws_instance.web"}}},
			summary: billing.Summary{Format: billing.CURAthena, Rows: 1, Kept: 1,
				PeriodStart: time.Date(2023, 11, 1, 0, 0, 0, 0, time.UTC), PeriodEnd: time.Date(2023, 11, 1, 0, 0, 0, 0, time.UTC)},
		},
		{
			name: "AWS CUR 2.0, resource_tags as JSON, net cost billed",
			inputs: []string{"line_item_line_item_type,line_item_usage_start_date,line_item_resource_id,line_item_unblended_cost,line_item_net_unblended_cost,product_region_code,resource_tags\n" +
				`Usage,2024-01-02T03:00:00Z,arn:aws:s3:::bucket,1.00,0.90,us-east-1,"{""user_tollgate_address"": ""aws_s3_bucket.b""}"` + "\n"},
			want: []billing.Charge{{ResourceID: "arn:aws:s3:::bucket", Region: "us-east-1", Day: day("2024-01-02"), Category: billing.Usage,
				Billed: d("0.9"), Effective: d("1"), Tags: map[string]string{"tollgate_address": "aws_s3_bucket.b"}}},
			summary: billing.Summary{Format: billing.CUR2, Rows: 1, Kept: 1, Missing: []string{"ListCost"},
				PeriodStart: time.Date(2024, 1, 2, 3, 0, 0, 0, time.UTC), PeriodEnd: time.Date(2024, 1, 2, 3, 0, 0, 0, time.UTC)},
		},
		{
			name: "Azure cost details, actual and amortized rows", inputs: []string{azureCSV}, want: azureCharges,
			summary: billing.Summary{Format: billing.AzureCost, Currency: "USD", Rows: 3, Kept: 3,
				Missing: []string{"BilledCost", "EffectiveCost"},
				// The purchase of 2023-09-21 is no part of the period.
				PeriodStart: day("2023-09-04"), PeriodEnd: day("2023-09-05")},
		},
		{
			name: "period filter", opts: billing.Options{Start: day("2024-09-19"), End: day("2024-09-20")},
			inputs: []string{focusCSV}, want: focusCharges[3:],
			summary: billing.Summary{Format: billing.FOCUS, Currency: "USD", Rows: 5, Kept: 1, Skipped: map[string]int{"outside period": 4},
				PeriodStart: day("2024-09-19"), PeriodEnd: time.Date(2024, 9, 19, 1, 0, 0, 0, time.UTC)},
		},
		{
			name: "tag filter", opts: billing.Options{TagKeys: []string{"Team"}},
			inputs: []string{focusCSV},
			want: func() []billing.Charge {
				c := append([]billing.Charge(nil), focusCharges...)
				c[2].Tags = map[string]string{"team": "b"}
				return c
			}(),
			summary: billing.Summary{Format: billing.FOCUS, Currency: "USD", Rows: 5, Kept: 5,
				PeriodStart: day("2024-09-01"), PeriodEnd: day("2024-10-01")},
		},
		{
			name: "other currency skipped",
			inputs: []string{"BilledCost,ChargePeriodStart,ChargeCategory,BillingCurrency,ResourceId\n" +
				"1,2024-09-01,Usage,USD,r1\n2,2024-09-01,Usage,EUR,r1\n"},
			want: []billing.Charge{{ResourceID: "r1", Day: day("2024-09-01"), Category: billing.Usage, Billed: d("1")}},
			summary: billing.Summary{Format: billing.FOCUS, Currency: "USD", Rows: 2, Kept: 1,
				Skipped: map[string]int{"currency EUR, not USD": 1}, Missing: []string{"EffectiveCost", "ListCost"},
				PeriodStart: day("2024-09-01"), PeriodEnd: day("2024-09-01")},
		},
		{
			name: "malformed rows counted by reason",
			inputs: []string{"BilledCost,ChargePeriodStart,ChargeCategory,ResourceId\n" +
				"1.25,2024-09-01T05:00:00Z,Usage,r1\n" +
				"abc,2024-09-01T05:00:00Z,Usage,r1\n" +
				"1,yesterday,Usage,r1\n" +
				"1,2024-09-01T05:00:00Z,Usage\n" +
				"1,2024-09-01T05:00:00Z,Misc,r1\n" +
				"NULL,2024-09-01T05:00:00Z,Usage,r1\n" +
				"1,,Usage,r1\n" +
				"1,2024-02-30,Usage,r1\n"},
			want: []billing.Charge{{ResourceID: "r1", Day: day("2024-09-01"), Category: billing.Usage, Billed: d("1.25")}},
			summary: billing.Summary{Format: billing.FOCUS, Rows: 8, Kept: 1, Missing: []string{"EffectiveCost", "ListCost"},
				Malformed: map[string]int{"bad BilledCost": 1, "bad ChargePeriodStart": 2, "wrong number of fields": 1,
					"bad ChargeCategory": 1, "no BilledCost": 1, "no ChargePeriodStart": 1},
				PeriodStart: time.Date(2024, 9, 1, 5, 0, 0, 0, time.UTC), PeriodEnd: time.Date(2024, 9, 1, 5, 0, 0, 0, time.UTC)},
		},
		{
			// A line whose tags cannot be read adds its cost without them,
			// counted as partly read; it does not change a charge's tags.
			name: "bad tags: cost kept, tags ignored",
			inputs: []string{"BilledCost,ChargePeriodStart,ChargeCategory,ResourceId,Tags\n" +
				"1.25,2024-09-01T05:00:00Z,Usage,r1,\"{\"\"team\"\": \"\"a\"\"}\"\n" +
				"7,2024-09-01T06:00:00Z,Usage,r1,{not json\n" +
				"9,2024-09-02T06:00:00Z,Usage,r2,{not json\n"},
			want: []billing.Charge{
				{ResourceID: "r1", Day: day("2024-09-01"), Category: billing.Usage, Billed: d("8.25"), Tags: map[string]string{"team": "a"}},
				{ResourceID: "r2", Day: day("2024-09-02"), Category: billing.Usage, Billed: d("9")},
			},
			summary: billing.Summary{Format: billing.FOCUS, Rows: 3, Kept: 3, Missing: []string{"EffectiveCost", "ListCost"},
				Partial:     map[string]int{"bad Tags": 2},
				PeriodStart: time.Date(2024, 9, 1, 5, 0, 0, 0, time.UTC), PeriodEnd: time.Date(2024, 9, 2, 6, 0, 0, 0, time.UTC)},
		},
		{
			// A commitment bought for a year charges a year-long period;
			// the bill still covers the month its usage lines do.
			name: "period of the usage, not of a year's purchase",
			inputs: []string{"BilledCost,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ResourceId\n" +
				"8760,2024-09-01T00:00:00Z,2025-09-01T00:00:00Z,Purchase,ri-1\n" +
				"1,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,Usage,i-1\n" +
				"1,2024-09-30T00:00:00Z,2024-10-01T00:00:00Z,Usage,i-1\n"},
			want: []billing.Charge{
				{ResourceID: "i-1", Day: day("2024-09-01"), Category: billing.Usage, Billed: d("1")},
				{ResourceID: "i-1", Day: day("2024-09-30"), Category: billing.Usage, Billed: d("1")},
				{ResourceID: "ri-1", Day: day("2024-09-01"), Category: billing.Purchase, Billed: d("8760")},
			},
			summary: billing.Summary{Format: billing.FOCUS, Rows: 3, Kept: 3, Missing: []string{"EffectiveCost", "ListCost"},
				PeriodStart: day("2024-09-01"), PeriodEnd: day("2024-10-01")},
		},
		{
			name:   "two files add up",
			inputs: []string{focusCSV, focusCSV},
			want: func() []billing.Charge {
				c := append([]billing.Charge(nil), focusCharges...)
				for i := range c {
					c[i].Billed, c[i].Effective, c[i].List = c[i].Billed.Mul(d("2")), c[i].Effective.Mul(d("2")), c[i].List.Mul(d("2"))
					if c[i].Quantities != nil {
						c[i].Quantities = qty("hours", c[i].Quantities["hours"].Mul(d("2")).String())
					}
				}
				return c
			}(),
			summary: billing.Summary{Format: billing.FOCUS, Currency: "USD", Rows: 5, Kept: 5,
				PeriodStart: day("2024-09-01"), PeriodEnd: day("2024-10-01")},
		},
		{
			name:    "header only",
			inputs:  []string{"BilledCost,ChargePeriodStart,ChargeCategory\n"},
			summary: billing.Summary{Format: billing.FOCUS, Missing: []string{"EffectiveCost", "ListCost", "ResourceId"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, sums, err := readAll(t, tt.opts, tt.inputs...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, decimalEqual, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("charges (-want +got):\n%s", diff)
			}
			sum := sums[len(sums)-1]
			sum.Name = ""
			if diff := cmp.Diff(tt.summary, sum, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("summary (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadGzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(focusCSV))
	zw.Close()
	s := billing.NewSum(billing.Options{})
	if _, err := s.Read(context.Background(), &buf, "bill.csv.gz"); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(focusCharges, s.Charges(), decimalEqual, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("charges (-want +got):\n%s", diff)
	}
}

// A gzipped bill cut short is an error, never a shorter bill.
func TestReadGzipTruncated(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	for range 200 {
		zw.Write([]byte(focusCSV))
	}
	zw.Close()
	cut := buf.Bytes()[:buf.Len()/2]
	_, err := billing.NewSum(billing.Options{}).Read(context.Background(), bytes.NewReader(cut), "bill.csv.gz")
	if err == nil || !strings.Contains(err.Error(), "bill.csv.gz") {
		t.Fatalf("Read of a truncated gzip = %v, want an error naming the file", err)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, input string
		want        []string // substrings of the error
	}{
		{"unknown format", "a,b,c\n1,2,3\n", []string{"bill.csv: not a billing export tollgate reads", "BilledCost", "(FOCUS)",
			"lineItem/UnblendedCost", "(AWS CUR)", "line_item_unblended_cost", "CostInBillingCurrency or Cost", "(Azure cost details)"}},
		{"empty file", "", []string{"bill.csv: empty file"}},
		{"nothing readable", "BilledCost,ChargePeriodStart,ChargeCategory\nx,2024-01-01,Usage\n1,2024-01-01,Bogus\n",
			[]string{"bill.csv: no readable rows: 1 bad BilledCost, 1 bad ChargeCategory"}},
		{"corrupt gzip", "\x1f\x8b\x08\x00garbage", []string{"bill.csv"}},
		{"Parquet as a stream", "PAR1xxxx", []string{"bill.csv: Parquet needs random access"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := billing.NewSum(billing.Options{})
			// A plain io.Reader: no random access.
			r := struct{ io.Reader }{strings.NewReader(tt.input)}
			_, err := s.Read(context.Background(), r, "bill.csv")
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestTagKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"tollgate-address", "tollgate_address"},
		{" Team ", "team"},
		{"aws:createdBy", "aws_createdby"},
		{"tollgate_address", "tollgate_address"},
	}
	for _, tt := range tests {
		if got := billing.TagKey(tt.in); got != tt.want {
			t.Errorf("TagKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzRead feeds arbitrary bytes to Read: errors are fine, panics not.
func FuzzRead(f *testing.F) {
	for _, s := range []string{focusCSV, curCSV, azureCSV, "PAR1", "\x1f\x8b", "BilledCost,ChargePeriodStart,ChargeCategory\n1e9999,2024-01-01,Usage\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		s := billing.NewSum(billing.Options{TempDir: t.TempDir()})
		sum, err := s.Read(context.Background(), bytes.NewReader(in), "fuzz.csv")
		if err == nil && sum.Kept+len(sum.Skipped) == 0 && sum.Rows > 0 {
			t.Fatalf("rows %d all unreadable without an error", sum.Rows)
		}
		for _, c := range s.Charges() {
			_ = c.Billed.String()
		}
	})
}

func TestReadCancelled(t *testing.T) {
	var buf bytes.Buffer
	if _, err := billingtest.WriteFOCUS(&buf, billingtest.Spec{Rows: 50_000, Resources: 10}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := billing.NewSum(billing.Options{})
	if _, err := s.Read(ctx, &buf, "bill.csv"); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want %v", err, context.Canceled)
	}
}
