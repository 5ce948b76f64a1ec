package billing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parquet-go/parquet-go"
)

// ReadParquet sums one Parquet billing export into s (FOCUS, CUR for
// Athena, CUR 2.0). Only the columns a format needs are read, a row group
// at a time; values are turned into the same text the CSV reader parses,
// so both share one mapping.
func (s *Sum) ReadParquet(ctx context.Context, r io.ReaderAt, size int64, name string) (sum Summary, err error) {
	sum = Summary{Name: name}
	defer func() {
		// parquet-go panics on some corrupt files; a bad file is an error.
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: corrupt Parquet file: %v", name, p)
		}
	}()
	f, err := parquet.OpenFile(r, size)
	if err != nil {
		return sum, fmt.Errorf("%s: open Parquet: %w", name, err)
	}
	header, leaves := parquetHeader(f.Schema())
	l, err := detect(name, header)
	if err != nil {
		return sum, err
	}
	st := s.newState(l, &sum)
	var cols []pqCol
	for c, i := range l.idx {
		if i >= 0 {
			cols = append(cols, pqCol{c: col(c), leaf: leaves[i]})
		}
	}
	for _, t := range l.tagCols {
		cols = append(cols, pqCol{c: -1, leaf: leaves[t.idx], tagKey: []byte(t.key)})
	}
	// close is idempotent: this also closes what an error left open.
	defer func() {
		for i := range cols {
			cols[i].close()
		}
	}()
	var rw row
	n := 0
	for _, rg := range f.RowGroups() {
		chunks := rg.ColumnChunks()
		for i := range cols {
			if err := cols[i].open(chunks); err != nil {
				return st.finish(), fmt.Errorf("%s: %w", name, err)
			}
		}
		for range rg.NumRows() {
			n++
			if n%ctxEvery == 0 {
				if err := ctx.Err(); err != nil {
					return st.finish(), err
				}
			}
			rw.kv = rw.kv[:0]
			for i := range cols {
				c := &cols[i]
				if err := c.next(&rw); err != nil {
					return st.finish(), fmt.Errorf("%s: row %d: %w", name, n, err)
				}
			}
			st.row(&rw)
		}
		for i := range cols {
			cols[i].close()
		}
	}
	return st.done()
}

// leafRef locates a header column among the file's leaf columns: a plain
// column, or the key and value leaves of a map.
type leafRef struct {
	leaf       int
	key, value int // map columns; leaf is -1
}

// parquetHeader lists the top-level columns as a CSV header would.
func parquetHeader(sc *parquet.Schema) ([]string, []leafRef) {
	var header []string
	var refs []leafRef
	seen := map[string]int{}
	for i, path := range sc.Columns() {
		top := path[0]
		switch {
		case len(path) == 1:
			header = append(header, top)
			refs = append(refs, leafRef{leaf: i, key: -1, value: -1})
		case len(path) == 3: // map: top.key_value.key / value
			j, ok := seen[top]
			if !ok {
				j = len(header)
				seen[top] = j
				header = append(header, top)
				refs = append(refs, leafRef{leaf: -1, key: -1, value: -1})
			}
			switch strings.ToLower(path[2]) {
			case "key":
				refs[j].key = i
			case "value":
				refs[j].value = i
			}
		}
	}
	return header, refs
}

// pqCol reads one header column of a row group, row by row.
type pqCol struct {
	c      col
	leaf   leafRef
	tagKey []byte // a per-column tag (CUR for Athena)
	v, k   valueCursor
	text   []byte
	kvText [][2][]byte
}

func (p *pqCol) open(chunks []parquet.ColumnChunk) error {
	if p.leaf.leaf >= 0 {
		return p.v.open(chunks[p.leaf.leaf])
	}
	if p.leaf.key < 0 || p.leaf.value < 0 {
		return errors.New("a map column without key or value")
	}
	if err := p.k.open(chunks[p.leaf.key]); err != nil {
		return err
	}
	return p.v.open(chunks[p.leaf.value])
}

