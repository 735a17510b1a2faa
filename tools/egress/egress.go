// Package egress is the one door out of the process: every outbound
// connection (search, page, redirect, browser sub-resource) is checked here.
//
// The check happens at dial time on the IP actually connected to, because
// URL strings lie: Go's net/url treats 2130706433 or 0x7f000001 as host
// names while a browser turns them into 127.0.0.1, and a DNS name can
// resolve to anything (rebinding). The URL pre-check (CheckURL) only gives
// earlier, clearer refusals; it is not the guard.
package egress

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strings"
	"time"
)

// Policy says what may leave.
type Policy struct {
	AllowPrivate bool // loopback and private ranges allowed; link-local/metadata never
	// Trusted are host:port endpoints the operator allowed for every
	// request, page reads and Chromium included (--allow-host: an intranet
	// wiki); they pass the private-range check, never the metadata check.
	// Search endpoints are not listed here: see EndpointClient.
	Trusted      []string
	MaxBodyBytes int64         // after decompression; 0 means 10 MiB
	Timeout      time.Duration // per request; 0 means 20s
	// Hosts pins names to addresses instead of DNS (see ParseHosts); the
	// pinned address is checked like any other.
	Hosts map[string]netip.Addr
}

// Defaults applied when a Policy leaves a field zero.
const (
	DefaultMaxBodyBytes = 10 << 20
	DefaultTimeout      = 20 * time.Second
	// MaxRedirects is the most redirects a request follows.
	MaxRedirects = 10
)

// PolicyError is a refusal by policy; Reason says why in words for a model.
type PolicyError struct {
	Target string
	Reason string
}

func (e *PolicyError) Error() string { return "refused by policy: " + e.Target + ": " + e.Reason }

// ErrTooManyRedirects is returned (wrapped) when a request is redirected
// more than MaxRedirects times.
var ErrTooManyRedirects = errors.New("stopped after 10 redirects")

// Guard enforces a Policy.
type Guard struct {
	policy  Policy
	trusted map[string]bool       // normalised host:port
	hosts   map[string]netip.Addr // pinned names, normalised
	dialer  *net.Dialer
	// lookup resolves names; nil means net.DefaultResolver (tests swap it
	// to play a rebinding DNS server).
	lookup func(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// New returns a guard for p.
func New(p Policy) *Guard {
	if p.MaxBodyBytes <= 0 {
		p.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if p.Timeout <= 0 {
		p.Timeout = DefaultTimeout
	}
	g := &Guard{policy: p, trusted: map[string]bool{}, hosts: map[string]netip.Addr{}}
	for name, ip := range p.Hosts {
		g.hosts[normHost(name)] = ip
	}
	for _, t := range p.Trusted {
		if hp, ok := normHostPort(t); ok {
			g.trusted[hp] = true
		}
	}
	g.dialer = &net.Dialer{
		Timeout:        10 * time.Second,
		KeepAlive:      30 * time.Second,
		ControlContext: g.control,
	}
	return g
}

// Policy returns the guard's policy with defaults filled in.
func (g *Guard) Policy() Policy { return g.policy }

// MaxBodyBytes is the body cap (after decompression) callers must enforce
// with LimitReader.
func (g *Guard) MaxBodyBytes() int64 { return g.policy.MaxBodyBytes }

// Timeout is the per-request timeout.
func (g *Guard) Timeout() time.Duration { return g.policy.Timeout }

// normHostPort lower-cases host:port, strips a trailing dot and brackets
// IPv6 consistently so "LOCALHOST.:80" and "localhost:80" compare equal.
func normHostPort(hp string) (string, bool) {
	host, port, err := net.SplitHostPort(strings.TrimSpace(hp))
	if err != nil || port == "" {
		return "", false
	}
	return net.JoinHostPort(normHost(host), port), true
}

func normHost(h string) string {
	h = strings.ToLower(strings.TrimSuffix(strings.Trim(h, "[]"), "."))
	return h
}

func (g *Guard) isTrusted(host, port string) bool {
	if len(g.trusted) == 0 {
		return false
	}
	return g.trusted[net.JoinHostPort(normHost(host), port)]
}
