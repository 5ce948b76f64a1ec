package plan

import (
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
	"testing"
)

// synthPlan builds a plan shaped like real ones: n resource changes of
// mixed types and actions, each with its own configuration block, and
// planned_values and prior_state repeating the values as Terraform does.
// 10,000 resources make about 40 MB.
func synthPlan(n int) []byte {
	actions := [][]string{{"create"}, {"update"}, {"no-op"}, {"delete", "create"}, {"no-op"}, {"delete"}, {"create", "delete"}}
	var changes, planned, prior, blocks []any
	for i := range n {
		typ, vals := synthValues(i)
		name := fmt.Sprintf("r%d", i)
		addr := typ + "." + name
		act := actions[i%len(actions)]
		var before, after any = vals, vals
		switch act[0] {
		case "create":
			before = nil
		case "delete":
			if len(act) == 1 {
				after = nil
			}
		}
		changes = append(changes, map[string]any{
			"address": addr, "mode": "managed", "type": typ, "name": name,
			"provider_name": "registry.terraform.io/hashicorp/aws",
			"change": map[string]any{
				"actions": act, "before": before, "after": after,
				"after_unknown":    map[string]any{"id": true, "arn": true, "tags": map[string]any{}, "tags_all": map[string]any{}},
				"before_sensitive": map[string]any{"tags": map[string]any{}},
				"after_sensitive":  map[string]any{"tags": map[string]any{}, "password": true},
			},
		})
		inst := map[string]any{
			"address": addr, "mode": "managed", "type": typ, "name": name,
			"provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 1,
			"values": vals, "sensitive_values": map[string]any{"tags": map[string]any{}},
		}
		planned = append(planned, inst)
		prior = append(prior, inst)
		blocks = append(blocks, map[string]any{
			"address": addr, "mode": "managed", "type": typ, "name": name,
			"provider_config_key": "aws", "schema_version": 1,
			"expressions": map[string]any{
				"instance_type": map[string]any{"constant_value": "m5.large"},
				"subnet_id":     map[string]any{"references": []string{"aws_subnet.main.id", "aws_subnet.main"}},
				"tags":          map[string]any{"constant_value": map[string]any{"Name": name}},
				"root_block_device": []any{map[string]any{
					"volume_size": map[string]any{"constant_value": 50},
					"kms_key_id":  map[string]any{"references": []string{"aws_kms_key.main.arn", "aws_kms_key.main"}},
				}},
			},
		})
	}
	plan := map[string]any{
		"format_version": "1.2", "terraform_version": "1.9.5",
		"variables":        map[string]any{"region": map[string]any{"value": "eu-west-1"}},
		"planned_values":   map[string]any{"root_module": map[string]any{"resources": planned}},
		"resource_changes": changes,
		"prior_state": map[string]any{"format_version": "1.0", "terraform_version": "1.9.5",
			"values": map[string]any{"root_module": map[string]any{"resources": prior}}},
		"configuration": map[string]any{
			"provider_config": map[string]any{"aws": map[string]any{
				"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws",
				"expressions": map[string]any{
					"region":       map[string]any{"references": []string{"var.region"}},
					"default_tags": []any{map[string]any{"tags": map[string]any{"constant_value": map[string]any{"team": "platform"}}}},
				},
			}},
			"root_module": map[string]any{"resources": blocks},
		},
	}
	data, err := json.Marshal(plan)
	if err != nil {
		panic(err)
	}
	return data
}

