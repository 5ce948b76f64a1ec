package funcs

import (
	"testing"
	"testing/fstest"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

func TestFiles(t *testing.T) {
	runCases(t, []evalCase{
		{name: "file", expr: `file("hello.txt")`, want: str("Hello from mod")},
		{name: "file in parent inside fsys", expr: `file("../hello.txt")`, want: str("Hello World")},
		{name: "file dot segments", expr: `file("./files/../hello.txt")`, want: str("Hello from mod")},
		{name: "file escapes", expr: `file("../../etc/passwd")`, err: `"../../etc/passwd" is outside the configuration directory`},
		{name: "file escapes after descending", expr: `file("files/../../../x")`, err: "is outside the configuration directory"},
		{name: "file absolute", expr: `file("/etc/passwd")`, err: `"/etc/passwd" is an absolute path`},
		{name: "file windows absolute", expr: `file("C:\\Windows\\win.ini")`, err: "is an absolute path"},
		{name: "file home", expr: `file("~/.ssh/id_rsa.pub")`, err: "is in a home directory"},
		{name: "file empty path", expr: `file("")`, err: "the path is empty"},
		{name: "file missing", expr: `file("missing.txt")`, err: `no file exists at "missing.txt"`},
		{name: "file directory", expr: `file("files")`, err: `"files" is a directory, not a file`},
		{name: "file binary", expr: `file("binary.bin")`, err: "not valid UTF-8 text; use filebase64"},
		{name: "file unknown path", expr: `file(u_str)`, want: cty.UnknownVal(cty.String).RefineNotNull()},
		{name: "file sensitive path", expr: `file(sensitive("hello.txt"))`, want: str("Hello from mod").Mark(Sensitive)},
		{name: "filebase64", expr: `filebase64("binary.bin")`, want: str("//4=")},
		{name: "filebase64 escapes", expr: `filebase64("../../x")`, err: "is outside the configuration directory"},
		{name: "filemd5", expr: `filemd5("files/hello.txt")`, want: str("5d41402abc4b2a76b9719d911017c592")},
		{name: "filesha1", expr: `filesha1("files/hello.txt")`, want: str("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d")},
		{name: "filesha256", expr: `filesha256("files/hello.txt")`, want: str("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")},
		{name: "filesha512", expr: `filesha512("files/hello.txt") == sha512("hello")`, want: cty.True},
		{name: "filebase64sha256", expr: `filebase64sha256("files/hello.txt")`, want: str("LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=")},
		{name: "filebase64sha512", expr: `filebase64sha512("files/hello.txt") == base64sha512("hello")`, want: cty.True},
		{name: "filemd5 missing", expr: `filemd5("nope")`, err: `no file exists at "nope"`},
		{name: "fileexists", expr: `fileexists("hello.txt")`, want: cty.True},
		{name: "fileexists missing", expr: `fileexists("nope.txt")`, want: cty.False},
		{name: "fileexists directory", expr: `fileexists("files")`, err: `"files" is not a regular file`},
		{name: "fileexists escapes", expr: `fileexists("../../x")`, err: "is outside the configuration directory"},
		{name: "fileexists absolute", expr: `fileexists("/etc/passwd")`, err: "is an absolute path"},
		{name: "fileset", expr: `fileset(".", "files/*.txt")`, want: strSet("files/hello.txt", "files/world.txt")},
		{name: "fileset braces", expr: `fileset(".", "files/{hello,world}.txt")`, want: strSet("files/hello.txt", "files/world.txt")},
		{name: "fileset star", expr: `fileset("files", "*")`, want: strSet("hello.txt", "notes.md", "world.txt")},
		{name: "fileset doublestar", expr: `fileset("files", "**")`, want: strSet("hello.txt", "notes.md", "world.txt", "subdirectory/anotherfile.txt", "subdirectory/deeper/last.txt")},
		{name: "fileset doublestar prefix", expr: `fileset("files", "**/*.txt")`, want: strSet("hello.txt", "world.txt", "subdirectory/anotherfile.txt", "subdirectory/deeper/last.txt")},
		{name: "fileset doublestar middle", expr: `fileset(".", "files/**/last.txt")`, want: strSet("files/subdirectory/deeper/last.txt")},
		{name: "fileset question and class", expr: `fileset("files", "[hw]orl?.txt")`, want: strSet("world.txt")},
		{name: "fileset nested braces", expr: `fileset("files", "{hello,{world,notes}}.*")`, want: strSet("hello.txt", "notes.md", "world.txt")},
		{name: "fileset star in segment", expr: `fileset(".", "files/sub*/*")`, want: strSet("files/subdirectory/anotherfile.txt")},
		{name: "fileset leading dot", expr: `fileset(".", "./files/hello.*")`, want: strSet("files/hello.txt")},
		{name: "fileset parent inside fsys", expr: `fileset("..", "*.txt")`, want: strSet("hello.txt")},
		{name: "fileset no matches", expr: `fileset(".", "*.nothing")`, want: strSet()},
		{name: "fileset missing directory", expr: `fileset("nope", "*")`, want: strSet()},
		{name: "fileset bad pattern", expr: `fileset(".", "[")`, err: `failed to glob pattern "["`},
		{name: "fileset unbalanced braces", expr: `fileset(".", "{a,b")`, err: "unbalanced braces"},
		{name: "fileset pattern leaves", expr: `fileset(".", "../../*")`, err: "the pattern leaves the directory"},
		{name: "fileset path escapes", expr: `fileset("../..", "*")`, err: "is outside the configuration directory"},
		{name: "fileset absolute", expr: `fileset("/etc", "*")`, err: "is an absolute path"},
		{name: "templatefile", expr: `templatefile("tmpl/backends.tftpl", {port = 8080, ip_addrs = ["10.0.0.1", "10.0.0.2"]})`,
			want: str("backend 10.0.0.1:8080\nbackend 10.0.0.2:8080\n")},
		{name: "templatefile json", expr: `templatefile("tmpl/config.tftpl", {port = 8080, ip_addrs = ["10.0.0.1", "10.0.0.2"]})`,
			want: str(`{"backends":["10.0.0.1:8080","10.0.0.2:8080"]}`)},
		{name: "templatefile single interpolation keeps type", expr: `templatefile("tmpl/list.tftpl", {items = ["a"]})`, want: strTuple("a")},
		{name: "templatefile functions and files relative to base", expr: `templatefile("tmpl/upper.tftpl", {name = "x"})`, want: str("X-//4=")},
		{name: "templatefile map vars", expr: `templatefile("tmpl/list.tftpl", tomap({items = "a"}))`, want: str("a")},
		{name: "templatefile missing var", expr: `templatefile("tmpl/backends.tftpl", {ip_addrs = []})`, err: `vars map does not contain key "port", referenced at mod/tmpl/backends.tftpl:2`},
		{name: "templatefile bad var name", expr: `templatefile("tmpl/list.tftpl", {items = 1, "1st" = 2})`, err: `invalid template variable name "1st"`},
		{name: "templatefile vars not a map", expr: `templatefile("tmpl/list.tftpl", "x")`, err: "invalid vars value: must be a map"},
		{name: "templatefile syntax error", expr: `templatefile("tmpl/bad.tftpl", {})`, err: "mod/tmpl/bad.tftpl:3,1-1: Missing expression"},
		{name: "templatefile recursion", expr: `templatefile("tmpl/recursive.tftpl", {})`, err: "cannot call templatefile from inside a template"},
		{name: "templatefile missing", expr: `templatefile("tmpl/none.tftpl", {})`, err: `no file exists at "tmpl/none.tftpl"`},
		{name: "templatefile escapes", expr: `templatefile("../../x.tftpl", {})`, err: "is outside the configuration directory"},
		{name: "templatefile unknown var", expr: `templatefile("tmpl/backends.tftpl", {port = u_num, ip_addrs = ["a"]})`, want: cty.UnknownVal(cty.String).RefineNotNull()},
		{name: "templatefile unknown vars", expr: `templatefile("tmpl/list.tftpl", u_any)`, want: cty.DynamicVal},
		{name: "templatefile sensitive var", expr: `templatefile("tmpl/list.tftpl", {items = secret})`, want: str("hunter2").Mark(Sensitive)},
		{name: "dirname", expr: `dirname("foo/bar/baz.txt")`, want: str("foo/bar")},
		{name: "dirname no directory", expr: `dirname("baz.txt")`, want: str(".")},
		{name: "basename", expr: `basename("foo/bar/baz.txt")`, want: str("baz.txt")},
		{name: "abspath", expr: `abspath(".")`, err: "abspath is not supported"},
		{name: "pathexpand", expr: `pathexpand("~/.ssh/id_rsa")`, err: "pathexpand is not supported"},
	})
}

// TestTableBaseDir checks that relative paths start from baseDir, and
// that a root base reads the root.
func TestTableBaseDir(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":     {Data: []byte("root")},
		"sub/a.txt": {Data: []byte("sub")},
	}
	tests := []struct {
		name, base, want string
	}{
		{name: "empty is root", base: "", want: "root"},
		{name: "dot is root", base: ".", want: "root"},
		{name: "subdirectory", base: "sub", want: "sub"},
		{name: "unclean subdirectory", base: "./sub/", want: "sub"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expr, _ := hclsyntax.ParseExpression([]byte(`file("a.txt")`), "t.tf", hcl.InitialPos)
			got, diags := expr.Value(&hcl.EvalContext{Functions: Table(fsys, tt.base)})
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			if got.AsString() != tt.want {
				t.Errorf("file(\"a.txt\") with base %q = %q, want %q", tt.base, got.AsString(), tt.want)
			}
		})
	}
}

func TestTemplatesCannotRenderThemselves(t *testing.T) {
	runCases(t, []evalCase{
		{name: "templatestring inside templatestring", expr: `templatestring("$${templatestring(t, {t = t})}", {t = "x"})`, err: "cannot call templatestring from inside a template"},
		{name: "templatefile inside templatestring", expr: `templatestring("$${templatefile(\"tmpl/list.tftpl\", {items = 1})}", {})`, err: "cannot call templatefile from inside a template"},
		{name: "colon in a relative name", expr: `fileexists("a:b")`, want: cty.False},
	})
}
