package browser

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

// A page whose script sends the tab somewhere Chromium cannot load ends on
// Chromium's own error page: that is a typed error, never content.
func TestBrowserErrorPageIsAnError(t *testing.T) {
	plain := newSite(t, map[string]http.HandlerFunc{"/": html(`<p>plain HTTP only</p>`)})
	// https:// to a server that speaks plain HTTP: the TLS handshake fails.
	tlsTarget := "https://" + plain.Listener.Addr().String() + "/"
	// A 64-character label is not a valid DNS name: resolution fails
	// locally, no query leaves the machine.
	dnsTarget := "http://" + strings.Repeat("x", 64) + ".invalid/"
	s := newSite(t, map[string]http.HandlerFunc{
		"/to-tls": html(`<!doctype html><html><body><p>Redirecting to the secure site…</p>
			<script>setTimeout(() => { location.href = ` + jsString(tlsTarget) + `; }, 50);</script></body></html>`),
		"/to-dns": html(`<!doctype html><html><body><p>Moving to our new address…</p>
			<script>location.replace(` + jsString(dnsTarget) + `);</script></body></html>`),
	})
	p := newTestPool(t, Config{MaxTabs: 2, RenderTimeout: 8 * time.Second})
	for _, tc := range []struct {
		path, failed, code string
		kind               error
	}{
		{"/to-tls", tlsTarget, "ERR_SSL_PROTOCOL_ERROR", ErrNavigation},
		{"/to-dns", dnsTarget, "ERR_NAME_NOT_RESOLVED", ErrDNS},
	} {
		t.Run(tc.path, func(t *testing.T) {
			r, err := p.Render(context.Background(), s.url(tc.path))
			if err == nil {
				t.Fatalf("no error; content:\n%.300s", r.HTML)
			}
			if !errors.Is(err, ErrErrorPage) || !errors.Is(err, tc.kind) {
				t.Errorf("err = %v, want ErrErrorPage and %v", err, tc.kind)
			}
			var ep *ErrorPage
			if !errors.As(err, &ep) {
				t.Fatalf("errors.As(*ErrorPage) failed: %v", err)
			}
			if ep.URL != tc.failed || !strings.Contains(ep.Code, tc.code) {
				t.Errorf("ErrorPage = %+v, want URL %s and code %s", ep, tc.failed, tc.code)
			}
			for _, bad := range []string{"chrome-error", "This site can"} {
				if strings.Contains(err.Error(), bad) {
					t.Errorf("error text quotes the error page: %v", err)
				}
			}
		})
	}
}

// Behind the egress proxy, a script that sends the tab to a name that
// does not resolve gets the proxy's answer: still ErrDNS, and recognisable
// as a navigation away from a page that loaded.
func TestScriptNavigationBehindProxyIsErrorPage(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/moved": html(`<!doctype html><html><body><p>Moving…</p>
			<script>location.href = "http://nxdomain.example/";</script></body></html>`),
	})
	px := newProxy(t)
	p := newTestPool(t, Config{MaxTabs: 1, ProxyURL: px.URL, RenderTimeout: 8 * time.Second})
	_, err := p.Render(context.Background(), s.url("/moved"))
	var ep *ErrorPage
	if !errors.Is(err, ErrDNS) || !errors.As(err, &ep) || ep.URL != "http://nxdomain.example/" {
		t.Fatalf("err = %v, want ErrDNS with an *ErrorPage for http://nxdomain.example/", err)
	}
}
