package aws_test

import "testing"

func TestKMSKey(t *testing.T) {
	key := priced("Customer managed key", "months", "1", "1", "1")
	runModel(t, "aws_kms_key", []modelCase{
		{
			name:  "symmetric without usage",
			attrs: `{"customer_master_key_spec": "SYMMETRIC_DEFAULT"}`,
			want:  []line{key, usage("Requests", "10k requests", "0", "0.03", "0")},
		},
		{
			name:  "symmetric by default, with usage",
			attrs: `{}`,
			usage: `{"monthly_requests": 1000000}`,
			want:  []line{key, usage("Requests", "10k requests", "100", "0.03", "3")},
		},
		{
			name:  "asymmetric",
			attrs: `{"customer_master_key_spec": "RSA_4096"}`,
			usage: `{"monthly_requests": 1000000}`,
			want:  []line{key, usage("Requests (asymmetric, RSA_4096)", "10k requests", "100", "0.15", "15")},
		},
		{
			name:  "RSA 2048 requests cost as symmetric ones",
			attrs: `{"customer_master_key_spec": "RSA_2048"}`,
			usage: `{"monthly_requests": 20000}`,
			want:  []line{key, usage("Requests", "10k requests", "2", "0.03", "0.06")},
		},
	})
	runModel(t, "aws_kms_external_key", []modelCase{
		{name: "imported key material", attrs: `{}`, want: []line{key, usage("Requests", "10k requests", "0", "0.03", "0")}},
	})
}
