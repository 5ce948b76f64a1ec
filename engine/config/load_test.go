package config

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// load loads a configuration that must evaluate.
func load(t *testing.T, fsys fstest.MapFS, opts Options) *change.Set {
	t.Helper()
	set, err := Load(fsys, opts)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return set
}

// find returns the resource at address.
func find(t *testing.T, set *change.Set, address string) change.Resource {
	t.Helper()
	for _, r := range set.Resources {
		if r.Address == address {
			return r
		}
	}
	var have []string
	for _, r := range set.Resources {
		have = append(have, r.Address)
	}
	t.Fatalf("no resource %s; have %s", address, strings.Join(have, ", "))
	return change.Resource{}
}

func TestNoFiles(t *testing.T) {
	for _, tt := range []struct {
		name string
		fsys fstest.MapFS
	}{
		{"empty", fstest.MapFS{}},
		{"only other files", files("README.md", "hi", "terraform.tfvars", "a = 1", "sub/main.tf", "")},
		{"hidden and backup files", files(".main.tf", "", "main.tf~", "", "#main.tf#", "")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.fsys, Options{Dir: "infra"})
			if !errors.Is(err, ErrNoFiles) {
				t.Fatalf("Load error = %v, want ErrNoFiles", err)
			}
			const want = "infra has no .tf files: pass a directory of Terraform configuration, or a plan JSON file: no .tf files"
			if err.Error() != want {
				t.Errorf("error = %q, want %q", err, want)
			}
		})
	}
}

func TestKeyString(t *testing.T) {
	for _, tt := range []struct{ key, want string }{
		{"a", `["a"]`},
		{"", `[""]`},
		{"a.b[0]", `["a.b[0]"]`},
		{`q"uote`, `["q\"uote"]`},
		{`back\slash`, `["back\\slash"]`},
		{"tab\there", `["tab\there"]`},
		{"new\nline\r", `["new\nline\r"]`},
		{"${x} and %{y}", `["$${x} and %%{y}"]`},
		{"$ alone % alone", `["$ alone % alone"]`},
		{"bell\a", `["bell\u0007"]`},
		{"\u00e9\u4e16", "[\"\u00e9\u4e16\"]"},
		{"\U0001F600", "[\"\U0001F600\"]"},
		{"\U000E0001", `["\U000e0001"]`},
	} {
		if got := keyString(tt.key); got != tt.want {
			t.Errorf("keyString(%q) = %s, want %s", tt.key, got, tt.want)
		}
	}
}

