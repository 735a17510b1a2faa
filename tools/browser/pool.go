package browser

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

func (p *Pool) lockLaunch(ctx context.Context) error {
	select {
	case p.launchLock <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *Pool) unlockLaunch() { <-p.launchLock }

// instanceFor returns a live browser for one render and a release func.
func (p *Pool) instanceFor(ctx context.Context) (*instance, func(), error) {
	if len(p.cfg.RemoteURLs) > 0 {
		return p.remoteInstance(ctx)
	}
	in, err := p.localInstance(ctx)
	if err != nil {
		return nil, nil, err
	}
	in.active.Add(1)
	return in, func() { in.active.Add(-1) }, nil
}

// localInstance returns the running local browser, launching one (again)
// when there is none or it died.
func (p *Pool) localInstance(ctx context.Context) (*instance, error) {
	return p.ensureInstance(ctx, &p.local, p.launchLocal)
}

// ensureInstance returns *slot when it holds a live browser, else starts
// one with start and stores it there. One start at a time: callers that
// wait find the browser the first one started. slot is guarded by p.mu.
func (p *Pool) ensureInstance(ctx context.Context, slot **instance, start func(context.Context) (*instance, error)) (*instance, error) {
	p.mu.Lock()
	in, closed := *slot, p.closed
	p.mu.Unlock()
	if closed {
		return nil, ErrClosed
	}
	if in != nil && !in.isDead() {
		return in, nil
	}
	if err := p.lockLaunch(ctx); err != nil {
		return nil, err
	}
	defer p.unlockLaunch()
	p.mu.Lock()
	in, closed = *slot, p.closed
	p.mu.Unlock()
	if closed {
		return nil, ErrClosed
	}
	if in != nil && !in.isDead() {
		return in, nil
	}
	if in != nil {
		// Dead: make sure its process and profile are gone before replacing it.
		_ = in.shutdown()
	}
	sctx, cancel := context.WithTimeout(ctx, launchTimeout)
	defer cancel()
	in, err := start(sctx)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		_ = in.shutdown()
		return nil, ErrClosed
	}
	*slot = in
	p.mu.Unlock()
	p.nLaunches.Add(1)
	return in, nil
}

// remoteInstance picks the least busy endpoint (round robin among equals),
// connecting on first use, and falls back to the others when one fails.
func (p *Pool) remoteInstance(ctx context.Context) (*instance, func(), error) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil, nil, ErrClosed
	}
	n := len(p.cfg.RemoteURLs)
	start := p.rr
	p.rr++
	order := make([]int, 0, n)
	for k := 0; k < n; k++ {
		order = append(order, (start+k)%n)
	}
	load := func(i int) int64 {
		if in := p.remotes[i]; in != nil && !in.isDead() {
			return in.active.Load()
		}
		return 0
	}
	// Stable insertion sort by load keeps the rotation among equals.
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && load(order[j]) < load(order[j-1]); j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	p.mu.Unlock()

	var errs []string
	for _, i := range order {
		in, err := p.remoteAt(ctx, i)
		if err == nil {
			in.active.Add(1)
			return in, func() { in.active.Add(-1) }, nil
		}
		if ctx.Err() != nil || errors.Is(err, ErrClosed) {
			return nil, nil, err
		}
		errs = append(errs, err.Error())
	}
	return nil, nil, fmt.Errorf("%w: no DevTools endpoint answered: %s", ErrNoBrowser, strings.Join(errs, "; "))
}

func (p *Pool) remoteAt(ctx context.Context, i int) (*instance, error) {
	return p.ensureInstance(ctx, &p.remotes[i], func(ctx context.Context) (*instance, error) {
		return p.connectRemote(ctx, p.cfg.RemoteURLs[i])
	})
}
