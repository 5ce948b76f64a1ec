package billing_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/parquet-go/parquet-go"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
)

type focusPQ struct {
	BilledCost        float64  `parquet:"BilledCost"`
	EffectiveCost     int64    `parquet:"EffectiveCost,decimal(4:18)"`
	ListCost          *float64 `parquet:"ListCost,optional"`
	ResourceID        *string  `parquet:"ResourceId,optional"`
	ServiceName       string   `parquet:"ServiceName"`
	ChargePeriodStart int64    `parquet:"ChargePeriodStart,timestamp(millisecond)"`
	ChargeCategory    string   `parquet:"ChargeCategory"`
	ConsumedQuantity  float64  `parquet:"ConsumedQuantity"`
	ConsumedUnit      string   `parquet:"ConsumedUnit"`
	Tags              *string  `parquet:"Tags,optional"`
}

type curAthenaPQ struct {
	Type        string   `parquet:"line_item_line_item_type"`
	Start       int64    `parquet:"line_item_usage_start_date,timestamp(millisecond)"`
	ResourceID  string   `parquet:"line_item_resource_id"`
	Unblended   float64  `parquet:"line_item_unblended_cost"`
	SPEffective *float64 `parquet:"savings_plan_savings_plan_effective_cost,optional"`
	ProductCode string   `parquet:"line_item_product_code"`
	Amount      float64  `parquet:"line_item_usage_amount"`
	Unit        string   `parquet:"pricing_unit"`
	PublicCost  float64  `parquet:"pricing_public_on_demand_cost"`
	Address     *string  `parquet:"resource_tags_user_tollgate_address,optional"`
}

type cur2PQ struct {
	Type       string            `parquet:"line_item_line_item_type"`
	Start      int64             `parquet:"line_item_usage_start_date,timestamp(microsecond)"`
	ResourceID string            `parquet:"line_item_resource_id"`
	Unblended  float64           `parquet:"line_item_unblended_cost"`
	Tags       map[string]string `parquet:"resource_tags"`
}

func ptr[T any](v T) *T { return &v }

func ms(s string) int64 {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UnixMilli()
}

