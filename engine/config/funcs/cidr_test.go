package funcs

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestCIDR(t *testing.T) {
	runCases(t, []evalCase{
		{name: "cidrhost", expr: `cidrhost("10.12.112.0/20", 16)`, want: str("10.12.112.16")},
		{name: "cidrhost carries", expr: `cidrhost("10.12.112.0/20", 268)`, want: str("10.12.113.12")},
		{name: "cidrhost ipv6", expr: `cidrhost("fd00:fd12:3456:7890:00a2::/72", 34)`, want: str("fd00:fd12:3456:7890::22")},
		{name: "cidrhost from end", expr: `cidrhost("10.0.0.0/30", -1)`, want: str("10.0.0.3")},
		{name: "cidrhost first from end", expr: `cidrhost("10.0.0.0/30", -4)`, want: str("10.0.0.0")},
		{name: "cidrhost masks address", expr: `cidrhost("10.0.0.77/24", 5)`, want: str("10.0.0.5")},
		{name: "cidrhost leading zeros", expr: `cidrhost("010.001.0.0/16", 1)`, want: str("10.1.0.1")},
		{name: "cidrhost too big", expr: `cidrhost("10.0.0.0/30", 4)`, err: "prefix of 30 does not accommodate a host numbered 4"},
		{name: "cidrhost too small", expr: `cidrhost("10.0.0.0/30", -5)`, err: "prefix of 30 does not accommodate a host numbered -5"},
		{name: "cidrhost fraction", expr: `cidrhost("10.0.0.0/24", 1.5)`, err: "1.5 is not a whole number"},
		{name: "cidrhost invalid", expr: `cidrhost("10.0.0.0", 1)`, err: "invalid CIDR expression"},
		{name: "cidrnetmask", expr: `cidrnetmask("172.16.0.0/12")`, want: str("255.240.0.0")},
		{name: "cidrnetmask zero", expr: `cidrnetmask("0.0.0.0/0")`, want: str("0.0.0.0")},
		{name: "cidrnetmask host", expr: `cidrnetmask("10.0.0.1/32")`, want: str("255.255.255.255")},
		{name: "cidrnetmask ipv6", expr: `cidrnetmask("fd00::/8")`, err: "IPv6 addresses cannot have a netmask: fd00::/8"},
		{name: "cidrsubnet", expr: `cidrsubnet("172.16.0.0/12", 4, 2)`, want: str("172.18.0.0/16")},
		{name: "cidrsubnet small", expr: `cidrsubnet("10.1.2.0/24", 4, 15)`, want: str("10.1.2.240/28")},
		{name: "cidrsubnet ipv6", expr: `cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)`, want: str("fd00:fd12:3456:7800:a200::/72")},
		{name: "cidrsubnet zero bits", expr: `cidrsubnet("10.0.0.0/8", 0, 0)`, want: str("10.0.0.0/8")},
		{name: "cidrsubnet no room", expr: `cidrsubnet("10.0.0.0/30", 3, 0)`, err: "insufficient address space to extend prefix of 30 by 3"},
		{name: "cidrsubnet netnum too big", expr: `cidrsubnet("10.0.0.0/24", 2, 4)`, err: "prefix extension of 2 does not accommodate a subnet numbered 4"},
		{name: "cidrsubnet negative netnum", expr: `cidrsubnet("10.0.0.0/24", 2, -1)`, err: "does not accommodate a subnet numbered -1"},
		{name: "cidrsubnet negative newbits", expr: `cidrsubnet("10.0.0.0/24", -2, 0)`, err: "newbits must not be negative"},
		{name: "cidrsubnet invalid", expr: `cidrsubnet("10.0.0.0/33", 1, 0)`, err: "invalid CIDR expression"},
		{name: "cidrsubnet unknown", expr: `cidrsubnet(u_str, 4, 1)`, want: cty.UnknownVal(cty.String).RefineNotNull()},
		{name: "cidrsubnets", expr: `cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)`, want: strList("10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20")},
		{name: "cidrsubnets ipv6", expr: `cidrsubnets("fd00:fd12:3456:7890::/56", 16, 16, 16, 32)`,
			want: strList("fd00:fd12:3456:7800::/72", "fd00:fd12:3456:7800:100::/72", "fd00:fd12:3456:7800:200::/72", "fd00:fd12:3456:7800:300::/88")},
		{name: "cidrsubnets nested", expr: `[for b in cidrsubnets("10.0.0.0/8", 8, 8) : cidrsubnets(b, 4, 4)]`,
			want: cty.TupleVal([]cty.Value{strList("10.0.0.0/20", "10.0.16.0/20"), strList("10.1.0.0/20", "10.1.16.0/20")})},
		{name: "cidrsubnets none", expr: `cidrsubnets("10.0.0.0/8")`, want: strList()},
		{name: "cidrsubnets full", expr: `cidrsubnets("10.0.0.0/30", 1, 1, 1)`, err: "not enough remaining address space for a subnet with a prefix of 31 bits after 10.0.0.2/31"},
		{name: "cidrsubnets zero", expr: `cidrsubnets("10.0.0.0/30", 0)`, err: "must extend prefix by at least one bit"},
		{name: "cidrsubnets too long", expr: `cidrsubnets("10.0.0.0/8", 25)`, err: "would extend prefix to 33 bits, which is too long for an IPv4 address"},
	})
}
