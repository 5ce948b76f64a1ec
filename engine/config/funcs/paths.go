package funcs

import (
	"errors"
	"path"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// dirname and basename use slash-separated paths on every system, so a
// configuration evaluates the same wherever tollgate runs.
var dirNameFunc = stringFunc("path", func(p string) (string, error) {
	return path.Dir(p), nil
})

var baseNameFunc = stringFunc("path", func(p string) (string, error) {
	return path.Base(p), nil
})

// abspath and pathexpand would make results depend on the machine
// running tollgate, so they are errors that say what to use instead.
var absPathFunc = machineFunc("abspath", "an absolute path differs from machine to machine; use a path relative to the configuration, such as path.module")

var pathExpandFunc = machineFunc("pathexpand", "a home directory differs from machine to machine and tollgate reads only files inside the configuration directory")

func machineFunc(name, why string) function.Function {
	msg := name + " is not supported: " + why
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String, AllowUnknown: true, AllowNull: true}},
		Type: func([]cty.Value) (cty.Type, error) {
			return cty.NilType, errors.New(msg)
		},
	})
}
