package browser

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"

	"github.com/go-rod/rod/lib/proto"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

// Intercepting a browser's traffic. A browser on another host cannot reach
// the egress proxy on our loopback, so for it every request of the page is
// paused over DevTools (Fetch domain, request stage) and carried by the
// guarded HTTP client here: the guard's dial-time check decides, exactly
// as for the proxy. Redirects are not followed here but handed back to the
// browser, whose next request is paused and checked in turn. What the
// Fetch domain cannot see (WebSockets, a service worker's requests, DNS
// prefetch connections) would go straight to the network from the remote
// host: the tab's context is therefore given a proxy that does not exist
// (deadProxy), so all of it fails there. Nothing is answered from the
// network of the browser's host.
const (
	// deadProxy never answers: .invalid names do not resolve (RFC 6761).
	deadProxy = "http://egress-intercepted.invalid:9"
	// interceptParallel bounds the requests one tab has in flight here.
	interceptParallel = 8
	// interceptMaxBody caps one response carried to the browser when the
	// client has no limit of its own.
	interceptMaxBody = 32 << 20
)

// intercepting says whether renders on in have their requests carried by
// the guarded client rather than by a proxy the browser reaches itself.
func (p *Pool) intercepting(in *instance) bool {
	if p.cfg.Client == nil {
		return false
	}
	return p.cfg.InterceptLocal || in.launcher == nil
}

// interceptor carries one tab's paused requests.
type interceptor struct {
	pool   *Pool
	client *http.Client
	page   session
	st     *pageState
	sem    chan struct{}
	wg     sync.WaitGroup
}

func (p *Pool) newInterceptor(page session, st *pageState) *interceptor {
	c := *p.cfg.Client
	// Each hop goes back to the browser (and is paused and checked again),
	// so the page sees the redirect and its final URL.
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &interceptor{pool: p, client: &c, page: page, st: st, sem: make(chan struct{}, interceptParallel)}
}

// paused handles one Fetch.requestPaused without blocking the event loop.
func (ic *interceptor) paused(e *proto.FetchRequestPaused) {
	if e.Request == nil || blocked(e.ResourceType) {
		_ = proto.FetchFailRequest{RequestID: e.RequestID, ErrorReason: proto.NetworkErrorReasonBlockedByClient}.Call(ic.page)
		return
	}
	ic.wg.Add(1)
	go func() {
		defer ic.wg.Done()
		select {
		case ic.sem <- struct{}{}:
		case <-ic.page.ctx.Done():
			return
		}
		defer func() { <-ic.sem }()
		ic.carry(e)
	}()
}

// wait returns when no request is being carried (the tab's context ended).
func (ic *interceptor) wait() { ic.wg.Wait() }

func blocked(rt proto.NetworkResourceType) bool {
	for _, b := range blockedTypes {
		if rt == b {
			return true
		}
	}
	return false
}

// hopHeaders are not forwarded either way; Accept-Encoding is left to the
// client, which then decodes (and the size cap applies to decoded bytes).
var hopHeaders = map[string]bool{
	"connection": true, "keep-alive": true, "proxy-connection": true, "transfer-encoding": true,
	"upgrade": true, "te": true, "trailer": true, "host": true, "accept-encoding": true, "content-length": true,
	"content-encoding": true,
}

func (ic *interceptor) carry(e *proto.FetchRequestPaused) {
	ctx := ic.page.ctx
	r := e.Request
	url := r.URL // without the fragment, which never goes on the wire
	var body io.Reader
	if r.PostData != "" {
		body = strings.NewReader(r.PostData)
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, url, body)
	if err != nil {
		ic.fail(e, proto.NetworkErrorReasonFailed)
		return
	}
	for k, v := range r.Headers {
		if !hopHeaders[strings.ToLower(k)] {
			req.Header.Set(k, v.Str())
		}
	}
	res, err := ic.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return // the tab is gone
		}
		ic.failed(e, url, err)
		return
	}
	defer func() { _ = res.Body.Close() }()
	limit := int64(interceptMaxBody)
	data, err := io.ReadAll(io.LimitReader(res.Body, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = fmt.Errorf("response larger than %d bytes", limit)
	}
	if err != nil {
		ic.failed(e, url, err)
		return
	}
	headers := make([]*proto.FetchHeaderEntry, 0, len(res.Header))
	for k, vs := range res.Header {
		if hopHeaders[strings.ToLower(k)] {
			continue
		}
		for _, v := range vs {
			headers = append(headers, &proto.FetchHeaderEntry{Name: k, Value: v})
		}
	}
	if err := (proto.FetchFulfillRequest{RequestID: e.RequestID, ResponseCode: res.StatusCode,
		ResponseHeaders: headers, Body: data}).Call(ic.page); err != nil {
		ic.pool.log.Debug("fulfil intercepted request", "url", url, "err", err)
	}
}

// failed answers a request the guard refused or could not carry. The main
// document gets an answer written like the egress proxy's (a marked 403
// for a refusal, a marked 502 with an RFC 9209 error type otherwise), so
// the render reports it as it does behind the proxy; anything else fails
// as a network error.
func (ic *interceptor) failed(e *proto.FetchRequestPaused, url string, err error) {
	if e.ResourceType != proto.NetworkResourceTypeDocument {
		reason := proto.NetworkErrorReasonFailed
		if _, ok := egress.IsPolicyError(err); ok {
			reason = proto.NetworkErrorReasonBlockedByClient
		}
		ic.fail(e, reason)
		return
	}
	status, mark, kind := http.StatusBadGateway, "error", "destination_unavailable"
	msg := "egress guard: " + err.Error()
	var dnsErr *net.DNSError
	if pe, ok := egress.IsPolicyError(err); ok {
		status, mark, kind, msg = http.StatusForbidden, "refused", "destination_ip_prohibited", pe.Error()
	} else if errors.As(err, &dnsErr) {
		kind = "dns_error"
	} else if errors.Is(err, context.DeadlineExceeded) {
		status, kind = http.StatusGatewayTimeout, "connection_timeout"
	}
	headers := []*proto.FetchHeaderEntry{
		{Name: egressHeader, Value: mark},
		{Name: "Proxy-Status", Value: "deepresearch-egress; error=" + kind + "; details=" + sfQuote(msg)},
		{Name: "Content-Type", Value: "text/plain; charset=utf-8"},
	}
	_ = proto.FetchFulfillRequest{RequestID: e.RequestID, ResponseCode: status, ResponseHeaders: headers,
		Body: []byte(msg + "\n")}.Call(ic.page)
}

func (ic *interceptor) fail(e *proto.FetchRequestPaused, reason proto.NetworkErrorReason) {
	_ = proto.FetchFailRequest{RequestID: e.RequestID, ErrorReason: reason}.Call(ic.page)
}

// sfQuote quotes s as a structured-field string (RFC 8941): printable ASCII
// only, backslash and double quote escaped.
func sfQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		default:
			b.WriteByte('?')
		}
	}
	b.WriteByte('"')
	return b.String()
}
