package gcp

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

const (
	usageAssignedVMs    = "assigned_vms"
	usageDataProcessed  = "monthly_data_processed_gb"
	usageAddressStatus  = "status"
	addressStatusUnused = "reserved"
)

// natMaxVMs is how many VMs a Cloud NAT gateway bills by the hour; more
// cost no more.
var natMaxVMs = decimal.NewFromInt(32)

var routerNATModel = pricing.Model{
	Type: "google_compute_router_nat",
	Usage: []pricing.UsageKey{
		{Name: usageAssignedVMs, Description: "VMs using the gateway (the hourly charge stops growing at 32); 32 when not given"},
		{Name: usageDataProcessed, Description: "data processed a month, in GB"},
	},
	// NAT IP addresses reserved as google_compute_address resources are
	// priced there.
	Price: regional(func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		vms, given := p.Usage().Decimal(usageAssignedVMs)
		given = given && !vms.IsNegative()
		note := fmt.Sprintf("%s VMs", vms)
		if !given || vms.GreaterThan(natMaxVMs) {
			vms, note = natMaxVMs, "32 VMs or more"
			if !given {
				note = "32 VMs or more assumed"
			}
		}
		return []pricing.Component{
			p.Component(pricing.Qualified("NAT gateway", note), "VM-hours", vms.Mul(pricing.Hours), networkService, "nat-gateway/vm"),
			p.UsageComponent("Data processed", "GB", usageDataProcessed, networkService, "nat-gateway/data"),
		}
	}),
}

var addressModel = pricing.Model{
	Type: "google_compute_address",
	Usage: []pricing.UsageKey{{Name: usageAddressStatus, String: true,
		Description: "in-use (default: attached to a VM or forwarding rule) or reserved (held, attached to nothing)"}},
	// Internal addresses are free. An external address is billed by the
	// hour whether static or not: at the in-use rate while a VM uses it,
	// at a higher rate while it is only reserved.
	Price: regional(func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		if strings.EqualFold(r.Attrs.StringOr("address_type", "EXTERNAL"), "INTERNAL") {
			return nil
		}
		status, _ := p.Usage().String(usageAddressStatus)
		switch strings.ToLower(status) {
		case "", "in-use", "in_use":
			return []pricing.Component{p.Hourly("External IP address (in use)", one, networkService, "external-ip/in-use")}
		case addressStatusUnused:
			return []pricing.Component{p.Hourly("External IP address (reserved, unused)", one, networkService, "external-ip/unused")}
		}
		return []pricing.Component{hours(pricing.Unpriced("External IP address", "hours",
			fmt.Sprintf("status %q in the usage file is not in-use or reserved", status)))}
	}),
}
