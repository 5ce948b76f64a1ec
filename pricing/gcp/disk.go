package gcp

import "github.com/tollgate-dev/tollgate/pricing"

var diskModel = pricing.Model{
	Type: "google_compute_disk",
	Price: regional(func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		return readDisk(r.Attrs, false).components(p)
	}),
}

// A regional disk is replicated in two zones, and billed at the regional
// (replicated) price per GB.
var regionDiskModel = pricing.Model{
	Type: "google_compute_region_disk",
	Price: regional(func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		return readDisk(r.Attrs, true).components(p)
	}),
}

// readDisk reads a persistent disk resource. Its size, when not set, comes
// from its image or snapshot, which the plan does not show.
func readDisk(a pricing.Attrs, regional bool) disk {
	d := disk{label: "Storage", regional: regional}
	d.typ, d.typeAssumed = diskType(a, "type")
	d.readSize(a, "size", "", pricing.Zero)
	if d.sizeReason != "" {
		for _, src := range []string{"image", "snapshot", "source_disk"} {
			if s, _ := a.String(src); s != "" {
				d.sizeReason += " (it is the size of " + src + " " + s + ")"
				break
			}
		}
	}
	if iops, ok := a.Decimal("provisioned_iops"); ok {
		d.iops = iops
	}
	return d
}
