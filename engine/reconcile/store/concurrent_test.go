package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/engine/reconcile/prediction"
	"github.com/tollgate-dev/tollgate/engine/reconcile/store"
	"github.com/tollgate-dev/tollgate/engine/reconcile/store/storetest"
)

// TestConcurrentRecorders records from many goroutines at once, through
// several Store instances on one store, as separate CI runners would, on
// a store nobody has opened yet: each commit is recorded by several
// recorders, and afterwards every commit is there exactly once, complete.
func TestConcurrentRecorders(t *testing.T) {
	const (
		stores     = 4
		recorders  = 16 // goroutines, each recording through any of the stores
		commits    = 24
		perCommit  = 3 // recorders racing on each commit
		resources  = 5
		components = 2
	)
	forEachBackend(t, func(t *testing.T, b storetest.Backend) {
		dsn := b.DSN(t)
		ctx := context.Background()

		// Open the stores at once too: the migrations race.
		ss := make([]*store.Store, stores)
		var wg sync.WaitGroup
		errs := make(chan error, commits*perCommit+stores)
		for i := range ss {
			wg.Go(func() {
				s, err := store.Open(ctx, dsn)
				if err != nil {
					errs <- err
					return
				}
				ss[i] = s
			})
		}
		wg.Wait()
		for _, s := range ss {
			if s != nil {
				t.Cleanup(func() { s.Close() })
			}
		}
		select {
		case err := <-errs:
			t.Fatalf("concurrent Open: %v", err)
		default:
		}

		// Each job records one commit through one store.
		type job struct{ commit, store int }
		jobs := make(chan job)
		inserted := make([]int, commits)
		ids := make([]map[int64]bool, commits)
		for i := range ids {
			ids[i] = map[int64]bool{}
		}
		var mu sync.Mutex
		for w := range recorders {
			wg.Go(func() {
				for j := range jobs {
					id, ins, err := ss[j.store].Record(ctx, concurrentRun(j.commit, resources, components))
					if err != nil {
						errs <- fmt.Errorf("recorder %d, commit %d: %w", w, j.commit, err)
						continue
					}
					mu.Lock()
					ids[j.commit][id] = true
					if ins {
						inserted[j.commit]++
					}
					mu.Unlock()
				}
			})
		}
		for k := range perCommit {
			for c := range commits {
				jobs <- job{commit: c, store: (c + k) % stores}
			}
		}
		close(jobs)
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}

		for c := range commits {
			if inserted[c] != 1 || len(ids[c]) != 1 {
				t.Errorf("commit %d: inserted by %d recorders, ids %v; want 1 and one id", c, inserted[c], ids[c])
			}
		}
		recs, err := ss[0].Predictions(ctx, "acme/infra", time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != commits*resources {
			t.Errorf("%d predictions stored, want %d", len(recs), commits*resources)
		}
		perRun := map[string]int{}
		for _, r := range recs {
			perRun[r.Commit]++
			if len(r.Components) != components {
				t.Errorf("%s@%s: %d components, want %d", r.Address, r.Commit, len(r.Components), components)
			}
		}
		for c := range commits {
			if n := perRun[commitName(c)]; n != resources {
				t.Errorf("commit %d: %d predictions, want %d", c, n, resources)
			}
		}
	})
}

func commitName(c int) string { return fmt.Sprintf("commit-%03d", c) }

func concurrentRun(c, resources, components int) prediction.Run {
	run := prediction.Run{
		Repo:       "acme/infra",
		Commit:     commitName(c),
		RecordedAt: t0.Add(time.Duration(c) * time.Hour),
	}
	for r := range resources {
		res := prediction.Resource{Address: fmt.Sprintf("aws_instance.r%d", r), Monthly: dec("1.5")}
		for k := range components {
			res.Components = append(res.Components, prediction.Component{Name: fmt.Sprintf("c%d", k), Monthly: dec("0.75")})
		}
		run.Resources = append(run.Resources, res)
	}
	return run
}
