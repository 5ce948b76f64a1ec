package aws_test

import "testing"

func TestKMSKey(t *testing.T) {
	key := priced("Customer managed key", "months", "1", "1", "1")
	runModel(t, "aws_kms_key", []modelCase{
		{
			Name:  "symmetric without usage",
			Attrs: `{"customer_master_key_spec": "SYMMETRIC_DEFAULT"}`,
			Want:  []line{key, usage("Requests", "10k requests", "0", "0.03", "0")},
		},
		{
			Name:  "symmetric by default, with usage",
			Attrs: `{}`,
			Usage: `{"monthly_requests": 1000000}`,
			Want:  []line{key, usage("Requests", "10k requests", "100", "0.03", "3")},
		},
		{
			Name:  "asymmetric",
			Attrs: `{"customer_master_key_spec": "RSA_4096"}`,
			Usage: `{"monthly_requests": 1000000}`,
			Want:  []line{key, usage("Requests (asymmetric, RSA_4096)", "10k requests", "100", "0.15", "15")},
		},
		{
			Name:  "RSA 2048 requests cost as symmetric ones",
			Attrs: `{"customer_master_key_spec": "RSA_2048"}`,
			Usage: `{"monthly_requests": 20000}`,
			Want:  []line{key, usage("Requests", "10k requests", "2", "0.03", "0.06")},
		},
	})
	runModel(t, "aws_kms_external_key", []modelCase{
		{Name: "imported key material", Attrs: `{}`, Want: []line{key, usage("Requests", "10k requests", "0", "0.03", "0")}},
	})
}
