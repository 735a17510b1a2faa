package extract

import "time"

// fastestOf runs f three times and returns the fastest run. Linearity
// tests compare the time of two sizes; on a loaded machine (CI's two
// cores under the race detector, other packages' tests beside) one run
// can be preempted for tens of milliseconds and read as quadratic work.
// The fastest of three is the work's own cost, without that noise.
func fastestOf(f func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 3 {
		start := time.Now()
		f()
		best = min(best, time.Since(start))
	}
	return best
}
