package egress

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
)

// PolicyHeader marks a response the proxy wrote itself, so the browser
// layer can tell it from the site's own answer: "refused" on a policy
// refusal (403), "error" when the proxy could not reach the site (502, or
// 504 on a timeout). An "error" answer also carries a Proxy-Status header
// (RFC 9209) whose error type says what failed, e.g. dns_error.
const PolicyHeader = "X-Deepresearch-Egress"

// Proxy is an HTTP forward proxy (with CONNECT) that Chromium sends all its
// traffic through, so the browser obeys the same policy.
//
// Chromium must be launched with --proxy-server=<Proxy.URL> and
// --proxy-bypass-list=<-loopback>; without the latter it sends loopback and
// link-local requests around the proxy.
type Proxy struct {
	URL string

	g        *Guard
	ln       net.Listener
	srv      *http.Server
	rp       *httputil.ReverseProxy
	tr       *http.Transport
	log      *slog.Logger
	done     chan struct{}
	closeErr error
	once     sync.Once
	wg       sync.WaitGroup

	mu       sync.Mutex
	tunnels  map[net.Conn]struct{}
	refusals []Refusal
}

// Refusal is one request the proxy refused.
type Refusal struct {
	URL    string // absolute URL for plain HTTP; "https://host:port" for CONNECT
	Host   string // host:port
	Reason string
	At     time.Time
}

// Err returns the refusal as a *PolicyError.
func (r Refusal) Err() *PolicyError { return &PolicyError{Target: r.URL, Reason: r.Reason} }

const (
	maxRefusals       = 256
	tunnelIdleTimeout = 2 * time.Minute
)

// StartProxy starts the proxy on loopback; Close it when done (or cancel ctx).
func (g *Guard) StartProxy(ctx context.Context) (*Proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("start egress proxy: %w", err)
	}
	p := &Proxy{
		URL:     "http://" + ln.Addr().String(),
		g:       g,
		ln:      ln,
		log:     slog.New(slog.DiscardHandler),
		done:    make(chan struct{}),
		tunnels: map[net.Conn]struct{}{},
	}
	p.tr = g.Transport()
	p.tr.ForceAttemptHTTP2 = false // the proxy forwards HTTP/1.1 upgrades (WebSocket) too
	p.rp = &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.Out.URL = pr.In.URL
			pr.Out.Host = pr.In.Host
			pr.Out.Header.Del("Proxy-Connection")
			pr.Out.Header.Del("Proxy-Authorization")
		},
		Transport:      p.tr,
		ModifyResponse: p.checkRedirect,
		FlushInterval:  50 * time.Millisecond,
		ErrorLog:       log.New(logWriter{p}, "", 0),
		ErrorHandler:   p.forwardError,
	}
	p.srv = &http.Server{
		Handler:           http.HandlerFunc(p.serve),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       90 * time.Second,
		ErrorLog:          log.New(logWriter{p}, "", 0),
	}
	p.wg.Add(2)
	go func() {
		defer p.wg.Done()
		_ = p.srv.Serve(ln)
	}()
	go func() {
		defer p.wg.Done()
		select {
		case <-ctx.Done():
			p.shutdown()
		case <-p.done:
		}
	}()
	return p, nil
}

// SetLogger sets where the proxy logs refusals (debug level).
func (p *Proxy) SetLogger(l *slog.Logger) {
	if l != nil {
		p.mu.Lock()
		p.log = l
		p.mu.Unlock()
	}
}

// Refusals returns the most recent refusals, oldest first.
func (p *Proxy) Refusals() []Refusal {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Refusal(nil), p.refusals...)
}

// Refused reports the latest refusal for rawURL: an exact URL match for
// plain HTTP, or its host:port for HTTPS (which the proxy sees only as a
// CONNECT). The browser layer calls it when a navigation fails or answers
// 403, to report "refused by policy" instead of a network error.
func (p *Proxy) Refused(rawURL string) (*PolicyError, bool) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, false
	}
	hp := hostPort(u)
	want := stripFragment(u)
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := len(p.refusals) - 1; i >= 0; i-- {
		r := p.refusals[i]
		if r.URL == want {
			return r.Err(), true
		}
	}
	// The policy decides per host and port, so a refusal of another URL on
	// the same host:port (or the CONNECT that carried an HTTPS URL) holds.
	for i := len(p.refusals) - 1; i >= 0; i-- {
		if r := p.refusals[i]; r.Host == hp {
			return &PolicyError{Target: rawURL, Reason: r.Reason}, true
		}
	}
	return nil, false
}

func stripFragment(u *url.URL) string {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	return c.String()
}

func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "80"
		if strings.EqualFold(u.Scheme, "https") || strings.EqualFold(u.Scheme, "wss") {
			port = "443"
		}
	}
	return net.JoinHostPort(normHost(u.Hostname()), port)
}

