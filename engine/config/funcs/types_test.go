package funcs

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestTypesAndSensitivity(t *testing.T) {
	runCases(t, []evalCase{
		{name: "tobool", expr: `tobool(true)`, want: cty.True},
		{name: "tobool string", expr: `tobool("true")`, want: cty.True},
		{name: "tobool null", expr: `tobool(null)`, want: cty.NullVal(cty.Bool)},
		{name: "tobool bad", expr: `tobool("no")`, err: `cannot convert "no" to bool; only the strings "true" or "false" are allowed`},
		{name: "tobool list", expr: `tobool([])`, err: "cannot convert"},
		{name: "tolist", expr: `tolist(["a", "b", "c"])`, want: strList("a", "b", "c")},
		{name: "tolist unifies", expr: `tolist(["a", "b", 3])`, want: strList("a", "b", "3")},
		{name: "tomap", expr: `tomap({"a" = 1, "b" = 2})`, want: cty.MapVal(map[string]cty.Value{"a": num(1), "b": num(2)})},
		{name: "tomap unifies", expr: `tomap({"a" = "foo", "b" = true})`, want: cty.MapVal(map[string]cty.Value{"a": str("foo"), "b": str("true")})},
		{name: "tonumber", expr: `tonumber(1)`, want: num(1)},
		{name: "tonumber string", expr: `tonumber("1")`, want: num(1)},
		{name: "tonumber null", expr: `tonumber(null)`, want: cty.NullVal(cty.Number)},
		{name: "tonumber bad", expr: `tonumber("no")`, err: `cannot convert "no" to number; given string must be a decimal representation of a number`},
		{name: "toset", expr: `toset(["a", "b", "c"])`, want: strSet("a", "b", "c")},
		{name: "toset unifies", expr: `toset(["a", "b", 3])`, want: strSet("a", "b", "3")},
		{name: "toset deduplicates", expr: `toset(["c", "b", "b"])`, want: strSet("b", "c")},
		{name: "tostring", expr: `tostring("hello")`, want: str("hello")},
		{name: "tostring number", expr: `tostring(1)`, want: str("1")},
		{name: "tostring bool", expr: `tostring(true)`, want: str("true")},
		{name: "tostring null", expr: `tostring(null)`, want: cty.NullVal(cty.String)},
		{name: "tostring list", expr: `tostring([])`, err: "cannot convert"},
		{name: "can", expr: `can(tonumber("x"))`, want: cty.False},
		{name: "can ok", expr: `can(tonumber("1"))`, want: cty.True},
		{name: "can missing attribute", expr: `can(str_map.c)`, want: cty.False},
		{name: "try", expr: `try(tonumber("x"), 0)`, want: num(0)},
		{name: "try first", expr: `try(str_map.a, "fallback")`, want: str("ay")},
		{name: "try fallback", expr: `try(str_map.c, "fallback")`, want: str("fallback")},
		{name: "try unknown", expr: `try(u_str, "fallback")`, want: cty.DynamicVal},
		{name: "try all fail", expr: `try(str_map.c, str_map.d)`, err: "no expression succeeded"},
		{name: "sensitive", expr: `sensitive(1)`, want: num(1).Mark(Sensitive)},
		{name: "sensitive list", expr: `sensitive([])`, want: cty.EmptyTupleVal.Mark(Sensitive)},
		{name: "sensitive unknown", expr: `sensitive(u_str)`, want: cty.UnknownVal(cty.String).Mark(Sensitive)},
		{name: "nonsensitive", expr: `nonsensitive(secret)`, want: str("hunter2")},
		{name: "nonsensitive of derived", expr: `nonsensitive(sha256(secret))`, want: str("f52fbd32b2b3b86ff88ef6c490628285f482af15ddcb29541f94bcf526a3f6c7")},
		{name: "nonsensitive of plain value", expr: `nonsensitive("plain")`, want: str("plain")},
		{name: "issensitive", expr: `issensitive(sensitive("secret"))`, want: cty.True},
		{name: "issensitive plain", expr: `issensitive("hello")`, want: cty.False},
		{name: "issensitive variable", expr: `issensitive(secret)`, want: cty.True},
		{name: "issensitive unknown", expr: `issensitive(u_str)`, want: cty.UnknownVal(cty.Bool).RefineNotNull()},
		{name: "sensitive propagates", expr: `join("-", [secret, "x"])`, want: str("hunter2-x").Mark(Sensitive)},
		{name: "ephemeralasnull", expr: `ephemeralasnull("x")`, want: str("x")},
		{name: "list removed", expr: `list("a", "b")`, err: "the list function was removed in Terraform v0.15; use tolist([a, b, c]) instead"},
		{name: "map removed", expr: `map("a", "b")`, err: "the map function was removed"},
	})
}
