package policy

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Rule is one contract rule of the policies: a deny, warn or info rule
// (or deny_*, warn_*, info_*) in package main or under tollgate.
type Rule struct {
	Package string // e.g. "tollgate.builtin.required_tags"
	Name    string // e.g. "deny"
	// ID is the rule id findings carry unless a result names its own:
	// METADATA custom.rule, else the name's suffix (deny_big_bills ->
	// big-bills), else the package's last step (required_tags ->
	// required-tags).
	ID          string
	Severity    Severity // from the name, or METADATA custom.severity
	Title       string
	Description string
	Policy      string // file:row of the first definition
}

// contractKinds are the rule names (and name prefixes) tollgate evaluates.
var contractKinds = []Severity{Deny, Warn, Info}

// inScope reports whether a package's rules are tollgate's to evaluate.
func inScope(pkg string) bool {
	return pkg == "main" || strings.HasPrefix(pkg, "tollgate.")
}

// kindOf returns the severity a rule name implies, if it is a contract rule.
func kindOf(name string) (Severity, bool) {
	for _, k := range contractKinds {
		if name == string(k) || strings.HasPrefix(name, string(k)+"_") {
			return k, true
		}
	}
	return "", false
}

// discover lists the contract rules of the compiled policies, with their
// METADATA. Definitions of one rule that disagree on its id or severity
// are an error.
func discover(c *ast.Compiler) ([]Rule, error) {
	seen := map[string]Rule{}
	var rules []Rule
	var conflicts ast.Errors
	annotations := c.GetAnnotationSet()
	for _, name := range slices.Sorted(maps.Keys(c.Modules)) {
		m := c.Modules[name]
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if !inScope(pkg) {
			continue
		}
		for _, r := range m.Rules {
			ruleName := r.Head.Name.String()
			if len(r.Head.Ref()) > 1 {
				continue // rules with refs for heads (a.b.c) are not contract rules
			}
			kind, ok := kindOf(ruleName)
			if !ok {
				continue
			}
			rule := Rule{Package: pkg, Name: ruleName, Severity: kind, ID: defaultID(pkg, ruleName, kind)}
			if r.Location != nil {
				rule.Policy = fmt.Sprintf("%s:%d", r.Location.File, r.Location.Row)
			}
			rule.applyMetadata(annotations.Chain(r))
			if first, dup := seen[pkg+"."+ruleName]; dup {
				// Every definition of a rule adds to one set: a result
				// cannot say which definition made it, so they must agree
				// on the id and severity.
				if rule.ID != first.ID || rule.Severity != first.Severity {
					conflicts = append(conflicts, ast.NewError(ast.CompileErr, r.Location,
						"%s.%s is defined again as rule %q (%s), but %s defines it as %q (%s): give each its own name (%s_...) or set \"rule\" in its results",
						pkg, ruleName, rule.ID, rule.Severity, first.Policy, first.ID, first.Severity, kind))
				}
				continue
			}
			seen[pkg+"."+ruleName] = rule
			rules = append(rules, rule)
		}
	}
	sort.Slice(rules, func(i, j int) bool {
		if rules[i].Package != rules[j].Package {
			return rules[i].Package < rules[j].Package
		}
		return rules[i].Name < rules[j].Name
	})
	if len(conflicts) > 0 {
		return nil, &Error{errs: conflicts}
	}
	return rules, nil
}

func defaultID(pkg, name string, kind Severity) string {
	if suffix := strings.TrimPrefix(name, string(kind)+"_"); suffix != name {
		return strings.ReplaceAll(suffix, "_", "-")
	}
	last := pkg[strings.LastIndexByte(pkg, '.')+1:]
	return strings.ReplaceAll(last, "_", "-")
}

// applyMetadata takes title, description, custom.rule and custom.severity
// from the METADATA blocks that apply to the rule, nearest first (rule,
// document, package, subpackages): the nearest that says something wins.
func (r *Rule) applyMetadata(chain ast.AnnotationsRefSet) {
	var haveID, haveSeverity bool
	for _, ref := range chain {
		a := ref.Annotations
		if a == nil {
			continue
		}
		if r.Title == "" {
			r.Title = a.Title
		}
		if r.Description == "" {
			r.Description = strings.TrimSpace(a.Description)
		}
		// A rule's own METADATA names it; a package's names only the rules
		// whose names do not (deny_big_bills is big-bills in any package).
		ownName := r.Name != string(mustKind(r.Name))
		if id, ok := a.Custom["rule"].(string); ok && id != "" && !haveID && (a.Scope == "rule" || !ownName) {
			r.ID, haveID = id, true
		}
		if s, ok := a.Custom["severity"].(string); ok && !haveSeverity {
			if sev, valid := parseSeverity(s); valid {
				r.Severity, haveSeverity = sev, true
			}
		}
	}
}

func mustKind(name string) Severity {
	k, _ := kindOf(name)
	return k
}

func parseSeverity(s string) (Severity, bool) {
	switch Severity(strings.ToLower(s)) {
	case Deny:
		return Deny, true
	case Warn, "warning":
		return Warn, true
	case Info:
		return Info, true
	}
	return "", false
}

// queryOf builds one query that evaluates every rule: r0 = data.main.deny,
// r1 = ...; one evaluation gives them all.
func queryOf(rules []Rule) ast.Body {
	body := make(ast.Body, 0, len(rules))
	for i, r := range rules {
		ref := ast.MustParseRef("data." + r.Package + "." + r.Name)
		body = append(body, ast.Equality.Expr(ast.VarTerm(bindingName(i)), ast.NewTerm(ref)))
	}
	return body
}

func bindingName(i int) string { return "r" + strconv.Itoa(i) }

// findings turns a rule's value into findings. A partial set gives one per
// element; a complete rule one for its value (true gives the title).
func (r Rule) findings(v any) ([]Finding, error) {
	var results []any
	switch t := v.(type) {
	case []any:
		results = t
	case nil:
		return nil, nil
	case bool:
		if !t {
			return nil, nil
		}
		results = []any{t}
	default:
		results = []any{t}
	}
	out := make([]Finding, 0, len(results))
	for _, res := range results {
		f, err := r.finding(res)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

func (r Rule) finding(res any) (Finding, error) {
	f := Finding{Rule: r.ID, Severity: r.Severity, Title: r.Title, Description: r.Description, Policy: r.Policy}
	switch t := res.(type) {
	case string:
		f.Message = t
	case bool:
		f.Message = r.Title
	case map[string]any:
		for k, v := range t {
			s, isString := v.(string)
			switch k {
			case "msg", "message":
				f.Message = s
			case "rule":
				f.Rule = s
			case "address":
				f.Address = s
			case "severity":
				sev, ok := parseSeverity(s)
				if !ok {
					return f, fmt.Errorf("%s: %s.%s returned severity %q: use deny, warn or info", r.Policy, r.Package, r.Name, s)
				}
				f.Severity = sev
			default:
				continue
			}
			if !isString {
				return f, fmt.Errorf("%s: %s.%s returned a non-string %q: %s", r.Policy, r.Package, r.Name, k, compact(v))
			}
		}
	default:
		return f, fmt.Errorf("%s: %s.%s returned %s: a result must be a string or an object {msg, rule, address, severity}", r.Policy, r.Package, r.Name, compact(res))
	}
	if f.Message == "" {
		f.Message = r.Title
	}
	if f.Message == "" {
		f.Message = "rule " + f.Rule + " failed"
	}
	return f, nil
}

func compact(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
