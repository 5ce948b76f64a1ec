package awsfeed

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

func TestBaseUsage(t *testing.T) {
	tests := []struct {
		name, usage, want string
	}{
		{"us-east-1 without prefix", "BoxUsage:m5.large", "BoxUsage:m5.large"},
		{"abbreviation", "EUW3-EBS:VolumeUsage.gp2", "EBS:VolumeUsage.gp2"},
		{"eu-west-1", "EU-NatGateway-Hours", "NatGateway-Hours"},
		{"local zone", "USE1-BOS1-BoxUsage:m5.large", "BoxUsage:m5.large"},
		{"wavelength zone", "USE1-WL1-ATL1-BoxUsage:t3.medium", "BoxUsage:t3.medium"},
		{"region code, as KMS writes it", "us-east-1-KMS-Keys", "KMS-Keys"},
		{"GovCloud region code", "us-gov-west-1-KMS-Requests", "KMS-Requests"},
		{"a rate named with capitals stays apart", "TS-LoadBalancerUsage", "TS-LoadBalancerUsage"},
		{"prefixed rate named with capitals", "CAN1-TS-LoadBalancerUsage", "TS-LoadBalancerUsage"},
		{"hyphenated usage", "NatGateway-Bytes", "NatGateway-Bytes"},
		{"lowercase words without a number", "data-transfer-out", "data-transfer-out"},
		{"global is not a region", "Global-Request", "Global-Request"},
		{"prefix alone", "USE1-", "USE1-"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := baseUsage(tt.usage); got != tt.want {
				t.Errorf("baseUsage(%q) = %q, want %q", tt.usage, got, tt.want)
			}
		})
	}
}

func TestPublicationDate(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"timestamp", "2025-04-24T20:48:02Z", "2025-04-24", true},
		{"date", "2025-04-24", "2025-04-24", true},
		{"missing", "", "", false},
		{"not a date", "2025-13-40T00:00:00Z", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := publicationDate(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("publicationDate(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
}

// FuzzOffer feeds arbitrary bytes through the offer reader and the EC2
// mapping: it must return rows or an error naming the file, never panic,
// and keep only rows the catalog accepts.
func FuzzOffer(f *testing.F) {
	f.Add([]byte("\"FormatVersion\",\"v1.0\"\n\"Publication Date\",\"2025-01-01T00:00:00Z\"\n\"SKU\",\"TermType\",\"PricePerUnit\",\"Unit\",\"Currency\",\"StartingRange\",\"Product Family\",\"usageType\",\"Location\",\"Instance Type\",\"Tenancy\",\"Operating System\",\"Pre Installed S/W\",\"CapacityStatus\"\n\"A\",\"OnDemand\",\"0.1\",\"Hrs\",\"USD\",\"0\",\"Compute Instance\",\"BoxUsage:m5.large\",\"US East (N. Virginia)\",\"m5.large\",\"Shared\",\"Linux\",\"NA\",\"Used\"\n"))
	f.Add([]byte("\"SKU\"\n"))
	f.Add([]byte("\"Publication Date\",\"x\"\n\"SKU\",\"a\"\n\"b\"\n"))
	f.Add([]byte("\"a\",\"b\nc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fl := file{offer: ec2Offer, region: "us-east-1", url: "fuzz.csv"}
		of, err := openOffer(fl.url, bytes.NewReader(data), fl.offer.need)
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.csv") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		c := newCollector()
		for {
			rec, err := of.read()
			if errors.Is(err, io.EOF) {
				// Whatever was kept must be writable: a failure there
				// would leave a partial catalog.
				b := catalog.NewBuilder()
				b.AddSource(pricing.Source{ID: fl.offer.source})
				if _, err := c.finish(b); err != nil {
					t.Fatalf("kept a row the catalog refuses: %v", err)
				}
				return
			}
			if err != nil {
				if !strings.Contains(err.Error(), "fuzz.csv") {
					t.Fatalf("error does not name the file: %v", err)
				}
				return
			}
			if err := keep(of, fl, row{rec: rec, cols: &of.cols}, c); err != nil && !strings.Contains(err.Error(), "fuzz.csv") {
				t.Fatalf("error does not name the file: %v", err)
			}
		}
	})
}
