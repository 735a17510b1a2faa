// Package egress is the one door out of the process: every outbound
// connection (search, page, redirect, browser sub-resource) is checked here.
package egress

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// Policy says what may leave.
type Policy struct {
	AllowPrivate bool // loopback and private ranges allowed; link-local/metadata never
	// Trusted are host:port endpoints the operator configured (e.g. a local
	// SearXNG); they pass the private-range check, never the metadata check.
	Trusted      []string
	MaxBodyBytes int64         // after decompression; 0 means 10 MiB
	Timeout      time.Duration // per request; 0 means 20s
}

// PolicyError is a refusal by policy; Reason says why in words for a model.
type PolicyError struct {
	Target string
	Reason string
}

func (e *PolicyError) Error() string { return "refused by policy: " + e.Target + ": " + e.Reason }

// ErrNotImplemented marks a part not built yet (skeleton).
var ErrNotImplemented = errors.New("egress guard is not implemented yet")

// Guard enforces a Policy.
type Guard struct{ policy Policy }

// New returns a guard for p.
func New(p Policy) *Guard { return &Guard{policy: p} }

// DialContext dials addr after checking every resolved IP against the policy.
func (g *Guard) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	return nil, ErrNotImplemented
}

// Client returns an HTTP client whose every connection and redirect goes
// through the guard (http/https only, at most 10 redirects).
func (g *Guard) Client() *http.Client {
	return &http.Client{Transport: &http.Transport{DialContext: g.DialContext}}
}

// Proxy is an HTTP forward proxy (with CONNECT) that Chromium sends all its
// traffic through, so the browser obeys the same policy.
type Proxy struct{ URL string }

// StartProxy starts the proxy on loopback; Close it when done.
func (g *Guard) StartProxy(ctx context.Context) (*Proxy, error) { return nil, ErrNotImplemented }

// Close stops the proxy.
func (p *Proxy) Close() error { return nil }
