package seed

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
)

// TestGCPPrices spot-checks the GCP keys against
// ../shared/pricing/gcp/cyclenerd-pricing.yml.
func TestGCPPrices(t *testing.T) {
	c, _, _ := build(t)
	tests := []struct {
		name                 string
		service, region, key string
		want, unit           string
	}{
		{"machine, hour not month", "gcp-compute", "us-central1", "machine/n2-standard-2", "0.097118", "hours"},
		{"machine europe-west1", "gcp-compute", "europe-west1", "machine/n2-standard-2", "0.106834", "hours"},
		{"bundled local SSD type keeps its own price", "gcp-compute", "us-central1", "machine/c3-standard-4-lssd", "0.242703890410959", "hours"},
		// n1-standard-1 (1, 3.75) hour_spot 0.0167525 = 0.01115 + 3.75 × 0.001494;
		// n1-highmem-2 (2, 13) 0.041722 = 2 × 0.01115 + 13 × 0.001494.
		{"spot n1 vCPU", "gcp-compute", "us-central1", "spot/n1/vcpu", "0.01115", "vCPU-hours"},
		{"spot n1 memory", "gcp-compute", "us-central1", "spot/n1/ram", "0.001494", "GB-hours"},
		// e2-micro (0.25, 1) 0.0050265 = 0.25 × 0.01309 + 0.001754.
		{"spot e2 vCPU, shared-core types fit too", "gcp-compute", "us-central1", "spot/e2/vcpu", "0.01309", "vCPU-hours"},
		// custom-1-7680-ext (1, 7.5) 0.06653655 = 0.03319155 + 7.5 × 0.004446.
		{"custom n1 vCPU", "gcp-compute", "us-central1", "custom/n1/vcpu", "0.03319155", "vCPU-hours"},
		{"custom n1 memory", "gcp-compute", "us-central1", "custom/n1/ram", "0.004446", "GB-hours"},
		{"pd-extreme", "gcp-compute", "us-central1", "disk/pd-extreme", "0.125", "GB-months"},
		{"regional pd-ssd (ssd-replicated)", "gcp-compute", "us-central1", "disk/pd-ssd/regional", "0.34", "GB-months"},
		{"regional pd-balanced africa-south1", "gcp-compute", "africa-south1", "disk/pd-balanced/regional", "0.2195759", "GB-months"},
		{"local SSD", "gcp-compute", "us-central1", "local-ssd", "0.08", "GB-months"},
		{"external IP in use", "gcp-network", "us-central1", "external-ip/in-use", "0.005", "hours"},
		{"external IP unused africa-south1", "gcp-network", "africa-south1", "external-ip/unused", "0.01308", "hours"},
		{"NAT per VM: gateway 0.0448 / 32", "gcp-network", "us-central1", "nat-gateway/vm", "0.0014", "hours"},
		{"NAT data", "gcp-network", "us-central1", "nat-gateway/data", "0.045", "GB"},
		{"GCS regional standard", "gcp-storage", "us-central1", "storage/standard", "0.02", "GB-months"},
		{"GCS multi-region (us-multi)", "gcp-storage", "us", "storage/standard", "0.026", "GB-months"},
		{"GCS dual-region", "gcp-storage", "nam4", "storage/standard", "0.044", "GB-months"},
		{"GCS archive (archiv) eu", "gcp-storage", "eu", "storage/archive", "0.0024", "GB-months"},
		{"GCS coldline retrieval", "gcp-storage", "us-central1", "retrieval/coldline", "0.02", "GB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := c.Price(tt.service, tt.region, tt.key)
			if !ok {
				t.Fatalf("%s %s %s: no price (regions with one: %v)", tt.service, tt.region, tt.key, c.Regions(tt.service, tt.key))
			}
			got := fmt.Sprintf("%s %s %s", p.Amount, p.Unit, p.Source)
			want := fmt.Sprintf("%s %s gcp-compute", decimal.RequireFromString(tt.want), tt.unit)
			if got != want {
				t.Errorf("%s %s %s = %s, want %s", tt.service, tt.region, tt.key, got, want)
			}
		})
	}
	for _, tt := range []struct{ name, service, region, key string }{
		{"custom examples are not machine types", "gcp-compute", "us-central1", "machine/custom-1-7680-ext"},
		{"c2 has one memory ratio: no spot rates", "gcp-compute", "us-central1", "spot/c2/vcpu"},
		{"m4-ultramem-224 does not fit m4", "gcp-compute", "us-central1", "spot/m4/vcpu"},
		{"types with GPUs are left out of fits", "gcp-compute", "us-central1", "spot/a2/vcpu"},
		{"the file prices extended memory like the rest", "gcp-compute", "us-central1", "custom/n1/ram-extended"},
		{"no multi-region under the file's name", "gcp-storage", "us-multi", "storage/standard"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if p, ok := c.Price(tt.service, tt.region, tt.key); ok {
				t.Errorf("%s %s %s = %s, want no price", tt.service, tt.region, tt.key, p.Amount)
			}
		})
	}
}

func TestFit(t *testing.T) {
	pt := func(name, cpu, ram, price string) fitPoint {
		return fitPoint{name: name, cpu: decimal.RequireFromString(cpu).Rat(), ram: decimal.RequireFromString(ram).Rat(), price: decimal.RequireFromString(price).Rat()}
	}
	tests := []struct {
		name           string
		points         []fitPoint
		cpu, ram, miss string
	}{
		{"two shapes", []fitPoint{pt("a-standard-1", "1", "4", "0.05"), pt("a-highmem-1", "1", "8", "0.07")}, "0.03", "0.005", ""},
		{"a third that fits", []fitPoint{pt("a", "1", "4", "0.05"), pt("b", "2", "8", "0.1"), pt("c", "1", "8", "0.07")}, "0.03", "0.005", ""},
		{"a third that does not", []fitPoint{pt("a", "1", "4", "0.05"), pt("b", "1", "8", "0.07"), pt("c", "4", "16", "0.21")}, "", "", "c does not fit the others"},
		{"one ratio", []fitPoint{pt("a", "1", "4", "0.05"), pt("b", "2", "8", "0.1")}, "", "", "one memory-per-vCPU ratio only: vCPU and memory prices cannot be told apart"},
		{"no finite decimal: thirds", []fitPoint{pt("a", "1", "2", "1"), pt("b", "2", "1", "1")}, "", "", "the rates are not positive decimals"},
		{"negative memory rate", []fitPoint{pt("a", "1", "1", "0.1"), pt("b", "1", "2", "0.05")}, "", "", "the rates are not positive decimals"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cpu, ram, miss := fit(tt.points)
			if miss != tt.miss {
				t.Fatalf("misfit %q, want %q", miss, tt.miss)
			}
			if miss == "" && (cpu.String() != tt.cpu || ram.String() != tt.ram) {
				t.Errorf("rates %s %s, want %s %s", cpu, ram, tt.cpu, tt.ram)
			}
		})
	}
}
