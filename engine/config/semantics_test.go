package config

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestProviderResolution checks which provider block configures a
// resource in a module: its own, one passed in a providers map (through
// two levels), or the parent's default, inherited only when the call has
// no providers map.
func TestProviderResolution(t *testing.T) {
	fsys := files(
		"main.tf", `
provider "aws" {
  region = "eu-west-1"
}
provider "aws" {
  alias  = "east"
  region = "us-east-1"
}
module "inherit" {
  source = "./child"
}
module "passed" {
  source    = "./child"
  providers = { aws = aws.east, aws.other = aws }
}
module "own" {
  source = "./own"
}
`,
		"child/main.tf", `
resource "aws_instance" "default" {}
resource "aws_instance" "other" {
  provider = aws.other
}
module "grandchild" {
  source    = "./grand"
  providers = { aws.x = aws }
}
`,
		"child/grand/main.tf", `
resource "aws_instance" "x" {
  provider = aws.x
}
resource "aws_instance" "unpassed" {}
`,
		"own/main.tf", `
provider "aws" {
  region = "ap-south-1"
}
resource "aws_instance" "mine" {}
`,
	)
	set := load(t, fsys, Options{Region: "flag-region"})
	type placed struct{ Key, Region string }
	got := map[string]placed{}
	for _, r := range set.Resources {
		got[r.Address] = placed{r.ProviderKey, r.Region}
	}
	want := map[string]placed{
		"module.inherit.aws_instance.default":             {"aws", "eu-west-1"},
		"module.inherit.aws_instance.other":               {"module.inherit:aws.other", "flag-region"},
		"module.inherit.module.grandchild.aws_instance.x": {"aws", "eu-west-1"},
		// A providers map stops the default being inherited.
		"module.inherit.module.grandchild.aws_instance.unpassed": {"module.inherit.module.grandchild:aws", "flag-region"},
		"module.passed.aws_instance.default":                     {"aws.east", "us-east-1"},
		"module.passed.aws_instance.other":                       {"aws", "eu-west-1"},
		"module.passed.module.grandchild.aws_instance.x":         {"aws.east", "us-east-1"},
		"module.passed.module.grandchild.aws_instance.unpassed":  {"module.passed.module.grandchild:aws", "flag-region"},
		"module.own.aws_instance.mine":                           {"module.own:aws", "ap-south-1"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("providers (-want +got):\n%s", diff)
	}
}

// TestResourceReferences checks what references to another resource
// see: the values its configuration sets, unknown for anything else,
// however the reference is written.
func TestResourceReferences(t *testing.T) {
	fsys := files(
		"main.tf", `
resource "aws_instance" "a" {
  count         = 2
  instance_type = "t3.micro"
  root_block_device {
    volume_size = 10
  }
}
module "m" {
  source = "./m"
  obj    = aws_instance.a[1]
}
resource "null_resource" "r" {
  configured   = aws_instance.a[0].instance_type
  computed     = aws_instance.a[0].id
  nested       = aws_instance.a[0].root_block_device[0].volume_size
  nested_comp  = aws_instance.a[0].root_block_device[0].volume_id
  splat        = aws_instance.a[*].instance_type
  splat_comp   = aws_instance.a[*].arn
  whole        = length(jsonencode(aws_instance.a[0]))
  count_of     = length(aws_instance.a)
  via_module   = module.m.type
  via_module_c = module.m.id
  try_missing  = try(aws_instance.a[0].nonexistent_attr, "fallback")
}
`,
		"m/main.tf", `
variable "obj" {
  type = any
}
output "type" {
  value = var.obj.instance_type
}
output "id" {
  value = var.obj.private_ip
}
`,
	)
	r := find(t, load(t, fsys, Options{}), "null_resource.r")
	wantAfter := map[string]any{
		"configured": "t3.micro",
		"nested":     json.Number("10"),
		"splat":      []any{"t3.micro", "t3.micro"},
		"splat_comp": []any{nil, nil},
		"count_of":   json.Number("2"),
		"via_module": "t3.micro",
	}
	wantUnknown := map[string]any{
		"computed":     true,
		"nested_comp":  true,
		"splat_comp":   []any{true, true},
		"whole":        true,
		"via_module_c": true,
		// Without the provider's schema any attribute may be computed:
		// try() cannot tell a missing one from an unknown one.
		"try_missing": true,
	}
	if diff := cmp.Diff(wantAfter, r.After); diff != "" {
		t.Errorf("after (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantUnknown, r.AfterUnknown); diff != "" {
		t.Errorf("after_unknown (-want +got):\n%s", diff)
	}
	wantRefs := map[string][]string{
		"computed": {"aws_instance.a", "aws_instance.a[0]"}, "configured": {"aws_instance.a", "aws_instance.a[0]"},
		"count_of": {"aws_instance.a"}, "nested": {"aws_instance.a", "aws_instance.a[0]"},
		"nested_comp": {"aws_instance.a", "aws_instance.a[0]"}, "splat": {"aws_instance.a"},
		"splat_comp": {"aws_instance.a"}, "try_missing": {"aws_instance.a", "aws_instance.a[0]"},
		"whole": {"aws_instance.a", "aws_instance.a[0]"},
	}
	if diff := cmp.Diff(wantRefs, r.Refs); diff != "" {
		t.Errorf("refs (-want +got):\n%s", diff)
	}
}

// TestSensitive checks that a sensitive value is redacted even when
// part of it is unknown, and that its unknown parts stay marked.
func TestSensitive(t *testing.T) {
	fsys := files("main.tf", `
variable "secret" {
  sensitive = true
  default   = { a = "x" }
}
data "d" "d" {}
resource "null_resource" "r" {
  known   = var.secret
  partial = sensitive({ a = "x", b = data.d.d.id })
  hidden  = sensitive(data.d.d.id)
  null    = sensitive(null)
}
`)
	r := find(t, load(t, fsys, Options{}), "null_resource.r")
	if diff := cmp.Diff(map[string]any{"known": "(sensitive)", "partial": "(sensitive)", "null": nil}, r.After); diff != "" {
		t.Errorf("after (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]any{"partial": map[string]any{"b": true}, "hidden": true}, r.AfterUnknown); diff != "" {
		t.Errorf("after_unknown (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"known", "partial"}, r.SensitivePaths); diff != "" {
		t.Errorf("sensitive paths (-want +got):\n%s", diff)
	}
}
