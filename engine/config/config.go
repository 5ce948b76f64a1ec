// Package config evaluates a directory of Terraform .tf files into the
// change model, without a plan: every managed resource instance the
// configuration declares becomes a resource being created, with the
// attribute values its configuration gives (variables, locals, count and
// for_each, modules and functions evaluated as Terraform would). What only
// apply would know (computed attributes, data sources, values derived
// from them) stays unknown and is marked so; resources whose instances
// cannot be known at all are reported as unexpanded rather than left out.
//
// Provider schemas are not available, so a resource's values are the
// arguments its configuration writes (nested blocks as lists of objects,
// as in plan JSON), and a reference to another resource sees that
// resource's configured arguments and an unknown value for any other
// attribute (id, arn, ...), which the provider would compute.
//
// Load takes an fs.FS rooted at the configuration directory and the
// values the caller read from flags, files and the environment; it reads
// nothing else.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/provider"
)

// Options are what the caller knows about the run beyond the files.
type Options struct {
	// Dir is the configuration directory as the user named it, for
	// messages; file names in errors are joined to it.
	Dir string
	// Vars are --var name=value values, raw: a value is the string itself
	// for a variable of primitive type (or none), else an HCL expression.
	Vars map[string]string
	// VarFiles are the --var-file files, in command-line order, read by
	// the caller. Every Vars value wins over every VarFiles one (Terraform
	// applies the two flags in their command-line order).
	VarFiles []VarFile
	// Env holds the TF_VAR_ environment variables, the prefix removed.
	Env map[string]string
	// Region and EnvRegion are --region and AWS_REGION/AWS_DEFAULT_REGION,
	// for AWS resources whose provider sets no region.
	Region, EnvRegion string
}

// VarFile is a variable definitions file (.tfvars, or .tfvars.json when
// its name ends in .json).
type VarFile struct {
	Name string // as the user gave it, for messages
	Data []byte
}

// ErrNoFiles is returned (wrapped) for a directory without configuration
// files.
var ErrNoFiles = errors.New("no .tf files")

// Load evaluates the configuration in fsys. Configuration errors are an
// *Error listing every problem with its file:line:column; Set.Source is
// left for the caller to fill.
func Load(fsys fs.FS, opts Options) (*change.Set, error) {
	l := &loader{
		fsys:     fsys,
		opts:     opts,
		ps:       &problems{dir: opts.Dir, external: map[string]bool{}},
		notes:    map[string]bool{},
		modules:  map[string]*module{},
		resolved: map[string]resolution{},
	}
	root, err := l.load()
	if err != nil {
		return nil, err
	}
	if err := l.ps.err(); err != nil {
		return nil, err
	}
	vals, err := l.rootValues(root)
	if err != nil {
		return nil, err
	}
	in := l.newInstance(root, nil, nil, "", "")
	for _, name := range slices.Sorted(maps.Keys(root.variables)) {
		v := root.variables[name]
		val := l.rootVariable(v, vals)
		in.vars[name] = &node{what: "var." + name, rng: v.def0, state: done, val: val}
	}
	if err := l.ps.err(); err != nil {
		return nil, err
	}
	var out []change.Resource
	l.emit(in, &out)
	if err := l.ps.err(); err != nil {
		return nil, err
	}
	if l.defaulted > 0 {
		l.note(provider.RegionNote(l.defaulted, "configuration"))
	}
	change.SortResources(out)
	set := &change.Set{Resources: out}
	for n := range l.notes {
		set.Notes = append(set.Notes, n)
	}
	sort.Strings(set.Notes)
	return set, nil
}

// loader is the state of one Load.
type loader struct {
	fsys  fs.FS
	opts  Options
	ps    *problems
	notes map[string]bool

	modules  map[string]*module    // by directory
	manifest map[string]string     // .terraform/modules/modules.json: module key -> directory
	resolved map[string]resolution // module key (a.b) -> where its source is
	computed []string              // attribute names references may read, sorted
	stack    []*node               // nodes being evaluated, for cycle errors
	funcs    map[string]function.Function

	defaulted int // AWS resources placed in provider.DefaultRegion
}

func (l *loader) note(n string) { l.notes[n] = true }

// dirName names the configuration directory in messages.
func (l *loader) dirName() string {
	if l.opts.Dir == "" {
		return "."
	}
	return l.opts.Dir
}

// Node states.
const (
	pending = iota
	visiting
	done
)

// node is one named value of a module instance (a variable, local,
// output, resource...), evaluated on first use; evaluating one evaluates
// what it refers to first, so values are computed in dependency order
// and a reference back to a node being evaluated is a cycle.
type node struct {
	what  string // the address users know it by, for cycle errors
	rng   hcl.Range
	state int8
	val   cty.Value
	eval  func() cty.Value
}

// get returns a node's value, evaluating it if need be.
func (l *loader) get(n *node) cty.Value {
	switch n.state {
	case done:
		return n.val
	case visiting:
		l.cycle(n)
		return cty.DynamicVal
	}
	n.state = visiting
	l.stack = append(l.stack, n)
	n.val = n.eval()
	l.stack = l.stack[:len(l.stack)-1]
	n.state = done
	return n.val
}

// cycle reports the chain of references that leads back to n.
func (l *loader) cycle(n *node) {
	start := len(l.stack) - 1
	for start > 0 && l.stack[start] != n {
		start--
	}
	var chain []string
	for _, m := range append(l.stack[start:], n) {
		// A resource is two nodes (its evaluation and the value references
		// see) under one name.
		if len(chain) == 0 || chain[len(chain)-1] != m.what {
			chain = append(chain, m.what)
		}
	}
	l.ps.errorAt(n.rng, "Cycle in the configuration", fmt.Sprintf("%s refers to itself: %s", n.what, strings.Join(chain, " -> ")))
}
