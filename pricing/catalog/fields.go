package catalog

import "strings"

// templates name the parts of a service's keys, for searching the catalog
// (tollgate pricing show aws ec2 --filter instance_type=m5.*). A part in
// braces is a field; the others must match literally. They follow the key
// tables of README.md.
var templates = map[string][]string{
	"aws-ec2": {
		"instance/{instance_type}/{os}",
		"cpu-credit/{family}/{os}",
		"ebs-optimized/{instance_type}",
	},
	"aws-rds": {
		"instance/{instance_class}/{engine}",
		"instance/{instance_class}/{engine}/multi-az",
		"storage/{storage_type}",
		"storage/{storage_type}/multi-az",
		"iops/{storage_type}",
		"iops/{storage_type}/multi-az",
	},
	"aws-ebs":          {"storage/{type}", "iops/{type}", "iops/{type}/{tier}", "throughput/{type}", "snapshot/{tier}"},
	"aws-elasticache":  {"node/{node_type}", "node/{node_type}/{engine}"},
	"aws-elb":          {"{load_balancer_type}", "{load_balancer_type}/lcu", "{load_balancer_type}/data"},
	"aws-s3":           {"storage/{storage_class}", "requests/{request}/{storage_class}"},
	"aws-fargate":      {"vcpu/{arch}", "memory/{arch}"},
	"azure-vm":         {"vm/{size}/{os}"},
	"azure-disk":       {"disk/{tier}/{redundancy}", "operations/{type}/{redundancy}"},
	"azure-storage":    {"blob/{access_tier}/{redundancy}", "blob/{access_tier}/{redundancy}/{band}"},
	"azure-network":    {"public-ip/{sku}/{allocation}"},
	"azure-firewall":   {"firewall/{tier}", "firewall/{tier}/hub", "firewall/{tier}/data", "firewall/{tier}/hub/data"},
	"azure-sql":        {"dtu/{sku}", "vcore/{edition}/{family}", "serverless/{edition}/{family}", "license/{edition}", "storage/{edition}"},
	"azure-postgresql": {"compute/burstable/{size}", "compute/{tier}/{series}"},
	"azure-mysql":      {"compute/burstable/{size}", "compute/{tier}/{series}"},
	"azure-appservice": {"plan/{sku}/{os}"},
	"gcp-compute": {
		"machine/{machine_type}",
		"spot/{family}/{resource}",
		"custom/{family}/{resource}",
		"disk/{type}",
		"disk/{type}/regional",
	},
	"gcp-storage": {"storage/{storage_class}", "retrieval/{storage_class}"},
	"gcp-sql":     {"vcpu/{engine}", "ram/{engine}", "instance/{tier}/{engine}", "storage/{type}/{engine}"},
}

// Fields splits a key of a service into its named fields, with "key" (the
// whole key) and "kind" (its first part) for every key.
func Fields(service, key string) map[string]string {
	parts := strings.Split(key, "/")
	out := map[string]string{"key": key, "kind": parts[0]}
	for _, t := range templates[service] {
		tparts := strings.Split(t, "/")
		if len(tparts) != len(parts) {
			continue
		}
		fields := map[string]string{}
		for i, tp := range tparts {
			if name, ok := strings.CutPrefix(tp, "{"); ok {
				fields[strings.TrimSuffix(name, "}")] = parts[i]
			} else if tp != parts[i] {
				fields = nil
				break
			}
		}
		if fields != nil {
			for k, v := range fields {
				out[k] = v
			}
			return out
		}
	}
	return out
}

// FieldNames lists the fields a service's keys may have, "key" and "kind"
// first.
func FieldNames(service string) []string {
	out := []string{"key", "kind"}
	seen := map[string]bool{"key": true, "kind": true}
	for _, t := range templates[service] {
		for _, tp := range strings.Split(t, "/") {
			if name, ok := strings.CutPrefix(tp, "{"); ok {
				if name = strings.TrimSuffix(name, "}"); !seen[name] {
					seen[name] = true
					out = append(out, name)
				}
			}
		}
	}
	return out
}
