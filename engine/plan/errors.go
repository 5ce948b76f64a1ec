package plan

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// regenerate is what to do about a plan file that is not what tollgate
// reads.
const regenerate = "run `terraform show -json PLANFILE > plan.json` and pass plan.json"

// Error is a problem with a plan file. Every error Parse returns is an
// *Error, and every one is the user's input to fix.
type Error struct {
	File   string
	Line   int // 1-based; 0 when the problem has no single position
	Column int // 1-based, in characters
	Msg    string
	Err    error // underlying cause, if any
}

// Error renders the problem on one line: file[:line:col]: message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return oneLine(b.String())
}

func (e *Error) Unwrap() error { return e.Err }

// oneLine turns control characters (newlines from wrapped errors or odd
// file names) into spaces so an error never spans lines.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// Position converts a byte offset in text to a 1-based line and column
// (in characters).
func Position(text []byte, off int) (line, col int) {
	if off > len(text) {
		off = len(text)
	}
	if off < 0 {
		off = 0
	}
	before := text[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// errorf builds an Error without a position.
func (p *parser) errorf(format string, args ...any) *Error {
	return &Error{File: p.name, Msg: fmt.Sprintf(format, args...)}
}

// errorAt builds an Error at a byte offset of the plan text.
func (p *parser) errorAt(off int, cause error, format string, args ...any) *Error {
	line, col := Position(p.text, off)
	return &Error{File: p.name, Line: line, Column: col, Msg: fmt.Sprintf(format, args...), Err: cause}
}

// syntax explains a JSON syntax error.
func (p *parser) syntax(err error) *Error {
	var se *syntaxError
	if !errors.As(err, &se) {
		return &Error{File: p.name, Msg: "not valid JSON: " + err.Error(), Err: err}
	}
	if se.eof {
		return p.errorAt(se.off, err, "the JSON ends early, the file looks truncated: %s", regenerate)
	}
	return p.errorAt(se.off, err, "not valid JSON (%s): %s", se.msg, regenerate)
}

// shape explains a value of the wrong type at data offset off.
func (p *parser) shape(off int, err error) *Error {
	return p.errorAt(off, err, "%v: the plan JSON is malformed; %s", err, regenerate)
}
