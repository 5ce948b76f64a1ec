package aws

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

var (
	cpuUnitsPerVCPU      = pricing.Dec("1024")
	fargateFreeEphemeral = pricing.Dec("20") // GiB every task gets at no cost
)

var ecsServiceModel = pricing.Model{
	Type:  "aws_ecs_service",
	Price: priceECSService,
}

// placement is how many of a service's tasks run on each kind of capacity.
type placement struct {
	fargate, spot decimal.Decimal
	// reason is set when the capacity cannot be told from the plan.
	reason string
}

func priceECSService(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	n, ok := a.Decimal("desired_count")
	if !ok {
		if a.Unknown("desired_count") {
			return []pricing.Component{pricing.Unpriced("Fargate tasks", "tasks", pricing.UnknownAttr("desired_count"))}
		}
		n = decimal.Zero // the provider's default
	}
	if n.IsZero() {
		return nil
	}
	tasks := func(reason string) []pricing.Component {
		c := pricing.Unpriced("Fargate tasks", "tasks", reason)
		c.Quantity = n
		return []pricing.Component{c}
	}
	td, hasTD := r.Follow("task_definition")
	pl := servicePlacement(a, n, td, hasTD)
	if pl.reason != "" {
		return tasks(pl.reason)
	}
	if pl.fargate.IsZero() && pl.spot.IsZero() {
		return nil // EC2 capacity: the instances carry the cost
	}
	if !hasTD {
		return tasks("the task definition is not in the plan, so the tasks' CPU and memory are unknown")
	}
	var out []pricing.Component
	if pl.fargate.IsPositive() {
		out = append(out, fargateTasks(p, td, pl.fargate)...)
	}
	if pl.spot.IsPositive() {
		c := pricing.Unpriced("Fargate Spot tasks", "tasks", "Fargate Spot prices are not in the catalog")
		c.Quantity = pl.spot
		out = append(out, c)
	}
	return out
}

// servicePlacement splits n tasks between Fargate, Fargate Spot and EC2.
// A capacity provider strategy places each provider's base first, then the
// rest by weight; fractional tasks are the expected share.
func servicePlacement(a pricing.Attrs, n decimal.Decimal, td pricing.Resource, hasTD bool) placement {
	strategy := a.Blocks("capacity_provider_strategy")
	if len(strategy) == 0 {
		switch lt, ok := a.String("launch_type"); {
		case ok && lt == "FARGATE":
			return placement{fargate: n}
		case ok && lt != "":
			return placement{} // EC2 or EXTERNAL
		}
		// Not set: the cluster's default capacity provider strategy
		// decides, which a task definition for Fargate only pins down.
		if hasTD {
			if compat, ok := td.Attrs.Strings("requires_compatibilities"); ok && len(compat) == 1 {
				if compat[0] == "FARGATE" {
					return placement{fargate: n}
				}
				return placement{}
			}
		}
		return placement{reason: "launch_type is not set and the cluster's default capacity provider decides where tasks run"}
	}
	var pl placement
	rest, total := n, decimal.Zero
	// Negative bases and weights are invalid; ECS would reject them.
	count := func(s pricing.Attrs, attr string) decimal.Decimal {
		d, _ := s.Decimal(attr)
		return decimal.Max(d, decimal.Zero)
	}
	for _, s := range strategy {
		base := decimal.Min(count(s, "base"), rest)
		rest = rest.Sub(base)
		pl.add(s, base)
		total = total.Add(count(s, "weight"))
	}
	if total.IsPositive() {
		for _, s := range strategy {
			pl.add(s, rest.Mul(count(s, "weight")).Div(total))
		}
	}
	for _, s := range strategy {
		if s.Unknown("capacity_provider") {
			pl.reason = pricing.UnknownAttr("capacity_provider_strategy.capacity_provider")
		}
	}
	return pl
}

func (pl *placement) add(s pricing.Attrs, tasks decimal.Decimal) {
	switch s.StringOr("capacity_provider", "") {
	case "FARGATE":
		pl.fargate = pl.fargate.Add(tasks)
	case "FARGATE_SPOT":
		pl.spot = pl.spot.Add(tasks)
	}
}

// fargateTasks prices n tasks of a task definition for a month: vCPU and
// memory hours, and ephemeral storage above the included 20 GB.
func fargateTasks(p pricing.Pricer, td pricing.Resource, n decimal.Decimal) []pricing.Component {
	a := td.Attrs
	arch, archLabel := "x86", "Linux/x86"
	if rp, ok := a.Block("runtime_platform"); ok {
		if osf := rp.StringOr("operating_system_family", "LINUX"); osf != "LINUX" {
			return []pricing.Component{pricing.Unpriced("Fargate tasks ("+osf+")", "tasks",
				"Fargate prices for Windows tasks are not in the catalog")}
		}
		if rp.StringOr("cpu_architecture", "X86_64") == "ARM64" {
			arch, archLabel = "arm", "Linux/ARM"
		}
	}
	hours := n.Mul(pricing.Hours)
	var out []pricing.Component
	cpuName := fmt.Sprintf("Fargate vCPU (%s)", archLabel)
	if cpu, why := taskSize(td, "cpu"); why != "" {
		out = append(out, pricing.Unpriced(cpuName, "vCPU-hours", why))
	} else {
		out = append(out, p.Component(cpuName, "vCPU-hours", hours.Mul(cpu.Div(cpuUnitsPerVCPU)), "aws-fargate", "vcpu/"+arch))
	}
	memName := fmt.Sprintf("Fargate memory (%s)", archLabel)
	if mem, why := taskSize(td, "memory"); why != "" {
		out = append(out, pricing.Unpriced(memName, "GB-hours", why))
	} else {
		out = append(out, p.Component(memName, "GB-hours", hours.Mul(mem.Div(mibPerGB)), "aws-fargate", "memory/"+arch))
	}
	if es, ok := a.Block("ephemeral_storage"); ok {
		if size, ok := es.Decimal("size_in_gib"); ok && size.GreaterThan(fargateFreeEphemeral) {
			out = append(out, p.Component("Fargate ephemeral storage (above 20 GB)", "GB-hours",
				hours.Mul(size.Sub(fargateFreeEphemeral)), "aws-fargate", "ephemeral-storage"))
		}
	}
	return out
}

// taskSize reads a task definition's task-level cpu (CPU units) or memory
// (MiB), which Fargate requires. ECS also accepts "1 vCPU" and "2 GB".
func taskSize(td pricing.Resource, attr string) (decimal.Decimal, string) {
	a := td.Attrs
	if a.Unknown(attr) {
		return decimal.Zero, fmt.Sprintf("%s of %s is known only after apply", attr, td.Address)
	}
	if d, ok := a.Decimal(attr); ok {
		return d, ""
	}
	s, _ := a.String(attr)
	s = strings.TrimSpace(s)
	if s == "" {
		return decimal.Zero, fmt.Sprintf("%s sets no task %s (Fargate requires it)", td.Address, attr)
	}
	unit, per := "vcpu", cpuUnitsPerVCPU
	if attr == "memory" {
		unit, per = "gb", mibPerGB
	}
	num, u, _ := strings.Cut(strings.ToLower(s), " ")
	if d, err := decimal.NewFromString(num); err == nil && strings.TrimSpace(u) == unit {
		return d.Mul(per), ""
	}
	return decimal.Zero, fmt.Sprintf("%s of %s is %q, which is not a size ECS accepts", attr, td.Address, s)
}
