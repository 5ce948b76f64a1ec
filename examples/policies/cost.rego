# Cost rules a platform team might add on top of the built-in guardrails.
# Every rule reads the cost numbers tollgate puts in the policy input.
package tollgate.examples.cost

# METADATA
# title: Expensive resources need approval
# description: A resource costing over $1,000 a month needs the cost-approved tag.
# custom:
#   rule: expensive-resource
deny contains {"msg": msg, "address": r.address} if {
	some r in input.resources
	r.action != "no-op"
	r.action != "delete"
	r.monthly_cost > 1000
	not r.tags["cost-approved"]
	msg := sprintf("%s costs $%.2f a month: tag it cost-approved=<ticket> once finance agrees", [r.address, r.monthly_cost])
}

# METADATA
# title: Price jumps on one resource
# description: Warn when a single resource's cost more than doubles.
# custom:
#   rule: resource-price-jump
warn contains {"msg": msg, "address": r.address} if {
	some r in input.resources
	r.action != "no-op"
	r.action != "delete"
	r.action != "create"
	r.past_monthly_cost > 0
	r.monthly_cost > 2 * r.past_monthly_cost
	msg := sprintf("%s goes from $%.2f to $%.2f a month", [r.address, r.past_monthly_cost, r.monthly_cost])
}

# METADATA
# title: Unpriced resources
# description: Say which resources are missing from the totals.
# custom:
#   rule: unpriced
info contains {"msg": sprintf("%s is not priced: %s", [u.address, u.reason]), "address": u.address} if {
	some u in input.unpriced
}
