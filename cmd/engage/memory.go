package main

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// buildMemoryLimit is the soft memory limit engage build starts with when
// GOMEMLIMIT does not set one. A large site's heap is mostly pages it
// holds until they are written; without a limit, memory the garbage
// collector has freed stays with the process, and a site of 100,000
// pages peaked at 2.3 GB. Under the limit Go collects a little sooner and
// returns freed memory to the system.
const buildMemoryLimit = 1750 << 20

// tuneMemory sets the soft memory limit for a build, unless GOMEMLIMIT
// sets one or GOGC=off, and returns the function that ends it. (GOGC
// stays at Go's default, 100: collecting more often made a build of
// 10,000 pages 8% slower for a quarter less memory, which the limit now
// saves where it matters, on large sites.) A soft limit the site's pages outgrow
// would make Go collect garbage over and over, so while the build runs
// the limit is raised to keep at least a third of GOGC's room above the
// live heap: a site too large for the limit builds in more memory,
// collecting at most three times as often as GOGC alone would.
func tuneMemory() (stop func()) {
	gogc := debug.SetGCPercent(-1)
	debug.SetGCPercent(gogc)
	if os.Getenv("GOMEMLIMIT") != "" || gogc < 0 {
		return func() {}
	}
	debug.SetMemoryLimit(buildMemoryLimit)
	done := make(chan struct{})
	go func() {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		limit := uint64(buildMemoryLimit)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				debug.SetMemoryLimit(math.MaxInt64)
				return
			case <-tick.C:
				metrics.Read(sample)
				if want := roomFor(sample[0].Value.Uint64(), gogc); want > limit {
					limit = want
					debug.SetMemoryLimit(int64(limit))
				}
			}
		}
	}()
	return func() { close(done) }
}

// roomFor is the least memory limit for a live heap of live bytes: a
// third of the room GOGC=gogc would give it, and an eighth more for what
// the runtime holds besides the heap.
func roomFor(live uint64, gogc int) uint64 {
	heap := live + live*uint64(gogc)/300
	return heap + heap/8
}
