package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestTuneMemorySetsSoftLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(5 << 30))
	_, stop := tuneMemory()
	if got := debug.SetMemoryLimit(-1); got != buildMemoryLimit {
		t.Errorf("memory limit during a build = %d, want %d", got, buildMemoryLimit)
	}
	stop()
	if got := debug.SetMemoryLimit(-1); got != 5<<30 {
		t.Errorf("memory limit after the build = %d, want the one before, %d", got, int64(5<<30))
	}
}

func TestTuneMemoryLargeHeap(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	_, stop := tuneMemory()
	// A live heap past largeHeap: the watcher lowers GOGC.
	keep := make([][]byte, 0, largeHeap>>20+64)
	for range cap(keep) {
		keep = append(keep, make([]byte, 1<<20))
	}
	runtime.GC()
	lowered := false
	for range 100 {
		time.Sleep(20 * time.Millisecond)
		if lowered = gcPercent() == largeGOGC; lowered {
			break
		}
	}
	runtime.KeepAlive(keep)
	stop()
	if !lowered {
		t.Errorf("GOGC with %d MiB live = %d, want %d", len(keep), gcPercent(), largeGOGC)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC after the build = %d, want it back at 100", got)
	}
}

func TestTuneMemoryKeepsUsersLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "3GiB")
	t.Setenv("GOGC", "100")
	limit := debug.SetMemoryLimit(3 << 30)
	defer debug.SetMemoryLimit(limit)
	_, stop := tuneMemory()
	stop()
	if got := debug.SetMemoryLimit(-1); got != 3<<30 {
		t.Errorf("memory limit with GOMEMLIMIT=3GiB = %d, want it left at %d", got, int64(3<<30))
	}
}

func TestTuneMemoryOffWithoutCollector(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	limit := debug.SetMemoryLimit(-1)
	_, stop := tuneMemory()
	stop()
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("memory limit with GOGC=off = %d, want it left at %d", got, limit)
	}
}

func TestRoomFor(t *testing.T) {
	const gib = 1 << 30
	// A third of GOGC=100's room, and an eighth for the runtime.
	if got, want := roomFor(3*gib, 100), uint64(4*gib*9/8); got != want {
		t.Errorf("roomFor(3 GiB, 100) = %d, want %d", got, want)
	}
	// The limit is raised only for a live heap of over about 1.15 GiB (a
	// site of 100,000 pages peaks at about 1 GiB).
	if roomFor(gib, 100) > buildMemoryLimit {
		t.Errorf("roomFor(1 GiB) = %d is over the starting limit %d: a 100,000-page site would not be held to it", roomFor(gib, 100), buildMemoryLimit)
	}
	if roomFor(5*gib/4, 100) <= buildMemoryLimit {
		t.Errorf("roomFor(1.25 GiB) = %d is within the starting limit: a site that large would collect garbage over and over", roomFor(5*gib/4, 100))
	}
}

func TestGOGCFor(t *testing.T) {
	const mib = 1 << 20
	for _, tt := range []struct {
		live uint64
		want int
	}{
		{0, maxGOGC},               // nothing live yet: as late as allowed
		{8 * mib, maxGOGC},         // 256 MiB would need 3,100: capped
		{32 * mib, 700},            // a heap goal of 256 MiB
		{100 * mib, 156},           // 256 MiB, rounded up
		{128 * mib, 100},           // Go's default gives 256 MiB itself
		{200 * mib, 100},           // and more past it
		{largeHeap + 1, largeGOGC}, // a large heap: collected more often
	} {
		if got := gogcFor(tt.live, smallHeapGoal); got != tt.want {
			t.Errorf("gogcFor(%d MiB) = %d, want %d", tt.live/mib, got, tt.want)
		}
	}
	// Every live heap from 29 MiB (where maxGOGC stops capping) to
	// largeHeap gets a goal of at least smallHeapGoal, rounding included.
	for live := uint64(29 * mib); live <= largeHeap; live += mib/3 + 1 {
		if g := gogcFor(live, smallHeapGoal); live+live*uint64(g)/100 < smallHeapGoal {
			t.Fatalf("gogcFor(%d) = %d: heap goal %d, under smallHeapGoal", live, g, live+live*uint64(g)/100)
		}
	}
}

