// Package funcs provides the Terraform language's built-in functions for
// evaluating .tf files without Terraform: the function table of an HCL
// evaluation context, with Terraform's names, semantics and, as far as
// practical, error messages.
//
// Results never depend on the machine running tollgate or on the clock:
// timestamp(), plantimestamp(), uuid() and bcrypt() return unknown values,
// abspath() and pathexpand() are errors, and the file functions read only
// through the fs.FS given to Table. Unknown arguments give unknown results
// and marks on arguments (such as Sensitive) carry over to results.
package funcs

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"sync"

	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// Table returns the functions available to the expressions of one module.
//
// fsys is rooted at the configuration root; file(), fileexists(),
// fileset(), filebase64(), the file hash functions and templatefile()
// resolve relative paths against baseDir, a slash-separated directory
// inside fsys ("" or "." for the root). Absolute paths, home-directory
// paths and paths that leave fsys are errors.
//
// Terraform resolves these paths against its working directory, which is
// the root module's directory, for every module; configurations reach a
// child module's own files through path.module. To match Terraform, pass
// the root module's directory as baseDir for every module and set
// path.module to the module's directory relative to it.
//
// Each call returns a new map that the caller may change.
func Table(fsys fs.FS, baseDir string) map[string]function.Function {
	fl := files{fsys: fsys, base: cleanBase(baseDir)}

	t := maps.Clone(pure())
	maps.Copy(t, fl.functions())

	// Templates see the same functions except the template functions
	// themselves, so that no template can render itself without end.
	inner := maps.Clone(t)
	inner["templatefile"] = recursiveFunc("templatefile")
	inner["templatestring"] = recursiveFunc("templatestring")

	t["templatefile"] = templateFileFunc(fl, inner)
	t["templatestring"] = templateStringFunc(inner)
	return t
}

func cleanBase(dir string) string {
	if dir == "" {
		return "."
	}
	return path.Clean(dir)
}

