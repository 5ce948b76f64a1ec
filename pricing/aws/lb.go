package aws

import (
	"fmt"

	"github.com/tollgate-dev/tollgate/pricing"
)

const elbService = "aws-elb"

// lbKinds maps load_balancer_type to its catalog key and display name.
var lbKinds = map[string]struct{ key, display, lcu string }{
	"application": {"application", "Application load balancer", "Load balancer capacity units (LCU)"},
	"network":     {"network", "Network load balancer", "Load balancer capacity units (NLCU)"},
	"gateway":     {"gateway", "Gateway load balancer", "Load balancer capacity units (GLCU)"},
}

// loadBalancerModel is the model of aws_lb and of its older name aws_alb.
func loadBalancerModel(typ string) pricing.Model {
	return pricing.Model{
		Type: typ,
		Usage: []pricing.UsageKey{
			{Name: "capacity_units", Description: "average load balancer capacity units (LCU, NLCU or GLCU) used per hour"},
		},
		Price: priceLoadBalancer,
	}
}

func priceLoadBalancer(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	if a.Unknown("load_balancer_type") {
		return []pricing.Component{pricing.Unpriced("Load balancer", "hours", pricing.UnknownAttr("load_balancer_type"))}
	}
	typ := a.StringOr("load_balancer_type", "application")
	kind, ok := lbKinds[typ]
	if !ok {
		return []pricing.Component{pricing.Unpriced("Load balancer", "hours", fmt.Sprintf("load_balancer_type %q is not priced", typ))}
	}
	return []pricing.Component{
		p.Hourly(kind.display, one, elbService, kind.key),
		// Capacity units are billed per hour of the partial-hour peak of
		// several dimensions; an hourly average is what users can estimate.
		p.UsageScaled(kind.lcu, "LCU-hours", "capacity_units", pricing.Hours, elbService, kind.key+"/lcu"),
	}
}

var classicLoadBalancerModel = pricing.Model{
	Type:  "aws_elb",
	Usage: []pricing.UsageKey{dataProcessedUsage},
	Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		return []pricing.Component{
			p.Hourly("Classic load balancer", one, elbService, "classic"),
			p.UsageComponent("Data processed", "GB", usageDataProcessed, elbService, "classic/data"),
		}
	},
}
