package github

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// cut makes Markdown fit in limit characters, as a last resort when the
// caller did not: it keeps whole lines, closes a code fence or a
// <details> left open, and says what was cut. Text that fits is returned
// as is.
func cut(s string, limit int, what string) string {
	n := utf8.RuneCountInString(s)
	if n <= limit {
		return s
	}
	note := fmt.Sprintf("\n\n*tollgate cut this %s: it was %d characters, over GitHub's limit of %d.*\n", what, n, limit)
	// Room for the note and for closing what the cut leaves open.
	room := limit - utf8.RuneCountInString(note) - 64
	if room <= 0 {
		return string([]rune(s)[:limit])
	}
	kept := string([]rune(s)[:room])
	if i := strings.LastIndexByte(kept, '\n'); i > 0 {
		kept = kept[:i+1]
	}
	var closing strings.Builder
	if fences(kept)%2 == 1 {
		closing.WriteString("\n```\n")
	}
	for range max(0, strings.Count(kept, "<details")-strings.Count(kept, "</details>")) {
		closing.WriteString("\n</details>\n")
	}
	if utf8.RuneCountInString(closing.String()) > 64 {
		closing.Reset() // pathological nesting: the note matters more
	}
	return kept + closing.String() + note
}

// fences counts the lines that open or close a fenced code block.
func fences(s string) int {
	n := 0
	for line := range strings.Lines(s) {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			n++
		}
	}
	return n
}

// truncate shortens a one-line text to limit characters with an ellipsis.
func truncate(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	return string([]rune(s)[:limit-1]) + "…"
}
