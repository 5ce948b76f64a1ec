package tollgate.examples.network

nat_gateways := [r | some r in input.resources; r.type == "aws_nat_gateway"; r.action == "create"]

# METADATA
# title: NAT gateways per change
# description: Each NAT gateway costs about $33 a month before data; more than three in one change is rarely intended.
# custom:
#   rule: nat-gateway-count
deny contains sprintf("this change creates %d NAT gateways (at most 3): share one per availability zone", [count(nat_gateways)]) if {
	count(nat_gateways) > 3
}

# METADATA
# title: Public IPv4 addresses
# description: Every public IPv4 address costs $3.65 a month since February 2024.
# custom:
#   rule: public-ipv4
info contains {"msg": sprintf("%s adds a public IPv4 address ($3.65 a month)", [r.address]), "address": r.address} if {
	some r in input.resources
	r.type == "aws_eip"
	r.action == "create"
}
