package refresh_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/refresh"
)

// feed is a fake price list: it adds its rows, or fails after adding them.
type feed struct {
	name string
	rows []catalog.Row
	err  error
}

func (f feed) Name() string { return f.name }

func (f feed) Import(_ context.Context, b *catalog.Builder, p catalog.Progress) error {
	b.AddSource(pricing.Source{ID: f.name + "-api", PricedAsOf: "2026-11-01", Name: f.name + " test list", Origin: "test", License: "test"})
	for _, r := range f.rows {
		if err := b.Add(r); err != nil {
			return err
		}
		p.Add(r.Service, 100, 1)
	}
	return f.err
}

func row(svc, region, key, price string) catalog.Row {
	src := strings.SplitN(svc, "-", 2)[0] + "-api"
	return catalog.Row{Service: svc, Region: region, Key: key, Price: decimal.RequireFromString(price), Unit: "hours", Source: src}
}

// previous is the catalog being replaced: AWS in two regions and Azure.
func previous(t *testing.T) *catalog.Catalog {
	t.Helper()
	b := catalog.NewBuilder()
	b.AddSource(pricing.Source{ID: "old", PricedAsOf: "2025-04-24", Name: "old prices", Origin: "test", License: "test"})
	for _, r := range []catalog.Row{
		{Service: "aws-ec2", Region: "us-east-1", Key: "instance/m5.large/linux", Price: decimal.RequireFromString("0.096"), Unit: "hours", Source: "old"},
		{Service: "aws-ec2", Region: "us-east-1", Key: "instance/t3.micro/linux", Price: decimal.RequireFromString("0.0104"), Unit: "hours", Source: "old"},
		{Service: "aws-ec2", Region: "eu-west-1", Key: "instance/m5.large/linux", Price: decimal.RequireFromString("0.107"), Unit: "hours", Source: "old"},
		{Service: "azure-vm", Region: "eastus", Key: "vm/Standard_D2s_v3/linux", Price: decimal.RequireFromString("0.096"), Unit: "hours", Source: "old"},
	} {
		if err := b.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	b.AddTwin("aws-ec2", "eu-west-3", "eu-west-1", "test twin")
	return write(t, b)
}

func write(t *testing.T, b *catalog.Builder) *catalog.Catalog {
	t.Helper()
	dir := t.TempDir()
	if err := b.Write(func(name string) (io.WriteCloser, error) { return os.Create(filepath.Join(dir, name)) }); err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Open(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var fullAWS = feed{name: "aws", rows: []catalog.Row{
	row("aws-ec2", "us-east-1", "instance/m5.large/linux", "0.1"),
	row("aws-ec2", "us-east-1", "instance/t3.micro/linux", "0.0104"),
	row("aws-ec2", "eu-west-1", "instance/m5.large/linux", "0.107"),
}}

func price(t *testing.T, c *catalog.Catalog, svc, region, key string) string {
	t.Helper()
	p, ok := c.Price(svc, region, key)
	if !ok {
		return "missing"
	}
	return p.Amount.String() + " " + p.Source
}

func TestRefresh(t *testing.T) {
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		feeds   []catalog.Feed
		regions []string
		force   bool
		wantErr string // empty: swapped in
		want    map[string]string
		kept    []string
		carried map[string]int
		// fromCache: the previous catalog is the cache's, from an earlier
		// refresh of fullAWS, rather than previous().
		fromCache bool
	}{
		{
			name:  "new prices replace the provider's, other providers keep theirs",
			feeds: []catalog.Feed{fullAWS},
			want: map[string]string{
				"aws-ec2 us-east-1 instance/m5.large/linux": "0.1 aws-api",
				"aws-ec2 eu-west-3 instance/m5.large/linux": "missing", // twins never lend instances
				"azure-vm eastus vm/Standard_D2s_v3/linux":  "0.096 old",
			},
		},
		{
			name:    "regions not refreshed keep their prices",
			feeds:   []catalog.Feed{feed{name: "aws", rows: fullAWS.rows[:2]}},
			regions: []string{"us-east-1"},
			want: map[string]string{
				"aws-ec2 us-east-1 instance/m5.large/linux": "0.1 aws-api",
				"aws-ec2 eu-west-1 instance/m5.large/linux": "0.107 old",
			},
		},
		{
			name:  "an unavailable feed keeps its provider's prices and says so",
			feeds: []catalog.Feed{fullAWS, feed{name: "azure", err: catalog.ErrUnavailable}},
			want: map[string]string{
				"azure-vm eastus vm/Standard_D2s_v3/linux": "0.096 old",
			},
			kept: []string{"azure: kept the previous prices (price list unavailable)"},
		},
		{
			name:    "a feed that fails half-way changes nothing",
			feeds:   []catalog.Feed{feed{name: "aws", rows: fullAWS.rows[:1], err: errors.New("connection reset")}},
			wantErr: "refresh failed, the catalog is left as it was: aws: connection reset",
		},
		{
			name:    "a service that lost rows is refused",
			feeds:   []catalog.Feed{feed{name: "aws", rows: fullAWS.rows[:1]}},
			wantErr: "aws-ec2: 2 prices before, 1 now", // t3.micro, a key the list never gave, does not count
		},
		{
			name: "a lost sentinel is refused",
			feeds: []catalog.Feed{feed{name: "aws", rows: []catalog.Row{
				row("aws-ec2", "us-east-1", "instance/m5.xlarge/linux", "0.192"),
				row("aws-ec2", "us-east-1", "instance/t3.micro/linux", "0.0104"),
				row("aws-ec2", "eu-west-1", "instance/m5.large/linux", "0.107"),
			}}},
			wantErr: "aws-ec2 us-east-1 instance/m5.large/linux: price missing",
		},
		{
			name:  "--force swaps in what the guard refused; keys the list lacks everywhere are carried",
			feeds: []catalog.Feed{feed{name: "aws", rows: fullAWS.rows[:1]}},
			force: true,
			want: map[string]string{
				"aws-ec2 us-east-1 instance/m5.large/linux": "0.1 aws-api",
				"aws-ec2 eu-west-1 instance/m5.large/linux": "missing", // the list has m5.large, not here
				"aws-ec2 us-east-1 instance/t3.micro/linux": "0.0104 old",
			},
			carried: map[string]int{"aws-ec2": 1},
		},
		{
			name:      "a list that stops giving a key it gave before is refused",
			feeds:     []catalog.Feed{feed{name: "aws", rows: []catalog.Row{fullAWS.rows[0], fullAWS.rows[2]}}},
			fromCache: true,
			wantErr:   "aws-ec2: 3 prices before, 2 now",
		},
		{
			name:    "a service the list no longer has is refused",
			feeds:   []catalog.Feed{fullAWS, feed{name: "azure"}},
			wantErr: "azure-vm eastus vm/Standard_D2s_v3/linux: price missing",
		},
		{
			name:  "and carried over with --force",
			feeds: []catalog.Feed{fullAWS, feed{name: "azure"}},
			force: true,
			want: map[string]string{
				"azure-vm eastus vm/Standard_D2s_v3/linux": "0.096 old",
			},
			carried: map[string]int{"azure-vm": 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			// The cache already holds a good catalog: a refused or failed
			// refresh must leave it in place.
			if _, err := refresh.Refresh(context.Background(), dir, refresh.Options{Feeds: []catalog.Feed{fullAWS}, Now: now.Add(-time.Hour)}); err != nil {
				t.Fatal(err)
			}
			_, before, err := refresh.Open(dir)
			if err != nil {
				t.Fatal(err)
			}

			prev := previous(t)
			if tt.fromCache {
				prev, _, _ = refresh.Open(dir)
			}
			rep, err := refresh.Refresh(context.Background(), dir, refresh.Options{
				Feeds: tt.feeds, Previous: prev, Regions: tt.regions, Force: tt.force, Now: now,
			})
			c, after, openErr := refresh.Open(dir)
			if openErr != nil {
				t.Fatal(openErr)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				if after != before {
					t.Errorf("CURRENT moved to %s after a refused refresh", after)
				}
				assertOnlyCatalog(t, dir, before)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if after != rep.Dir || after == before {
				t.Errorf("CURRENT names %s, want the new %s", after, rep.Dir)
			}
			assertOnlyCatalog(t, dir, after)
			for k, want := range tt.want {
				f := strings.Fields(k)
				if got := price(t, c, f[0], f[1], f[2]); got != want {
					t.Errorf("%s = %s, want %s", k, got, want)
				}
			}
			if diff := cmp.Diff(tt.kept, rep.Kept); diff != "" {
				t.Errorf("kept (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.carried, rep.Carried, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("carried (-want +got):\n%s", diff)
			}
		})
	}
}

// assertOnlyCatalog checks that no temporary or old catalog is left behind.
func assertOnlyCatalog(t *testing.T, dir, want string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if diff := cmp.Diff([]string{"CURRENT", filepath.Base(want)}, names); diff != "" {
		t.Errorf("cache directory (-want +got):\n%s", diff)
	}
}

func TestGuardErrorLines(t *testing.T) {
	_, err := refresh.Refresh(context.Background(), t.TempDir(), refresh.Options{
		Feeds: []catalog.Feed{feed{name: "aws", rows: fullAWS.rows[2:]}}, Previous: previous(t),
	})
	var g *refresh.GuardError
	if !errors.As(err, &g) {
		t.Fatalf("error = %v, want a GuardError", err)
	}
	want := []string{
		"the new catalog looks wrong, the previous one is kept (use --force to swap it in anyway):",
		"aws-ec2: 2 prices before, 1 now",
		"aws-ec2 us-east-1 instance/m5.large/linux: price missing",
	}
	if diff := cmp.Diff(want, g.Lines()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

func TestNothingRead(t *testing.T) {
	dir := t.TempDir()
	_, err := refresh.Refresh(context.Background(), dir, refresh.Options{Feeds: []catalog.Feed{feed{name: "gcp", err: catalog.ErrUnavailable}}})
	if err == nil || !strings.Contains(err.Error(), "no prices were read") {
		t.Fatalf("error = %v", err)
	}
	if _, _, err := refresh.Open(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open after nothing read: %v, want not exist", err)
	}
}

func TestOpenMissingCatalog(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "CURRENT"), []byte("catalog-gone\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := refresh.Open(dir)
	if err == nil || !strings.Contains(err.Error(), "which is missing: run tollgate pricing refresh again") {
		t.Fatalf("error = %v", err)
	}
}
