package seed

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// prices makes n instance types priced 0.1, 0.2, ...; the first differ of
// them get another price.
func prices(n, differ int) map[string]decimal.Decimal {
	m := map[string]decimal.Decimal{}
	for i := 0; i < n; i++ {
		p := decimal.New(int64(i+1), -1)
		if i < differ {
			p = p.Add(decimal.New(1, -3))
		}
		m[fmt.Sprintf("t%d.large", i)] = p
	}
	return m
}

func keySet(keys ...string) map[string]bool {
	m := map[string]bool{}
	for _, k := range keys {
		m[k] = true
	}
	return m
}

func TestTwins(t *testing.T) {
	tests := []struct {
		name  string
		linux linuxPrices
		keys  map[string]map[string]map[string]bool
		want  []string
	}{
		{
			name:  "identical region borrows, both ways only where it lacks keys",
			linux: linuxPrices{"home": prices(120, 0), "alike": prices(120, 0)},
			keys:  map[string]map[string]map[string]bool{"aws-ebs": {"home": keySet("a", "b"), "alike": keySet("a")}},
			want:  []string{"aws-ebs alike -> home: EC2 on-demand Linux prices identical for 120 of 120 instance types offered in both regions"},
		},
		{
			name:  "95% identical is alike",
			linux: linuxPrices{"home": prices(100, 0), "near": prices(100, 5)},
			keys:  map[string]map[string]map[string]bool{"aws-vpc": {"home": keySet("a")}},
			want:  []string{"aws-vpc near -> home: EC2 on-demand Linux prices identical for 95 of 100 instance types offered in both regions"},
		},
		{
			name:  "94% identical is not",
			linux: linuxPrices{"home": prices(100, 0), "far": prices(100, 6)},
			keys:  map[string]map[string]map[string]bool{"aws-vpc": {"home": keySet("a")}},
		},
		{
			name:  "too few types in common",
			linux: linuxPrices{"home": prices(99, 0), "small": prices(99, 0)},
			keys:  map[string]map[string]map[string]bool{"aws-vpc": {"home": keySet("a")}},
		},
		{
			name:  "instance keys are never borrowed, other rates of the same service are",
			linux: linuxPrices{"home": prices(120, 0), "alike": prices(120, 0)},
			keys: map[string]map[string]map[string]bool{
				"aws-ec2": {"home": keySet("instance/t0.large/linux")},
				"aws-rds": {"home": keySet("storage/gp2", "instance/db.t0.large/postgres")},
			},
			want: []string{
				"aws-rds alike -> home: EC2 on-demand Linux prices identical for 120 of 120 instance types offered in both regions",
			},
		},
		{
			name:  "the alike region with the most keys wins",
			linux: linuxPrices{"a": prices(120, 0), "b": prices(120, 0), "c": prices(120, 0)},
			keys:  map[string]map[string]map[string]bool{"aws-dynamodb": {"a": keySet("storage"), "b": keySet("storage", "provisioned/wcu")}},
			want: []string{
				"aws-dynamodb a -> b: EC2 on-demand Linux prices identical for 120 of 120 instance types offered in both regions",
				"aws-dynamodb c -> b: EC2 on-demand Linux prices identical for 120 of 120 instance types offered in both regions",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tw := range Twins(tt.linux, tt.keys) {
				got = append(got, fmt.Sprintf("%s %s -> %s: %s", tw.Service, tw.Region, tw.Twin, tw.Evidence))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("twins (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTwinsOfSharedData checks the twins the real data gives.
func TestTwinsOfSharedData(t *testing.T) {
	_, report, _ := build(t)
	want := map[string]string{}
	for _, svc := range twinServices {
		want[svc+" us-west-2"] = "us-east-1"
		want[svc+" us-east-2"] = "us-east-1"
	}
	// us-east-2 holds DynamoDB's provisioned-capacity rows; us-east-1 and
	// us-west-2 borrow those from it.
	want["aws-dynamodb us-east-1"] = "us-east-2"
	want["aws-dynamodb us-west-2"] = "us-east-2"
	delete(want, "aws-dynamodb us-east-2")
	got := map[string]string{}
	for _, line := range report.Twins {
		var svc, region, twin string
		if _, err := fmt.Sscanf(line, "%s %s -> %s", &svc, &region, &twin); err != nil {
			t.Fatalf("twin %q: %v", line, err)
		}
		got[svc+" "+region] = twin[:len(twin)-1] // drop the colon
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("twins (-want +got):\n%s", diff)
	}
}
