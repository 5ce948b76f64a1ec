# Required tags: every resource this change creates or modifies carries the
# tag keys the platform team requires, with allowed values.
#
# tollgate.yml:
#
#   required_tags:
#     keys: [owner, env]          # each must be present and not empty
#     values:                     # when the tag is present, its value must be listed
#       env: [dev, staging, prod]
package tollgate.builtin.required_tags

config := c if {
	c := data.tollgate.config.required_tags
	is_object(c)
}

# Tag values are strings; YAML may have parsed a listed value as a number.
required contains sprintf("%v", [k]) if some k in object.get(config, "keys", [])

allowed[key] := {sprintf("%v", [v]) | some v in values} if some key, values in object.get(config, "values", {})

watched := required | {key | some key, _ in allowed}

# METADATA
# scope: document
# title: Required tags
# description: >-
#   Resources created or changed by the plan must carry the tag keys listed
#   under required_tags.keys, with a non-empty value, and tags listed under
#   required_tags.values must have one of the allowed values. Effective tags
#   count, provider default_tags included. A tag whose value is known only
#   after apply is reported as a warning, not as missing.
# custom:
#   rule: required-tags
deny contains finding if {
	keys := watched
	count(keys) > 0
	some r in input.resources
	r.taggable

	# Only what this change creates or modifies: an untouched resource is not
	# the pull request's fault, and a deleted one has no tags to fix.
	r.action != "no-op"
	r.action != "delete"

	# Resources share few combinations of the watched tags: problems() runs
	# once per combination (OPA caches function results), not per resource.
	some p in problems(object.filter(r.tags, keys), r.unknown_tags, r.tags_unknown)
	finding := {"msg": message(p, r.address), "address": r.address, "severity": p.severity}
}

# problems lists what is wrong with a resource's watched tags.
problems(tags, unknown, all_unknown) := union({
	missing(tags, unknown, all_unknown),
	empty(tags),
	disallowed(tags),
	unknowable(unknown),
	all_unknowable(tags, unknown, all_unknown),
	sensitive(tags),
})

missing(tags, unknown, all_unknown) := {{"kind": "missing", "key": key, "severity": "deny"} |
	some key in required
	not tags[key]
	not key in unknown
	not all_unknown
}

empty(tags) := {{"kind": "empty", "key": key, "severity": "deny"} |
	some key in required
	trim_space(tags[key]) == ""
}

# An empty required tag is reported as empty, not as a disallowed value.
disallowed(tags) := {{"kind": "value", "key": key, "value": value, "severity": "deny"} |
	some key, values in allowed
	value := tags[key]
	not value in values
	value != "(sensitive)"
	not empty_required(key, value)
}

empty_required(key, value) if {
	key in required
	trim_space(value) == ""
}

unknowable(unknown) := {{"kind": "unknown", "key": key, "severity": "warn"} |
	some key in unknown
	watched[key]
}

# The tag map as a whole is known only after apply: keys absent from it may
# still arrive.
all_unknowable(tags, unknown, all_unknown) := {{"kind": "all-unknown", "key": key, "severity": "warn"} |
	all_unknown
	some key in required
	not tags[key]
	not key in unknown
}

sensitive(tags) := {{"kind": "sensitive", "key": key, "severity": "warn"} |
	some key, _ in allowed
	tags[key] == "(sensitive)"
}

message(p, address) := sprintf("%s is missing required tag %q", [address, p.key]) if p.kind == "missing"

message(p, address) := sprintf("%s has an empty value for required tag %q", [address, p.key]) if p.kind == "empty"

message(p, address) := sprintf("%s has tag %q = %q, which is not an allowed value: %s", [
	address, p.key, p.value,
	concat(", ", [sprintf("%q", [sprintf("%v", [v])]) | some v in config.values[p.key]]),
]) if p.kind == "value"

message(p, address) := sprintf("%s: the value of tag %q is known only after apply and cannot be checked", [address, p.key]) if p.kind == "unknown"

message(p, address) := sprintf("%s: its tags are known only after apply, so required tag %q cannot be checked", [address, p.key]) if p.kind == "all-unknown"

message(p, address) := sprintf("%s: the value of tag %q is sensitive and cannot be checked", [address, p.key]) if p.kind == "sensitive"
