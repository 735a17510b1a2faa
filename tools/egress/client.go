package egress

import (
	"fmt"
	"net/http"
	"time"
)

// MaxHeaderBytes caps a response's header block. Chromium refuses more than
// 256 KiB too; real sites send a few KiB, and every header byte is memory
// spent before the body is looked at.
const MaxHeaderBytes = 256 << 10

// Transport returns an http.Transport whose every connection goes through
// the guard. It never uses a proxy from the environment: HTTP_PROXY would
// otherwise carry requests past the dial-time check.
func (g *Guard) Transport() *http.Transport {
	return &http.Transport{
		Proxy:                  nil,
		DialContext:            g.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  g.policy.Timeout,
		ExpectContinueTimeout:  1 * time.Second,
		MaxIdleConns:           64,
		MaxIdleConnsPerHost:    8,
		IdleConnTimeout:        60 * time.Second,
		MaxResponseHeaderBytes: MaxHeaderBytes,
	}
}

// Client returns an HTTP client whose every connection and redirect goes
// through the guard (http/https only, at most 10 redirects).
func (g *Guard) Client() *http.Client {
	return &http.Client{
		Transport:     g.Transport(),
		CheckRedirect: g.checkRedirect,
		Timeout:       g.policy.Timeout,
	}
}

// checkRedirect re-checks each hop: the scheme and literal addresses early
// with a clear reason; names are checked again when the hop is dialled.
func (g *Guard) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= MaxRedirects {
		return fmt.Errorf("%w (last: %s); the page redirects in a loop or too often", ErrTooManyRedirects, SafeURL(via[len(via)-1].URL.Redacted()))
	}
	if _, err := g.CheckURL(req.URL.String()); err != nil {
		return fmt.Errorf("redirect to %s: %w", SafeURL(req.URL.Redacted()), err)
	}
	return nil
}
