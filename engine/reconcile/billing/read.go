package billing

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"
	"time"
)

var (
	gzipMagic    = []byte{0x1f, 0x8b}
	parquetMagic = []byte("PAR1")
	bom          = []byte("\xef\xbb\xbf")
)

// ctxEvery is how many rows pass between checks for cancellation.
const ctxEvery = 1 << 14

// Read sums one billing export into s: CSV, gzipped CSV, or Parquet (when
// r is a file or Options.TempDir allows spooling). The format is told by
// the content; name is only for messages. An unknown format or an
// unreadable file is an error naming the file; malformed rows are counted
// in the Summary. After an error s may hold part of the file.
func (s *Sum) Read(ctx context.Context, r io.Reader, name string) (Summary, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4)
	if bytes.HasPrefix(head, gzipMagic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return Summary{Name: name}, fmt.Errorf("%s: read gzip: %w", name, err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
		head, _ = br.Peek(4)
		if bytes.Equal(head, parquetMagic) {
			return Summary{Name: name}, fmt.Errorf("%s: a gzipped Parquet file: gunzip it first (Parquet compresses its own pages)", name)
		}
	}
	if bytes.Equal(head, parquetMagic) {
		return s.readParquetStream(ctx, r, br, name)
	}
	if h, _ := br.Peek(3); bytes.Equal(h, bom) {
		_, _ = br.Discard(3)
	}
	return s.readCSV(ctx, br, name)
}

func (s *Sum) readCSV(ctx context.Context, r io.Reader, name string) (Summary, error) {
	sum := Summary{Name: name}
	sp := newSplitter(r)
	hdr, err := sp.next()
	if err == io.EOF {
		return sum, fmt.Errorf("%s: empty file: expected a CSV billing export with a header row", name)
	}
	if err != nil {
		return sum, fmt.Errorf("%s: read header: %w", name, err)
	}
	header := make([]string, len(hdr))
	for i, h := range hdr {
		header[i] = string(h)
	}
	l, err := detect(name, header)
	if err != nil {
		return sum, err
	}
	st := s.newState(l, &sum)
	var cols []colIdx
	for c, i := range l.idx {
		if i >= 0 {
			cols = append(cols, colIdx{col(c), i})
		}
	}
	var rw row
	for n := 1; ; n++ {
		fields, err := sp.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return st.finish(), fmt.Errorf("%s: record %d: %w", name, n, err)
		}
		if n%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return st.finish(), err
			}
		}
		if len(fields) != l.width {
			sum.Rows++
			st.malformed("wrong number of fields")
			continue
		}
		for _, c := range cols {
			rw.f[c.c] = fields[c.i]
		}
		rw.kv = rw.kv[:0]
		for _, t := range l.tagCols {
			if v := fields[t.idx]; !isNull(v) {
				rw.kv = append(rw.kv, tagKV{k: []byte(t.key), v: v})
			}
		}
		st.row(&rw)
	}
	return st.done()
}

type colIdx struct {
	c col
	i int
}

// fileState is the reading of one file into a Sum.
type fileState struct {
	s   *Sum
	rd  reader
	sum *Summary
	ln  line
	// all and used are the charge periods of the lines kept, and of those
	// but purchases: a commitment bought for a year has a charge period of
	// a year, which is not the period the bill covers.
	all, used span
	// Azure commitment rows tell actual from amortized exports.
	commitPurchase, commitAmortized bool
}

// span is the smallest interval holding some charge periods, in Unix
// seconds.
type span struct {
	min, max int64
	seen     bool
}

func (p *span) add(start, end int64) {
	end = max(end, start)
	if !p.seen || start < p.min {
		p.min = start
	}
	if !p.seen || end > p.max {
		p.max = end
	}
	p.seen = true
}

func (s *Sum) newState(l *layout, sum *Summary) *fileState {
	sum.Format = l.format
	sum.Missing = l.missingColumns()
	return &fileState{s: s, rd: reader{l: l}, sum: sum}
}

func (st *fileState) malformed(reason string) {
	if st.sum.Malformed == nil {
		st.sum.Malformed = map[string]int{}
	}
	st.sum.Malformed[reason]++
}

