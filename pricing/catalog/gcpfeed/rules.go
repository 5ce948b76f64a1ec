package gcpfeed

import (
	"regexp"
	"strings"
)

// How SKUs map to catalog keys. SKU descriptions name what is billed and,
// at the end, where ("N2 Instance Core running in Americas", "Storage PD
// Capacity in Belgium"); the regions a SKU's price holds in are its
// serviceRegions. Only usage type OnDemand is read, and Preemptible for
// spot vCPU and memory rates. Matching is on the description without its
// location, case-insensitively; a SKU that matches a rule but has another
// usage unit fails the import rather than being read in the wrong unit.

// target is a catalog key a SKU's price goes to.
type target struct {
	service, key string
	usageUnit    string // the API's unit the price must be in
	unit         string // the catalog unit when it is not the usage unit's
}

// computeKeys are the Compute Engine and Networking SKUs read as they are.
var computeKeys = map[string]target{
	"micro instance with burstable cpu":   {"gcp-compute", "machine/f1-micro", "h", ""},
	"small instance with 1 vcpu":          {"gcp-compute", "machine/g1-small", "h", ""},
	"storage pd capacity":                 {"gcp-compute", "disk/pd-standard", "GiBy.mo", ""},
	"balanced pd capacity":                {"gcp-compute", "disk/pd-balanced", "GiBy.mo", ""},
	"ssd backed pd capacity":              {"gcp-compute", "disk/pd-ssd", "GiBy.mo", ""},
	"extreme pd capacity":                 {"gcp-compute", "disk/pd-extreme", "GiBy.mo", ""},
	"extreme pd iops":                     {"gcp-compute", "disk/pd-extreme/iops", "mo", "IOPS-months"},
	"regional storage pd capacity":        {"gcp-compute", "disk/pd-standard/regional", "GiBy.mo", ""},
	"regional balanced pd capacity":       {"gcp-compute", "disk/pd-balanced/regional", "GiBy.mo", ""},
	"regional ssd backed pd capacity":     {"gcp-compute", "disk/pd-ssd/regional", "GiBy.mo", ""},
	"ssd backed local storage":            {"gcp-compute", "local-ssd", "GiBy.mo", ""},
	"external ip charge on a standard vm": {"gcp-network", "external-ip/in-use", "h", ""},
	"static ip charge":                    {"gcp-network", "external-ip/unused", "h", ""},
	"nat gateway: uptime charge":          {"gcp-network", "nat-gateway/vm", "h", ""},
	"nat gateway: data processing charge": {"gcp-network", "nat-gateway/data", "GiBy", ""},
}

// computeRules reads Compute Engine and Networking SKUs: the vCPU and
// memory rates of machine families (predefined, spot, custom) and the keys
// of computeKeys.
func computeRules(k *sku, c *collector) error {
	spot := k.Category.UsageType == "Preemptible"
	if !spot && k.Category.UsageType != "OnDemand" {
		return nil
	}
	head := strings.ToLower(withoutLocation(k.Description))
	if r, ok := parseRate(head); ok {
		if spot {
			if r.variant != "" {
				return nil // spot custom rates: not in the catalog
			}
			r.variant = "spot"
		}
		unit := "h"
		if r.kind != "vcpu" {
			unit = "GiBy.h"
		}
		return c.rate(k, r, unit)
	}
	if t, ok := computeKeys[head]; ok && !spot {
		return c.add(k, t)
	}
	return nil
}

// rate names one vCPU or memory rate of a machine family.
type rate struct {
	family  string // n2, c2 (compute optimized), m1 (memory-optimized), n1 for bare "custom"
	kind    string // vcpu, ram or ram-extended
	variant string // "" (on demand), spot or custom
}

func (r rate) String() string {
	return strings.Join(strings.Fields(r.family+" "+r.variant+" "+r.kind+" rate"), " ")
}

// Words of rate descriptions that say nothing about the family.
var rateNoise = map[string]bool{"amd": true, "arm": true, "intel": true, "predefined": true, "instance": true}

var familyName = regexp.MustCompile(`^[a-z][0-9]+[a-z]?$`)

// parseRate reads descriptions such as "n1 predefined instance core",
// "spot preemptible n2d amd instance ram", "n2 custom extended instance
// ram", "compute optimized core" (C2), "memory-optimized instance core"
// (M1), "m3 memory-optimized instance core". Anything else, such as sole
// tenancy or commitments, is not a rate.
func parseRate(head string) (rate, bool) {
	head = strings.TrimPrefix(head, "spot preemptible ")
	head = strings.TrimPrefix(head, "preemptible ")
	var r rate
	switch {
	case strings.HasSuffix(head, " core"):
		r.kind = "vcpu"
	case strings.HasSuffix(head, " ram"):
		r.kind = "ram"
	default:
		return rate{}, false
	}
	var rest []string
	for _, w := range strings.Fields(head)[:len(strings.Fields(head))-1] {
		switch {
		case rateNoise[w]:
		case w == "custom":
			r.variant = "custom"
		case w == "extended":
			r.kind += "-extended"
		default:
			rest = append(rest, w)
		}
	}
	switch strings.Join(rest, " ") {
	case "compute optimized":
		r.family = "c2"
	case "memory-optimized":
		r.family = "m1"
	case "":
		if r.variant != "custom" {
			return rate{}, false
		}
		r.family = "n1" // "Custom Instance Core": N1 custom machines
	default:
		if len(rest) == 2 && rest[1] == "memory-optimized" {
			rest = rest[:1]
		}
		if len(rest) != 1 || !familyName.MatchString(rest[0]) {
			return rate{}, false
		}
		r.family = rest[0]
	}
	if r.kind == "vcpu-extended" || (r.kind == "ram-extended" && r.variant != "custom") {
		return rate{}, false
	}
	return r, true
}

