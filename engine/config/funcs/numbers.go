package funcs

import (
	"fmt"
	"math"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// logFunc and powFunc compute in float64, as Terraform does, and reject
// results that are not numbers (log(-1, 10), pow(-8, 0.5)), which cty
// cannot hold.
var logFunc = floatFunc("num", "base", func(x, base float64) float64 {
	return math.Log(x) / math.Log(base)
}, "log(%s, %s) is undefined")

var powFunc = floatFunc("num", "power", math.Pow, "pow(%s, %s) is undefined")

func floatFunc(a, b string, f func(x, y float64) float64, undefined string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: a, Type: cty.Number},
			{Name: b, Type: cty.Number},
		},
		Type:         function.StaticReturnType(cty.Number),
		RefineResult: notNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			x, _ := args[0].AsBigFloat().Float64()
			y, _ := args[1].AsBigFloat().Float64()
			r := f(x, y)
			if math.IsNaN(r) {
				return cty.NilVal, fmt.Errorf(undefined, args[0].AsBigFloat().Text('g', -1), args[1].AsBigFloat().Text('g', -1))
			}
			return cty.NumberFloatVal(r), nil
		},
	})
}
