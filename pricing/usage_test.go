package pricing_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing"
)

const usageYAML = `version: 1
resource_type_default_usage:
  aws_lambda_function:
    monthly_requests: 100
    request_duration_ms: 250
resource_usage:
  aws_lambda_function.api:
    monthly_requests: 5_000_000
  module.app.aws_lambda_function.*:
    monthly_requests: 42
  module.*.aws_lambda_function.*:
    monthly_requests: 7
    request_duration_ms: 0.5
  aws_instance.win:
    operating_system: windows
`

func TestUsageFor(t *testing.T) {
	f, err := pricing.ParseUsage("usage.yml", []byte(usageYAML))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, address, typ string
		want               pricing.Usage
	}{
		{"type default", "aws_lambda_function.other", "aws_lambda_function",
			pricing.Usage{"monthly_requests": json.Number("100"), "request_duration_ms": json.Number("250")}},
		{"exact address over type default", "aws_lambda_function.api", "aws_lambda_function",
			pricing.Usage{"monthly_requests": json.Number("5000000"), "request_duration_ms": json.Number("250")}},
		{"more specific pattern wins", `module.app.aws_lambda_function.x["a"]`, "aws_lambda_function",
			pricing.Usage{"monthly_requests": json.Number("42"), "request_duration_ms": json.Number("0.5")}},
		{"less specific pattern", "module.db.aws_lambda_function.y", "aws_lambda_function",
			pricing.Usage{"monthly_requests": json.Number("7"), "request_duration_ms": json.Number("0.5")}},
		{"string value", "aws_instance.win", "aws_instance", pricing.Usage{"operating_system": "windows"}},
		{"nothing applies", "aws_instance.other", "aws_instance", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, f.For(tc.address, tc.typ)); diff != "" {
				t.Errorf("For(%s) mismatch (-want +got):\n%s", tc.address, diff)
			}
		})
	}
	var none *pricing.UsageFile
	if got := none.For("a.b", "a"); got != nil {
		t.Errorf("nil file gave %v", got)
	}
}

func TestUsageDecimal(t *testing.T) {
	f, err := pricing.ParseUsage("usage.yml", []byte(usageYAML))
	if err != nil {
		t.Fatal(err)
	}
	d, ok := f.For("aws_lambda_function.api", "aws_lambda_function").Decimal("monthly_requests")
	if !ok || d.String() != "5000000" {
		t.Errorf("Decimal = %s, %v; want 5000000", d, ok)
	}
}

func TestParseUsageErrors(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"not yaml", "a: [", "usage.yml: line 1: did not find expected node content"},
		{"not a mapping", "- 1\n", "usage.yml:1: a usage file is a mapping"},
		{"unknown top-level key", "resource_usages: {}\n", `usage.yml:1: unknown key "resource_usages"`},
		{"bad version", "version: 3\n", `usage.yml:1: usage file version "3" is not supported`},
		{"address as type", "resource_type_default_usage:\n  aws_x.y:\n    a: 1\n", `usage.yml:2: "aws_x.y" is not a resource type`},
		{"list value", "resource_usage:\n  aws_x.y:\n    a: [1]\n", "usage.yml:3: usage value a of \"aws_x.y\" must be a number or a string"},
		{"values not a mapping", "resource_usage:\n  aws_x.y: 3\n", `usage.yml:2: usage of "aws_x.y" must be a mapping`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := pricing.ParseUsage("usage.yml", []byte(tc.yaml))
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error = %v, want prefix %q", err, tc.want)
			}
		})
	}
}

func TestUsageCheck(t *testing.T) {
	reg := pricing.NewRegistry([]pricing.Model{{
		Type:  "aws_nat_gateway",
		Usage: []pricing.UsageKey{{Name: "monthly_data_processed_gb"}, {Name: "label", String: true}},
		Price: func(pricing.Resource, pricing.Pricer) []pricing.Component { return nil },
	}}, nil)
	for _, tc := range []struct{ name, yaml, want string }{
		{"known keys", "resource_usage:\n  aws_nat_gateway.a:\n    monthly_data_processed_gb: 5\n    label: x\n", ""},
		{"typo in type default", "resource_type_default_usage:\n  aws_nat_gateway:\n    monthly_data_procesed_gb: 5\n",
			`usage.yml:3: aws_nat_gateway does not use usage key "monthly_data_procesed_gb" (known keys: monthly_data_processed_gb, label)`},
		{"typo under a module address", "resource_usage:\n  module.x[0].aws_nat_gateway.a:\n    gb: 5\n",
			`usage.yml:3: aws_nat_gateway does not use usage key "gb"`},
		{"number as text", "resource_usage:\n  aws_nat_gateway.a:\n    monthly_data_processed_gb: lots\n",
			`usage.yml:3: usage key "monthly_data_processed_gb" of aws_nat_gateway.a must be a number, not "lots"`},
		{"unmodelled types are not checked", "resource_usage:\n  aws_other.a:\n    anything: 1\n", ""},
		{"wildcard type is not checked", "resource_usage:\n  aws_*.a:\n    anything: 1\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := pricing.ParseUsage("usage.yml", []byte(tc.yaml))
			if err != nil {
				t.Fatal(err)
			}
			err = f.Check(reg)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)):
				t.Errorf("error = %v, want prefix %q", err, tc.want)
			}
		})
	}
}
