package browser

import (
	"context"
	"errors"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-rod/rod/lib/cdp"
	"github.com/go-rod/rod/lib/proto"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

// awaited are the request types that can bring content: the wait for a
// quiet page counts only these (not the favicon Chromium asks for after
// load, pings, prefetches or blocked images).
var awaited = map[proto.NetworkResourceType]bool{
	proto.NetworkResourceTypeDocument: true, proto.NetworkResourceTypeStylesheet: true,
	proto.NetworkResourceTypeScript: true, proto.NetworkResourceTypeXHR: true,
	proto.NetworkResourceTypeFetch: true, proto.NetworkResourceTypeEventSource: true,
	proto.NetworkResourceTypeTextTrack: true,
}

// pageState follows one tab's events: requests in flight, the last network
// activity, whether the main frame is loading, and the main document's
// response (or why it failed).
type pageState struct {
	main proto.PageFrameID
	ic   *interceptor // carries every request when the browser is intercepted

	mu       sync.Mutex
	seen     map[proto.NetworkRequestID]bool
	inflight int
	last     time.Time
	loading  bool // the main frame started a navigation and has not stopped
	status   int
	headers  proto.NetworkHeaders
	docID    proto.NetworkRequestID // the main document's request
	docURL   string
	failText string // net error of the main document's request, if it failed
	failURL  string
	// refused is closed when the main document is the egress proxy's
	// refusal: nothing more will load, so waiting for quiet is pointless.
	refused    chan struct{}
	refusedSet bool
	// changed has a token when the main frame stopped loading: the wait
	// looks at once instead of at its next poll.
	changed chan struct{}
}

func newPageState(main proto.PageFrameID) *pageState {
	return &pageState{main: main, last: time.Now(), loading: true,
		seen: map[proto.NetworkRequestID]bool{}, refused: make(chan struct{}), changed: make(chan struct{}, 1)}
}

// documentRequested reports whether the main document's request was
// announced. It is asked when the connection died: done closes once the
// tab's last event is handled (the router closes every queue when the
// connection ends); a connection that does not end within a second counts
// as having asked, so a page is never loaded twice on a guess.
func (st *pageState) documentRequested(done <-chan struct{}) bool {
	select {
	case <-done:
	case <-time.After(time.Second):
		return true
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.docID != ""
}

// consume handles the tab's events until ctx ends or the queue closes.
func (st *pageState) consume(ctx context.Context, page session, q *eventQueue, t *tab) {
	for {
		batch, overflow, closed := q.take()
		for _, e := range batch {
			st.handle(page, e, t)
		}
		if overflow {
			t.cancel(errEventFlood)
			return
		}
		if closed {
			return
		}
		select {
		case <-q.ready:
		case <-ctx.Done():
			return
		}
	}
}

func (st *pageState) handle(page session, msg *cdp.Event, t *tab) {
	switch msg.Method {
	case "Fetch.requestPaused":
		var e proto.FetchRequestPaused
		if load(msg, &e) && st.ic != nil {
			st.ic.paused(&e)
		} else if e.RequestID != "" {
			// Fail, never leave paused: a paused request stalls the page.
			_ = proto.FetchFailRequest{RequestID: e.RequestID, ErrorReason: proto.NetworkErrorReasonBlockedByClient}.Call(page)
		}
	case "Network.requestWillBeSent":
		var e proto.NetworkRequestWillBeSent
		if load(msg, &e) && awaited[e.Type] {
			st.mu.Lock()
			if !st.seen[e.RequestID] { // redirects reuse the id
				st.seen[e.RequestID] = true
				st.inflight++
			}
			if e.Type == proto.NetworkResourceTypeDocument && e.FrameID == st.main && e.Request != nil {
				st.docID, st.docURL = e.RequestID, e.Request.URL
				st.failText, st.failURL = "", ""
			}
			st.last = time.Now()
			st.mu.Unlock()
		}
	case "Network.responseReceived":
		var e proto.NetworkResponseReceived
		if load(msg, &e) {
			st.mu.Lock()
			if st.seen[e.RequestID] {
				st.last = time.Now()
			}
			if e.Type == proto.NetworkResourceTypeDocument && e.FrameID == st.main && e.Response != nil {
				st.status, st.headers = e.Response.Status, e.Response.Headers
				if isRefusalMark(header(e.Response.Headers, egressHeader)) && !st.refusedSet {
					st.refusedSet = true
					close(st.refused)
				}
			}
			st.mu.Unlock()
		}
	case "Network.dataReceived":
		var e proto.NetworkDataReceived
		if load(msg, &e) {
			st.touch(e.RequestID)
		}
	case "Network.loadingFinished":
		var e proto.NetworkLoadingFinished
		if load(msg, &e) {
			st.finish(e.RequestID, "")
		}
	case "Network.loadingFailed":
		var e proto.NetworkLoadingFailed
		if load(msg, &e) {
			text := e.ErrorText
			if e.Canceled {
				text = ""
			}
			st.finish(e.RequestID, text)
		}
	case "Page.frameStartedLoading", "Page.frameRequestedNavigation":
		var e struct {
			FrameID proto.PageFrameID `json:"frameId"`
		}
		if load(msg, &e) && e.FrameID == st.main {
			st.mu.Lock()
			st.loading, st.last = true, time.Now()
			st.mu.Unlock()
		}
	case "Page.frameStoppedLoading":
		var e proto.PageFrameStoppedLoading
		if load(msg, &e) && e.FrameID == st.main {
			// Not network activity: by now every request the document's
			// loading started has been announced (a script inserted by a load
			// handler is requested before the handler returns), and what
			// starts later is counted by the probe (timers, fetches) or shows
			// as a request.
			st.mu.Lock()
			st.loading = false
			st.mu.Unlock()
			st.signal()
		}
	case "Page.frameNavigated":
		var e proto.PageFrameNavigated
		if load(msg, &e) && e.Frame != nil && e.Frame.ParentID == "" && e.Frame.UnreachableURL != "" {
			st.mu.Lock()
			if st.failURL == "" {
				st.failURL = e.Frame.UnreachableURL
			}
			st.mu.Unlock()
		}
	case "Page.javascriptDialogOpening":
		// alert/confirm/prompt block the page's scripts (and our
		// snapshot) until answered.
		_ = proto.PageHandleJavaScriptDialog{Accept: false}.Call(page)
	case "Inspector.targetCrashed":
		t.cancel(ErrCrashed)
	}
}

func (st *pageState) touch(id proto.NetworkRequestID) {
	st.mu.Lock()
	if st.seen[id] {
		st.last = time.Now()
	}
	st.mu.Unlock()
}

func (st *pageState) finish(id proto.NetworkRequestID, failText string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.seen[id] {
		delete(st.seen, id)
		st.inflight--
		st.last = time.Now()
	}
	if failText != "" && id == st.docID {
		st.failText, st.failURL = failText, st.docURL
	}
}

func (st *pageState) signal() {
	select {
	case st.changed <- struct{}{}:
	default:
	}
}

// network reports the main frame's loading state, requests in flight and
// the time since the last network activity.
func (st *pageState) network() (loading bool, inflight int, idle time.Duration) {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.loading, st.inflight, time.Since(st.last)
}

// documentURL is the URL of the main frame's last document request.
func (st *pageState) documentURL() string {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.docURL
}

// docFailure is the main document's failed request (URL, net error), if any.
func (st *pageState) docFailure() (string, string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.failURL, st.failText
}

func (st *pageState) document() (int, proto.NetworkHeaders) {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.status, st.headers
}

func header(h proto.NetworkHeaders, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return v.Str()
		}
	}
	return ""
}

