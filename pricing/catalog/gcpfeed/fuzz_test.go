package gcpfeed

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzPage feeds arbitrary bodies to the page decoder and every rule:
// whatever the API sends, the import must not panic, and must fail or
// give only positive prices.
func FuzzPage(f *testing.F) {
	for _, seed := range []string{
		`{"skus": [], "nextPageToken": ""}`,
		`{"skus": [{"skuId": "A", "description": "N2 Instance Core running in Americas", "category": {"usageType": "OnDemand"}, "serviceRegions": ["us-central1"], "pricingInfo": [{"pricingExpression": {"usageUnit": "h", "tieredRates": [{"unitPrice": {"units": "0", "nanos": 31611000}}]}, "effectiveTime": "2026-05-12T08:15:02Z"}]}], "nextPageToken": "x"}`,
		`{"skus": [{"description": "Standard Storage US Multi-region", "category": {"usageType": "OnDemand"}, "pricingInfo": [{"pricingExpression": {"usageUnit": "GiBy.mo", "tieredRates": [{"unitPrice": {"units": "-1", "nanos": -5}}]}}]}]}`,
		`{"skus": [{"description": "Cloud SQL for MySQL: Zonal - vCPU in Americas", "category": {"usageType": "OnDemand"}, "serviceRegions": ["global"], "pricingInfo": []}]}`,
		`{"skus": [{"description": "Zonal Kubernetes Clusters", "category": {"usageType": "OnDemand"}, "serviceRegions": ["global"], "pricingInfo": [{"pricingExpression": {"usageUnit": "h", "tieredRates": [{"unitPrice": {"units": "99999999999999999999"}}]}, "effectiveTime": "bad"}]}]}`,
		`{"skus": [{"skuId": 5}]`,
		`[]`,
	} {
		f.Add([]byte(seed))
	}
	rules := []func(*sku, *collector) error{computeRules, storageRules, sqlRules, gkeRules}
	f.Fuzz(func(t *testing.T, body []byte) {
		c := newCollector(nil)
		_, err := decodePage(json.NewDecoder(bytes.NewReader(body)), "skus", func(dec *json.Decoder) error {
			var k sku
			if err := dec.Decode(&k); err != nil {
				return err
			}
			for _, r := range rules {
				if err := r(&k, c); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return
		}
		rows, _, err := c.finish()
		if err != nil {
			return
		}
		for _, r := range rows {
			if !r.Price.IsPositive() || r.Unit == "" || r.Region == "" {
				t.Errorf("row %+v: want a positive price, a unit and a region", r)
			}
		}
	})
}
