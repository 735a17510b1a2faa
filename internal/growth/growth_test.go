package growth

import (
	"testing"
	"time"
)

func TestLinear(t *testing.T) {
	fixed := func(d time.Duration) func() time.Duration { return func() time.Duration { return d } }
	tests := []struct {
		name         string
		small, large time.Duration
		slack        time.Duration
		want         bool
	}{
		{"linear", 10 * time.Millisecond, 80 * time.Millisecond, 0, true},
		{"at the factor", 10 * time.Millisecond, Factor * 10 * time.Millisecond, 0, true},
		{"quadratic", 10 * time.Millisecond, 640 * time.Millisecond, 0, false},
		{"quadratic within the slack", time.Millisecond, 64 * time.Millisecond, 50 * time.Millisecond, true},
	}
	for _, tc := range tests {
		if _, _, ok := Linear(fixed(tc.small), fixed(tc.large), tc.slack); ok != tc.want {
			t.Errorf("%s: Linear = %v, want %v", tc.name, ok, tc.want)
		}
	}
	// A run that is slow once (noise) is timed again.
	calls := 0
	noisy := func() time.Duration {
		calls++
		if calls == 1 {
			return time.Second
		}
		return 80 * time.Millisecond
	}
	if _, _, ok := Linear(fixed(10*time.Millisecond), noisy, 0); !ok || calls != 2 {
		t.Errorf("a slow first try: ok %v after %d tries, want true after 2", ok, calls)
	}
}
