package search

import (
	"context"
	"sync"
)

// flightGroup merges identical concurrent searches into one run of the
// chain. Unlike x/sync/singleflight it does not tie the shared run to the
// first caller's context: the run keeps going while any caller still waits
// and is cancelled when the last one gives up, so one caller's short
// deadline neither fails the others nor leaves work running for nobody.
type flightGroup struct {
	mu sync.Mutex
	m  map[string]*flight
}

type flight struct {
	done    chan struct{}
	resp    *Response
	err     error
	waiters int
	cancel  context.CancelFunc
}

// do runs fn once per key at a time; shared reports whether this caller
// joined a run another caller started.
func (g *flightGroup) do(ctx context.Context, key string, fn func(context.Context) (*Response, error)) (resp *Response, err error, shared bool) {
	g.mu.Lock()
	if g.m == nil {
		g.m = map[string]*flight{}
	}
	f, shared := g.m[key]
	if !shared {
		runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		f = &flight{done: make(chan struct{}), cancel: cancel}
		g.m[key] = f
		go func() {
			f.resp, f.err = fn(runCtx)
			g.mu.Lock()
			if g.m[key] == f {
				delete(g.m, key)
			}
			g.mu.Unlock()
			cancel()
			close(f.done)
		}()
	}
	f.waiters++
	g.mu.Unlock()

	select {
	case <-f.done:
		return f.resp, f.err, shared
	case <-ctx.Done():
		g.mu.Lock()
		f.waiters--
		if f.waiters == 0 {
			f.cancel()
			if g.m[key] == f {
				delete(g.m, key) // a new caller starts afresh
			}
		}
		g.mu.Unlock()
		return nil, ctx.Err(), shared
	}
}
