package plan

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// parseFixture parses testdata/name.
func parseFixture(t *testing.T, name string, opts Options) *change.Set {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	set, err := Parse(name, data, opts)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return set
}

// resource finds the current (not deposed) object of an address.
func resource(t *testing.T, set *change.Set, address string) *change.Resource {
	t.Helper()
	for i := range set.Resources {
		if r := &set.Resources[i]; r.Address == address && r.Deposed == "" {
			return r
		}
	}
	t.Fatalf("%s: no resource %s", set.Source, address)
	return nil
}

func addresses(set *change.Set) []string {
	var out []string
	for _, r := range set.Resources {
		a := r.Address
		if r.Deposed != "" {
			a += " (deposed " + r.Deposed + ")"
		}
		out = append(out, a)
	}
	return out
}

func TestActions(t *testing.T) {
	set := parseFixture(t, "actions.json", Options{})
	wantOrder := []string{
		"aws_instance.cbd",
		"aws_instance.cbd (deposed 00000001)",
		"aws_instance.counted[0]",
		"aws_instance.counted[1]",
		"aws_instance.created",
		"aws_instance.deleted",
		"aws_instance.kept",
		"aws_instance.replaced",
		"aws_instance.unchanged",
		"aws_instance.updated",
		`module.app["a.b"].aws_instance.web["x"]`,
	}
	if diff := cmp.Diff(wantOrder, addresses(set)); diff != "" {
		t.Errorf("resources (-want +got), data sources and forgotten objects must be left out:\n%s", diff)
	}
	tests := []struct {
		address string
		action  change.Action
		cbd     bool
		index   any
		module  string
		before  bool
		after   bool
	}{
		{"aws_instance.created", change.Create, false, nil, "", false, true},
		{"aws_instance.updated", change.Update, false, nil, "", true, true},
		{"aws_instance.deleted", change.Delete, false, nil, "", true, false},
		{"aws_instance.replaced", change.Replace, false, nil, "", true, true},
		{"aws_instance.cbd", change.Replace, true, nil, "", true, true},
		{"aws_instance.kept", change.Replace, true, nil, "", true, true},
		{"aws_instance.unchanged", change.NoOp, false, nil, "", true, true},
		{"aws_instance.counted[0]", change.Create, false, 0, "", false, true},
		{"aws_instance.counted[1]", change.Create, false, 1, "", false, true},
		{`module.app["a.b"].aws_instance.web["x"]`, change.Create, false, "x", `module.app["a.b"]`, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.address, func(t *testing.T) {
			r := resource(t, set, tt.address)
			if r.Action != tt.action || r.CreateBeforeDestroy != tt.cbd {
				t.Errorf("action = %s (cbd %v), want %s (cbd %v)", r.Action, r.CreateBeforeDestroy, tt.action, tt.cbd)
			}
			if !cmp.Equal(r.Index, tt.index) {
				t.Errorf("index = %#v, want %#v", r.Index, tt.index)
			}
			if r.Module != tt.module {
				t.Errorf("module = %q, want %q", r.Module, tt.module)
			}
			if (r.Before != nil) != tt.before || (r.After != nil) != tt.after {
				t.Errorf("before/after present = %v/%v, want %v/%v", r.Before != nil, r.After != nil, tt.before, tt.after)
			}
			if r.Type != "aws_instance" || r.Provider != "registry.terraform.io/hashicorp/aws" {
				t.Errorf("type/provider = %s/%s", r.Type, r.Provider)
			}
		})
	}

	deposed := set.Resources[1]
	if deposed.Deposed != "00000001" || deposed.Action != change.Delete {
		t.Errorf("deposed object = %+v", deposed)
	}
	created := resource(t, set, "aws_instance.created")
	if got := created.After["cpu_core_count"]; got != json.Number("12345678901234567890") {
		t.Errorf("numbers must stay exact: got %#v", got)
	}
	if diff := cmp.Diff([]string{"ebs_block_device[0].volume_id", "id"}, created.UnknownPaths()); diff != "" {
		t.Errorf("unknown paths (-want +got):\n%s", diff)
	}
	if created.ProviderKey != "aws" {
		t.Errorf("provider key = %q", created.ProviderKey)
	}
	wantNotes := []string{
		"aws_instance.forgotten will be removed from state without being destroyed; its cost continues outside this configuration",
		"aws_instance.kept will be replaced, but its current object will be removed from state without being destroyed; that object's cost continues outside this configuration",
	}
	if diff := cmp.Diff(wantNotes, set.Notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	if set.Source != "actions.json" || set.FormatVersion != "1.2" || set.TerraformVersion != "1.9.5" {
		t.Errorf("set header = %q %q %q", set.Source, set.FormatVersion, set.TerraformVersion)
	}
}

func TestRegions(t *testing.T) {
	tests := []struct {
		file, address, region, from, key string
	}{
		{"regions.json", "aws_instance.root", "eu-west-1", change.RegionFromProvider, "aws"},
		{"regions.json", "aws_instance.aliased", "us-west-2", change.RegionFromProvider, "aws.west"},
		{"regions.json", `module.app["blue"].aws_instance.web`, "us-west-2", change.RegionFromProvider, "aws.west"},
		{"regions.json", `module.app["blue"].module.db.aws_db_instance.main`, "us-west-2", change.RegionFromProvider, "aws.west"},
		{"regions.json", "aws_instance.own_region", "ap-northeast-1", change.RegionFromResource, "aws"},
		{"regions.json", "aws_instance.unresolved", DefaultRegion, change.RegionFromDefault, "aws.nowhere"},
		{"regions.json", "module.legacy.aws_instance.db", "ap-southeast-2", change.RegionFromProvider, "module.legacy:aws"},
		{"regions.json", "module.legacy.module.inner.aws_instance.x", "ap-southeast-2", change.RegionFromProvider, "module.legacy.module.inner:aws"},
		{"regions.json", "module.versioned.aws_instance.v", "eu-west-1", change.RegionFromProvider, "module.versioned:aws"},
		{"regions.json", "aws_instance.gone", "eu-west-1", change.RegionFromProvider, ""},
		{"regions.json", "aws_instance.gone_west", "us-west-1", change.RegionFromResource, ""},
		{"regions.json", "google_compute_instance.vm", "europe-west1", change.RegionFromResource, "google"},
		{"regions.json", "google_storage_bucket.eu", "EU", change.RegionFromResource, "google"},
		{"regions.json", "azurerm_resource_group.rg", "westeurope", change.RegionFromResource, "azurerm"},
		{"regions.json", "null_resource.n", "", "", "null"},
		{"regions-tf013.json", "aws_instance.top", "eu-central-1", change.RegionFromProvider, "aws"},
		{"regions-tf013.json", "module.child[0].aws_instance.c", "eu-central-1", change.RegionFromProvider, "child:aws"},
		{"regions-tf013.json", "module.child[0].module.grand.aws_instance.g", "eu-central-1", change.RegionFromProvider, "grand:aws"},
		{"regions-tf013.json", "module.solo.aws_instance.s", "eu-central-1", change.RegionFromProvider, "solo:aws"},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.address, func(t *testing.T) {
			r := resource(t, parseFixture(t, tt.file, Options{}), tt.address)
			if r.Region != tt.region || r.RegionFrom != tt.from {
				t.Errorf("region = %q from %q, want %q from %q", r.Region, r.RegionFrom, tt.region, tt.from)
			}
			if r.ProviderKey != tt.key {
				t.Errorf("provider key = %q, want %q", r.ProviderKey, tt.key)
			}
		})
	}
}

