package source

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseAddress(t *testing.T) {
	tests := []struct {
		name, address string
		want          blockAddress
		ok            bool
	}{
		{"root", "aws_instance.web", blockAddress{resource: "aws_instance.web"}, true},
		{"count", "aws_instance.web[12]", blockAddress{resource: "aws_instance.web"}, true},
		{"for_each", `aws_instance.web["a"]`, blockAddress{resource: "aws_instance.web"}, true},
		{"data", `data.aws_ami.x["k"]`, blockAddress{resource: "data.aws_ami.x"}, true},
		{"modules", `module.a["x"].module.b[0].aws_db_instance.main[2]`,
			blockAddress{modules: []string{"a", "b"}, resource: "aws_db_instance.main"}, true},
		{"data in a module", `module.a.data.aws_ami.x`, blockAddress{modules: []string{"a"}, resource: "data.aws_ami.x"}, true},
		{"key with dots and brackets", `module.a["b.c[0]"].x_y.z["d.e"]`, blockAddress{modules: []string{"a"}, resource: "x_y.z"}, true},
		{"key with escaped quotes", `module.a["say \"hi\". ok"].x_y.z`, blockAddress{modules: []string{"a"}, resource: "x_y.z"}, true},
		{"key ending in a backslash", `x_y.z["a\\"]`, blockAddress{resource: "x_y.z"}, true},
		{"names with dashes", "module.my-mod.x_y.my-name", blockAddress{modules: []string{"my-mod"}, resource: "x_y.my-name"}, true},
		{"empty", "", blockAddress{}, false},
		{"one step", "aws_instance", blockAddress{}, false},
		{"module only", `module.a["x"]`, blockAddress{}, false},
		{"three steps", "a.b.c", blockAddress{}, false},
		{"key on the type", "x_y[0].z", blockAddress{}, false},
		{"key on module keyword", "module[0].a.x_y.z", blockAddress{}, false},
		{"key on data keyword", "data[0].x_y.z", blockAddress{}, false},
		{"trailing dot", "x_y.z.", blockAddress{}, false},
		{"double dot", "x_y..z", blockAddress{}, false},
		{"unterminated key", `x_y.z["a]`, blockAddress{}, false},
		{"empty key", "x_y.z[]", blockAddress{}, false},
		{"bare word key", "x_y.z[abc]", blockAddress{}, false},
		{"junk after key", "x_y.z[0]x", blockAddress{}, false},
		{"two keys", "x_y.z[0][1]", blockAddress{}, false},
		{"stray quote", `x_y.z"`, blockAddress{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseAddress(tt.address)
			if ok != tt.ok {
				t.Fatalf("parseAddress(%q) ok = %v, want %v", tt.address, ok, tt.ok)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(blockAddress{})); diff != "" {
				t.Errorf("parseAddress(%q) (-want +got):\n%s", tt.address, diff)
			}
		})
	}
}
