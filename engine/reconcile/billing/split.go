package billing

import (
	"bytes"
	"errors"
	"io"
)

// splitter splits RFC 4180 CSV into records. It is encoding/csv without its
// per-record allocations: fields point into a reused buffer and stay valid
// only until the next call. Like encoding/csv it skips blank lines, turns
// \r\n into \n and accepts a last line without a newline; unlike it, it
// reads a stray quote inside a field literally instead of failing.
type splitter struct {
	r      io.Reader
	buf    []byte
	pos    int // start of the unread data in buf
	end    int // end of the data in buf
	eof    bool
	fields [][]byte
	// Fields with escaped quotes or \r\n are copied into scratch; their
	// offsets wait in fix until the record is complete (scratch may move).
	scratch []byte
	fix     []fixup
}

type fixup struct{ field, start, end int }

const splitBufSize = 256 << 10

// maxRecord bounds one record so that a file without a closing quote
// cannot make the buffer grow without end (a variable for its test).
var maxRecord = 64 << 20

var errRecordTooLong = errors.New("a record longer than 64 MiB (an unclosed quote?)")

func newSplitter(r io.Reader) *splitter {
	return &splitter{r: r, buf: make([]byte, splitBufSize)}
}

// next returns the next record, or io.EOF after the last.
func (s *splitter) next() ([][]byte, error) {
	for {
		fields, n, ok := s.parse(s.buf[s.pos:s.end], s.eof)
		if ok {
			s.pos += n
			if fields == nil {
				continue // blank line
			}
			return fields, nil
		}
		if s.eof {
			return nil, io.EOF
		}
		if err := s.fill(); err != nil {
			return nil, err
		}
	}
}

// fill moves the unread bytes to the front and reads more.
func (s *splitter) fill() error {
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= maxRecord {
			return errRecordTooLong
		}
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	n, err := io.ReadAtLeast(s.r, s.buf[s.end:], 1)
	s.end += n
	if err == io.EOF {
		s.eof = true
		return nil
	}
	// Anything else, a gzip stream cut short (io.ErrUnexpectedEOF) too, is
	// a file that did not arrive whole: an error, never a shorter bill.
	return err
}

// parse splits one record at the start of b. It returns ok false when b
// holds no complete record and more input may follow (atEOF false); n is
// the number of bytes the record used; fields is nil for a blank line.
func (s *splitter) parse(b []byte, atEOF bool) (fields [][]byte, n int, ok bool) {
	switch {
	case len(b) == 0:
		return nil, 0, false
	case b[0] == '\n':
		return nil, 1, true
	case b[0] == '\r' && len(b) == 1 && atEOF:
		return nil, 1, true
	case b[0] == '\r' && len(b) > 1 && b[1] == '\n':
		return nil, 2, true
	}
	s.fields = s.fields[:0]
	s.scratch = s.scratch[:0]
	s.fix = s.fix[:0]
	p := 0
	nl := bytes.IndexByte(b, '\n')
	for {
		if nl >= 0 && nl < p {
			if nl = bytes.IndexByte(b[p:], '\n'); nl >= 0 {
				nl += p
			}
		}
		if p < len(b) && b[p] == '"' {
			end, more := s.quoted(b, p, nl, atEOF)
			if more {
				return nil, 0, false
			}
			p = end
		} else {
			limit := nl
			if limit < 0 {
				if !atEOF {
					return nil, 0, false
				}
				limit = len(b)
			}
			e := p + fieldEnd(b[p:limit])
			f := b[p:e]
			if e == limit && e > p && b[e-1] == '\r' {
				f = b[p : e-1] // \r\n, or a \r before the end of input
			}
			s.fields = append(s.fields, f)
			p = e
		}
		if p >= len(b) {
			return s.finish(), p, true // quoted reports more when not atEOF
		}
		switch b[p] {
		case ',':
			p++
			if p == len(b) {
				if !atEOF {
					return nil, 0, false
				}
				s.fields = append(s.fields, b[p:p])
				return s.finish(), p, true
			}
		case '\n':
			return s.finish(), p + 1, true
		}
	}
}