var proxyStatusDetails = regexp.MustCompile(`details="((?:[^"\\]|\\.)*)"`)

// egressHeader is set by our egress proxy (tools/egress.PolicyHeader) on
// answers it wrote itself: "refused" for a policy refusal; any other value
// for its own errors (e.g. the site's name did not resolve).
const egressHeader = "X-Deepresearch-Egress"

// proxyAnswered says the document is the egress proxy's own answer (a
// refusal or an upstream failure), not the site's: only then does
// proxyRefusal read the page's text.
func proxyAnswered(h proto.NetworkHeaders) bool {
	return strings.TrimSpace(header(h, egressHeader)) != "" || strings.Contains(header(h, "Proxy-Status"), "error=")
}

func isRefusalMark(v string) bool { return strings.EqualFold(strings.TrimSpace(v), "refused") }

// proxyRefusal recognises an answer written by the egress proxy rather
// than the site: our proxy's marker header, or a Proxy-Status header with
// an error (RFC 9209), e.g. `Proxy-Status: p; error=destination_ip_prohibited;
// details="loopback address 127.0.0.1"`.
func (p *Pool) proxyRefusal(ctx context.Context, u string, status int, h proto.NetworkHeaders, body string) error {
	if !proxyAnswered(h) {
		return nil
	}
	mark := strings.ToLower(strings.TrimSpace(header(h, egressHeader)))
	refused := isRefusalMark(mark)
	ps := header(h, "Proxy-Status")
	reason := ""
	if m := proxyStatusDetails.FindStringSubmatch(ps); m != nil {
		reason = strings.ReplaceAll(m[1], `\"`, `"`)
	}
	if reason == "" {
		reason = strings.TrimSpace(body)
	}
	if reason == "" {
		reason = "the egress proxy answered " + strconv.Itoa(status) + " " + http.StatusText(status)
	}
	e := &Error{URL: u, Kind: ErrPolicy, Detail: reason, Hint: "this address may not be fetched; use a public http(s) URL"}
	lower := strings.ToLower(ps + " " + reason)
	switch {
	case refused || strings.Contains(ps, "error=destination_ip_prohibited") ||
		strings.Contains(ps, "error=destination_ip_unroutable") || strings.Contains(ps, "error=http_request_denied"):
		// policy refusal: the default
	case strings.Contains(lower, "dns_") || strings.Contains(lower, "no such host") || strings.Contains(lower, "does not resolve"):
		e.Kind, e.Hint = ErrDNS, "check the spelling of the domain"
	case strings.Contains(ps, "error=") || mark != "":
		e.Kind, e.Hint = ErrNavigation, "the site may be down; try again later"
		if status == http.StatusGatewayTimeout || strings.Contains(ps, "timeout") {
			e.Kind, e.Hint = ErrTimeout, "the site is slow; try again later"
		}
	}
	if e.Kind == ErrPolicy && p.cfg.Diagnose != nil {
		if d := p.cfg.Diagnose(ctx, u); d != nil {
			e.Err, e.Detail = d, d.Error()
		}
	}
	if e.Kind == ErrPolicy && e.Err == nil {
		// The proxy said why in its answer: carry it as the guard's own
		// error type, so every caller recognises a refusal the same way.
		e.Err = &egress.PolicyError{Target: u, Reason: reason}
	}
	return e
}

