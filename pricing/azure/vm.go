package azure

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// vmSpec is what one virtual machine is billed for, wherever it is
// configured: a VM, each instance of a scale set, each node of an AKS
// pool.
type vmSpec struct {
	size       string
	sizeReason string // why size is empty
	os         string // linux or windows
	// hybridBenefit is a Windows licence the customer brings (Azure
	// Hybrid Benefit): the VM is billed at the Linux rate.
	hybridBenefit bool
	spot          bool
	disks         []managedDisk
	note          string // how many VMs there are, when it is an assumption
}

// Image sizes Azure gives an OS disk that names none: marketplace Linux
// images are 30 GiB, Windows Server images 127 GiB.
var imageDiskGB = map[string]decimal.Decimal{"linux": decimal.NewFromInt(30), "windows": decimal.NewFromInt(127)}

// components prices n such VMs for a month: the VM hours, then each VM's
// disks.
func (v vmSpec) components(p pricing.Pricer, n decimal.Decimal) []pricing.Component {
	label, key := "Linux", "linux"
	if v.os == "windows" {
		label, key = "Windows", "windows"
		if v.hybridBenefit {
			label, key = "Windows, Azure Hybrid Benefit", "linux"
		}
	}
	var c pricing.Component
	switch {
	case v.sizeReason != "":
		c = pricing.Unpriced(pricing.Qualified("Virtual machine", label), "hours", v.sizeReason)
		c.Quantity = pricing.Hours
	case v.spot:
		c = pricing.Unpriced(pricing.Qualified("Virtual machine", label, "spot", v.size, v.note), "hours", "spot prices are not in the catalog")
		c.Quantity = pricing.Hours
	default:
		c = p.Hourly(pricing.Qualified("Virtual machine", label, v.size, v.note), one, vmService, "vm/"+v.size+"/"+key)
	}
	out := []pricing.Component{c}
	for _, d := range v.disks {
		out = append(out, d.components(p, false)...)
	}
	return pricing.Times(out, n)
}

// readVM reads the attributes azurerm_linux_virtual_machine,
// azurerm_windows_virtual_machine and their scale sets share.
func readVM(a pricing.Attrs, sizeAttr, os string) vmSpec {
	v := vmSpec{os: os}
	v.size, v.sizeReason = a.NeedString(sizeAttr)
	v.spot = a.StringOr("priority", "Regular") == "Spot"
	if os == "windows" {
		v.hybridBenefit = hybridLicence(a.StringOr("license_type", ""))
	}
	if od, ok := a.Block("os_disk"); ok {
		if d, billed := readOSDisk(od, os); billed {
			v.disks = append(v.disks, d)
		}
	}
	return v
}

func hybridLicence(licenseType string) bool {
	return licenseType == "Windows_Server" || licenseType == "Windows_Client"
}

// readOSDisk reads an os_disk block; billed is false for an ephemeral OS
// disk, which lives on the VM's local storage.
func readOSDisk(od pricing.Attrs, os string) (managedDisk, bool) {
	if _, ephemeral := od.Block("diff_disk_settings"); ephemeral {
		return managedDisk{}, false
	}
	d := managedDisk{label: "OS disk"}
	d.accountType, d.typeReason = od.NeedString("storage_account_type")
	if size, ok := od.Decimal("disk_size_gb"); ok && size.IsPositive() {
		d.size = size
	} else {
		// Left unset, the disk is the size of the image.
		d.size, d.sizeAssumed = imageDiskGB[os], true
	}
	return d, true
}

var linuxVMModel = model("azurerm_linux_virtual_machine", nil, "", func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	return readVM(r.Attrs, "size", "linux").components(p, one)
})

var windowsVMModel = model("azurerm_windows_virtual_machine", nil, "", func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	return readVM(r.Attrs, "size", "windows").components(p, one)
})

// legacyVMModel prices azurerm_virtual_machine, the provider's original
// VM resource.
var legacyVMModel = model("azurerm_virtual_machine", nil, "", func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	v := vmSpec{os: legacyOS(a)}
	v.size, v.sizeReason = a.NeedString("vm_size")
	v.hybridBenefit = v.os == "windows" && hybridLicence(a.StringOr("license_type", ""))
	out := v.components(p, one)
	if od, ok := a.Block("storage_os_disk"); ok {
		out = append(out, legacyDisk(od, "OS disk", v.os).components(p, false)...)
	}
	for i, dd := range a.Blocks("storage_data_disk") {
		// An attached disk is an azurerm_managed_disk, priced on its own.
		if strings.EqualFold(dd.StringOr("create_option", ""), "Attach") {
			continue
		}
		out = append(out, legacyDisk(dd, fmt.Sprintf("Data disk %d", i+1), "").components(p, false)...)
	}
	return out
})

// legacyOS tells a Windows azurerm_virtual_machine from a Linux one by
// its Windows-only settings and image.
func legacyOS(a pricing.Attrs) string {
	if _, ok := a.Block("os_profile_windows_config"); ok {
		return "windows"
	}
	if od, ok := a.Block("storage_os_disk"); ok && strings.EqualFold(od.StringOr("os_type", ""), "Windows") {
		return "windows"
	}
	if img, ok := a.Block("storage_image_reference"); ok && strings.Contains(strings.ToLower(img.StringOr("publisher", "")+img.StringOr("offer", "")), "windows") {
		return "windows"
	}
	return "linux"
}

// legacyDisk reads a storage_os_disk or storage_data_disk block; os is
// set for the OS disk, whose size defaults to the image's.
func legacyDisk(b pricing.Attrs, label, os string) managedDisk {
	d := managedDisk{label: label}
	if uri := b.StringOr("vhd_uri", ""); uri != "" {
		d.typeReason = "an unmanaged disk (vhd_uri) is billed as page blobs of its storage account, which the catalog does not price"
		return d
	}
	d.accountType, d.typeReason = b.NeedString("managed_disk_type")
	switch size, ok := b.Decimal("disk_size_gb"); {
	case ok && size.IsPositive():
		d.size = size
	case os != "":
		d.size, d.sizeAssumed = imageDiskGB[os], true
	case b.Unknown("disk_size_gb"):
		d.sizeReason = pricing.UnknownAttr("disk_size_gb")
	default:
		d.sizeReason = "disk_size_gb is not set"
	}
	return d
}