// TestVariableSources gives one variable a value from more and more
// sources: each stronger one wins.
func TestVariableSources(t *testing.T) {
	const decl = "variable \"v\" {\n  default = \"default\"\n}\nresource \"null_resource\" \"r\" {\n  v = var.v\n}\n"
	tests := []struct {
		name string
		fsys fstest.MapFS
		opts Options
		want string
	}{
		{"default", files("main.tf", decl), Options{}, "default"},
		{"env", files("main.tf", decl), Options{Env: map[string]string{"v": "env"}}, "env"},
		{"terraform.tfvars", files("main.tf", decl, "terraform.tfvars", `v = "tfvars"`), Options{Env: map[string]string{"v": "env"}}, "tfvars"},
		{"terraform.tfvars.json", files("main.tf", decl, "terraform.tfvars", `v = "tfvars"`, "terraform.tfvars.json", `{"v": "json"}`), Options{}, "json"},
		{"auto beats tfvars", files("main.tf", decl, "terraform.tfvars.json", `{"v": "json"}`, "x.auto.tfvars", `v = "auto"`), Options{}, "auto"},
		{"auto in lexical order", files("main.tf", decl, "a.auto.tfvars.json", `{"v": "a"}`, "b.auto.tfvars", `v = "b"`, "c.auto.tfvars.json", `{"v": "c"}`), Options{}, "c"},
		{"var files in order", files("main.tf", decl, "x.auto.tfvars", `v = "auto"`), Options{VarFiles: []VarFile{{"1.tfvars", []byte(`v = "one"`)}, {"2.tfvars.json", []byte(`{"v": "two"}`)}}}, "two"},
		{"var beats var files", files("main.tf", decl), Options{VarFiles: []VarFile{{"1.tfvars", []byte(`v = "one"`)}}, Vars: map[string]string{"v": "var"}}, "var"},
		{"var is literal for strings", files("main.tf", decl), Options{Vars: map[string]string{"v": `["not", "a list"]`}}, `["not", "a list"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := find(t, load(t, tt.fsys, tt.opts), "null_resource.r")
			if got := r.After["v"]; got != tt.want {
				t.Errorf("v = %v, want %q", got, tt.want)
			}
		})
	}
}

// TestRawValues checks how --var and TF_VAR_ strings are read for each
// type: literally for primitive types and none, as HCL otherwise.
func TestRawValues(t *testing.T) {
	tests := []struct {
		typ, raw string
		want     any
	}{
		{"", "[1, 2]", "[1, 2]"},
		{"string", "x = 1", "x = 1"},
		{"number", "42", json.Number("42")},
		{"number", "0.1", json.Number("0.1")},
		{"bool", "true", true},
		{"list(string)", `["a", "b"]`, []any{"a", "b"}},
		{"list(number)", `[1, "2"]`, []any{json.Number("1"), json.Number("2")}},
		{"map(string)", `{ a = "x", b = 2 }`, map[string]any{"a": "x", "b": "2"}},
		{"any", `{ a = [true] }`, map[string]any{"a": []any{true}}},
		{"object({ a = string, b = optional(number, 7) })", `{ a = "x" }`, map[string]any{"a": "x", "b": json.Number("7")}},
	}
	for _, tt := range tests {
		t.Run(tt.typ+" "+tt.raw, func(t *testing.T) {
			decl := "variable \"v\" {}\n"
			if tt.typ != "" {
				decl = "variable \"v\" {\n  type = " + tt.typ + "\n}\n"
			}
			fsys := files("main.tf", decl+"resource \"null_resource\" \"r\" {\n  v = var.v\n}\n")
			for _, opts := range []Options{{Vars: map[string]string{"v": tt.raw}}, {Env: map[string]string{"v": tt.raw}}} {
				r := find(t, load(t, fsys, opts), "null_resource.r")
				if diff := cmp.Diff(tt.want, r.After["v"]); diff != "" {
					t.Errorf("v (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestNumbers checks that numbers reach the model exactly, as plan JSON
// prints them.
func TestNumbers(t *testing.T) {
	for _, tt := range []struct{ expr, want string }{
		{"1", "1"},
		{"-3", "-3"},
		{"0.1", "0.1"},
		{"1.5e3", "1500"},
		{"12345678901234567890123", "12345678901234567890123"},
		{"0.000001", "0.000001"},
		{"10 / 4", "2.5"},
		{"1 / 3", "0.33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333335"}, // cty's 512-bit precision, as Terraform prints it
		{"parseint(\"ff\", 16)", "255"},
	} {
		t.Run(tt.expr, func(t *testing.T) {
			set := load(t, files("main.tf", "resource \"null_resource\" \"r\" {\n  n = "+tt.expr+"\n}\n"), Options{})
			if got := find(t, set, "null_resource.r").After["n"]; got != json.Number(tt.want) {
				t.Errorf("n = %#v, want %s", got, tt.want)
			}
		})
	}
}

// TestMissingVariable checks that a required variable without a value is
// unknown, with a note, and that what depends on it is unknown or
// unexpanded.
func TestMissingVariable(t *testing.T) {
	set := load(t, files("main.tf", `
variable "type" {
  type = string
}
variable "n" {
  type = number
}
resource "aws_instance" "a" {
  ami           = "ami-1"
  instance_type = var.type
}
resource "aws_instance" "b" {
  count         = var.n
  instance_type = "t3.micro"
}
module "m" {
  source = "./m"
  count  = var.n
}
`, "m/main.tf", ""), Options{Region: "eu-west-1"})
	a := find(t, set, "aws_instance.a")
	if diff := cmp.Diff(map[string]any{"instance_type": true}, a.AfterUnknown); diff != "" {
		t.Errorf("aws_instance.a unknown (-want +got):\n%s", diff)
	}
	b := find(t, set, "aws_instance.b")
	want := change.Resource{
		Address: "aws_instance.b", Type: "aws_instance", Name: "b",
		Provider: "registry.terraform.io/hashicorp/aws", ProviderKey: "aws", Action: change.Create,
		Region: "eu-west-1", RegionFrom: change.RegionFromFlag, Taggable: true,
		Location:   &change.Location{File: "main.tf", Line: 12},
		Unexpanded: "aws_instance.b: count depends on values known only after apply; not priced",
	}
	if diff := cmp.Diff(want, b); diff != "" {
		t.Errorf("aws_instance.b (-want +got):\n%s", diff)
	}
	m := find(t, set, "module.m")
	if m.Unexpanded != "module.m: count depends on values known only after apply; its resources are not estimated" || m.Type != "" {
		t.Errorf("module.m = %+v", m)
	}
	wantNotes := []string{
		"aws_instance.b: count depends on values known only after apply; not priced",
		"module.m: count depends on values known only after apply; its resources are not estimated",
		"variable n has no value (set it with --var n=..., a .tfvars file or TF_VAR_n): resources that depend on it are unpriced",
		"variable type has no value (set it with --var type=..., a .tfvars file or TF_VAR_type): resources that depend on it are unpriced",
	}
	if diff := cmp.Diff(wantNotes, set.Notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}