// navFailure maps a failed navigation; for failures behind the proxy it
// asks Diagnose for the real reason (a CONNECT refusal hides it).
func (p *Pool) navFailure(ctx context.Context, u, text string, st *pageState) error {
	e := navError(u, text)
	status, hdrs := st.document()
	if strings.Contains(text, "ERR_HTTP_RESPONSE_CODE_FAILURE") && status != 0 {
		if perr := p.proxyRefusal(ctx, u, status, hdrs, ""); perr != nil {
			return perr
		}
		return &Error{URL: u, Kind: ErrHTTPStatus, Detail: "the server answered HTTP " + strconv.Itoa(status) + " " + http.StatusText(status) + " with an empty page",
			Hint: "check the URL; the page may be gone or need a login"}
	}
	if p.cfg.ProxyURL != "" && p.cfg.Diagnose != nil &&
		(errors.Is(e, ErrPolicy) || errors.Is(e, ErrDNS) || errors.Is(e, ErrNavigation)) {
		if d := p.cfg.Diagnose(ctx, u); d != nil {
			e.Err, e.Detail = d, d.Error()
			var dnsErr *net.DNSError
			if errors.As(d, &dnsErr) {
				e.Kind, e.Hint = ErrDNS, "check the spelling of the domain"
			} else {
				e.Kind, e.Hint = ErrPolicy, "this address may not be fetched; use a public http(s) URL"
			}
		} else if errors.Is(e, ErrPolicy) {
			// The guard would allow it: the proxy failed to reach the site.
			e.Kind, e.Detail = ErrNavigation, "the site could not be reached through the egress proxy ("+text+")"
			e.Hint = "the site may be down; try again later"
		}
	}
	return e
}
