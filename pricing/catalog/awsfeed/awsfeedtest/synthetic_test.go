package awsfeedtest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"testing"
)

func TestWriteSyntheticOffer(t *testing.T) {
	for _, size := range []int64{0, 1, 3 << 20} {
		var buf bytes.Buffer
		if err := WriteSyntheticOffer(&buf, size); err != nil {
			t.Fatal(err)
		}
		if int64(buf.Len()) < size {
			t.Errorf("size %d: wrote %d bytes", size, buf.Len())
		}
		r := csv.NewReader(&buf)
		r.FieldsPerRecord = -1
		var header []string
		rows := 0
		for line := 1; ; line++ {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("size %d: %v", size, err)
			}
			switch {
			case line <= 5 && len(rec) != 2:
				t.Fatalf("size %d: metadata line %d has %d fields", size, line, len(rec))
			case line == 6:
				header = rec
			case line > 6 && len(rec) != len(header):
				t.Fatalf("size %d: line %d has %d fields, header %d", size, line, len(rec), len(header))
			case line > 6:
				rows++
			}
		}
		if header == nil || header[0] != "SKU" {
			t.Errorf("size %d: header %v", size, header)
		}
		if size > 1<<20 && rows == 0 {
			t.Errorf("size %d: no rows", size)
		}
	}
}

func TestSyntheticPrice(t *testing.T) {
	tests := []struct{ typ, os, want string }{
		{"m5.medium", "Linux", "0.0010000000"},
		{"m5.large", "Windows", "0.0124100000"},
		{"m5.large", "Plan 9", ""},
		{"q9.large", "Linux", ""},
	}
	for _, tt := range tests {
		if got := SyntheticPrice(tt.typ, tt.os); got != tt.want {
			t.Errorf("SyntheticPrice(%q, %q) = %q, want %q", tt.typ, tt.os, got, tt.want)
		}
	}
}
