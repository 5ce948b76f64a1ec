package change_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/change"
)

func TestActions(t *testing.T) {
	for _, tc := range []struct {
		a             change.Action
		before, after bool
	}{
		{change.Create, false, true},
		{change.Update, true, true},
		{change.Delete, true, false},
		{change.Replace, true, true},
		{change.NoOp, true, true},
		{change.Read, false, false},
		{change.Forget, false, false},
	} {
		if tc.a.HasBefore() != tc.before || tc.a.HasAfter() != tc.after {
			t.Errorf("%s: HasBefore=%v HasAfter=%v, want %v %v", tc.a, tc.a.HasBefore(), tc.a.HasAfter(), tc.before, tc.after)
		}
	}
}

func TestUnknownPaths(t *testing.T) {
	r := change.Resource{AfterUnknown: map[string]any{
		"id":                true,
		"ami":               false,
		"root_block_device": []any{map[string]any{"volume_id": true, "size": false}},
		"tags":              map[string]any{"Owner": true},
		"list":              []any{false, true},
	}}
	want := []string{"id", "list[1]", "root_block_device[0].volume_id", "tags.Owner"}
	if diff := cmp.Diff(want, r.UnknownPaths()); diff != "" {
		t.Errorf("UnknownPaths mismatch (-want +got):\n%s", diff)
	}
}

func TestAddresses(t *testing.T) {
	for _, tc := range []struct {
		address string
		parts   []string
		module  string
	}{
		{"aws_instance.web", []string{"aws_instance", "web"}, ""},
		{"aws_instance.web[0]", []string{"aws_instance", "web[0]"}, ""},
		{`module.app["a.b"].aws_instance.web`, []string{"module", `app["a.b"]`, "aws_instance", "web"}, `module.app["a.b"]`},
		{`module.m["a\\"].aws_x.y["b.\"c"]`, []string{"module", `m["a\\"]`, "aws_x", `y["b.\"c"]`}, `module.m["a\\"]`},
		{`module.a[0].module.b.data.aws_ami.x`, []string{"module", "a[0]", "module", "b", "data", "aws_ami", "x"}, "module.a[0].module.b"},
	} {
		if diff := cmp.Diff(tc.parts, change.SplitAddress(tc.address)); diff != "" {
			t.Errorf("SplitAddress(%s) mismatch (-want +got):\n%s", tc.address, diff)
		}
		if got := change.ModuleOf(tc.address); got != tc.module {
			t.Errorf("ModuleOf(%s) = %q, want %q", tc.address, got, tc.module)
		}
	}
}

func TestValuesAndSort(t *testing.T) {
	del := change.Resource{Address: "b", Action: change.Delete, Before: map[string]any{"x": 1}}
	if del.Values()["x"] != 1 {
		t.Error("a deletion's values are its before state")
	}
	rs := []change.Resource{{Address: "b", Deposed: "d1"}, {Address: "a"}, {Address: "b"}}
	change.SortResources(rs)
	got := []string{rs[0].Address, rs[1].Address + rs[1].Deposed, rs[2].Address + rs[2].Deposed}
	if diff := cmp.Diff([]string{"a", "b", "bd1"}, got); diff != "" {
		t.Errorf("SortResources mismatch (-want +got):\n%s", diff)
	}
}
