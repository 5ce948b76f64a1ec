package engine_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
)

// TestPolicyInputMatchesSchema builds the input of a change with every
// kind of resource and checks it against policies/input.schema.json, the
// schema policies are type-checked with.
func TestPolicyInputMatchesSchema(t *testing.T) {
	small := map[string]any{"instance_type": "t3.micro", "tags": map[string]any{"owner": "ana"}}
	est := estimate(
		change.Resource{Address: "test_instance.a", Type: "test_instance", Name: "a", Action: change.Create, After: small,
			AfterUnknown: map[string]any{"id": true}, Tags: map[string]string{"owner": "ana"}, Taggable: true,
			Location: &change.Location{File: "main.tf", Line: 3}},
		change.Resource{Address: "test_instance.b", Type: "test_instance", Name: "b", Action: change.Delete, Before: small},
		change.Resource{Address: "test_widget.c", Type: "test_widget", Name: "c", Action: change.NoOp, Before: map[string]any{}, After: map[string]any{}},
	)
	v, err := engine.PolicyInput(est, engine.Context{Repo: "acme/infra", PullRequest: 7, Labels: []string{"x"}})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(v.String()))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("../policies/input.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schemaDoc any
	if err := json.Unmarshal(raw, &schemaDoc); err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("input.schema.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("input.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("policy input does not match its schema: %v", err)
	}

	// Money reaches policies as exact numbers.
	total := v.(ast.Object).Get(ast.StringTerm("total_monthly_cost"))
	if total == nil || total.Value.String() != "7.592" {
		t.Errorf("total_monthly_cost = %v, want 7.592", total)
	}
}
