package aws

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// Free baselines of gp3 volumes: IOPS and throughput above them are billed.
var (
	gp3BaseIOPS       = pricing.Dec("3000")
	gp3BaseThroughput = pricing.Dec("125") // MiB/s
	// io2 IOPS are billed in tiers: up to 32,000, 32,001 to 64,000, above.
	io2Tier1 = pricing.Dec("32000")
	io2Tier2 = pricing.Dec("64000")
	// Volume sizes AWS uses when none is configured: the usual root volume
	// of an AMI, and the disk of an EKS managed node group.
	defaultRootSize     = pricing.Dec("8")
	defaultNodeDiskSize = pricing.Dec("20")
)

// ebsType describes a volume type for component names.
type ebsType struct{ kind, name string }

var ebsTypes = map[string]ebsType{
	"gp2":      {"general purpose SSD", "gp2"},
	"gp3":      {"general purpose SSD", "gp3"},
	"io1":      {"provisioned IOPS SSD", "io1"},
	"io2":      {"provisioned IOPS SSD", "io2"},
	"st1":      {"throughput optimized HDD", "st1"},
	"sc1":      {"cold HDD", "sc1"},
	"standard": {"magnetic", ""},
}

// ebsVolume is one EBS volume as it is billed, wherever it is declared: an
// aws_ebs_volume, an instance's block device, a launch template mapping.
type ebsVolume struct {
	label       string // prefix of the component names, e.g. "Root volume: "
	path        string // attribute path prefix for reasons, e.g. "root_block_device."
	volumeType  string
	typeAssumed bool // AWS's default type, not a configured one
	size        decimal.Decimal
	sizeKnown   bool
	sizeAssumed bool   // a default size, not a configured one
	sizeReason  string // why the size is not known
	iops        optionalNumber
	throughput  optionalNumber
}

// optionalNumber is a numeric attribute that may be unset or known only
// after apply.
type optionalNumber struct {
	value   decimal.Decimal
	set     bool
	unknown bool
}

func attrNumber(a pricing.Attrs, name string) optionalNumber {
	if a.Unknown(name) {
		return optionalNumber{unknown: true}
	}
	d, ok := a.Decimal(name)
	return optionalNumber{value: d, set: ok}
}

// volumeAttrs names the attributes of a volume, which differ between an
// aws_ebs_volume (type, size) and block devices (volume_type, volume_size).
type volumeAttrs struct{ typ, size string }

var (
	volumeResourceAttrs = volumeAttrs{"type", "size"}
	blockDeviceAttrs    = volumeAttrs{"volume_type", "volume_size"}
)

// readVolume reads a volume's configuration. A missing type is AWS's
// default, gp2; a missing size is left to the caller, which knows whether
// a default applies.
func readVolume(a pricing.Attrs, names volumeAttrs, label, path string) ebsVolume {
	v := ebsVolume{label: label, path: path, iops: attrNumber(a, "iops"), throughput: attrNumber(a, "throughput")}
	if t, ok := a.String(names.typ); ok && t != "" {
		v.volumeType = t
	} else {
		v.volumeType, v.typeAssumed = "gp2", true
	}
	if size, ok := a.Decimal(names.size); ok {
		v.size, v.sizeKnown = size, true
	} else {
		v.sizeReason = pricing.UnknownAttr(path + names.size)
		if !a.Unknown(names.size) {
			v.sizeReason = path + names.size + " is not set"
		}
		if snap, ok := a.String("snapshot_id"); ok && snap != "" {
			v.sizeReason += " (the size comes from snapshot " + snap + ")"
		}
	}
	return v
}

// assumeSize gives the volume a default size when none is known.
func (v ebsVolume) assumeSize(size decimal.Decimal) ebsVolume {
	if !v.sizeKnown {
		v.size, v.sizeKnown, v.sizeAssumed, v.sizeReason = size, true, true, ""
	}
	return v
}

// defaultRootVolume is the root volume of an instance whose configuration
// says nothing about it: the AMI decides, most often 8 GB of gp2.
func defaultRootVolume() ebsVolume {
	return ebsVolume{label: "Root volume: ", volumeType: "gp2", typeAssumed: true}.assumeSize(defaultRootSize)
}

func (v ebsVolume) storageName() string {
	t := ebsTypes[v.volumeType]
	parts := []string{t.kind}
	if t.name != "" {
		parts = append(parts, t.name)
	}
	if v.sizeAssumed {
		parts = append(parts, v.size.String()+" GB")
	}
	s := strings.Join(parts, ", ")
	if v.typeAssumed || v.sizeAssumed {
		s += " assumed"
	}
	return v.label + "Storage (" + s + ")"
}

