package main

import (
	"math"
	"runtime/debug"
	"testing"
	"time"
)

func TestTuneMemorySetsSoftLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	stop := tuneMemory()
	if got := debug.SetMemoryLimit(-1); got != buildMemoryLimit {
		t.Errorf("memory limit during a build = %d, want %d", got, buildMemoryLimit)
	}
	if got := debug.SetGCPercent(-1); got != buildGOGC {
		t.Errorf("GOGC during a build = %d, want %d", got, buildGOGC)
	}
	debug.SetGCPercent(buildGOGC)
	stop()
	// stop hands the limit back: the watcher has ended when it is lifted.
	for range 100 {
		if debug.SetMemoryLimit(-1) == math.MaxInt64 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("memory limit after the build = %d, want none", debug.SetMemoryLimit(-1))
}

func TestTuneMemoryKeepsUsersSettings(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "3GiB")
	t.Setenv("GOGC", "150")
	before := debug.SetGCPercent(150)
	defer debug.SetGCPercent(before)
	limit := debug.SetMemoryLimit(3 << 30)
	defer debug.SetMemoryLimit(limit)
	tuneMemory()()
	if got := debug.SetMemoryLimit(-1); got != 3<<30 {
		t.Errorf("memory limit with GOMEMLIMIT=3GiB = %d, want it left at %d", got, int64(3<<30))
	}
	if got := debug.SetGCPercent(-1); got != 150 {
		t.Errorf("GOGC with GOGC=150 = %d, want it left at 150", got)
	}
	debug.SetGCPercent(150)
}

func TestRoomFor(t *testing.T) {
	const gib = 1 << 30
	// Half of GOGC=60's room, and an eighth for the runtime.
	if got, want := roomFor(gib, 60), uint64(gib*13/10*9/8); got != want {
		t.Errorf("roomFor(1 GiB, 60) = %d, want %d", got, want)
	}
	// The limit is raised only for a live heap of over about 1.2 GiB.
	if roomFor(gib, buildGOGC) > buildMemoryLimit {
		t.Errorf("roomFor(1 GiB) = %d is over the starting limit %d: a 100,000-page site would not be held to it", roomFor(gib, buildGOGC), buildMemoryLimit)
	}
	if roomFor(3*gib/2, buildGOGC) <= buildMemoryLimit {
		t.Errorf("roomFor(1.5 GiB) = %d is within the starting limit: a site that large would collect garbage over and over", roomFor(3*gib/2, buildGOGC))
	}
}
