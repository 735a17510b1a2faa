package browser

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/go-rod/rod/lib/proto"
)

// renderIn does the work in its own incognito context (a spare opened
// ahead, else one opened now), which it always disposes (tab and all)
// before returning.
func (p *Pool) renderIn(ctx context.Context, in *instance, t *tab, rawURL string) (*Rendered, error) {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	sp := t.spans
	intercept := p.intercepting(in)

	ot := in.spares.take(ctx)
	spare := ot != nil
	if spare {
		sp.end(spanSpare)
	} else {
		var err error
		if ot, err = p.openTab(ctx, in, sp); err != nil {
			return nil, err
		}
	}
	p.tabOpened()
	t.setTarget(ot.target)
	defer func() {
		p.closeOpened(in, ot)
		p.openTabs.Add(-1)
		sp.end(spanClose)
		in.spares.refill()
	}()
	ps := session{conn: in.conn, ctx: ctx, id: ot.session}
	t.setSession(ps)
	q := ot.events

	// The main frame's id is the target's.
	st := newPageState(proto.PageFrameID(ot.target))
	if intercept {
		st.ic = p.newInterceptor(ps, st)
	}
	handled := make(chan struct{})
	go func() {
		defer close(handled)
		st.consume(ctx, ps, q, t)
	}()
	defer func() {
		stop()
		<-handled
		if st.ic != nil {
			st.ic.wait()
		}
	}()

	// From here on the site's budget runs (see renderOnce).
	// (New names: the event goroutine above still reads ctx and ps.)
	outer := ctx
	pctx, cancelPage := context.WithTimeout(ctx, t.budget)
	defer cancelPage()
	pg := ps.with(pctx)
	deadline, _ := pctx.Deadline()
	reserve := min(snapshotReserve, time.Until(deadline)/4)
	waitCtx, cancelWait := context.WithDeadline(pctx, deadline.Add(-reserve))
	defer cancelWait()

	nav, err := proto.PageNavigate{URL: rawURL}.Call(pg.with(waitCtx))
	if err != nil {
		if spare && (isConnErr(err) || in.isDead() || errors.Is(context.Cause(ctx), ErrBrowserGone)) && !st.documentRequested(handled) {
			// The spare's browser died before it was used: the navigation was
			// the render's first call to it, as opening a tab would have been.
			// (One that died with the document requested may have been
			// killed by the page: it is not loaded twice.)
			return nil, &phaseError{phaseSpareNavigate, err}
		}
		if pctx.Err() == nil && waitCtx.Err() != nil {
			// Our wait budget ran out before the page even committed.
			return nil, p.siteTimeout(outer, in, rawURL, t.budget, "the server sent no page", err)
		}
		return nil, &phaseError{"navigating", err}
	}
	if nav.ErrorText != "" {
		return nil, p.navFailure(pctx, rawURL, nav.ErrorText, st)
	}
	sp.end(spanNavigate)
	if p.testAfterNavigate != nil {
		p.testAfterNavigate(pctx, t)
	}
	wr, err := p.waitContent(waitCtx, pg, st, t)
	if err != nil && pctx.Err() != nil {
		if outer.Err() == nil {
			return nil, p.siteTimeout(outer, in, rawURL, t.budget, "waiting for the page to load", err)
		}
		return nil, &phaseError{"waiting for the page to load", err}
	}
	if err != nil && waitCtx.Err() != nil {
		wr.why = "the render budget ended before the page settled"
	}
	sp.end(spanWait)
	sp.add(spanLate, wr.late)
	snap, err := p.snapshot(pg, st.main, false)
	if err != nil {
		if outer.Err() == nil && pctx.Err() != nil {
			return nil, p.siteTimeout(outer, in, rawURL, t.budget, "reading the page's DOM", err)
		}
		return nil, err
	}
	sp.end(spanSnapshot)
	sp.add(spanHidden, snap.hidden)
	if strings.HasPrefix(snap.url, "chrome-error:") {
		failURL, code := st.docFailure()
		if failURL == "" {
			failURL = rawURL
		}
		return nil, errorPageError(rawURL, failURL, code)
	}
	status, hdrs := st.document()
	if proxyAnswered(hdrs) {
		// The proxy's own page: its text may say why (see proxyRefusal).
		if ts, err := p.snapshot(pg, st.main, true); err == nil {
			snap.text = ts.text
		}
	}
	if perr := p.proxyRefusal(pctx, rawURL, status, hdrs, snap.text); perr != nil {
		if docURL := st.documentURL(); docURL != "" && docURL != rawURL {
			// A script or redirect led the tab to what the proxy refused or
			// could not reach: the page itself loaded (see ErrErrorPage).
			var e *Error
			if errors.As(perr, &e) {
				e.Err = errors.Join(e.Err, &ErrorPage{URL: docURL, Code: "egress proxy: " + e.Kind.Error()})
				// The address is page-controlled: it stays out of the text.
				e.Detail += "; the page had moved the tab to another address"
			}
		}
		return nil, perr
	}
	return &Rendered{URL: rawURL, FinalURL: snap.url, Status: status, Title: snap.title, HTML: snap.html,
		Settled: wr.settled, Wait: wr.why}, nil
}

