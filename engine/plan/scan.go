package plan

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// The scanner validates JSON and finds where values end, an order of
// magnitude faster than encoding/json: it lets Parse check a whole 40 MB
// plan once while decoding only the parts it needs (planned_values and
// prior_state repeat the resource changes and are skipped).

// maxDepth bounds nesting as encoding/json does, so hostile input cannot
// exhaust memory.
const maxDepth = 10000

// syntaxError is a JSON syntax problem at a byte offset.
type syntaxError struct {
	off int
	msg string
	eof bool // the input ended inside a value
}

func (e *syntaxError) Error() string { return e.msg }

func errAt(data []byte, off int, context string) *syntaxError {
	if off >= len(data) {
		return &syntaxError{off: len(data), msg: "unexpected end of JSON input", eof: true}
	}
	return &syntaxError{off: off, msg: fmt.Sprintf("invalid character %s %s", quoteChar(data[off]), context)}
}

func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c == '"':
		return `'"'`
	case c >= 0x20 && c < 0x7f:
		return "'" + string(c) + "'"
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

// isSpace is JSON whitespace.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(data []byte, i int) int {
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	return i
}

// skipValue validates the JSON value starting at data[i] (after optional
// whitespace) and returns the offset just past it.
func skipValue(data []byte, i int) (int, error) {
	var stack []byte // open containers: '{' or '['
	var err error
	for {
		// A value is expected at i.
		i = skipSpace(data, i)
		if i >= len(data) {
			return i, errAt(data, i, "")
		}
		switch c := data[i]; {
		case c == '{' || c == '[':
			if len(stack) >= maxDepth {
				return i, &syntaxError{off: i, msg: "JSON nested too deeply"}
			}
			closer := byte('}')
			if c == '[' {
				closer = ']'
			}
			i = skipSpace(data, i+1)
			if i < len(data) && data[i] == closer {
				i++
				break
			}
			stack = append(stack, c)
			if c == '{' {
				if i, err = skipKey(data, i); err != nil {
					return i, err
				}
			}
			continue
		case c == '"':
			if i, err = skipString(data, i); err != nil {
				return i, err
			}
		case c == '-' || (c >= '0' && c <= '9'):
			if i, err = skipNumber(data, i); err != nil {
				return i, err
			}
		case c == 't':
			if i, err = skipLiteral(data, i, "true"); err != nil {
				return i, err
			}
		case c == 'f':
			if i, err = skipLiteral(data, i, "false"); err != nil {
				return i, err
			}
		case c == 'n':
			if i, err = skipLiteral(data, i, "null"); err != nil {
				return i, err
			}
		default:
			return i, errAt(data, i, "looking for beginning of value")
		}
		// A value ended at i: close containers until one wants more.
		for {
			if len(stack) == 0 {
				return i, nil
			}
			i = skipSpace(data, i)
			if i >= len(data) {
				return i, errAt(data, i, "")
			}
			top := stack[len(stack)-1]
			if data[i] == ',' {
				i++
				if top == '{' {
					if i, err = skipKey(data, skipSpace(data, i)); err != nil {
						return i, err
					}
				}
				break
			}
			if (top == '{' && data[i] == '}') || (top == '[' && data[i] == ']') {
				i++
				stack = stack[:len(stack)-1]
				continue
			}
			if top == '{' {
				return i, errAt(data, i, "after object key:value pair")
			}
			return i, errAt(data, i, "after array element")
		}
	}
}

// skipKey validates `"key" :` at i and returns the offset after the colon.
func skipKey(data []byte, i int) (int, error) {
	if i >= len(data) || data[i] != '"' {
		return i, errAt(data, i, "looking for beginning of object key string")
	}
	i, err := skipString(data, i)
	if err != nil {
		return i, err
	}
	i = skipSpace(data, i)
	if i >= len(data) || data[i] != ':' {
		return i, errAt(data, i, "after object key")
	}
	return i + 1, nil
}

