// Package source indexes a Terraform configuration's source: where each
// resource, data and module block is (file and line), and the tollgate
// comments written on those blocks. It lets findings point at the .tf
// source even when the change came from a plan file, and carries inline
// waivers to the gate.
//
// Blocks are keyed by their configuration address: the resource address
// with every instance key dropped, e.g. module.app.module.db.aws_db_instance.main
// for module.app["x"].module.db[0].aws_db_instance.main[2]. Resources in
// local modules (source "./…" or "../…" inside the configuration directory)
// are located at their own block. Resources in any other module (registry,
// git, a path outside the directory) are located at the module block that
// calls it from the user's code: that is the line a user can annotate,
// whether or not `terraform init` has downloaded the module, so
// .terraform/modules is never read.
package source

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// Index is the located blocks of a configuration. A nil *Index knows no
// block, so callers without source can use one.
type Index struct {
	blocks     map[string]entry // by configuration address
	directives []Directive
	notes      []string
}

// entry is one indexed block.
type entry struct {
	loc    change.Location
	opaque bool // a module call whose source tollgate does not read
}

// Load indexes the configuration in fsys: the *.tf and *.tf.json files of
// its root directory and, recursively, of every local module they call.
// Locations name files relative to the root of fsys, slash-separated, with
// 1-based lines: the line of a block's first token (in JSON, of its name).
// Only native-syntax files carry tollgate comments; JSON has none.
// Load reports every syntax error of those files (each a *SyntaxError,
// joined). A directory with no configuration files gives an empty Index.
func Load(fsys fs.FS) (*Index, error) {
	l := &loader{
		fsys:  fsys,
		dirs:  map[string]*dir{},
		index: &Index{blocks: map[string]entry{}},
		notes: map[string]bool{},
	}
	if err := l.module("", ".", nil); err != nil {
		return nil, err
	}
	if len(l.syntax) > 0 {
		errs := make([]error, len(l.syntax))
		for i, e := range l.syntax {
			errs[i] = e
		}
		return nil, errors.Join(errs...)
	}
	idx := l.index
	sort.Slice(idx.directives, func(i, j int) bool {
		a, b := idx.directives[i], idx.directives[j]
		if a.Location.File != b.Location.File {
			return a.Location.File < b.Location.File
		}
		if a.Location.Line != b.Location.Line {
			return a.Location.Line < b.Location.Line
		}
		return a.Block < b.Block
	})
	for n := range l.notes {
		idx.notes = append(idx.notes, n)
	}
	sort.Strings(idx.notes)
	return idx, nil
}

// Notes are things the user should know about the source, e.g. a tollgate
// comment that is on no block and so does nothing; sorted.
func (x *Index) Notes() []string {
	if x == nil {
		return nil
	}
	return x.notes
}

// dir is a parsed module directory, shared by every call of it.
type dir struct {
	files []*file
}

type loader struct {
	fsys   fs.FS
	dirs   map[string]*dir
	index  *Index
	notes  map[string]bool
	syntax []*SyntaxError
}

// module indexes the module at modPath ("" for the root) whose files are
// in dirName, then the local modules it calls; calling lists the
// directories of the modules being loaded, to stop a module calling
// itself.
func (l *loader) module(modPath, dirName string, calling []string) error {
	d, err := l.dir(dirName)
	if err != nil || d == nil {
		return err
	}
	calling = append(calling, dirName)
	for _, f := range d.files {
		for _, b := range f.blocks {
			key := join(modPath, b.step)
			if _, dup := l.index.blocks[key]; dup {
				// An override file, or a duplicate Terraform rejects: the
				// first definition keeps the location.
				l.directivesOf(key, b)
				continue
			}
			e := entry{loc: b.loc}
			var child string
			if b.kind == kindModule {
				child, e.opaque = l.child(key, dirName, b, calling)
			}
			l.index.blocks[key] = e
			l.directivesOf(key, b)
			if child != "" {
				if err := l.module(key, child, calling); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// child returns the directory of a local module call, or opaque when its
// resources are to be located at the module block.
func (l *loader) child(key, dirName string, b block, calling []string) (child string, opaque bool) {
	src := strings.ReplaceAll(b.source, `\`, "/")
	if !b.hasSource || !(strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../")) {
		return "", true
	}
	where := fmt.Sprintf("%s:%d: %s", b.loc.File, b.loc.Line, key)
	child = path.Join(dirName, src)
	if !fs.ValidPath(child) {
		l.note(fmt.Sprintf("%s: source %q is outside the configuration directory; its resources are located at the module block", where, b.source))
		return "", true
	}
	for _, c := range calling {
		if c == child {
			l.note(fmt.Sprintf("%s: source %q calls a module that is already being loaded; its resources are located at the module block", where, b.source))
			return "", true
		}
	}
	if st, err := fs.Stat(l.fsys, child); err != nil || !st.IsDir() {
		l.note(fmt.Sprintf("%s: module directory %s not found; its resources are located at the module block", where, child))
		return "", true
	}
	return child, false
}

func (l *loader) note(n string) { l.notes[n] = true }

// dir parses the configuration files of a directory once, however many
// module calls use it; Terraform's override files come last so that a
// block keeps the location of its first definition.
func (l *loader) dir(name string) (*dir, error) {
	if d, ok := l.dirs[name]; ok {
		return d, nil
	}
	primary, override, err := Files(l.fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read configuration directory %s: %w", name, err)
	}
	paths := append(primary, override...)
	parsed, err := l.parseAll(paths)
	if err != nil {
		return nil, err
	}
	d := &dir{}
	for i, r := range parsed {
		p := paths[i]
		if len(r.errs) > 0 {
			l.syntax = append(l.syntax, r.errs...)
			continue
		}
		for _, line := range r.file.stray {
			l.note(fmt.Sprintf("%s:%d: tollgate comment is not on a resource, data or module block; ignored", p, line))
		}
		d.files = append(d.files, r.file)
	}
	l.dirs[name] = d
	return d, nil
}

type parsed struct {
	file *file
	errs []*SyntaxError
}

// parseAll reads and parses files of the configuration, in parallel:
// parsing dominates Load's time. Results are in the order of paths.
func (l *loader) parseAll(paths []string) ([]parsed, error) {
	out := make([]parsed, len(paths))
	readErrs := make([]error, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Go(func() {
			for i := range next {
				p := paths[i]
				src, err := fs.ReadFile(l.fsys, p)
				if err != nil {
					readErrs[i] = fmt.Errorf("read %s: %w", p, err)
					continue
				}
				out[i].file, out[i].errs = parseFile(p, src)
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return out, errors.Join(readErrs...)
}

// Files lists the paths of the configuration files of a directory of
// fsys, primary files then override files, each in lexical order, as
// Terraform loads them: the one rule, for engine/config too, of which files
// make a module.
func Files(fsys fs.FS, dir string) (primary, override []string, err error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || Ignored(n) || !(strings.HasSuffix(n, ".tf") || strings.HasSuffix(n, ".tf.json")) {
			continue
		}
		base := strings.TrimSuffix(strings.TrimSuffix(n, ".json"), ".tf")
		if base == "override" || strings.HasSuffix(base, "_override") {
			override = append(override, path.Join(dir, n))
		} else {
			primary = append(primary, path.Join(dir, n))
		}
	}
	return primary, override, nil
}

// Ignored reports the files Terraform skips: hidden files and editor
// backups.
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		(strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"))
}
