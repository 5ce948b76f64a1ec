// Package change is tollgate's normalized model of a Terraform change: one
// Resource per managed resource instance, whatever produced it (a plan JSON
// file or a directory of .tf files). Everything downstream (pricing,
// policies, reports) reads this model and nothing else of the input.
package change

import (
	"sort"
	"strconv"
	"strings"
)

// Action is what Terraform will do to a resource.
type Action string

// The actions a Resource can carry. Read (data sources) and Forget (removed
// from state, not destroyed) are recognised by parsers but never reach a
// Set: they change no managed infrastructure.
const (
	Create  Action = "create"
	Update  Action = "update"
	Delete  Action = "delete"
	Replace Action = "replace"
	NoOp    Action = "no-op"
	Read    Action = "read"
	Forget  Action = "forget"
)

// HasBefore reports whether the resource exists before the change.
func (a Action) HasBefore() bool {
	return a == Update || a == Delete || a == Replace || a == NoOp
}

// HasAfter reports whether the resource exists after the change.
func (a Action) HasAfter() bool {
	return a == Create || a == Update || a == Replace || a == NoOp
}

// Sensitive replaces every sensitive value in Before and After, so that no
// renderer or policy can ever print one.
const Sensitive = "(sensitive)"

// Region sources, strongest first.
const (
	RegionFromResource = "resource" // the resource's own region argument
	RegionFromProvider = "provider" // a constant in the provider block
	RegionFromFlag     = "flag"     // --region
	RegionFromEnv      = "env"      // AWS_REGION / AWS_DEFAULT_REGION
	RegionFromDefault  = "default"  // nothing said; us-east-1 assumed
)

// Set is one change to a Terraform configuration.
type Set struct {
	Source           string // file or directory it was read from, as the user named it
	FormatVersion    string // plan JSON format_version, empty for .tf input
	TerraformVersion string
	Resources        []Resource // managed resources, sorted by address
	Notes            []string   // things the user should know about the input, sorted
}

// Resource is the change to one managed resource instance.
type Resource struct {
	Address     string // full instance address, e.g. module.app["a"].aws_instance.web[0]
	Module      string // module instance address, empty for the root module
	Type        string
	Name        string
	Index       any    // nil, an int (count) or a string (for_each)
	Provider    string // provider source, e.g. registry.terraform.io/hashicorp/aws
	ProviderKey string // configuration.provider_config key of its provider
	Deposed     string // deposed object key, empty for current objects

	Action Action
	// CreateBeforeDestroy is set for a Replace that creates the new object
	// before destroying the old one.
	CreateBeforeDestroy bool

	// Before and After are the attribute values (nil when absent). Numbers
	// are json.Number; sensitive values are replaced by Sensitive.
	Before, After map[string]any
	// AfterUnknown mirrors After's shape with true at every value that is
	// known only after apply.
	AfterUnknown map[string]any
	// SensitivePaths lists the attribute paths whose values were redacted.
	SensitivePaths []string

	Region     string
	RegionFrom string
	// Tags are the effective tags (provider default_tags merged with the
	// resource's tags), after the change, or before it for a deletion.
	Tags map[string]string
	// UnknownTags are tag keys whose values are known only after apply.
	UnknownTags []string
	// TagsUnknown is set when the tag map as a whole is known only after
	// apply (tags = var.unknown...): Tags may then lack keys it will have.
	TagsUnknown bool
	// Taggable is set when the resource type takes tags (or labels).
	Taggable bool

	// Refs maps a top-level attribute name to the addresses of the resources
	// its configuration expression refers to, resolved in the resource's own
	// module instance; it lets a cost model follow, say, an autoscaling group
	// to its launch template when the template's id is not yet known.
	Refs map[string][]string

	Location *Location // where the resource block is, when known

	// Unexpanded is set, instead of values, for a resource or module call
	// whose instances cannot be known from the input (.tf mode only): its
	// count or for_each depends on values known only after apply, or its
	// module is not downloaded. It says why, so that the estimate lists
	// the entry as unpriced rather than leaving it out. Address is then
	// the resource or module call address without an instance key (e.g.
	// module.app["a"].aws_instance.web or module.vpc), Index, Before and
	// After are nil, and Type is empty for a module call. It is left out
	// of JSON when empty, so that plan-mode output is unchanged.
	Unexpanded string `json:",omitempty"`
}

// Location is a position in the configuration source.
type Location struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// Values returns the attribute values of the state the resource is priced
// and judged by: After, or Before when the resource is being deleted.
func (r *Resource) Values() map[string]any {
	if r.Action.HasAfter() {
		return r.After
	}
	return r.Before
}

// UnknownPaths lists the attribute paths known only after apply, sorted, in
// the form a[0].b.
func (r *Resource) UnknownPaths() []string {
	var paths []string
	walkUnknown(r.AfterUnknown, "", &paths)
	sort.Strings(paths)
	return paths
}

func walkUnknown(v any, prefix string, out *[]string) {
	switch t := v.(type) {
	case bool:
		if t && prefix != "" {
			*out = append(*out, prefix)
		}
	case map[string]any:
		for k, e := range t {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			walkUnknown(e, p, out)
		}
	case []any:
		for i, e := range t {
			walkUnknown(e, prefix+"["+strconv.Itoa(i)+"]", out)
		}
	}
}

// ResourceAddress returns the address of a resource (not instance) within
// the module instance, e.g. "aws_instance.web" for "aws_instance.web[0]".
func (r *Resource) ResourceAddress() string {
	if r.Type == "" {
		return r.Address
	}
	return r.Type + "." + r.Name
}

// SortResources orders resources by address, deposed objects after their
// current object, so that every output is stable.
func SortResources(rs []Resource) {
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].Address != rs[j].Address {
			return rs[i].Address < rs[j].Address
		}
		return rs[i].Deposed < rs[j].Deposed
	})
}

// ModuleOf returns the module instance part of a resource instance address:
// "module.a[0].module.b" for "module.a[0].module.b.aws_x.y". Data resources
// are handled too.
func ModuleOf(address string) string {
	parts := SplitAddress(address)
	var mod []string
	for i := 0; i+1 < len(parts); i += 2 {
		if parts[i] != "module" {
			break
		}
		mod = append(mod, parts[i], parts[i+1])
	}
	return strings.Join(mod, ".")
}

// SplitAddress splits an address on the dots that separate its steps,
// leaving dots inside instance keys (["a.b"]) alone.
func SplitAddress(address string) []string {
	var parts []string
	start, inKey := 0, false
	for i := 0; i < len(address); i++ {
		switch c := address[i]; {
		case c == '\\' && inKey:
			i++ // an escaped character, a quote or a backslash
		case c == '"':
			inKey = !inKey
		case c == '.' && !inKey:
			parts = append(parts, address[start:i])
			start = i + 1
		}
	}
	return append(parts, address[start:])
}
