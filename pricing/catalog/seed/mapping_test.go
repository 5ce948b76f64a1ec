package seed

import (
	"slices"
	"testing"
)

// units are the catalog's units (pricing/catalog/README.md).
var units = []string{
	"hours", "GB-months", "IOPS-months", "MiBps-months", "months", "GB", "1M requests",
	"10k requests", "1k requests", "GB-seconds", "vCPU-hours", "GB-hours", "LCU-hours", "ACU-hours",
}

func TestMappingTables(t *testing.T) {
	seen := map[string]bool{}
	check := func(table, service, key, unit string) {
		if !slices.Contains(units, unit) {
			t.Errorf("%s %s %s: unit %q is not a catalog unit", table, service, key, unit)
		}
		id := table + " " + service + " " + key
		if seen[id] {
			t.Errorf("%s: mapped twice", id)
		}
		seen[id] = true
	}
	for _, o := range observations {
		check("observed", o.Service, o.Key, o.Unit)
		if (o.Pick == "") != (o.Why == "") {
			t.Errorf("observed %s %s: Pick and Why go together", o.Service, o.Key)
		}
		if len(o.From) == 0 || o.Component == "" || o.FileUnit == "" || o.Conv == (conv{}) {
			t.Errorf("observed %s %s: incomplete mapping", o.Service, o.Key)
		}
	}
	for _, b := range bulkRates {
		check("bulk", b.Service, b.Key, b.Unit)
		if len(b.AWS) == 0 || b.FileUnit == "" || b.Start == "" || b.Conv == (conv{}) {
			t.Errorf("bulk %s %s: incomplete mapping", b.Service, b.Key)
		}
	}
}