func (p *pqCol) close() {
	p.v.close()
	p.k.close()
}

// next reads this column's part of the next row into r.
func (p *pqCol) next(r *row) error {
	if p.leaf.leaf >= 0 {
		v, err := p.v.next()
		if err != nil {
			return err
		}
		p.text = p.v.text(p.text[:0], v)
		switch {
		case p.tagKey != nil:
			if !isNull(p.text) {
				r.kv = append(r.kv, tagKV{k: p.tagKey, v: p.text})
			}
		default:
			r.f[p.c] = nonNullKeep(p.text, v)
		}
		return nil
	}
	// A map (CUR 2.0 resource_tags): the row's entries are the values up
	// to the next that starts a row (repetition level 0).
	p.text = p.text[:0]
	p.kvText = p.kvText[:0]
	for first := true; ; first = false {
		if !first {
			if rl, ok := p.k.peekRep(); !ok || rl == 0 {
				break
			}
		}
		kv, err := p.k.next()
		if err != nil {
			return err
		}
		vv, err := p.v.next()
		if err != nil {
			return err
		}
		if kv.IsNull() {
			continue // an empty map
		}
		start := len(p.text)
		p.text = p.k.text(p.text, kv)
		mid := len(p.text)
		if k := p.text[start:mid]; len(k) > 5 && bytes.EqualFold(k[:5], []byte("user_")) {
			start += 5 // CUR 2.0 user tags: the key without AWS's prefix
		}
		p.text = p.v.text(p.text, vv)
		p.kvText = append(p.kvText, [2][]byte{p.text[start:mid:mid], p.text[mid:len(p.text):len(p.text)]})
	}
	// p.text no longer grows for this row, so the slices stay valid.
	for _, e := range p.kvText {
		r.kv = append(r.kv, tagKV{k: e[0], v: e[1]})
	}
	r.f[p.c] = nil
	return nil
}

func nonNullKeep(b []byte, v parquet.Value) []byte {
	if v.IsNull() {
		return nil
	}
	return b
}

// valueCursor streams one leaf column's values across pages.
type valueCursor struct {
	pages parquet.Pages
	vr    parquet.ValueReader
	buf   []parquet.Value
	i, n  int
	conv  func(dst []byte, v parquet.Value) []byte
}

func (c *valueCursor) open(cc parquet.ColumnChunk) error {
	c.close()
	c.pages = cc.Pages()
	if c.buf == nil {
		c.buf = make([]parquet.Value, 1024)
	}
	c.conv = converter(cc.Type())
	return nil
}

func (c *valueCursor) close() {
	if c.pages != nil {
		c.pages.Close()
	}
	c.pages, c.vr, c.i, c.n = nil, nil, 0, 0
}

func (c *valueCursor) fill() error {
	for c.i >= c.n {
		if c.vr == nil {
			page, err := c.pages.ReadPage()
			if err == io.EOF {
				return errors.New("a column ends before its row group")
			}
			if err != nil {
				return err
			}
			c.vr = page.Values()
		}
		n, err := c.vr.ReadValues(c.buf)
		c.i, c.n = 0, n
		if err == io.EOF {
			c.vr = nil
		} else if err != nil {
			return err
		}
	}
	return nil
}

func (c *valueCursor) next() (parquet.Value, error) {
	if err := c.fill(); err != nil {
		return parquet.Value{}, err
	}
	v := c.buf[c.i]
	c.i++
	return v, nil
}

// peekRep is the repetition level of the next value; ok is false at the
// end of the column.
func (c *valueCursor) peekRep() (int, bool) {
	if c.fill() != nil {
		return 0, false
	}
	return c.buf[c.i].RepetitionLevel(), true
}

func (c *valueCursor) text(dst []byte, v parquet.Value) []byte {
	if v.IsNull() {
		return dst
	}
	return c.conv(dst, v)
}