func (p *Proxy) record(target, host string, pe *PolicyError) {
	r := Refusal{URL: target, Host: host, Reason: pe.Reason, At: time.Now()}
	p.mu.Lock()
	p.refusals = append(p.refusals, r)
	if len(p.refusals) > maxRefusals {
		p.refusals = append(p.refusals[:0:0], p.refusals[len(p.refusals)-maxRefusals:]...)
	}
	log := p.log
	p.mu.Unlock()
	log.Debug("egress proxy refused", "target", target, "reason", pe.Reason)
}

func (p *Proxy) refuse(w http.ResponseWriter, target, host string, pe *PolicyError) {
	p.record(target, host, pe)
	w.Header().Set(PolicyHeader, "refused")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Connection", "close")
	w.WriteHeader(http.StatusForbidden)
	_, _ = io.WriteString(w, pe.Error()+"\n")
}

func (p *Proxy) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodConnect {
		p.connect(w, r)
		return
	}
	if !r.URL.IsAbs() {
		http.Error(w, "this is a forward proxy: send absolute-URI requests or CONNECT", http.StatusBadRequest)
		return
	}
	if r.Header.Get("Upgrade") != "" {
		// Browsers tunnel WebSockets through CONNECT; an upgraded plain
		// connection would escape Close's bookkeeping.
		http.Error(w, "egress proxy: protocol upgrades need a CONNECT tunnel", http.StatusNotImplemented)
		return
	}
	target := stripFragment(r.URL)
	if _, err := p.g.CheckURL(target); err != nil {
		pe, ok := IsPolicyError(err)
		if !ok {
			pe = &PolicyError{Target: target, Reason: err.Error()}
		}
		p.refuse(w, target, hostPort(r.URL), pe)
		return
	}
	p.rp.ServeHTTP(w, r)
}

// checkRedirect refuses a redirect whose target the policy refuses by its
// URL alone (a scheme other than http/https, credentials, a metadata host, a
// refused IP literal). Chromium would refuse a file: or gopher: redirect
// itself, but with a network error that hides the reason; answering here
// turns it into a policy refusal the browser layer can report (Refused).
func (p *Proxy) checkRedirect(resp *http.Response) error {
	if resp.StatusCode < 300 || resp.StatusCode > 399 || resp.Request == nil {
		return nil
	}
	loc := resp.Header.Get("Location")
	if loc == "" {
		return nil
	}
	to, err := resp.Request.URL.Parse(loc)
	if err != nil {
		return redirectRefusal{&PolicyError{Target: stripFragment(resp.Request.URL), Reason: "it redirects to an address that is not a valid URL"}}
	}
	if _, err := p.g.CheckURL(to.String()); err != nil {
		reason := err.Error()
		if pe, ok := IsPolicyError(err); ok {
			reason = pe.Target + ": " + pe.Reason
		}
		return redirectRefusal{&PolicyError{Target: stripFragment(resp.Request.URL), Reason: "it redirects to a refused target: " + reason}}
	}
	return nil
}

// redirectRefusal is a refusal of one response, not of its host: it is
// recorded without a host:port so Refused does not extend it to other URLs
// of the same (allowed) server.
type redirectRefusal struct{ *PolicyError }

func (r redirectRefusal) Unwrap() error { return r.PolicyError }

func (p *Proxy) forwardError(w http.ResponseWriter, r *http.Request, err error) {
	var rr redirectRefusal
	if errors.As(err, &rr) {
		p.refuse(w, stripFragment(r.URL), "", rr.PolicyError)
		return
	}
	if pe, ok := IsPolicyError(err); ok {
		p.refuse(w, stripFragment(r.URL), hostPort(r.URL), pe)
		return
	}
	p.failed(w, err)
}

// failed answers a request the proxy could not carry to the site: 504 on a
// timeout, else 502, marked as the proxy's own answer and with an RFC 9209
// error type the browser layer maps (dns_error is a DNS failure).
func (p *Proxy) failed(w http.ResponseWriter, err error) {
	status, kind := http.StatusBadGateway, "destination_unavailable"
	var dnsErr *net.DNSError
	var netErr net.Error
	switch {
	case errors.As(err, &dnsErr):
		kind = "dns_error"
		if dnsErr.IsTimeout {
			kind = "dns_timeout"
		}
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &netErr) && netErr.Timeout():
		status, kind = http.StatusGatewayTimeout, "connection_timeout"
	case errors.Is(err, syscall.ECONNREFUSED):
		kind = "connection_refused"
	}
	msg := "egress proxy: " + err.Error()
	w.Header().Set(PolicyHeader, "error")
	w.Header().Set("Proxy-Status", "deepresearch-egress; error="+kind+"; details="+sfString(msg))
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, msg+"\n")
}

