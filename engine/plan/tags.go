package plan

import (
	"encoding/json"
	"sort"
	"strconv"
)

// awsTags returns the effective tags of an AWS resource and the keys whose
// values are known only after apply. tags_all already holds the provider's
// default_tags merged under the resource's tags; when it is not known yet
// the merge is done here.
func awsTags(vals, unknown map[string]any, defaults map[string]string) (map[string]string, []string) {
	if all, ok := vals["tags_all"].(map[string]any); ok && unknown["tags_all"] != true {
		return knownTags(all, unknown["tags_all"])
	}
	own, unknownKeys := knownTags(asObject(vals["tags"]), unknown["tags"])
	if len(defaults) == 0 {
		return own, unknownKeys
	}
	merged := make(map[string]string, len(defaults)+len(own))
	for k, v := range defaults {
		merged[k] = v
	}
	for k, v := range own {
		merged[k] = v
	}
	for _, k := range unknownKeys {
		delete(merged, k)
	}
	return merged, unknownKeys
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
// in the plan's values, which hold every attribute of the schema) and
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
		if s, ok := tagValue(v); ok {
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

// tagValue renders a tag value; tag values are strings in every provider
// schema, but configuration constants may carry numbers or bools.
func tagValue(v any) (string, bool) {
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
