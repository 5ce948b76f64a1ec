package billing

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func splitAll(t testing.TB, in []byte, bufSize int) ([][]string, error) {
	sp := newSplitter(bytes.NewReader(in))
	sp.buf = make([]byte, bufSize)
	var out [][]string
	for {
		fields, err := sp.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		rec := make([]string, len(fields))
		for i, f := range fields {
			rec[i] = string(f)
		}
		out = append(out, rec)
	}
}

func stdSplit(in []byte) ([][]string, error) {
	r := csv.NewReader(bytes.NewReader(in))
	r.FieldsPerRecord = -1
	return r.ReadAll()
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want [][]string
	}{
		{"plain", "a,b,c\n1,2,3\n", [][]string{{"a", "b", "c"}, {"1", "2", "3"}}},
		{"no final newline", "a,b\n1,2", [][]string{{"a", "b"}, {"1", "2"}}},
		{"crlf", "a,b\r\n1,2\r\n", [][]string{{"a", "b"}, {"1", "2"}}},
		{"quoted comma and newline", "a,\"x, y\nz\",c\n", [][]string{{"a", "x, y\nz", "c"}}},
		{"escaped quotes", `"{""k"": ""v""}",2` + "\n", [][]string{{`{"k": "v"}`, "2"}}},
		{"empty fields", ",,\n", [][]string{{"", "", ""}}},
		{"trailing separator at eof", "a,", [][]string{{"a", ""}}},
		{"blank lines skipped", "a\n\n\r\nb\n", [][]string{{"a"}, {"b"}}},
		{"crlf inside quotes", "\"a\r\nb\"\r\n", [][]string{{"a\nb"}}},
		{"lone cr kept", "a\rb,c\n", [][]string{{"a\rb", "c"}}},
		{"empty quoted", `"",""` + "\n", [][]string{{"", ""}}},
		{"text after closing quote", `"ab"c,d` + "\n", [][]string{{"abc", "d"}}},
		{"unclosed quote at eof", `a,"bc`, [][]string{{"a", "bc"}}},
	}
	for _, tt := range tests {
		for _, size := range []int{1, 3, 7, 64} {
			got, err := splitAll(t, []byte(tt.in), size)
			if err != nil {
				t.Fatalf("%s/%d: %v", tt.name, size, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (buffer %d) (-want +got):\n%s", tt.name, size, diff)
			}
		}
	}
}

func TestSplitTooLong(t *testing.T) {
	defer func(m int) { maxRecord = m }(maxRecord)
	maxRecord = 1 << 12
	in := append([]byte(`"`), bytes.Repeat([]byte("x"), maxRecord+10)...)
	_, err := splitAll(t, in, 64)
	if !errors.Is(err, errRecordTooLong) {
		t.Fatalf("err = %v, want %v", err, errRecordTooLong)
	}
}

// FuzzSplit checks the splitter against encoding/csv on every input
// encoding/csv accepts, whatever the buffer size.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n", "\"a\"\"b\",c\r\n", "x,\"y\nz\"\n\n", ",,,\n", "\"\"", "a\r\n\r\nb", "\"a\r\r\nb\"",
	} {
		f.Add([]byte(s), uint8(5))
	}
	f.Fuzz(func(t *testing.T, in []byte, size uint8) {
		want, err := stdSplit(in)
		got, gerr := splitAll(t, in, int(size)+1)
		if err != nil {
			return // invalid CSV: the splitter only must not panic
		}
		if gerr != nil {
			t.Fatalf("split %q: %v", in, gerr)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("split %q (-encoding/csv +splitter):\n%s", in, diff)
		}
	})
}