// pure holds the functions that need no file system: built once, shared
// by every Table (function.Function values are immutable).
var pure = sync.OnceValue(func() map[string]function.Function {
	return map[string]function.Function{
		// Strings.
		"chomp":       stdlib.ChompFunc,
		"endswith":    endsWithFunc,
		"format":      stdlib.FormatFunc,
		"formatlist":  stdlib.FormatListFunc,
		"indent":      indentFunc,
		"join":        stdlib.JoinFunc,
		"lower":       stdlib.LowerFunc,
		"regex":       stdlib.RegexFunc,
		"regexall":    stdlib.RegexAllFunc,
		"replace":     replaceFunc,
		"split":       stdlib.SplitFunc,
		"startswith":  startsWithFunc,
		"strcontains": strContainsFunc,
		"strrev":      stdlib.ReverseFunc,
		"substr":      stdlib.SubstrFunc,
		"title":       stdlib.TitleFunc,
		"trim":        stdlib.TrimFunc,
		"trimprefix":  stdlib.TrimPrefixFunc,
		"trimspace":   stdlib.TrimSpaceFunc,
		"trimsuffix":  stdlib.TrimSuffixFunc,
		"upper":       stdlib.UpperFunc,

		// Collections.
		"alltrue":         allTrueFunc,
		"anytrue":         anyTrueFunc,
		"chunklist":       stdlib.ChunklistFunc,
		"coalesce":        coalesceFunc,
		"coalescelist":    stdlib.CoalesceListFunc,
		"compact":         stdlib.CompactFunc,
		"concat":          stdlib.ConcatFunc,
		"contains":        stdlib.ContainsFunc,
		"distinct":        stdlib.DistinctFunc,
		"element":         stdlib.ElementFunc,
		"flatten":         stdlib.FlattenFunc,
		"index":           indexFunc,
		"keys":            stdlib.KeysFunc,
		"length":          lengthFunc,
		"lookup":          lookupFunc,
		"matchkeys":       matchKeysFunc,
		"merge":           stdlib.MergeFunc,
		"one":             oneFunc,
		"range":           stdlib.RangeFunc,
		"reverse":         stdlib.ReverseListFunc,
		"setintersection": stdlib.SetIntersectionFunc,
		"setproduct":      stdlib.SetProductFunc,
		"setsubtract":     stdlib.SetSubtractFunc,
		"setunion":        stdlib.SetUnionFunc,
		"slice":           stdlib.SliceFunc,
		"sort":            stdlib.SortFunc,
		"sum":             sumFunc,
		"transpose":       transposeFunc,
		"values":          stdlib.ValuesFunc,
		"zipmap":          stdlib.ZipmapFunc,

		// Numbers.
		"abs":      stdlib.AbsoluteFunc,
		"ceil":     stdlib.CeilFunc,
		"floor":    stdlib.FloorFunc,
		"log":      logFunc,
		"max":      stdlib.MaxFunc,
		"min":      stdlib.MinFunc,
		"parseint": stdlib.ParseIntFunc,
		"pow":      powFunc,
		"signum":   stdlib.SignumFunc,

		// Encoding.
		"base64decode":     base64DecodeFunc,
		"base64encode":     base64EncodeFunc,
		"base64gzip":       base64GzipFunc,
		"csvdecode":        stdlib.CSVDecodeFunc,
		"jsondecode":       stdlib.JSONDecodeFunc,
		"jsonencode":       stdlib.JSONEncodeFunc,
		"textdecodebase64": textDecodeBase64Func,
		"textencodebase64": textEncodeBase64Func,
		"urlencode":        urlEncodeFunc,
		"yamldecode":       yamlDecodeFunc,
		"yamlencode":       yamlEncodeFunc,

		// Paths that need no file system (the others are in files.go).
		"abspath":    absPathFunc,
		"basename":   baseNameFunc,
		"dirname":    dirNameFunc,
		"pathexpand": pathExpandFunc,

		// Date and time.
		"formatdate":    stdlib.FormatDateFunc,
		"plantimestamp": unknownFunc(cty.String),
		"timeadd":       stdlib.TimeAddFunc,
		"timecmp":       timeCmpFunc,
		"timestamp":     unknownFunc(cty.String),

		// Hashes and crypto.
		"base64sha256": hashFunc(sha256Sum, base64Text),
		"base64sha512": hashFunc(sha512Sum, base64Text),
		"bcrypt":       bcryptFunc,
		"md5":          hashFunc(md5Sum, hexText),
		"rsadecrypt":   rsaDecryptFunc,
		"sha1":         hashFunc(sha1Sum, hexText),
		"sha256":       hashFunc(sha256Sum, hexText),
		"sha512":       hashFunc(sha512Sum, hexText),
		"uuid":         unknownFunc(cty.String),
		"uuidv5":       uuidV5Func,

		// IP networks.
		"cidrhost":    cidrHostFunc,
		"cidrnetmask": cidrNetmaskFunc,
		"cidrsubnet":  cidrSubnetFunc,
		"cidrsubnets": cidrSubnetsFunc,

		// Types, sensitivity and errors.
		"can":             tryfunc.CanFunc,
		"ephemeralasnull": ephemeralAsNullFunc,
		"issensitive":     isSensitiveFunc,
		"nonsensitive":    nonsensitiveFunc,
		"sensitive":       sensitiveFunc,
		"tobool":          stdlib.MakeToFunc(cty.Bool),
		"tolist":          stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":           stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber":        stdlib.MakeToFunc(cty.Number),
		"toset":           stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring":        stdlib.MakeToFunc(cty.String),
		"try":             tryfunc.TryFunc,

		// Removed from the language; calls get Terraform's advice.
		"list": removedFunc("list", "tolist([a, b, c])"),
		"map":  removedFunc("map", "tomap({a = b})"),
	}
})

// unknownFunc is a function whose result Terraform takes from the clock,
// a random source or the machine: offline it is never known, and
// guessing it would make output differ between runs.
func unknownFunc(ty cty.Type) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{},
		Type:   function.StaticReturnType(ty),
		Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
			return cty.UnknownVal(ty).RefineNotNull(), nil
		},
	})
}

// removedFunc answers calls to a function Terraform removed with the
// replacement Terraform suggests.
func removedFunc(name, instead string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{},
		VarParam: &function.Parameter{
			Name:             "args",
			Type:             cty.DynamicPseudoType,
			AllowUnknown:     true,
			AllowDynamicType: true,
			AllowNull:        true,
			AllowMarked:      true,
		},
		Type: func([]cty.Value) (cty.Type, error) {
			return cty.NilType, fmt.Errorf("the %s function was removed in Terraform v0.15; use %s instead", name, instead)
		},
	})
}
