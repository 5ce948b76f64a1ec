package aws_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

// serviceTypes are the types the services models price.
var serviceTypes = []string{
	"aws_db_instance", "aws_rds_cluster_instance", "aws_rds_cluster",
	"aws_elasticache_cluster", "aws_elasticache_replication_group",
	"aws_dynamodb_table", "aws_s3_bucket", "aws_nat_gateway", "aws_eip",
	"aws_vpc_endpoint", "aws_lb", "aws_alb", "aws_elb",
	"aws_cloudwatch_log_group", "aws_kms_key", "aws_kms_external_key",
	"aws_secretsmanager_secret", "aws_route53_zone",
}

// TestServiceModelsNeverSilentZero prices real plan resources and bare
// resources against an empty catalog: nothing may panic, and every
// component must say why it has no price.
func TestServiceModelsNeverSilentZero(t *testing.T) {
	states := map[string][]pricing.Attrs{}
	for _, typ := range serviceTypes {
		states[typ] = []pricing.Attrs{pricing.NewAttrs(nil, nil)}
	}
	files, _ := filepath.Glob("../../../shared/plans/*.json")
	if len(files) == 0 {
		t.Log("../shared/plans is absent: bare resources only")
	}
	for _, f := range files {
		for typ, attrs := range planStates(t, f) {
			states[typ] = append(states[typ], attrs...)
		}
	}
	n := 0
	for _, typ := range serviceTypes {
		n += len(states[typ])
	}
	t.Logf("%d resource states from %d plans", n-len(serviceTypes), len(files))
	empty := pricingtest.Catalog{}
	for _, typ := range serviceTypes {
		model, ok := svcModel(typ)
		if !ok {
			t.Errorf("no model for %s", typ)
			continue
		}
		for i, a := range states[typ] {
			res := pricing.Resource{Address: typ + ".x", Type: typ, Region: "us-east-1", Attrs: a}
			for _, c := range model.Price(res, pricing.NewPricer(empty, "us-east-1", nil)) {
				if c.Name == "" || c.Unit == "" || c.Unpriced == "" || c.Quantity.IsNegative() {
					t.Errorf("%s state %d: component %+v: want a name, a unit, a reason and a quantity ≥ 0", typ, i, c)
				}
			}
		}
	}
}

// planStates returns the before and after attributes of the services
// resources in a plan file; files that are not plain JSON are skipped (the
// plan parser's tests cover them).
func planStates(t *testing.T, name string) map[string][]pricing.Attrs {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var plan struct {
		ResourceChanges []struct {
			Type   string
			Change struct {
				Before, After map[string]any
				AfterUnknown  map[string]any `json:"after_unknown"`
			}
		} `json:"resource_changes"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if dec.Decode(&plan) != nil {
		return nil
	}
	out := map[string][]pricing.Attrs{}
	for _, rc := range plan.ResourceChanges {
		if rc.Change.Before != nil {
			out[rc.Type] = append(out[rc.Type], pricing.NewAttrs(rc.Change.Before, nil))
		}
		if rc.Change.After != nil {
			out[rc.Type] = append(out[rc.Type], pricing.NewAttrs(rc.Change.After, rc.Change.AfterUnknown))
		}
	}
	return out
}
