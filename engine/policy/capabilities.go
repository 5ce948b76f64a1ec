package policy

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// withheld are the builtins policies may not call: they reach the network
// or the OPA runtime, so a policy using them would not be offline and
// deterministic. Pure helpers such as net.cidr_contains stay available.
var withheld = map[string]bool{
	"http.send":          true,
	"net.lookup_ip_addr": true,
	"opa.runtime":        true,
}

// Capabilities are OPA's builtins for this version without the withheld
// ones; a policy that calls one fails to compile.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0:0]
	for _, b := range caps.Builtins {
		if !withheld[b.Name] {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	return caps
}
