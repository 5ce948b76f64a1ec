package gcp

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// Disk defaults of Compute Engine: a boot disk created from an image
// without a size has the image's size, 10 GB for most public images, and
// pd-standard is the API's default disk type.
var defaultBootSize = pricing.Dec("10")

const defaultDiskType = "pd-standard"

var instanceModel = pricing.Model{
	Type: "google_compute_instance",
	Price: regional(func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		return readInstance(r.Attrs).components(p, one, "")
	}),
}

// readInstance reads a google_compute_instance. Disks attached from
// google_compute_disk resources (attached_disk, a boot_disk with source)
// are priced on their own.
func readInstance(a pricing.Attrs) vm {
	m := vm{spot: readSpot(a), gpus: readGPUs(a)}
	m.machineType, m.typeReason = a.NeedString("machine_type")
	if b, ok := a.Block("boot_disk"); ok {
		if ip, ok := b.Block("initialize_params"); ok {
			d := disk{label: "Boot disk"}
			d.typ, d.typeAssumed = diskType(ip, "type")
			d.readSize(ip, "size", "boot_disk.initialize_params.", defaultBootSize)
			m.disks = append(m.disks, d)
			m.image = ip.StringOr("image", "")
		} else if src, _ := b.String("source"); src == "" {
			m.disks = append(m.disks, disk{label: "Boot disk", typ: defaultDiskType, typeAssumed: true, size: defaultBootSize, sizeAssumed: true})
		}
	}
	m.localSSDGB = decimal.Zero
	for _, s := range a.Blocks("scratch_disk") {
		size, ok := s.Decimal("size")
		if !ok || !size.IsPositive() {
			size = localSSDSize
		}
		m.localSSDGB = m.localSSDGB.Add(size)
	}
	return m
}

// diskType returns a disk's type, or the API default.
func diskType(a pricing.Attrs, attr string) (string, bool) {
	if t, ok := a.String(attr); ok && t != "" {
		return t, false
	}
	return defaultDiskType, true
}

// readTemplate reads a google_compute_instance_template (or its regional
// twin): the VM each instance of a group runs.
func readTemplate(a pricing.Attrs) vm {
	m := vm{spot: readSpot(a), gpus: readGPUs(a), localSSDGB: decimal.Zero}
	m.machineType, m.typeReason = a.NeedString("machine_type")
	for i, d := range a.Blocks("disk") {
		if strings.EqualFold(d.StringOr("type", ""), "SCRATCH") || d.StringOr("disk_type", "") == "local-ssd" {
			size, ok := d.Decimal("disk_size_gb")
			if !ok || !size.IsPositive() {
				size = localSSDSize
			}
			m.localSSDGB = m.localSSDGB.Add(size)
			continue
		}
		if src, _ := d.String("source"); src != "" {
			continue // an existing disk, priced as a google_compute_disk
		}
		boot, set := d.Bool("boot")
		if !set {
			boot = i == 0 // the first disk boots unless it says otherwise
		}
		pd := disk{label: "Disk"}
		def := decimal.Zero
		if boot {
			pd.label, def = "Boot disk", defaultBootSize
			m.image = d.StringOr("source_image", "")
		}
		pd.typ, pd.typeAssumed = diskType(d, "disk_type")
		pd.readSize(d, "disk_size_gb", "disk.", def)
		m.disks = append(m.disks, pd)
	}
	return m
}

// templateTypes are the resources a group manager's template can be.
var templateTypes = map[string]bool{
	"google_compute_instance_template":        true,
	"google_compute_region_instance_template": true,
}

const usageInstances = "instances"

// groupManagerModel prices a managed instance group: target_size VMs of
// its (first) version's instance template.
func groupManagerModel(typ string) pricing.Model {
	return pricing.Model{
		Type: typ,
		Usage: []pricing.UsageKey{{Name: usageInstances,
			Description: "number of instances the group runs, when an autoscaler sizes it (target_size not set)"}},
		Price: regional(priceGroupManager),
	}
}

func priceGroupManager(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	n, note, reason := groupSize(a, p.Usage())
	if reason == "" && n.IsZero() {
		return nil
	}
	t, ok := r.Follow("version")
	if !ok {
		t, ok = r.Follow("instance_template")
	}
	var m vm
	switch {
	case !ok:
		m.typeReason = "the group's instance template is not in the plan"
	case !templateTypes[t.Type]:
		m.typeReason = "the group's template " + t.Address + " is not an instance template"
	default:
		m = readTemplate(t.Attrs)
		if len(a.Blocks("version")) > 1 {
			note = strings.TrimPrefix(note+", every version priced as the first", ", ")
		}
	}
	if reason != "" {
		return pricing.UnpriceAll(m.components(p, one, ""), reason)
	}
	return m.components(p, n, note)
}

// groupSize is how many instances a group runs: target_size, else the
// usage file's count.
func groupSize(a pricing.Attrs, u pricing.Usage) (n decimal.Decimal, note, reason string) {
	if size, ok := a.Decimal("target_size"); ok && !size.IsNegative() {
		return size, "", ""
	}
	if size, ok := u.Decimal(usageInstances); ok && !size.IsNegative() {
		return size, "instances from the usage file", ""
	}
	if a.Unknown("target_size") {
		return decimal.Zero, "", pricing.UnknownAttr("target_size") + "; set " + usageInstances + " in the usage file"
	}
	return decimal.Zero, "", "target_size is not set (an autoscaler sizes the group); set " + usageInstances + " in the usage file"
}
