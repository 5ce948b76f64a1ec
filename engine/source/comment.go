package source

import (
	"bytes"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// directivePrefix starts the text of every tollgate comment.
const directivePrefix = "tollgate:"

// span is the source range of a block, from its first token to its closing
// brace.
type span struct{ start, end hcl.Pos }

// comment is one comment token and the tollgate directives in it.
type comment struct {
	first, last int // lines of its first and last characters
	start, end  int // byte offsets
	ownLine     bool
	inside      bool // within some block
	texts       []string
	lines       []int
}

// attach gives each block of f the tollgate comments that belong to it:
// those inside it at any depth, and the run of comment lines directly
// above it (no blank line, no code in between). Directives belonging to no
// block are recorded as stray. spans[i] is the range of f.blocks[i].
func attach(f *file, spans []span, src []byte, name string) {
	// Lexing again costs as much as parsing; most files have no directive.
	if !bytes.Contains(src, []byte(directivePrefix)) {
		return
	}
	comments := lexComments(src, name)
	if len(comments) == 0 {
		return
	}
	owner := make([]int, len(comments))
	for i := range owner {
		owner[i] = -1
	}
	// Blocks do not overlap and both lists are in source order.
	for bi, ci := 0, 0; bi < len(spans) && ci < len(comments); {
		s, c := spans[bi], &comments[ci]
		switch {
		case c.start < s.start.Byte:
			ci++
		case c.start >= s.end.Byte:
			bi++
		default:
			c.inside = true
			owner[ci] = bi
			ci++
		}
	}
	// A run of own-line comments, indexed by the line each ends on.
	byLast := map[int][]int{}
	for ci, c := range comments {
		if c.ownLine && !c.inside {
			byLast[c.last] = append(byLast[c.last], ci)
		}
	}
	for bi, s := range spans {
		// Comments before the block's first token on its own line count too.
		for _, ci := range byLast[s.start.Line] {
			if comments[ci].end <= s.start.Byte {
				owner[ci] = bi
			}
		}
		for line := s.start.Line - 1; line > 0; {
			run := byLast[line]
			if len(run) == 0 {
				break
			}
			next := line
			for _, ci := range run {
				owner[ci] = bi
				next = min(next, comments[ci].first)
			}
			line = next - 1
		}
	}
	for ci, c := range comments {
		if owner[ci] < 0 {
			f.stray = append(f.stray, c.lines...)
			continue
		}
		b := &f.blocks[owner[ci]]
		b.directives = append(b.directives, c.texts...)
		b.lines = append(b.lines, c.lines...)
	}
}

// lexComments returns the comments of a native-syntax file in source
// order, each with the directives it holds.
func lexComments(src []byte, name string) []comment {
	tokens, _ := hclsyntax.LexConfig(src, name, hcl.InitialPos)
	var out []comment
	codeLine := 0 // the last line that held a token other than a comment
	for _, t := range tokens {
		switch t.Type {
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
			continue
		case hclsyntax.TokenComment:
		default:
			codeLine = endLine(t)
			continue
		}
		c := comment{
			first:   t.Range.Start.Line,
			last:    endLine(t),
			start:   t.Range.Start.Byte,
			end:     t.Range.End.Byte,
			ownLine: t.Range.Start.Line != codeLine,
		}
		c.texts, c.lines = directives(t.Bytes, c.first)
		out = append(out, c)
	}
	return out
}

// endLine is the line of a token's last character; # and // comments (and
// some template tokens) end with their newline, which belongs to the line
// before.
func endLine(t hclsyntax.Token) int {
	return t.Range.Start.Line + bytes.Count(bytes.TrimRight(t.Bytes, "\r\n"), []byte{'\n'})
}

// directives extracts the tollgate directives of a comment token: its text
// without the comment markers, when that starts with "tollgate:". Each line
// of a /* */ comment is read on its own (a leading * is dropped), so a
// block comment can hold several.
func directives(tok []byte, line int) (texts []string, lines []int) {
	s := string(tok)
	if strings.HasPrefix(s, "/*") {
		s = strings.TrimSuffix(s[2:], "*/")
		for i, l := range strings.Split(s, "\n") {
			l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "*"))
			if strings.HasPrefix(l, directivePrefix) {
				texts, lines = append(texts, l), append(lines, line+i)
			}
		}
		return texts, lines
	}
	s = strings.TrimSpace(strings.TrimLeft(s, "#/"))
	if strings.HasPrefix(s, directivePrefix) {
		return []string{s}, []int{line}
	}
	return nil, nil
}
