package aws_test

import "testing"

func TestKMSKey(t *testing.T) {
	key := svcPriced("Customer managed key", "months", "1", "1", "1")
	svcRun(t, "aws_kms_key", []svcCase{
		{
			name:  "symmetric without usage",
			attrs: `{"customer_master_key_spec": "SYMMETRIC_DEFAULT"}`,
			want:  []svcComp{key, svcUsage("Requests", "10k requests", "0", "0.03", "0")},
		},
		{
			name:  "symmetric by default, with usage",
			attrs: `{}`,
			usage: `{"monthly_requests": 1000000}`,
			want:  []svcComp{key, svcUsage("Requests", "10k requests", "100", "0.03", "3")},
		},
		{
			name:  "asymmetric",
			attrs: `{"customer_master_key_spec": "RSA_4096"}`,
			usage: `{"monthly_requests": 1000000}`,
			want:  []svcComp{key, svcUsage("Requests (asymmetric, RSA_4096)", "10k requests", "100", "0.15", "15")},
		},
		{
			name:  "RSA 2048 requests cost as symmetric ones",
			attrs: `{"customer_master_key_spec": "RSA_2048"}`,
			usage: `{"monthly_requests": 20000}`,
			want:  []svcComp{key, svcUsage("Requests", "10k requests", "2", "0.03", "0.06")},
		},
	})
	svcRun(t, "aws_kms_external_key", []svcCase{
		{name: "imported key material", attrs: `{}`, want: []svcComp{key, svcUsage("Requests", "10k requests", "0", "0.03", "0")}},
	})
}
