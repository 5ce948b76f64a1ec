package tollgate.examples.compute

# METADATA
# title: GPU instances
# description: GPU instances cost thousands a month; warn so a reviewer looks.
# custom:
#   rule: gpu-instance
warn_gpu_instance contains {"msg": sprintf("%s is a GPU instance (%s)", [r.address, r.after.instance_type]), "address": r.address} if {
	some r in input.resources
	r.type == "aws_instance"
	r.action != "no-op"
	r.action != "delete"
	r.action != "update"
	regex.match(`^(p[2-5]|g[3-6])`, r.after.instance_type)
}

# METADATA
# title: Previous-generation instances
# description: Older families cost more for less; suggest a current one.
# custom:
#   rule: previous-generation
warn_previous_generation contains {"msg": sprintf("%s uses %s: a current generation (t3, m6i, c6i) is cheaper for the same work", [r.address, r.after.instance_type]), "address": r.address} if {
	some r in input.resources
	r.type == "aws_instance"
	r.action != "no-op"
	r.action != "delete"
	regex.match(`^(t2|m3|m4|c3|c4|r3|r4)\.`, r.after.instance_type)
}

# METADATA
# title: gp2 volumes
# description: gp3 is 20% cheaper than gp2 for the same size and at least the same baseline.
# custom:
#   rule: gp2-volume
warn_gp2_volume contains {"msg": sprintf("%s is a gp2 volume: gp3 costs 20%% less", [r.address]), "address": r.address} if {
	some r in input.resources
	r.type == "aws_ebs_volume"
	r.action != "no-op"
	r.action != "delete"
	r.after.type == "gp2"
}
