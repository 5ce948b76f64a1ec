package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/report"
	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/pricingtest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sample builds an estimate with every kind of line a report shows:
// create, update, delete, replace, no-op, free, unsupported, unpriced
// components, usage-based components and an approximated price.
func sample(t testing.TB) *engine.Estimate {
	t.Helper()
	cat := pricingtest.Catalog{
		"aws-ec2 us-east-1 instance/m5.large/linux":  "0.096",
		"aws-ec2 us-east-1 instance/t3.micro/linux":  "0.0104",
		"aws-ec2 us-east-1 instance/t3.small/linux":  "0.0208",
		"aws-ec2 us-east-1 instance/m5.xlarge/linux": "0.192",
		"aws-vpc us-east-1 nat-gateway":              "0.045",
		"aws-vpc us-east-1 nat-gateway/data":         "0.045",
	}
	instance := pricing.Model{Type: "test_instance", Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		typ, ok := r.Attrs.String("instance_type")
		if !ok {
			return []pricing.Component{pricing.Unpriced("Instance usage", "hours", pricing.UnknownAttr("instance_type"))}
		}
		return []pricing.Component{p.Hourly("Instance usage (Linux/UNIX, on-demand, "+typ+")", pricing.Dec("1"), "aws-ec2", "instance/"+typ+"/linux")}
	}}
	nat := pricing.Model{Type: "test_nat", Usage: []pricing.UsageKey{{Name: "monthly_data_processed_gb"}}, Price: func(r pricing.Resource, p pricing.Pricer) []pricing.Component {
		return []pricing.Component{
			p.Hourly("NAT gateway", pricing.Dec("1"), "aws-vpc", "nat-gateway"),
			p.UsageComponent("Data processed", "GB", "monthly_data_processed_gb", "aws-vpc", "nat-gateway/data"),
		}
	}}
	reg := pricing.NewRegistry([]pricing.Model{instance, nat}, []string{"test_free_*"})
	res := func(addr, typ string, action change.Action, before, after map[string]any) change.Resource {
		return change.Resource{Address: addr, Type: typ, Name: addr[strings.Index(addr, ".")+1:], Action: action, Before: before, After: after, Region: "us-east-1"}
	}
	m5 := map[string]any{"instance_type": "m5.large"}
	set := &change.Set{
		Source: "plan.json",
		Resources: []change.Resource{
			res("test_free_role.app", "test_free_role", change.Create, nil, map[string]any{}),
			res("test_instance.big", "test_instance", change.Replace, map[string]any{"instance_type": "m5.xlarge"}, m5),
			res("test_instance.gone", "test_instance", change.Delete, map[string]any{"instance_type": "t3.micro"}, nil),
			res("test_instance.new", "test_instance", change.Create, nil, m5),
			res("test_instance.resized", "test_instance", change.Update, map[string]any{"instance_type": "t3.micro"}, map[string]any{"instance_type": "t3.small"}),
			res("test_instance.same", "test_instance", change.NoOp, m5, m5),
			res("test_instance.unknown", "test_instance", change.Create, nil, map[string]any{}),
			res("test_nat.main", "test_nat", change.Create, nil, map[string]any{}),
			res("test_nat.west", "test_nat", change.Create, nil, map[string]any{}),
			res("test_widget.x", "test_widget", change.Create, nil, map[string]any{}),
		},
		Notes: []string{"1 resource had no region; us-east-1 was assumed. Set --region or AWS_REGION."},
	}
	set.Resources[8].Region = "us-west-2"
	usage, err := pricing.ParseUsage("usage.yml", []byte("resource_usage:\n  test_nat.main:\n    monthly_data_processed_gb: 1000\n"))
	if err != nil {
		t.Fatal(err)
	}
	return engine.Pricing{Registry: reg, Catalog: twinCatalog{cat}, Usage: usage}.Estimate(set)
}

// twinCatalog prices us-west-2 from us-east-1, as the embedded catalog's
// twins do, so that approximations show up.
type twinCatalog struct{ pricingtest.Catalog }

