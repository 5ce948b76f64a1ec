package source

import "strings"

// blockAddress is a resource instance address with its instance keys
// dropped: the module calls it goes through and the resource block.
type blockAddress struct {
	modules  []string // module call names, outermost first
	resource string   // "type.name" or "data.type.name"
}

// key is the block's configuration address, e.g.
// module.app.module.db.aws_db_instance.main.
func (a blockAddress) key() string {
	return join(modulePath(a.modules), a.resource)
}

func modulePath(names []string) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString("module.")
		b.WriteString(n)
	}
	return b.String()
}

// join appends a step to a module path ("" is the root module).
func join(path, step string) string {
	if path == "" {
		return step
	}
	return path + "." + step
}

// parseAddress reads a resource instance address such as
// module.app["a.b"].module.db[0].aws_db_instance.main[2]. Instance keys are
// skipped whatever they hold: a for_each key may contain dots, brackets and
// escaped quotes. ok is false for anything that is not a resource address.
func parseAddress(address string) (a blockAddress, ok bool) {
	var steps []string
	var keyed []bool
	for i := 0; i < len(address); {
		name, next, hasKey, ok := step(address, i)
		if !ok {
			return blockAddress{}, false
		}
		steps, keyed = append(steps, name), append(keyed, hasKey)
		i = next
		if i < len(address) {
			i++ // the dot
			if i == len(address) {
				return blockAddress{}, false // trailing dot
			}
		}
	}
	i := 0
	for i+1 < len(steps) && steps[i] == "module" && !keyed[i] {
		a.modules = append(a.modules, steps[i+1])
		i += 2
	}
	rest, restKeyed := steps[i:], keyed[i:]
	data := len(rest) == 3 && rest[0] == "data" && !restKeyed[0]
	switch {
	case data && !restKeyed[1]:
		a.resource = "data." + rest[1] + "." + rest[2]
	case len(rest) == 2 && !restKeyed[0] && rest[0] != "data" && rest[0] != "module":
		a.resource = rest[0] + "." + rest[1]
	default:
		return blockAddress{}, false
	}
	return a, true
}

// step reads one address step starting at i: a name and an optional
// [key]. next is the index just past the step, at a dot or the end.
func step(s string, i int) (name string, next int, keyed, ok bool) {
	start := i
	for i < len(s) && s[i] != '.' && s[i] != '[' && s[i] != ']' && s[i] != '"' {
		i++
	}
	if i == start {
		return "", 0, false, false
	}
	name = s[start:i]
	if i < len(s) && s[i] == '[' {
		end, ok := skipKey(s, i)
		if !ok {
			return "", 0, false, false
		}
		i, keyed = end, true
	}
	if i < len(s) && s[i] != '.' {
		return "", 0, false, false
	}
	return name, i, keyed, true
}

// skipKey returns the index just past the [key] that starts at s[i]: a
// quoted string (with backslash escapes) or a bare number.
func skipKey(s string, i int) (int, bool) {
	i++ // [
	if i < len(s) && s[i] == '"' {
		i++
		for ; i < len(s) && s[i] != '"'; i++ {
			if s[i] == '\\' {
				i++
			}
		}
		if i >= len(s) {
			return 0, false
		}
		i++ // closing quote
	} else {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == start {
			return 0, false
		}
	}
	if i >= len(s) || s[i] != ']' {
		return 0, false
	}
	return i + 1, true
}
