package config

import (
	"io/fs"

	"github.com/zclconf/go-cty/cty/function"

	"github.com/tollgate-dev/tollgate/engine/config/funcs"
)

// sensitiveMark is the cty mark of sensitive values, the one the
// sensitive() and nonsensitive() functions read and write.
const sensitiveMark = funcs.Sensitive

// functions is the function table of every module: like Terraform, file
// functions resolve relative paths against the root module's directory
// (modules reach their own files through path.module).
func functions(fsys fs.FS) map[string]function.Function {
	return funcs.Table(fsys, ".")
}
