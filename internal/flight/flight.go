// Package flight merges identical concurrent work into one run.
//
// Unlike golang.org/x/sync/singleflight, the shared run does not belong to
// the caller that started it: it runs on its own context, which is
// cancelled only when the last caller still waiting gives up. One caller's
// short deadline therefore neither fails the others nor leaves work running
// for nobody. A panic in the work becomes an error for every waiter instead
// of crashing the process (singleflight's DoChan re-panics on a fresh
// goroutine, which cannot be recovered), which is why this is not built on it.
package flight

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
)

// Group merges calls by key. The zero value is ready to use; a Group must
// not be copied after first use.
type Group[T any] struct {
	mu sync.Mutex
	m  map[string]*call[T]
}

type call[T any] struct {
	done    chan struct{}
	val     T
	err     error
	waiters int
	cancel  context.CancelFunc
}

// PanicError is the error waiters get when the work panicked.
type PanicError struct {
	Value any
	Stack []byte // where it panicked, for logs; never for the model
}

func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// Do runs fn once for all callers asking for key at the same time and
// returns its result to each of them; shared reports whether this caller
// joined a run another caller started. fn gets a context that keeps ctx's
// values but not its cancellation or deadline: it is cancelled when every
// waiting caller has gone (or when fn returns). A caller that gives up gets
// its own ctx.Err(); once the last one has, the key is free and the next
// caller starts afresh rather than joining a cancelled run.
func (g *Group[T]) Do(ctx context.Context, key string, fn func(context.Context) (T, error)) (v T, shared bool, err error) {
	g.mu.Lock()
	if g.m == nil {
		g.m = map[string]*call[T]{}
	}
	c, shared := g.m[key]
	if !shared {
		runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		c = &call[T]{done: make(chan struct{}), cancel: cancel}
		g.m[key] = c
		go g.run(runCtx, key, c, fn)
	}
	c.waiters++
	g.mu.Unlock()

	select {
	case <-c.done:
		return c.val, shared, c.err
	case <-ctx.Done():
		g.mu.Lock()
		c.waiters--
		if c.waiters == 0 {
			c.cancel()
			g.forget(key, c)
		}
		g.mu.Unlock()
		var zero T
		return zero, shared, ctx.Err()
	}
}

func (g *Group[T]) run(ctx context.Context, key string, c *call[T], fn func(context.Context) (T, error)) {
	defer func() {
		if r := recover(); r != nil {
			var zero T
			c.val, c.err = zero, &PanicError{Value: r, Stack: debug.Stack()}
		}
		g.mu.Lock()
		g.forget(key, c)
		g.mu.Unlock()
		c.cancel()
		close(c.done)
	}()
	c.val, c.err = fn(ctx)
}

// forget frees key unless a newer run already holds it. g.mu must be held.
func (g *Group[T]) forget(key string, c *call[T]) {
	if g.m[key] == c {
		delete(g.m, key)
	}
}
