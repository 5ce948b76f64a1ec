# Allowed instance types: machine sizes of compute, database and cache
# resources must match the allow list and must not match the deny list.
#
# tollgate.yml:
#
#   instance_types:
#     allow: ["t3.*", "m5.*", "db.t3.*"]   # empty or absent: every size is allowed
#     deny: ["p4d.*", "x2iedn.*"]
#
# Patterns are globs matched without case: * matches any characters (dots
# included), ? one character, [abc] a class, {a,b} alternatives.
package tollgate.builtin.instance_types

config := c if {
	c := data.tollgate.config.instance_types
	is_object(c)
}

# Patterns are strings; YAML may have parsed one as a number.
allow_patterns := [sprintf("%v", [p]) | some p in object.get(config, "allow", [])]

block_patterns := [sprintf("%v", [p]) | some p in object.get(config, "deny", [])]

# Resource types whose size is one attribute.
attribute := {
	"aws_instance": "instance_type",
	"aws_spot_instance_request": "instance_type",
	"aws_launch_template": "instance_type",
	"aws_launch_configuration": "instance_type",
	"aws_db_instance": "instance_class",
	"aws_rds_cluster_instance": "instance_class",
	"aws_rds_cluster": "db_cluster_instance_class",
	"aws_elasticache_cluster": "node_type",
	"aws_elasticache_replication_group": "node_type",
	"azurerm_linux_virtual_machine": "size",
	"azurerm_windows_virtual_machine": "size",
	"azurerm_virtual_machine": "vm_size",
	"azurerm_linux_virtual_machine_scale_set": "sku",
	"azurerm_windows_virtual_machine_scale_set": "sku",
	"azurerm_kubernetes_cluster_node_pool": "vm_size",
	"google_compute_instance": "machine_type",
	"google_compute_instance_template": "machine_type",
}

# Resource types whose sizes are a list attribute.
list_attribute := {"aws_eks_node_group": "instance_types"}

# Resource types whose size is an attribute of a nested block, [block,
# attribute]; nested blocks are lists in the plan.
block_attribute := {
	"azurerm_kubernetes_cluster": ["default_node_pool", "vm_size"],
	"google_container_cluster": ["node_config", "machine_type"],
	"google_container_node_pool": ["node_config", "machine_type"],
}

asg_override := `^mixed_instances_policy\[\d+\]\.launch_template\[\d+\]\.override\[\d+\]\.instance_type$`

# Only what this change creates or modifies: the sizes that will run after it.
changing := {"create", "update", "replace"}

# sizes are the known sizes of the changing resources: [address, attribute
# path, value].
sizes contains [r.address, attr, v] if {
	some r in input.resources
	r.action in changing
	attr := attribute[r.type]
	v := r.after[attr]
}

sizes contains [r.address, sprintf("%s[%d]", [attr, i]), v] if {
	some r in input.resources
	r.action in changing
	attr := list_attribute[r.type]
	some i, v in r.after[attr]
}

sizes contains [r.address, sprintf("%s[%d].%s", [block, i, attr]), v] if {
	some r in input.resources
	r.action in changing
	[block, attr] := block_attribute[r.type]
	some i, b in r.after[block]
	v := b[attr]
}

sizes contains [r.address, path, o.instance_type] if {
	some r in input.resources
	r.action in changing
	r.type == "aws_autoscaling_group"
	some i, policy in r.after.mixed_instances_policy
	some j, template in policy.launch_template
	some k, o in template.override
	path := sprintf("mixed_instances_policy[%d].launch_template[%d].override[%d].instance_type", [i, j, k])
}

# unknown_sizes are the size attributes known only after apply: [address,
# attribute path].
unknown_sizes contains [r.address, attr] if {
	some r in input.resources
	r.action in changing
	attr := attribute[r.type]
	attr in r.unknown
}

unknown_sizes contains [r.address, path] if {
	some r in input.resources
	r.action in changing
	attr := list_attribute[r.type]
	some path in r.unknown
	regex.match(sprintf(`^%s(\[\d+\])?$`, [attr]), path)
}

unknown_sizes contains [r.address, path] if {
	some r in input.resources
	r.action in changing
	[block, attr] := block_attribute[r.type]
	some path in r.unknown
	regex.match(sprintf(`^%s\[\d+\]\.%s$`, [block, attr]), path)
}

unknown_sizes contains [r.address, path] if {
	some r in input.resources
	r.action in changing
	r.type == "aws_autoscaling_group"
	some path in r.unknown
	regex.match(asg_override, path)
}

matches(pattern, value) if glob.match(lower(pattern), null, lower(value))

checkable(v) if {
	is_string(v)
	v != "(sensitive)"
}

# METADATA
# scope: document
# title: Allowed instance types
# description: >-
#   Instance types, database and cache node classes and VM sizes of resources
#   created or changed by the plan must match a pattern of
#   instance_types.allow (when it lists any) and no pattern of
#   instance_types.deny. A size known only after apply is reported as a
#   warning.
# custom:
#   rule: allowed-instance-types
deny contains {"msg": msg, "address": address} if {
	some [address, attr, value] in sizes
	checkable(value)
	denied := [p | some p in block_patterns; matches(p, value)]
	count(denied) > 0
	msg := sprintf("%s: %s %q matches the denied instance types %s", [address, attr, value, quoted(denied)])
}

deny contains {"msg": msg, "address": address} if {
	count(allow_patterns) > 0
	some [address, attr, value] in sizes
	checkable(value)
	not denied(value)
	not allowed(value)
	msg := sprintf("%s: %s %q is not one of the allowed instance types %s", [address, attr, value, quoted(allow_patterns)])
}

deny contains {"msg": msg, "address": address, "severity": "warn"} if {
	count(allow_patterns) + count(block_patterns) > 0
	some [address, attr] in unknown_sizes
	msg := sprintf("%s: %s is known only after apply and cannot be checked against the allowed instance types", [address, attr])
}

deny contains {"msg": msg, "address": address, "severity": "warn"} if {
	count(allow_patterns) + count(block_patterns) > 0
	some [address, attr, "(sensitive)"] in sizes
	msg := sprintf("%s: %s is sensitive and cannot be checked against the allowed instance types", [address, attr])
}

allowed(value) if {
	some p in allow_patterns
	matches(p, value)
}

denied(value) if {
	some p in block_patterns
	matches(p, value)
}

quoted(patterns) := concat(", ", [sprintf("%q", [p]) | some p in patterns])
