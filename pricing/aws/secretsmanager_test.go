package aws_test

import "testing"

func TestSecretsmanagerSecret(t *testing.T) {
	secret := priced("Secret", "months", "1", "0.4", "0.4")
	runModel(t, "aws_secretsmanager_secret", []modelCase{
		{Name: "without usage", Attrs: `{"name": "db"}`, Want: []line{secret, usage("API requests", "10k requests", "0", "0.05", "0")}},
		{Name: "with usage", Attrs: `{"name": "db"}`, Usage: `{"monthly_requests": 50000}`, Want: []line{secret, usage("API requests", "10k requests", "5", "0.05", "0.25")}},
		{
			Name:  "replicas are not priced",
			Attrs: `{"name": "db", "replica": [{"region": "eu-west-1"}]}`,
			Want: []line{
				secret,
				usage("API requests", "10k requests", "0", "0.05", "0"),
				unpriced("Secret replica (eu-west-1)", "months", "0", "replica in eu-west-1 is not priced (each replica is billed as a secret in its own region)"),
			},
		},
	})
}
