package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// profiles are the files engage build writes profiles to, when asked.
type profiles struct {
	cpu, mem string
}

// start begins the CPU profile and the watch for the memory profile; the
// function it returns ends them and writes the profiles.
func (p profiles) start() (stop func() error, err error) {
	var cpu *os.File
	if p.cpu != "" {
		cpu, err = os.Create(p.cpu)
		if err != nil {
			return nil, fmt.Errorf("--cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			cpu.Close()
			return nil, fmt.Errorf("--cpuprofile: %w", err)
		}
	}
	var peak *peakHeap
	if p.mem != "" {
		peak = watchPeak()
	}
	return func() error {
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				return fmt.Errorf("--cpuprofile: %w", err)
			}
		}
		if peak == nil {
			return nil
		}
		prof := peak.stop()
		if prof == nil {
			return fmt.Errorf("--memprofile: the heap profile could not be taken")
		}
		if err := os.WriteFile(p.mem, prof, 0o644); err != nil {
			return fmt.Errorf("--memprofile: %w", err)
		}
		return nil
	}, nil
}

// peakHeap keeps the heap profile taken when the live heap was largest:
// peak memory is what limits a large build, and by its end most of the
// site has been let go. The profile's alloc_ samples still count
// everything the build allocated up to that moment.
type peakHeap struct {
	done chan struct{}
	out  chan []byte
}

// watchPeak samples the live heap every tenth of a second and takes a
// heap profile each time it has grown by a twentieth since the last one.
func watchPeak() *peakHeap {
	w := &peakHeap{done: make(chan struct{}), out: make(chan []byte)}
	go func() {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var best []byte
		var most uint64
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-w.done:
				if best == nil {
					runtime.GC()
					best = heapProfile()
				}
				w.out <- best
				return
			case <-tick.C:
				metrics.Read(sample)
				if live := sample[0].Value.Uint64(); live > most+most/20 {
					most, best = live, heapProfile()
				}
			}
		}
	}()
	return w
}

// stop ends the watch and returns the profile from the peak.
func (w *peakHeap) stop() []byte {
	close(w.done)
	return <-w.out
}

// heapProfile is the heap profile as of the last garbage collection.
func heapProfile() []byte {
	var b bytes.Buffer
	if err := pprof.Lookup("heap").WriteTo(&b, 0); err != nil {
		return nil
	}
	return b.Bytes()
}