func (c twinCatalog) Price(service, region, key string) (pricing.Price, bool) {
	if region == "us-west-2" {
		p, ok := c.Catalog.Price(service, "us-east-1", key)
		p.Approximation = "us-west-2 price from us-east-1: identical EC2 prices"
		return p, ok
	}
	return c.Catalog.Price(service, region, key)
}

func TestGolden(t *testing.T) {
	est := sample(t)
	for _, tc := range []struct {
		file   string
		render func(*bytes.Buffer) error
	}{
		{"estimate.txt", func(b *bytes.Buffer) error { return report.Table(b, est, report.TableOptions{}) }},
		{"estimate-color.txt", func(b *bytes.Buffer) error { return report.Table(b, est, report.TableOptions{Color: true}) }},
		{"estimate.md", func(b *bytes.Buffer) error { return report.Markdown(b, est) }},
		{"estimate.json", func(b *bytes.Buffer) error { return report.JSON(b, est) }},
	} {
		t.Run(tc.file, func(t *testing.T) {
			checkGolden(t, tc.file, tc.render)
		})
	}
}

// checkGolden renders twice and compares with testdata/file (rewritten
// with -update): the output must match and be the same both times.
func checkGolden(t *testing.T, file string, render func(*bytes.Buffer) error) {
	t.Helper()
	var got bytes.Buffer
	if err := render(&got); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", file)
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got.String()); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", golden, diff)
	}
	var again bytes.Buffer
	if err := render(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), again.Bytes()) {
		t.Error("output differs between two renderings")
	}
}

func TestJSONMatchesSchema(t *testing.T) {
	var buf bytes.Buffer
	if err := report.JSON(&buf, sample(t)); err != nil {
		t.Fatal(err)
	}
	schema := compileSchema(t)
	doc, err := jsonschema.UnmarshalJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("estimate JSON does not match its schema: %v", err)
	}
}

// TestGoldenEstimatesMatchSchema validates the CLI's golden estimates of
// the shared real plans (cmd/tollgate/testdata/corpus) against the schema.
func TestGoldenEstimatesMatchSchema(t *testing.T) {
	files, _ := filepath.Glob("../../cmd/tollgate/testdata/corpus/*.estimate.json")
	if len(files) == 0 {
		t.Fatal("no golden estimates found in cmd/tollgate/testdata/corpus")
	}
	schema := compileSchema(t)
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("%s does not match the schema: %v", file, err)
		}
	}
}

func TestSchemaRejects(t *testing.T) {
	schema := compileSchema(t)
	valid := `{"version":"1","currency":"USD","priced_as_of":{},"past_total_monthly_cost":"0","total_monthly_cost":"1.5","diff_total_monthly_cost":"1.5","resources":[],"unpriced":[]}`
	for _, tc := range []struct{ name, doc string }{
		{"float money", strings.Replace(valid, `"1.5","resources"`, `1.5,"resources"`, 1)},
		{"missing unpriced", strings.Replace(valid, `,"unpriced":[]`, "", 1)},
		{"bad action", strings.Replace(valid, `"resources":[]`, `"resources":[{"address":"a.b","type":"a","action":"read","past_monthly_cost":"0","monthly_cost":"0","diff_monthly_cost":"0","components":[]}]`, 1)},
		{"priced and unpriced component", strings.Replace(valid, `"resources":[]`, `"resources":[{"address":"a.b","type":"a","action":"create","past_monthly_cost":"0","monthly_cost":"0","diff_monthly_cost":"0","components":[{"name":"x","unit":"h","quantity":"1","unit_price":"1","monthly_cost":"1","unpriced":"why"}]}]`, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := jsonschema.UnmarshalJSON(strings.NewReader(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			if schema.Validate(doc) == nil {
				t.Error("schema accepted an invalid document")
			}
		})
	}
	doc, _ := jsonschema.UnmarshalJSON(strings.NewReader(valid))
	if err := schema.Validate(doc); err != nil {
		t.Errorf("schema rejected a valid document: %v", err)
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	var raw any
	if err := json.Unmarshal(report.EstimateSchema, &raw); err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("estimate.schema.json", raw); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("estimate.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}
