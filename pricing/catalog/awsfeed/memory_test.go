package awsfeed_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/awsfeed"
	"github.com/tollgate-dev/tollgate/pricing/catalog/awsfeed/awsfeedtest"
)

const (
	// flatBytes is the generated file TestImportFlatMemory streams: half
	// a real EC2 region, a few seconds of work. The 1 GB case is
	// BenchmarkImportEC2's.
	flatBytes = 200 << 20
	// heapLimit is the most heap the import may hold (issue 6).
	heapLimit = 200 << 20
)

// TestImportFlatMemory streams a generated EC2 file of 200 MB, most of
// its rows dropped, and checks the heap in use never came near the size
// of the file, and that what was kept is right.
func TestImportFlatMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 200 MB")
	}
	srv := httptest.NewServer(syntheticList(flatBytes).Handler())
	defer srv.Close()
	rec := &recorder{bytes: map[string]int64{}, rows: map[string]int{}}
	b := catalog.NewBuilder()
	heap := watchHeap()
	err := awsfeed.New(awsfeed.Options{BaseURL: srv.URL, Services: []string{"AmazonEC2"}}).Import(context.Background(), b, rec)
	peak := heap.stop()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("peak heap in use %.1f MB for a %d MB file", float64(peak)/(1<<20), flatBytes>>20)
	if peak >= heapLimit {
		t.Errorf("peak heap in use %d MB, want under %d MB", peak>>20, heapLimit>>20)
	}
	if rec.bytes["AmazonEC2"] < flatBytes {
		t.Errorf("progress reported %d bytes, want at least %d", rec.bytes["AmazonEC2"], flatBytes)
	}
	if got, want := b.Len(), awsfeedtest.SyntheticInstanceKeys+awsfeedtest.SyntheticOtherKeys; got != want {
		t.Errorf("kept %d rows, want %d", got, want)
	}
	if got, want := rec.rows["AmazonEC2"], b.Len(); got != want {
		t.Errorf("progress reported %d rows kept, want %d", got, want)
	}
	res := &result{}
	res.readBack(t, b, srv.URL)
	for _, c := range []struct{ typ, os, key string }{
		{"m5.large", "Linux", "instance/m5.large/linux"},
		{"c5n.metal", "SUSE", "instance/c5n.metal/suse"},
	} {
		want := pricing.Dec(awsfeedtest.SyntheticPrice(c.typ, c.os))
		if p, ok := res.cat.Price("aws-ec2", "us-east-1", c.key); !ok || !p.Amount.Equal(want) {
			t.Errorf("%s = %s (found %v), want %s", c.key, p.Amount, ok, want)
		}
	}
}
