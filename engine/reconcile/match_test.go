package reconcile

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
)

func TestMatch(t *testing.T) {
	const (
		instARN = "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"
		lbARN   = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188"
		vmLower = "/subscriptions/abc/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm1"
		gcpSelf = "https://www.googleapis.com/compute/v1/projects/p1/zones/us-central1-a/instances/app"
		gcpFull = "//compute.googleapis.com/projects/p1/zones/us-central1-a/instances/app"
		gcpRel  = "projects/p1/zones/us-central1-a/instances/app"
	)
	tagged := func(id string, tags map[string]string) billing.Charge {
		c := charge(id, "2024-09-02", "1", "1", "1")
		c.Tags = tags
		return c
	}
	a := func(ids ...string) prediction.Recorded {
		return pred("aws_instance.a", "aws_instance", "c1", "2024-08-01", "73", ids)
	}
	b := func(ids ...string) prediction.Recorded {
		return pred("aws_instance.b", "aws_instance", "c1", "2024-08-01", "73", ids)
	}
	tests := []struct {
		name  string
		preds []prediction.Recorded
		bill  billing.Charge
		tag   string // Options.AddressTag
		want  []string
	}{
		{"bare id", []prediction.Recorded{a("i-0abc")}, tagged("i-0abc", nil), "", []string{"aws_instance.a/id"}},
		{"AWS ids are case-sensitive", []prediction.Recorded{a("i-0abc")}, tagged("I-0ABC", nil), "", nil},
		{"billed ARN of a bare id", []prediction.Recorded{a("i-0abc")}, tagged(instARN, nil), "", []string{"aws_instance.a/id"}},
		{"billed bare id of an ARN", []prediction.Recorded{a(instARN)}, tagged("i-0abc", nil), "", []string{"aws_instance.a/id"}},
		{"ARN service and region in any case", []prediction.Recorded{a(instARN)},
			tagged("arn:aws:EC2:US-EAST-1:123456789012:instance/i-0abc", nil), "", []string{"aws_instance.a/id"}},
		{"ARN resource is case-sensitive", []prediction.Recorded{a(instARN)},
			tagged("arn:aws:ec2:us-east-1:123456789012:instance/I-0ABC", nil), "", nil},
		{"ARN of another account", []prediction.Recorded{a(instARN)},
			tagged("arn:aws:ec2:us-east-1:999999999999:instance/i-0abc", nil), "", nil},
		{"Lambda ARN of a function name", []prediction.Recorded{a("my-func")},
			tagged("arn:aws:lambda:us-east-1:123456789012:function:my-func", nil), "", []string{"aws_instance.a/id"}},
		{"S3 ARN of a bucket name", []prediction.Recorded{a("logs-bucket")},
			tagged("arn:aws:s3:::logs-bucket", nil), "", []string{"aws_instance.a/id"}},
		{"load balancer ARN", []prediction.Recorded{a(lbARN)}, tagged(lbARN, nil), "", []string{"aws_instance.a/id"}},
		{"Azure ids are case-insensitive", []prediction.Recorded{a(azureVM)}, tagged(vmLower, nil), "", []string{"aws_instance.a/id"}},
		{"Azure id with a trailing slash", []prediction.Recorded{a(azureVM)}, tagged(vmLower+"/", nil), "", []string{"aws_instance.a/id"}},
		{"GCP self link and full name", []prediction.Recorded{a(gcpSelf)}, tagged(gcpFull, nil), "", []string{"aws_instance.a/id"}},
		{"GCP self link and relative name", []prediction.Recorded{a(gcpSelf)}, tagged(gcpRel, nil), "", []string{"aws_instance.a/id"}},
		{"GCP relative and full name", []prediction.Recorded{a(gcpRel)}, tagged(gcpFull, nil), "", []string{"aws_instance.a/id"}},
		{"GCP bucket self link", []prediction.Recorded{a("https://www.googleapis.com/storage/v1/b/assets")},
			tagged("//storage.googleapis.com/projects/_/buckets/assets", nil), "", []string{"aws_instance.a/id"}},
		{"GCP VM billed by its numeric id", []prediction.Recorded{a(gcpSelf, "8812345678901234567")},
			tagged("//compute.googleapis.com/projects/p1/zones/us-central1-a/instances/8812345678901234567", nil), "", []string{"aws_instance.a/id"}},
		{"GCP numeric id of another VM", []prediction.Recorded{a(gcpSelf, "8812345678901234567")},
			tagged("//compute.googleapis.com/projects/p1/zones/us-central1-a/instances/1234", nil), "", nil},
		{"GCP other instance", []prediction.Recorded{a(gcpSelf)},
			tagged("//compute.googleapis.com/projects/p1/zones/us-central1-a/instances/other", nil), "", nil},
		{"address tag", []prediction.Recorded{a()}, tagged("x", map[string]string{"tollgate-address": "aws_instance.a"}), "", []string{"aws_instance.a/tag"}},
		{"address tag with AWS user: prefix", []prediction.Recorded{a()},
			tagged("x", map[string]string{"user:tollgate-address": "aws_instance.a"}), "", []string{"aws_instance.a/tag"}},
		{"address tag key in any case", []prediction.Recorded{a()},
			tagged("x", map[string]string{"User:Tollgate-Address": " aws_instance.a "}), "", []string{"aws_instance.a/tag"}},
		{"address tag as CUR 2.0 writes it", []prediction.Recorded{a()},
			tagged("x", map[string]string{"user_tollgate_address": "aws_instance.a"}), "", []string{"aws_instance.a/tag"}},
		{"address tag on a line naming no resource", []prediction.Recorded{a()},
			tagged("", map[string]string{"tollgate-address": "aws_instance.a"}), "", []string{"aws_instance.a/tag"}},
		{"custom address tag", []prediction.Recorded{a()},
			tagged("x", map[string]string{"user:tf-address": "aws_instance.a"}), "tf-address", []string{"aws_instance.a/tag"}},
		{"default tag ignored when another is asked for", []prediction.Recorded{a()},
			tagged("x", map[string]string{"tollgate-address": "aws_instance.a"}), "tf-address", nil},
		{"address tag of an unknown address", []prediction.Recorded{a()},
			tagged("x", map[string]string{"tollgate-address": "aws_instance.zz"}), "", nil},
		{"id before tag", []prediction.Recorded{a("i-0abc"), b()},
			tagged("i-0abc", map[string]string{"tollgate-address": "aws_instance.b"}), "", []string{"aws_instance.a/id"}},
		{"tag when the id is unknown", []prediction.Recorded{a("i-0abc"), b()},
			tagged("i-0zzz", map[string]string{"tollgate-address": "aws_instance.b"}), "", []string{"aws_instance.b/tag"}},
		{"bare id of two ARNs is ambiguous", []prediction.Recorded{
			a("arn:aws:ec2:us-east-1:111111111111:instance/i-0abc"), b("arn:aws:ec2:us-east-1:222222222222:instance/i-0abc")},
			tagged("i-0abc", nil), "", nil},
		{"id claimed twice goes to the first address", []prediction.Recorded{a("i-0abc"), b("i-0abc")},
			tagged("i-0abc", nil), "", []string{"aws_instance.a/id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := []billing.Summary{{Name: "bill.csv", PeriodStart: at("2024-09-01"), PeriodEnd: at("2024-10-01")}}
			r := Reconcile(tt.preds, []billing.Charge{tt.bill}, files, Options{AddressTag: tt.tag})
			var got []string
			for _, res := range r.Resources {
				if res.MatchedBy != "" {
					got = append(got, res.Address+"/"+res.MatchedBy)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("matched (-want +got):\n%s", diff)
			}
			if len(got) == 0 && len(r.Unmatched) != 1 {
				t.Errorf("unmatched charge not reported: %+v", r.Unmatched)
			}
		})
	}
}

// The same address recorded by two repositories is two resources, and a
// tag naming it cannot say which.
func TestMatchAddressInTwoRepos(t *testing.T) {
	a := pred("aws_instance.a", "aws_instance", "c1", "2024-08-01", "73", []string{"i-1"})
	b := pred("aws_instance.a", "aws_instance", "c9", "2024-08-01", "73", []string{"i-2"})
	b.Repo = "acme/other"
	bill := []billing.Charge{
		charge("i-2", "2024-09-02", "5", "5", "5"),
		charge("x", "2024-09-02", "7", "7", "7"),
	}
	bill[1].Tags = map[string]string{"tollgate-address": "aws_instance.a"}
	files := []billing.Summary{{Name: "bill.csv", PeriodStart: at("2024-09-01"), PeriodEnd: at("2024-10-01")}}
	r := Reconcile([]prediction.Recorded{a, b}, bill, files, Options{})
	var got []string
	for _, res := range r.Resources {
		got = append(got, res.Repo+" "+res.Address+" "+res.MatchedBy+" "+res.ActualList.String())
	}
	want := []string{"acme/infra aws_instance.a  0", "acme/other aws_instance.a id 5"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resources (-want +got):\n%s", diff)
	}
	if len(r.Unmatched) != 1 || r.Unmatched[0].ResourceID != "x" {
		t.Errorf("ambiguous tag: want x unmatched, got %+v", r.Unmatched)
	}
}

func TestIDKey(t *testing.T) {
	tests := []struct {
		id, key, tail string
	}{
		{"i-0abc", "id:i-0abc", ""},
		{" i-0abc ", "id:i-0abc", ""},
		{"", "", ""},
		{"arn:aws:ec2:us-east-1:1:instance/i-0abc", "arn:aws:ec2:us-east-1:1:instance/i-0abc", "i-0abc"},
		{"arn:AWS:EC2:US-EAST-1:1:instance/i-0abc", "arn:aws:ec2:us-east-1:1:instance/i-0abc", "i-0abc"},
		{"arn:aws:lambda:us-east-1:1:function:f", "arn:aws:lambda:us-east-1:1:function:f", "f"},
		{"arn:aws:s3:::bucket", "arn:aws:s3:::bucket", "bucket"},
		{"arn:aws:rds:us-east-1:1:db:mydb", "arn:aws:rds:us-east-1:1:db:mydb", "mydb"},
		{"arn:broken", "id:arn:broken", ""},
		{"/SUBSCRIPTIONS/A/resourceGroups/B", "azure:/subscriptions/a/resourcegroups/b", ""},
		{"/providers/Microsoft.Capacity/reservationOrders/X/", "azure:/providers/microsoft.capacity/reservationorders/x", ""},
		{"//compute.googleapis.com/projects/p/zones/z/instances/i", "gcp:projects/p/zones/z/instances/i", "i"},
		{"https://www.googleapis.com/compute/v1/projects/p/global/networks/n", "gcp:projects/p/global/networks/n", "n"},
		{"https://www.googleapis.com/storage/v1/b/bk", "gcp:projects/_/buckets/bk", "bk"},
		{"https://example.googleapis.com/nothing", "id:https://example.googleapis.com/nothing", ""},
	}
	for _, tt := range tests {
		k, tail, _ := idKey(tt.id)
		if k != tt.key || tail != tt.tail {
			t.Errorf("idKey(%q) = %q, %q; want %q, %q", tt.id, k, tail, tt.key, tt.tail)
		}
	}
}

func FuzzIDKey(f *testing.F) {
	for _, s := range []string{"i-0abc", "arn:aws:ec2:us-east-1:1:instance/i-0abc", "arn:aws:s3:::b", "/subscriptions/x",
		"//compute.googleapis.com/projects/p/zones/z/instances/i", "projects/p", "https://www.googleapis.com/storage/v1/b/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		k, _, isARN := idKey(id)
		if (k == "") != (len(strings.TrimSpace(id)) == 0) {
			t.Fatalf("idKey(%q) = %q: empty key for a non-empty id or the reverse", id, k)
		}
		// Normalizing twice changes nothing: a normalized ARN or id names
		// the same resource.
		if isARN {
			k2, _, _ := idKey(k)
			if k2 != k {
				t.Fatalf("ARN key not stable: %q then %q", k, k2)
			}
		}
	})
}
