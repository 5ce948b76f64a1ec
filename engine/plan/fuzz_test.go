package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// maxSeed leaves out larger seed files: the fuzzer minimizes every new
// interesting input byte by byte, which on a 400 KB plan takes minutes
// with no executions reported.
const maxSeed = 64 << 10

// seeds are the fixtures and, when present, the shared plans.
func seeds(f *testing.F) {
	for _, dir := range []string{"testdata", sharedPlans} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			if len(data) > maxSeed {
				continue
			}
			f.Add(data)
		}
	}
	for _, s := range []string{
		"", "{}", "[]", "null", `{"format_version": "1.2"}`, "PK\x03\x04",
		"[command]x\n{\"format_version\":\"1.2\",\"resource_changes\":[]}%0A\n::debug::x",
		`{"format_version":"1.2","resource_changes":[{"address":"a.b","index":1,"change":{"actions":["delete","create"],"before":{"a":1},"after":{"a":"\ud83d\ude00"},"before_sensitive":true}}]}`,
	} {
		f.Add([]byte(s))
	}
}

// FuzzParse checks that no input makes Parse panic, that every error is
// one line naming the file, and that what parses is a valid model in
// which no sensitive value survives.
func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := Parse("fuzz.json", data, Options{})
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not an *Error: %v", err, err)
			}
			checkMessage(t, "fuzz.json", err)
			return
		}
		checkSet(t, set)
		for _, r := range set.Resources {
			for _, p := range r.SensitivePaths {
				if !redacted(r.Before, p) && !redacted(r.After, p) {
					t.Errorf("%s: sensitive path %s is not redacted", r.Address, p)
				}
			}
		}
	})
}

// redacted reports whether the top-level attribute of path holds a
// redacted value somewhere below it.
func redacted(values map[string]any, path string) bool {
	if values == nil {
		return false
	}
	top := path
	if i := bytes.IndexAny([]byte(path), ".["); i >= 0 {
		top = path[:i]
	}
	var walk func(v any) bool
	walk = func(v any) bool {
		switch t := v.(type) {
		case string:
			return t == change.Sensitive
		case map[string]any:
			for _, e := range t {
				if walk(e) {
					return true
				}
			}
		case []any:
			for _, e := range t {
				if walk(e) {
					return true
				}
			}
		}
		return false
	}
	return walk(values[top])
}

// FuzzValue checks the scanner and decoder against encoding/json: they
// must accept exactly the documents it accepts and decode them alike.
func FuzzValue(f *testing.F) {
	seeds(f)
	for _, s := range []string{
		`"\u00e9\ud83d\ude00\n\t\"\\\/"`, `"\ud800"`, `"\ud800\u0041"`, `"\udc00\ud800"`, `-0.5e+10`, `0`, `-`, `01`, `1.`,
		`1e`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `[1 2]`, `tru`, `nul`, "\"\x01\"", `{"a":{"b":[{}, [], null, true, false]}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		end, err := skipValue(data, 0)
		ours := err == nil && skipSpace(data, end) == len(data)
		if std := json.Valid(data); ours != std {
			t.Fatalf("scanner accepts = %v, encoding/json = %v (scanner error: %v)", ours, std, err)
		}
		if !ours || !utf8.Valid(data) {
			return // encoding/json rewrites invalid UTF-8; the scanner keeps bytes
		}
		got, _ := newDecoder(data).value(0)
		var want any
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("decoded value differs from encoding/json (-want +got):\n%s", diff)
		}
	})
}
