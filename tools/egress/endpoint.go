package egress

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// endpoint is a configured service base URL (a search API).
type endpoint struct {
	scheme, hostPort, path string
}

func parseEndpoint(raw string) (endpoint, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return endpoint{}, fmt.Errorf("%q is not a URL: %w", raw, err)
	}
	scheme := strings.ToLower(u.Scheme)
	if (scheme != "http" && scheme != "https") || u.Hostname() == "" {
		return endpoint{}, fmt.Errorf("%q must be an http(s) URL such as https://search.example.org", raw)
	}
	return endpoint{scheme: scheme, hostPort: hostPort(u), path: strings.TrimSuffix(u.EscapedPath(), "/")}, nil
}

// serves reports whether u is a request to this endpoint: same scheme, host
// as written and port, and a path under the endpoint's base path.
func (e endpoint) serves(u *url.URL) bool {
	if !strings.EqualFold(u.Scheme, e.scheme) || hostPort(u) != e.hostPort {
		return false
	}
	p := u.EscapedPath()
	return e.path == "" || p == e.path || strings.HasPrefix(p, e.path+"/")
}

// EndpointClient returns the client for the operator's configured service
// endpoints (search provider base URLs). Its own requests to one of those
// endpoints may reach a private address (a local SearXNG) without
// AllowPrivate; everything else it is asked to fetch — a redirect to another
// host or path — is under the normal policy, and metadata addresses are
// refused for all. Page reads and Chromium never use it, so configuring a
// search endpoint on 127.0.0.1:8765 does not open that host to pages.
//
// The trusted requests get a transport of their own, so a connection
// dialled with trust is never reused for a request without it.
func (g *Guard) EndpointClient(endpoints []string) (*http.Client, error) {
	var eps []endpoint
	for _, raw := range endpoints {
		e, err := parseEndpoint(raw)
		if err != nil {
			return nil, err
		}
		eps = append(eps, e)
	}
	serves := func(u *url.URL) bool {
		for _, e := range eps {
			if e.serves(u) {
				return true
			}
		}
		return false
	}
	trusted := g.Transport()
	trusted.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		return g.dial(ctx, network, addr, g.isEndpointAddr(eps, addr))
	}
	rt := &endpointTransport{serves: serves, trusted: trusted, normal: g.Transport()}
	return &http.Client{
		Transport: rt,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) < MaxRedirects && serves(req.URL) {
				return nil
			}
			return g.checkRedirect(req, via)
		},
		Timeout: g.policy.Timeout,
	}, nil
}

// isEndpointAddr reports whether addr (host:port as dialled) is one of the
// endpoints: only those dials carry trust, whatever asked for them.
func (g *Guard) isEndpointAddr(eps []endpoint, addr string) bool {
	hp, ok := normHostPort(addr)
	if !ok {
		return false
	}
	for _, e := range eps {
		if e.hostPort == hp {
			return true
		}
	}
	return false
}

type endpointTransport struct {
	serves          func(*url.URL) bool
	trusted, normal *http.Transport
}

func (t *endpointTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.serves(req.URL) {
		return t.trusted.RoundTrip(req)
	}
	return t.normal.RoundTrip(req)
}

// CloseIdleConnections lets http.Client.CloseIdleConnections reach both pools.
func (t *endpointTransport) CloseIdleConnections() {
	t.trusted.CloseIdleConnections()
	t.normal.CloseIdleConnections()
}
