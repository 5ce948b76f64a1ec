package azure

import (
	"fmt"

	"github.com/tollgate-dev/tollgate/pricing"
)

// scaleSetModel prices a Linux or Windows VM scale set: its instances
// count of identical VMs, each with its OS and data disks. Autoscale
// settings are separate resources; instances is the count the plan sets.
func scaleSetModel(typ, os string) pricing.Model {
	return model(typ, nil, "", func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		a := r.Attrs
		n, _, why := count(a, "instances", -1)
		if why != "" {
			c := pricing.Unpriced("Virtual machines", "hours", why)
			return []pricing.Component{c}
		}
		v := readVM(a, "sku", os)
		for i, dd := range a.Blocks("data_disk") {
			d := managedDisk{label: fmt.Sprintf("Data disk %d", i+1)}
			d.accountType, d.typeReason = dd.NeedString("storage_account_type")
			switch size, ok := dd.Decimal("disk_size_gb"); {
			case ok && size.IsPositive():
				d.size = size
			case dd.Unknown("disk_size_gb"):
				d.sizeReason = pricing.UnknownAttr("data_disk.disk_size_gb")
			default:
				d.sizeReason = "data_disk.disk_size_gb is not set"
			}
			v.disks = append(v.disks, d)
		}
		return v.components(p, n)
	})
}