// row reads one row into the Sum.
func (st *fileState) row(r *row) {
	st.sum.Rows++
	ln := &st.ln
	if why := st.rd.read(r, ln); why != "" {
		st.malformed(why)
		return
	}
	if why := st.s.skip(ln); why != "" {
		if st.sum.Skipped == nil {
			st.sum.Skipped = map[string]int{}
		}
		st.sum.Skipped[why]++
		return
	}
	if err := st.s.add(ln, r); err != nil {
		if st.sum.Partial == nil {
			st.sum.Partial = map[string]int{}
		}
		st.sum.Partial["bad "+st.rd.l.name[cTags]]++
	}
	st.sum.Kept++
	st.all.add(ln.start, ln.end)
	if ln.cat != Purchase {
		st.used.add(ln.start, ln.end)
	}
	st.commitPurchase = st.commitPurchase || ln.commitPurchase
	st.commitAmortized = st.commitAmortized || ln.commitAmortized
}

func (st *fileState) finish() Summary {
	period := st.used
	if !period.seen {
		period = st.all
	}
	if period.seen {
		st.sum.PeriodStart = time.Unix(period.min, 0).UTC()
		st.sum.PeriodEnd = time.Unix(period.max, 0).UTC()
	}
	if st.commitPurchase {
		// An actual-cost export: purchases are not spread over usage.
		st.sum.Missing = append(st.sum.Missing, "EffectiveCost")
	}
	if st.commitAmortized {
		// An amortized export: covered usage shows no billed cost.
		st.sum.Missing = append(st.sum.Missing, "BilledCost")
	}
	sort.Strings(st.sum.Missing)
	st.sum.Missing = slices.Compact(st.sum.Missing)
	st.sum.Currency = st.s.Currency()
	return *st.sum
}

// done finishes the file: an error when rows were read but none could be.
func (st *fileState) done() (Summary, error) {
	sum := st.finish()
	if sum.Rows > 0 && sum.Kept == 0 && len(sum.Skipped) == 0 {
		return sum, fmt.Errorf("%s: no readable rows: %s", sum.Name, reasons(sum.Malformed))
	}
	return sum, nil
}

// reasons lists counts by reason, most frequent first.
func reasons(m map[string]int) string {
	keys := slices.Collect(maps.Keys(m))
	sort.Slice(keys, func(i, j int) bool {
		return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", m[k], k)
	}
	return strings.Join(parts, ", ")
}

// readParquetStream reads Parquet given as a stream: directly when it is
// a file, else through a temporary file in Options.TempDir.
func (s *Sum) readParquetStream(ctx context.Context, orig io.Reader, buffered io.Reader, name string) (Summary, error) {
	if ra, ok := orig.(interface {
		io.ReaderAt
		io.Seeker
	}); ok {
		size, err := ra.Seek(0, io.SeekEnd)
		if err != nil {
			return Summary{Name: name}, fmt.Errorf("%s: %w", name, err)
		}
		return s.ReadParquet(ctx, ra, size, name)
	}
	if s.opts.TempDir == "" {
		return Summary{Name: name}, fmt.Errorf("%s: Parquet needs random access: pass it as a file, not a stream", name)
	}
	f, err := createTemp(s.opts.TempDir)
	if err != nil {
		return Summary{Name: name}, fmt.Errorf("%s: spool Parquet: %w", name, err)
	}
	defer f.remove()
	size, err := io.Copy(f.f, buffered)
	if err != nil {
		return Summary{Name: name}, fmt.Errorf("%s: spool Parquet: %w", name, err)
	}
	return s.ReadParquet(ctx, f.f, size, name)
}

// tempFile is a spool file that removes itself.
type tempFile struct{ f *os.File }

func createTemp(dir string) (*tempFile, error) {
	f, err := os.CreateTemp(dir, "tollgate-bill-*.parquet")
	if err != nil {
		return nil, err
	}
	return &tempFile{f: f}, nil
}

func (t *tempFile) remove() {
	name := t.f.Name()
	t.f.Close()
	os.Remove(name)
}
