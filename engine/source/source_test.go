package source

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/change"
)

func loadProject(t *testing.T) *Index {
	t.Helper()
	x, err := Load(os.DirFS("testdata/project"))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return x
}

func at(file string, line int) *change.Location { return &change.Location{File: file, Line: line} }

func TestLocate(t *testing.T) {
	x := loadProject(t)
	tests := []struct {
		name, address string
		want          *change.Location
	}{
		{"root resource", "aws_instance.web", at("main.tf", 7)},
		{"override file keeps the first definition", "aws_instance.web", at("main.tf", 7)},
		{"count instance", "aws_instance.web2[1]", at("main.tf", 18)},
		{"second root file", "aws_s3_bucket.data", at("storage.tf", 9)},
		{"data source", "data.aws_ami.base", at("main.tf", 23)},
		{"json file resource", "aws_sqs_queue.jobs", at("extra.tf.json", 4)},
		{"json module call to local module", "module.queue[1].aws_db_instance.main[0]", at("modules/db/main.tf", 5)},
		{"for_each module", `module.app["a"].aws_instance.server[1]`, at("modules/app/main.tf", 2)},
		{"module without its instance key", "module.app.aws_instance.server", at("modules/app/main.tf", 2)},
		{"nested count module", `module.app["b.c"].module.db[0].aws_db_instance.main[2]`, at("modules/db/main.tf", 5)},
		{"key with dots, quotes and brackets", `module.app["x.\"y\"[0].z"].module.db[1].aws_db_instance.main[0]`, at("modules/db/main.tf", 5)},
		{"key with escaped backslash", `module.app["a\\"].aws_instance.server[0]`, at("modules/app/main.tf", 2)},
		{"local module called from the root too", "module.db.aws_db_instance.main[0]", at("modules/db/main.tf", 5)},
		{"remote module not downloaded", `module.vpc.aws_vpc.this[0]`, at("main.tf", 33)},
		{"nested call inside a remote module", `module.vpc.module.sub["a"].aws_subnet.s[0]`, at("main.tf", 33)},
		{"downloaded remote module points at the call", "module.downloaded.aws_vpc.this", at("main.tf", 38)},
		{"source outside the directory", "module.outside.aws_instance.x", at("main.tf", 40)},
		{"remote module called from a local module", `module.app["a"].module.lb.aws_lb.this`, at("modules/app/main.tf", 11)},
		{"local module directory missing", `module.app["a"].module.cache.aws_elasticache_cluster.c`, at("modules/app/main.tf", 15)},
		{"unknown resource", "aws_instance.nope", nil},
		{"prefix of a known name", "aws_instance.we", nil},
		{"hidden file ignored", "aws_instance.hidden", nil},
		{"unknown module", "module.nope.aws_instance.web", nil},
		{"unknown resource in local module", `module.app["a"].aws_instance.nope`, nil},
		{"module address", `module.app["a"]`, nil},
		{"module call is not a resource", "module.vpc", nil},
		{"too many steps", "aws_instance.web.extra", nil},
		{"unterminated key", `module.app["a].aws_instance.server`, nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, x.Locate(tt.address)); diff != "" {
				t.Errorf("Locate(%q) (-want +got):\n%s", tt.address, diff)
			}
		})
	}
}

