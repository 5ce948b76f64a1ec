package gate

import (
	"strings"

	"github.com/tollgate-dev/tollgate/engine/change"
)

// Match reports whether an address matches a waiver's address pattern.
// In a pattern, * matches any run of characters (dots, brackets and
// quotes included) and everything else is literal, as in usage files,
// with one addition from Terraform's own addresses: a step written without
// an instance key stands for every instance, so aws_instance.web matches
// aws_instance.web[0] (but not aws_instance.web2), and
// module.app.aws_s3_bucket.b matches module.app["eu"].aws_s3_bucket.b. A
// finding about the change as a whole (no address) matches only "*".
func Match(pattern, address string) bool {
	return compile(pattern).match(address, nil)
}

// matcher is a compiled pattern: its steps when it has no *, else tokens.
type matcher struct {
	any     bool // the pattern is "*"
	pattern string
	steps   []string
	tokens  []token
}

// token is a piece of a pattern with a *: literal text, a star, or the
// place after a step without a key, where an instance key may follow.
type token struct {
	kind byte // 'l', '*' or 'k'
	lit  string
}

func compile(pattern string) matcher {
	switch {
	case pattern == "*":
		return matcher{any: true}
	case pattern == "":
		return matcher{}
	case !strings.Contains(pattern, "*"):
		return matcher{pattern: pattern, steps: change.SplitAddress(pattern)}
	}
	var tokens []token
	for i, step := range change.SplitAddress(pattern) {
		if i > 0 {
			tokens = append(tokens, token{kind: 'l', lit: "."})
		}
		for j, lit := range strings.Split(step, "*") {
			if j > 0 {
				tokens = append(tokens, token{kind: '*'})
			}
			if lit != "" {
				tokens = append(tokens, token{kind: 'l', lit: lit})
			}
		}
		// Only names carry keys, but no address has a key after "module",
		// "data" or a type, so allowing one there matches nothing more.
		if step != "" && !strings.HasSuffix(step, "]") && !strings.HasSuffix(step, "*") {
			tokens = append(tokens, token{kind: 'k'})
		}
	}
	return matcher{pattern: pattern, tokens: tokens}
}

// match matches an address; steps are its steps when the caller has them
// (nil splits it here).
func (m matcher) match(address string, steps []string) bool {
	switch {
	case m.any:
		return true
	case address == "":
		return false
	case m.tokens != nil:
		return m.matchTokens(address)
	case m.steps == nil:
		return false
	}
	if len(address) < len(m.pattern) || !strings.HasPrefix(address, m.steps[0]) {
		return false
	}
	if steps == nil {
		steps = change.SplitAddress(address)
	}
	if len(steps) != len(m.steps) {
		return false
	}
	for i, p := range m.steps {
		a := steps[i]
		if a == p {
			continue
		}
		if strings.HasSuffix(p, "]") || !strings.HasPrefix(a, p) || keyLen(a, len(p)) != len(a)-len(p) {
			return false
		}
	}
	return true
}

// matchTokens matches by dynamic programming over (token, position), so
// that many stars cannot make it exponential.
func (m matcher) matchTokens(s string) bool {
	// Cheap rejection first: the literals must appear in order.
	pos := 0
	for _, tok := range m.tokens {
		if tok.kind == 'l' {
			i := strings.Index(s[pos:], tok.lit)
			if i < 0 {
				return false
			}
			pos += i + len(tok.lit)
		}
	}
	n := len(s) + 1
	// state: 0 unknown, 1 no, 2 yes.
	memo := make([]byte, (len(m.tokens)+1)*n)
	var at func(t, i int) bool
	at = func(t, i int) bool {
		if t == len(m.tokens) {
			return i == len(s)
		}
		if v := memo[t*n+i]; v != 0 {
			return v == 2
		}
		ok := false
		switch tok := m.tokens[t]; tok.kind {
		case 'l':
			ok = strings.HasPrefix(s[i:], tok.lit) && at(t+1, i+len(tok.lit))
		case '*':
			for j := i; j <= len(s) && !ok; j++ {
				ok = at(t+1, j)
			}
		case 'k':
			ok = at(t+1, i)
			if k := keyLen(s, i); !ok && k > 0 {
				ok = at(t+1, i+k)
			}
		}
		memo[t*n+i] = 1
		if ok {
			memo[t*n+i] = 2
		}
		return ok
	}
	return at(0, 0)
}

// keyLen is the length of the instance key at s[i:] (a count index [3] or
// a for_each key ["a.b"], whose quotes may hold dots, brackets and escaped
// quotes), or -1 when there is none.
func keyLen(s string, i int) int {
	if i >= len(s) || s[i] != '[' {
		return -1
	}
	j := i + 1
	switch {
	case j < len(s) && s[j] == '"':
		for j++; j < len(s) && s[j] != '"'; j++ {
			if s[j] == '\\' {
				j++
			}
		}
		if j >= len(s) {
			return -1
		}
		j++
	default:
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i+1 {
			return -1
		}
	}
	if j >= len(s) || s[j] != ']' {
		return -1
	}
	return j + 1 - i
}
