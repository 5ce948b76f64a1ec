package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/refresh"
)

// priceFlags choose the price catalog of a command that prices.
type priceFlags struct {
	prices   string
	offline  bool
	cacheDir string
}

func (f *priceFlags) register(fl *pflag.FlagSet) {
	fl.StringVar(&f.prices, "prices", "", "use the price catalog in `DIR` (a cache written by tollgate pricing refresh, or a catalog directory)")
	fl.BoolVar(&f.offline, "offline", false, "use the catalog built into tollgate, even when a refreshed one is cached")
	fl.StringVar(&f.cacheDir, "cache-dir", "", "`DIR` of the refreshed catalog (default: TOLLGATE_CACHE_DIR, else $XDG_CACHE_HOME/tollgate, else ~/.cache/tollgate)")
}

// cacheDir is where pricing refresh writes and estimate reads the
// refreshed catalog: --cache-dir, TOLLGATE_CACHE_DIR, $XDG_CACHE_HOME/tollgate
// or ~/.cache/tollgate.
func (c *cli) cacheDir(flag string) (string, error) {
	switch {
	case flag != "":
		return flag, nil
	case c.getenv("TOLLGATE_CACHE_DIR") != "":
		return c.getenv("TOLLGATE_CACHE_DIR"), nil
	case c.getenv("XDG_CACHE_HOME") != "":
		return filepath.Join(c.getenv("XDG_CACHE_HOME"), "tollgate"), nil
	case c.getenv("HOME") != "":
		return filepath.Join(c.getenv("HOME"), ".cache", "tollgate"), nil
	}
	return "", errors.New("no cache directory: set --cache-dir, TOLLGATE_CACHE_DIR, XDG_CACHE_HOME or HOME")
}

// openCatalog picks the catalog: --prices DIR, else the refreshed cache,
// else the embedded one; --offline forces the embedded one. It returns the
// catalog's name for outputs: "embedded" or its directory.
func (c *cli) openCatalog(f priceFlags) (*catalog.Catalog, string, error) {
	if f.offline && f.prices != "" {
		return nil, "", errors.New("--offline uses the built-in catalog and --prices another one: give one of them")
	}
	if f.offline {
		return catalog.Embedded(), engine.EmbeddedCatalog, nil
	}
	if f.prices != "" {
		return openPrices(f.prices)
	}
	dir, err := c.cacheDir(f.cacheDir)
	if err != nil {
		return catalog.Embedded(), engine.EmbeddedCatalog, nil // nowhere to look: nothing was refreshed
	}
	cat, catDir, err := refresh.Open(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return catalog.Embedded(), engine.EmbeddedCatalog, nil
	case err != nil:
		return nil, "", fmt.Errorf("refreshed price catalog: %w (or use --offline)", err)
	}
	return cat, catDir, nil
}

// openPrices opens --prices DIR: a refresh cache (with its CURRENT
// pointer) or a catalog directory itself.
func openPrices(dir string) (*catalog.Catalog, string, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, "", fmt.Errorf("--prices %s: %w", dir, unwrapPathError(err))
	}
	if !info.IsDir() {
		return nil, "", fmt.Errorf("--prices %s is a file: give the directory tollgate pricing refresh --cache-dir wrote", dir)
	}
	if cat, catDir, err := refresh.Open(dir); !errors.Is(err, fs.ErrNotExist) {
		if err != nil {
			return nil, "", fmt.Errorf("--prices %s: %w", dir, err)
		}
		return cat, catDir, nil
	}
	cat, err := catalog.Open(os.DirFS(dir))
	if err != nil {
		return nil, "", fmt.Errorf("--prices %s is not a price catalog (%w): give the directory tollgate pricing refresh --cache-dir wrote", dir, err)
	}
	return cat, dir, nil
}