// sfString quotes s as a structured-field string (RFC 8941): printable
// ASCII only, with backslash and double quote escaped.
func sfString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c > 0x7E:
			b.WriteByte('?')
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// connect opens a tunnel for HTTPS and WebSockets; the target is dialled
// with the guarded dialer, so its address is checked like any other.
func (p *Proxy) connect(w http.ResponseWriter, r *http.Request) {
	host := r.Host
	if host == "" {
		host = r.URL.Host
	}
	hp, ok := normHostPort(host)
	if !ok {
		http.Error(w, "CONNECT needs host:port", http.StatusBadRequest)
		return
	}
	target := "https://" + hp
	if strings.HasSuffix(hp, ":443") {
		target = "https://" + strings.TrimSuffix(hp, ":443")
	}
	h, port, _ := net.SplitHostPort(hp)
	if _, err := p.g.CheckURL("https://" + net.JoinHostPort(h, port)); err != nil {
		if pe, ok := IsPolicyError(err); ok {
			p.refuse(w, target, hp, pe)
			return
		}
	}
	ctx, cancel := context.WithTimeout(r.Context(), 15*time.Second)
	upstream, err := p.g.DialContext(ctx, "tcp", hp)
	cancel()
	if err != nil {
		if pe, ok := IsPolicyError(err); ok {
			p.refuse(w, target, hp, pe)
			return
		}
		p.failed(w, err)
		return
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		upstream.Close()
		http.Error(w, "egress proxy: cannot tunnel", http.StatusInternalServerError)
		return
	}
	client, buf, err := hj.Hijack()
	if err != nil {
		upstream.Close()
		return
	}
	if !p.track(client, upstream) {
		client.Close()
		upstream.Close()
		return
	}
	_, _ = client.Write([]byte("HTTP/1.1 200 Connection Established\r\n\r\n"))
	// Bytes the client sent right after the CONNECT header belong upstream.
	if n := buf.Reader.Buffered(); n > 0 {
		b, _ := buf.Reader.Peek(n)
		_, _ = upstream.Write(b)
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		defer p.untrack(client, upstream)
		pipe(client, upstream)
	}()
}

func (p *Proxy) track(cs ...net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	select {
	case <-p.done:
		return false
	default:
	}
	for _, c := range cs {
		p.tunnels[c] = struct{}{}
	}
	return true
}

func (p *Proxy) untrack(cs ...net.Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range cs {
		c.Close()
		delete(p.tunnels, c)
	}
}

// pipe copies both ways until either side closes or stays idle too long.
func pipe(a, b net.Conn) {
	var wg sync.WaitGroup
	wg.Add(2)
	cp := func(dst, src net.Conn) {
		defer wg.Done()
		buf := make([]byte, 32<<10)
		for {
			_ = src.SetReadDeadline(time.Now().Add(tunnelIdleTimeout))
			n, err := src.Read(buf)
			if n > 0 {
				_ = dst.SetWriteDeadline(time.Now().Add(tunnelIdleTimeout))
				if _, werr := dst.Write(buf[:n]); werr != nil {
					break
				}
			}
			if err != nil {
				break
			}
		}
		// Unblock the other direction.
		a.Close()
		b.Close()
	}
	go cp(a, b)
	go cp(b, a)
	wg.Wait()
}

func (p *Proxy) shutdown() {
	p.once.Do(func() {
		p.mu.Lock()
		close(p.done)
		for c := range p.tunnels {
			c.Close()
		}
		p.mu.Unlock()
		p.closeErr = p.srv.Close()
		p.tr.CloseIdleConnections()
	})
}

// Close stops the proxy and all its tunnels, and waits for them to end.
func (p *Proxy) Close() error {
	if p == nil {
		return nil
	}
	p.shutdown()
	p.wg.Wait()
	if errors.Is(p.closeErr, http.ErrServerClosed) || errors.Is(p.closeErr, net.ErrClosed) {
		return nil
	}
	return p.closeErr
}

// Diagnose fits browser.Config.Diagnose: it returns the proxy's refusal of
// rawURL as a *PolicyError, or nil when the proxy did not refuse it.
func (p *Proxy) Diagnose(_ context.Context, rawURL string) error {
	if pe, ok := p.Refused(rawURL); ok {
		return pe
	}
	return nil
}

// logWriter sends net/http's internal log lines (client hang-ups, copy
// errors) to the proxy's logger at debug level instead of the process's
// standard logger.
type logWriter struct{ p *Proxy }

func (w logWriter) Write(b []byte) (int, error) {
	w.p.mu.Lock()
	l := w.p.log
	w.p.mu.Unlock()
	l.Debug("egress proxy: " + strings.TrimSpace(string(b)))
	return len(b), nil
}
