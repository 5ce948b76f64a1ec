package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDirectoryMatchesPlan estimates examples/aws-web twice, from its .tf
// files and from its plan, and expects the same resources at the same
// file:line and monthly cost. The plan also deletes aws_instance.legacy,
// which the configuration no longer has.
func TestDirectoryMatchesPlan(t *testing.T) {
	type resource struct {
		Monthly    string         `json:"monthly_cost"`
		Region     string         `json:"region"`
		Location   map[string]any `json:"location"`
		Components []struct {
			Name      string `json:"name"`
			Quantity  string `json:"quantity"`
			UnitPrice string `json:"unit_price"`
		} `json:"components"`
	}
	estimate := func(args ...string) map[string]resource {
		t.Helper()
		var stdout, stderr bytes.Buffer
		args = append([]string{"estimate", "--format", "json", "--usage", "../../examples/aws-web/tollgate-usage.yml"}, args...)
		if code := runTest(args, nil, &stdout, &stderr, nil); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr.String())
		}
		var doc struct {
			Resources []struct {
				Address string `json:"address"`
				Action  string `json:"action"`
				resource
			} `json:"resources"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		out := map[string]resource{}
		for _, r := range doc.Resources {
			if r.Action != "delete" {
				out[r.Address] = r.resource
			}
		}
		return out
	}
	fromTF := estimate("../../examples/aws-web", "--var", "db_password=not-used")
	fromPlan := estimate("../../examples/aws-web/plan.json", "--source", "../../examples/aws-web")
	if len(fromTF) != 12 {
		t.Errorf("%d resources from the .tf files, want 12", len(fromTF))
	}
	if diff := cmp.Diff(fromPlan, fromTF); diff != "" {
		t.Errorf("the .tf directory and its plan differ (-plan +tf):\n%s", diff)
	}
}
