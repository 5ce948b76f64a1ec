// Package provider decides what a resource's provider configuration gives
// it: its region and its effective tags. Both input readers (engine/plan
// for plan JSON, engine/config for .tf directories) read their provider
// blocks their own way and leave the decision to Place, so that the two
// modes place a resource identically.
package provider

import (
	"fmt"
	"strings"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// DefaultRegion is assumed for AWS resources that nothing gives a region.
const DefaultRegion = "us-east-1"

// Options are what the caller knows about the run beyond the
// configuration.
type Options struct {
	Region    string // --region: for AWS resources whose provider sets none
	EnvRegion string // AWS_REGION or AWS_DEFAULT_REGION, resolved by the caller
	// Configured says the values hold only the arguments the configuration
	// sets (.tf input, no provider schema): whether a type takes tags then
	// comes from TakesTags when its values do not show it.
	Configured bool
}

// Settings is what tollgate reads from a provider block.
type Settings struct {
	Region      string            // "" when not a known constant
	DefaultTags map[string]string // nil when none or not known
	// UnknownDefaultTags are default_tags keys whose values are known only
	// after apply; DefaultTagsUnknown says the whole default_tags map is.
	// Plan JSON carries these in tags_all, so only .tf input sets them.
	UnknownDefaultTags []string
	DefaultTagsUnknown bool
	// Assumed is set when these are the default provider's settings,
	// assumed because the resource's block is gone from the configuration:
	// a region the resource's own ARN gives then wins.
	Assumed bool
}

// Place sets the region and tags of a resource from its values (After,
// or Before for a deletion) and its provider's settings (nil when it has
// no provider block). It reports whether an AWS resource had to fall back
// to DefaultRegion, which callers explain once with RegionNote.
func Place(r *change.Resource, s *Settings, opts Options) (defaulted bool) {
	vals := r.Values()
	var unknown map[string]any
	if r.Action.HasAfter() {
		unknown = r.AfterUnknown
	}
	if s == nil {
		s = &Settings{}
	}
	switch family(r.Provider) {
	case "aws":
		// Types without tags get none of the provider's default_tags.
		r.Taggable, r.TagsUnknown = tagging(vals, unknown, "tags_all", "tags")
		r.Taggable = r.Taggable || opts.Configured && TakesTags(r.Type)
		if r.Taggable {
			r.Tags, r.UnknownTags = awsTags(vals, unknown, s)
			r.TagsUnknown = r.TagsUnknown || (s.DefaultTagsUnknown && !knownTagsAll(vals, unknown))
		}
		own := knownString(vals, unknown, "region") // AWS provider v6
		// An existing object's ARN says where it runs, better than a
		// guessed provider.
		arn := arnRegion(knownString(vals, unknown, "arn"))
		configured := s.Region != ""
		switch {
		case own != "":
			r.Region, r.RegionFrom = own, change.RegionFromResource
		case configured && !s.Assumed:
			r.Region, r.RegionFrom = s.Region, change.RegionFromProvider
		case arn != "":
			r.Region, r.RegionFrom = arn, change.RegionFromResource
		case configured:
			r.Region, r.RegionFrom = s.Region, change.RegionFromProvider
		case opts.Region != "":
			r.Region, r.RegionFrom = opts.Region, change.RegionFromFlag
		case opts.EnvRegion != "":
			r.Region, r.RegionFrom = opts.EnvRegion, change.RegionFromEnv
		default:
			r.Region, r.RegionFrom = DefaultRegion, change.RegionFromDefault
			return true
		}
	case "azurerm":
		r.Tags, r.UnknownTags = labelTags(vals, unknown, "tags")
		r.Taggable, r.TagsUnknown = tagging(vals, unknown, "tags")
		r.Taggable = r.Taggable || opts.Configured && TakesTags(r.Type)
		r.Region = knownString(vals, unknown, "location")
	case "google":
		r.Tags, r.UnknownTags = labelTags(vals, unknown, "effective_labels", "labels")
		r.Taggable, r.TagsUnknown = tagging(vals, unknown, "effective_labels", "labels")
		r.Taggable = r.Taggable || opts.Configured && TakesTags(r.Type)
		for _, a := range []string{"region", "location", "zone"} {
			if r.Region = googleRegion(knownString(vals, unknown, a)); r.Region != "" {
				break
			}
		}
	default:
		r.Tags, r.UnknownTags = labelTags(vals, unknown, "tags", "labels")
		r.Taggable, r.TagsUnknown = tagging(vals, unknown, "tags", "labels")
	}
	if r.Region != "" && r.RegionFrom == "" {
		r.RegionFrom = change.RegionFromResource
	}
	return false
}

// RegionNote explains the DefaultRegion fallback of n resources, once per
// change set; input names what was read: "plan" or "configuration".
func RegionNote(n int, input string) string {
	what := "resource has"
	if n != 1 {
		what = "resources have"
	}
	return fmt.Sprintf("%d AWS %s no region in the %s (no region in the provider block, no --region, no AWS_REGION); %s was assumed: set --region or AWS_REGION", n, what, input, DefaultRegion)
}

// IsAWS reports whether a provider (source address or, before Terraform
// 0.13, bare name) is the AWS provider.
func IsAWS(provider string) bool {
	return provider == "aws" || strings.HasSuffix(provider, "/aws")
}

// family names the provider families whose region and tags tollgate reads.
func family(provider string) string {
	if IsAWS(provider) {
		return "aws"
	}
	name := provider[strings.LastIndexByte(provider, '/')+1:]
	switch name {
	case "azurerm":
		return "azurerm"
	case "google", "google-beta":
		return "google"
	}
	return ""
}

// knownString returns a string attribute that is known, not redacted and
// not empty, else "".
func knownString(vals, unknown map[string]any, attr string) string {
	if unknown[attr] == true {
		return ""
	}
	s, _ := vals[attr].(string)
	if s == change.Sensitive {
		return ""
	}
	return s
}

// arnRegion returns the region field of an ARN
// (arn:partition:service:region:account:resource), "" for global
// services and anything else.
func arnRegion(arn string) string {
	parts := strings.SplitN(arn, ":", 5)
	if len(parts) < 5 || parts[0] != "arn" {
		return ""
	}
	return parts[3]
}

// googleRegion turns a Google Cloud zone (europe-west1-b) into its region
// (europe-west1); regions and multi-regions (EU) pass unchanged.
func googleRegion(loc string) string {
	k := strings.LastIndexByte(loc, '-')
	if k > 0 && k == len(loc)-2 && loc[k+1] >= 'a' && loc[k+1] <= 'z' && strings.Count(loc, "-") >= 2 {
		return loc[:k]
	}
	return loc
}
