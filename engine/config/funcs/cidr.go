package funcs

import (
	"fmt"
	"math/big"
	"net/netip"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// network is a parsed CIDR prefix with its first address as an integer,
// so that IPv4 and IPv6 share the arithmetic.
type network struct {
	first *big.Int
	bits  int // address length: 32 or 128
	plen  int // prefix length
}

func parseNetwork(s string) (network, error) {
	p, err := netip.ParsePrefix(decimalOctets(s))
	if err != nil {
		return network{}, fmt.Errorf("invalid CIDR expression: %s", strings.TrimPrefix(err.Error(), "netip.ParsePrefix("))
	}
	p = p.Masked()
	return network{
		first: new(big.Int).SetBytes(p.Addr().AsSlice()),
		bits:  p.Addr().BitLen(),
		plen:  p.Bits(),
	}, nil
}

// decimalOctets drops leading zeros from IPv4 octets: Terraform reads
// "010.1.2.3" as 10.1.2.3, which netip rejects.
func decimalOctets(s string) string {
	addr, bits, ok := strings.Cut(s, "/")
	if strings.Contains(addr, ":") || !ok {
		return s
	}
	octets := strings.Split(addr, ".")
	for i, o := range octets {
		if t := strings.TrimLeft(o, "0"); t != o {
			if t == "" {
				t = "0"
			}
			octets[i] = t
		}
	}
	return strings.Join(octets, ".") + "/" + bits
}

// size is the number of addresses in a prefix of length plen.
func (n network) size(plen int) *big.Int {
	return new(big.Int).Lsh(big.NewInt(1), uint(n.bits-plen))
}

func (n network) addr(offset *big.Int) string {
	b := make([]byte, n.bits/8)
	new(big.Int).Add(n.first, offset).FillBytes(b)
	a, _ := netip.AddrFromSlice(b)
	return a.String()
}

func wholeNumber(v cty.Value) (*big.Int, error) {
	f := v.AsBigFloat()
	if !f.IsInt() {
		return nil, fmt.Errorf("%s is not a whole number", f.Text('f', -1))
	}
	i, _ := f.Int(nil)
	return i, nil
}

func smallNumber(v cty.Value) (int, error) {
	i, err := wholeNumber(v)
	if err != nil {
		return 0, err
	}
	if !i.IsInt64() || i.Int64() < -1<<20 || i.Int64() > 1<<20 {
		return 0, fmt.Errorf("%s is out of range", i)
	}
	return int(i.Int64()), nil
}

var cidrHostFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "hostnum", Type: cty.Number},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		n, err := parseNetwork(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		num, err := wholeNumber(args[1])
		if err != nil {
			return cty.NilVal, function.NewArgError(1, err)
		}
		size := n.size(n.plen)
		host := new(big.Int).Set(num)
		if host.Sign() < 0 {
			// Negative numbers count back from the last address.
			host.Add(host, size)
		}
		if host.Sign() < 0 || host.Cmp(size) >= 0 {
			return cty.NilVal, function.NewArgErrorf(1, "prefix of %d does not accommodate a host numbered %s", n.plen, num)
		}
		return cty.StringVal(n.addr(host)), nil
	},
})

var cidrNetmaskFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		n, err := parseNetwork(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		if n.bits != 32 {
			return cty.NilVal, function.NewArgErrorf(0, "IPv6 addresses cannot have a netmask: %s", args[0].AsString())
		}
		mask := uint32(0xffffffff) << (32 - n.plen)
		if n.plen == 0 {
			mask = 0
		}
		a := netip.AddrFrom4([4]byte{byte(mask >> 24), byte(mask >> 16), byte(mask >> 8), byte(mask)})
		return cty.StringVal(a.String()), nil
	},
})

var cidrSubnetFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "newbits", Type: cty.Number},
		{Name: "netnum", Type: cty.Number},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		n, err := parseNetwork(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		newbits, err := smallNumber(args[1])
		if err != nil {
			return cty.NilVal, function.NewArgError(1, err)
		}
		if newbits < 0 {
			return cty.NilVal, function.NewArgErrorf(1, "newbits must not be negative")
		}
		netnum, err := wholeNumber(args[2])
		if err != nil {
			return cty.NilVal, function.NewArgError(2, err)
		}
		plen := n.plen + newbits
		if plen > n.bits {
			return cty.NilVal, function.NewArgErrorf(1, "insufficient address space to extend prefix of %d by %d", n.plen, newbits)
		}
		if netnum.Sign() < 0 || netnum.BitLen() > newbits {
			return cty.NilVal, function.NewArgErrorf(2, "prefix extension of %d does not accommodate a subnet numbered %s", newbits, netnum)
		}
		offset := new(big.Int).Mul(netnum, n.size(plen))
		return cty.StringVal(fmt.Sprintf("%s/%d", n.addr(offset), plen)), nil
	},
})

// cidrSubnetsFunc allocates consecutive subnets, each aligned to its own
// size right after the previous one.
var cidrSubnetsFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "prefix", Type: cty.String}},
	VarParam:     &function.Parameter{Name: "newbits", Type: cty.Number},
	Type:         function.StaticReturnType(cty.List(cty.String)),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		n, err := parseNetwork(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		if len(args) == 1 {
			return cty.ListValEmpty(cty.String), nil
		}
		end := n.size(n.plen)
		next := new(big.Int)
		var out []cty.Value
		var prev string
		for i, arg := range args[1:] {
			newbits, err := smallNumber(arg)
			if err != nil {
				return cty.NilVal, function.NewArgError(i+1, err)
			}
			if newbits < 1 {
				return cty.NilVal, function.NewArgErrorf(i+1, "must extend prefix by at least one bit")
			}
			plen := n.plen + newbits
			if plen > n.bits {
				return cty.NilVal, function.NewArgErrorf(i+1, "would extend prefix to %d bits, which is too long for an IPv%d address", plen, ipVersion(n.bits))
			}
			size := n.size(plen)
			start := alignUp(next, size)
			next = new(big.Int).Add(start, size)
			if next.Cmp(end) > 0 {
				return cty.NilVal, function.NewArgError(i+1, notEnoughSpace(plen, prev))
			}
			prev = fmt.Sprintf("%s/%d", n.addr(start), plen)
			out = append(out, cty.StringVal(prev))
		}
		return cty.ListVal(out), nil
	},
})

func notEnoughSpace(plen int, prev string) error {
	if prev == "" {
		return fmt.Errorf("not enough address space for a subnet with a prefix of %d bits", plen)
	}
	return fmt.Errorf("not enough remaining address space for a subnet with a prefix of %d bits after %s", plen, prev)
}

func alignUp(x, size *big.Int) *big.Int {
	q, r := new(big.Int).QuoRem(x, size, new(big.Int))
	if r.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	return q.Mul(q, size)
}

func ipVersion(bits int) int {
	if bits == 32 {
		return 4
	}
	return 6
}
