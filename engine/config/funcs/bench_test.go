package funcs

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// BenchmarkTable measures the per-module cost of building the table.
func BenchmarkTable(b *testing.B) {
	for b.Loop() {
		_ = Table(testFS, "mod")
	}
}

// BenchmarkCommonExpression evaluates the kind of expression modules
// use for names, tags and subnets.
func BenchmarkCommonExpression(b *testing.B) {
	src := `merge({Name = format("%s-%s", lower("App"), element(["a", "b"], 3))}, {cidr = cidrsubnet("10.0.0.0/16", 8, 3)}, try({x = lookup(str_map, "a")}, {}))`
	expr, diags := hclsyntax.ParseExpression([]byte(src), "b.tf", hcl.InitialPos)
	if diags.HasErrors() {
		b.Fatal(diags.Error())
	}
	ctx := &hcl.EvalContext{Variables: testVars, Functions: Table(testFS, "mod")}
	for b.Loop() {
		if _, diags := expr.Value(ctx); diags.HasErrors() {
			b.Fatal(diags.Error())
		}
	}
}
