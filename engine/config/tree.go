package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
)

// manifestFile is where `terraform init` records the modules it
// downloaded.
const manifestFile = ".terraform/modules/modules.json"

// resolution is where a module call's source is, or why it is not
// available.
type resolution struct {
	dir    string // the module directory, "" when not available
	reason string // why not, for the user
}

// load parses the root module and, through their calls, every module the
// configuration uses, before anything is evaluated: references read
// attribute names from every module.
func (l *loader) load() (*module, error) {
	l.funcs = functions(l.fsys)
	if err := l.readManifest(); err != nil {
		return nil, err
	}
	root, files, err := l.parseModule(".")
	if err != nil {
		return nil, err
	}
	if files == 0 {
		return nil, fmt.Errorf("%s has no .tf files: pass a directory of Terraform configuration, or a plan JSON file: %w", l.dirName(), ErrNoFiles)
	}
	if err := l.walkCalls(root, "", []string{"."}); err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for _, m := range l.modules {
		m.attrNames(names)
	}
	l.computed = slices.Sorted(maps.Keys(names))
	return root, nil
}

// parseModule reads a module directory once, however many calls use it.
func (l *loader) parseModule(dir string) (*module, int, error) {
	if m, ok := l.modules[dir]; ok {
		return m, 1, nil
	}
	blocks, files, err := readBlocks(l.fsys, dir, l.ps)
	if err != nil {
		return nil, 0, fmt.Errorf("read configuration directory %s: %w", dir, err)
	}
	m := decode(dir, blocks, l.ps)
	m.funcs = l.funcs
	l.modules[dir] = m
	return m, files, nil
}

// walkCalls resolves the module calls of m, whose key (module names
// joined with dots, as in modules.json) is key, and loads their modules;
// stack lists the directories being loaded, to stop a module calling
// itself.
func (l *loader) walkCalls(m *module, key string, stack []string) error {
	for _, c := range m.calls {
		k := c.name
		if key != "" {
			k = key + "." + c.name
		}
		res := l.resolve(m.dir, k, c)
		for _, d := range stack {
			if d == res.dir {
				l.ps.errorAt(c.def, "Module calls itself", fmt.Sprintf("module %q loads %s, which is already being loaded by this call's parents.", c.name, res.dir))
				res = resolution{reason: "the module calls itself"}
			}
		}
		l.resolved[k] = res
		if res.dir == "" {
			continue
		}
		child, _, err := l.parseModule(res.dir)
		if err != nil {
			return err
		}
		c.check(child, l.ps)
		if err := l.walkCalls(child, k, append(stack, res.dir)); err != nil {
			return err
		}
	}
	return nil
}

// resolve finds the directory of a module call: a local path relative to
// the calling module, else the directory `terraform init` downloaded the
// module to.
func (l *loader) resolve(parentDir, key string, c *call) resolution {
	if isLocal(c.source) {
		dir := path.Join(parentDir, strings.ReplaceAll(c.source, `\`, "/"))
		if !fs.ValidPath(dir) {
			return resolution{reason: fmt.Sprintf("its source %q is outside the configuration directory", c.source)}
		}
		if st, err := fs.Stat(l.fsys, dir); err != nil || !st.IsDir() {
			l.ps.errorAt(c.sourceRange, "Unreadable module directory", fmt.Sprintf("The directory %s does not exist or cannot be read.", l.ps.file(dir)))
			return resolution{reason: "its directory does not exist"}
		}
		return resolution{dir: dir}
	}
	notDownloaded := resolution{reason: fmt.Sprintf("%s is not downloaded: run terraform init", c.source)}
	dir, ok := l.manifest[key]
	if !ok || !fs.ValidPath(dir) {
		return notDownloaded
	}
	if st, err := fs.Stat(l.fsys, dir); err != nil || !st.IsDir() {
		return notDownloaded
	}
	return resolution{dir: dir}
}

// readManifest reads modules.json when terraform init has written one.
func (l *loader) readManifest() error {
	l.manifest = map[string]string{}
	data, err := fs.ReadFile(l.fsys, manifestFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", manifestFile, err)
	}
	var doc struct {
		Modules []struct {
			Key, Source, Dir string
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		l.note(fmt.Sprintf("%s is not valid JSON (%v): downloaded modules are not evaluated; run terraform init", l.ps.file(manifestFile), err))
		return nil
	}
	for _, m := range doc.Modules {
		if m.Key != "" {
			l.manifest[m.Key] = path.Clean(strings.ReplaceAll(m.Dir, `\`, "/"))
		}
	}
	return nil
}

// attrNames collects the attribute names the module's expressions read.
func (m *module) attrNames(names map[string]bool) {
	for _, r := range append(append([]*resource(nil), m.resources...), m.data...) {
		bodyAttrNames(r.body, names)
	}
	for _, a := range m.locals {
		attrNames(a.Expr, names)
	}
	for _, o := range m.outputs {
		attrNames(o.expr, names)
	}
	for _, c := range m.calls {
		for _, a := range c.inputs {
			attrNames(a.Expr, names)
		}
	}
	for _, p := range m.providers {
		bodyAttrNames(p.body, names)
	}
}

// isLocal reports whether a module source is a local path, which
// Terraform reads in place rather than downloading.
func isLocal(source string) bool {
	src := strings.ReplaceAll(source, `\`, "/")
	return strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../")
}
