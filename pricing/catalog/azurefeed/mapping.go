package azurefeed

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
)

// query is one service's price list and how its items map to catalog
// keys (pricing/catalog/README.md).
type query struct {
	service string // catalog service
	filter  string // OData $filter, without price type or region
	// global is set for services whose meters include region Global,
	// which a region-limited import must query too.
	global bool
	rows   func(it item, price, tier decimal.Decimal) []row
}

var serviceNames = map[string]string{
	"azure-vm":         "Virtual Machines",
	"azure-disk":       "Managed Disks",
	"azure-storage":    "Block Blob Storage",
	"azure-network":    "Public IP addresses, Load Balancer and NAT Gateway",
	"azure-firewall":   "Azure Firewall",
	"azure-aks":        "Azure Kubernetes Service",
	"azure-sql":        "SQL Database",
	"azure-postgresql": "Azure Database for PostgreSQL",
	"azure-mysql":      "Azure Database for MySQL",
	"azure-appservice": "Azure App Service",
}

var queries = []*query{
	{service: "azure-vm", filter: "serviceName eq 'Virtual Machines'", rows: vmRows},
	{service: "azure-disk", filter: "serviceName eq 'Storage' and productName eq 'Premium SSD Managed Disks'", rows: diskRows},
	{service: "azure-disk", filter: "serviceName eq 'Storage' and productName eq 'Standard SSD Managed Disks'", rows: diskRows},
	{service: "azure-disk", filter: "serviceName eq 'Storage' and productName eq 'Standard HDD Managed Disks'", rows: diskRows},
	{service: "azure-storage", filter: "serviceName eq 'Storage' and productName eq 'General Block Blob v2'", rows: blobRows},
	{service: "azure-storage", filter: "serviceName eq 'Storage' and productName eq 'Premium Block Blob'", rows: blobRows},
	{service: "azure-network", filter: "serviceName eq 'Virtual Network' and productName eq 'IP Addresses'", rows: publicIPRows},
	{service: "azure-network", filter: "serviceName eq 'NAT Gateway'", global: true, rows: natRows},
	{service: "azure-network", filter: "serviceName eq 'Load Balancer'", global: true, rows: lbRows},
	{service: "azure-firewall", filter: "serviceName eq 'Azure Firewall'", rows: firewallRows},
	{service: "azure-aks", filter: "serviceName eq 'Azure Kubernetes Service'", rows: aksRows},
	{service: "azure-sql", filter: "serviceName eq 'SQL Database'", global: true, rows: sqlRows},
	{service: "azure-postgresql", filter: "serviceName eq 'Azure Database for PostgreSQL'", rows: flexibleRows},
	{service: "azure-mysql", filter: "serviceName eq 'Azure Database for MySQL'", rows: flexibleRows},
	{service: "azure-appservice", filter: "serviceName eq 'Azure App Service'", rows: appServiceRows},
}

// mapped returns the catalog rows of an item: none for items that are not
// pay-as-you-go, are free, or are not a price tollgate asks for.
func (q *query) mapped(it item) ([]row, error) {
	if !it.payAsYouGo() {
		return nil, nil
	}
	price, tier, err := it.price()
	if err != nil {
		return nil, err
	}
	// A zero is a free allowance or a SKU listed but not sold; as a
	// catalog price it would make a real cost look free.
	if !price.IsPositive() {
		return nil, nil
	}
	return q.rows(it, price, tier), nil
}

// one is a single row of an item's price in the unit the key takes,
// when the item's unit converts to it and its price starts at 0.
func one(it item, price, tier decimal.Decimal, key, unit string) []row {
	p, ok := convert(price, it.UnitOfMeasure, unit)
	if !ok || !tier.IsZero() {
		return nil
	}
	return []row{{key: key, unit: unit, price: p}}
}

func vmRows(it item, price, tier decimal.Decimal) []row {
	sku := it.ArmSkuName
	// Dedicated hosts (DCadsv6_Type1) are not VM sizes; a few constrained
	// sizes carry a space, which no VM's size has.
	if !(strings.HasPrefix(sku, "Standard_") || strings.HasPrefix(sku, "Basic_")) || strings.ContainsAny(sku, " \t") {
		return nil
	}
	os := "linux"
	if strings.HasSuffix(it.ProductName, " Windows") {
		os = "windows"
	}
	return one(it, price, tier, "vm/"+sku+"/"+os, "hours")
}

var (
	diskMeter   = regexp.MustCompile(`^([PES])(\d+)(?: (LRS|ZRS))? Disks?$`)
	diskLetters = map[string]string{
		"Premium SSD Managed Disks":  "P",
		"Standard SSD Managed Disks": "E",
		"Standard HDD Managed Disks": "S",
	}
	diskOps = map[string]string{
		"Standard SSD Managed Disks": "standard-ssd",
		"Standard HDD Managed Disks": "standard-hdd",
	}
)

