package browser

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/go-rod/rod/lib/proto"
)

// Waiting for a quiet page: after the load event, no network activity for
// quietAfterLoad; without it (a page that never finishes), no activity at
// all for stallQuiet. Whatever happens, the DOM is taken before the budget
// ends, keeping snapshotReserve of it for the snapshot itself.
const (
	quietAfterLoad  = 300 * time.Millisecond
	stallQuiet      = 2 * time.Second
	snapshotReserve = 2 * time.Second
	pollEvery       = 50 * time.Millisecond
	closeTimeout    = 3 * time.Second
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
	select {
	case p.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, callerError(rawURL, ctx, time.Since(waitStart), "waiting for a free browser tab")
	}
	defer func() { <-p.sem }()

	// A browser that died between renders is only noticed when the first
	// call to it fails; nothing reached the site yet, so try once more.
	for attempt := 0; ; attempt++ {
		res, retry, err := p.renderOnce(ctx, rawURL)
		if !retry || attempt > 0 {
			return res, err
		}
		p.log.Debug("browser gone before the render started; retrying", "url", rawURL)
	}
}

func (p *Pool) renderOnce(ctx context.Context, rawURL string) (res *Rendered, retry bool, err error) {
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
	rctx, cancelT := context.WithTimeout(cctx, budget)
	defer cancelT()

	t := &tab{cancel: cancel, budget: budget}
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
		early := errors.As(err, &pe) && pe.phase == phaseOpenContext
		err = p.classify(ctx, rctx, in, rawURL, budget, err)
		p.log.Debug("render failed", "url", rawURL, "err", err)
		if early && errors.Is(err, ErrBrowserGone) {
			return nil, true, err
		}
	}
	return res, false, err
}

const phaseOpenContext = "opening a browser context"

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
	case caller.Err() != nil:
		return callerError(u, caller, budget, phase)
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

// renderIn does the work in its own incognito context, which it always
// disposes (tab and all) before returning.
func (p *Pool) renderIn(ctx context.Context, in *instance, t *tab, rawURL string) (*Rendered, error) {
	ctx, stop := context.WithCancel(ctx)
	defer stop()

	bypass := ""
	if p.cfg.ProxyURL != "" {
		bypass = "<-loopback>"
	}
	bs := session{conn: in.conn, ctx: ctx}
	bc, err := proto.TargetCreateBrowserContext{
		DisposeOnDetach: true, // a lost connection must not leave contexts behind
		ProxyServer:     p.cfg.ProxyURL,
		ProxyBypassList: bypass,
	}.Call(bs)
	if err != nil {
		return nil, &phaseError{phaseOpenContext, err}
	}
	p.tabOpened()
	defer func() {
		p.closeTab(in, bc.BrowserContextID, t.targetID())
		p.openTabs.Add(-1)
	}()
	// Downloads would land on disk; a page is all we want.
	if err := (proto.BrowserSetDownloadBehavior{
		Behavior: proto.BrowserSetDownloadBehaviorBehaviorDeny, BrowserContextID: bc.BrowserContextID,
	}).Call(bs); err != nil {
		return nil, &phaseError{"preparing the tab", err}
	}
	target, err := proto.TargetCreateTarget{URL: "about:blank", BrowserContextID: bc.BrowserContextID}.Call(bs)
	if err != nil {
		return nil, &phaseError{"opening a tab", err}
	}
	t.setTarget(target.TargetID)

	events := in.b.Context(ctx).Event() // subscribed before anything can happen
	att, err := proto.TargetAttachToTarget{TargetID: target.TargetID, Flatten: true}.Call(bs)
	if err != nil {
		return nil, &phaseError{"opening a tab", err}
	}
	ps := session{conn: in.conn, ctx: ctx, id: att.SessionID}
	t.setSession(ps)

	// The main frame's id is the target's.
	st := newPageState(proto.PageFrameID(target.TargetID))
	handled := make(chan struct{})
	go func() {
		defer close(handled)
		st.consume(ps, events, t)
	}()
	defer func() { stop(); <-handled }()

	if err := p.setupPage(ps, in); err != nil {
		return nil, &phaseError{"preparing the tab", err}
	}

	deadline, _ := ctx.Deadline()
	reserve := min(snapshotReserve, time.Until(deadline)/4)
	waitCtx, cancelWait := context.WithDeadline(ctx, deadline.Add(-reserve))
	defer cancelWait()

	nav, err := proto.PageNavigate{URL: rawURL}.Call(ps.with(waitCtx))
	if err != nil {
		if ctx.Err() == nil && waitCtx.Err() != nil {
			// Our wait budget ran out before the page even committed.
			return nil, timeoutError(rawURL, t.budget, "the server sent no page", err)
		}
		return nil, &phaseError{"navigating", err}
	}
	if nav.ErrorText != "" {
		return nil, p.navFailure(ctx, rawURL, nav.ErrorText, st)
	}
	if p.testAfterNavigate != nil {
		p.testAfterNavigate(ctx, t)
	}
	if err := st.waitQuiet(waitCtx); err != nil && ctx.Err() != nil {
		return nil, &phaseError{"waiting for the page to load", err}
	}
	snap, err := p.snapshot(ps, st.main)
	if err != nil {
		return nil, err
	}
	status, hdrs := st.document()
	if perr := p.proxyRefusal(ctx, rawURL, status, hdrs, snap.text); perr != nil {
		return nil, perr
	}
	return &Rendered{URL: rawURL, FinalURL: snap.url, Status: status, Title: snap.title, HTML: snap.html}, nil
}

