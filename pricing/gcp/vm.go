package gcp

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// vm is what one Compute Engine VM is billed for, wherever it is
// configured: a google_compute_instance, an instance template behind a
// group manager, a GKE node pool's node_config.
type vm struct {
	machineType string
	typeReason  string // why machineType is empty
	typeAssumed bool   // a service's default, not a configured type
	spot        bool   // Spot or preemptible
	disks       []disk // persistent disks created with the VM, boot first
	localSSDGB  decimal.Decimal
	gpus        []gpu
	image       string // boot image, for premium-image licences
}

type gpu struct {
	model string
	count decimal.Decimal
}

// Local SSD disks are 375 GB each unless sized otherwise.
var localSSDSize = pricing.Dec("375")

// components prices count VMs for a month; note explains how count was
// chosen when it is an assumption.
func (m vm) components(p pricing.Pricer, count decimal.Decimal, note string) []pricing.Component {
	var notes []string
	if m.typeAssumed {
		notes = append(notes, "type assumed")
	}
	if note != "" {
		notes = append(notes, note)
	}
	var each []pricing.Component
	if m.machineType == "" {
		each = append(each, hours(pricing.Unpriced(pricing.Qualified("Instance usage", notes...), "hours", m.typeReason)))
	} else {
		each = append(each, machine(p, m.machineType, m.spot, notes...)...)
	}
	for _, d := range m.disks {
		each = append(each, d.components(p)...)
	}
	if m.localSSDGB.IsPositive() {
		each = append(each, p.Component("Local SSD", "GB-months", m.localSSDGB, computeService, "local-ssd"))
	}
	for _, g := range m.gpus {
		c := pricing.Unpriced(pricing.Qualified("GPUs", g.model), "hours", "GPU prices are not in the catalog")
		c.Quantity = g.count.Mul(pricing.Hours)
		each = append(each, c)
	}
	if os := premiumImage(m.image); os != "" {
		each = append(each, hours(pricing.Unpriced(pricing.Qualified("Licence", os+" image"), "hours", "licence fees of premium images are not in the catalog")))
	}
	return pricing.Times(each, count)
}

// premiumImages are the public image projects whose images carry a
// licence fee, and the operating system they are billed for.
var premiumImages = map[string]string{
	"windows-cloud":       "Windows Server",
	"windows-sql-cloud":   "Windows Server with SQL Server",
	"rhel-cloud":          "Red Hat Enterprise Linux",
	"rhel-sap-cloud":      "Red Hat Enterprise Linux for SAP",
	"suse-cloud":          "SUSE Linux Enterprise Server",
	"suse-sap-cloud":      "SUSE Linux Enterprise Server for SAP",
	"ubuntu-os-pro-cloud": "Ubuntu Pro",
}

// premiumImage names the licensed operating system of a boot image
// (projects/windows-cloud/global/images/family/windows-2022,
// rhel-cloud/rhel-9, or an image or family name alone such as
// windows-2022), or "" for free and unknown images.
func premiumImage(image string) string {
	parts := strings.Split(strings.ToLower(image), "/")
	for _, p := range parts {
		if os, ok := premiumImages[p]; ok {
			return os
		}
	}
	name := parts[len(parts)-1]
	for prefix, project := range map[string]string{"windows-": "windows-cloud", "rhel-": "rhel-cloud", "sles-": "suse-cloud"} {
		if len(parts) == 1 && strings.HasPrefix(name, prefix) {
			return premiumImages[project]
		}
	}
	return ""
}

// disk is one persistent disk as it is billed.
type disk struct {
	label       string // e.g. "Boot disk"
	typ         string
	typeAssumed bool
	size        decimal.Decimal
	sizeAssumed bool
	sizeReason  string // why the size is not known
	regional    bool
	iops        decimal.Decimal // provisioned IOPS of pd-extreme
}

func (d disk) components(p pricing.Pricer) []pricing.Component {
	var quals []string
	quals = append(quals, d.typ)
	if d.regional {
		quals = append(quals, "regional")
	}
	if d.typeAssumed {
		quals = append(quals, "type assumed")
	}
	if d.sizeAssumed {
		quals = append(quals, "size assumed")
	}
	name := pricing.Qualified(d.label, quals...)
	key := "disk/" + d.typ
	if d.regional {
		key += "/regional"
	}
	var out []pricing.Component
	if d.sizeReason != "" {
		out = append(out, pricing.Unpriced(name, "GB-months", d.sizeReason))
	} else {
		out = append(out, p.Component(name, "GB-months", d.size, computeService, key))
	}
	if d.typ == "pd-extreme" && d.iops.IsPositive() {
		out = append(out, p.Component(pricing.Qualified(d.label+" provisioned IOPS", d.typ), "IOPS-months", d.iops, computeService, key+"/iops"))
	}
	return out
}

// readDiskSize sets a disk's size from a number attribute; def is the
// size to assume when it is not set (zero: none can be assumed).
func (d *disk) readSize(a pricing.Attrs, attr, path string, def decimal.Decimal) {
	if s, ok := a.Decimal(attr); ok && s.IsPositive() {
		d.size = s
		return
	}
	if def.IsPositive() {
		d.size, d.sizeAssumed = def, true
		return
	}
	d.sizeReason = path + attr + " is not set"
	if a.Unknown(attr) {
		d.sizeReason = pricing.UnknownAttr(path + attr)
	}
}

// readGPUs reads guest_accelerator blocks.
func readGPUs(a pricing.Attrs) []gpu {
	var out []gpu
	for _, g := range a.Blocks("guest_accelerator") {
		n, ok := g.Decimal("count")
		if !ok || !n.IsPositive() {
			continue
		}
		out = append(out, gpu{model: g.StringOr("type", "unknown type"), count: n})
	}
	return out
}

// readSpot reports whether a scheduling block asks for Spot or
// preemptible VMs.
func readSpot(a pricing.Attrs) bool {
	s, ok := a.Block("scheduling")
	if !ok {
		return false
	}
	pre, _ := s.Bool("preemptible")
	return pre || strings.EqualFold(s.StringOr("provisioning_model", ""), "SPOT")
}
