package aws

import (
	"fmt"
	"sort"

	"github.com/tollgate-dev/tollgate/pricing"
)

const dynamodbService = "aws-dynamodb"

var dynamodbTableModel = pricing.Model{
	Type: "aws_dynamodb_table",
	Usage: []pricing.UsageKey{
		{Name: "monthly_write_request_units", Description: "write request units a month of an on-demand (PAY_PER_REQUEST) table"},
		{Name: "monthly_read_request_units", Description: "read request units a month of an on-demand (PAY_PER_REQUEST) table"},
		{Name: usageStorageGB, Description: "table data stored, in GB"},
		{Name: "pitr_backup_storage_gb", Description: "point-in-time recovery backup storage, in GB (when enabled)"},
	},
	Price: priceDynamoDBTable,
}

func priceDynamoDBTable(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	var comps []pricing.Component
	switch mode := a.StringOr("billing_mode", "PROVISIONED"); mode {
	case "PROVISIONED":
		comps = append(comps, dynamodbCapacity(p, a, "")...)
		for _, gsi := range sortedIndexes(a) {
			comps = append(comps, dynamodbCapacity(p, gsi, gsi.StringOr("name", "?"))...)
		}
	case "PAY_PER_REQUEST":
		comps = append(comps,
			p.UsageScaled("Write request units (WRU)", "1M requests", "monthly_write_request_units", perMillion, dynamodbService, "on-demand/wru"),
			p.UsageScaled("Read request units (RRU)", "1M requests", "monthly_read_request_units", perMillion, dynamodbService, "on-demand/rru"))
	default:
		comps = append(comps, pricing.Unpriced("Capacity", "hours", fmt.Sprintf("billing_mode %q is not priced", mode)))
	}
	comps = append(comps, p.UsageComponent("Data storage", "GB", usageStorageGB, dynamodbService, "storage"))
	if pitr, ok := a.Block("point_in_time_recovery"); ok {
		if on, _ := pitr.Bool("enabled"); on {
			comps = append(comps, p.UsageComponent("Point-in-time recovery (PITR) backup storage", "GB", "pitr_backup_storage_gb", dynamodbService, "backup/pitr"))
		}
	}
	for _, rep := range a.Blocks("replica") {
		region := rep.StringOr("region_name", "unknown region")
		comps = append(comps, pricing.Unpriced("Replica table ("+region+")", "months",
			"replica in "+region+" is not priced (global table replicas bill replicated writes and storage in their own region)"))
	}
	// The Standard-Infrequent Access class has its own, different prices.
	if class := a.StringOr("table_class", "STANDARD"); class != "STANDARD" {
		return pricing.UnpriceAll(comps, fmt.Sprintf("table_class %s is not priced", class))
	}
	return comps
}

// dynamodbCapacity prices the provisioned write and read capacity of a
// table (index "") or of one of its global secondary indexes, which has
// capacity of its own.
func dynamodbCapacity(p pricing.Pricer, a pricing.Attrs, index string) []pricing.Component {
	idx := ""
	if index != "" {
		idx = "index " + index
	}
	var comps []pricing.Component
	for _, c := range []struct{ attr, what, abbr, unit, key string }{
		{"write_capacity", "Write capacity", "WCU", "WCU-hours", "provisioned/wcu"},
		{"read_capacity", "Read capacity", "RCU", "RCU-hours", "provisioned/rcu"},
	} {
		name := pricing.Qualified(c.what, c.abbr, idx)
		units, why := a.NeedDecimal(c.attr)
		if why != "" {
			comps = append(comps, pricing.Unpriced(name, c.unit, why))
			continue
		}
		// The price is per capacity unit per hour.
		comps = append(comps, p.Component(name, c.unit, units.Mul(pricing.Hours), dynamodbService, c.key))
	}
	return comps
}

// sortedIndexes returns the global secondary indexes by name, so that the
// components come out in a stable order whatever order the set has.
func sortedIndexes(a pricing.Attrs) []pricing.Attrs {
	gsis := a.Blocks("global_secondary_index")
	sort.SliceStable(gsis, func(i, j int) bool {
		return gsis[i].StringOr("name", "") < gsis[j].StringOr("name", "")
	})
	return gsis
}
