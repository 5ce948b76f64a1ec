package prediction

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadStateFiles(t *testing.T) {
	const (
		rg   = "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-tollgate-demo"
		gce  = "https://www.googleapis.com/compute/v1/"
		zone = "projects/acme-prod/zones/europe-west1-b/"
	)
	tests := []struct {
		name string
		file string
		want map[string][]string
	}{
		{
			name: "aws after apply",
			file: "../../../testdata/reconcile/state.json",
			want: map[string][]string{
				"aws_db_instance.db": {"arn:aws:rds:us-east-1:123456789012:db:tollgate-demo-db", "db-KX7QZ3L5N2VJ4W6Y8R1T0UPA3E"},
				"aws_instance.web[0]": {"arn:aws:ec2:us-east-1:123456789012:instance/i-0a1b2c3d4e5f60718",
					"i-0a1b2c3d4e5f60718", "vol-0a1b2c3d4e5f60719"},
				"aws_instance.web[1]": {"arn:aws:ec2:us-east-1:123456789012:instance/i-0a1b2c3d4e5f6071a",
					"i-0a1b2c3d4e5f6071a", "vol-0a1b2c3d4e5f6071b"},
				// id and arn are the same: one entry.
				"aws_lb.web":           {"arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/tollgate-demo-web/50dc6c495c0c9188"},
				"aws_nat_gateway.main": {"nat-0123456789abcdef0"},
				"aws_s3_bucket.assets": {"arn:aws:s3:::tollgate-demo-assets-7f3a", "tollgate-demo-assets-7f3a"},
			},
		},
		{
			name: "azure with a for_each module, count and a shared subnet id",
			file: "testdata/azure-state.json",
			want: map[string][]string{
				"azurerm_managed_disk.data[0]": {rg + "/providers/Microsoft.Compute/disks/disk-data-0"},
				"azurerm_managed_disk.data[1]": {rg + "/providers/Microsoft.Compute/disks/disk-data-1"},
				"azurerm_resource_group.main":  {rg},
				"azurerm_storage_account.logs": {rg + "/providers/Microsoft.Storage/storageAccounts/sttollgatelogs"},
				"azurerm_subnet.app":           {rg + "/providers/Microsoft.Network/virtualNetworks/vnet-demo/subnets/snet-app"},
				// Its id is the subnet's: the bill's subnet lines are the subnet's.
				"azurerm_subnet_network_security_group_association.app": nil,
				"azurerm_virtual_network.main":                          {rg + "/providers/Microsoft.Network/virtualNetworks/vnet-demo"},
				`module.vm["web"].azurerm_linux_virtual_machine.this`:   {rg + "/providers/Microsoft.Compute/virtualMachines/vm-web"},
				`module.vm["web"].azurerm_network_interface.this`:       {rg + "/providers/Microsoft.Network/networkInterfaces/nic-web"},
			},
		},
		{
			name: "gcp with nested modules and a deposed object",
			file: "testdata/gcp-state.json",
			want: map[string][]string{
				"google_compute_disk.data": {gce + zone + "disks/data", zone + "disks/data"},
				"google_compute_instance.web[0]": {"4567891234567891234",
					gce + zone + "instances/web-0", zone + "instances/web-0"},
				"google_compute_instance.web[1]": {"4567891234567890001", "4567891234567895678",
					gce + zone + "instances/web-1", gce + zone + "instances/web-1-old",
					zone + "instances/web-1", zone + "instances/web-1-old"},
				"google_sql_database_instance.main":       {"https://sqladmin.googleapis.com/sql/v1beta4/projects/acme-prod/instances/tollgate-demo-pg", "tollgate-demo-pg"},
				"google_storage_bucket.assets":            {"acme-prod-assets", "https://www.googleapis.com/storage/v1/b/acme-prod-assets"},
				"google_storage_bucket_iam_member.public": {"b/acme-prod-assets/roles/storage.objectViewer/allUsers"},
				"module.network.google_compute_network.vpc": {gce + "projects/acme-prod/global/networks/vpc",
					"projects/acme-prod/global/networks/vpc"},
				"module.network.module.nat[0].google_compute_router_nat.this": {"acme-prod/europe-west1/router/nat"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := os.Open(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := ReadState(f, filepath.Base(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ReadState(%s) (-want +got):\n%s", tt.file, diff)
			}
		})
	}
}

func TestReadState(t *testing.T) {
	tests := []struct {
		name  string
		state string
		want  map[string][]string
	}{
		{
			name: "root and nested modules, data sources skipped",
			state: `{"format_version":"1.0","values":{"root_module":{
				"resources":[
					{"address":"aws_ebs_volume.a","mode":"managed","type":"aws_ebs_volume","name":"a","values":{"id":"vol-1","arn":"arn:aws:ec2:us-east-1:1:volume/vol-1"}},
					{"address":"data.aws_ami.ubuntu","mode":"data","type":"aws_ami","name":"ubuntu","values":{"id":"ami-1","arn":"arn:aws:ec2:us-east-1::image/ami-1"}}],
				"child_modules":[{"address":"module.a","resources":[
					{"address":"module.a.aws_sqs_queue.q","mode":"managed","type":"aws_sqs_queue","name":"q","values":{"id":"https://sqs.us-east-1.amazonaws.com/1/q","arn":"arn:aws:sqs:us-east-1:1:q"}}],
					"child_modules":[{"address":"module.a.module.b[0]","resources":[
						{"address":"module.a.module.b[0].aws_sns_topic.t","mode":"managed","type":"aws_sns_topic","name":"t","values":{"id":"arn:aws:sns:us-east-1:1:t","arn":"arn:aws:sns:us-east-1:1:t"}}]}]}]}}}`,
			want: map[string][]string{
				"aws_ebs_volume.a":                     {"arn:aws:ec2:us-east-1:1:volume/vol-1", "vol-1"},
				"module.a.aws_sqs_queue.q":             {"arn:aws:sqs:us-east-1:1:q", "https://sqs.us-east-1.amazonaws.com/1/q"},
				"module.a.module.b[0].aws_sns_topic.t": {"arn:aws:sns:us-east-1:1:t"},
			},
		},
		{
			name: "count and for_each instances",
			state: `{"format_version":"1.0","values":{"root_module":{"resources":[
				{"address":"aws_eip.a[0]","mode":"managed","type":"aws_eip","name":"a","index":0,"values":{"id":"eipalloc-0","network_interface":"eni-0"}},
				{"address":"aws_eip.a[1]","mode":"managed","type":"aws_eip","name":"a","index":1,"values":{"id":"eipalloc-1","network_interface":""}},
				{"address":"aws_lambda_function.f[\"a.b\"]","mode":"managed","type":"aws_lambda_function","name":"f","index":"a.b","values":{"arn":"arn:aws:lambda:us-east-1:1:function:ab","qualified_arn":"arn:aws:lambda:us-east-1:1:function:ab:3","id":"ab"}}]}}}`,
			want: map[string][]string{
				"aws_eip.a[0]":                 {"eipalloc-0", "eni-0"},
				"aws_eip.a[1]":                 {"eipalloc-1"},
				`aws_lambda_function.f["a.b"]`: {"ab", "arn:aws:lambda:us-east-1:1:function:ab", "arn:aws:lambda:us-east-1:1:function:ab:3"},
			},
		},
		{
			name: "references to other resources are not identifiers",
			state: `{"format_version":"1.0","values":{"root_module":{"resources":[
				{"address":"aws_instance.a","mode":"managed","type":"aws_instance","name":"a","values":{"id":"i-1","subnet_id":"subnet-1","root_block_device":[{"volume_id":"vol-r"}],"ebs_block_device":[{"volume_id":"vol-e1"},{"volume_id":"vol-e2"}]}},
				{"address":"aws_volume_attachment.a","mode":"managed","type":"aws_volume_attachment","name":"a","values":{"id":"vai-1","instance_id":"i-1","volume_id":"vol-e1"}},
				{"address":"aws_db_instance.a","mode":"managed","type":"aws_db_instance","name":"a","values":{"id":"db-ABC","resource_id":"db-ABC","arn":"arn:aws:rds:us-east-1:1:db:a","db_subnet_group_name":"default"}},
				{"address":"aws_elasticache_replication_group.r","mode":"managed","type":"aws_elasticache_replication_group","name":"r","values":{"id":"r","member_clusters":["r-002","r-001"]}}]}}}`,
			want: map[string][]string{
				"aws_instance.a":                      {"i-1", "vol-e1", "vol-e2", "vol-r"},
				"aws_volume_attachment.a":             {"vai-1"},
				"aws_db_instance.a":                   {"arn:aws:rds:us-east-1:1:db:a", "db-ABC"},
				"aws_elasticache_replication_group.r": {"r", "r-001", "r-002"},
			},
		},
		{
			name: "an id shared by a bucket and its configuration stays with the bucket",
			state: `{"format_version":"1.0","values":{"root_module":{"resources":[
				{"address":"aws_s3_bucket_versioning.b","mode":"managed","type":"aws_s3_bucket_versioning","name":"b","values":{"id":"logs","bucket":"logs"}},
				{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{"id":"logs","arn":"arn:aws:s3:::logs"}},
				{"address":"aws_s3_bucket_public_access_block.b","mode":"managed","type":"aws_s3_bucket_public_access_block","name":"b","values":{"id":"logs"}}]}}}`,
			want: map[string][]string{
				"aws_s3_bucket.b":                     {"arn:aws:s3:::logs", "logs"},
				"aws_s3_bucket_public_access_block.b": nil,
				"aws_s3_bucket_versioning.b":          nil,
			},
		},
		{
			name: "an id shared by unrelated resources stays with both",
			state: `{"format_version":"1.0","values":{"root_module":{"resources":[
				{"address":"aws_instance.a","mode":"managed","type":"aws_instance","name":"a","values":{"id":"i-1"}},
				{"address":"aws_instance.b","mode":"managed","type":"aws_instance","name":"b","values":{"id":"i-1"}},
				{"address":"aws_eip.c","mode":"managed","type":"aws_eip","name":"c","values":{"id":"x"}},
				{"address":"aws_sqs_queue.d","mode":"managed","type":"aws_sqs_queue","name":"d","values":{"id":"x"}}]}}}`,
			want: map[string][]string{
				"aws_instance.a":  {"i-1"},
				"aws_instance.b":  {"i-1"},
				"aws_eip.c":       {"x"},
				"aws_sqs_queue.d": {"x"},
			},
		},
		{
			name: "empty, blank, null and non-string values are dropped",
			state: `{"format_version":"0.2","values":{"root_module":{"resources":[
				{"address":"google_compute_instance.a","mode":"managed","type":"google_compute_instance","name":"a","values":{"id":" ","self_link":null,"instance_id":42}},
				{"address":"aws_lb.b","mode":"managed","type":"aws_lb","name":"b","values":null},
				{"address":"aws_lb.c","mode":"managed","type":"aws_lb","name":"c","values":{"id":"arn:x","arn":"arn:x","root_block_device":"vol"}}]}}}`,
			want: map[string][]string{
				"google_compute_instance.a": nil,
				"aws_lb.b":                  nil,
				"aws_lb.c":                  {"arn:x"},
			},
		},
		{
			name: "a raw state file",
			state: `{"version":4,"terraform_version":"1.9.8","serial":7,"lineage":"0b5b","outputs":{},"resources":[
				{"mode":"data","type":"aws_ami","name":"u","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]","instances":[{"attributes":{"id":"ami-1"}}]},
				{"mode":"managed","type":"aws_instance","name":"web","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]","instances":[
					{"index_key":0,"schema_version":1,"attributes":{"id":"i-0","root_block_device":[{"volume_id":"vol-0"}]}},
					{"index_key":1,"schema_version":1,"attributes":{"id":"i-1"}},
					{"index_key":1,"deposed":"0f1e2d3c","schema_version":1,"attributes":{"id":"i-old"}}]},
				{"module":"module.app[\"eu\"]","mode":"managed","type":"aws_nat_gateway","name":"main","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]","instances":[
					{"schema_version":0,"attributes":{"id":"nat-1"}}]},
				{"module":"module.app[\"eu\"]","mode":"managed","type":"aws_s3_bucket","name":"b","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]","instances":[
					{"index_key":"a\"b","schema_version":0,"attributes":{"id":"bkt"}}]}]}`,
			want: map[string][]string{
				"aws_instance.web[0]":                      {"i-0", "vol-0"},
				"aws_instance.web[1]":                      {"i-1", "i-old"},
				`module.app["eu"].aws_nat_gateway.main`:    {"nat-1"},
				`module.app["eu"].aws_s3_bucket.b["a\"b"]`: {"bkt"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadState(strings.NewReader(tt.state), "state.json")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ReadState (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadStateErrors(t *testing.T) {
	tests := []struct {
		name  string
		state string
		want  string // the whole message
		empty bool   // errors.Is ErrEmptyState
	}{
		{
			name:  "empty file",
			state: "  \n",
			want:  "s.json: the file is empty: run `terraform show -json > state.json` after terraform apply and pass state.json",
		},
		{
			name:  "not JSON",
			state: "{\n  \"format_version\": \"1.0\",\n  values\n}",
			want:  "s.json:3:3: not valid JSON (invalid character 'v' looking for beginning of object key string): run `terraform show -json > state.json` after terraform apply and pass state.json",
		},
		{
			name:  "truncated",
			state: `{"format_version":"1.0","values":{"root_module":{`,
			want:  "s.json: the JSON ends early, the file looks truncated: run `terraform show -json > state.json` after terraform apply and pass state.json",
		},
		{
			name:  "a plan",
			state: `{"format_version":"1.2","planned_values":{"root_module":{}},"resource_changes":[]}`,
			want:  "s.json: this is a plan; pass the state: terraform show -json > state.json",
		},
		{
			name:  "no state at all",
			state: `{"format_version":"1.0"}`,
			want:  "s.json: the state holds no managed resources: run `terraform show -json > state.json` after terraform apply and pass state.json",
			empty: true,
		},
		{
			name:  "only data sources",
			state: `{"format_version":"1.0","values":{"root_module":{"resources":[{"address":"data.aws_ami.a","mode":"data","type":"aws_ami","name":"a","values":{"id":"ami-1"}}]}}}`,
			want:  "s.json: the state holds no managed resources: run `terraform show -json > state.json` after terraform apply and pass state.json",
			empty: true,
		},
		{
			name:  "future format",
			state: `{"format_version":"2.0","values":{"root_module":{}}}`,
			want:  `s.json: state format_version "2.0" is not supported (tollgate reads 0.x and 1.x): upgrade tollgate`,
		},
		{
			name:  "an array",
			state: `[{"format_version":"1.0"}]`,
			want:  "s.json: not a Terraform state (a JSON array, not an object): run `terraform show -json > state.json` after terraform apply and pass state.json",
		},
		{
			name:  "some other JSON object",
			state: `{"name":"x"}`,
			want:  "s.json: not a Terraform state (no format_version or values): run `terraform show -json > state.json` after terraform apply and pass state.json",
		},
		{
			name:  "values of the wrong type",
			state: "{\"format_version\":\"1.0\",\n\"values\":{\"root_module\":{\"resources\":{}}}}",
			want:  "s.json:2:39: values.root_module.resources is a JSON object, which no state has: run `terraform show -json > state.json` after terraform apply and pass state.json",
		},
		{
			name:  "a resource without an address",
			state: `{"format_version":"1.0","values":{"root_module":{"child_modules":[{"address":"module.a","resources":[{"mode":"managed","type":"aws_instance","name":"a","values":{}}]}]}}}`,
			want:  "s.json: resource aws_instance.a in module.a has no address: run `terraform show -json > state.json` after terraform apply and pass state.json",
		},
		{
			name:  "attribute values not an object",
			state: `{"format_version":"1.0","values":{"root_module":{"resources":[{"address":"aws_instance.a","mode":"managed","type":"aws_instance","name":"a","values":[1]}]}}}`,
			want:  "s.json: aws_instance.a: its values are not an object: run `terraform show -json > state.json` after terraform apply and pass state.json",
		},
		{
			name:  "an old raw state",
			state: `{"version":3,"modules":[]}`,
			want:  "s.json: raw state version 3 is not supported: run `terraform show -json > state.json` after terraform apply and pass state.json",
		},
		{
			name:  "a raw state index key of the wrong kind",
			state: `{"version":4,"resources":[{"mode":"managed","type":"aws_instance","name":"a","instances":[{"index_key":1.5,"attributes":{}}]}]}`,
			want:  "s.json: aws_instance.a: index_key 1.5 is not a count index",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadState(strings.NewReader(tt.state), "s.json")
			if err == nil {
				t.Fatalf("ReadState = %v, want an error", got)
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if errors.Is(err, ErrEmptyState) != tt.empty {
				t.Errorf("errors.Is(err, ErrEmptyState) = %v, want %v", !tt.empty, tt.empty)
			}
		})
	}
}

func FuzzReadState(f *testing.F) {
	for _, file := range []string{"../../../testdata/reconcile/state.json", "testdata/azure-state.json", "testdata/gcp-state.json"} {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"version":4,"resources":[{"module":"module.a","mode":"managed","type":"t","name":"n","instances":[{"index_key":"k","attributes":{"id":"x"}}]}]}`))
	f.Add([]byte(`{"format_version":"1.0","values":{"root_module":{"resources":[{"address":"a.b","type":"aws_instance","values":{"id":"i","root_block_device":{"volume_id":"v"}}}]}}}`))
	f.Add([]byte(`{"format_version":"1.2","resource_changes":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ids, err := ReadState(strings.NewReader(string(data)), "f.json")
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "f.json") || strings.ContainsAny(msg, "\n\r") {
				t.Fatalf("error %q does not name the file on one line", msg)
			}
			return
		}
		if len(ids) == 0 {
			t.Fatal("no error and no resources")
		}
		for addr, list := range ids {
			if addr == "" {
				t.Error("empty address")
			}
			if !slices.IsSorted(list) || len(slices.Compact(slices.Clone(list))) != len(list) {
				t.Errorf("%s: identifiers %q not sorted and unique", addr, list)
			}
			if slices.Contains(list, "") {
				t.Errorf("%s: an empty identifier", addr)
			}
		}
	})
}

// BenchmarkReadState reads the state of 10,000 instances.
func BenchmarkReadState(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":{"resources":[`)
	for i := range 10000 {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"address":"aws_instance.web[%d]","mode":"managed","type":"aws_instance","name":"web","index":%d,`+
			`"provider_name":"registry.terraform.io/hashicorp/aws","schema_version":1,"values":{"ami":"ami-0c7217cdde317cfec",`+
			`"arn":"arn:aws:ec2:us-east-1:123456789012:instance/i-%017x","id":"i-%017x","instance_type":"m5.large",`+
			`"root_block_device":[{"volume_id":"vol-%017x","volume_size":30,"volume_type":"gp3"}],"ebs_block_device":[],`+
			`"subnet_id":"subnet-0a1b2c3d4e5f60718","tags":{"Name":"web"},"tags_all":{"Name":"web","env":"prod"}},"sensitive_values":{}}`,
			i, i, i, i, i)
	}
	sb.WriteString(`]}}}`)
	state := sb.String()
	b.SetBytes(int64(len(state)))
	b.ReportAllocs()
	for b.Loop() {
		ids, err := ReadState(strings.NewReader(state), "state.json")
		if err != nil || len(ids) != 10000 {
			b.Fatal(len(ids), err)
		}
	}
}
