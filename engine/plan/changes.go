package plan

import (
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/tollgate-dev/tollgate/engine/change"
	"github.com/tollgate-dev/tollgate/engine/provider"
)

// batch is how many elements a worker claims at a time: large enough to
// keep the shared counter cold, small enough to balance the load.
const batch = 64

// parallel calls a function for every index below n, spread over
// GOMAXPROCS goroutines (the caller's included); each goroutine gets its
// function from worker, so it can keep state of its own.
func parallel(n int, worker func() func(i int)) {
	var next atomic.Int64
	work := func() {
		fn := worker()
		for {
			lo := int(next.Add(batch)) - batch
			if lo >= n {
				return
			}
			for i := lo; i < min(lo+batch, n); i++ {
				fn(i)
			}
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (n+batch-1)/batch) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
}

// resources decodes the configuration and the resource changes, which is
// most of the time spent on a large plan, in parallel, then converts the
// changes. Results keep the plan's order and the first error by position
// wins, so output never depends on scheduling.
func (p *parser) resources(doc *document) ([]change.Resource, []string, error) {
	var cfgErr error
	cfgDone := make(chan struct{})
	go func() {
		defer close(cfgDone)
		var tf *tfjson.Config
		if doc.config[1] > 0 {
			v, _ := newDecoder(p.text).value(doc.config[0])
			if tf, cfgErr = readConfig(v); cfgErr != nil {
				cfgErr = p.shape(doc.config[0], cfgErr)
			}
		}
		p.cfg = newConfig(tf, doc.Variables)
	}()

	elems := doc.changes
	rcs := make([]*tfjson.ResourceChange, len(elems))
	errs := make([]error, len(elems))
	parallel(len(elems), func() func(int) {
		dec := newDecoder(p.text)
		return func(i int) {
			v, _ := dec.value(elems[i][0])
			var err error
			if rcs[i], err = readResourceChange(v, field(i)); err != nil {
				errs[i] = p.shape(elems[i][0], err)
			}
		}
	})
	<-cfgDone
	if cfgErr != nil {
		return nil, nil, cfgErr
	}
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}

	out := make([]converted, len(elems))
	parallel(len(elems), func() func(int) {
		return func(i int) {
			out[i], errs[i] = p.convert(rcs[i], field(i), elems[i][0])
		}
	})
	var notes []string
	res := make([]change.Resource, 0, len(elems))
	defaulted := 0
	for i, c := range out {
		if errs[i] != nil {
			return nil, nil, errs[i]
		}
		if c.note != "" {
			notes = append(notes, c.note)
		}
		if !c.keep {
			continue
		}
		if c.defaultRegion {
			defaulted++
		}
		res = append(res, c.res)
	}
	if defaulted > 0 {
		notes = append(notes, provider.RegionNote(defaulted, "plan"))
	}
	change.SortResources(res)
	return res, notes, nil
}

func field(i int) string { return "resource_changes[" + strconv.Itoa(i) + "]" }
