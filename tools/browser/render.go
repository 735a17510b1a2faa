package browser

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"runtime/debug"
	"sync"
	"syscall"
	"time"

	"github.com/go-rod/rod/lib/proto"
)

// blockedTypes never leave the browser: they cost bandwidth and time and
// carry no text. Stylesheets stay: they decide what is visible.
var blockedTypes = []proto.NetworkResourceType{
	proto.NetworkResourceTypeImage,
	proto.NetworkResourceTypeMedia,
	proto.NetworkResourceTypeFont,
	proto.NetworkResourceTypePing,
}

// tab is one render in flight.
type tab struct {
	cancel context.CancelCauseFunc
	budget time.Duration
	spans  *spans

	mu   sync.Mutex
	id   proto.TargetTargetID
	sess session // the tab's DevTools session (tests poke it)
}

func (t *tab) targetID() proto.TargetTargetID {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.id
}

func (t *tab) setTarget(id proto.TargetTargetID) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.id = id
}

func (t *tab) setSession(s session) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.sess = s
}

// checkURL refuses what Chromium would load without asking the egress
// proxy (file:, data:, chrome:, view-source:, javascript:, ...).
func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return &Error{URL: raw, Kind: ErrNavigation, Detail: "invalid URL: " + err.Error(), Hint: "pass an absolute http(s) URL"}
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return &Error{URL: raw, Kind: ErrPolicy, Detail: fmt.Sprintf("scheme %q is not allowed", u.Scheme),
			Hint: "only http and https pages can be opened"}
	}
	if u.Host == "" {
		return &Error{URL: raw, Kind: ErrNavigation, Detail: "the URL has no host", Hint: "pass an absolute http(s) URL"}
	}
	return nil
}

func (p *Pool) render(ctx context.Context, rawURL string) (res *Rendered, err error) {
	if err := checkURL(rawURL); err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, callerError(rawURL, ctx, 0, "starting")
	}
	p.mu.Lock()
	closed := p.closed
	if !closed {
		p.renders.Add(1)
	}
	p.mu.Unlock()
	if closed {
		return nil, closedError(rawURL)
	}
	defer p.renders.Done()

	waitStart := time.Now()
	sp := newSpans()
	select {
	case p.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, callerError(rawURL, ctx, time.Since(waitStart), "waiting for a free browser tab")
	}
	defer func() { <-p.sem }()
	sp.end(spanTab)

	// A browser that died between renders is only noticed when the first
	// call to it fails; nothing reached the site yet, so try once more.
	for attempt := 0; ; attempt++ {
		res, retry, err := p.renderOnce(ctx, rawURL, sp)
		if !retry || attempt > 0 {
			if res != nil {
				res.Phases = sp.phases()
			}
			return res, err
		}
		p.log.Debug("browser gone before the render started; retrying", "url", rawURL)
	}
}

func (p *Pool) renderOnce(ctx context.Context, rawURL string, sp *spans) (res *Rendered, retry bool, err error) {
	in, release, err := p.instanceFor(ctx)
	if err != nil {
		switch {
		case ctx.Err() != nil:
			return nil, false, callerError(rawURL, ctx, 0, "starting the browser")
		case errors.Is(err, ErrClosed):
			return nil, false, closedError(rawURL)
		case errors.Is(err, ErrNoBrowser):
			return nil, false, &Error{URL: rawURL, Kind: ErrNoBrowser, Err: err, Detail: err.Error(),
				Hint: "read the page with render=never, or configure a browser"}
		}
		return nil, false, &Error{URL: rawURL, Kind: ErrBrowserGone, Err: err, Detail: "could not start the browser: " + err.Error(),
			Hint: "retry; if it persists, read the page with render=never"}
	}
	defer release()

	budget := p.cfg.RenderTimeout
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < budget {
		budget = time.Until(dl)
	}
	cctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	// The page's budget starts once its tab is ready (renderIn); opening the
	// tab gets as long again, so a browser slowed by load does not eat the
	// site's time (and a timeout there is reported as the browser's).
	rctx, cancelT := context.WithTimeout(cctx, 2*budget)
	defer cancelT()

	t := &tab{cancel: cancel, budget: budget, spans: sp}
	in.addTab(t)
	defer in.removeTab(t)
	// Close flags the pool, then cancels registered tabs: checking after
	// registering means one of the two always catches this render.
	p.mu.Lock()
	closed := p.closed
	p.mu.Unlock()
	if closed {
		return nil, false, closedError(rawURL)
	}
	if in.isDead() {
		return nil, true, browserGoneError(rawURL, in.deathCause())
	}
	p.nRenders.Add(1)

	defer func() {
		if r := recover(); r != nil {
			p.log.Error("render panicked", "url", rawURL, "panic", r, "stack", string(debug.Stack()))
			res, retry, err = nil, false, &Error{URL: rawURL, Kind: ErrNavigation, Detail: fmt.Sprintf("internal error: %v", r),
				Hint: "retry, or read the page with render=never"}
		}
	}()

	res, err = p.renderIn(rctx, in, t, rawURL)
	if err != nil {
		var pe *phaseError
		early := errors.As(err, &pe) && (pe.phase == phaseOpenContext || pe.phase == phaseSpareNavigate)
		err = p.classify(ctx, rctx, in, rawURL, budget, err)
		p.log.Debug("render failed", "url", rawURL, "err", err)
		if early && errors.Is(err, ErrBrowserGone) && !errors.Is(rctx.Err(), context.DeadlineExceeded) {
			return nil, true, err
		}
	}
	return res, false, err
}

