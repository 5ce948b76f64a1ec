package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func FuzzParseAddress(f *testing.F) {
	for _, s := range []string{
		"aws_instance.web", `module.a["x.y"].module.b[0].aws_db_instance.main[2]`,
		`data.aws_ami.x["k"]`, `x_y.z["a\\"]`, `module.a["say \"hi\""].x_y.z`, "x_y.z[", "a..b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, address string) {
		a, ok := parseAddress(address)
		if !ok {
			return
		}
		key := a.key()
		if strings.ContainsAny(key, `[]"`) {
			t.Fatalf("key %q of %q keeps an instance key", key, address)
		}
		b, ok := parseAddress(key)
		if !ok || b.key() != key {
			t.Fatalf("key %q of %q does not parse back to itself (%q, %v)", key, address, b.key(), ok)
		}
	})
}

func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.tf")
	for _, p := range seeds {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(string(src))
		}
	}
	f.Add("/* tollgate:a\n * tollgate:b */\nresource \"x_y\" \"z\" { # tollgate:c\n}\n")
	f.Fuzz(func(t *testing.T, src string) {
		x, err := Load(fstest.MapFS{"main.tf": {Data: []byte(src)}})
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T is not a *SyntaxError: %v", err, err)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "main.tf") {
					t.Fatalf("error line %q does not name the file", line)
				}
			}
			return
		}
		lines := strings.Count(src, "\n") + 1
		for _, d := range x.Directives() {
			if !strings.HasPrefix(d.Text, directivePrefix) || strings.ContainsAny(d.Text, "\n") {
				t.Errorf("directive text %q", d.Text)
			}
			if d.Location.File != "main.tf" || d.Location.Line < 1 || d.Location.Line > lines {
				t.Errorf("directive location %+v outside the file (%d lines)", d.Location, lines)
			}
			if isModule(d.Block) {
				continue
			}
			if key, ok := x.BlockOf(d.Block); !ok || key != d.Block {
				t.Errorf("BlockOf(%q) = %q, %v", d.Block, key, ok)
			}
		}
	})
}
