package azure

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

const (
	usageWriteOps = "monthly_write_operations"
	usageReadOps  = "monthly_read_operations"
)

var storageAccountModel = model("azurerm_storage_account", []pricing.UsageKey{
	{Name: usageStorageGB, Description: "average data stored in block blobs, in GB"},
	{Name: usageWriteOps, Description: "blob write operations (put, create container, list) a month"},
	{Name: usageReadOps, Description: "blob read operations a month"},
}, "", priceStorageAccount)

var replications = map[string]string{
	"LRS": "lrs", "ZRS": "zrs", "GRS": "grs", "RAGRS": "ragrs", "GZRS": "gzrs", "RAGZRS": "ragzrs",
}

// blobTiers are the capacity tiers of block blob storage: the first 50 TB
// a month, the next 450 TB, and the rest (Azure counts a TB as 1,024 GB).
// A meter without a later tier keeps its price past it.
var blobTiers = []struct {
	label  string
	size   decimal.Decimal
	suffix string
}{
	{"first 50 TB", decimal.NewFromInt(50 * 1024), ""},
	{"next 450 TB", decimal.NewFromInt(450 * 1024), "/over-50tb"},
	{"over 500 TB", decimal.Zero, "/over-500tb"},
}

// priceStorageAccount prices the block blobs of a general-purpose v2,
// Blob Storage or premium block blob account from the usage file. Files,
// queues, tables and page blobs are not priced.
func priceStorageAccount(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	kind := a.StringOr("account_kind", "StorageV2")
	tier := a.StringOr("account_tier", "Standard")
	repl := a.StringOr("account_replication_type", "")
	access := strings.ToLower(a.StringOr("access_tier", "Hot"))
	if kind == "BlockBlobStorage" || tier == "Premium" {
		access = "premium"
	}
	red, ok := replications[repl]
	base := "blob/" + access + "/" + red
	label := []string{titleCase(access), repl}
	comps := storageTiers(p, label, base)
	comps = append(comps,
		p.UsageScaled(pricing.Qualified("Write operations", label...), "10k operations", usageWriteOps, perTenThou, storageService, base+"/write"),
		p.UsageScaled(pricing.Qualified("Read operations", label...), "10k operations", usageReadOps, perTenThou, storageService, base+"/read"),
	)
	switch {
	case a.Unknown("account_replication_type") || a.Unknown("account_kind") || a.Unknown("account_tier") || a.Unknown("access_tier"):
		return pricing.UnpriceAll(comps, pricing.UnknownAttr("the account's kind, tier or replication"))
	case !ok:
		return pricing.UnpriceAll(comps, "account_replication_type "+repl+" is not LRS, ZRS, GRS, RAGRS, GZRS or RAGZRS")
	case kind == "FileStorage":
		return pricing.UnpriceAll(comps, "Azure Files (FileStorage accounts) prices are not in the catalog")
	case kind == "Storage":
		return pricing.UnpriceAll(comps, "general-purpose v1 (Storage) account prices are not in the catalog")
	case kind == "StorageV2" && tier == "Premium":
		return pricing.UnpriceAll(comps, "premium page blob (Premium StorageV2) prices are not in the catalog")
	case access != "hot" && access != "cool" && access != "cold" && access != "premium":
		return pricing.UnpriceAll(comps, "access_tier "+a.StringOr("access_tier", "")+" is not Hot, Cool or Cold")
	}
	return comps
}

// storageTiers splits storage_gb across the capacity tiers. The first
// tier always appears (0 when the usage file says nothing); later ones
// only when the quantity reaches them.
func storageTiers(p pricing.Pricer, label []string, base string) []pricing.Component {
	left, given := p.Usage().Decimal(usageStorageGB)
	var comps []pricing.Component
	key := base
	for i, t := range blobTiers {
		q := left
		if !t.size.IsZero() && q.GreaterThan(t.size) {
			q = t.size
		}
		if i > 0 && !q.IsPositive() {
			break
		}
		name := pricing.Qualified("Blob storage", label[0], label[1], t.label)
		c := p.Component(name, "GB", q, storageService, base+t.suffix)
		if i > 0 && !c.Priced() {
			c = p.Component(name, "GB", q, storageService, key)
		} else {
			key = base + t.suffix
		}
		comps = append(comps, c.FromUsage(usageStorageGB, given))
		left = left.Sub(q)
	}
	return comps
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