// synthValues returns the type and attribute values of resource i.
func synthValues(i int) (string, map[string]any) {
	tags := map[string]any{"Name": fmt.Sprintf("r%d", i), "env": "prod", "owner": "team-a", "cost-center": "1234"}
	common := map[string]any{
		"id":       fmt.Sprintf("id-%017x", i),
		"arn":      fmt.Sprintf("arn:aws:ec2:eu-west-1:123456789012:thing/id-%017x", i),
		"tags":     tags,
		"tags_all": tags,
	}
	switch i % 3 {
	case 0:
		common["instance_type"] = "m5.large"
		common["ami"] = "ami-0123456789abcdef0"
		common["availability_zone"] = "eu-west-1a"
		common["tenancy"] = "default"
		common["monitoring"] = false
		common["ebs_optimized"] = true
		common["user_data"] = "IyEvYmluL2Jhc2gKZWNobyBoZWxsbwo="
		common["vpc_security_group_ids"] = []any{"sg-0123456789abcdef0", "sg-0fedcba9876543210"}
		common["subnet_id"] = "subnet-0123456789abcdef0"
		common["private_ip"] = fmt.Sprintf("10.0.%d.%d", i/250%250, i%250)
		common["root_block_device"] = []any{map[string]any{"volume_size": 50, "volume_type": "gp3", "iops": 3000, "throughput": 125, "encrypted": true, "delete_on_termination": true, "device_name": "/dev/xvda", "kms_key_id": "arn:aws:kms:eu-west-1:123456789012:key/0000", "tags": nil}}
		common["ebs_block_device"] = []any{map[string]any{"volume_size": 200, "volume_type": "io1", "iops": 4000, "device_name": "/dev/sdb", "encrypted": false, "snapshot_id": nil}}
		common["metadata_options"] = []any{map[string]any{"http_endpoint": "enabled", "http_tokens": "required", "http_put_response_hop_limit": 2, "instance_metadata_tags": "disabled"}}
		common["credit_specification"] = []any{}
		common["cpu_core_count"] = 1
		common["cpu_threads_per_core"] = 2
		return "aws_instance", common
	case 1:
		common["availability_zone"] = "eu-west-1b"
		common["size"] = 500
		common["type"] = "gp3"
		common["iops"] = 6000
		common["throughput"] = 250
		common["encrypted"] = true
		common["kms_key_id"] = "arn:aws:kms:eu-west-1:123456789012:key/0000"
		common["multi_attach_enabled"] = false
		common["snapshot_id"] = ""
		common["final_snapshot"] = false
		return "aws_ebs_volume", common
	}
	common["engine"] = "postgres"
	common["engine_version"] = "15.4"
	common["instance_class"] = "db.m5.large"
	common["allocated_storage"] = 100
	common["max_allocated_storage"] = 500
	common["storage_type"] = "gp3"
	common["iops"] = 3000
	common["multi_az"] = true
	common["username"] = "admin"
	common["password"] = "not-a-real-password"
	common["backup_retention_period"] = 7
	common["backup_window"] = "03:00-04:00"
	common["maintenance_window"] = "sun:05:00-sun:06:00"
	common["db_subnet_group_name"] = "main"
	common["parameter_group_name"] = "default.postgres15"
	common["publicly_accessible"] = false
	common["storage_encrypted"] = true
	common["skip_final_snapshot"] = true
	common["performance_insights_enabled"] = true
	common["vpc_security_group_ids"] = []any{"sg-0123456789abcdef0"}
	return "aws_db_instance", common
}

var (
	benchOnce sync.Once
	benchPlan []byte
)

// BenchmarkParse parses a 10,000-resource plan of about 40 MB. The
// product target is the whole estimate of such a plan in under a second
// and 400 MB on two cores, so parsing must stay well under half of that.
func BenchmarkParse(b *testing.B) {
	benchOnce.Do(func() { benchPlan = synthPlan(10000) })
	b.SetBytes(int64(len(benchPlan)))
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		set, err := Parse("synthetic.json", benchPlan, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(set.Resources) == 0 {
			b.Fatal("no resources")
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
		runtime.KeepAlive(set)
	}
	b.ReportMetric(float64(len(benchPlan))/1e6, "MB-plan")
	b.ReportMetric(float64(peak)/1e6, "MB-heap-inuse")
}

// BenchmarkScan measures validating the whole plan, the one pass over
// every byte that Parse cannot spread over cores.
func BenchmarkScan(b *testing.B) {
	benchOnce.Do(func() { benchPlan = synthPlan(10000) })
	b.SetBytes(int64(len(benchPlan)))
	for b.Loop() {
		if _, err := skipValue(benchPlan, 0); err != nil {
			b.Fatal(err)
		}
	}
}
