package awsfeed

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// attr is a column of an offer file that the mapping reads. Files name
// columns for people ("Product Family", "Pre Installed S/W"); the JSON
// form and some mirrors use camel case ("productFamily"). Both normalize
// to the same lowercase letters and digits.
type attr int

const (
	aTermType attr = iota
	aPrice
	aUnit
	aCurrency
	aStart
	aFamily
	aUsage
	aLocation
	aLocationType
	aRegionCode
	aOperation
	aInstanceType
	aTenancy
	aOS
	aPreInstalled
	aCapacity
	aLicense
	aEngine
	aDeployment
	aDeploymentModel
	aEdition
	aCacheEngine
	aRoutingType
	numAttrs
)

var attrNames = [numAttrs]string{
	aTermType:        "TermType",
	aPrice:           "PricePerUnit",
	aUnit:            "Unit",
	aCurrency:        "Currency",
	aStart:           "StartingRange",
	aFamily:          "Product Family",
	aUsage:           "usageType",
	aLocation:        "Location",
	aLocationType:    "Location Type",
	aRegionCode:      "Region Code",
	aOperation:       "operation",
	aInstanceType:    "Instance Type",
	aTenancy:         "Tenancy",
	aOS:              "Operating System",
	aPreInstalled:    "Pre Installed S/W",
	aCapacity:        "CapacityStatus",
	aLicense:         "License Model",
	aEngine:          "Database Engine",
	aDeployment:      "Deployment Option",
	aDeploymentModel: "Deployment Model",
	aEdition:         "Database Edition",
	aCacheEngine:     "Cache Engine",
	aRoutingType:     "Routing Type",
}

// required are the columns every offer file must have. Location stands
// for the region when the file has no Region Code.
var required = []attr{aTermType, aPrice, aUnit, aCurrency, aStart, aFamily, aUsage, aLocation}

// normalize folds a column name to lowercase letters and digits.
func normalize(name string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(name) {
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// metaLines bounds the metadata before the header: AWS writes five.
const metaLines = 10

// offerFile reads one CSV offer file: metadata lines, a header, then one
// record per SKU, term and price dimension. Records are reused: a field
// must be cloned to outlive the next Read.
type offerFile struct {
	url       string
	published string // the Publication Date, YYYY-MM-DD
	version   string
	cols      [numAttrs]int // -1 when the file lacks the column
	r         *csv.Reader
}

// openOffer reads the metadata and header of an offer file and checks
// that the columns the mapping needs are there.
func openOffer(url string, body io.Reader, need []attr) (*offerFile, error) {
	r := csv.NewReader(body)
	r.ReuseRecord = true
	r.FieldsPerRecord = -1 // metadata lines have two fields, the header many
	o := &offerFile{url: url, r: r}
	meta := map[string]string{}
	var header []string
	for n := 0; header == nil; n++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) || n == metaLines {
			return nil, fmt.Errorf("%s: no header row (a \"SKU\",... line) in the first %d lines: not an AWS CSV offer file", url, metaLines)
		}
		if err != nil {
			return nil, o.readError(err)
		}
		if rec[0] == "SKU" {
			header = append([]string(nil), rec...)
			break
		}
		if len(rec) != 2 {
			line, _ := r.FieldPos(0)
			return nil, fmt.Errorf("%s:%d: metadata line has %d fields, want 2 (\"Name\",\"Value\")", url, line, len(rec))
		}
		meta[rec[0]] = rec[1]
	}
	line, _ := r.FieldPos(0)
	published, err := publicationDate(meta["Publication Date"])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", url, err)
	}
	o.published, o.version = published, meta["Version"]

	byName := map[string]int{}
	for i, h := range header {
		byName[normalize(h)] = i
	}
	for a, name := range attrNames {
		o.cols[a] = -1
		if i, ok := byName[normalize(name)]; ok {
			o.cols[a] = i
		}
	}
	for _, a := range append(required, need...) {
		if o.cols[a] < 0 {
			return nil, fmt.Errorf("%s:%d: header has no %q column", url, line, attrNames[a])
		}
	}
	r.FieldsPerRecord = len(header)
	return o, nil
}

// publicationDate turns "2025-04-24T20:48:02Z" into "2025-04-24".
func publicationDate(s string) (string, error) {
	if len(s) < len("2006-01-02") {
		return "", fmt.Errorf("metadata has no Publication Date (got %q)", s)
	}
	d := s[:len("2006-01-02")]
	if _, err := time.Parse(time.DateOnly, d); err != nil {
		return "", fmt.Errorf("Publication Date %q is not a date", s)
	}
	return d, nil
}

// read returns the next record, io.EOF at the end of the file, or an
// error naming the file and line.
func (o *offerFile) read() ([]string, error) {
	rec, err := o.r.Read()
	if err == nil || errors.Is(err, io.EOF) {
		return rec, err
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
		return nil, fmt.Errorf("%s:%d: %d fields, but the header has %d", o.url, pe.StartLine, len(rec), o.r.FieldsPerRecord)
	}
	return nil, o.readError(err)
}

func (o *offerFile) readError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d: %w", o.url, pe.Line, pe.Err)
	}
	line, _ := o.r.FieldPos(0)
	return fmt.Errorf("read %s (near line %d): %w", o.url, line, err)
}

// line is the line the current record starts on.
func (o *offerFile) line() int {
	l, _ := o.r.FieldPos(0)
	return l
}

// row is the current record of a file, read by attribute.
type row struct {
	rec  []string
	cols *[numAttrs]int
}

func (r row) get(a attr) string {
	if i := r.cols[a]; i >= 0 {
		return r.rec[i]
	}
	return ""
}

// has reports whether the file has the column at all.
func (r row) has(a attr) bool { return r.cols[a] >= 0 }

// countingReader counts the bytes read through it and reports them to
// the feed's progress every progressStep bytes.
type countingReader struct {
	r      io.Reader
	n      int64 // not yet reported
	report func(int64)
}

const progressStep = 1 << 20

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n >= progressStep {
		c.report(c.n)
		c.n = 0
	}
	return n, err
}

// flush reports the bytes not reported yet.
func (c *countingReader) flush() {
	if c.n > 0 {
		c.report(c.n)
		c.n = 0
	}
}

// bufferSize is the read buffer of an offer file: large enough that the
// CSV reader refills it rarely.
const bufferSize = 256 << 10

func buffered(r io.Reader) *bufio.Reader { return bufio.NewReaderSize(r, bufferSize) }
