package aws

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

const vpcService = "aws-vpc"

var dataProcessedUsage = pricing.UsageKey{Name: usageDataProcessed, Description: "data processed a month, in GB"}

var natGatewayModel = pricing.Model{
	Type:  "aws_nat_gateway",
	Usage: []pricing.UsageKey{dataProcessedUsage},
	// Private NAT gateways (connectivity_type "private") cost the same.
	Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		return []pricing.Component{
			p.Hourly("NAT gateway", one, vpcService, "nat-gateway"),
			p.UsageComponent("Data processed", "GB", usageDataProcessed, vpcService, "nat-gateway/data"),
		}
	},
}

var eipModel = pricing.Model{
	Type: "aws_eip",
	// AWS has charged for every public IPv4 address since 1 February 2024,
	// attached to a running instance or idle alike. Addresses from a
	// customer-owned pool (Outposts) or brought to AWS (BYOIP) are not
	// charged. public_ipv4_pool is computed ("amazon") when not set.
	Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		a := r.Attrs
		if pool, _ := a.String("customer_owned_ipv4_pool"); pool != "" {
			return nil
		}
		if pool, _ := a.String("public_ipv4_pool"); pool != "" && pool != "amazon" {
			return nil
		}
		return []pricing.Component{p.Hourly("Public IPv4 address", one, vpcService, "public-ipv4")}
	},
}

var vpcEndpointModel = pricing.Model{
	Type:  "aws_vpc_endpoint",
	Usage: []pricing.UsageKey{dataProcessedUsage},
	Price: priceVPCEndpoint,
}

// Interface endpoint data is priced in tiers of the data a region
// processes: the first 1 PB, the next 4 PB, and the rest (AWS counts a PB
// as 1,048,576 GB).
var endpointDataTiers = []usageTier{
	{"first 1 PB", decimal.NewFromInt(1 << 20), "endpoint/data/tier1"},
	{"next 4 PB", decimal.NewFromInt(4 << 20), "endpoint/data/tier2"},
	{"over 5 PB", decimal.Zero, "endpoint/data/tier3"},
}

func priceVPCEndpoint(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	if a.Unknown("vpc_endpoint_type") {
		// Guessing the free default would hide an interface endpoint's cost.
		return []pricing.Component{pricing.Unpriced("Endpoint", "hours", pricing.UnknownAttr("vpc_endpoint_type"))}
	}
	switch typ := a.StringOr("vpc_endpoint_type", "Gateway"); typ {
	case "Gateway":
		return nil // S3 and DynamoDB gateway endpoints are free
	case "Interface":
		// One network interface, billed hourly, per subnet (availability zone).
		var hours pricing.Component
		if n, why := endpointSubnets(a); why != "" {
			hours = pricing.Unpriced("Endpoint (Interface)", "hours", why)
		} else {
			hours = p.Hourly(fmt.Sprintf("Endpoint (Interface, %d %s)", n, plural(n, "subnet", "subnets")), decimal.NewFromInt(int64(n)), vpcService, "endpoint/interface")
		}
		return append([]pricing.Component{hours}, usageTiers(p, "Data processed", "GB", usageDataProcessed, vpcService, endpointDataTiers)...)
	case "GatewayLoadBalancer":
		return []pricing.Component{
			p.Hourly("Endpoint (Gateway Load Balancer)", one, vpcService, "endpoint/gateway-load-balancer"),
			p.UsageComponent("Data processed", "GB", usageDataProcessed, vpcService, "endpoint/gateway-load-balancer/data"),
		}
	default:
		return []pricing.Component{pricing.Unpriced("Endpoint ("+typ+")", "hours", fmt.Sprintf("vpc_endpoint_type %q is not priced", typ))}
	}
}

// endpointSubnets counts an interface endpoint's subnets.
func endpointSubnets(a pricing.Attrs) (int, string) {
	if a.Unknown("subnet_ids") {
		return 0, pricing.UnknownAttr("subnet_ids")
	}
	// The list's length is known even when the IDs of new subnets are not.
	n, ok := a.Len("subnet_ids")
	if !ok || n == 0 {
		return 0, "subnet_ids is empty"
	}
	return n, ""
}

// usageTier is one price tier of a usage quantity: size units (zero for
// the last, unbounded tier) priced at key.
type usageTier struct {
	label string
	size  decimal.Decimal
	key   string
}

// usageTiers splits a usage-file quantity across price tiers. The first
// tier always appears (with 0 when the file says nothing); later tiers
// only when the quantity reaches them.
func usageTiers(p pricing.Pricer, what, unit, usageKey, service string, tiers []usageTier) []pricing.Component {
	left, given := p.Usage().Decimal(usageKey)
	var comps []pricing.Component
	for i, t := range tiers {
		q := left
		if !t.size.IsZero() && q.GreaterThan(t.size) {
			q = t.size
		}
		if i > 0 && !q.IsPositive() {
			break
		}
		comps = append(comps, p.Component(pricing.Qualified(what, t.label), unit, q, service, t.key).FromUsage(usageKey, given))
		left = left.Sub(q)
	}
	return comps
}

func plural(n int, singular, many string) string {
	if n == 1 {
		return singular
	}
	return many
}
