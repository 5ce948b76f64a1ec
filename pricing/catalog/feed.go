package catalog

import (
	"context"
	"errors"
)

// ErrUnavailable is wrapped by a feed that cannot run here (GCP's needs an
// API key): its provider keeps the prices it had, and the refresh says so.
var ErrUnavailable = errors.New("price list unavailable")

// Feed is one provider's public price list, read over the network by
// `tollgate pricing refresh` (and by cmd/catalog-gen -refresh for the
// embedded snapshot). It adds its sources and rows to a Builder, keeping
// only what tollgate's cost models ask for, and must hold flat memory
// however large the list is: stream, never read a whole file.
type Feed interface {
	// Name is the provider: "aws", "azure" or "gcp".
	Name() string
	// Import adds the provider's prices to b, reporting progress as it
	// goes. It returns an error when the list cannot be read completely:
	// a partial catalog must never replace a whole one.
	Import(ctx context.Context, b *Builder, progress Progress) error
}

// Progress receives a feed's progress: bytes read and rows kept so far,
// per service. Implementations must be safe for concurrent use.
type Progress interface {
	Add(service string, bytes int64, rows int)
}

// NoProgress discards progress.
type NoProgress struct{}

// Add implements Progress.
func (NoProgress) Add(string, int64, int) {}
