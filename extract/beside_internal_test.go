package extract

import (
	"testing"
)

// TestBeside: wait returns once f has returned, with the value f panicked
// with (so mainContent can re-panic into FromHTML's recover) or nil, and
// returns the same again when called twice (mainContent's deferred waits
// run after the explicit ones).
func TestBeside(t *testing.T) {
	ran := false
	wait := beside(func() { ran = true })
	if p := wait(); p != nil || !ran {
		t.Fatalf("wait() = %v after f ran %v; want nil after f ran", p, ran)
	}
	if p := wait(); p != nil {
		t.Fatalf("second wait() = %v, want nil", p)
	}

	wait = beside(func() { panic("page too odd") })
	for i := range 2 {
		if p := wait(); p != "page too odd" {
			t.Fatalf("wait() #%d = %v, want the panic value", i+1, p)
		}
	}

	// A panic on the caller's side still waits for f: deferred waits hold
	// the call until the goroutine is done, so no work outlives it.
	release := make(chan struct{})
	finished := false
	func() {
		defer func() { _ = recover() }()
		w := beside(func() { <-release; finished = true })
		defer w()
		close(release)
		panic("caller side")
	}()
	if !finished {
		t.Fatal("the call returned before the goroutine beside it finished")
	}
}
