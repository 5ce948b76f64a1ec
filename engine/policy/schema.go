package policy

import (
	"encoding/json"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
)

// schemaSet makes the input schema known to OPA's type checker, so that a
// policy reading a field the input does not have fails to compile.
func schemaSet(schema []byte) (*ast.SchemaSet, error) {
	var raw any
	if err := json.Unmarshal(schema, &raw); err != nil {
		return nil, fmt.Errorf("input schema: %w", err)
	}
	ss := ast.NewSchemaSet()
	ss.Put(ast.SchemaRootRef, raw)
	return ss, nil
}
