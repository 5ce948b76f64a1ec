package config

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// files builds a configuration directory from name/content pairs.
func files(kv ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i+1 < len(kv); i += 2 {
		fsys[kv[i]] = &fstest.MapFile{Data: []byte(kv[i+1])}
	}
	return fsys
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name  string
		fsys  fstest.MapFS
		opts  Options
		lines []string // every problem, in order
	}{
		{
			name: "syntax errors in two files",
			fsys: files(
				"a.tf", "resource \"aws_instance\" \"x\" {\n  ami = \n}\n",
				"b.tf", "locals {\n  x = [1, 2\n}\n",
			),
			opts: Options{Dir: "infra"},
			lines: []string{
				"infra/a.tf:2:9: Invalid expression; Expected the start of an expression, but found an invalid expression token.",
				"infra/b.tf:3:1: Missing item separator; Expected a comma to mark the beginning of the next item.",
			},
		},
		{
			name: "json syntax error",
			fsys: files("main.tf.json", `{"resource": {`),
			lines: []string{
				"main.tf.json:1:1: Unclosed object; No closing brace was found for this JSON object.",
				"main.tf.json:1:1: Root value must be object; The root value in a JSON-based configuration must be either a JSON object or a JSON array of objects.",
				"main.tf.json:1:15: Missing value; The JSON data ends prematurely.",
				"main.tf.json:1:15: Invalid object property name; A JSON object property name must be a string",
			},
		},
		{
			name: "unknown block type",
			fsys: files("main.tf", "resorce \"aws_instance\" \"x\" {}\n"),
			lines: []string{
				`main.tf:1:1: Unsupported block type; Blocks of type "resorce" are not expected here. Did you mean "resource"?`,
			},
		},
		{
			name: "duplicate resource",
			fsys: files("main.tf", "resource \"aws_instance\" \"x\" {}\nresource \"aws_instance\" \"x\" {}\n"),
			lines: []string{
				`main.tf:2:1: Duplicate resource block; A resource block "aws_instance" "x" was already declared at main.tf:1.`,
			},
		},
		{
			name: "undeclared --var",
			fsys: files("main.tf", "variable \"b\" {\n  default = 1\n}\nvariable \"a\" {\n  default = 1\n}\n"),
			opts: Options{Dir: "infra", Vars: map[string]string{"c": "1"}},
			lines: []string{
				"variable c is not declared in infra (declared: a, b)",
			},
		},
		{
			name: "undeclared in a --var-file",
			fsys: files("main.tf", "variable \"a\" {}\n"),
			opts: Options{Dir: "infra", VarFiles: []VarFile{{Name: "env/prod.tfvars", Data: []byte("a = 1\n\nzz = 2\n")}}},
			lines: []string{
				"env/prod.tfvars:3:1: variable zz is not declared in infra (declared: a)",
			},
		},
		{
			name: "tfvars value of the wrong type",
			fsys: files(
				"main.tf", "variable \"n\" {\n  type = number\n}\n",
				"terraform.tfvars", "n = \"many\"\n",
			),
			lines: []string{
				"terraform.tfvars:1:5: Invalid value for input variable; The given value is not suitable for var.n declared at main.tf:1: a number is required.",
			},
		},
		{
			name: "--var not an expression for a list",
			fsys: files("main.tf", "variable \"l\" {\n  type = list(string)\n}\n"),
			opts: Options{Vars: map[string]string{"l": "[a"}},
			lines: []string{
				"<value for --var l>:1:1: Unterminated tuple constructor expression; There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.",
			},
		},
		{
			name: "locals cycle",
			fsys: files("main.tf", "locals {\n  a = local.b\n  b = local.c\n  c = local.a\n}\n"),
			lines: []string{
				"main.tf:2:3: Cycle in the configuration; local.a refers to itself: local.a -> local.b -> local.c -> local.a",
			},
		},
		{
			name: "resources cycle",
			fsys: files("main.tf", "resource \"aws_a\" \"x\" {\n  v = aws_b.y.id\n}\nresource \"aws_b\" \"y\" {\n  v = aws_a.x.id\n}\n"),
			lines: []string{
				"main.tf:1:1: Cycle in the configuration; aws_a.x refers to itself: aws_a.x -> aws_b.y -> aws_a.x",
			},
		},
		{
			name: "expression error",
			fsys: files("main.tf", "locals {\n  a = 1 + \"x\"\n}\n"),
			lines: []string{
				`main.tf:2:11: Invalid operand; Unsuitable value for right operand: a number is required.`,
			},
		},
		{
			name: "unknown function",
			fsys: files("main.tf", "locals {\n  a = nosuch(1)\n}\n"),
			lines: []string{
				`main.tf:2:7: Call to unknown function; There is no function named "nosuch".`,
			},
		},
		{
			name: "for_each over a list",
			fsys: files("main.tf", "resource \"aws_instance\" \"x\" {\n  for_each = [\"a\"]\n}\n"),
			lines: []string{
				`main.tf:2:14: Invalid for_each argument; The given "for_each" argument value is unsuitable: the "for_each" argument must be a map, or set of strings, and you have provided a value of type tuple.`,
			},
		},
		{
			name: "negative count",
			fsys: files("main.tf", "resource \"aws_instance\" \"x\" {\n  count = -1\n}\n"),
			lines: []string{
				`main.tf:2:11: Invalid "count" argument; The given "count" argument value is unsuitable: must be greater than or equal to zero.`,
			},
		},
		{
			name: "undeclared references",
			fsys: files("main.tf", "resource \"aws_instance\" \"x\" {\n  a = var.nope\n  b = local.nope\n  c = aws_vpc.nope.id\n  d = module.nope.out\n  e = data.aws_ami.nope.id\n}\n"),
			lines: []string{
				`main.tf:2:7: Reference to undeclared input variable; An input variable with the name "nope" has not been declared in the root module.`,
				`main.tf:3:7: Reference to undeclared local value; A local value with the name "nope" has not been declared in the root module.`,
				`main.tf:4:7: Reference to undeclared resource; A managed resource "aws_vpc" "nope" has not been declared in the root module.`,
				`main.tf:5:7: Reference to undeclared module; No module call named "nope" is declared in the root module.`,
				`main.tf:6:7: Reference to undeclared resource; A data resource "aws_ami" "nope" has not been declared in the root module.`,
			},
		},
		{
			name: "module input not declared, required one missing",
			fsys: files(
				"main.tf", "module \"m\" {\n  source = \"./m\"\n  extra  = 1\n}\n",
				"m/main.tf", "variable \"need\" {}\n",
			),
			lines: []string{
				`main.tf:1:1: Missing required argument; The argument "need" is required by module "m" (m), but no definition was found.`,
				`main.tf:3:3: Unsupported argument; An argument named "extra" is not expected here: module "m" (m) declares no variable "extra".`,
			},
		},
		{
			name: "missing local module directory",
			fsys: files("main.tf", "module \"m\" {\n  source = \"./nowhere\"\n}\n"),
			lines: []string{
				"main.tf:2:12: Unreadable module directory; The directory nowhere does not exist or cannot be read.",
			},
		},
		{
			name: "sensitive count",
			fsys: files("main.tf", "variable \"n\" {\n  default   = 1\n  sensitive = true\n}\nresource \"aws_instance\" \"x\" {\n  count = var.n\n}\n"),
			lines: []string{
				`main.tf:6:11: Invalid "count" argument; Sensitive values, or values derived from sensitive values, cannot be used as count arguments.`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := Load(tt.fsys, tt.opts)
			var cerr *Error
			if !errors.As(err, &cerr) {
				t.Fatalf("Load = %v, %v; want an *Error", set, err)
			}
			if diff := cmp.Diff(tt.lines, cerr.Lines()); diff != "" {
				t.Errorf("error lines (-want +got):\n%s", diff)
			}
		})
	}
}
