package aws_test

import "testing"

func TestSecretsmanagerSecret(t *testing.T) {
	secret := svcPriced("Secret", "months", "1", "0.4", "0.4")
	svcRun(t, "aws_secretsmanager_secret", []svcCase{
		{name: "without usage", attrs: `{"name": "db"}`, want: []svcComp{secret, svcUsage("API requests", "10k requests", "0", "0.05", "0")}},
		{name: "with usage", attrs: `{"name": "db"}`, usage: `{"monthly_requests": 50000}`, want: []svcComp{secret, svcUsage("API requests", "10k requests", "5", "0.05", "0.25")}},
		{
			name:  "replicas are not priced",
			attrs: `{"name": "db", "replica": [{"region": "eu-west-1"}]}`,
			want: []svcComp{
				secret,
				svcUsage("API requests", "10k requests", "0", "0.05", "0"),
				svcUnpriced("Secret replica (eu-west-1)", "months", "0", "replica in eu-west-1 is not priced (each replica is billed as a secret in its own region)"),
			},
		},
	})
}
