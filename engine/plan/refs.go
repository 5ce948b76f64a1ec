package plan

import (
	"slices"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// notResources are the first steps of references that do not name a
// managed resource.
var notResources = map[string]bool{
	"var": true, "local": true, "module": true, "data": true, "path": true,
	"each": true, "count": true, "self": true, "terraform": true,
	"ephemeral": true, "action": true, "list": true,
}

// refsOf collects, for each top-level attribute of a resource block, the
// managed resources its expression (nested blocks included) refers to, as
// addresses relative to the block's module.
func refsOf(exprs map[string]*tfjson.Expression) map[string][]string {
	var out map[string][]string
	for attr, e := range exprs {
		var addrs []string
		collectRefs(e, &addrs)
		if len(addrs) == 0 {
			continue
		}
		if out == nil {
			out = map[string][]string{}
		}
		out[attr] = slices.Compact(slices.Sorted(slices.Values(addrs)))
	}
	return out
}

func collectRefs(e *tfjson.Expression, out *[]string) {
	if e == nil || e.ExpressionData == nil {
		return
	}
	for _, ref := range e.References {
		if addr, ok := resourceRef(ref); ok {
			*out = append(*out, addr)
		}
	}
	for _, block := range e.NestedBlocks {
		for _, sub := range block {
			collectRefs(sub, out)
		}
	}
}

// resourceRef returns the resource (or, with a literal key, instance)
// address a reference names: aws_x.y.id -> aws_x.y, aws_x.y[0] ->
// aws_x.y[0], aws_x.y[each.key] -> aws_x.y.
func resourceRef(ref string) (string, bool) {
	parts := change.SplitAddress(ref)
	if len(parts) < 2 || notResources[parts[0]] || !isIdentifier(parts[0]) {
		return "", false
	}
	name, key, hasKey := strings.Cut(parts[1], "[")
	if !isIdentifier(name) {
		return "", false
	}
	if hasKey && literalKey("["+key) {
		return parts[0] + "." + parts[1], true
	}
	return parts[0] + "." + name, true
}

// literalKey reports whether an instance key is a number or a quoted
// string, not an expression.
func literalKey(k string) bool {
	if len(k) < 3 || k[0] != '[' || k[len(k)-1] != ']' {
		return false
	}
	inner := k[1 : len(k)-1]
	if len(inner) >= 2 && inner[0] == '"' && inner[len(inner)-1] == '"' {
		return true
	}
	for i := 0; i < len(inner); i++ {
		if !isDigit(inner[i]) {
			return false
		}
	}
	return true
}

func isIdentifier(s string) bool {
	if s == "" || isDigit(s[0]) || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c == '-' || isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			return false
		}
	}
	return true
}

// absoluteRefs places module-relative references in a module instance;
// each resource gets its own copy.
func absoluteRefs(refs map[string][]string, moduleAddress string) map[string][]string {
	if len(refs) == 0 {
		return nil
	}
	out := make(map[string][]string, len(refs))
	for attr, addrs := range refs {
		abs := make([]string, len(addrs))
		for i, a := range addrs {
			abs[i] = a
			if moduleAddress != "" {
				abs[i] = moduleAddress + "." + a
			}
		}
		out[attr] = abs
	}
	return out
}