// plainString marks the bytes that can appear unescaped in a string
// without ending it.
var plainString = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// skipString validates the string starting at data[i] == '"'.
func skipString(data []byte, i int) (int, error) {
	i++
	for {
		for i < len(data) && plainString[data[i]] {
			i++
		}
		if i >= len(data) {
			return i, errAt(data, i, "")
		}
		switch data[i] {
		case '"':
			return i + 1, nil
		case '\\':
			i++
			if i >= len(data) {
				return i, errAt(data, i, "")
			}
			switch data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i++
			case 'u':
				for k := 1; k <= 4; k++ {
					if i+k >= len(data) {
						return i + k, errAt(data, i+k, "")
					}
					if !isHex(data[i+k]) {
						return i + k, errAt(data, i+k, `in \u hexadecimal character escape`)
					}
				}
				i += 5
			default:
				return i, errAt(data, i, "in string escape code")
			}
		default:
			return i, errAt(data, i, "in string literal")
		}
	}
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// skipNumber validates the number starting at data[i].
func skipNumber(data []byte, i int) (int, error) {
	if data[i] == '-' {
		i++
		if i >= len(data) || !isDigit(data[i]) {
			return i, errAt(data, i, "in numeric literal")
		}
	}
	if data[i] == '0' {
		i++
	} else {
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) || !isDigit(data[i]) {
			return i, errAt(data, i, "after decimal point in numeric literal")
		}
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || !isDigit(data[i]) {
			return i, errAt(data, i, "in exponent of numeric literal")
		}
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	return i, nil
}

func skipLiteral(data []byte, i int, lit string) (int, error) {
	for k := 0; k < len(lit); k++ {
		if i+k >= len(data) {
			return i + k, errAt(data, i+k, "")
		}
		if data[i+k] != lit[k] {
			return i + k, errAt(data, i+k, "in literal "+lit+" (expecting "+quoteChar(lit[k])+")")
		}
	}
	return i + len(lit), nil
}

// member is one key of a JSON object and the extent of its value.
type member struct {
	key        string
	start, end int      // data[start:end] is the value
	elems      [][2]int // extents of the elements, when split asked for them
}

// objectMembers validates the object at data[i] == '{' and lists its
// members; end is the offset just past it. The elements of array members
// whose key split accepts are listed too, in the same pass.
func objectMembers(data []byte, i int, split func(key string) bool) (ms []member, end int, err error) {
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return nil, i + 1, nil
	}
	for {
		kstart := i
		if i >= len(data) || data[i] != '"' {
			return nil, i, errAt(data, i, "looking for beginning of object key string")
		}
		if i, err = skipString(data, i); err != nil {
			return nil, i, err
		}
		key := unquote(data[kstart:i])
		if i = skipSpace(data, i); i >= len(data) || data[i] != ':' {
			return nil, i, errAt(data, i, "after object key")
		}
		m := member{key: key, start: skipSpace(data, i+1)}
		if m.start < len(data) && data[m.start] == '[' && split != nil && split(key) {
			m.elems, m.end, err = arrayElements(data, m.start)
		} else {
			m.end, err = skipValue(data, m.start)
		}
		if err != nil {
			return nil, m.end, err
		}
		ms = append(ms, m)
		i = skipSpace(data, m.end)
		switch {
		case i >= len(data):
			return nil, i, errAt(data, i, "")
		case data[i] == ',':
			i = skipSpace(data, i+1)
		case data[i] == '}':
			return ms, i + 1, nil
		default:
			return nil, i, errAt(data, i, "after object key:value pair")
		}
	}
}

// arrayElements validates the array at data[i] == '[' and lists the
// extents of its elements; end is the offset just past it.
func arrayElements(data []byte, i int) (es [][2]int, end int, err error) {
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return nil, i + 1, nil
	}
	for {
		e := [2]int{i, 0}
		if e[1], err = skipValue(data, i); err != nil {
			return nil, e[1], err
		}
		es = append(es, e)
		i = skipSpace(data, e[1])
		switch {
		case i >= len(data):
			return nil, i, errAt(data, i, "")
		case data[i] == ',':
			i = skipSpace(data, i+1)
		case data[i] == ']':
			return es, i + 1, nil
		default:
			return nil, i, errAt(data, i, "after array element")
		}
	}
}

// unquote decodes a validated JSON string literal.
func unquote(lit []byte) string {
	inner := lit[1 : len(lit)-1]
	if bytes.IndexByte(inner, '\\') < 0 {
		return string(inner)
	}
	var s string
	_ = json.Unmarshal(lit, &s) // validated: cannot fail
	return s
}