// phaseError is a failure inside renderIn with the step it happened in.
type phaseError struct {
	phase string
	err   error
}

func (e *phaseError) Error() string { return e.phase + ": " + e.err.Error() }
func (e *phaseError) Unwrap() error { return e.err }

// classify turns what went wrong into an *Error, preferring the reason
// the render was cancelled (crash, dead browser, deadline) over the
// symptom the failing call saw.
func (p *Pool) classify(caller, rctx context.Context, in *instance, u string, budget time.Duration, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	phase := "loading the page"
	var pe *phaseError
	if errors.As(err, &pe) {
		phase = pe.phase
	}
	cause := context.Cause(rctx)
	switch {
	case errors.Is(cause, ErrCrashed):
		return crashError(u)
	case errors.Is(cause, ErrBrowserGone):
		// err is only the symptom (the cancelled call); say why it died.
		return browserGoneError(u, goneCause(in, err))
	case errors.Is(cause, ErrClosed):
		return closedError(u)
	case errors.Is(cause, errOutOfMemory) || errors.Is(cause, errEventFlood):
		return limitError(u, cause)
	case errors.Is(err, errOutOfMemory):
		return limitError(u, err)
	case caller.Err() != nil && !browserPhase(phase):
		return callerError(u, caller, budget, phase)
	case (rctx.Err() != nil || caller.Err() != nil) && browserPhase(phase):
		// Nothing was asked of the site yet: Chromium is what is slow.
		in.suspect()
		if caller.Err() != nil && !errors.Is(caller.Err(), context.DeadlineExceeded) {
			return callerError(u, caller, budget, phase)
		}
		return unresponsiveError(u, budget, phase)
	case rctx.Err() != nil:
		return timeoutError(u, budget, phase, err)
	case in.isDead() || isConnErr(err):
		in.markDead(fmt.Errorf("DevTools call failed: %w", err))
		return browserGoneError(u, goneCause(in, err))
	}
	return &Error{URL: u, Kind: ErrNavigation, Err: err, Detail: err.Error(), Hint: "retry, or read the page with render=never"}
}

// goneCause is the reason to report for a dead browser: what killed it,
// else the connection error the render saw; never the context
// cancellation that was only its symptom.
func goneCause(in *instance, err error) error {
	if d := in.deathCause(); d != nil {
		return d
	}
	if isConnErr(err) {
		return err
	}
	return nil
}

// isConnErr says err comes from the DevTools connection itself (the
// browser went away), not from a command the browser answered.
func isConnErr(err error) bool {
	var op *net.OpError
	return errors.Is(err, net.ErrClosed) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || errors.As(err, &op)
}

// callerError is the caller's own context ending.
func callerError(u string, ctx context.Context, budget time.Duration, phase string) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return timeoutError(u, budget, phase, ctx.Err())
	}
	return &Error{URL: u, Kind: ctx.Err(), Detail: "cancelled while " + phase}
}
