package source

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// benchConfig is a root module of files files of perFile resource blocks,
// each with a directive when directives is set, calling a local module of
// as many.
func benchConfig(files, perFile int, directives bool) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, dir := range []string{".", "mod"} {
		for f := 0; f < files; f++ {
			var b strings.Builder
			for r := 0; r < perFile; r++ {
				fmt.Fprintf(&b, "# Server %d.\n", r)
				if directives {
					b.WriteString("# tollgate:waive required-tags reason=\"x\" owner=y expires=2027-01-31\n")
				}
				fmt.Fprintf(&b, "resource \"aws_instance\" \"r%d_%d\" {\n  ami   = \"ami-123\"\n  count = 2\n  tags = {\n    Name = \"r%d\" # a tag\n  }\n}\n\n", f, r, r)
			}
			fsys[fmt.Sprintf("%s/f%d.tf", dir, f)] = &fstest.MapFile{Data: []byte(b.String())}
		}
	}
	fsys["./calls.tf"] = &fstest.MapFile{Data: []byte("module \"m\" {\n  source   = \"./mod\"\n  for_each = toset([\"a\", \"b\"])\n}\n")}
	// MapFS names have no "./" prefix.
	for name, f := range fsys {
		if strings.HasPrefix(name, "./") {
			delete(fsys, name)
			fsys[strings.TrimPrefix(name, "./")] = f
		}
	}
	return fsys
}

// BenchmarkLoad indexes 10,000 resource blocks (100 files of 50 in the
// root and in a local module), with and without a directive on each.
func BenchmarkLoad(b *testing.B) {
	for _, directives := range []bool{false, true} {
		b.Run(fmt.Sprintf("directives=%v", directives), func(b *testing.B) {
			fsys := benchConfig(100, 50, directives)
			want := 0
			if directives {
				want = 10000
			}
			b.ReportAllocs()
			for b.Loop() {
				x, err := Load(fsys)
				if err != nil {
					b.Fatal(err)
				}
				if got := len(x.Directives()); got != want {
					b.Fatalf("%d directives, want %d", got, want)
				}
			}
		})
	}
}

func BenchmarkLocate(b *testing.B) {
	x, err := Load(benchConfig(100, 50, false))
	if err != nil {
		b.Fatal(err)
	}
	const address = `module.m["a"].aws_instance.r42_17[1]`
	if x.Locate(address) == nil {
		b.Fatalf("%s not located", address)
	}
	b.ReportAllocs()
	for b.Loop() {
		x.Locate(address)
	}
}
