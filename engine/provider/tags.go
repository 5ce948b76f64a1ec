package provider

import (
	"encoding/json"
	"slices"
	"sort"
	"strconv"
)

// awsTags returns the effective tags of an AWS resource and the keys whose
// values are known only after apply. tags_all already holds the provider's
// default_tags merged under the resource's tags; when it is not known (or,
// from .tf input, absent) the merge is done here.
func awsTags(vals, unknown map[string]any, s *Settings) (map[string]string, []string) {
	if knownTagsAll(vals, unknown) {
		return knownTags(vals["tags_all"].(map[string]any), unknown["tags_all"])
	}
	own, unknownKeys := knownTags(asObject(vals["tags"]), unknown["tags"])
	if len(s.DefaultTags) == 0 && len(s.UnknownDefaultTags) == 0 {
		return own, unknownKeys
	}
	merged := make(map[string]string, len(s.DefaultTags)+len(own))
	for k, v := range s.DefaultTags {
		merged[k] = v
	}
	// A default whose value is unknown stays unknown unless the
	// resource's own tags set the key.
	for _, k := range s.UnknownDefaultTags {
		if _, set := own[k]; !set {
			delete(merged, k)
			unknownKeys = append(unknownKeys, k)
		}
	}
	for k, v := range own {
		merged[k] = v
	}
	for _, k := range unknownKeys {
		delete(merged, k)
	}
	return merged, slices.Compact(slices.Sorted(slices.Values(unknownKeys)))
}

// knownTagsAll reports whether the values hold a known tags_all map.
func knownTagsAll(vals, unknown map[string]any) bool {
	_, ok := vals["tags_all"].(map[string]any)
	return ok && unknown["tags_all"] != true
}

// labelTags returns the tags of a non-AWS resource from the first of
// attrs that holds a map (azurerm tags, google effective_labels/labels).
func labelTags(vals, unknown map[string]any, attrs ...string) (map[string]string, []string) {
	for _, a := range attrs {
		if m, ok := vals[a].(map[string]any); ok && unknown[a] != true {
			return knownTags(m, unknown[a])
		}
	}
	return nil, nil
}

// tagging reports whether the resource type takes tags (one of attrs is
// in the values, which in a plan hold every attribute of the schema) and
// whether its tag map as a whole is known only after apply: the attrs in
// order, the first known one (a null counts) decides.
func tagging(vals, unknown map[string]any, attrs ...string) (taggable, allUnknown bool) {
	for _, a := range attrs {
		_, inVals := vals[a]
		switch {
		case unknown[a] == true:
			taggable, allUnknown = true, true
		case inVals:
			return true, false
		}
	}
	return taggable, allUnknown
}

// knownTags converts a tag map, leaving out the keys the unknown tree
// marks, which it returns sorted.
func knownTags(m map[string]any, unknown any) (map[string]string, []string) {
	var tags map[string]string
	for k, v := range m {
		if s, ok := TagValue(v); ok {
			if tags == nil {
				tags = make(map[string]string, len(m))
			}
			tags[k] = s
		}
	}
	var keys []string
	if um, ok := unknown.(map[string]any); ok {
		for k, u := range um {
			if u == true {
				keys = append(keys, k)
				delete(tags, k)
			}
		}
	}
	sort.Strings(keys)
	if len(tags) == 0 {
		tags = nil
	}
	return tags, keys
}

// TagValue renders a tag value; tag values are strings in every provider
// schema, but configuration constants may carry numbers or bools.
func TagValue(v any) (string, bool) {
	switch t := v.(type) {
	case string:
		return t, true
	case json.Number:
		return t.String(), true
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(t), true
	}
	return "", false
}

func asObject(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}
