package flight_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/flight"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

type ctxKey struct{}

// TestDo covers what a caller sees; each case starts `callers` callers on
// one key while fn is blocked, then releases it.
func TestDo(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name    string
		callers int
		fn      func(ctx context.Context) (int, error)
		want    int
		wantErr error
		panics  bool
	}{
		{name: "one caller", callers: 1, fn: func(context.Context) (int, error) { return 7, nil }, want: 7},
		{name: "merged", callers: 8, fn: func(context.Context) (int, error) { return 42, nil }, want: 42},
		{name: "error shared", callers: 4, fn: func(context.Context) (int, error) { return 0, boom }, wantErr: boom},
		{name: "panic becomes error", callers: 3, fn: func(context.Context) (int, error) { panic("kaput") }, panics: true},
		{name: "values kept", callers: 2, fn: func(ctx context.Context) (int, error) {
			v, _ := ctx.Value(ctxKey{}).(int)
			return v, nil
		}, want: 99},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var g flight.Group[int]
			var runs atomic.Int32
			release := make(chan struct{})
			fn := func(ctx context.Context) (int, error) {
				runs.Add(1)
				<-release
				return tt.fn(ctx)
			}
			ctx := context.WithValue(context.Background(), ctxKey{}, 99)
			type result struct {
				v      int
				shared bool
				err    error
			}
			results := make(chan result, tt.callers)
			var wg sync.WaitGroup
			for range tt.callers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					v, shared, err := g.Do(ctx, "k", fn)
					results <- result{v, shared, err}
				}()
			}
			waitFor(t, func() bool { return g.Waiters("k") == tt.callers })
			close(release)
			wg.Wait()
			close(results)

			if n := runs.Load(); n != 1 {
				t.Errorf("fn ran %d times; want 1", n)
			}
			sharedCount := 0
			for r := range results {
				if r.shared {
					sharedCount++
				}
				switch {
				case tt.panics:
					var pe *flight.PanicError
					if !errors.As(r.err, &pe) || pe.Value != "kaput" || len(pe.Stack) == 0 {
						t.Errorf("err = %v; want a PanicError with value and stack", r.err)
					}
				case tt.wantErr != nil:
					if !errors.Is(r.err, tt.wantErr) {
						t.Errorf("err = %v; want %v", r.err, tt.wantErr)
					}
				default:
					if r.err != nil || r.v != tt.want {
						t.Errorf("got %d, %v; want %d", r.v, r.err, tt.want)
					}
				}
			}
			if sharedCount != tt.callers-1 {
				t.Errorf("%d callers reported shared; want %d", sharedCount, tt.callers-1)
			}
		})
	}
}

// TestCancel checks that the shared run stops only when the last waiting
// caller gives up, and that the next caller then starts afresh.
func TestCancel(t *testing.T) {
	tests := []struct {
		name        string
		callers     int
		giveUp      int // how many callers cancel before the work ends
		wantRunDead bool
	}{
		{name: "one of two gives up", callers: 2, giveUp: 1},
		{name: "three of four give up", callers: 4, giveUp: 3},
		{name: "only caller gives up", callers: 1, giveUp: 1, wantRunDead: true},
		{name: "all give up", callers: 3, giveUp: 3, wantRunDead: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var g flight.Group[string]
			started := make(chan struct{})
			release := make(chan struct{})
			runErr := make(chan error, 1)
			fn := func(ctx context.Context) (string, error) {
				close(started)
				select {
				case <-ctx.Done():
					runErr <- ctx.Err()
					return "", ctx.Err()
				case <-release:
					runErr <- nil
					return "done", nil
				}
			}
			var wg sync.WaitGroup
			cancels := make([]context.CancelFunc, tt.callers)
			errs := make([]error, tt.callers)
			vals := make([]string, tt.callers)
			for i := range tt.callers {
				ctx, cancel := context.WithCancel(context.Background())
				cancels[i] = cancel
				wg.Add(1)
				go func() {
					defer wg.Done()
					vals[i], _, errs[i] = g.Do(ctx, "k", fn)
				}()
				if i == 0 {
					<-started
				}
			}
			waitFor(t, func() bool { return g.Waiters("k") == tt.callers })
			for i := range tt.giveUp {
				cancels[i]()
			}
			if tt.wantRunDead {
				if err := waitErr(t, runErr); !errors.Is(err, context.Canceled) {
					t.Fatalf("run ended with %v; want it cancelled", err)
				}
			} else {
				select {
				case err := <-runErr:
					t.Fatalf("run ended (%v) while a caller still waited", err)
				case <-time.After(50 * time.Millisecond):
				}
				close(release)
				if err := waitErr(t, runErr); err != nil {
					t.Fatalf("run ended with %v", err)
				}
			}
			wg.Wait()
			for i := range tt.callers {
				if i < tt.giveUp {
					if !errors.Is(errs[i], context.Canceled) {
						t.Errorf("caller %d who gave up got %v", i, errs[i])
					}
				} else if errs[i] != nil || vals[i] != "done" {
					t.Errorf("caller %d got %q, %v; want done", i, vals[i], errs[i])
				}
				cancels[i]()
			}

			// The key is free again: a new caller runs its own work.
			v, shared, err := g.Do(context.Background(), "k", func(context.Context) (string, error) { return "fresh", nil })
			if v != "fresh" || shared || err != nil {
				t.Errorf("next caller got %q shared=%v err=%v; want a fresh run", v, shared, err)
			}
		})
	}
}

func TestKeysAreIndependent(t *testing.T) {
	var g flight.Group[string]
	release := make(chan struct{})
	aStarted := make(chan struct{})
	go func() {
		_, _, _ = g.Do(context.Background(), "a", func(context.Context) (string, error) {
			close(aStarted)
			<-release
			return "a", nil
		})
	}()
	<-aStarted
	v, shared, err := g.Do(context.Background(), "b", func(context.Context) (string, error) { return "b", nil })
	close(release)
	if v != "b" || shared || err != nil {
		t.Fatalf("key b got %q shared=%v err=%v while a was running", v, shared, err)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in 5s")
		}
		time.Sleep(time.Millisecond)
	}
}

func waitErr(t *testing.T, ch <-chan error) error {
	t.Helper()
	select {
	case err := <-ch:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("run did not end in 5s")
		return nil
	}
}
