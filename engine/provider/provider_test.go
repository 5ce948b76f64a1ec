package provider

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/engine/change"
)

const aws = "registry.terraform.io/hashicorp/aws"

// placed is what Place decides for a resource.
type placed struct {
	Region, RegionFrom string
	Tags               map[string]string
	UnknownTags        []string
	TagsUnknown        bool
	Taggable           bool
	Defaulted          bool
}

func TestPlace(t *testing.T) {
	tests := []struct {
		name     string
		res      change.Resource
		settings *Settings
		opts     Options
		want     placed
	}{
		{
			name:     "aws: own region wins over the provider",
			res:      change.Resource{Provider: aws, Action: change.Create, After: map[string]any{"region": "ap-south-1"}},
			settings: &Settings{Region: "eu-west-1"},
			want:     placed{Region: "ap-south-1", RegionFrom: change.RegionFromResource},
		},
		{
			name:     "aws: provider region",
			res:      change.Resource{Provider: aws, Action: change.Create, After: map[string]any{}},
			settings: &Settings{Region: "eu-west-1"},
			opts:     Options{Region: "us-west-2"},
			want:     placed{Region: "eu-west-1", RegionFrom: change.RegionFromProvider},
		},
		{
			name:     "aws: an assumed provider loses to the ARN",
			res:      change.Resource{Provider: aws, Action: change.Delete, Before: map[string]any{"arn": "arn:aws:ec2:sa-east-1:123:instance/i-1"}},
			settings: &Settings{Region: "eu-west-1", Assumed: true},
			want:     placed{Region: "sa-east-1", RegionFrom: change.RegionFromResource},
		},
		{
			name:     "aws: a configured provider wins over the ARN",
			res:      change.Resource{Provider: aws, Action: change.Delete, Before: map[string]any{"arn": "arn:aws:ec2:sa-east-1:123:instance/i-1"}},
			settings: &Settings{Region: "eu-west-1"},
			want:     placed{Region: "eu-west-1", RegionFrom: change.RegionFromProvider},
		},
		{
			name: "aws: flag, then environment, then default",
			res:  change.Resource{Provider: aws, Action: change.Create, After: map[string]any{}},
			opts: Options{Region: "us-west-2", EnvRegion: "eu-north-1"},
			want: placed{Region: "us-west-2", RegionFrom: change.RegionFromFlag},
		},
		{
			name: "aws: environment",
			res:  change.Resource{Provider: aws, Action: change.Create, After: map[string]any{}},
			opts: Options{EnvRegion: "eu-north-1"},
			want: placed{Region: "eu-north-1", RegionFrom: change.RegionFromEnv},
		},
		{
			name: "aws: default",
			res:  change.Resource{Provider: "aws", Action: change.Create, After: map[string]any{}},
			want: placed{Region: DefaultRegion, RegionFrom: change.RegionFromDefault, Defaulted: true},
		},
		{
			name: "aws: unknown own region falls back",
			res:  change.Resource{Provider: aws, Action: change.Create, After: map[string]any{}, AfterUnknown: map[string]any{"region": true}},
			opts: Options{Region: "us-west-2"},
			want: placed{Region: "us-west-2", RegionFrom: change.RegionFromFlag},
		},
		{
			name: "aws: tags_all is the effective tags",
			res: change.Resource{Provider: aws, Action: change.Create, After: map[string]any{
				"tags": map[string]any{"a": "1"}, "tags_all": map[string]any{"a": "1", "d": "x"},
			}},
			settings: &Settings{Region: "eu-west-1", DefaultTags: map[string]string{"ignored": "because tags_all is known"}},
			want:     placed{Region: "eu-west-1", RegionFrom: change.RegionFromProvider, Tags: map[string]string{"a": "1", "d": "x"}, Taggable: true},
		},
		{
			name: "aws: defaults merged under own tags, unknown defaults reported",
			res: change.Resource{Provider: aws, Action: change.Create, After: map[string]any{
				"tags": map[string]any{"Team": "own", "n": map[string]any{}},
			}, AfterUnknown: map[string]any{"tags": map[string]any{"Late": true}}},
			settings: &Settings{Region: "eu-west-1", DefaultTags: map[string]string{"Team": "default", "Env": "prod"}, UnknownDefaultTags: []string{"Account", "Team"}},
			want: placed{
				Region: "eu-west-1", RegionFrom: change.RegionFromProvider,
				Tags:        map[string]string{"Team": "own", "Env": "prod"},
				UnknownTags: []string{"Account", "Late"},
				Taggable:    true,
			},
		},
		{
			name:     "aws: unknown default_tags make the tags unknown",
			res:      change.Resource{Provider: aws, Action: change.Create, After: map[string]any{"tags": map[string]any{"a": "1"}}},
			settings: &Settings{Region: "eu-west-1", DefaultTagsUnknown: true},
			want:     placed{Region: "eu-west-1", RegionFrom: change.RegionFromProvider, Tags: map[string]string{"a": "1"}, TagsUnknown: true, Taggable: true},
		},
		{
			name:     "aws: no tags attribute, no default tags",
			res:      change.Resource{Provider: aws, Action: change.Create, After: map[string]any{}},
			settings: &Settings{Region: "eu-west-1", DefaultTags: map[string]string{"Env": "prod"}},
			want:     placed{Region: "eu-west-1", RegionFrom: change.RegionFromProvider},
		},
		{
			name: "azurerm: location and tags",
			res:  change.Resource{Provider: "registry.terraform.io/hashicorp/azurerm", Action: change.Create, After: map[string]any{"location": "westeurope", "tags": map[string]any{"a": "b"}}},
			want: placed{Region: "westeurope", RegionFrom: change.RegionFromResource, Tags: map[string]string{"a": "b"}, Taggable: true},
		},
		{
			name: "google: zone gives the region, labels the tags",
			res:  change.Resource{Provider: "registry.terraform.io/hashicorp/google-beta", Action: change.Create, After: map[string]any{"zone": "europe-west1-b", "labels": map[string]any{"a": "b"}}},
			want: placed{Region: "europe-west1", RegionFrom: change.RegionFromResource, Tags: map[string]string{"a": "b"}, Taggable: true},
		},
		{
			name: "google: multi-region location passes unchanged",
			res:  change.Resource{Provider: "registry.terraform.io/hashicorp/google", Action: change.Create, After: map[string]any{"location": "EU"}},
			want: placed{Region: "EU", RegionFrom: change.RegionFromResource},
		},
		{
			name: "other providers: tags or labels, no region",
			res:  change.Resource{Provider: "registry.terraform.io/hashicorp/null", Action: change.Create, After: map[string]any{"labels": map[string]any{"n": 1.5}}},
			want: placed{Tags: map[string]string{"n": "1.5"}, Taggable: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.res
			defaulted := Place(&r, tt.settings, tt.opts)
			got := placed{r.Region, r.RegionFrom, r.Tags, r.UnknownTags, r.TagsUnknown, r.Taggable, defaulted}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Place (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRegionNote(t *testing.T) {
	for _, tt := range []struct {
		n     int
		input string
		want  string
	}{
		{1, "plan", "1 AWS resource has no region in the plan (no region in the provider block, no --region, no AWS_REGION); us-east-1 was assumed: set --region or AWS_REGION"},
		{3, "configuration", "3 AWS resources have no region in the configuration (no region in the provider block, no --region, no AWS_REGION); us-east-1 was assumed: set --region or AWS_REGION"},
	} {
		if got := RegionNote(tt.n, tt.input); got != tt.want {
			t.Errorf("RegionNote(%d, %q) = %q, want %q", tt.n, tt.input, got, tt.want)
		}
	}
}

// TestConfiguredTaggable checks .tf input, where values hold only what the
// block sets: a known taggable type that sets no tags still takes the
// provider's default_tags and is judged by required-tags.
func TestConfiguredTaggable(t *testing.T) {
	defaults := &Settings{Region: "us-east-1", DefaultTags: map[string]string{"team": "web"}}
	for _, tc := range []struct {
		typ        string
		configured bool
		taggable   bool
		tags       map[string]string
	}{
		{"aws_instance", true, true, map[string]string{"team": "web"}},
		{"aws_instance", false, false, nil}, // plan values hold every attribute: no tags key, no tags
		{"aws_iam_role_policy_attachment", true, false, nil},
		{"aws_fsx_lustre_file_system", true, true, map[string]string{"team": "web"}},
	} {
		r := &change.Resource{Address: tc.typ + ".x", Type: tc.typ, Provider: "registry.terraform.io/hashicorp/aws",
			Action: change.Create, After: map[string]any{"name": "x"}}
		Place(r, defaults, Options{Configured: tc.configured})
		if r.Taggable != tc.taggable || !cmp.Equal(r.Tags, tc.tags) {
			t.Errorf("%s (configured %v): Taggable %v, tags %v; want %v, %v", tc.typ, tc.configured, r.Taggable, r.Tags, tc.taggable, tc.tags)
		}
	}
}
