package plan

import (
	"strconv"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// redact replaces, in place, every value of obj that the sensitivity tree
// mask marks true with change.Sensitive, and appends the paths it
// replaced. A mask of true hides the whole object. Null values reveal
// nothing and are left alone.
func redact(obj map[string]any, mask any, paths *[]string) {
	if obj == nil {
		return
	}
	if whole, _ := mask.(bool); whole {
		for k, v := range obj {
			if v != nil {
				obj[k] = change.Sensitive
				*paths = append(*paths, k)
			}
		}
		return
	}
	if m, ok := mask.(map[string]any); ok {
		redactObject(obj, m, "", paths)
	}
}

func redactObject(obj map[string]any, mask map[string]any, prefix string, paths *[]string) {
	for k, m := range mask {
		v, ok := obj[k]
		if !ok {
			continue
		}
		obj[k] = redactValue(v, m, join(prefix, k), paths)
	}
}

// redactValue returns v with the parts mask marks sensitive replaced.
func redactValue(v, mask any, path string, paths *[]string) any {
	if v == nil {
		return nil
	}
	switch m := mask.(type) {
	case bool:
		if m {
			*paths = append(*paths, path)
			return change.Sensitive
		}
	case map[string]any:
		if obj, ok := v.(map[string]any); ok {
			redactObject(obj, m, path, paths)
			return v
		}
	case []any:
		if list, ok := v.([]any); ok {
			for i, e := range m {
				if i < len(list) {
					list[i] = redactValue(list[i], e, path+"["+strconv.Itoa(i)+"]", paths)
				}
			}
			return v
		}
	}
	// A mask shaped unlike the value still says something is secret:
	// hide the whole value rather than risk printing it.
	if anySensitive(mask) {
		*paths = append(*paths, path)
		return change.Sensitive
	}
	return v
}

func anySensitive(mask any) bool {
	switch m := mask.(type) {
	case bool:
		return m
	case map[string]any:
		for _, e := range m {
			if anySensitive(e) {
				return true
			}
		}
	case []any:
		for _, e := range m {
			if anySensitive(e) {
				return true
			}
		}
	}
	return false
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}