func TestTuneMemorySmallHeapCollectsLater(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	limit := debug.SetMemoryLimit(-1)
	_, stop := tuneMemory()
	during := gcPercent()
	stop()
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("memory limit after the build = %d, want it back at %d", got, limit)
	}
	if during <= 100 {
		t.Errorf("GOGC at the start of a build = %d, want more than Go's 100 while the heap is small", during)
	}
	if got := gcPercent(); got != 100 {
		t.Errorf("GOGC after the build = %d, want it back at 100", got)
	}
}

// TestHeapGoalForLargeSite checks the room a build gives a site by its
// size: a site of 10,000 pages keeps smallHeapGoal, one of 100,000 gets
// about 900 MB, and none gets more than largeHeapGoal; a large heap's
// GOGC then reaches that goal until largeGOGC gives more.
func TestHeapGoalForLargeSite(t *testing.T) {
	const mib = 1 << 20
	if got := heapGoalFor(10000); got != smallHeapGoal {
		t.Errorf("heapGoalFor(10,000 pages) = %d MiB, want smallHeapGoal", got/mib)
	}
	large := heapGoalFor(100000)
	if large < 800*mib || large > 1000*mib {
		t.Errorf("heapGoalFor(100,000 pages) = %d MiB, want 800 to 1,000", large/mib)
	}
	if got := heapGoalFor(10000000); got != largeHeapGoal {
		t.Errorf("heapGoalFor(10 million pages) = %d MiB, want largeHeapGoal", got/mib)
	}
	for _, live := range []uint64{100 * mib, 300 * mib, largeHeap + 1, 450 * mib, 600 * mib} {
		g := gogcFor(live, large)
		if goal := live + live*uint64(g)/100; goal < large && g != maxGOGC {
			t.Errorf("gogcFor(%d MiB, %d MiB) = %d: heap goal %d MiB, under the site's", live/mib, large/mib, g, goal/mib)
		}
		if live > largeHeap && g < largeGOGC {
			t.Errorf("gogcFor(%d MiB, %d MiB) = %d, under largeGOGC", live/mib, large/mib, g)
		}
	}
	if got := gogcFor(800*mib, large); got != largeGOGC {
		t.Errorf("gogcFor(800 MiB, %d MiB) = %d, want largeGOGC once that gives more room", large/mib, got)
	}
}

// TestTuneMemorySized checks that a build told its site is large lets
// the heap grow further before collecting, though GOGC had come down.
func TestTuneMemorySized(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	sized, stop := tuneMemory()
	defer stop()
	keep := make([][]byte, 0, 160)
	for range cap(keep) {
		keep = append(keep, make([]byte, 1<<20))
	}
	runtime.GC()
	// settle waits for the watcher, which looks every 100 ms (up to 5 s
	// on a busy machine), to set a GOGC that ok accepts, and returns it.
	settle := func(ok func(int) bool) int {
		got := 0
		for range 250 {
			time.Sleep(20 * time.Millisecond)
			if got = gcPercent(); ok(got) {
				break
			}
		}
		return got
	}
	small := gogcFor(160<<20, smallHeapGoal)
	if got := settle(func(g int) bool { return g == small }); got != small {
		t.Fatalf("GOGC with 160 MiB live = %d, want %d", got, small)
	}
	sized(100000)
	// About 160 MiB is live: the test's own heap is a little more.
	large := gogcFor(160<<20, heapGoalFor(100000))
	near := func(g int) bool { return g >= large*9/10 && g <= large }
	if got := settle(near); !near(got) {
		t.Errorf("GOGC with 160 MiB live in a 100,000-page site = %d, want about %d (%d before)", got, large, small)
	}
	runtime.KeepAlive(keep)
}
