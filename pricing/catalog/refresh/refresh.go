// Package refresh rebuilds the price catalog from the providers' public
// price lists (catalog.Feed) into a cache directory. A new catalog is
// written beside the current one and swapped in only when complete and
// plausible: an interrupted refresh, or a price list that suddenly lost
// rows, never replaces a good catalog.
package refresh

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// current names the file in the cache directory that names the catalog in
// use; replacing it is the atomic swap.
const current = "CURRENT"

// Options configure a refresh.
type Options struct {
	Feeds []catalog.Feed
	// Previous is the catalog being replaced (the cache's, else the
	// embedded one): its prices are kept for what the feeds do not read
	// (other regions, a provider that is unavailable), and it is what the
	// drift guard compares with.
	Previous *catalog.Catalog
	// Regions limits the refresh to these regions; prices of the others
	// are kept from Previous. Empty refreshes every region.
	Regions []string
	// Force swaps the new catalog in even when the drift guard objects.
	Force    bool
	Progress catalog.Progress
	// Now names the new catalog's directory; time.Now when zero.
	Now time.Time
}

// Report says what a refresh did.
type Report struct {
	Dir  string         // the new catalog's directory
	Rows map[string]int // prices per service in the new catalog
	// Carried counts, per service, the previous prices kept for keys the
	// price list gives in no region (GPU machine types the GCP list cannot
	// build, for one): kept with their older source and date, not lost.
	Carried  map[string]int
	Kept     []string // providers whose previous prices were kept, and why
	Problems []string // what the drift guard found (swapped anyway only with Force)
}

// Refresh imports every feed, keeps what they did not cover from the
// previous catalog, checks the result against it and swaps it in as the
// cache's current catalog.
func Refresh(ctx context.Context, cacheDir string, opts Options) (*Report, error) {
	if opts.Progress == nil {
		opts.Progress = catalog.NoProgress{}
	}
	b := catalog.NewBuilder()
	rep := &Report{Rows: map[string]int{}, Carried: map[string]int{}}
	ran, err := importAll(ctx, b, opts, rep)
	if err != nil {
		return nil, err
	}
	if b.Len() == 0 {
		why := ""
		if len(rep.Kept) > 0 {
			why = " (" + strings.Join(rep.Kept, "; ") + ")"
		}
		return nil, fmt.Errorf("no prices were read%s: the catalog is left as it was", why)
	}
	fresh := tally(b)
	if opts.Previous != nil {
		s := scope{ran: ran, regions: opts.Regions}
		if rep.Problems, err = guard(opts.Previous, b, fresh, s); err != nil {
			return nil, err
		}
		if len(rep.Problems) > 0 && !opts.Force {
			return rep, &GuardError{Problems: rep.Problems}
		}
		keep := func(svc, region, key string) bool {
			if !s.covers(svc, region) {
				return true
			}
			if t := fresh[svc]; t != nil && t.keys[key] {
				return false
			}
			rep.Carried[svc]++
			return true
		}
		if err := opts.Previous.CopyTo(b, keep); err != nil {
			return nil, fmt.Errorf("keep the previous prices: %w", err)
		}
		opts.Previous.CopyTwinsTo(b, func(svc, region string) bool { return !s.covers(svc, region) })
	}
	if err := install(cacheDir, b, opts.Now, rep); err != nil {
		return nil, err
	}
	return rep, nil
}

// scope is what a refresh read: the providers whose feeds ran, in the
// regions asked (all when none were).
type scope struct {
	ran     map[string]bool
	regions []string
}

// covers reports whether the refresh read a service's prices in a region.
func (s scope) covers(service, region string) bool {
	return s.ran[provider(service)] && (len(s.regions) == 0 || slices.Contains(s.regions, region))
}

// serviceTally is what the feeds gave for one service.
type serviceTally struct {
	rows    int
	keys    map[string]bool
	sources map[string]bool
}

func tally(b *catalog.Builder) map[string]*serviceTally {
	out := map[string]*serviceTally{}
	b.Each(func(r catalog.Row) {
		t := out[r.Service]
		if t == nil {
			t = &serviceTally{keys: map[string]bool{}, sources: map[string]bool{}}
			out[r.Service] = t
		}
		t.rows++
		t.keys[r.Key] = true
		t.sources[r.Source] = true
	})
	return out
}

