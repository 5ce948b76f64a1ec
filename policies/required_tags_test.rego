package tollgate.builtin.required_tags_test

import data.tollgate.builtin.required_tags

config := {"required_tags": {"keys": ["owner", "env"], "values": {"env": ["dev", "staging", "prod"]}}}

# resource is a taggable resource being created, with fields replaced
# (object.union would merge tags).
resource(fields) := object.union(object.remove(base, object.keys(fields)), fields)

base := {
	"address": "aws_instance.web", "type": "aws_instance", "action": "create",
	"taggable": true, "tags": {"owner": "ana", "env": "prod"}, "unknown_tags": [], "tags_unknown": false,
}

findings(cfg, resources) := f if {
	f := required_tags.deny with input as {"resources": resources}
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

deny(address, msg) := {"msg": msg, "address": address, "severity": "deny"}

warn(address, msg) := {"msg": msg, "address": address, "severity": "warn"}

test_all_tags_present if {
	same(findings(config, [resource({})]), set())
}

test_missing_tag if {
	same(findings(config, [resource({"tags": {"env": "prod"}})]), {deny("aws_instance.web", `aws_instance.web is missing required tag "owner"`)})
}

test_every_missing_tag_is_a_finding if {
	same(findings(config, [resource({"tags": {}})]), {
		deny("aws_instance.web", `aws_instance.web is missing required tag "owner"`),
		deny("aws_instance.web", `aws_instance.web is missing required tag "env"`),
	})
}

test_empty_value if {
	same(findings(config, [resource({"tags": {"owner": " ", "env": "prod"}})]), {deny("aws_instance.web", `aws_instance.web has an empty value for required tag "owner"`)})
}

test_empty_value_of_a_required_tag_with_allowed_values_is_reported_once if {
	same(findings(config, [resource({"tags": {"owner": "ana", "env": ""}})]), {deny("aws_instance.web", `aws_instance.web has an empty value for required tag "env"`)})
}

test_value_not_allowed if {
	same(findings(config, [resource({"tags": {"owner": "ana", "env": "qa"}})]), {deny(
		"aws_instance.web",
		`aws_instance.web has tag "env" = "qa", which is not an allowed value: "dev", "staging", "prod"`,
	)})
}

test_values_are_case_sensitive if {
	same(count(findings(config, [resource({"tags": {"owner": "ana", "env": "Prod"}})])), 1)
}

test_unknown_value_is_a_warning_not_missing if {
	same(findings(config, [resource({"tags": {"env": "prod"}, "unknown_tags": ["owner"]})]), {warn("aws_instance.web", `aws_instance.web: the value of tag "owner" is known only after apply and cannot be checked`)})
}

test_unknown_value_of_a_tag_with_allowed_values if {
	cfg := {"required_tags": {"values": {"env": ["prod"]}}}
	same(findings(cfg, [resource({"tags": {}, "unknown_tags": ["env"]})]), {warn("aws_instance.web", `aws_instance.web: the value of tag "env" is known only after apply and cannot be checked`)})
}

test_unknown_value_of_an_unconfigured_tag_is_ignored if {
	same(findings(config, [resource({"unknown_tags": ["Name"]})]), set())
}

test_whole_tag_map_unknown if {
	r := resource({"tags": {"env": "prod"}, "unknown_tags": [], "tags_unknown": true})
	same(findings(config, [r]), {warn("aws_instance.web", `aws_instance.web: its tags are known only after apply, so required tag "owner" cannot be checked`)})
}

test_sensitive_value if {
	same(findings(config, [resource({"tags": {"owner": "ana", "env": "(sensitive)"}})]), {warn("aws_instance.web", `aws_instance.web: the value of tag "env" is sensitive and cannot be checked`)})
}

test_values_alone_do_not_require_the_tag if {
	cfg := {"required_tags": {"values": {"env": ["prod"]}}}
	same(findings(cfg, [resource({"tags": {}})]), set())
	same(findings(cfg, [resource({"tags": {"env": "dev"}})]), {deny("aws_instance.web", `aws_instance.web has tag "env" = "dev", which is not an allowed value: "prod"`)})
}

test_values_parsed_as_numbers_match_their_text if {
	cfg := {"required_tags": {"keys": [2024], "values": {"cost_center": [1234, 5678]}}}
	same(findings(cfg, [resource({"tags": {"2024": "yes", "cost_center": "1234"}})]), set())
	same(findings(cfg, [resource({"tags": {"2024": "yes", "cost_center": "99"}})]), {deny("aws_instance.web", `aws_instance.web has tag "cost_center" = "99", which is not an allowed value: "1234", "5678"`)})
}

test_changed_resources_are_checked if {
	every action in ["create", "update", "replace"] {
		same(count(findings(config, [resource({"action": action, "tags": {}})])), 2)
	}
}

test_untouched_and_deleted_resources_are_ignored if {
	every action in ["no-op", "delete"] {
		same(findings(config, [resource({"action": action, "tags": {}})]), set())
	}
}

test_resources_without_tags_are_ignored if {
	r := resource({"address": "aws_iam_role_policy.x", "type": "aws_iam_role_policy", "taggable": false, "tags": {}})
	same(findings(config, [r]), set())
}

test_each_resource_has_its_own_findings if {
	a := resource({"address": "aws_instance.a", "tags": {"owner": "ana", "env": "prod"}})
	b := resource({"address": "aws_instance.b", "tags": {"owner": "bo", "env": "qa"}})
	c := resource({"address": "aws_s3_bucket.c", "type": "aws_s3_bucket", "tags": {"env": "dev"}})
	same(findings(config, [a, b, c]), {
		deny("aws_instance.b", `aws_instance.b has tag "env" = "qa", which is not an allowed value: "dev", "staging", "prod"`),
		deny("aws_s3_bucket.c", `aws_s3_bucket.c is missing required tag "owner"`),
	})
}

test_absent_or_empty_config_checks_nothing if {
	r := resource({"tags": {}})
	same(findings({}, [r]), set())
	same(findings({"required_tags": null}, [r]), set())
	same(findings({"required_tags": {}}, [r]), set())
	same(findings({"required_tags": {"keys": null, "values": null}}, [r]), set())
}
