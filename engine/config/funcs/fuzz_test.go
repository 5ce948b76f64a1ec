package funcs

import (
	"errors"
	"net/netip"
	"testing"
	"testing/fstest"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

func noPanic(t *testing.T, name string, err error) {
	t.Helper()
	var p function.PanicError
	if errors.As(err, &p) {
		t.Fatalf("%s panicked: %v", name, err)
	}
}

// FuzzCIDR checks that cidrsubnet and cidrhost never panic, and that
// what they return lies inside the prefix they were given.
func FuzzCIDR(f *testing.F) {
	f.Add("10.1.2.0/24", 4, int64(15), int64(5))
	f.Add("172.16.0.0/12", 4, int64(2), int64(-1))
	f.Add("fd00:fd12:3456:7890::/56", 16, int64(162), int64(34))
	f.Add("010.001.0.0/16", 0, int64(0), int64(65535))
	f.Add("::ffff:10.0.0.0/104", 8, int64(3), int64(-7))
	f.Add("0.0.0.0/0", 32, int64(1)<<40, int64(1)<<33)
	f.Fuzz(func(t *testing.T, prefix string, newbits int, netnum, host int64) {
		parent, perr := netip.ParsePrefix(decimalOctets(prefix))
		sub, err := cidrSubnetFunc.Call([]cty.Value{cty.StringVal(prefix), cty.NumberIntVal(int64(newbits)), cty.NumberIntVal(netnum)})
		noPanic(t, "cidrsubnet", err)
		if err == nil {
			got, err := netip.ParsePrefix(sub.AsString())
			if perr != nil || err != nil {
				t.Fatalf("cidrsubnet(%q, %d, %d) = %q: %v / %v", prefix, newbits, netnum, sub.AsString(), perr, err)
			}
			if got.Bits() != parent.Bits()+newbits || !parent.Masked().Contains(got.Addr()) || got.Masked() != got {
				t.Fatalf("cidrsubnet(%q, %d, %d) = %s, not a /%d inside %s", prefix, newbits, netnum, got, parent.Bits()+newbits, parent.Masked())
			}
		}
		addr, err := cidrHostFunc.Call([]cty.Value{cty.StringVal(prefix), cty.NumberIntVal(host)})
		noPanic(t, "cidrhost", err)
		if err == nil {
			got, err := netip.ParseAddr(addr.AsString())
			if perr != nil || err != nil || !parent.Masked().Contains(got) {
				t.Fatalf("cidrhost(%q, %d) = %q, not inside %s", prefix, host, addr.AsString(), parent.Masked())
			}
		}
		_, err = cidrSubnetsFunc.Call([]cty.Value{cty.StringVal(prefix), cty.NumberIntVal(int64(newbits)), cty.NumberIntVal(int64(newbits % 7))})
		noPanic(t, "cidrsubnets", err)
	})
}

// FuzzTemplate renders arbitrary template files and strings: any
// outcome but a panic is acceptable.
func FuzzTemplate(f *testing.F) {
	f.Add("Hello, ${name}!")
	f.Add("%{ for i in items ~}\n${i}\n%{ endfor ~}")
	f.Add("%{ if name == \"x\" }yes%{ else }no%{ endif }")
	f.Add("${templatefile(\"t.tftpl\", {})}")
	f.Add("${file(\"../../x\")}${")
	f.Add("%{")
	vars := cty.ObjectVal(map[string]cty.Value{
		"name":  cty.StringVal("x"),
		"items": cty.TupleVal([]cty.Value{cty.StringVal("a"), cty.UnknownVal(cty.String)}),
	})
	f.Fuzz(func(t *testing.T, src string) {
		table := Table(fstest.MapFS{"m/t.tftpl": {Data: []byte(src)}}, "m")
		_, err := table["templatefile"].Call([]cty.Value{cty.StringVal("t.tftpl"), vars})
		noPanic(t, "templatefile", err)
		_, err = table["templatestring"].Call([]cty.Value{cty.StringVal(src), vars})
		noPanic(t, "templatestring", err)
	})
}

// FuzzYAML decodes arbitrary YAML and encodes whatever it decoded.
func FuzzYAML(f *testing.F) {
	f.Add("hello: world")
	f.Add("{a: &foo [1, 2, 3], b: *foo}")
	f.Add("{a: &foo [1, *foo, 3]}")
	f.Add("base: &b {x: 1}\nuse: {<<: [*b, *b], y: 3}")
	f.Add("a: &a {<<: *a}")
	f.Add("[.inf, -.inf, .nan, 0x1F, 1_000, 2001-12-14]")
	f.Fuzz(func(t *testing.T, src string) {
		v, err := yamlDecodeFunc.Call([]cty.Value{cty.StringVal(src)})
		noPanic(t, "yamldecode", err)
		if err == nil {
			_, err = yamlEncodeFunc.Call([]cty.Value{v})
			noPanic(t, "yamlencode", err)
		}
	})
}

// FuzzFileset globs testFS with arbitrary patterns.
func FuzzFileset(f *testing.F) {
	f.Add("files/*.txt")
	f.Add("{a,{b,c}}/**/[a-z]?.*")
	f.Add("**/**/x")
	f.Add("[")
	f.Add("{{{{{{{{{{a,b},c},d},e},f},g},h},i},j}")
	fileset := Table(testFS, "mod")["fileset"]
	f.Fuzz(func(t *testing.T, pattern string) {
		_, err := fileset.Call([]cty.Value{cty.StringVal("."), cty.StringVal(pattern)})
		noPanic(t, "fileset", err)
	})
}
