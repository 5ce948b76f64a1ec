package plan

import (
	"fmt"
	"strings"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// place sets the region and tags of a resource; it reports whether an
// AWS resource had to fall back to DefaultRegion. guessed says the
// provider is the default one, assumed because the resource's block is
// gone from the configuration.
func (p *parser) place(r *change.Resource, provider *providerSettings, guessed bool) bool {
	vals := r.Values()
	var unknown map[string]any
	if r.Action.HasAfter() {
		unknown = r.AfterUnknown
	}
	switch family(r.Provider) {
	case "aws":
		var defaults map[string]string
		if provider != nil {
			defaults = provider.defaultTags
		}
		// Types without tags get none of the provider's default_tags.
		if r.Taggable, r.TagsUnknown = tagging(vals, unknown, "tags_all", "tags"); r.Taggable {
			r.Tags, r.UnknownTags = awsTags(vals, unknown, defaults)
		}
		own := knownString(vals, unknown, "region") // AWS provider v6
		// An existing object's ARN says where it runs, better than a
		// guessed provider.
		arn := arnRegion(knownString(vals, unknown, "arn"))
		configured := provider != nil && provider.region != ""
		switch {
		case own != "":
			r.Region, r.RegionFrom = own, change.RegionFromResource
		case configured && !guessed:
			r.Region, r.RegionFrom = provider.region, change.RegionFromProvider
		case arn != "":
			r.Region, r.RegionFrom = arn, change.RegionFromResource
		case configured:
			r.Region, r.RegionFrom = provider.region, change.RegionFromProvider
		case p.opts.Region != "":
			r.Region, r.RegionFrom = p.opts.Region, change.RegionFromFlag
		case p.opts.EnvRegion != "":
			r.Region, r.RegionFrom = p.opts.EnvRegion, change.RegionFromEnv
		default:
			r.Region, r.RegionFrom = DefaultRegion, change.RegionFromDefault
			return true
		}
	case "azurerm":
		r.Tags, r.UnknownTags = labelTags(vals, unknown, "tags")
		r.Taggable, r.TagsUnknown = tagging(vals, unknown, "tags")
		r.Region = knownString(vals, unknown, "location")
	case "google":
		r.Tags, r.UnknownTags = labelTags(vals, unknown, "effective_labels", "labels")
		r.Taggable, r.TagsUnknown = tagging(vals, unknown, "effective_labels", "labels")
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

// family names the provider families whose region and tags tollgate reads.
func family(provider string) string {
	if isAWS(provider) {
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

// regionNote explains the DefaultRegion fallback once per plan.
func regionNote(n int) string {
	what := "resource has"
	if n != 1 {
		what = "resources have"
	}
	return fmt.Sprintf("%d AWS %s no region in the plan (no region in the provider block, no --region, no AWS_REGION); %s was assumed: set --region or AWS_REGION", n, what, DefaultRegion)
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