func TestBlockOf(t *testing.T) {
	x := loadProject(t)
	tests := []struct {
		name, address, want string
		ok                  bool
	}{
		{"root", "aws_instance.web2[0]", "aws_instance.web2", true},
		{"data", "data.aws_ami.base", "data.aws_ami.base", true},
		{"local modules", `module.app["k"].module.db[1].aws_db_instance.main[2]`, "module.app.module.db.aws_db_instance.main", true},
		{"remote module", `module.vpc.module.sub[0].aws_subnet.s["a.b"]`, "module.vpc", true},
		{"remote inside local", `module.app["k"].module.lb.aws_lb.this`, "module.app.module.lb", true},
		{"unknown", "aws_instance.web3", "", false},
		{"not an address", "aws_instance", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := x.BlockOf(tt.address)
			if got != tt.want || ok != tt.ok {
				t.Errorf("BlockOf(%q) = %q, %v; want %q, %v", tt.address, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestDirectives(t *testing.T) {
	d := func(text, block, pattern, file string, line int) Directive {
		return Directive{Text: text, Block: block, Pattern: pattern, Location: change.Location{File: file, Line: line}}
	}
	const db = `tollgate:waive required-tags reason="db tags come later" owner=dba expires=2027-03-31`
	want := []Directive{
		d(`tollgate:waive required-tags reason="legacy host" owner=ops@example.com expires=2027-01-31`,
			"aws_instance.web", "aws_instance.web", "main.tf", 5),
		d(`tollgate:waive allowed-instance-types reason="needs m5" owner=ops expires=2027-06-30`,
			"aws_instance.web", "aws_instance.web", "main.tf", 11),
		d(`tollgate:note on the header line`, "data.aws_ami.base", "data.aws_ami.base", "main.tf", 23),
		d(`tollgate:waive budget-total reason="shared network" owner=net expires=2027-01-31`,
			"module.vpc", "module.vpc.*", "main.tf", 32),
		d(`tollgate:waive allowed-instance-types reason="app servers" owner=app expires=2027-01-31`,
			"module.app.aws_instance.server", "module.app.aws_instance.server", "modules/app/main.tf", 1),
		d(db, "module.app.module.db.aws_db_instance.main", "module.app.module.db.aws_db_instance.main", "modules/db/main.tf", 6),
		d(db, "module.db.aws_db_instance.main", "module.db.aws_db_instance.main", "modules/db/main.tf", 6),
		d(db, "module.queue.aws_db_instance.main", "module.queue.aws_db_instance.main", "modules/db/main.tf", 6),
		d(`tollgate:waive from-override reason="x" owner=y expires=2027-01-01`,
			"aws_instance.web", "aws_instance.web", "override.tf", 2),
		d(`tollgate:waive required-tags reason="a" owner=b expires=2027-01-01`,
			"aws_s3_bucket.data", "aws_s3_bucket.data", "storage.tf", 11),
		d(`tollgate:waive encryption reason="c" owner=d expires=2027-01-01`,
			"aws_s3_bucket.data", "aws_s3_bucket.data", "storage.tf", 12),
		d(`tollgate:waive deep reason="nested" owner=e expires=2027-01-01`,
			"aws_s3_bucket.data", "aws_s3_bucket.data", "storage.tf", 16),
		d(`tollgate:waive slash-comment reason="x" owner=y expires=2027-01-01`,
			"aws_s3_bucket.tmp", "aws_s3_bucket.tmp", "storage.tf", 21),
	}
	if diff := cmp.Diff(want, loadProject(t).Directives()); diff != "" {
		t.Errorf("Directives (-want +got):\n%s", diff)
	}
}

func TestNotes(t *testing.T) {
	want := []string{
		"main.tf:16: tollgate comment is not on a resource, data or module block; ignored",
		`main.tf:40: module.outside: source "../elsewhere" is outside the configuration directory; its resources are located at the module block`,
		"modules/app/main.tf:15: module.app.module.cache: module directory modules/app/cache not found; its resources are located at the module block",
		"storage.tf:2: tollgate comment is not on a resource, data or module block; ignored",
		"storage.tf:8: tollgate comment is not on a resource, data or module block; ignored",
	}
	if diff := cmp.Diff(want, loadProject(t).Notes()); diff != "" {
		t.Errorf("Notes (-want +got):\n%s", diff)
	}
}

func TestCovers(t *testing.T) {
	tests := []struct {
		name, block, address string
		want                 bool
	}{
		{"same resource", "aws_instance.web", "aws_instance.web", true},
		{"an instance", "aws_instance.web", `aws_instance.web["a.b"]`, true},
		{"longer name", "aws_instance.web", "aws_instance.web2", false},
		{"same name in a module", "aws_instance.web", "module.m.aws_instance.web", false},
		{"data is not managed", "aws_ami.base", "data.aws_ami.base", false},
		{"data", "data.aws_ami.base", "data.aws_ami.base", true},
		{"resource in a module instance", "module.app.aws_instance.server", `module.app["x"].aws_instance.server[0]`, true},
		{"same name in a nested module", "module.app.aws_instance.server", `module.app["x"].module.b[0].aws_instance.server[0]`, false},
		{"module covers its resources", "module.vpc", "module.vpc.aws_vpc.this", true},
		{"module covers nested calls", "module.vpc", `module.vpc[0].module.sub["a"].aws_subnet.s[1]`, true},
		{"module with a longer name", "module.vpc", "module.vpc2.aws_vpc.this", false},
		{"nested module", "module.app.module.db", `module.app["a"].module.db[0].aws_db_instance.main[2]`, true},
		{"nested module elsewhere", "module.app.module.db", "module.db.aws_db_instance.main[2]", false},
		{"not an address", "aws_instance.web", "aws_instance.web[", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (Directive{Block: tt.block}).Covers(tt.address); got != tt.want {
				t.Errorf("Directive{Block: %q}.Covers(%q) = %v, want %v", tt.block, tt.address, got, tt.want)
			}
		})
	}
}

func TestLoadEdgeCases(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		locate     map[string]*change.Location
		directives []string // "file:line block text"
		notes      []string
	}{
		{
			name:   "empty directory",
			files:  map[string]string{"README.md": "# not terraform\n"},
			locate: map[string]*change.Location{"aws_instance.web": nil},
		},
		{
			name: "module calling itself",
			files: map[string]string{
				"main.tf":         "module \"a\" {\n  source = \"./a\"\n}\n",
				"a/main.tf":       "resource \"x_y\" \"z\" {}\nmodule \"again\" {\n  source = \"../a\"\n}\n",
				"a/unrelated.txt": "",
			},
			locate: map[string]*change.Location{
				"module.a.x_y.z":                  at("a/main.tf", 1),
				"module.a.module.again.x_y.z":     at("a/main.tf", 2),
				"module.a.module.again.x_y.other": at("a/main.tf", 2),
			},
			notes: []string{`a/main.tf:2: module.a.module.again: source "../a" calls a module that is already being loaded; its resources are located at the module block`},
		},
		{
			name: "source from a variable and windows separators",
			files: map[string]string{
				"main.tf":     "module \"v\" {\n  source = var.src\n}\nmodule \"w\" {\n  source = \".\\\\mods\\\\w\"\n}\n",
				"mods/w/w.tf": "resource \"x_y\" \"w\" {}\n",
			},
			locate: map[string]*change.Location{
				"module.v.x_y.z": at("main.tf", 1),
				"module.w.x_y.w": at("mods/w/w.tf", 1),
			},
		},
		{
			name: "comment placement",
			files: map[string]string{"main.tf": strings.Join([]string{
				"# tollgate:a",  // 1: run of mixed comment styles
				"// tollgate:b", // 2
				"/* tollgate:c */ resource \"x_y\" \"one\" {", // 3: before the block on its line
				"}",                                      // 4
				"locals {",                               // 5
				"  v = 1",                                // 6
				"}",                                      // 7
				"# tollgate:d",                           // 8: code line between it and the block
				"locals {}",                              // 9
				"resource \"x_y\" \"two\" {}",            // 10
				"# tollgate:e", "/*", "tollgate:f", "*/", // 11-14: one run
				"resource \"x_y\" \"three\" {", // 15
				"  #tollgate:g",                // 16: no space after #
				"  ## tollgate:h",              // 17
				"  # note: tollgate:i",         // 18: not at the start
				"  # TOLLGATE:j",               // 19: case matters
				"} # tollgate:k",               // 20: after the closing brace
			}, "\r\n")},
			directives: []string{
				"main.tf:1 x_y.one tollgate:a",
				"main.tf:2 x_y.one tollgate:b",
				"main.tf:3 x_y.one tollgate:c",
				"main.tf:11 x_y.three tollgate:e",
				"main.tf:13 x_y.three tollgate:f",
				"main.tf:16 x_y.three tollgate:g",
				"main.tf:17 x_y.three tollgate:h",
			},
			notes: []string{
				"main.tf:20: tollgate comment is not on a resource, data or module block; ignored",
				"main.tf:8: tollgate comment is not on a resource, data or module block; ignored",
			},
			locate: map[string]*change.Location{"x_y.one": at("main.tf", 3), "x_y.three": at("main.tf", 15)},
		},
		{
			name:   "duplicate block keeps the first",
			files:  map[string]string{"a.tf": "resource \"x_y\" \"z\" {}\n", "b.tf": "\nresource \"x_y\" \"z\" {}\n"},
			locate: map[string]*change.Location{"x_y.z": at("a.tf", 1)},
		},
		{
			name:   "block with labels that are not names is skipped",
			files:  map[string]string{"main.tf": "# tollgate:x\nresource \"a.b\" \"c\" {}\nresource \"x_y\" \"\" {}\n"},
			locate: map[string]*change.Location{"a.b.c": nil, "x_y.z": nil},
			notes:  []string{"main.tf:1: tollgate comment is not on a resource, data or module block; ignored"},
		},
		{
			name:   "block with a missing label is skipped",
			files:  map[string]string{"main.tf": "resource \"x_y\" {}\nresource \"x_y\" \"z\" {}\n"},
			locate: map[string]*change.Location{"x_y.z": at("main.tf", 2)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			x, err := Load(fsys)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			for address, want := range tt.locate {
				if diff := cmp.Diff(want, x.Locate(address)); diff != "" {
					t.Errorf("Locate(%q) (-want +got):\n%s", address, diff)
				}
			}
			var got []string
			for _, d := range x.Directives() {
				got = append(got, d.Location.File+":"+strconv.Itoa(d.Location.Line)+" "+d.Block+" "+d.Text)
			}
			if diff := cmp.Diff(tt.directives, got); diff != "" {
				t.Errorf("Directives (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.notes, x.Notes()); diff != "" {
				t.Errorf("Notes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNilIndex(t *testing.T) {
	var x *Index
	if x.Locate("aws_instance.web") != nil || x.Directives() != nil || x.Notes() != nil {
		t.Error("a nil Index should know nothing")
	}
	if _, ok := x.BlockOf("aws_instance.web"); ok {
		t.Error("BlockOf on a nil Index found a block")
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		fsys  fstest.MapFS
		want  string
		first SyntaxError
	}{
		{
			name: "unclosed block",
			fsys: fstest.MapFS{"main.tf": {Data: []byte("resource \"x_y\" \"z\" {\n  a = 1\n")}},
			want: "main.tf:1:20: Unclosed configuration block; There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
			first: SyntaxError{File: "main.tf", Line: 1, Column: 20, Summary: "Unclosed configuration block",
				Detail: "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file."},
		},
		{
			name: "every file and local module is reported",
			fsys: fstest.MapFS{
				"a.tf":         {Data: []byte("module \"m\" {\n  source = \"./m\"\n}\n")},
				"b.tf":         {Data: []byte("x = = 1\n")},
				"m/main.tf":    {Data: []byte("resource \"x_y\" \"z\" {\n  a = [\n}\n")},
				"m/ok.tf.json": {Data: []byte("{}")},
			},
			want: "b.tf:1:5: Invalid expression; Expected the start of an expression, but found an invalid expression token.\n" +
				"m/main.tf:3:1: Invalid expression; Expected the start of an expression, but found an invalid expression token.",
			first: SyntaxError{File: "b.tf", Line: 1, Column: 5, Summary: "Invalid expression",
				Detail: "Expected the start of an expression, but found an invalid expression token."},
		},
		{
			name: "json syntax",
			fsys: fstest.MapFS{"main.tf.json": {Data: []byte("{\n  \"resource\": {\"a\" 1}\n}\n")}},
			want: "main.tf.json:2:20: Missing property value colon; A colon must appear between an object property's name and its value.",
			first: SyntaxError{File: "main.tf.json", Line: 2, Column: 20, Summary: "Missing property value colon",
				Detail: "A colon must appear between an object property's name and its value."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := Load(tt.fsys)
			if err == nil {
				t.Fatalf("Load succeeded: %+v", x)
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T is not a *SyntaxError", err)
			}
			if diff := cmp.Diff(tt.first, *se); diff != "" {
				t.Errorf("first SyntaxError (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadBrokenFixture(t *testing.T) {
	_, err := Load(os.DirFS("testdata/broken"))
	want := "other.tf:1:34: Unclosed configuration block; There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.\n" +
		"modules/bad/main.tf:2:9: Invalid expression; Expected the start of an expression, but found an invalid expression token."
	if err == nil || err.Error() != want {
		t.Errorf("Load error = %v\nwant %s", err, want)
	}
}

func TestLoadMissingDirectory(t *testing.T) {
	_, err := Load(os.DirFS("testdata/no-such-dir"))
	if err == nil || !strings.HasPrefix(err.Error(), "read configuration directory .: ") {
		t.Errorf("Load error = %v, want a read error", err)
	}
}
