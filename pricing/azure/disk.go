package azure

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// diskKind is a managed disk type as storage_account_type names it.
type diskKind struct {
	label  string // "Premium SSD"
	prefix string // tier letter: P, E or S
	// ops names the transaction price of standard disks, which bill
	// operations on top of the tier; empty for Premium SSD.
	ops        string
	redundancy string // lrs or zrs
}

var diskKinds = map[string]diskKind{
	"Premium_LRS":     {"Premium SSD", "P", "", "lrs"},
	"Premium_ZRS":     {"Premium SSD", "P", "", "zrs"},
	"StandardSSD_LRS": {"Standard SSD", "E", "standard-ssd", "lrs"},
	"StandardSSD_ZRS": {"Standard SSD", "E", "standard-ssd", "zrs"},
	"Standard_LRS":    {"Standard HDD", "S", "standard-hdd", "lrs"},
}

// Ultra Disks and Premium SSD v2 are billed by provisioned capacity, IOPS
// and throughput, which the catalog does not hold.
var provisionedDiskKinds = map[string]string{
	"UltraSSD_LRS":  "Ultra Disk",
	"PremiumV2_LRS": "Premium SSD v2",
}

// diskTier is a billed disk size: a disk is billed as the smallest tier
// that holds it.
type diskTier struct {
	number int   // the tier's number: 10 in P10, E10, S10
	maxGiB int64 // largest size it holds
}

// diskTiers are Azure's managed disk sizes; Standard HDD starts at S4.
var diskTiers = []diskTier{
	{1, 4}, {2, 8}, {3, 16}, {4, 32}, {6, 64}, {10, 128}, {15, 256}, {20, 512},
	{30, 1024}, {40, 2048}, {50, 4096}, {60, 8192}, {70, 16384}, {80, 32767},
}

// tierFor returns the tier name (P10) of a disk, or why there is none.
func tierFor(k diskKind, size decimal.Decimal) (string, string) {
	for _, t := range diskTiers {
		if k.prefix == "S" && t.number < 4 {
			continue
		}
		if size.LessThanOrEqual(decimal.NewFromInt(t.maxGiB)) {
			return fmt.Sprintf("%s%d", k.prefix, t.number), ""
		}
	}
	return "", fmt.Sprintf("%s GB is larger than the largest %s disk (32,767 GB)", size, k.label)
}

// managedDisk is one disk as a VM, a scale set or azurerm_managed_disk
// configures it.
type managedDisk struct {
	label       string // "OS disk", "Data disk 1"; empty for a disk resource
	accountType string
	typeReason  string // why accountType is empty
	typeAssumed bool   // accountType is a service's default
	size        decimal.Decimal
	sizeReason  string // why size is unknown
	sizeAssumed bool   // size is the image's or service's default
}

// components prices the disk for a month: its tier, and for standard
// disks the operations given in the usage file (withOps).
func (d managedDisk) components(p pricing.Pricer, withOps bool) []pricing.Component {
	what := "Storage"
	if d.label != "" {
		what = d.label + " storage"
	}
	if d.typeReason != "" {
		return []pricing.Component{pricing.Unpriced(what, "months", d.typeReason)}
	}
	if label, ok := provisionedDiskKinds[d.accountType]; ok {
		return []pricing.Component{pricing.Unpriced(pricing.Qualified(what, label), "months",
			label+" is billed by provisioned capacity, IOPS and throughput, which the catalog does not hold")}
	}
	k, ok := diskKinds[d.accountType]
	if !ok {
		return []pricing.Component{pricing.Unpriced(what, "months",
			fmt.Sprintf("storage account type %q is not Standard_LRS, StandardSSD_LRS, StandardSSD_ZRS, Premium_LRS or Premium_ZRS", d.accountType))}
	}
	if d.sizeReason != "" {
		return []pricing.Component{pricing.Unpriced(pricing.Qualified(what, k.label), "months", d.sizeReason)}
	}
	tier, why := tierFor(k, d.size)
	kind, size := k.label+" "+tier, d.size.String()+" GB"
	if d.typeAssumed {
		kind += " assumed"
	}
	if d.sizeAssumed {
		size += " assumed"
	}
	name := pricing.Qualified(what, kind, strings.ToUpper(k.redundancy), size)
	if why != "" {
		return []pricing.Component{pricing.Unpriced(pricing.Qualified(what, k.label), "months", why)}
	}
	out := []pricing.Component{p.Component(name, "months", one, diskService, "disk/"+tier+"/"+k.redundancy)}
	if withOps && k.ops != "" {
		ops := "Disk operations"
		if d.label != "" {
			ops = d.label + " operations"
		}
		out = append(out, p.UsageScaled(pricing.Qualified(ops, k.label), "10k operations",
			usageDiskOperations, perTenThou, diskService, "operations/"+k.ops+"/"+k.redundancy))
	}
	return out
}

const usageDiskOperations = "monthly_disk_operations"

var managedDiskModel = model("azurerm_managed_disk", []pricing.UsageKey{
	{Name: usageDiskOperations, Description: "read and write operations a month on a Standard HDD or Standard SSD disk (Premium SSD includes them)"},
}, "", func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	d := managedDisk{}
	d.accountType, d.typeReason = a.NeedString("storage_account_type")
	switch size, ok := a.Decimal("disk_size_gb"); {
	case ok && size.IsPositive():
		d.size = size
	case a.Unknown("disk_size_gb"):
		// Copied or imported disks take their source's size.
		d.sizeReason = pricing.UnknownAttr("disk_size_gb")
	default:
		d.sizeReason = "disk_size_gb is not set"
	}
	return d.components(p, true)
})
