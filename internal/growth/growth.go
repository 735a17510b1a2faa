// Package growth tells linear work from quadratic work in a test, by
// timing the work on an input and on one eight times larger: linear work
// takes about 8× as long, quadratic 64×. The tests of extract and of
// research that guard a walk against hostile input (a page of thousands
// of names, posts or controls) use it, so that the rule and its noise
// allowance are written once.
package growth

import "time"

// Factor is the most the large run may take, in small runs, and still be
// linear: 8× expected, 24× allowed for what the race detector, a loaded
// machine and the garbage collector do to one run and not the other.
const Factor = 24

// Tries is how many times a failed comparison is timed again: on two
// cores under the race detector, beside other packages' tests, one run
// can be preempted long enough to read as quadratic; noise rarely loses
// three times in a row, quadratic work always does.
const Tries = 3

// Linear times small and large (eight times small's work) and reports
// whether large took at most Factor× small plus slack, in any of Tries
// tries. It returns the last pair timed.
func Linear(small, large func() time.Duration, slack time.Duration) (ts, tl time.Duration, ok bool) {
	for range Tries {
		ts, tl = small(), large()
		if tl <= Factor*ts+slack {
			return ts, tl, true
		}
	}
	return ts, tl, false
}