// components prices one volume for a month.
func (v ebsVolume) components(p pricing.Pricer) []pricing.Component {
	if _, ok := ebsTypes[v.volumeType]; !ok {
		return []pricing.Component{pricing.Unpriced(v.label+"Storage ("+v.volumeType+")", "GB",
			fmt.Sprintf("volume type %q is not an EBS volume type (gp2, gp3, io1, io2, st1, sc1, standard)", v.volumeType))}
	}
	var out []pricing.Component
	if v.sizeKnown {
		out = append(out, p.Component(v.storageName(), "GB", v.size, "aws-ebs", "storage/"+v.volumeType))
	} else {
		out = append(out, pricing.Unpriced(v.storageName(), "GB", v.sizeReason))
	}
	switch v.volumeType {
	case "gp3":
		// Unset or not yet known IOPS and throughput are the free baseline:
		// the provider leaves them unknown exactly when they are not set.
		if v.iops.set && v.iops.value.GreaterThan(gp3BaseIOPS) {
			out = append(out, p.Component(v.label+"Provisioned IOPS (above 3,000)", "IOPS", v.iops.value.Sub(gp3BaseIOPS), "aws-ebs", "iops/gp3"))
		}
		if v.throughput.set && v.throughput.value.GreaterThan(gp3BaseThroughput) {
			out = append(out, p.Component(v.label+"Provisioned throughput (above 125 MiB/s)", "MiBps", v.throughput.value.Sub(gp3BaseThroughput), "aws-ebs", "throughput/gp3"))
		}
	case "io1":
		if c, ok := v.iopsMissing("Provisioned IOPS"); ok {
			return append(out, c)
		}
		out = append(out, p.Component(v.label+"Provisioned IOPS", "IOPS", v.iops.value, "aws-ebs", "iops/io1"))
	case "io2":
		if c, ok := v.iopsMissing("Provisioned IOPS"); ok {
			return append(out, c)
		}
		out = append(out, v.io2IOPS(p)...)
	case "standard":
		out = append(out, ioRequests(p, v.label))
	}
	return out
}

// iopsMissing is the unpriced IOPS component of an io1/io2 volume whose
// IOPS are not known.
func (v ebsVolume) iopsMissing(name string) (pricing.Component, bool) {
	switch {
	case v.iops.unknown:
		return pricing.Unpriced(v.label+name, "IOPS", pricing.UnknownAttr(v.path+"iops")), true
	case !v.iops.set:
		return pricing.Unpriced(v.label+name, "IOPS", v.path+"iops is not set (AWS requires it for "+v.volumeType+")"), true
	}
	return pricing.Component{}, false
}

// io2IOPS splits provisioned IOPS across the io2 price tiers; only tiers
// with IOPS in them appear.
func (v ebsVolume) io2IOPS(p pricing.Pricer) []pricing.Component {
	tiers := []struct {
		name, key  string
		from, upto decimal.Decimal // upto zero means no upper bound
	}{
		{"Provisioned IOPS (up to 32,000)", "iops/io2/tier1", decimal.Zero, io2Tier1},
		{"Provisioned IOPS (32,001 to 64,000)", "iops/io2/tier2", io2Tier1, io2Tier2},
		{"Provisioned IOPS (above 64,000)", "iops/io2/tier3", io2Tier2, decimal.Zero},
	}
	var out []pricing.Component
	for _, t := range tiers {
		q := v.iops.value.Sub(t.from)
		if !t.upto.IsZero() {
			q = decimal.Min(q, t.upto.Sub(t.from))
		}
		if q.IsPositive() {
			out = append(out, p.Component(v.label+t.name, "IOPS", q, "aws-ebs", t.key))
		}
	}
	return out
}

// ioRequests is the usage-based I/O requests component of a magnetic
// volume; the usage file counts requests, the price is per million.
func ioRequests(p pricing.Pricer, label string) pricing.Component {
	n, given := p.Usage().Decimal(usageStandardIO)
	return p.Component(label+"I/O requests", "1M requests", n.Div(millionRequests), "aws-ebs", "io-requests/standard").
		FromUsage(usageStandardIO, given)
}

var standardIOUsage = pricing.UsageKey{
	Name:        usageStandardIO,
	Description: "I/O requests a month to each magnetic (standard) volume",
}

var ebsVolumeModel = pricing.Model{
	Type:  "aws_ebs_volume",
	Usage: []pricing.UsageKey{standardIOUsage},
	Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		return readVolume(r.Attrs, volumeResourceAttrs, "", "").components(p)
	},
}

// Snapshots are incremental: their size depends on the data, not on the
// configuration, so it comes from the usage file, or is bounded above by
// the size of the volume they copy.
var ebsSnapshotModel = pricing.Model{
	Type: "aws_ebs_snapshot",
	Usage: []pricing.UsageKey{{
		Name:        usageStorageGB,
		Description: "GB the snapshot stores (its blocks that differ from earlier snapshots)",
	}},
	Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		name, key := "Snapshot storage", "snapshot/standard"
		if tier, _ := r.Attrs.String("storage_tier"); tier == "archive" {
			name, key = "Snapshot storage (archive tier)", "snapshot/archive"
		}
		if _, ok := p.Usage().Decimal(usageStorageGB); ok {
			return []pricing.Component{p.UsageComponent(name, "GB", usageStorageGB, "aws-ebs", key)}
		}
		// Without storage_gb the component stays usage-based with no key:
		// the size is the usage file's to give, so it is not a missing price.
		if size, ok := snapshotVolumeSize(r); ok {
			return []pricing.Component{p.Component(name+" (upper bound: the full volume)", "GB", size, "aws-ebs", key).
				FromUsage(usageStorageGB, false)}
		}
		return []pricing.Component{pricing.Unpriced(name, "GB", "the snapshot's size depends on the data it stores; set storage_gb in the usage file").
			FromUsage(usageStorageGB, false)}
	},
}

// snapshotVolumeSize is the size of the volume a snapshot copies: its own
// volume_size once known, else the size of the volume it refers to.
func snapshotVolumeSize(r pricing.Resource) (decimal.Decimal, bool) {
	if size, ok := r.Attrs.Decimal("volume_size"); ok {
		return size, true
	}
	if vol, ok := r.Follow("volume_id"); ok {
		return vol.Attrs.Decimal("size")
	}
	return decimal.Zero, false
}
