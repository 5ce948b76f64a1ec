package seed

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"

	"github.com/shopspring/decimal"
)

// table is a TSV file of the shared price data: optional "#" comment
// lines, a header row, then records.
type table struct {
	name   string
	header map[string]int
	rows   []record
}

// record is one row of a table, with its line number for errors.
type record struct {
	line   int
	fields []string
}

func readTable(fsys fs.FS, name string, columns ...string) (*table, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read price data: %w", err)
	}
	defer f.Close()
	t := &table{name: name}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		if t.header == nil {
			t.header = map[string]int{}
			for i, h := range fields {
				t.header[h] = i
			}
			for _, c := range columns {
				if _, ok := t.header[c]; !ok {
					return nil, fmt.Errorf("%s:%d: header has no column %q", name, n, c)
				}
			}
			continue
		}
		if len(fields) != len(t.header) {
			return nil, fmt.Errorf("%s:%d: want %d tab-separated fields, got %d", name, n, len(t.header), len(fields))
		}
		t.rows = append(t.rows, record{line: n, fields: fields})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if t.header == nil {
		return nil, fmt.Errorf("%s: no header row", name)
	}
	return t, nil
}

// get returns a column of a record; the column was checked by readTable.
func (t *table) get(r record, column string) string {
	return r.fields[t.header[column]]
}

// price parses a price column; empty means "not offered".
func (t *table) price(r record, column string) (decimal.Decimal, bool, error) {
	s := t.get(r, column)
	if s == "" {
		return decimal.Decimal{}, false, nil
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.IsNegative() {
		return decimal.Decimal{}, false, fmt.Errorf("%s:%d: column %s: %q is not a price", t.name, r.line, column, s)
	}
	return d, true, nil
}