func diskRows(it item, price, tier decimal.Decimal) []row {
	red := "lrs"
	if strings.Contains(it.SkuName+" "+it.MeterName, "ZRS") {
		red = "zrs"
	}
	if m := diskMeter.FindStringSubmatch(it.MeterName); m != nil && m[1] == diskLetters[it.ProductName] {
		return one(it, price, tier, "disk/"+m[1]+m[2]+"/"+red, "months")
	}
	if kind := diskOps[it.ProductName]; kind != "" && strings.HasSuffix(it.MeterName, "Disk Operations") {
		return one(it, price, tier, "operations/"+kind+"/"+red, "10k requests")
	}
	return nil
}

var blobSKU = regexp.MustCompile(`^(Hot|Cool|Cold|Archive|Premium) (LRS|ZRS|GRS|RA-GRS|GZRS|RA-GZRS)$`)

// blobTiers are the capacity tiers of blob storage, by the GB they start
// at.
var blobTiers = map[string]string{"0": "", "51200": "/over-50tb", "512000": "/over-500tb"}

func blobRows(it item, price, tier decimal.Decimal) []row {
	m := blobSKU.FindStringSubmatch(it.SkuName)
	if m == nil {
		return nil
	}
	base := "blob/" + strings.ToLower(m[1]) + "/" + strings.ToLower(strings.ReplaceAll(m[2], "-", ""))
	switch meter := it.MeterName; {
	case strings.HasSuffix(meter, " Data Stored"):
		suffix, ok := blobTiers[tier.String()]
		if !ok {
			return nil
		}
		return one(it, price, decimal.Zero, base+suffix, "GB-months")
	case strings.HasSuffix(meter, " Write Operations"):
		return one(it, price, tier, base+"/write", "10k requests")
	case strings.HasSuffix(meter, " Read Operations"):
		return one(it, price, tier, base+"/read", "10k requests")
	}
	return nil
}

var ipMeter = regexp.MustCompile(`^(Basic|Standard|Global) IPv4 (Static|Dynamic) Public IP$`)

func publicIPRows(it item, price, tier decimal.Decimal) []row {
	m := ipMeter.FindStringSubmatch(it.MeterName)
	if m == nil {
		return nil
	}
	return one(it, price, tier, "public-ip/"+strings.ToLower(m[1])+"/"+strings.ToLower(m[2]), "hours")
}

func natRows(it item, price, tier decimal.Decimal) []row {
	switch it.MeterName {
	case "Standard Gateway":
		return one(it, price, tier, "nat-gateway", "hours")
	case "Standard Data Processed":
		return one(it, price, tier, "nat-gateway/data", "GB")
	}
	return nil
}

func lbRows(it item, price, tier decimal.Decimal) []row {
	switch it.MeterName {
	case "Standard Included LB Rules and Outbound Rules":
		return one(it, price, tier, "lb/standard/rules", "hours")
	case "Standard Overage LB Rules and Outbound Rules":
		return one(it, price, tier, "lb/standard/rules-overage", "hours")
	case "Standard Data Processed":
		return one(it, price, tier, "lb/standard/data", "GB")
	}
	return nil
}

var firewallMeter = regexp.MustCompile(`^(Basic|Standard|Premium) (Secured Virtual Hub )?(Deployment|Data Processed)$`)

func firewallRows(it item, price, tier decimal.Decimal) []row {
	m := firewallMeter.FindStringSubmatch(it.MeterName)
	if m == nil {
		return nil
	}
	key := "firewall/" + strings.ToLower(m[1])
	if m[2] != "" {
		key += "/hub"
	}
	if m[3] == "Data Processed" {
		return one(it, price, tier, key+"/data", "GB")
	}
	return one(it, price, tier, key, "hours")
}

func aksRows(it item, price, tier decimal.Decimal) []row {
	if it.ProductName != "Azure Kubernetes Service" {
		return nil
	}
	switch it.MeterName {
	case "Standard Uptime SLA":
		return one(it, price, tier, "control-plane/standard", "hours")
	case "Standard Long Term Support":
		// The Premium tier's charge.
		return one(it, price, tier, "control-plane/premium", "hours")
	}
	return nil
}

var (
	sqlDTU        = regexp.MustCompile(`^SQL Database Single (Basic|Standard|Premium)$`)
	sqlDTUMeter   = regexp.MustCompile(`^(\w+) DTUs?$`)
	sqlCompute    = regexp.MustCompile(`^SQL Database (?:Single|SingleDB)(?:/Elastic Pool)? (General Purpose|Business Critical|Hyperscale) - Compute (.+)$`)
	sqlServerless = regexp.MustCompile(`^SQL Database Single(?:DB)? (General Purpose|Hyperscale) - Serverless - Compute (.+)$`)
	sqlLicense    = regexp.MustCompile(`^SQL Database (?:Single|SingleDB)(?:/Elastic Pool)? (General Purpose|Business Critical|Hyperscale) - SQL License$`)
	sqlStorage    = regexp.MustCompile(`^SQL Database (?:(?:Single|SingleDB)(?:/Elastic Pool)? )?(General Purpose|Business Critical|Hyperscale) - Storage$`)
)

// edition is a tier's name in catalog keys: "General Purpose" is
// "general-purpose".
func edition(s string) string { return strings.ToLower(strings.ReplaceAll(s, " ", "-")) }