// openTab opens a tab in a new incognito context of its own, attaches to
// it and sets it up; its events queue up until a render reads them. sp,
// when set, times the steps. On failure nothing of it is left open.
func (p *Pool) openTab(ctx context.Context, in *instance, sp *spans) (_ *openedTab, err error) {
	proxyURL, bypass := p.cfg.ProxyURL, ""
	intercept := p.intercepting(in)
	if intercept {
		proxyURL = deadProxy // what interception cannot see must fail (intercept.go)
	}
	if proxyURL != "" {
		bypass = "<-loopback>"
	}
	end := func(name string) {
		if sp != nil {
			sp.end(name)
		}
	}
	bs := in.browser(ctx)
	bc, err := proto.TargetCreateBrowserContext{
		DisposeOnDetach: true, // a lost connection must not leave contexts behind
		ProxyServer:     proxyURL,
		ProxyBypassList: bypass,
	}.Call(bs)
	if err != nil {
		return nil, &phaseError{phaseOpenContext, err}
	}
	ot := &openedTab{ctxID: bc.BrowserContextID}
	defer func() {
		if err != nil {
			p.closeOpened(in, ot)
		}
	}()
	// Downloads would land on disk; a page is all we want.
	if err := (proto.BrowserSetDownloadBehavior{
		Behavior: proto.BrowserSetDownloadBehaviorBehaviorDeny, BrowserContextID: bc.BrowserContextID,
	}).Call(bs); err != nil {
		return nil, &phaseError{phaseOpenContext, err}
	}
	end(spanContext)
	target, err := proto.TargetCreateTarget{URL: "about:blank", BrowserContextID: bc.BrowserContextID}.Call(bs)
	if err != nil {
		return nil, &phaseError{phaseOpenTab, err}
	}
	ot.target = target.TargetID
	att, err := proto.TargetAttachToTarget{TargetID: target.TargetID, Flatten: true}.Call(bs)
	if err != nil {
		return nil, &phaseError{phaseOpenTab, err}
	}
	// Only this session's events reach this tab; nothing is sent on it
	// before the domains are enabled below, so nothing is missed.
	ot.session = att.SessionID
	ot.events = in.events.subscribe(string(att.SessionID))
	end(spanTarget)
	if err := p.setupPage(session{conn: in.conn, ctx: ctx, id: att.SessionID}, in, intercept); err != nil {
		return nil, &phaseError{phaseSetup, err}
	}
	end(spanSetup)
	return ot, nil
}

// closeOpened stops routing the tab's events, closes it and disposes its context.
func (p *Pool) closeOpened(in *instance, ot *openedTab) {
	if ot.session != "" {
		in.events.drop(string(ot.session))
	}
	p.closeTab(in, ot.ctxID)
}

// Phases of a render before the page is asked for: a timeout there is the
// browser's fault, not the site's.
const (
	phaseOpenContext = "opening a browser context"
	phaseOpenTab     = "opening a tab"
	phaseSetup       = "preparing the tab"
	// The browser of a spare tab died before the render's first call to it.
	phaseSpareNavigate = "starting the page in a tab opened ahead"
)

