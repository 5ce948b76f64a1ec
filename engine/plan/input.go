package plan

import (
	"bytes"

	"golang.org/x/text/encoding/unicode"
)

// What CI pipelines wrap around plan JSON, or hand us instead of it.
var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
	zipMagic   = []byte("PK\x03\x04")

	// hashicorp/setup-terraform's wrapper echoes the command it ran and
	// appends GitHub workflow commands; it also URL-escapes the newline
	// ending the output it logs.
	wrapperCommand = []byte("[command]")
	workflowPrefix = []byte("::")
	escapedEOL     = [][]byte{[]byte("%0A"), []byte("%0D")}
)

// utf8Text returns the input as UTF-8 without a byte-order mark. Windows
// PowerShell redirects write UTF-16 with a BOM; UTF-16 without one is
// recognised by the NUL byte next to the opening brace.
func utf8Text(data []byte) ([]byte, error) {
	var enc *unicode.Endianness
	le, be := unicode.LittleEndian, unicode.BigEndian
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		return data[len(utf8BOM):], nil
	case bytes.HasPrefix(data, utf16LEBOM):
		enc = &le
	case bytes.HasPrefix(data, utf16BEBOM):
		enc = &be
	case len(data) >= 2 && data[0] != 0 && data[1] == 0:
		enc = &le
	case len(data) >= 2 && data[0] == 0 && data[1] != 0:
		enc = &be
	default:
		return data, nil
	}
	return unicode.UTF16(*enc, unicode.UseBOM).NewDecoder().Bytes(data)
}

// jsonStart returns the offset where the JSON begins, past any
// setup-terraform wrapper lines ("[command]…", "::debug::…").
func jsonStart(text []byte) int {
	i := 0
	for {
		i = skipSpace(text, i)
		rest := text[i:]
		if !bytes.HasPrefix(rest, wrapperCommand) && !bytes.HasPrefix(rest, workflowPrefix) {
			return i
		}
		eol := bytes.IndexByte(rest, '\n')
		if eol < 0 {
			return len(text)
		}
		i += eol + 1
	}
}

// wrapperTail returns the offset past what setup-terraform appends after
// the JSON: an escaped newline and workflow-command lines.
func wrapperTail(text []byte, i int) int {
	for {
		i = skipSpace(text, i)
		rest := text[i:]
		switch {
		case bytes.HasPrefix(rest, escapedEOL[0]) || bytes.HasPrefix(rest, escapedEOL[1]):
			i += len(escapedEOL[0])
		case bytes.HasPrefix(rest, workflowPrefix):
			eol := bytes.IndexByte(rest, '\n')
			if eol < 0 {
				return len(text)
			}
			i += eol + 1
		default:
			return i
		}
	}
}