// family is a hardware family in catalog keys: "Gen5" is "gen5", "FSv2
// Series" "fsv2", "DC-Series" "dc".
func family(s string) string {
	s = strings.ToLower(s)
	for _, cut := range []string{"-series", " series"} {
		s = strings.TrimSuffix(s, cut)
	}
	return strings.NewReplacer(" ", "", "-", "").Replace(s)
}

func sqlRows(it item, price, tier decimal.Decimal) []row {
	p := it.ProductName
	if m := sqlDTU.FindStringSubmatch(p); m != nil {
		mm := sqlDTUMeter.FindStringSubmatch(it.MeterName)
		sku := it.SkuName
		if sku == "B" {
			sku = "Basic"
		}
		if mm == nil || (mm[1] != it.SkuName && !(mm[1] == "B" && sku == "Basic")) {
			return nil
		}
		return one(it, price, tier, "dtu/"+sku, "hours")
	}
	if m := sqlCompute.FindStringSubmatch(p); m != nil && strings.HasSuffix(it.MeterName, "vCore") {
		return perVCore(it, price, tier, "vcore/"+edition(m[1])+"/"+family(m[2]))
	}
	if m := sqlServerless.FindStringSubmatch(p); m != nil && strings.HasSuffix(it.MeterName, "vCore") {
		return perVCore(it, price, tier, "serverless/"+edition(m[1])+"/"+family(m[2]))
	}
	if m := sqlLicense.FindStringSubmatch(p); m != nil && strings.HasSuffix(it.MeterName, "vCore") {
		return perVCore(it, price, tier, "license/"+edition(m[1]))
	}
	if m := sqlStorage.FindStringSubmatch(p); m != nil && strings.HasSuffix(it.MeterName, "Data Stored") {
		return one(it, price, tier, "storage/"+edition(m[1]), "GB-months")
	}
	return nil
}

var vcores = regexp.MustCompile(`^(\d+) vCores?$`)

// perVCore is an hourly vCore price. Azure lists some as the price of one
// vCore (skuName "vCore" or "1 vCore") and others as the price of an
// n-vCore SKU ("2 vCore"), which is divided by n.
func perVCore(it item, price, tier decimal.Decimal, key string) []row {
	n := int64(1)
	for _, s := range []string{it.SkuName, it.MeterName} {
		if m := vcores.FindStringSubmatch(s); m != nil {
			d, _ := decimal.NewFromString(m[1])
			n = d.IntPart()
			break
		}
	}
	if n <= 0 {
		return nil
	}
	rows := one(it, price, tier, key, "hours")
	for i := range rows {
		rows[i].unit = "vCore-hours"
		if n > 1 {
			rows[i].price = divide(rows[i].price, decimal.NewFromInt(n))
			rows[i].derived = true
		}
	}
	return rows
}

var (
	flexibleCompute = regexp.MustCompile(`Flexible Server (Burstable|General Purpose|Memory Optimized|Business Critical) (\S+) Series Compute$`)
	flexibleTiers   = map[string]string{"General Purpose": "general-purpose", "Memory Optimized": "memory-optimized", "Business Critical": "memory-optimized"}
)

// flexibleRows maps PostgreSQL and MySQL flexible server items.
func flexibleRows(it item, price, tier decimal.Decimal) []row {
	p := it.ProductName
	if !strings.Contains(p, "Flexible Server") {
		return nil
	}
	if m := flexibleCompute.FindStringSubmatch(p); m != nil {
		if m[1] == "Burstable" {
			size := strings.ToLower(strings.NewReplacer(" ", "", "_", "").Replace(it.MeterName))
			return one(it, price, tier, "compute/burstable/"+size, "hours")
		}
		if !strings.HasSuffix(it.MeterName, "vCore") {
			return nil
		}
		return perVCore(it, price, tier, "compute/"+flexibleTiers[m[1]]+"/"+strings.ToLower(m[2]))
	}
	switch it.MeterName {
	case "Storage Data Stored":
		if strings.HasSuffix(p, "Flexible Server Storage") {
			return one(it, price, tier, "storage", "GB-months")
		}
	case "Backup Storage LRS Data Stored":
		return one(it, price, tier, "backup", "GB-months")
	}
	return nil
}

var (
	appServicePlan = regexp.MustCompile(`^Azure App Service (.+) Plan(?: - (Linux|Windows))?$`)
	appServiceSKU  = regexp.MustCompile(`^[a-z]+\d+[a-z0-9]*$`)
)

func appServiceRows(it item, price, tier decimal.Decimal) []row {
	m := appServicePlan.FindStringSubmatch(it.ProductName)
	if m == nil {
		return nil
	}
	sku := strings.ToLower(strings.Join(strings.Fields(it.SkuName), ""))
	if !appServiceSKU.MatchString(sku) {
		return nil
	}
	// The Windows product has no suffix; a few say " - Windows".
	os := "windows"
	if m[2] == "Linux" {
		os = "linux"
	}
	return one(it, price, tier, "plan/"+sku+"/"+os, "hours")
}
