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

# issues are the sizes that are not plainly allowed: [position in
# input.resources, attribute path, value, verdict]. Only what this change
# creates or modifies counts: the sizes that will run after it. Every rule
# below reads these, so the resources are scanned once for the
# single-attribute types and once for the few types that keep sizes in
# lists or nested blocks.
issues contains [i, attr, value, state] if {
	active
	single := attribute
	some i, r in input.resources
	attr := single[r.type]
	value := object.get(r, ["after", attr], null)
	state := judge(r.action, value)
	state != "allowed"
}

# judge is verdict for what the change creates or modifies; untouched and
# deleted resources pass. OPA caches it per action and size, and plans use
# few sizes, so most resources cost a lookup.
judge(action, value) := "allowed" if {
	action in {"no-op", "delete"}
} else := verdict(value)

nested contains i if {
	active
	types := nested_types
	some i, r in input.resources
	types[r.type]
	r.action != "no-op"
	r.action != "delete"
}

nested_types := union({object.keys(list_attribute), object.keys(block_attribute), {"aws_autoscaling_group"}})

issues contains [i, path, value, state] if {
	some i in nested
	r := input.resources[i]
	attr := list_attribute[r.type]
	some k, value in r.after[attr]
	state := verdict(value)
	state != "allowed"
	path := sprintf("%s[%d]", [attr, k])
}

# A list known only after apply is absent.
issues contains [i, attr, null, "unset"] if {
	some i in nested
	r := input.resources[i]
	attr := list_attribute[r.type]
	not is_array(object.get(r.after, attr, null))
}

issues contains [i, path, value, state] if {
	some i in nested
	r := input.resources[i]
	[block, attr] := block_attribute[r.type]
	some k, b in r.after[block]
	value := object.get(b, attr, null)
	state := verdict(value)
	state != "allowed"
	path := sprintf("%s[%d].%s", [block, k, attr])
}

issues contains [i, path, value, state] if {
	some i in nested
	r := input.resources[i]
	r.type == "aws_autoscaling_group"
	some j, policy in r.after.mixed_instances_policy
	some k, template in policy.launch_template
	some n, override in template.override
	value := object.get(override, "instance_type", null)
	state := verdict(value)
	state != "allowed"
	path := sprintf("mixed_instances_policy[%d].launch_template[%d].override[%d].instance_type", [j, k, n])
}

active if count(allow_patterns) + count(block_patterns) > 0

# verdict says what the patterns make of a size.
verdict(value) := "unset" if {
	not is_string(value)
} else := "sensitive" if {
	value == "(sensitive)"
} else := "denied" if {
	denied(value)
} else := "allowed" if {
	count(allow_patterns) == 0
} else := "allowed" if {
	some p in allow_patterns
	matches(p, value)
} else := "not-allowed"

matches(pattern, value) if glob.match(lower(pattern), null, lower(value))

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
deny contains {"msg": msg, "address": input.resources[i].address} if {
	some [i, attr, value, "denied"] in issues
	matched := [p | some p in block_patterns; matches(p, value)]
	msg := sprintf("%s: %s %q matches the denied instance types %s", [input.resources[i].address, attr, value, quoted(matched)])
}

deny contains {"msg": msg, "address": input.resources[i].address} if {
	some [i, attr, value, "not-allowed"] in issues
	msg := sprintf("%s: %s %q is not one of the allowed instance types %s", [input.resources[i].address, attr, value, quoted(allow_patterns)])
}

# A size that is absent may be known only after apply, or just not set
# (a launch template may leave it to its users).
deny contains {"msg": msg, "address": r.address, "severity": "warn"} if {
	some [i, attr, _, "unset"] in issues
	r := input.resources[i]
	attr in r.unknown
	msg := sprintf("%s: %s is known only after apply and cannot be checked against the allowed instance types", [r.address, attr])
}

deny contains {"msg": msg, "address": input.resources[i].address, "severity": "warn"} if {
	some [i, attr, _, "sensitive"] in issues
	msg := sprintf("%s: %s is sensitive and cannot be checked against the allowed instance types", [input.resources[i].address, attr])
}

denied(value) if {
	some p in block_patterns
	matches(p, value)
}

quoted(patterns) := concat(", ", [sprintf("%q", [p]) | some p in patterns])
