package funcs

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// files reads the configuration's files for the file functions.
type files struct {
	fsys fs.FS
	base string // directory relative paths start from, inside fsys
}

func (fl files) functions() map[string]function.Function {
	return map[string]function.Function{
		"file":             fl.contentFunc(fileText),
		"filebase64":       fl.contentFunc(base64Text),
		"filebase64sha256": fl.contentFunc(hashed(sha256Sum, base64Text)),
		"filebase64sha512": fl.contentFunc(hashed(sha512Sum, base64Text)),
		"fileexists":       fl.existsFunc(),
		"filemd5":          fl.contentFunc(hashed(md5Sum, hexText)),
		"fileset":          fl.setFunc(),
		"filesha1":         fl.contentFunc(hashed(sha1Sum, hexText)),
		"filesha256":       fl.contentFunc(hashed(sha256Sum, hexText)),
		"filesha512":       fl.contentFunc(hashed(sha512Sum, hexText)),
	}
}

// resolve turns a path from the configuration into a path in fsys.
func (fl files) resolve(p string) (string, error) {
	switch {
	case p == "":
		return "", errors.New("the path is empty")
	case strings.HasPrefix(p, "~"):
		return "", fmt.Errorf("%q is in a home directory: tollgate reads only files inside the configuration directory, so the result would depend on the machine", p)
	case isAbs(p):
		return "", fmt.Errorf("%q is an absolute path: tollgate reads only files inside the configuration directory; use a relative path such as \"${path.module}/%s\"", p, path.Base(p))
	}
	full := path.Join(fl.base, p)
	if full == ".." || strings.HasPrefix(full, "../") {
		return "", fmt.Errorf("%q is outside the configuration directory, which is all tollgate reads", p)
	}
	return full, nil
}

// isAbs reports absolute paths of any operating system, so that a
// configuration is treated the same wherever tollgate runs.
func isAbs(p string) bool {
	if strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) {
		return true
	}
	// A drive letter: C:, C:\x or C:/x.
	drive := len(p) >= 2 && p[1] == ':' && 'a' <= p[0]|0x20 && p[0]|0x20 <= 'z'
	return drive && (len(p) == 2 || p[2] == '\\' || p[2] == '/')
}

// read returns a file's bytes; missing files and directories are errors
// that say what the function can read.
func (fl files) read(p string) ([]byte, error) {
	full, err := fl.resolve(p)
	if err != nil {
		return nil, err
	}
	info, err := fs.Stat(fl.fsys, full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("no file exists at %q; this function works only with files that are part of the configuration, so a file that a resource creates must come from that resource's attributes instead", p)
	case err != nil:
		return nil, fmt.Errorf("read %q: %w", p, err)
	case info.IsDir():
		return nil, fmt.Errorf("%q is a directory, not a file", p)
	}
	b, err := fs.ReadFile(fl.fsys, full)
	if err != nil {
		return nil, fmt.Errorf("read %q: %w", p, err)
	}
	return b, nil
}

// contentFunc reads a file and turns its bytes into the result with
// text: file, filebase64, filesha256, ...
func (fl files) contentFunc(text func([]byte) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "path", Type: cty.String}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: notNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := fl.read(args[0].AsString())
			if err != nil {
				return cty.NilVal, function.NewArgError(0, err)
			}
			s, err := text(b)
			if err != nil {
				return cty.NilVal, function.NewArgErrorf(0, "%q: %s", args[0].AsString(), err)
			}
			return cty.StringVal(s), nil
		},
	})
}

func fileText(b []byte) (string, error) {
	if !utf8.Valid(b) {
		return "", errors.New("the file is not valid UTF-8 text; use filebase64 for binary files, or a file hash function such as filesha256")
	}
	return string(b), nil
}

func base64Text(b []byte) (string, error) { return base64.StdEncoding.EncodeToString(b), nil }

func (fl files) existsFunc() function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "path", Type: cty.String}},
		Type:         function.StaticReturnType(cty.Bool),
		RefineResult: notNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			p := args[0].AsString()
			full, err := fl.resolve(p)
			if err != nil {
				return cty.NilVal, function.NewArgError(0, err)
			}
			info, err := fs.Stat(fl.fsys, full)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				return cty.False, nil
			case err != nil:
				return cty.NilVal, function.NewArgErrorf(0, "stat %q: %s", p, err)
			case !info.Mode().IsRegular():
				return cty.NilVal, function.NewArgErrorf(0, "%q is not a regular file, but %q", p, info.Mode().String())
			}
			return cty.True, nil
		},
	})
}
