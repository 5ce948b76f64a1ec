package source_test

import (
	"os"
	"testing"

	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/source"
)

// TestPatternMatchesLikeCovers checks the contract with the gate: a
// directive's Pattern, used as a waiver address, matches exactly the
// addresses the directive Covers, among instances of its own block and of
// look-alike blocks.
func TestPatternMatchesLikeCovers(t *testing.T) {
	x, err := source.Load(os.DirFS("testdata/project"))
	if err != nil {
		t.Fatal(err)
	}
	addresses := []string{
		"aws_instance.web", "aws_instance.web[0]", "aws_instance.web2[0]", "aws_instance.we",
		"module.x.aws_instance.web", "data.aws_ami.base", "aws_ami.base",
		`module.app["a"].aws_instance.server[0]`, `module.app["b.c"].aws_instance.server[1]`,
		`module.app["a"].aws_instance.server2[0]`, `module.app["a"].module.inner[0].aws_instance.server[0]`,
		`module.app["a"].module.db[0].aws_db_instance.main[2]`, `module.app["x\"]"].module.db[1].aws_db_instance.main[0]`,
		"module.db.aws_db_instance.main[0]", "module.db2.aws_db_instance.main[0]",
		"module.queue[1].aws_db_instance.main[0]",
		"module.vpc.aws_vpc.this", `module.vpc[0].module.sub["a.b"].aws_subnet.s[0]`, "module.vpc2.aws_vpc.this",
		"aws_s3_bucket.data", "aws_s3_bucket.tmp", "",
	}
	if len(x.Directives()) == 0 {
		t.Fatal("no directives in the fixture")
	}
	for _, d := range x.Directives() {
		covered := 0
		for _, a := range addresses {
			got, want := gate.Match(d.Pattern, a), d.Covers(a)
			if got != want {
				t.Errorf("gate.Match(%q, %q) = %v, but Covers = %v", d.Pattern, a, got, want)
			}
			if want {
				covered++
			}
		}
		if covered == 0 {
			t.Errorf("no test address is an instance of %s", d.Block)
		}
	}
}
