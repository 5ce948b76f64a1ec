package refresh

import (
	"fmt"
	"strings"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// MaxDrop is the share of a service's rows a refresh may lose before the
// guard refuses it: price lists grow and shrink a little, they do not lose
// a fifth of a service overnight unless a download or a parser went wrong.
const MaxDrop = 0.20

// sentinels are prices every good catalog has; losing one means an importer
// stopped understanding its price list. Only those the previous catalog had
// are checked, so a catalog that never had Azure is not held to it.
var sentinels = []struct{ service, region, key string }{
	{"aws-ec2", "us-east-1", "instance/m5.large/linux"},
	{"aws-ebs", "us-east-1", "storage/gp3"},
	{"aws-rds", "us-east-1", "instance/db.t3.micro/postgres"},
	{"azure-vm", "eastus", "vm/Standard_D2s_v3/linux"},
	{"gcp-compute", "us-central1", "machine/n2-standard-2"},
}

// GuardError is a refresh the drift guard refused.
type GuardError struct{ Problems []string }

func (e *GuardError) Error() string {
	return fmt.Sprintf("the new catalog looks wrong, the previous one is kept (use --force to swap it in anyway): %s", strings.Join(e.Problems, "; "))
}

// Lines lists the problems one per line, for the CLI.
func (e *GuardError) Lines() []string {
	return append([]string{"the new catalog looks wrong, the previous one is kept (use --force to swap it in anyway):"}, e.Problems...)
}

// guard compares what the feeds gave (b, tallied in fresh) with the
// previous catalog, within what the refresh covered, and lists what was
// lost: a service with far fewer prices, or a sentinel price missing. A
// list that stops giving a whole kind of key on its first refresh shows
// only in the sentinels; on later ones its own earlier prices count.
func guard(prev *catalog.Catalog, b *catalog.Builder, fresh map[string]*serviceTally, s scope) ([]string, error) {
	services, err := prev.Services()
	if err != nil {
		return nil, fmt.Errorf("read the previous catalog: %w", err)
	}
	var problems []string
	for _, svc := range services {
		t := fresh[svc]
		if t == nil {
			t = &serviceTally{}
		}
		// Counted: the previous prices the new list should give again,
		// not those carried over from another source for keys it has
		// never given (they are carried again).
		was := 0
		prev.Rows(svc, func(region, key string, p pricing.Price) {
			if s.covers(svc, region) && (t.keys[key] || t.sources[p.Source]) {
				was++
			}
		})
		n := t.rows
		if was > 0 && float64(was-n) > MaxDrop*float64(was) {
			problems = append(problems, fmt.Sprintf("%s: %d prices before, %d now", svc, was, n))
		}
	}
	if err := prev.Err(); err != nil {
		return nil, fmt.Errorf("read the previous catalog: %w", err)
	}
	for _, p := range sentinels {
		if s.covers(p.service, p.region) && exact(prev, p.service, p.region, p.key) && !b.Has(p.service, p.region, p.key) {
			problems = append(problems, fmt.Sprintf("%s %s %s: price missing", p.service, p.region, p.key))
		}
	}
	return problems, nil
}

// exact is a price held for the region itself, not borrowed from a twin.
func exact(c *catalog.Catalog, svc, region, key string) bool {
	p, ok := c.Price(svc, region, key)
	return ok && p.Approximation == ""
}
