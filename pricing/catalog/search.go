package catalog

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/pricing"
)

// Query selects prices of one service.
type Query struct {
	Service string
	Region  string            // "" for every region
	Filters map[string]string // field name (see Fields) -> glob pattern
}

// Match is one price a query found.
type Match struct {
	Region, Key string
	Price       pricing.Price // Approximation set when borrowed from a twin
}

// Search lists the prices a query selects, sorted by key then region. A
// region with a twin also gets the twin's prices it lacks, marked as
// borrowed, as Price would give them.
func (c *Catalog) Search(q Query) ([]Match, error) {
	names := FieldNames(q.Service)
	for name, pattern := range q.Filters {
		if !slices.Contains(names, name) {
			return nil, fmt.Errorf("%s has no field %q: filter on %s", q.Service, name, strings.Join(names, ", "))
		}
		if _, err := path.Match(pattern, ""); err != nil {
			return nil, fmt.Errorf("filter %s=%s: bad pattern", name, pattern)
		}
	}
	match := func(key string) bool {
		if len(q.Filters) == 0 {
			return true
		}
		fields := Fields(q.Service, key)
		for name, pattern := range q.Filters {
			v, ok := fields[name]
			if ok, _ = path.Match(pattern, v); !ok {
				return false
			}
		}
		return true
	}
	var out []Match
	own := map[string]bool{}
	c.Rows(q.Service, func(region, key string, p pricing.Price) {
		if (q.Region == "" || region == q.Region) && match(key) {
			out = append(out, Match{Region: region, Key: key, Price: p})
			own[key] = true
		}
	})
	if t, ok := c.twins[q.Service+"\x00"+q.Region]; ok && q.Region != "" {
		c.Rows(q.Service, func(region, key string, p pricing.Price) {
			if region == t.region && !own[key] && Borrowable(key) && match(key) {
				p.Approximation = t.approximation(q.Region)
				out = append(out, Match{Region: q.Region, Key: key, Price: p})
			}
		})
		slices.SortStableFunc(out, func(a, b Match) int { return strings.Compare(a.Key, b.Key) })
	}
	return out, c.Err()
}
