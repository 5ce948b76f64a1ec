package tollgate.builtin.instance_types_test

import data.tollgate.builtin.instance_types

config := {"instance_types": {"allow": ["t3.*", "m5.*"], "deny": ["p4d.*", "x2iedn.*"]}}

resource(fields) := object.union(object.remove(base, object.keys(fields)), fields)

base := {
	"address": "aws_instance.web", "type": "aws_instance", "action": "create",
	"after": {"instance_type": "t3.micro"}, "unknown": [],
}

findings(cfg, resources) := f if {
	f := instance_types.deny with input as {"resources": resources}
		with data.tollgate.config as cfg
}

# same is got == want, printing both when they differ.
same(got, want) if got == want

same(got, want) if {
	got != want
	print("got: ", got)
	print("want:", want)
	false
}

not_allowed(address, attr, value) := {
	"address": address,
	"msg": sprintf(`%s: %s %q is not one of the allowed instance types "t3.*", "m5.*"`, [address, attr, value]),
}

unknown(address, attr) := {
	"address": address, "severity": "warn",
	"msg": sprintf("%s: %s is known only after apply and cannot be checked against the allowed instance types", [address, attr]),
}

test_allowed_size if {
	same(findings(config, [resource({})]), set())
}

test_size_outside_the_allow_list if {
	same(findings(config, [resource({"after": {"instance_type": "c5.large"}})]), {not_allowed("aws_instance.web", "instance_type", "c5.large")})
}

test_denied_size if {
	same(findings(config, [resource({"after": {"instance_type": "p4d.24xlarge"}})]), {{
		"address": "aws_instance.web",
		"msg": `aws_instance.web: instance_type "p4d.24xlarge" matches the denied instance types "p4d.*"`,
	}})
}

test_denied_wins_over_allowed if {
	cfg := {"instance_types": {"allow": ["*"], "deny": ["*.metal", "m5.*"]}}
	same(findings(cfg, [resource({"after": {"instance_type": "m5.metal"}})]), {{
		"address": "aws_instance.web",
		"msg": `aws_instance.web: instance_type "m5.metal" matches the denied instance types "*.metal", "m5.*"`,
	}})
}

test_deny_alone_allows_the_rest if {
	cfg := {"instance_types": {"deny": ["p4d.*"]}}
	same(findings(cfg, [resource({"after": {"instance_type": "c5.large"}})]), set())
	same(count(findings(cfg, [resource({"after": {"instance_type": "p4d.24xlarge"}})])), 1)
}

test_star_crosses_dots if {
	cfg := {"instance_types": {"allow": ["db.*"]}}
	same(findings(cfg, [resource({"type": "aws_db_instance", "after": {"instance_class": "db.r5.large"}})]), set())
}

test_glob_syntax if {
	cfg := {"instance_types": {"allow": ["t3.{micro,small}", "m?.large", "c[56].xlarge"]}}
	every size in ["t3.micro", "t3.small", "m5.large", "m6.large", "c6.xlarge"] {
		same(findings(cfg, [resource({"after": {"instance_type": size}})]), set())
	}
	every size in ["t3.medium", "m5a.large", "c7.xlarge"] {
		same(count(findings(cfg, [resource({"after": {"instance_type": size}})])), 1)
	}
}

test_patterns_ignore_case if {
	cfg := {"instance_types": {"allow": ["Standard_D*"]}}
	r := resource({"type": "azurerm_linux_virtual_machine", "after": {"size": "standard_d2s_v3"}})
	same(findings(cfg, [r]), set())
}

test_patterns_parsed_as_numbers_match_their_text if {
	cfg := {"instance_types": {"allow": [1]}}
	same(findings(cfg, [resource({"after": {"instance_type": "1"}})]), set())
}

# Every resource type and the attribute path that holds its size.
size_attributes := [
	["aws_instance", {"instance_type": "c5.large"}, "instance_type"],
	["aws_spot_instance_request", {"instance_type": "c5.large"}, "instance_type"],
	["aws_launch_template", {"instance_type": "c5.large"}, "instance_type"],
	["aws_launch_configuration", {"instance_type": "c5.large"}, "instance_type"],
	["aws_db_instance", {"instance_class": "c5.large"}, "instance_class"],
	["aws_rds_cluster_instance", {"instance_class": "c5.large"}, "instance_class"],
	["aws_rds_cluster", {"db_cluster_instance_class": "c5.large"}, "db_cluster_instance_class"],
	["aws_elasticache_cluster", {"node_type": "c5.large"}, "node_type"],
	["aws_elasticache_replication_group", {"node_type": "c5.large"}, "node_type"],
	["azurerm_linux_virtual_machine", {"size": "c5.large"}, "size"],
	["azurerm_windows_virtual_machine", {"size": "c5.large"}, "size"],
	["azurerm_virtual_machine", {"vm_size": "c5.large"}, "vm_size"],
	["azurerm_linux_virtual_machine_scale_set", {"sku": "c5.large"}, "sku"],
	["azurerm_windows_virtual_machine_scale_set", {"sku": "c5.large"}, "sku"],
	["azurerm_kubernetes_cluster_node_pool", {"vm_size": "c5.large"}, "vm_size"],
	["google_compute_instance", {"machine_type": "c5.large"}, "machine_type"],
	["google_compute_instance_template", {"machine_type": "c5.large"}, "machine_type"],
	["aws_eks_node_group", {"instance_types": ["t3.large", "c5.large"]}, "instance_types[1]"],
	["azurerm_kubernetes_cluster", {"default_node_pool": [{"vm_size": "c5.large"}]}, "default_node_pool[0].vm_size"],
	["google_container_cluster", {"node_config": [{"machine_type": "c5.large"}]}, "node_config[0].machine_type"],
	["google_container_node_pool", {"node_config": [{"machine_type": "c5.large"}]}, "node_config[0].machine_type"],
	[
		"aws_autoscaling_group",
		{"mixed_instances_policy": [{"launch_template": [{"override": [{"instance_type": "t3.large"}, {"instance_type": "c5.large"}]}]}]},
		"mixed_instances_policy[0].launch_template[0].override[1].instance_type",
	],
]

