package gate

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// directive is the only inline directive tollgate knows.
const directive = "tollgate:waive"

const inlineUsage = `tollgate:waive RULE reason="…" owner=… expires=YYYY-MM-DD`

// ParseInline reads an inline waiver from the text of a comment on a
// resource block, comment markers already stripped:
//
//	tollgate:waive required-tags reason="legacy host" owner=ops@example.com expires=2027-01-31
//
// Values may be quoted (with \" and \\ escapes) to hold spaces; unquoted
// values end at a space. address is the pattern of the block the comment
// is on and source where the comment is ("main.tf:12"); errors start with
// source.
func ParseInline(text, address, source string) (Waiver, error) {
	fail := func(format string, args ...any) (Waiver, error) {
		return Waiver{}, fmt.Errorf("%s: %s", source, fmt.Sprintf(format, args...))
	}
	text = strings.TrimSpace(text)
	name, rest := text, ""
	if i := strings.IndexAny(text, " \t"); i >= 0 {
		name, rest = text[:i], text[i:]
	}
	if name != directive {
		return fail("unknown directive %q (want %s)", name, inlineUsage)
	}
	s := scanner{text: rest}
	rule, quoted, err := s.word()
	if err != nil {
		return fail("%s: %v", directive, err)
	}
	if rule == "" || quoted || strings.Contains(rule, "=") {
		return fail("%s needs a rule id first: %s", directive, inlineUsage)
	}
	w := Waiver{Rule: rule, Address: address, Source: source}
	seen := map[string]bool{}
	for {
		word, _, err := s.word()
		if err != nil {
			return fail("%s %s: %v", directive, rule, err)
		}
		if word == "" {
			break
		}
		key, value, ok := strings.Cut(word, "=")
		if !ok {
			return fail("%s %s: %q is not key=value (%s)", directive, rule, word, inlineUsage)
		}
		if seen[key] {
			return fail("%s %s: %s is given twice", directive, rule, key)
		}
		seen[key] = true
		switch key {
		case "reason":
			w.Reason = value
		case "owner":
			w.Owner = value
		case "expires":
			w.Expires = value
		default:
			return fail("%s %s: unknown attribute %q (known: reason, owner, expires)", directive, rule, key)
		}
	}
	var missing []string
	for _, f := range []struct{ name, value string }{{"reason", w.Reason}, {"owner", w.Owner}, {"expires", w.Expires}} {
		if strings.TrimSpace(f.value) == "" {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return fail("%s %s is missing %s (every waiver needs a reason, an owner and an expiry date)", directive, rule, strings.Join(missing, ", "))
	}
	if _, err := time.Parse(time.DateOnly, w.Expires); err != nil {
		return fail("%s %s: expires=%s is not a valid date (want YYYY-MM-DD)", directive, rule, w.Expires)
	}
	return w, nil
}

// scanner splits a directive into space-separated words, a word being
// either bare or key="quoted value".
type scanner struct {
	text string
	pos  int
}

// word returns the next word with its quotes removed, "" at the end;
// quoted says whether any of it was quoted.
func (s *scanner) word() (word string, quoted bool, err error) {
	for s.pos < len(s.text) && isSpace(s.text[s.pos]) {
		s.pos++
	}
	start := s.pos
	var b strings.Builder
	for s.pos < len(s.text) && !isSpace(s.text[s.pos]) {
		c := s.text[s.pos]
		if c != '"' {
			b.WriteByte(c)
			s.pos++
			continue
		}
		quoted = true
		s.pos++
		for {
			if s.pos >= len(s.text) {
				return "", true, fmt.Errorf("unterminated quote in %s", clip(s.text[start:], 40))
			}
			c := s.text[s.pos]
			if c == '"' {
				s.pos++
				break
			}
			if c == '\\' && s.pos+1 < len(s.text) && (s.text[s.pos+1] == '"' || s.text[s.pos+1] == '\\') {
				c = s.text[s.pos+1]
				s.pos++
			}
			b.WriteByte(c)
			s.pos++
		}
	}
	return b.String(), quoted, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// clip shortens s to at most n bytes for a message, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
