//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// peakRSS returns the most resident memory a finished process used, in bytes.
func peakRSS(ps *os.ProcessState) (int64, bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0, false
	}
	return maxrss(ru), true
}

// selfPeakRSS returns the most resident memory this process has used, in
// bytes. On Linux a child started by fork and exec can inherit part of its
// parent's high-water mark, so a peakRSS below this may be the runner's.
func selfPeakRSS() (int64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return maxrss(&ru), true
}

func maxrss(ru *syscall.Rusage) int64 {
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) // bytes there
	}
	return int64(ru.Maxrss) * 1024 // KiB on Linux and the BSDs
}
