package egress

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"sync/atomic"
	"testing"
	"time"
)

// A DNS name whose answers point at loopback, alone or mixed with a public
// address, and change between lookups (rebinding): the loopback listener
// must never be reached.
func TestRebindingAnswersNeverReachLoopback(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits.Add(1) }))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())

	loop := netip.MustParseAddr("127.0.0.1")
	public := netip.MustParseAddr("203.0.113.7") // TEST-NET-3: routable-looking, never answers
	var calls atomic.Int64
	answers := map[string]func() []netip.Addr{
		"only-loopback.test": func() []netip.Addr { return []netip.Addr{loop} },
		"mapped.test":        func() []netip.Addr { return []netip.Addr{netip.MustParseAddr("::ffff:127.0.0.1")} },
		"mixed.test":         func() []netip.Addr { return []netip.Addr{loop, public} },
		"rebind.test": func() []netip.Addr {
			if calls.Add(1)%2 == 1 {
				return []netip.Addr{public}
			}
			return []netip.Addr{loop}
		},
	}
	g := New(Policy{Timeout: 2 * time.Second})
	g.lookup = func(_ context.Context, _, host string) ([]netip.Addr, error) {
		if f, ok := answers[host]; ok {
			return f(), nil
		}
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	c := g.Client()
	defer c.CloseIdleConnections()
	for _, name := range []string{"only-loopback.test", "mapped.test", "mixed.test", "rebind.test", "rebind.test", "rebind.test"} {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+name+":"+port+"/", nil)
		resp, err := c.Do(req)
		cancel()
		if err == nil {
			resp.Body.Close()
		}
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("loopback listener reached %d times through DNS answers", n)
	}
	// Only-loopback answers are refused with the name in the reason.
	_, err := g.DialContext(context.Background(), "tcp", "only-loopback.test:"+port)
	if pe, ok := IsPolicyError(err); !ok || pe.Reason == "" {
		t.Fatalf("only-loopback: %v", err)
	}
}
