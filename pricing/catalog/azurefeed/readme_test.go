package azurefeed_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog/azurefeed"
)

// documentedKeys reads the Azure key table of pricing/catalog/README.md:
// per service, the key patterns (<name> is one path segment, … anything).
func documentedKeys(t *testing.T) map[string][]*regexp.Regexp {
	t.Helper()
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "## Azure keys")
	if !ok {
		t.Fatal("README.md has no Azure keys section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	code := regexp.MustCompile("`([^`]+)`")
	out := map[string][]*regexp.Regexp{}
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 5 || !strings.Contains(cells[1], "azure-") {
			continue
		}
		for _, svc := range code.FindAllStringSubmatch(cells[1], -1) {
			for _, k := range code.FindAllStringSubmatch(cells[2], -1) {
				p := regexp.QuoteMeta(k[1])
				p = regexp.MustCompile(`<[a-zA-Z]+>`).ReplaceAllString(p, `[^/]+`)
				p = strings.ReplaceAll(p, "…", ".*")
				out[svc[1]] = append(out[svc[1]], regexp.MustCompile("^"+p+"$"))
			}
		}
	}
	return out
}

// TestKeysDocumented checks the key contract: every key the importer
// writes is in the README's Azure table, under its service.
func TestKeysDocumented(t *testing.T) {
	keys := documentedKeys(t)
	if len(keys) != len(services) {
		t.Errorf("README documents %d Azure services, the importer writes %d", len(keys), len(services))
	}
	items, _ := allItems(t)
	c := imported(t, azurefeed.New(azurefeed.Options{BaseURL: newFake(t, items).URL}), nil)
	for _, svc := range services {
		c.Rows(svc, func(region, key string, _ pricing.Price) {
			for _, re := range keys[svc] {
				if re.MatchString(key) {
					return
				}
			}
			t.Errorf("%s %s %s: not in README.md's Azure keys", svc, region, key)
		})
	}
}
