package refresh

import (
	"fmt"
	"slices"
	"strings"

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

// guard compares the fresh catalog (with rows per service) with the
// previous one and lists what it lost.
func guard(prev, fresh *catalog.Catalog, rows map[string]int) ([]string, error) {
	before, err := rowCounts(prev)
	if err != nil {
		return nil, fmt.Errorf("read the previous catalog: %w", err)
	}
	var problems []string
	for _, svc := range sortedKeys(before) {
		n, was := rows[svc], before[svc]
		if float64(was-n) > MaxDrop*float64(was) {
			problems = append(problems, fmt.Sprintf("%s: %d rows, down from %d", svc, n, was))
		}
	}
	for _, s := range sentinels {
		if !exact(prev, s.service, s.region, s.key) {
			continue
		}
		if !exact(fresh, s.service, s.region, s.key) {
			problems = append(problems, fmt.Sprintf("%s %s %s: price missing", s.service, s.region, s.key))
		}
	}
	return problems, nil
}

// exact is a price held for the region itself, not borrowed from a twin.
func exact(c *catalog.Catalog, svc, region, key string) bool {
	p, ok := c.Price(svc, region, key)
	return ok && p.Approximation == ""
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
