package egress

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

type trustedKey struct{}

// DialContext dials addr after checking every resolved IP against the policy.
// Only addresses that pass are dialled (in resolver order), so a DNS answer
// that mixes public and private addresses can never reach the private one;
// the dialer's Control hook checks the connected address once more.
func (g *Guard) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	return g.dial(ctx, network, addr, false)
}

// dial is DialContext; endpoint says the caller is an EndpointClient
// dialling one of its own configured endpoints, which may be private.
func (g *Guard) dial(ctx context.Context, network, addr string, endpoint bool) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	if isMetadataHost(host) {
		return nil, &PolicyError{Target: addr, Reason: normHost(host) + " is a cloud metadata endpoint, which is never allowed"}
	}
	ips, err := g.resolve(ctx, host)
	if err != nil {
		return nil, err
	}
	var allowed []netip.Addr
	var refusal *PolicyError
	for _, ip := range ips {
		trusted := endpoint || g.isTrusted(host, port) || g.isTrusted(ip.Unmap().String(), port)
		if why := g.checkIP(ip, trusted); why != "" {
			if refusal == nil {
				if ip2, isIP := ParseHostIP(host); isIP && ip2 == ip {
					refusal = &PolicyError{Target: addr, Reason: why}
				} else {
					refusal = &PolicyError{Target: addr, Reason: fmt.Sprintf("%s resolves to %s", normHost(host), why)}
				}
			}
			continue
		}
		allowed = append(allowed, ip)
	}
	if len(allowed) == 0 {
		if refusal != nil {
			return nil, refusal
		}
		return nil, &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
	}
	trusted := endpoint || g.isTrusted(host, port)
	var firstErr error
	for _, ip := range allowed {
		dctx := context.WithValue(ctx, trustedKey{}, trusted || g.isTrusted(ip.Unmap().String(), port))
		c, err := g.dialer.DialContext(dctx, network, net.JoinHostPort(ip.Unmap().String(), port))
		if err == nil {
			return c, nil
		}
		if firstErr == nil {
			firstErr = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, firstErr
}

// resolve turns host into addresses: IP literals in any browser spelling
// directly, names through DNS.
func (g *Guard) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	if ip, ok := ParseHostIP(host); ok {
		return []netip.Addr{ip}, nil
	}
	if ip, ok := g.hosts[normHost(host)]; ok {
		return []netip.Addr{ip}, nil
	}
	lookup := g.lookup
	if lookup == nil {
		lookup = net.DefaultResolver.LookupNetIP
	}
	ips, err := lookup(ctx, "ip", normHost(host))
	if err != nil {
		return nil, err
	}
	return ips, nil
}

// control is the last line: it sees the address the socket connects to.
func (g *Guard) control(ctx context.Context, network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return &PolicyError{Target: address, Reason: "unexpected address form"}
	}
	trusted, _ := ctx.Value(trustedKey{}).(bool)
	if why := g.checkIP(ap.Addr(), trusted); why != "" {
		return &PolicyError{Target: address, Reason: why}
	}
	return nil
}

// IsPolicyError reports whether err is (or wraps) a refusal by policy.
func IsPolicyError(err error) (*PolicyError, bool) {
	var pe *PolicyError
	if errors.As(err, &pe) {
		return pe, true
	}
	return nil, false
}
