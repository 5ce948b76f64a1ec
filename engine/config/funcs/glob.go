package funcs

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// maxGlobAlternatives bounds brace expansion ({a,b}{c,d}... doubles
// each time).
const maxGlobAlternatives = 1024

// setFunc is fileset(path, pattern): the regular files under path that
// match pattern, relative to path, with Terraform's glob syntax (*, **,
// ?, [class], {alt,...}).
func (fl files) setFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "pattern", Type: cty.String},
		},
		Type:         function.StaticReturnType(cty.Set(cty.String)),
		RefineResult: notNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			dir, err := fl.resolve(args[0].AsString())
			if err != nil {
				return cty.NilVal, function.NewArgError(0, err)
			}
			g, err := compileGlob(args[1].AsString())
			if err != nil {
				return cty.NilVal, function.NewArgErrorf(1, "failed to glob pattern %q: %s", args[1].AsString(), err)
			}
			names, err := fl.glob(dir, g)
			if err != nil {
				return cty.NilVal, function.NewArgErrorf(0, "failed to read %q: %s", args[0].AsString(), err)
			}
			if len(names) == 0 {
				return cty.SetValEmpty(cty.String), nil
			}
			vs := make([]cty.Value, len(names))
			for i, n := range names {
				vs[i] = cty.StringVal(n)
			}
			return cty.SetVal(vs), nil
		},
	})
}

// glob walks dir and returns the regular files matching g, relative to
// dir; a missing dir has no files.
func (fl files) glob(dir string, g glob) ([]string, error) {
	var names []string
	err := fs.WalkDir(fl.fsys, dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if name == dir {
			return nil
		}
		rel := name
		if dir != "." {
			rel = strings.TrimPrefix(name, dir+"/")
		}
		if d.IsDir() {
			if !g.mayContain(rel) {
				return fs.SkipDir
			}
			return nil
		}
		if !g.match(rel) {
			return nil
		}
		regular := d.Type().IsRegular()
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := fs.Stat(fl.fsys, name)
			regular = err == nil && info.Mode().IsRegular()
		}
		if regular {
			names = append(names, rel)
		}
		return nil
	})
	return names, err
}

// glob is a compiled pattern: its brace alternatives, each split into
// path segments.
type glob [][]string

func compileGlob(pattern string) (glob, error) {
	alts, err := expandBraces(pattern)
	if err != nil {
		return nil, err
	}
	g := make(glob, 0, len(alts))
	for _, alt := range alts {
		alt = path.Clean(alt)
		if alt == ".." || strings.HasPrefix(alt, "../") {
			return nil, errors.New("the pattern leaves the directory")
		}
		segs := strings.Split(alt, "/")
		for i, s := range segs {
			// ** is special only as a whole segment; elsewhere it is *.
			for s != "**" && strings.Contains(s, "**") {
				s = strings.ReplaceAll(s, "**", "*")
			}
			if _, err := path.Match(s, ""); err != nil {
				return nil, err
			}
			segs[i] = s
		}
		g = append(g, segs)
	}
	return g, nil
}

func (g glob) match(rel string) bool {
	segs := strings.Split(rel, "/")
	for _, pat := range g {
		if matchSegments(pat, segs) {
			return true
		}
	}
	return false
}

func matchSegments(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(segs); i++ {
				if matchSegments(pat[1:], segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}

// mayContain reports whether a file under directory rel could match, so
// the walk can skip directories no pattern reaches.
func (g glob) mayContain(rel string) bool {
	segs := strings.Split(rel, "/")
	for _, pat := range g {
		if prefixMatch(pat, segs) {
			return true
		}
	}
	return false
}

func prefixMatch(pat, dir []string) bool {
	for i, seg := range dir {
		if i < len(pat) && pat[i] == "**" {
			return true
		}
		if i >= len(pat)-1 {
			return false
		}
		if ok, _ := path.Match(pat[i], seg); !ok {
			return false
		}
	}
	return true
}

// expandBraces turns "a{b,c}d" into "abd" and "acd", nested braces
// included; braces inside [classes] and after \ are literal.
func expandBraces(p string) ([]string, error) {
	depth, start := 0, 0
	var commas []int
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '[':
			if j := strings.IndexByte(p[i+1:], ']'); j >= 0 {
				i += j + 1
			}
		case '{':
			if depth == 0 {
				start = i
			}
			depth++
		case ',':
			if depth == 1 {
				commas = append(commas, i)
			}
		case '}':
			if depth == 0 {
				return nil, errors.New("unbalanced braces")
			}
			depth--
			if depth > 0 {
				continue
			}
			return expandGroup(p, start, i, commas)
		}
	}
	if depth > 0 {
		return nil, errors.New("unbalanced braces")
	}
	return []string{p}, nil
}

// expandGroup expands the group p[open:close+1], whose top-level commas
// are at commas, then the rest of p.
func expandGroup(p string, open, close int, commas []int) ([]string, error) {
	var out []string
	from := open + 1
	for _, to := range append(commas, close) {
		more, err := expandBraces(p[:open] + p[from:to] + p[close+1:])
		if err != nil {
			return nil, err
		}
		out = append(out, more...)
		if len(out) > maxGlobAlternatives {
			return nil, fmt.Errorf("the pattern expands to more than %d alternatives", maxGlobAlternatives)
		}
		from = to + 1
	}
	return out, nil
}