func (p *Pool) tabOpened() {
	n := p.openTabs.Add(1)
	for {
		m := p.maxOpenTabs.Load()
		if n <= m || p.maxOpenTabs.CompareAndSwap(m, n) {
			return
		}
	}
}

// setupPage: identity, blocked resource types, network events.
func (p *Pool) setupPage(page session, in *instance) error {
	if err := (proto.PageEnable{}).Call(page); err != nil {
		return err
	}
	if err := (proto.NetworkEnable{}).Call(page); err != nil {
		return err
	}
	if err := (proto.NetworkSetUserAgentOverride{
		UserAgent:         in.ua,
		AcceptLanguage:    p.cfg.AcceptLanguage,
		Platform:          "Linux x86_64",
		UserAgentMetadata: in.uaMeta,
	}).Call(page); err != nil {
		return err
	}
	patterns := make([]*proto.FetchRequestPattern, 0, len(blockedTypes))
	for _, rt := range blockedTypes {
		patterns = append(patterns, &proto.FetchRequestPattern{
			URLPattern: "*", ResourceType: rt, RequestStage: proto.FetchRequestStageRequest,
		})
	}
	// Only these types pause in the browser; everything else flows freely.
	return proto.FetchEnable{Patterns: patterns}.Call(page)
}

// closeTab closes the tab from the browser side (works even when its
// renderer is stuck in a loop or crashed) and disposes its context.
func (p *Pool) closeTab(in *instance, ctxID proto.BrowserBrowserContextID, target proto.TargetTargetID) {
	if in.isDead() {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
	defer cancel()
	b := session{conn: in.conn, ctx: ctx}
	if target != "" {
		if _, err := (proto.TargetCloseTarget{TargetID: target}).Call(b); err != nil {
			p.log.Debug("close tab", "target", target, "err", err)
		}
	}
	if err := (proto.TargetDisposeBrowserContext{BrowserContextID: ctxID}).Call(b); err != nil {
		p.log.Debug("dispose browser context", "context", ctxID, "err", err)
		if isConnErr(err) {
			in.markDead(fmt.Errorf("dispose of a browser context failed: %w", err))
		}
	}
}

type snapshotResult struct {
	html, title, url, text string
}

// snapshot serialises the visible DOM from an isolated world. A navigation
// racing with it (a late JS redirect) destroys the world: retry once.
func (p *Pool) snapshot(pg session, frame proto.PageFrameID) (*snapshotResult, error) {
	ctx := pg.ctx
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		world, err := proto.PageCreateIsolatedWorld{FrameID: frame, WorldName: "deepresearch-snapshot"}.Call(pg)
		if err == nil {
			var r *proto.RuntimeEvaluateResult
			r, err = proto.RuntimeEvaluate{
				Expression:    snapshotJS,
				ContextID:     world.ExecutionContextID,
				ReturnByValue: true,
			}.Call(pg)
			if err == nil && r.ExceptionDetails != nil {
				err = fmt.Errorf("snapshot script failed: %s", r.ExceptionDetails.Text)
			}
			if err == nil {
				v := r.Result.Value
				return &snapshotResult{
					html:  v.Get("html").Str(),
					title: strings.TrimSpace(v.Get("title").Str()),
					url:   v.Get("url").Str(),
					text:  v.Get("text").Str(),
				}, nil
			}
		}
		lastErr = err
		if ctx.Err() != nil {
			break
		}
		select {
		case <-time.After(200 * time.Millisecond):
		case <-ctx.Done():
		}
	}
	return nil, &phaseError{"reading the page's DOM", lastErr}
}
