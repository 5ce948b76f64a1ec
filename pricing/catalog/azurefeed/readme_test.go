package azurefeed_test

import (
	"testing"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog/azurefeed"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

// TestKeysDocumented checks the key contract: every key the importer
// writes is in the README's Azure table, under its service.
func TestKeysDocumented(t *testing.T) {
	keys := pricingtest.DocumentedKeys(t, "../README.md", "Azure keys")
	if len(keys) != len(services) {
		t.Errorf("README documents %d Azure services, the importer writes %d", len(keys), len(services))
	}
	items, _ := allItems(t)
	c := imported(t, azurefeed.New(azurefeed.Options{BaseURL: newFake(t, items).URL}), nil)
	for _, svc := range services {
		c.Rows(svc, func(region, key string, _ pricing.Price) {
			if !keys.Documented(svc, key) {
				t.Errorf("%s %s %s: not in README.md's Azure keys", svc, region, key)
			}
		})
	}
}
