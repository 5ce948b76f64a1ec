package funcs

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestEncoding(t *testing.T) {
	obj := func(kv ...any) cty.Value {
		m := map[string]cty.Value{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1].(cty.Value)
		}
		return cty.ObjectVal(m)
	}
	runCases(t, []evalCase{
		{name: "base64encode", expr: `base64encode("Hello World")`, want: str("SGVsbG8gV29ybGQ=")},
		{name: "base64decode", expr: `base64decode("SGVsbG8gV29ybGQ=")`, want: str("Hello World")},
		{name: "base64decode invalid", expr: `base64decode("!!!")`, err: "failed to decode base64 data"},
		{name: "base64decode not text", expr: `base64decode("/w==")`, err: "not valid UTF-8"},
		{name: "csvdecode", expr: `csvdecode("a,b,c\n1,2,3\n4,5,6")`, want: cty.ListVal([]cty.Value{
			obj("a", str("1"), "b", str("2"), "c", str("3")), obj("a", str("4"), "b", str("5"), "c", str("6"))})},
		{name: "jsondecode", expr: `jsondecode("{\"hello\": \"world\"}")`, want: obj("hello", str("world"))},
		{name: "jsondecode bool", expr: `jsondecode("true")`, want: cty.True},
		{name: "jsondecode invalid", expr: `jsondecode("{x}")`, err: "invalid character 'x'"},
		{name: "jsonencode", expr: `jsonencode({"hello" = "world"})`, want: str(`{"hello":"world"}`)},
		{name: "jsonencode unknown inside", expr: `jsonencode({a = u_str})`, want: cty.UnknownVal(cty.String).Refine().NotNull().StringPrefixFull("{").NewValue()},
		{name: "textencodebase64", expr: `textencodebase64("Hello World", "UTF-16LE")`, want: str("SABlAGwAbABvACAAVwBvAHIAbABkAA==")},
		{name: "textdecodebase64", expr: `textdecodebase64("SABlAGwAbABvACAAVwBvAHIAbABkAA==", "UTF-16LE")`, want: str("Hello World")},
		{name: "textencodebase64 bad encoding", expr: `textencodebase64("x", "NOPE-1")`, err: `"NOPE-1" is not a supported IANA encoding name or alias`},
		{name: "textencodebase64 unrepresentable", expr: `textencodebase64("☃", "ISO-8859-1")`, err: "cannot be represented in ISO-8859-1"},
		{name: "textdecodebase64 bad base64", expr: `textdecodebase64("SGV$", "UTF-8")`, err: "invalid base64 symbol at offset 3"},
		{name: "urlencode", expr: `urlencode("Hello World!")`, want: str("Hello+World%21")},
		{name: "urlencode unicode", expr: `urlencode("☃")`, want: str("%E2%98%83")},
		{name: "urlencode reserved", expr: `urlencode("foo:bar@localhost?foo=bar&bar=baz")`, want: str("foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz")},
		{name: "yamldecode", expr: `yamldecode("hello: world")`, want: obj("hello", str("world"))},
		{name: "yamldecode bool", expr: `yamldecode("true")`, want: cty.True},
		{name: "yamldecode alias", expr: `yamldecode("{a: &foo [1, 2, 3], b: *foo}")`, want: obj("a", cty.TupleVal(nums(1, 2, 3)), "b", cty.TupleVal(nums(1, 2, 3)))},
		{name: "yamldecode cycle", expr: `yamldecode("{a: &foo [1, *foo, 3]}")`, err: `cannot refer to anchor "foo" from inside its own definition`},
		{name: "yamldecode custom tag", expr: `yamldecode("{a: !not-supported foo}")`, err: `unsupported tag "!not-supported"`},
		{name: "yamldecode empty", expr: `yamldecode("")`, want: cty.NullVal(cty.DynamicPseudoType)},
		{name: "yamldecode null", expr: `yamldecode("~")`, want: cty.NullVal(cty.DynamicPseudoType)},
		{name: "yamldecode numbers", expr: `yamldecode("[1, 0.1, -3e2, 0x1f, .inf]")`, want: cty.TupleVal([]cty.Value{num(1), dec("0.1"), num(-300), num(31), cty.PositiveInfinity})},
		{name: "yamldecode timestamp", expr: `yamldecode("t: 2001-12-14T21:59:43.10-05:00")`, want: obj("t", str("2001-12-14T21:59:43.1-05:00"))},
		{name: "yamldecode date", expr: `yamldecode("d: 2002-12-14")`, want: obj("d", str("2002-12-14T00:00:00Z"))},
		{name: "yamldecode binary", expr: `yamldecode("b: !!binary aGVs\n  bG8=")`, want: obj("b", str("aGVsbG8="))},
		{name: "yamldecode merge", expr: `yamldecode("base: &b {x: 1, y: 2}\nuse: {<<: *b, y: 3}")`, want: obj("base", obj("x", num(1), "y", num(2)), "use", obj("x", num(1), "y", num(3)))},
		{name: "yamldecode two documents", expr: `yamldecode("a: 1\n---\nb: 2")`, err: "more than one document"},
		{name: "yamldecode invalid", expr: `yamldecode("a: [")`, err: "invalid YAML"},
		{name: "yamlencode", expr: `yamlencode({"a" = "b", "c" = "d"})`, want: str("\"a\": \"b\"\n\"c\": \"d\"\n")},
		{name: "yamlencode list", expr: `yamlencode({"foo" = [1, 2, 3], "bar" = "baz"})`, want: str("\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n")},
		{name: "yamlencode nested", expr: `yamlencode({"foo" = [1, {"a" = "b", "c" = "d"}, 3], "bar" = "baz"})`,
			want: str("\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n")},
		{name: "yamlencode scalars", expr: `yamlencode([true, null, 1.5, "x\ny", {}, []])`, want: str("- true\n- null\n- 1.5\n- \"x\\ny\"\n- {}\n- []\n")},
		{name: "yamlencode unknown inside", expr: `yamlencode([u_str])`, want: cty.UnknownVal(cty.String).RefineNotNull()},
		{name: "yamlencode round trip", expr: `yamldecode(yamlencode({a = [1, "two"], b = {c = true}}))`, want: obj("a", cty.TupleVal([]cty.Value{num(1), str("two")}), "b", obj("c", cty.True))},
	})
}

func TestBase64Gzip(t *testing.T) {
	got, diags := eval(t, `base64gzip("test")`)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	raw, err := base64.StdEncoding.DecodeString(got.AsString())
	if err != nil {
		t.Fatal(err)
	}
	r, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if string(plain) != "test" {
		t.Errorf("gunzip(base64gzip(%q)) = %q", "test", plain)
	}
	again, _ := eval(t, `base64gzip("test")`)
	if !again.RawEquals(got) {
		t.Errorf("base64gzip is not stable: %s then %s", got.AsString(), again.AsString())
	}
}
