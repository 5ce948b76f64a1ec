package prediction

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// ownIDs are the attributes that identify the resource itself in every
// provider: AWS ids and ARNs, Azure resource ids, GCP ids and self links.
// Attributes naming other resources (subnet_id, instance_id of an
// attachment) are left out: a bill line would then match two resources.
var ownIDs = []string{"id", "arn", "self_link"}

// typeIDs are further identifiers bills use for some types, as paths:
// "a.b" reads b in the object, or every object of the list, a.
var typeIDs = map[string][]string{
	// RDS bills name the instance by ARN; its DbiResourceId shows up in
	// Performance Insights and CloudWatch lines.
	"aws_db_instance": {"resource_id"},
	"aws_rds_cluster": {"cluster_resource_id"},
	// An instance's EBS volumes are billed under their own vol- ids, and
	// priced as the instance's components.
	"aws_instance":              {"root_block_device.volume_id", "ebs_block_device.volume_id"},
	"aws_spot_instance_request": {"spot_instance_id", "root_block_device.volume_id", "ebs_block_device.volume_id"},
	// The public IPv4 charge of an Elastic IP is billed on the network
	// interface it is attached to.
	"aws_eip":             {"network_interface"},
	"aws_lambda_function": {"qualified_arn"},
	// Each node of a replication group is billed as a cluster of its own.
	"aws_elasticache_replication_group": {"member_clusters"},
	// The billing export names a VM by its numeric id.
	"google_compute_instance": {"instance_id"},
}

// identifiers reads the identifiers of one resource instance from its
// attribute values (a JSON object, or null).
func identifiers(typ string, raw json.RawMessage) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var values map[string]json.RawMessage
	if err := json.Unmarshal(raw, &values); err != nil {
		return nil, fmt.Errorf("its values are not an object: %s", showJSON)
	}
	var out []string
	for _, path := range slices.Concat(ownIDs, typeIDs[typ]) {
		out = appendStrings(out, values, strings.Split(path, "."))
	}
	return out, nil
}

// appendStrings appends the non-empty strings at path in values; values of
// another shape are not identifiers and are passed over.
func appendStrings(out []string, values map[string]json.RawMessage, path []string) []string {
	raw, ok := values[path[0]]
	if !ok {
		return out
	}
	if len(path) == 1 {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
			return out
		}
		var list []string
		if json.Unmarshal(raw, &list) == nil {
			for _, s := range list {
				if s = strings.TrimSpace(s); s != "" {
					out = append(out, s)
				}
			}
		}
		return out
	}
	var objects []map[string]json.RawMessage
	if json.Unmarshal(raw, &objects) != nil {
		var object map[string]json.RawMessage
		if json.Unmarshal(raw, &object) != nil {
			return out
		}
		objects = []map[string]json.RawMessage{object}
	}
	for _, o := range objects {
		out = appendStrings(out, o, path[1:])
	}
	return out
}

// settle sorts each resource's identifiers and drops repeats, then
// resolves identifiers that several resources give. Some providers reuse
// a resource's id for the resources that configure it (an S3 bucket's
// versioning, an Azure subnet's security group association): such an id
// stays only with the resource whose type the others' types extend
// (aws_s3_bucket for aws_s3_bucket_versioning). Other shared identifiers
// are kept by all, for the matcher to see the ambiguity.
func settle(ids map[string][]string, types map[string]string) {
	owners := map[string][]string{} // identifier -> addresses
	for _, addr := range slices.Sorted(maps.Keys(ids)) {
		list := slices.Compact(slices.Sorted(slices.Values(ids[addr])))
		ids[addr] = list
		for _, id := range list {
			owners[id] = append(owners[id], addr)
		}
	}
	for id, addrs := range owners {
		if len(addrs) < 2 {
			continue
		}
		owner := ""
		for _, a := range addrs {
			if owner == "" || len(types[a]) < len(types[owner]) {
				owner = a
			}
		}
		base := types[owner] + "_"
		extends := func(a string) bool { return a == owner || strings.HasPrefix(types[a], base) }
		if !slices.ContainsFunc(addrs, func(a string) bool { return a != owner && types[a] == types[owner] }) &&
			!slices.ContainsFunc(addrs, func(a string) bool { return !extends(a) }) {
			for _, a := range addrs {
				if a != owner {
					ids[a] = slices.DeleteFunc(ids[a], func(s string) bool { return s == id })
				}
			}
		}
	}
	for addr, list := range ids {
		if len(list) == 0 {
			ids[addr] = nil
		}
	}
}
