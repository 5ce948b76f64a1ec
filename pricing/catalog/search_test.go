package catalog_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

func TestFields(t *testing.T) {
	tests := []struct {
		name, service, key string
		want               map[string]string
	}{
		{"instance", "aws-ec2", "instance/m5.large/linux", map[string]string{"key": "instance/m5.large/linux", "kind": "instance", "instance_type": "m5.large", "os": "linux"}},
		{"multi-az beats the shorter template", "aws-rds", "instance/db.t3.micro/postgres/multi-az", map[string]string{"key": "instance/db.t3.micro/postgres/multi-az", "kind": "instance", "instance_class": "db.t3.micro", "engine": "postgres"}},
		{"literal part must match", "aws-ebs", "io-requests/standard", map[string]string{"key": "io-requests/standard", "kind": "io-requests"}},
		{"unknown service", "aws-nothing", "a/b", map[string]string{"key": "a/b", "kind": "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, catalog.Fields(tt.service, tt.key)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestSearch(t *testing.T) {
	c, err := catalog.Open(build(t, sampleBuilder(t)))
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ Region, Key, Price, Approximation string }
	tests := []struct {
		name    string
		q       catalog.Query
		want    []row
		wantErr string
	}{
		{
			name: "by field",
			q:    catalog.Query{Service: "aws-ec2", Filters: map[string]string{"instance_type": "m5.*"}},
			want: []row{{"eu-west-1", "instance/m5.large/linux", "0.107", ""}, {"us-east-1", "instance/m5.large/linux", "0.096", ""}},
		},
		{
			name: "by region",
			q:    catalog.Query{Service: "aws-ec2", Region: "eu-west-1"},
			want: []row{{"eu-west-1", "instance/m5.large/linux", "0.107", ""}},
		},
		{
			name: "a twin lends what it may",
			q:    catalog.Query{Service: "aws-ebs", Region: "us-west-2"},
			want: []row{{"us-west-2", "storage/gp3", "0.08", "us-west-2 price from us-east-1: identical EC2 prices"}},
		},
		{
			name: "no match",
			q:    catalog.Query{Service: "aws-ec2", Filters: map[string]string{"os": "windows"}},
		},
		{
			name:    "unknown field",
			q:       catalog.Query{Service: "aws-ec2", Filters: map[string]string{"size": "x"}},
			wantErr: `aws-ec2 has no field "size": filter on key, kind, instance_type, os, family`,
		},
		{
			name:    "bad pattern",
			q:       catalog.Query{Service: "aws-ec2", Filters: map[string]string{"key": "["}},
			wantErr: "filter key=[: bad pattern",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Search(tt.q)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var rows []row
			for _, m := range got {
				rows = append(rows, row{m.Region, m.Key, m.Price.Amount.String(), m.Price.Approximation})
			}
			if diff := cmp.Diff(tt.want, rows); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