test_every_size_attribute if {
	every c in size_attributes {
		[type, after, path] := c
		address := sprintf("%s.x", [type])
		same(findings(config, [resource({"address": address, "type": type, "after": after})]), {not_allowed(address, path, "c5.large")})
	}
}

# Sizes known only after apply: null or absent in after, their paths in
# unknown.
unknown_sizes := [
	["aws_instance", {}, "instance_type"],
	["aws_db_instance", {"instance_class": null}, "instance_class"],
	["aws_eks_node_group", {}, "instance_types"],
	["aws_eks_node_group", {"instance_types": ["t3.large", null]}, "instance_types[1]"],
	["azurerm_kubernetes_cluster", {"default_node_pool": [{"name": "default"}]}, "default_node_pool[0].vm_size"],
	["google_container_node_pool", {"node_config": [{"machine_type": "m5.large"}, {"machine_type": null}]}, "node_config[1].machine_type"],
	[
		"aws_autoscaling_group",
		{"mixed_instances_policy": [{"launch_template": [{"override": [{"instance_type": "t3.large"}, {"instance_type": null}]}]}]},
		"mixed_instances_policy[0].launch_template[0].override[1].instance_type",
	],
]

test_unknown_size_is_a_warning if {
	every c in unknown_sizes {
		[type, after, path] := c
		address := sprintf("%s.x", [type])
		r := resource({"address": address, "type": type, "after": after, "unknown": ["id", path]})
		same(findings(config, [r]), {unknown(address, path)})
	}
}

test_absent_sizes_that_are_not_unknown_are_ignored if {
	every c in unknown_sizes {
		[type, after, _] := c
		same(findings(config, [resource({"type": type, "after": after, "unknown": ["id"]})]), set())
	}
}

test_unknown_paths_that_hold_no_size_are_ignored if {
	every c in [
		["aws_instance", "instance_type_extra"],
		["aws_eks_node_group", "instance_types_x"],
		["azurerm_kubernetes_cluster", "default_node_pool[0].vm_size_x"],
		["google_container_node_pool", "node_config"],
		["aws_autoscaling_group", "mixed_instances_policy[0].launch_template[0].override[0].weighted_capacity"],
		["aws_s3_bucket", "instance_type"],
	] {
		[type, path] := c
		same(findings(config, [resource({"type": type, "after": {}, "unknown": [path]})]), set())
	}
}

test_unknown_size_without_patterns_is_ignored if {
	r := resource({"after": {}, "unknown": ["instance_type"]})
	same(findings({"instance_types": {"allow": [], "deny": []}}, [r]), set())
}

test_sensitive_size if {
	same(findings(config, [resource({"after": {"instance_type": "(sensitive)"}})]), {{
		"address": "aws_instance.web", "severity": "warn",
		"msg": "aws_instance.web: instance_type is sensitive and cannot be checked against the allowed instance types",
	}})
}

test_absent_and_null_sizes_are_ignored if {
	every after in [{}, {"instance_type": null}, null] {
		same(findings(config, [resource({"after": after})]), set())
	}
	asg := resource({"type": "aws_autoscaling_group", "after": {"mixed_instances_policy": [{"launch_template": [{"override": [{"instance_type": null}]}]}]}})
	same(findings(config, [asg]), set())
}

test_changed_resources_are_checked if {
	every action in ["create", "update", "replace"] {
		same(count(findings(config, [resource({"action": action, "after": {"instance_type": "c5.large"}})])), 1)
	}
}

test_untouched_and_deleted_resources_are_ignored if {
	every action in ["no-op", "delete"] {
		same(findings(config, [resource({"action": action, "after": {"instance_type": "c5.large"}})]), set())
	}
}

test_other_resource_types_are_ignored if {
	same(findings(config, [resource({"type": "aws_s3_bucket", "after": {"instance_type": "c5.large"}})]), set())
}

test_absent_or_empty_config_checks_nothing if {
	r := resource({"after": {"instance_type": "p4d.24xlarge"}, "unknown": []})
	every cfg in [{}, {"instance_types": null}, {"instance_types": {}}, {"instance_types": {"allow": null, "deny": null}}] {
		same(findings(cfg, [r]), set())
	}
}
