package tollgate.examples_test

import data.tollgate.examples.compute
import data.tollgate.examples.cost
import data.tollgate.examples.database
import data.tollgate.examples.network

instance(addr, type, extra) := object.union(
	{
		"address": addr, "type": "aws_instance", "action": "create", "after": {"instance_type": type},
		"tags": {}, "monthly_cost": 0, "past_monthly_cost": 0,
	},
	extra,
)

test_expensive_resource_needs_approval if {
	r := instance("aws_instance.big", "m5.24xlarge", {"monthly_cost": 3363.84})
	count(cost.deny) == 1 with input as {"resources": [r], "unpriced": []}
	count(cost.deny) == 0 with input as {"resources": [object.union(r, {"tags": {"cost-approved": "FIN-12"}})], "unpriced": []}
}

test_price_jump if {
	r := instance("aws_instance.x", "m5.large", {"action": "update", "past_monthly_cost": 30, "monthly_cost": 70.08})
	count(cost.warn) == 1 with input as {"resources": [r], "unpriced": []}
}

test_unpriced_listed if {
	count(cost.info) == 1 with input as {"resources": [], "unpriced": [{"address": "aws_foo.x", "type": "aws_foo", "reason": "unsupported resource type"}]}
}

test_gpu_and_old_generation if {
	res := [instance("aws_instance.gpu", "p4d.24xlarge", {}), instance("aws_instance.old", "t2.micro", {}), instance("aws_instance.ok", "t3.micro", {})]
	count(compute.warn_gpu_instance) == 1 with input as {"resources": res}
	count(compute.warn_previous_generation) == 1 with input as {"resources": res}
}

test_gp2 if {
	v := {"address": "aws_ebs_volume.v", "type": "aws_ebs_volume", "action": "create", "after": {"type": "gp2"}}
	count(compute.warn_gp2_volume) == 1 with input as {"resources": [v]}
}

test_nat_gateway_count if {
	nat := {"type": "aws_nat_gateway", "action": "create", "address": "aws_nat_gateway.a"}
	count(network.deny) == 1 with input as {"resources": [nat, nat, nat, nat]}
	count(network.deny) == 0 with input as {"resources": [nat, nat, nat]}
}

test_public_ipv4 if {
	count(network.info) == 1 with input as {"resources": [{"type": "aws_eip", "action": "create", "address": "aws_eip.a"}]}
}

test_databases if {
	db := {"address": "aws_db_instance.d", "type": "aws_db_instance", "action": "create", "after": {"multi_az": true, "deletion_protection": false}, "tags": {"env": "dev"}}
	count(database.warn) == 1 with input as {"resources": [db]}
	count(database.deny) == 0 with input as {"resources": [db]}
	prod := object.union(db, {"tags": {"env": "prod"}})
	count(database.warn) == 0 with input as {"resources": [prod]}
	count(database.deny) == 1 with input as {"resources": [prod]}
}
