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

// renderIn does the work in its own incognito context, which it always
// disposes (tab and all) before returning.
func (p *Pool) renderIn(ctx context.Context, in *instance, t *tab, rawURL string) (*Rendered, error) {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	sp := t.spans

	proxyURL, bypass := p.cfg.ProxyURL, ""
	intercept := p.intercepting(in)
	if intercept {
		proxyURL = deadProxy // what interception cannot see must fail (intercept.go)
	}
	if proxyURL != "" {
		bypass = "<-loopback>"
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
	p.tabOpened()
	defer func() {
		p.closeTab(in, bc.BrowserContextID, t.targetID())
		p.openTabs.Add(-1)
		sp.end(spanClose)
	}()
	// Downloads would land on disk; a page is all we want.
	if err := (proto.BrowserSetDownloadBehavior{
		Behavior: proto.BrowserSetDownloadBehaviorBehaviorDeny, BrowserContextID: bc.BrowserContextID,
	}).Call(bs); err != nil {
		return nil, &phaseError{phaseOpenContext, err}
	}
	sp.end(spanContext)
	target, err := proto.TargetCreateTarget{URL: "about:blank", BrowserContextID: bc.BrowserContextID}.Call(bs)
	if err != nil {
		return nil, &phaseError{phaseOpenTab, err}
	}
	t.setTarget(target.TargetID)
	att, err := proto.TargetAttachToTarget{TargetID: target.TargetID, Flatten: true}.Call(bs)
	if err != nil {
		return nil, &phaseError{phaseOpenTab, err}
	}
	// Only this session's events reach this tab; nothing is sent on it
	// before the domains are enabled below, so nothing is missed.
	q := in.events.subscribe(string(att.SessionID))
	defer in.events.drop(string(att.SessionID))
	ps := session{conn: in.conn, ctx: ctx, id: att.SessionID}
	t.setSession(ps)
	sp.end(spanTarget)

	// The main frame's id is the target's.
	st := newPageState(proto.PageFrameID(target.TargetID))
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

	if err := p.setupPage(ps, in, intercept); err != nil {
		return nil, &phaseError{phaseSetup, err}
	}
	sp.end(spanSetup)

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
		if pctx.Err() == nil && waitCtx.Err() != nil {
			// Our wait budget ran out before the page even committed.
			return nil, timeoutError(rawURL, t.budget, "the server sent no page", err)
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
			return nil, timeoutError(rawURL, t.budget, "waiting for the page to load", err)
		}
		return nil, &phaseError{"waiting for the page to load", err}
	}
	if err != nil && waitCtx.Err() != nil {
		wr.why = "the render budget ended before the page settled"
	}
	sp.end(spanWait)
	sp.add(spanLate, wr.late)
	snap, err := p.snapshot(pg, st.main)
	if err != nil {
		if outer.Err() == nil && pctx.Err() != nil {
			return nil, timeoutError(rawURL, t.budget, "reading the page's DOM", err)
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

// Phases of a render before the page is asked for: a timeout there is the
// browser's fault, not the site's.
const (
	phaseOpenContext = "opening a browser context"
	phaseOpenTab     = "opening a tab"
	phaseSetup       = "preparing the tab"
)

func browserPhase(phase string) bool {
	return phase == phaseOpenContext || phase == phaseOpenTab || phase == phaseSetup
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
		func() error { return proto.NetworkEnable{}.Call(page) },
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

// closeTab closes the tab from the browser side (works even when its
// renderer is stuck in a loop or crashed) and disposes its context.
func (p *Pool) closeTab(in *instance, ctxID proto.BrowserBrowserContextID, target proto.TargetTargetID) {
	if in.isDead() {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
	defer cancel()
	b := in.browser(ctx)
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