func writeParquet[T any](t *testing.T, rows []T) []byte {
	t.Helper()
	var buf bytes.Buffer
	// Small pages and row groups so that rows cross page and group bounds.
	if err := parquet.Write(&buf, rows, parquet.PageBufferSize(64), parquet.MaxRowsPerRowGroup(2)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadParquet(t *testing.T) {
	dir := t.TempDir()
	focus := writeParquet(t, []focusPQ{
		{0.096, 672, ptr(0.096), ptr("i-0abc"), ec2, ms("2024-09-18T22:00:00Z"), "Usage", 1, "Hours", ptr(`{"env": "prod"}`)},
		{0.1, 700, ptr(0.1), ptr("i-0abc"), ec2, ms("2024-09-18T23:00:00Z"), "Usage", 1, "Hours", nil},
		{-1.5, -15000, nil, nil, "AWS Support", ms("2024-09-01T00:00:00Z"), "Credit", 0, "", nil},
	})
	athena := writeParquet(t, []curAthenaPQ{
		{"Usage", ms("2023-11-01T00:00:00Z"), "i-1", 0.5, nil, "AmazonEC2", 5, "Hrs", 0.6, ptr("aws_instance.web")},
		{"SavingsPlanCoveredUsage", ms("2023-11-01T05:00:00Z"), "i-1", 0.5, ptr(0.3), "AmazonEC2", 5, "Hrs", 0.6, nil},
	})
	cur2 := writeParquet(t, []cur2PQ{
		{"Usage", ms("2024-01-02T00:00:00Z") * 1000, "arn:aws:s3:::b", 1.25, map[string]string{"user_tollgate_address": "aws_s3_bucket.b", "user_env": "prod"}},
		{"Usage", ms("2024-01-02T01:00:00Z") * 1000, "arn:aws:s3:::b", 0.75, nil},
		{"Usage", ms("2024-01-02T02:00:00Z") * 1000, "arn:aws:s3:::c", 2, map[string]string{"user_env": "dev"}},
	})
	focusPath := filepath.Join(dir, "focus.parquet")
	if err := os.WriteFile(focusPath, focus, 0o600); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name    string
		read    func(*billing.Sum) (billing.Summary, error)
		want    []billing.Charge
		summary billing.Summary
	}{
		{
			name: "FOCUS from a file",
			read: func(s *billing.Sum) (billing.Summary, error) {
				f, err := os.Open(focusPath)
				if err != nil {
					return billing.Summary{}, err
				}
				defer f.Close()
				return s.Read(context.Background(), f, "focus.parquet")
			},
			want: []billing.Charge{
				{Service: "AWS Support", Day: day("2024-09-01"), Category: billing.Credit, Billed: d("-1.5"), Effective: d("-1.5")},
				{ResourceID: "i-0abc", Service: ec2, Day: day("2024-09-18"), Category: billing.Usage, Billed: d("0.196"),
					Effective: d("0.1372"), List: d("0.196"), Quantities: qty("hours", "2"), Tags: map[string]string{"env": "prod"}},
			},
			summary: billing.Summary{Format: billing.FOCUS, Rows: 3, Kept: 3,
				PeriodStart: day("2024-09-01"), PeriodEnd: time.Date(2024, 9, 18, 23, 0, 0, 0, time.UTC)},
		},
		{
			name: "CUR for Athena, random access",
			read: func(s *billing.Sum) (billing.Summary, error) {
				return s.ReadParquet(context.Background(), bytes.NewReader(athena), int64(len(athena)), "cur.parquet")
			},
			want: []billing.Charge{{ResourceID: "i-1", Service: "AmazonEC2", Day: day("2023-11-01"), Category: billing.Usage,
				Billed: d("1"), Effective: d("0.8"), List: d("1.2"), Quantities: qty("hrs", "10"),
				Tags: map[string]string{"tollgate_address": "aws_instance.web"}}},
			summary: billing.Summary{Format: billing.CURAthena, Rows: 2, Kept: 2,
				PeriodStart: day("2023-11-01"), PeriodEnd: time.Date(2023, 11, 1, 5, 0, 0, 0, time.UTC)},
		},
		{
			name: "CUR 2.0 map tags, spooled stream",
			read: func(s *billing.Sum) (billing.Summary, error) {
				return s.Read(context.Background(), struct{ io.Reader }{bytes.NewReader(cur2)}, "cur2.parquet")
			},
			want: []billing.Charge{
				{ResourceID: "arn:aws:s3:::b", Day: day("2024-01-02"), Category: billing.Usage, Billed: d("2"), Effective: d("2"),
					Tags: map[string]string{"tollgate_address": "aws_s3_bucket.b", "env": "prod"}},
				{ResourceID: "arn:aws:s3:::c", Day: day("2024-01-02"), Category: billing.Usage, Billed: d("2"), Effective: d("2"),
					Tags: map[string]string{"env": "dev"}},
			},
			summary: billing.Summary{Format: billing.CUR2, Rows: 3, Kept: 3, Missing: []string{"ListCost"},
				PeriodStart: day("2024-01-02"), PeriodEnd: time.Date(2024, 1, 2, 2, 0, 0, 0, time.UTC)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := billing.NewSum(billing.Options{TempDir: t.TempDir()})
			sum, err := tt.read(s)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, s.Charges(), decimalEqual, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("charges (-want +got):\n%s", diff)
			}
			sum.Name = ""
			if diff := cmp.Diff(tt.summary, sum, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("summary (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadParquetUnknownFormat(t *testing.T) {
	type other struct {
		A string `parquet:"a"`
	}
	b := writeParquet(t, []other{{"x"}})
	s := billing.NewSum(billing.Options{})
	_, err := s.ReadParquet(context.Background(), bytes.NewReader(b), int64(len(b)), "x.parquet")
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("x.parquet: not a billing export")) {
		t.Fatalf("err = %v", err)
	}
}
