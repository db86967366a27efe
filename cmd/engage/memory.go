package main

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// buildMemoryLimit is the soft memory limit engage build starts with when
// GOMEMLIMIT does not set one. A large site's heap is mostly pages it
// holds until they are written; without a limit, memory the garbage
// collector has freed stays with the process, and a site of 100,000
// pages peaked at 2.3 GB. Under the limit Go collects a little sooner and
// returns freed memory to the system.
const buildMemoryLimit = 1750 << 20

// largeHeap is the live heap past which a build collects garbage more
// often than Go's default, at largeGOGC, unless GOGC says otherwise. A
// site of 10,000 pages stays under it, and builds 8% faster at GOGC=100;
// a site of 100,000 pages passes it while parsing. It built 4 to 14%
// faster at GOGC=60 than at 100, its heap less scattered when it reached
// the limit. Once the parse, search and generated files stages allocated
// less (the seventh session's work), its live heap peaked about 150 MB
// lower, and it built 9% faster at GOGC=80 than at 60 (31.7 s against
// 35.0 s, two runs each, taking turns), peaking at 1,657 MiB rather than
// 1,510; at GOGC=100 it reached the limit (1,757 MiB) and was no faster.
const (
	largeHeap = 384 << 20
	largeGOGC = 80
)

// smallHeapGoal is the least heap a build lets grow to before it
// collects garbage, unless GOGC is set. Go's default collects when the
// heap is twice the live heap, which early in a build is a few megabytes:
// a site of 10,000 pages collected 40 times. With a floor of 128 MiB it
// collected 19 times, in 8% less CPU time; with 256 MiB (once its front
// matter no longer went through yaml.v3, which halved what parsing
// allocates) 11 times, in 14% less CPU time and 13% less wall time than
// 128 MiB, peaking at 368 MiB instead of 269 (median of 5 runs each,
// taking turns). That is still under a fifth of what Hugo needs for the
// same site (about 2,100 MiB).
const (
	smallHeapGoal = 256 << 20
	maxGOGC       = 800
)

// pageHeap is the heap a build lets grow to for each page of its site
// before it collects garbage, where that is more than smallHeapGoal, up
// to largeHeapGoal. A large site's live heap grows while its pages are
// parsed and peaks while they are written, at about 6.5 KB a page, with
// largeGOGC's room on top: a 100,000-page site's heap reaches about 1.1
// GiB then whatever it was given before. Given 9 KB a page from the start,
// it collected garbage while parsing 12 times rather than 32, and 18 times
// in all rather than 39, 5% faster; its peak rose from 1,657 MiB to the
// memory limit (1,754 MiB), which holds it there. 12 KB a page was slower
// (29.2 s against 28.2 s, two runs each, taking turns). Once the eighth
// session's work made the heap smaller (peaking at about 1,600 MiB), 10
// KB a page built it 7% faster than 9 KB (24.6 s against 26.6 s, CPU
// time 46.6 s against 50.2 s, three runs each, taking turns), peaking at
// 1,688 MiB; 11 KB was no faster again, at 1,731 MiB.
const (
	pageHeap      = 10 << 10
	largeHeapGoal = 1152 << 20
)

// heapGoalFor is the least heap a build of a site of pages content files
// lets grow to before it collects garbage.
func heapGoalFor(pages int) uint64 {
	return min(max(uint64(pages)*pageHeap, smallHeapGoal), largeHeapGoal)
}

// gogcFor is the GOGC that gives a live heap of live bytes a heap goal
// of at least goal (up to maxGOGC, which a small live heap reaches
// first): never less than Go's default below largeHeap, nor than
// largeGOGC past it.
func gogcFor(live, goal uint64) int {
	want := maxGOGC
	if live > 0 {
		want = min(int((goal*100+live-1)/live)-100, maxGOGC)
	}
	if live > largeHeap {
		return max(want, largeGOGC)
	}
	return max(want, 100)
}

// tuneMemory tunes the garbage collector for a build and returns sized,
// for build.Options.Sized, which gives a large site's heap more room
// (heapGoalFor), and stop, which ends the tuning: the soft memory
// limit, unless GOMEMLIMIT sets one, and GOGC as the live heap grows
// (gogcFor), unless GOGC sets it. Nothing is tuned with GOGC=off.
//
// A soft limit the site's pages outgrow would make Go collect garbage
// over and over, so while the build runs the limit is raised to keep at
// least a third of GOGC's room above the live heap: a site too large for
// the limit builds in more memory, collecting at most three times as
// often as GOGC alone would.
//
// The settings are the whole process's: tuneMemory is for the command,
// not for two builds at once.
func tuneMemory() (sized func(pages int), stop func()) {
	gogc := gcPercent()
	setLimit, setGOGC := os.Getenv("GOMEMLIMIT") == "", os.Getenv("GOGC") == ""
	if gogc < 0 || !setLimit && !setGOGC {
		return func(int) {}, func() {}
	}
	var goal atomic.Uint64
	goal.Store(smallHeapGoal)
	before, limitBefore := gogc, int64(-1)
	if setLimit {
		limitBefore = debug.SetMemoryLimit(buildMemoryLimit)
	}
	if setGOGC {
		gogc = gogcFor(0, smallHeapGoal)
		debug.SetGCPercent(gogc)
	}
	done, ended := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(ended)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		limit, lastGoal := uint64(buildMemoryLimit), uint64(smallHeapGoal)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				if setLimit {
					debug.SetMemoryLimit(limitBefore)
				}
				debug.SetGCPercent(before)
				return
			case <-tick.C:
				metrics.Read(sample)
				live := sample[0].Value.Uint64()
				// GOGC only comes down, but when the site's size is
				// known: the live heap of a build grows while its pages
				// are parsed and shrinks as they are written, and a
				// shrinking heap needs no more room. The watcher looks
				// every 100 ms, so a heap goal set from a GOGC a tick old
				// can overshoot by about what a build allocates in that
				// time, a few tens of megabytes.
				g := goal.Load()
				if want := gogcFor(live, g); setGOGC && (want < gogc || g != lastGoal) {
					gogc = want
					debug.SetGCPercent(gogc)
				}
				lastGoal = g
				if want := roomFor(live, gogc); setLimit && want > limit {
					limit = want
					debug.SetMemoryLimit(int64(limit))
				}
			}
		}
	}()
	sized = func(pages int) { goal.Store(heapGoalFor(pages)) }
	return sized, func() { close(done); <-ended }
}

// gcPercent reads GOGC without changing it (-1 for off).
func gcPercent() int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	if v := s[0].Value.Uint64(); v <= math.MaxInt32 {
		return int(v)
	}
	return -1
}

// roomFor is the least memory limit for a live heap of live bytes: a
// third of the room GOGC=gogc would give it, and an eighth more for what
// the runtime holds besides the heap.
func roomFor(live uint64, gogc int) uint64 {
	heap := live + live*uint64(gogc)/300
	return heap + heap/8
}
