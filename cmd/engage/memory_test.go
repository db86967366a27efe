package main

import (
	"math"
	"runtime/debug"
	"testing"
	"time"
)

func TestTuneMemorySetsSoftLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	stop := tuneMemory()
	if got := debug.SetMemoryLimit(-1); got != buildMemoryLimit {
		t.Errorf("memory limit during a build = %d, want %d", got, buildMemoryLimit)
	}
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

func TestTuneMemoryKeepsUsersLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "3GiB")
	limit := debug.SetMemoryLimit(3 << 30)
	defer debug.SetMemoryLimit(limit)
	tuneMemory()()
	if got := debug.SetMemoryLimit(-1); got != 3<<30 {
		t.Errorf("memory limit with GOMEMLIMIT=3GiB = %d, want it left at %d", got, int64(3<<30))
	}
}

func TestTuneMemoryOffWithoutCollector(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	limit := debug.SetMemoryLimit(-1)
	tuneMemory()()
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