// withoutLocation drops a description's location: "… running in
// Americas", "… in Belgium".
func withoutLocation(desc string) string {
	if i := strings.Index(desc, " running in "); i > 0 {
		return desc[:i]
	}
	if i := strings.LastIndex(desc, " in "); i > 0 {
		return desc[:i]
	}
	return desc
}

// storageClasses are Cloud Storage's classes as descriptions spell them.
var storageClasses = map[string]string{
	"standard": "standard", "nearline": "nearline", "coldline": "coldline", "archive": "archive",
	"durable reduced availability": "dra",
}

var (
	storageSKU   = regexp.MustCompile(`^(standard|nearline|coldline|archive|durable reduced availability) storage (.+)$`)
	retrievalSKU = regexp.MustCompile(`^(nearline|coldline|archive) (?:storage )?data retrieval(.*)$`)
	// Multi-region locations as descriptions name them.
	multiRegions = map[string]string{"us": "us", "eu": "eu", "europe": "eu", "asia": "asia"}
)

// storageRules reads Cloud Storage SKUs: storage per class and location
// ("Standard Storage Iowa", "Nearline Storage US Multi-region",
// "Coldline Storage Dual-region NAM4") and data retrieval.
func storageRules(k *sku, c *collector) error {
	if k.Category.UsageType != "OnDemand" {
		return nil
	}
	desc := strings.ToLower(k.Description)
	for _, skip := range []string{"early delete", "operations", "egress", "replication", "autoclass", "turbo"} {
		if strings.Contains(desc, skip) {
			return nil
		}
	}
	var t target
	var where string
	if m := retrievalSKU.FindStringSubmatch(desc); m != nil {
		t, where = target{"gcp-storage", "retrieval/" + m[1], "GiBy", ""}, m[2]
	} else if m := storageSKU.FindStringSubmatch(desc); m != nil {
		t, where = target{"gcp-storage", "storage/" + storageClasses[m[1]], "GiBy.mo", ""}, m[2]
	} else {
		return nil
	}
	switch {
	case strings.Contains(where, "multi-region"):
		for _, w := range strings.Fields(where) {
			if loc, ok := multiRegions[w]; ok {
				return c.addAt(k, t, []string{loc})
			}
		}
		return nil // a multi-region tollgate does not know
	case strings.Contains(where, "dual-region"):
		// Predefined dual-regions are codes (nam4); configurable ones
		// list member regions, which must not take a regional price.
		var codes []string
		for _, r := range k.regions() {
			if !strings.Contains(r, "-") && r != "global" {
				codes = append(codes, r)
			}
		}
		if len(codes) == 0 {
			return nil
		}
		return c.addAt(k, t, codes)
	}
	return c.add(k, t)
}

var sqlSKU = regexp.MustCompile(`^cloud sql for (mysql|postgresql|sql server): zonal - (vcpu|ram|standard storage|low cost storage|micro instance|small instance)$`)

var sqlEngines = map[string]string{"mysql": "mysql", "postgresql": "postgres", "sql server": "sqlserver"}

// sqlRules reads Cloud SQL Enterprise edition SKUs of zonal instances
// ("Cloud SQL for PostgreSQL: Zonal - vCPU in Americas"); regional
// instances are priced as two zonal ones.
func sqlRules(k *sku, c *collector) error {
	if k.Category.UsageType != "OnDemand" {
		return nil
	}
	m := sqlSKU.FindStringSubmatch(strings.ToLower(withoutLocation(k.Description)))
	if m == nil {
		return nil
	}
	engine := sqlEngines[m[1]]
	var t target
	switch m[2] {
	case "vcpu":
		t = target{"gcp-sql", "vcpu/" + engine, "h", "vCPU-hours"}
	case "ram":
		t = target{"gcp-sql", "ram/" + engine, "GiBy.h", ""}
	case "standard storage":
		t = target{"gcp-sql", "storage/ssd/" + engine, "GiBy.mo", ""}
	case "low cost storage":
		t = target{"gcp-sql", "storage/hdd/" + engine, "GiBy.mo", ""}
	case "micro instance":
		t = target{"gcp-sql", "instance/db-f1-micro/" + engine, "h", ""}
	case "small instance":
		t = target{"gcp-sql", "instance/db-g1-small/" + engine, "h", ""}
	}
	return c.add(k, t)
}

// gkeRules reads the cluster management fee, the same for every kind of
// cluster.
func gkeRules(k *sku, c *collector) error {
	if k.Category.UsageType != "OnDemand" {
		return nil
	}
	switch strings.ToLower(withoutLocation(k.Description)) {
	case "regional kubernetes clusters", "zonal kubernetes clusters", "autopilot kubernetes clusters":
		return c.add(k, target{"gcp-gke", "cluster", "h", ""})
	}
	return nil
}
