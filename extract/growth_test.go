package extract

import "time"

// growsLinearly times small and large (eight times small's work) and says
// whether large took at most 24× small plus slack: linear work takes
// about 8×, quadratic 64×. On a loaded machine (CI's two cores under the
// race detector, other packages' tests beside) one run can be preempted
// long enough to read as quadratic, so a failed comparison is timed
// again, up to three times: noise rarely loses three times in a row,
// quadratic work always does. It returns the last pair timed.
func growsLinearly(small, large func() time.Duration, slack time.Duration) (ts, tl time.Duration, ok bool) {
	for range 3 {
		ts, tl = small(), large()
		if tl <= 24*ts+slack {
			return ts, tl, true
		}
	}
	return ts, tl, false
}
