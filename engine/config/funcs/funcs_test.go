package funcs

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// evalCase evaluates expr as Terraform would in a module at "mod" of
// testFS and expects want, or an error containing err.
type evalCase struct {
	name string
	expr string
	want cty.Value
	err  string
}

// testFS is a configuration root with a module directory "mod".
var testFS = fstest.MapFS{
	"hello.txt":                              {Data: []byte("Hello World")},
	"mod/hello.txt":                          {Data: []byte("Hello from mod")},
	"mod/binary.bin":                         {Data: []byte{0xff, 0xfe}},
	"mod/files/hello.txt":                    {Data: []byte("hello")},
	"mod/files/world.txt":                    {Data: []byte("world")},
	"mod/files/notes.md":                     {Data: []byte("notes")},
	"mod/files/subdirectory/anotherfile.txt": {Data: []byte("another")},
	"mod/files/subdirectory/deeper/last.txt": {Data: []byte("last")},
	"mod/tmpl/backends.tftpl":                {Data: []byte("%{ for addr in ip_addrs ~}\nbackend ${addr}:${port}\n%{ endfor ~}\n")},
	"mod/tmpl/config.tftpl":                  {Data: []byte(`${jsonencode({"backends": [for addr in ip_addrs : "${addr}:${port}"]})}`)},
	"mod/tmpl/list.tftpl":                    {Data: []byte(`${items}`)},
	"mod/tmpl/bad.tftpl":                     {Data: []byte("line one\n${\n")},
	"mod/tmpl/recursive.tftpl":               {Data: []byte(`${templatefile("list.tftpl", {items = []})}`)},
	"mod/tmpl/upper.tftpl":                   {Data: []byte(`${upper(name)}-${filebase64("binary.bin")}`)},
}

// testVars are the variables expressions may use: unknown, marked and
// partly known values that plain literals cannot write.
var testVars = map[string]cty.Value{
	"u_str":    cty.UnknownVal(cty.String),
	"u_num":    cty.UnknownVal(cty.Number),
	"u_bool":   cty.UnknownVal(cty.Bool),
	"u_list":   cty.UnknownVal(cty.List(cty.String)),
	"u_any":    cty.DynamicVal,
	"secret":   cty.StringVal("hunter2").Mark(Sensitive),
	"arn":      cty.UnknownVal(cty.String).Refine().StringPrefix("arn:aws:").NewValue(),
	"tmpl":     cty.StringVal("Hello, ${name}!"),
	"partial":  cty.ListVal([]cty.Value{cty.StringVal("a"), cty.UnknownVal(cty.String)}),
	"str_map":  cty.MapVal(map[string]cty.Value{"a": cty.StringVal("ay"), "b": cty.StringVal("bee")}),
	"null_str": cty.NullVal(cty.String),
}

func eval(t *testing.T, src string) (cty.Value, hcl.Diagnostics) {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "test.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("parse %s: %s", src, diags.Error())
	}
	return expr.Value(&hcl.EvalContext{Variables: testVars, Functions: Table(testFS, "mod")})
}

func runCases(t *testing.T, cases []evalCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, diags := eval(t, c.expr)
			if c.err != "" {
				if !diags.HasErrors() {
					t.Fatalf("%s = %#v, want an error containing %q", c.expr, got, c.err)
				}
				if !strings.Contains(diags.Error(), c.err) {
					t.Fatalf("%s: error %q does not contain %q", c.expr, diags.Error(), c.err)
				}
				return
			}
			if diags.HasErrors() {
				t.Fatalf("%s: %s", c.expr, diags.Error())
			}
			if !got.RawEquals(c.want) {
				t.Errorf("%s (-want +got):\n%s", c.expr, cmp.Diff(c.want.GoString(), got.GoString()))
			}
		})
	}
}

// Short constructors keep the case tables readable.
func str(s string) cty.Value { return cty.StringVal(s) }
func num(n int64) cty.Value  { return cty.NumberIntVal(n) }
func dec(s string) cty.Value { return cty.MustParseNumberVal(s) }

func strs(ss ...string) []cty.Value {
	vs := make([]cty.Value, len(ss))
	for i, s := range ss {
		vs[i] = str(s)
	}
	return vs
}

func strList(ss ...string) cty.Value {
	if len(ss) == 0 {
		return cty.ListValEmpty(cty.String)
	}
	return cty.ListVal(strs(ss...))
}

func strSet(ss ...string) cty.Value {
	if len(ss) == 0 {
		return cty.SetValEmpty(cty.String)
	}
	return cty.SetVal(strs(ss...))
}

func strTuple(ss ...string) cty.Value { return cty.TupleVal(strs(ss...)) }

func nums(ns ...int64) []cty.Value {
	vs := make([]cty.Value, len(ns))
	for i, n := range ns {
		vs[i] = num(n)
	}
	return vs
}

// terraformFunctions are the built-in functions of Terraform 1.10's
// language documentation, less type() (console only).
var terraformFunctions = []string{
	"abs", "abspath", "alltrue", "anytrue", "base64decode", "base64encode",
	"base64gzip", "base64sha256", "base64sha512", "basename", "bcrypt", "can",
	"ceil", "chomp", "chunklist", "cidrhost", "cidrnetmask", "cidrsubnet",
	"cidrsubnets", "coalesce", "coalescelist", "compact", "concat", "contains",
	"csvdecode", "dirname", "distinct", "element", "endswith", "ephemeralasnull",
	"file", "filebase64", "filebase64sha256", "filebase64sha512", "fileexists",
	"filemd5", "fileset", "filesha1", "filesha256", "filesha512", "flatten",
	"floor", "format", "formatdate", "formatlist", "indent", "index",
	"issensitive", "join", "jsondecode", "jsonencode", "keys", "length", "log",
	"lookup", "lower", "matchkeys", "max", "md5", "merge", "min",
	"nonsensitive", "one", "parseint", "pathexpand", "plantimestamp", "pow",
	"range", "regex", "regexall", "replace", "reverse", "rsadecrypt",
	"sensitive", "setintersection", "setproduct", "setsubtract", "setunion",
	"sha1", "sha256", "sha512", "signum", "slice", "sort", "split",
	"startswith", "strcontains", "strrev", "substr", "sum", "templatefile",
	"templatestring", "textdecodebase64", "textencodebase64", "timeadd",
	"timecmp", "timestamp", "title", "tobool", "tolist", "tomap", "tonumber",
	"toset", "tostring", "transpose", "trim", "trimprefix", "trimspace",
	"trimsuffix", "try", "upper", "urlencode", "uuid", "uuidv5", "values",
	"yamldecode", "yamlencode", "zipmap",
	// Removed in v0.15; kept so calls get Terraform's advice.
	"list", "map",
}

func TestTableNames(t *testing.T) {
	var got []string
	for name := range Table(testFS, ".") {
		got = append(got, name)
	}
	slices.Sort(got)
	want := slices.Clone(terraformFunctions)
	slices.Sort(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("function names (-want +got):\n%s", diff)
	}
}

func TestTableIsFresh(t *testing.T) {
	a := Table(testFS, ".")
	delete(a, "upper")
	if _, ok := Table(testFS, ".")["upper"]; !ok {
		t.Error("changing one table changed the next")
	}
}
