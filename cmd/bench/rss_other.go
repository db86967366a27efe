//go:build !unix

package main

import "os"

// peakRSS reports that peak memory is unknown where there is no rusage.
func peakRSS(*os.ProcessState) (int64, bool) { return 0, false }

// selfPeakRSS reports that peak memory is unknown where there is no rusage.
func selfPeakRSS() (int64, bool) { return 0, false }