// quoted reads the quoted field starting at b[p] and returns where it
// ends, or more when the input ends inside it; nl is the first newline at
// or after p (-1 for none).
func (s *splitter) quoted(b []byte, p, nl int, atEOF bool) (end int, more bool) {
	field := len(s.fields)
	copying := false
	seg := p + 1 // start of the text not yet added
	q := p + 1
	add := func(part []byte) {
		if !copying {
			copying = true
			s.fix = append(s.fix, fixup{field: field, start: len(s.scratch)})
		}
		s.scratch = appendCRLFToLF(s.scratch, part)
	}
	for {
		i := bytes.IndexByte(b[q:], '"')
		if i < 0 {
			if !atEOF {
				return 0, true
			}
			q = len(b) // unclosed at the end of input: keep what is there
			break
		}
		q += i
		if q+1 == len(b) && !atEOF {
			return 0, true // the quote may be the first of a pair
		}
		if q+1 < len(b) && b[q+1] == '"' {
			add(b[seg : q+1])
			q += 2
			seg = q
			continue
		}
		break
	}
	raw := b[seg:q]
	switch {
	case copying:
		add(raw)
	case nl >= 0 && nl < q && bytes.Contains(raw, []byte("\r\n")):
		add(raw) // only a field spanning lines can hold a \r\n to normalize
	default:
		s.fields = append(s.fields, raw)
	}
	if copying {
		s.fix[len(s.fix)-1].end = len(s.scratch)
		s.fields = append(s.fields, nil)
	}
	end = q + 1
	if end >= len(b) {
		return len(b), false
	}
	// After the closing quote comes a separator or the end of the record;
	// anything else (invalid CSV) is kept as text up to the next separator.
	switch {
	case b[end] == ',' || b[end] == '\n':
		return end, false
	case b[end] == '\r' && end+1 < len(b) && b[end+1] == '\n':
		return end + 1, false
	case b[end] == '\r' && end+1 == len(b):
		if !atEOF {
			return 0, true
		}
		return end + 1, false
	}
	e := end
	for e < len(b) && b[e] != ',' && b[e] != '\n' {
		e++
	}
	if e == len(b) && !atEOF {
		return 0, true
	}
	tail := b[end:e]
	if e < len(b) && e > end && b[e] == '\n' && b[e-1] == '\r' {
		tail = b[end : e-1]
		e--
		s.extend(field, tail)
		return e + 1, false
	}
	s.extend(field, tail)
	return e, false
}

// fieldEnd is the length of the unquoted field at the start of b, which
// ends at the next newline.
func fieldEnd(b []byte) int {
	if i := bytes.IndexByte(b, ','); i >= 0 {
		return i
	}
	return len(b)
}

// extend appends text that follows a closing quote to field i.
func (s *splitter) extend(i int, more []byte) {
	if len(s.fix) > 0 && s.fix[len(s.fix)-1].field == i {
		s.scratch = append(s.scratch, more...)
		s.fix[len(s.fix)-1].end = len(s.scratch)
		return
	}
	start := len(s.scratch)
	s.scratch = append(s.scratch, s.fields[i]...)
	s.scratch = append(s.scratch, more...)
	s.fix = append(s.fix, fixup{field: i, start: start, end: len(s.scratch)})
}

func (s *splitter) finish() [][]byte {
	for _, f := range s.fix {
		s.fields[f.field] = s.scratch[f.start:f.end:f.end]
	}
	return s.fields
}

func appendCRLFToLF(dst, src []byte) []byte {
	for {
		i := bytes.Index(src, []byte("\r\n"))
		if i < 0 {
			return append(dst, src...)
		}
		dst = append(dst, src[:i]...)
		dst = append(dst, '\n')
		src = src[i+2:]
	}
}
