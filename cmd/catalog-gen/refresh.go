package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/refresh"
)

type refreshFlags struct {
	on        bool
	providers string
	regions   string
	force     bool
	feeds     refresh.FeedOptions
}

// runRefresh refreshes the catalog in out from the providers' price lists,
// as tollgate pricing refresh does its cache: the same importers, the same
// drift guard, the prices they do not give kept from out.
func runRefresh(ctx context.Context, out string, f refreshFlags, log io.Writer) error {
	prev, err := catalog.Open(os.DirFS(out))
	if err != nil {
		return fmt.Errorf("the catalog to refresh, %s: %w", out, err)
	}
	f.feeds.Regions = split(f.regions)
	f.feeds.Note = func(provider, note string) { fmt.Fprintf(log, "note: %s: %s\n", provider, note) }
	feeds, err := refresh.NewFeeds(split(f.providers), f.feeds)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "catalog-refresh-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	rep, err := refresh.Refresh(ctx, tmp, refresh.Options{
		Feeds: feeds, Previous: prev, Regions: f.feeds.Regions, Force: f.force,
	})
	if err != nil {
		return err
	}
	err = install(out, func(create func(string) (io.WriteCloser, error)) error {
		entries, err := os.ReadDir(rep.Dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := copyFile(filepath.Join(rep.Dir, e.Name()), create, e.Name()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	var counts []string
	for _, svc := range slices.Sorted(maps.Keys(rep.Rows)) {
		counts = append(counts, fmt.Sprintf("%s %d", svc, rep.Rows[svc]))
	}
	fmt.Fprintf(log, "refreshed %s: %s\n", out, strings.Join(counts, ", "))
	for _, svc := range slices.Sorted(maps.Keys(rep.Carried)) {
		fmt.Fprintf(log, "carried: %s: %d previous prices the price list does not give\n", svc, rep.Carried[svc])
	}
	for _, line := range append(rep.Kept, rep.Problems...) {
		fmt.Fprintln(log, "note:", line)
	}
	return nil
}

func copyFile(from string, create func(string) (io.WriteCloser, error), name string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := create(name)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

func split(list string) []string {
	var out []string
	for _, s := range strings.Split(list, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
