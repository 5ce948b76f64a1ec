// Package policies holds tollgate's built-in guardrails (required tags,
// allowed instance types, budgets), written in Rego and configured from
// tollgate.yml through data.tollgate.config, with their Rego unit tests and
// the JSON Schema of the policy input document. Everything here is embedded
// in the binary, so a check needs no policy files on disk.
package policies

import (
	"embed"

	"github.com/tollgate-dev/tollgate/engine/policy"
)

// Builtin holds the built-in policies and their *_test.rego files:
// policy.Load skips the tests, policy.Test runs them.
//
//go:embed *.rego
var Builtin embed.FS

// InputSchema is the JSON Schema of the policy input document.
//
//go:embed input.schema.json
var InputSchema []byte

// SourceName prefixes the built-in policy files in findings and messages
// (builtin/budget.rego:30).
const SourceName = "builtin"

// Source is the built-in policies as a policy source.
func Source() policy.Source {
	return policy.Source{Name: SourceName, FS: Builtin}
}
