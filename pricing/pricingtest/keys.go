package pricingtest

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// Keys are the catalog keys a README table documents: per service, the
// patterns its keys match.
type Keys map[string][]*regexp.Regexp

// Documented reports whether key is documented under service.
func (k Keys) Documented(service, key string) bool {
	for _, re := range k[service] {
		if re.MatchString(key) {
			return true
		}
	}
	return false
}

// DocumentedKeys reads the key table under the "## <heading>" section of
// readme (pricing/catalog/README.md, the key contract between importers
// and models): rows | service | key | unit | meaning |, whose service and
// key cells hold one or more `code` spans. In a key, <name> stands for one
// path segment and … for anything.
func DocumentedKeys(tb testing.TB, readme, heading string) Keys {
	tb.Helper()
	data, err := os.ReadFile(readme)
	if err != nil {
		tb.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "## "+heading+"\n")
	if !ok {
		tb.Fatalf("%s has no %s section", readme, heading)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	code := regexp.MustCompile("`([^`]+)`")
	segment := regexp.MustCompile(`<[a-zA-Z]+>`)
	out := Keys{}
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 5 {
			continue
		}
		// The header and the rule below it have no code spans.
		for _, svc := range code.FindAllStringSubmatch(cells[1], -1) {
			for _, k := range code.FindAllStringSubmatch(cells[2], -1) {
				p := regexp.QuoteMeta(k[1])
				p = segment.ReplaceAllString(p, `[^/]+`)
				p = strings.ReplaceAll(p, "…", ".*")
				out[svc[1]] = append(out[svc[1]], regexp.MustCompile("^"+p+"$"))
			}
		}
	}
	return out
}