func TestRegionFallback(t *testing.T) {
	defaultNote := "2 AWS resources have no region in the plan (no region in the provider block, no --region, no AWS_REGION); us-east-1 was assumed: set --region or AWS_REGION"
	tests := []struct {
		name     string
		opts     Options
		region   string
		from     string
		wantNote []string
	}{
		{"nothing said", Options{}, "us-east-1", change.RegionFromDefault, []string{defaultNote}},
		{"flag", Options{Region: "eu-west-2"}, "eu-west-2", change.RegionFromFlag, nil},
		{"env", Options{EnvRegion: "eu-north-1"}, "eu-north-1", change.RegionFromEnv, nil},
		{"flag beats env", Options{Region: "eu-west-2", EnvRegion: "eu-north-1"}, "eu-west-2", change.RegionFromFlag, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := parseFixture(t, "noregion.json", tt.opts)
			for _, r := range set.Resources {
				if r.Region != tt.region || r.RegionFrom != tt.from {
					t.Errorf("%s: region = %q from %q, want %q from %q", r.Address, r.Region, r.RegionFrom, tt.region, tt.from)
				}
			}
			if diff := cmp.Diff(tt.wantNote, set.Notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
	// A provider region beats the flag: the flag is for plans that do not say.
	r := resource(t, parseFixture(t, "regions.json", Options{Region: "sa-east-1"}), "aws_instance.root")
	if r.Region != "eu-west-1" {
		t.Errorf("provider region must win over --region, got %q", r.Region)
	}
}

func TestTags(t *testing.T) {
	set := parseFixture(t, "tags.json", Options{})
	tests := []struct {
		address string
		tags    map[string]string
		unknown []string
		// untaggable and wholly are the negation of Taggable and the value
		// of TagsUnknown, so that the common case needs no field.
		untaggable, wholly bool
	}{
		// The provider's default_tags are known; the rest comes after apply.
		{"aws_instance.wholly_unknown", map[string]string{"env": "dev", "team": "platform"}, nil, false, true},
		{"aws_iam_role_policy_attachment.untaggable", nil, nil, true, false},
		{"aws_instance.known_all", map[string]string{"Name": "a", "env": "prod", "team": "platform"}, nil, false, false},
		{"aws_instance.unknown_all", map[string]string{"Name": "b", "env": "dev", "team": "platform"}, nil, false, false},
		{"aws_instance.partial", map[string]string{"Name": "c", "env": "prod", "team": "platform"}, []string{"owner"}, false, false},
		{"aws_instance.unknown_override", map[string]string{"Name": "g", "team": "platform"}, []string{"env"}, false, false},
		{"aws_instance.partial_all", map[string]string{"Name": "d", "team": "platform"}, []string{"owner"}, false, false},
		{"aws_instance.deleted", map[string]string{"Name": "e", "team": "old"}, nil, false, false},
		{"aws_instance.untagged", map[string]string{"env": "dev", "team": "platform"}, nil, false, false},
		{"aws_instance.secret_tag", map[string]string{"secret": change.Sensitive, "team": "platform"}, nil, false, false},
		{"aws_instance.vartags", map[string]string{"Name": "f", "cost-center": "42"}, nil, false, false},
		{"azurerm_resource_group.rg", map[string]string{"env": "prod"}, []string{"build"}, false, false},
		{"google_storage_bucket.b", map[string]string{"env": "prod", "goog-terraform-provisioned": "true"}, nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.address, func(t *testing.T) {
			r := resource(t, set, tt.address)
			if diff := cmp.Diff(tt.tags, r.Tags); diff != "" {
				t.Errorf("tags (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.unknown, r.UnknownTags); diff != "" {
				t.Errorf("unknown tags (-want +got):\n%s", diff)
			}
			if r.Taggable == tt.untaggable || r.TagsUnknown != tt.wholly {
				t.Errorf("Taggable = %v, TagsUnknown = %v; want %v, %v", r.Taggable, r.TagsUnknown, !tt.untaggable, tt.wholly)
			}
		})
	}
}

func TestSensitive(t *testing.T) {
	set := parseFixture(t, "sensitive.json", Options{})
	tests := []struct {
		address string
		paths   []string
		check   func(r *change.Resource) any // a value that must now be redacted
		visible func(r *change.Resource) any // a value that must stay
		want    any
	}{
		{
			"aws_db_instance.db",
			[]string{"blob", "nested[0].value", "password"},
			func(r *change.Resource) any { return r.Before["password"] },
			func(r *change.Resource) any { return r.After["nested"].([]any)[1].(map[string]any)["value"] },
			"visible",
		},
		{
			"aws_instance.whole",
			[]string{"ami", "count", "user_data"},
			func(r *change.Resource) any { return r.After["count"] },
			func(r *change.Resource) any { return r.After["unset"] },
			nil,
		},
		{
			"aws_instance.mismatched",
			[]string{"list", "token"},
			func(r *change.Resource) any { return r.After["token"] },
			func(r *change.Resource) any { return r.After["quiet"] },
			"visible",
		},
	}
	for _, tt := range tests {
		t.Run(tt.address, func(t *testing.T) {
			r := resource(t, set, tt.address)
			if diff := cmp.Diff(tt.paths, r.SensitivePaths); diff != "" {
				t.Errorf("sensitive paths (-want +got):\n%s", diff)
			}
			if got := tt.check(r); got != change.Sensitive {
				t.Errorf("redacted value = %#v, want %q", got, change.Sensitive)
			}
			if got := tt.visible(r); got != tt.want {
				t.Errorf("non-sensitive value = %#v, want %#v", got, tt.want)
			}
		})
	}
	dump, err := json.Marshal(set)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(dump), "secret-") {
		t.Errorf("a sensitive value survived parsing:\n%s", dump)
	}
}

func TestRefs(t *testing.T) {
	set := parseFixture(t, "refs.json", Options{})
	const blue = `module.asg["blue"].`
	tests := []struct {
		address string
		refs    map[string][]string
	}{
		{blue + "aws_autoscaling_group.g", map[string][]string{
			"launch_template":         {blue + "aws_launch_template.lt"},
			"target_group_arns":       {blue + "aws_lb_target_group.tg", blue + "aws_lb_target_group.tg[0]"},
			"placement_group":         {blue + "aws_placement_group.pg", blue + `aws_placement_group.pg["a.b"]`},
			"service_linked_role_arn": {blue + "aws_iam_role.r"},
		}},
		{blue + "aws_launch_template.lt", nil},
		{"aws_autoscaling_group.root", map[string][]string{
			"launch_configuration": {"aws_launch_configuration.lc"},
		}},
		{"aws_launch_configuration.lc", nil},
	}
	for _, tt := range tests {
		t.Run(tt.address, func(t *testing.T) {
			if diff := cmp.Diff(tt.refs, resource(t, set, tt.address).Refs); diff != "" {
				t.Errorf("refs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResourceRef(t *testing.T) {
	tests := []struct {
		ref, want string
	}{
		{"aws_instance.web", "aws_instance.web"},
		{"aws_instance.web.id", "aws_instance.web"},
		{"aws_instance.web[0].id", "aws_instance.web[0]"},
		{`aws_instance.web["a.b"].id`, `aws_instance.web["a.b"]`},
		{"aws_instance.web[each.key]", "aws_instance.web"},
		{"var.region", ""},
		{"local.x", ""},
		{"data.aws_ami.x.id", ""},
		{"module.vpc.id", ""},
		{"each.value", ""},
		{"count.index", ""},
		{"path.module", ""},
		{"self.id", ""},
		{"terraform.workspace", ""},
		{"aws_instance", ""},
		{"", ""},
		{"1abc.x", ""},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			got, ok := resourceRef(tt.ref)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("resourceRef(%q) = %q, %v; want %q", tt.ref, got, ok, tt.want)
			}
		})
	}
}
