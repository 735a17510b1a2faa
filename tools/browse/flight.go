package browse

import (
	"context"
	"fmt"
)

// flight is one load shared by every caller asking for the same page at
// once. Unlike x/sync/singleflight, the work runs on its own context that
// is canceled only when every waiting caller has gone, so one impatient
// caller cannot fail the others, and an abandoned load stops.
type flight struct {
	done    chan struct{}
	page    *Page
	err     error
	waiters int
	cancel  context.CancelFunc
}

func (e *Engine) do(ctx context.Context, key string, fn func(context.Context) (*Page, error)) (*Page, error) {
	e.mu.Lock()
	f, ok := e.flights[key]
	if ok {
		f.waiters++
	} else {
		wctx := context.WithoutCancel(ctx)
		var cancel context.CancelFunc
		if dl, ok := ctx.Deadline(); ok {
			wctx, cancel = context.WithDeadline(wctx, dl)
		} else {
			wctx, cancel = context.WithTimeout(wctx, e.cfg.LoadTimeout)
		}
		f = &flight{done: make(chan struct{}), waiters: 1, cancel: cancel}
		e.flights[key] = f
		go func() {
			defer func() {
				if r := recover(); r != nil {
					f.err = fmt.Errorf("loading the page failed unexpectedly: %v", r)
				}
				e.mu.Lock()
				if e.flights[key] == f {
					delete(e.flights, key)
				}
				e.mu.Unlock()
				cancel()
				close(f.done)
			}()
			f.page, f.err = fn(wctx)
		}()
	}
	e.mu.Unlock()

	select {
	case <-f.done:
		return f.page, f.err
	case <-ctx.Done():
		e.mu.Lock()
		f.waiters--
		if f.waiters == 0 {
			// Nobody wants it any more: stop the work, and let the next
			// caller start afresh rather than join a canceled load.
			f.cancel()
			if e.flights[key] == f {
				delete(e.flights, key)
			}
		}
		e.mu.Unlock()
		return nil, ctx.Err()
	}
}
