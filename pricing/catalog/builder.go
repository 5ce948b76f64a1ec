package catalog

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

// Row is one unit price, as a generator or importer produces it.
type Row struct {
	Service, Region, Key string
	Price                decimal.Decimal
	Unit                 string
	Source               string // a pricing.Source id added with AddSource
}

// Builder collects rows and writes them in the catalog format. The output
// is byte-for-byte reproducible for the same rows. It is safe for
// concurrent use, so that feeds can import at the same time.
type Builder struct {
	mu      sync.Mutex
	sources map[string]pricing.Source
	twins   map[string]twinRow
	rows    map[string]Row // service \x00 region \x00 key
}

type twinRow struct{ service, region, twin, evidence string }

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{sources: map[string]pricing.Source{}, twins: map[string]twinRow{}, rows: map[string]Row{}}
}

// AddSource registers a source of prices.
func (b *Builder) AddSource(s pricing.Source) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.sources[s.ID] = s
}

// AddTwin declares that region takes its service prices from twin when it
// has none of its own, because of evidence (shown to users).
func (b *Builder) AddTwin(service, region, twin, evidence string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.twins[service+"\x00"+region] = twinRow{service, region, twin, evidence}
}

// Add adds a row. A second row for the same service, region and key is an
// error unless it has the same price: two sources must not silently
// disagree. Use Set to replace a price on purpose.
func (b *Builder) Add(r Row) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.check(r); err != nil {
		return err
	}
	k := r.Service + "\x00" + r.Region + "\x00" + r.Key
	if old, dup := b.rows[k]; dup && !old.Price.Equal(r.Price) {
		return fmt.Errorf("%s %s %s: %s from %s disagrees with %s from %s", r.Service, r.Region, r.Key, r.Price, r.Source, old.Price, old.Source)
	}
	b.rows[k] = r
	return nil
}

// Set adds or replaces a row.
func (b *Builder) Set(r Row) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.check(r); err != nil {
		return err
	}
	b.rows[r.Service+"\x00"+r.Region+"\x00"+r.Key] = r
	return nil
}

// Has reports whether a price is already present.
func (b *Builder) Has(service, region, key string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	_, ok := b.rows[service+"\x00"+region+"\x00"+key]
	return ok
}

// Each calls fn for every row, in no particular order.
func (b *Builder) Each(fn func(Row)) {
	b.mu.Lock()
	rows := slices.Collect(maps.Values(b.rows))
	b.mu.Unlock()
	for _, r := range rows {
		fn(r)
	}
}

// Len is the number of rows.
func (b *Builder) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.rows)
}

func (b *Builder) check(r Row) error {
	if _, ok := b.sources[r.Source]; !ok {
		return fmt.Errorf("%s %s %s: unknown source %q", r.Service, r.Region, r.Key, r.Source)
	}
	for _, f := range []string{r.Service, r.Region, r.Key, r.Unit} {
		if f == "" || strings.ContainsAny(f, "\t\n\x00") {
			return fmt.Errorf("%s %s %s: empty field or tab/newline in %q", r.Service, r.Region, r.Key, f)
		}
	}
	if r.Price.IsNegative() {
		return fmt.Errorf("%s %s %s: negative price %s", r.Service, r.Region, r.Key, r.Price)
	}
	return nil
}

// Write writes the catalog files through create, which opens a file of the
// catalog directory for writing.
func (b *Builder) Write(create func(name string) (io.WriteCloser, error)) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	var src bytes.Buffer
	src.WriteString("id\tpriced_as_of\tname\torigin\tlicense\n")
	for _, id := range slices.Sorted(maps.Keys(b.sources)) {
		s := b.sources[id]
		fmt.Fprintf(&src, "%s\t%s\t%s\t%s\t%s\n", s.ID, s.PricedAsOf, s.Name, s.Origin, s.License)
	}
	if err := writeFile(create, "sources.tsv", src.Bytes()); err != nil {
		return err
	}

	var tw bytes.Buffer
	tw.WriteString("service\tregion\ttwin\tevidence\n")
	for _, k := range slices.Sorted(maps.Keys(b.twins)) {
		t := b.twins[k]
		fmt.Fprintf(&tw, "%s\t%s\t%s\t%s\n", t.service, t.region, t.twin, t.evidence)
	}
	if err := writeFile(create, "twins.tsv", tw.Bytes()); err != nil {
		return err
	}

	byService := map[string][]Row{}
	for _, r := range b.rows {
		byService[r.Service] = append(byService[r.Service], r)
	}
	for _, svc := range slices.Sorted(maps.Keys(byService)) {
		rows := byService[svc]
		sort.Slice(rows, func(i, j int) bool {
			if rows[i].Key != rows[j].Key {
				return rows[i].Key < rows[j].Key
			}
			return rows[i].Region < rows[j].Region
		})
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		fmt.Fprintln(zw, serviceHeader)
		for _, r := range rows {
			fmt.Fprintf(zw, "%s\t%s\t%s\t%s\t%s\n", r.Region, r.Key, r.Price.String(), r.Unit, r.Source)
		}
		if err := zw.Close(); err != nil {
			return err
		}
		if err := writeFile(create, svc+".tsv.gz", buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(create func(string) (io.WriteCloser, error), name string, data []byte) error {
	w, err := create(name)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		w.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	return w.Close()
}
