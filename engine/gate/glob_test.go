package gate_test

import (
	"testing"

	"github.com/tollgate-dev/tollgate/engine/gate"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		name, pattern, address string
		want                   bool
	}{
		{"exact", "aws_instance.web", "aws_instance.web", true},
		{"exact is not a prefix", "aws_instance.web", "aws_instance.web2", false},
		{"a name without a key stands for every instance", "aws_instance.web", "aws_instance.web[0]", true},
		{"every for_each instance", "aws_instance.web", `aws_instance.web["a.b]c"]`, true},
		{"every instance, escaped quotes in the key", "aws_instance.web", `aws_instance.web["a\"b"]`, true},
		{"a key is not any suffix", "aws_instance.web", "aws_instance.web[x]", false},
		{"two keys are not one instance", "aws_instance.web", "aws_instance.web[0][1]", false},
		{"every instance of every module instance", "module.app.aws_instance.web", `module.app["eu.west-1"].aws_instance.web[3]`, true},
		{"every instance of a counted module", "module.app.module.db.aws_db_instance.main", `module.app[0].module.db["x"].aws_db_instance.main`, true},
		{"a given key stays literal", `module.app["x"].aws_instance.web`, `module.app["y"].aws_instance.web`, false},
		{"a given key with every resource instance", `module.app["x"].aws_instance.web`, `module.app["x"].aws_instance.web[1]`, true},
		{"a given index stays literal", "aws_instance.web[0]", "aws_instance.web[1]", false},
		{"data sources too", "data.aws_ami.ubuntu", "data.aws_ami.ubuntu[0]", true},
		{"other modules stay apart", "module.app.aws_instance.web", "module.app2.aws_instance.web", false},
		{"a module block covers everything in it", "module.app.*", `module.app["x"].module.db[0].aws_db_instance.main`, true},
		{"a module block leaves other modules alone", "module.app.*", `module.app2.aws_instance.web`, false},
		{"a module block is not a resource", "module.app.*", `module.app`, false},
		{"dots are literal", "aws_instance.w.b", "aws_instance.wxb", false},
		{"regexp syntax is literal", "aws_instance.(web|db)", "aws_instance.web", false},
		{"star matches everything", "*", "module.a.aws_instance.web[0]", true},
		{"star matches no address", "*", "", true},
		{"only star matches no address", "aws_*", "", false},
		{"empty pattern matches nothing", "", "", false},
		{"trailing star over instance keys", "aws_instance.web*", "aws_instance.web[3]", true},
		{"trailing star also over longer names", "aws_instance.web*", "aws_instance.web2", true},
		{"bracketed star keeps names apart", "aws_instance.web[*]", "aws_instance.web2", false},
		{"bracketed star over count index", "aws_instance.web[*]", "aws_instance.web[12]", true},
		{"leading star crosses modules", "*.aws_instance.web", "module.a.module.b.aws_instance.web", true},
		{"leading star, every instance", "*.aws_instance.web", "module.a.aws_instance.web[0]", true},
		{"leading star needs the suffix", "*.aws_instance.web", "module.a.aws_instance.web2", false},
		{"for_each key with dots and quotes", `module.app["eu.west-1"].aws_instance.web`, `module.app["eu.west-1"].aws_instance.web`, true},
		{"star over a for_each key", `module.app[*].aws_instance.web[*]`, `module.app["eu.west-1"].aws_instance.web[0]`, true},
		{"star inside quotes", `module.app["eu*"].aws_db_instance.main`, `module.app["eu.west-1"].aws_db_instance.main`, true},
		{"star inside quotes is still literal around it", `module.app["eu*"].aws_db_instance.main`, `module.app["us-east-1"].aws_db_instance.main`, false},
		{"brackets are literal", `aws_instance.web[0]`, `aws_instance.web0`, false},
		{"question mark is literal", `aws_instance.w?b`, `aws_instance.web`, false},
		{"several stars", "module.*.aws_*.main*", "module.db.aws_db_instance.main[0]", true},
		{"several stars in order", "*b*a*", "ab", false},
		{"middle parts do not overlap the suffix", "a*ab", "ab", false},
		{"repeated parts", "*a*a", "aa", true},
		{"star matches the empty run", "aws_instance.*web", "aws_instance.web", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := gate.Match(tt.pattern, tt.address); got != tt.want {
				t.Errorf("Match(%q, %q) = %v, want %v", tt.pattern, tt.address, got, tt.want)
			}
		})
	}
}

// glob is the plain glob of usage files (* matches any run of
// characters, everything else is literal), by the textbook table.
func glob(pattern, s string) bool {
	// ok[j] says whether pattern[:i] matches s[:j].
	ok := make([]bool, len(s)+1)
	ok[0] = true
	for i := 0; i < len(pattern); i++ {
		next := make([]bool, len(s)+1)
		for j := 0; j <= len(s); j++ {
			if pattern[i] == '*' {
				next[j] = ok[j] || (j > 0 && next[j-1])
			} else {
				next[j] = j > 0 && ok[j-1] && pattern[i] == s[j-1]
			}
		}
		ok = next
	}
	return ok[len(s)]
}

func FuzzMatch(f *testing.F) {
	f.Add("aws_instance.web", "aws_instance.web[0]")
	f.Add(`module.app[*].aws_*.web`, `module.app["a.b"].aws_instance.web["x\"]"]`)
	f.Add("*a*a", "aa")
	f.Add("\xff*", "\xff\xfe")
	f.Fuzz(func(t *testing.T, pattern, address string) {
		if len(pattern) > 64 || len(address) > 64 {
			t.Skip()
		}
		got := gate.Match(pattern, address)
		if address != "" && glob(pattern, address) && !got {
			t.Errorf("Match(%q, %q) = false, but the plain glob matches", pattern, address)
		}
		if address == "" && got != (pattern == "*") {
			t.Errorf("Match(%q, \"\") = %v", pattern, got)
		}
	})
}
