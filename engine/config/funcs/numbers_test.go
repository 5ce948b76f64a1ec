package funcs

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestNumbers(t *testing.T) {
	runCases(t, []evalCase{
		{name: "abs", expr: `abs(23)`, want: num(23)},
		{name: "abs zero", expr: `abs(0)`, want: num(0)},
		{name: "abs negative", expr: `abs(-12.4)`, want: dec("12.4")},
		{name: "ceil", expr: `ceil(5)`, want: num(5)},
		{name: "ceil fraction", expr: `ceil(5.1)`, want: num(6)},
		{name: "floor", expr: `floor(5)`, want: num(5)},
		{name: "floor fraction", expr: `floor(4.9)`, want: num(4)},
		{name: "log", expr: `log(16, 2)`, want: num(4)},
		{name: "log one", expr: `log(1, 10)`, want: num(0)},
		{name: "max", expr: `max(12, 54, 3)`, want: num(54)},
		{name: "max expanded", expr: `max([12, 54, 3]...)`, want: num(54)},
		{name: "min", expr: `min(12, 54, 3)`, want: num(3)},
		{name: "parseint", expr: `parseint("100", 10)`, want: num(100)},
		{name: "parseint hex", expr: `parseint("FF", 16)`, want: num(255)},
		{name: "parseint negative", expr: `parseint("-10", 16)`, want: num(-16)},
		{name: "parseint binary", expr: `parseint("1011111011101111", 2)`, want: num(48879)},
		{name: "parseint base 62", expr: `parseint("aA", 62)`, want: num(656)},
		{name: "parseint bad digit", expr: `parseint("12", 2)`, err: `cannot parse "12" as a base 2 integer`},
		{name: "pow", expr: `pow(3, 2)`, want: num(9)},
		{name: "pow zero", expr: `pow(4, 0)`, want: num(1)},
		{name: "signum negative", expr: `signum(-13)`, want: num(-1)},
		{name: "signum zero", expr: `signum(0)`, want: num(0)},
		{name: "signum positive", expr: `signum(344)`, want: num(1)},
		{name: "unknown", expr: `abs(u_num)`, want: cty.UnknownVal(cty.Number).RefineNotNull()},
	})
}

func TestNumbersUndefined(t *testing.T) {
	runCases(t, []evalCase{
		{name: "log of negative", expr: `log(-1, 10)`, err: "log(-1, 10) is undefined"},
		{name: "log zero zero", expr: `log(0, 0)`, err: "log(0, 0) is undefined"},
		{name: "log fraction", expr: `log(50, 10) > 1.69 && log(50, 10) < 1.7`, want: cty.True},
		{name: "pow negative root", expr: `pow(-8, 0.5)`, err: "pow(-8, 0.5) is undefined"},
		{name: "pow fraction", expr: `pow(4, 0.5)`, want: num(2)},
		{name: "indent negative", expr: `indent(-1, "a\nb")`, err: "the number of spaces must not be negative"},
	})
}
