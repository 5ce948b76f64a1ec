package config

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzLoad evaluates mutated configurations: Load may reject them but
// must never panic or hang.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*", "*.tf"))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, []byte("x = 1\n"))
	}
	f.Add([]byte(`resource "a_b" "c" { for_each = {for i in range(3): i => i} v = each.value }`), []byte(""))
	f.Add([]byte(`locals { a = [for x in range(2) : { for y in range(2) : y => x }] }`), []byte(""))
	f.Add([]byte("variable \"x\" {\n  type = object({ a = optional(list(number), [1]) })\n}\n"), []byte(`x = { a = null }`))
	f.Fuzz(func(t *testing.T, main, tfvars []byte) {
		fsys := fstest.MapFS{
			"main.tf":          {Data: main},
			"terraform.tfvars": {Data: tfvars},
			"m/main.tf":        {Data: main},
		}
		set, err := Load(fsys, Options{})
		if err == nil && set == nil {
			t.Fatal("Load returned neither a set nor an error")
		}
	})
}
