// Package synth writes synthetic `terraform show -json` plans of any size
// for benchmarks: a mix of AWS resource types spread over module instances,
// with creates, updates, replacements (both orders), deletions and
// unchanged resources, sensitive values, references, and the
// planned_values, prior_state and configuration sections real plans carry
// (about 4 KB of JSON per resource, as in real AWS plans). The output is
// deterministic for a given size.
package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// Modules is how many module instances the resources are spread over.
const Modules = 50

type kind struct {
	typ    string
	weight int
	attrs  func(r *rand.Rand, i int) map[string]any
}

var instanceTypes = []string{"t3.micro", "t3.medium", "m5.large", "m5.xlarge", "c5.2xlarge", "r5.large", "m6i.large", "t4g.small"}

var kinds = []kind{
	{"aws_instance", 30, instanceAttrs},
	{"aws_ebs_volume", 15, func(r *rand.Rand, i int) map[string]any {
		return map[string]any{"availability_zone": "us-east-1a", "size": 20 + r.IntN(500), "type": pick(r, "gp2", "gp3", "io1"), "iops": 3000, "encrypted": true, "final_snapshot": false, "multi_attach_enabled": false, "tags": tags(i)}
	}},
	{"aws_db_instance", 5, func(r *rand.Rand, i int) map[string]any {
		return map[string]any{"engine": pick(r, "postgres", "mysql"), "instance_class": pick(r, "db.t3.medium", "db.m5.large", "db.r5.large"), "allocated_storage": 100, "storage_type": "gp3", "multi_az": r.IntN(2) == 0, "username": "app", "password": "not-a-real-password", "backup_retention_period": 7, "skip_final_snapshot": true, "tags": tags(i), "parameter_group_name": "default.postgres16", "publicly_accessible": false}
	}},
	{"aws_nat_gateway", 2, func(r *rand.Rand, i int) map[string]any {
		return map[string]any{"connectivity_type": "public", "subnet_id": fmt.Sprintf("subnet-%08x", r.Uint32()), "tags": tags(i)}
	}},
	{"aws_lb", 3, func(r *rand.Rand, i int) map[string]any {
		return map[string]any{"load_balancer_type": pick(r, "application", "network"), "internal": false, "idle_timeout": 60, "enable_http2": true, "subnets": []any{"subnet-0a1b2c3d", "subnet-0e1f2a3b"}, "tags": tags(i)}
	}},
	{"aws_s3_bucket", 10, func(r *rand.Rand, i int) map[string]any {
		return map[string]any{"bucket": fmt.Sprintf("bucket-%d", i), "force_destroy": false, "tags": tags(i)}
	}},
	{"aws_lambda_function", 10, func(r *rand.Rand, i int) map[string]any {
		return map[string]any{"function_name": fmt.Sprintf("fn-%d", i), "runtime": "python3.12", "handler": "main.handler", "memory_size": 128 << r.IntN(4), "timeout": 30, "architectures": []any{pick(r, "x86_64", "arm64")}, "package_type": "Zip", "environment": []any{map[string]any{"variables": map[string]any{"LOG_LEVEL": "info", "STAGE": "prod"}}}, "tags": tags(i)}
	}},
	{"aws_iam_role", 15, func(r *rand.Rand, i int) map[string]any {
		return map[string]any{"name": fmt.Sprintf("role-%d", i), "path": "/", "max_session_duration": 3600, "assume_role_policy": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`, "tags": tags(i)}
	}},
	{"aws_security_group", 10, func(r *rand.Rand, i int) map[string]any {
		return map[string]any{"name": fmt.Sprintf("sg-%d", i), "description": "Managed by Terraform", "revoke_rules_on_delete": false, "ingress": []any{map[string]any{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": []any{"10.0.0.0/8"}, "description": "https", "self": false}}, "tags": tags(i)}
	}},
}

func instanceAttrs(r *rand.Rand, i int) map[string]any {
	return map[string]any{
		"ami":                                  fmt.Sprintf("ami-%017x", r.Uint64()>>4),
		"instance_type":                        instanceTypes[r.IntN(len(instanceTypes))],
		"associate_public_ip_address":          false,
		"ebs_optimized":                        true,
		"monitoring":                           r.IntN(4) == 0,
		"get_password_data":                    false,
		"source_dest_check":                    true,
		"user_data_replace_on_change":          false,
		"user_data":                            strings.Repeat("IyEvYmluL2Jhc2gKc2V0IC1ldQphcHQtZ2V0IHVwZGF0ZQo=", 8),
		"credit_specification":                 []any{},
		"ebs_block_device":                     []any{map[string]any{"device_name": "/dev/sdf", "volume_size": 50, "volume_type": "gp3", "delete_on_termination": true, "tags": nil}},
		"root_block_device":                    []any{map[string]any{"volume_size": 30, "volume_type": "gp3", "delete_on_termination": true, "tags": nil}},
		"metadata_options":                     []any{map[string]any{"http_endpoint": "enabled", "http_tokens": "required", "http_put_response_hop_limit": 1, "instance_metadata_tags": "disabled"}},
		"tags":                                 tags(i),
		"volume_tags":                          nil,
		"timeouts":                             nil,
		"capacity_reservation_specification":   []any{map[string]any{"capacity_reservation_preference": "open", "capacity_reservation_target": []any{}}},
		"cpu_options":                          []any{map[string]any{"amd_sev_snp": "", "core_count": 1, "threads_per_core": 2}},
		"enclave_options":                      []any{map[string]any{"enabled": false}},
		"maintenance_options":                  []any{map[string]any{"auto_recovery": "default"}},
		"private_dns_name_options":             []any{map[string]any{"enable_resource_name_dns_a_record": false, "enable_resource_name_dns_aaaa_record": false, "hostname_type": "ip-name"}},
		"disable_api_stop":                     false,
		"disable_api_termination":              false,
		"hibernation":                          false,
		"iam_instance_profile":                 fmt.Sprintf("profile-%d", i),
		"instance_initiated_shutdown_behavior": "stop",
		"ipv6_address_count":                   0,
		"ipv6_addresses":                       []any{},
		"launch_template":                      []any{},
		"network_interface":                    []any{},
		"placement_partition_number":           0,
		"secondary_private_ips":                []any{},
		"ephemeral_block_device":               []any{},
		"host_resource_group_arn":              nil,
		"user_data_base64":                     nil,
	}
}

func tags(i int) map[string]any {
	return map[string]any{"Name": fmt.Sprintf("res-%d", i), "owner": "platform@example.com", "env": "prod", "cost-center": "cc-1234", "service": fmt.Sprintf("svc-%d", i%Modules)}
}

// withTagsAll adds tags_all, which the AWS provider plans as the merge of
// default_tags and tags.
func withTagsAll(m map[string]any) map[string]any {
	all := map[string]any{"managed-by": "terraform", "repository": "github.com/example/infrastructure"}
	for k, v := range m["tags"].(map[string]any) {
		all[k] = v
	}
	m["tags_all"] = all
	return m
}

func pick(r *rand.Rand, options ...string) string { return options[r.IntN(len(options))] }

// unknownAfter is what a real plan marks as known only after apply.
var unknownAfter = map[string]any{"ipv6_addresses": true, "network_interface": true, "secondary_private_ips": true, "password_data": true, "host_id": true, "cpu_core_count": true, "cpu_threads_per_core": true, "ebs_block_device": []any{map[string]any{"encrypted": true, "iops": true, "kms_key_id": true, "snapshot_id": true, "throughput": true, "volume_id": true}}, "root_block_device": []any{map[string]any{"device_name": true, "encrypted": true, "iops": true, "kms_key_id": true, "throughput": true, "volume_id": true}}, "id": true, "arn": true, "private_ip": true, "availability_zone": true, "primary_network_interface_id": true, "private_dns": true, "public_dns": true, "public_ip": true, "vpc_security_group_ids": true, "subnet_id": true, "key_name": true, "tenancy": true, "instance_state": true, "placement_group": true, "security_groups": true, "outpost_arn": true}

type resource struct {
	module, address, typ, name string
	index                      int
	actions                    []string
	before, after              map[string]any
}

// Write writes a plan of n resources to w.
func Write(w io.Writer, n int) error {
	r := rand.New(rand.NewPCG(uint64(n), 2024))
	total := 0
	for _, k := range kinds {
		total += k.weight
	}
	perModule := (n + Modules - 1) / Modules
	var rs []resource
	for i := 0; i < n; i++ {
		w := r.IntN(total)
		var k kind
		for _, k = range kinds {
			if w < k.weight {
				break
			}
			w -= k.weight
		}
		mod := fmt.Sprintf(`module.svc["svc-%02d"]`, i/perModule)
		idx := i % perModule
		res := resource{module: mod, typ: k.typ, name: "this", index: idx}
		res.address = fmt.Sprintf("%s.%s.this[%d]", mod, k.typ, idx)
		after := withTagsAll(k.attrs(r, i))
		switch a := r.IntN(100); {
		case a < 60:
			res.actions, res.after = []string{"create"}, after
		case a < 75:
			before := withTagsAll(k.attrs(r, i))
			res.actions, res.before, res.after = []string{"update"}, before, after
		case a < 85:
			res.actions, res.before, res.after = []string{"no-op"}, after, after
		case a < 90:
			res.actions, res.before = []string{"delete"}, after
		case a < 95:
			before := withTagsAll(k.attrs(r, i))
			res.actions, res.before, res.after = []string{"delete", "create"}, before, after
		default:
			before := withTagsAll(k.attrs(r, i))
			res.actions, res.before, res.after = []string{"create", "delete"}, before, after
		}
		rs = append(rs, res)
	}

	bw := bufio.NewWriterSize(w, 1<<20)
	enc := func(v any) {
		b, _ := json.Marshal(v) // synthetic values always marshal
		bw.Write(b)
	}
	bw.WriteString(`{"format_version":"1.2","terraform_version":"1.9.8","planned_values":{"root_module":{"child_modules":[`)
	writeModules(bw, rs, func(res resource) map[string]any { return res.after }, enc)
	bw.WriteString(`]}},"resource_changes":[`)
	for i, res := range rs {
		if i > 0 {
			bw.WriteByte(',')
		}
		var afterUnknown any = map[string]any{}
		if res.after != nil && res.actions[0] != "no-op" {
			afterUnknown = unknownAfter
		}
		enc(map[string]any{
			"address": res.address, "module_address": res.module, "mode": "managed", "type": res.typ, "name": res.name, "index": res.index,
			"provider_name": "registry.terraform.io/hashicorp/aws",
			"change":        map[string]any{"actions": res.actions, "before": res.before, "after": res.after, "after_unknown": afterUnknown, "before_sensitive": map[string]any{}, "after_sensitive": map[string]any{}},
		})
	}
	bw.WriteString(`],"prior_state":{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":{"child_modules":[`)
	writeModules(bw, rs, func(res resource) map[string]any { return res.before }, enc)
	bw.WriteString(`]}}},"variables":{"region":{"value":"us-east-1"}},"configuration":{"provider_config":{"aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws","expressions":{"region":{"references":["var.region"]},"default_tags":[{"tags":{"constant_value":{"managed-by":"terraform"}}}]}}},"root_module":{"module_calls":{"svc":{"source":"./modules/svc","for_each_expression":{"references":["local.services"]},"module":{"resources":[`)
	for i, k := range kinds {
		if i > 0 {
			bw.WriteByte(',')
		}
		enc(map[string]any{"address": k.typ + ".this", "mode": "managed", "type": k.typ, "name": "this", "provider_config_key": "aws", "count_expression": map[string]any{"references": []any{"var.count"}}, "schema_version": 0,
			"expressions": map[string]any{
				"tags":      map[string]any{"references": []any{"local.tags"}},
				"subnet_id": map[string]any{"references": []any{"aws_subnet.main.id", "aws_subnet.main"}},
				"root_block_device": []any{map[string]any{
					"volume_size": map[string]any{"constant_value": 30},
					"kms_key_id":  map[string]any{"references": []any{"aws_kms_key.main.arn", "aws_kms_key.main"}},
				}},
			}})
	}
	bw.WriteString(`]}}}}},"timestamp":"2026-11-26T10:00:00Z","errored":false}` + "\n")
	return bw.Flush()
}

// writeModules writes the module instances of planned_values or
// prior_state with the values that state has.
func writeModules(bw *bufio.Writer, rs []resource, values func(resource) map[string]any, enc func(any)) {
	first := true
	for start := 0; start < len(rs); {
		end := start
		for end < len(rs) && rs[end].module == rs[start].module {
			end++
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		fmt.Fprintf(bw, `{"address":%q,"resources":[`, rs[start].module)
		n := 0
		for _, res := range rs[start:end] {
			v := values(res)
			if v == nil {
				continue
			}
			if n > 0 {
				bw.WriteByte(',')
			}
			n++
			enc(map[string]any{"address": res.address, "mode": "managed", "type": res.typ, "name": res.name, "index": res.index, "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 1, "values": v, "sensitive_values": map[string]any{}})
		}
		bw.WriteString("]}")
		start = end
	}
}