// siteTimeout is the page's budget running out, unless the browser itself
// stopped answering: a render on a spare tab asks the browser for nothing
// before the page, so a wedged browser shows first as a page that never
// loads. Only then is the browser asked (pingTimeout).
func (p *Pool) siteTimeout(ctx context.Context, in *instance, u string, budget time.Duration, what string, err error) error {
	if !in.isDead() && ctx.Err() == nil {
		pctx, cancel := context.WithTimeout(ctx, pingTimeout)
		_, perr := (proto.BrowserGetVersion{}).Call(in.browser(pctx))
		cancel()
		if perr != nil && ctx.Err() == nil && !in.isDead() {
			in.suspect()
			return unresponsiveError(u, budget, what)
		}
	}
	if in.isDead() || errors.Is(context.Cause(ctx), ErrBrowserGone) {
		// The health probe replaced it meanwhile (or it died): say why.
		return browserGoneError(u, goneCause(in, err))
	}
	return timeoutError(u, budget, what, err)
}

// pingTimeout bounds asking the browser whether it still answers after a
// page timed out.
const pingTimeout = 2 * time.Second

func browserPhase(phase string) bool {
	return phase == phaseOpenContext || phase == phaseOpenTab || phase == phaseSetup || phase == phaseSpareNavigate
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

// setupPage: domains, identity, blocked resource types, the activity
// probe. The commands are independent: they are sent at once and awaited
// together (one round trip instead of six).
func (p *Pool) setupPage(page session, in *instance, intercept bool) error {
	patterns := make([]*proto.FetchRequestPattern, 0, len(blockedTypes))
	for _, rt := range blockedTypes {
		patterns = append(patterns, &proto.FetchRequestPattern{
			URLPattern: "*", ResourceType: rt, RequestStage: proto.FetchRequestStageRequest,
		})
	}
	if intercept {
		// Every request pauses: carried by the guarded client, or failed.
		patterns = []*proto.FetchRequestPattern{{URLPattern: "*", RequestStage: proto.FetchRequestStageRequest}}
	}
	calls := []func() error{
		func() error { return proto.PageEnable{}.Call(page) },
		// No response bodies kept for Network.getResponseBody (never asked):
		// by default the renderer copies every response into DevTools'
		// buffers (measured on a 400 kB article with 360 kB of CSS and
		// script: 1025 -> 976 ms of Chromium CPU per render).
		func() error {
			return proto.NetworkEnable{MaxTotalBufferSize: &noNetworkBuffer, MaxResourceBufferSize: &noNetworkBuffer}.Call(page)
		},
		func() error { return proto.InspectorEnable{}.Call(page) },
		func() error {
			return proto.NetworkSetUserAgentOverride{
				UserAgent:         in.ua,
				AcceptLanguage:    p.cfg.AcceptLanguage,
				Platform:          "Linux x86_64",
				UserAgentMetadata: in.uaMeta,
			}.Call(page)
		},
		// Only these types pause in the browser; everything else flows freely.
		func() error { return proto.FetchEnable{Patterns: patterns}.Call(page) },
		func() error {
			_, err := proto.PageAddScriptToEvaluateOnNewDocument{Source: p.activityJS}.Call(page)
			return err
		},
	}
	errs := make([]error, len(calls))
	var wg sync.WaitGroup
	for i, call := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = call()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// noNetworkBuffer is the size of DevTools' response-body buffers per tab.
var noNetworkBuffer = 0

// closeTab disposes a tab's context, which closes the tab from the
// browser side without running its unload handlers (so it works even when
// its renderer is stuck in a loop or crashed): one round trip.
func (p *Pool) closeTab(in *instance, ctxID proto.BrowserBrowserContextID) {
	if in.isDead() {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
	defer cancel()
	b := in.browser(ctx)
	if err := (proto.TargetDisposeBrowserContext{BrowserContextID: ctxID}).Call(b); err != nil {
		p.log.Debug("dispose browser context", "context", ctxID, "err", err)
		if isConnErr(err) {
			in.markDead(fmt.Errorf("dispose of a browser context failed: %w", err))
		}
	}
}