// install writes the new catalog beside the current one, reads it back
// and swaps it in.
func install(cacheDir string, b *catalog.Builder, now time.Time, rep *Report) error {
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return fmt.Errorf("cache directory: %w", err)
	}
	if now.IsZero() {
		now = time.Now()
	}
	dir, err := os.MkdirTemp(cacheDir, "catalog-"+now.UTC().Format("20060102T150405")+"-")
	if err != nil {
		return fmt.Errorf("cache directory: %w", err)
	}
	fail := func(err error) error {
		os.RemoveAll(dir)
		return err
	}
	if err := b.Write(func(name string) (io.WriteCloser, error) { return os.Create(filepath.Join(dir, name)) }); err != nil {
		return fail(fmt.Errorf("write the new catalog: %w", err))
	}
	c, err := catalog.Open(os.DirFS(dir))
	if err != nil {
		return fail(fmt.Errorf("the new catalog does not read back: %w", err))
	}
	if rep.Rows, err = rowCounts(c); err != nil {
		return fail(fmt.Errorf("the new catalog does not read back: %w", err))
	}
	if err := swap(cacheDir, filepath.Base(dir)); err != nil {
		return fail(err)
	}
	rep.Dir = dir
	removeOld(cacheDir, filepath.Base(dir))
	return nil
}

// importAll runs the feeds at the same time; it reports which providers
// were read. A feed that is unavailable keeps its provider's prices; any
// other failure fails the refresh.
func importAll(ctx context.Context, b *catalog.Builder, opts Options, rep *Report) (map[string]bool, error) {
	ran := map[string]bool{}
	errs := make([]error, len(opts.Feeds))
	var wg sync.WaitGroup
	for i, f := range opts.Feeds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = f.Import(ctx, b, opts.Progress)
		}()
	}
	wg.Wait()
	var failed []error
	for i, f := range opts.Feeds {
		switch err := errs[i]; {
		case err == nil:
			ran[f.Name()] = true
		case errors.Is(err, catalog.ErrUnavailable):
			rep.Kept = append(rep.Kept, fmt.Sprintf("%s: kept the previous prices (%v)", f.Name(), err))
		default:
			failed = append(failed, fmt.Errorf("%s: %w", f.Name(), err))
		}
	}
	if err := errors.Join(failed...); err != nil {
		return nil, fmt.Errorf("refresh failed, the catalog is left as it was: %w", err)
	}
	return ran, nil
}

// provider is the provider of a catalog service: "aws" of "aws-ec2".
func provider(service string) string {
	p, _, _ := strings.Cut(service, "-")
	return p
}

func rowCounts(c *catalog.Catalog) (map[string]int, error) {
	services, err := c.Services()
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for _, svc := range services {
		c.Rows(svc, func(string, string, pricing.Price) { counts[svc]++ })
	}
	return counts, c.Err()
}

// swap points CURRENT at the new catalog: written to a temporary file and
// renamed over the old one, so a reader sees either catalog, never half.
func swap(cacheDir, name string) error {
	tmp, err := os.CreateTemp(cacheDir, ".current-*")
	if err != nil {
		return fmt.Errorf("swap in the new catalog: %w", err)
	}
	if _, err := tmp.WriteString(name + "\n"); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("swap in the new catalog: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("swap in the new catalog: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(cacheDir, current)); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("swap in the new catalog: %w", err)
	}
	return nil
}

// removeOld deletes the catalogs CURRENT no longer names; a reader that
// opened one keeps its open files.
func removeOld(cacheDir, keep string) {
	entries, _ := os.ReadDir(cacheDir)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "catalog-") && e.Name() != keep {
			os.RemoveAll(filepath.Join(cacheDir, e.Name()))
		}
	}
}

// Open opens the cache's current catalog; fs.ErrNotExist when there is
// none. It returns the catalog's directory too, for messages.
func Open(cacheDir string) (*catalog.Catalog, string, error) {
	name, err := os.ReadFile(filepath.Join(cacheDir, current))
	if err != nil {
		return nil, "", err
	}
	dir := filepath.Join(cacheDir, strings.TrimSpace(string(name)))
	if strings.ContainsAny(strings.TrimSpace(string(name)), `/\`) {
		return nil, "", fmt.Errorf("%s: %q is not a catalog directory name", filepath.Join(cacheDir, current), name)
	}
	c, err := catalog.Open(os.DirFS(dir))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, "", fmt.Errorf("%s names %s, which is missing: run tollgate pricing refresh again", filepath.Join(cacheDir, current), dir)
		}
		return nil, "", err
	}
	return c, dir, nil
}
