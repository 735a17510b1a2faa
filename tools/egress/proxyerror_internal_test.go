package egress

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The proxy's own answers are marked, so the browser layer can tell them
// from the site's: refusals as "refused", failures to reach the site as
// "error" with an RFC 9209 error type (dns_error, connection_timeout, ...).
func TestProxyMarksItsOwnAnswers(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	deadAddr := closed.Listener.Addr().String()
	closed.Close()
	ok := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "hello") }))
	defer ok.Close()

	tests := []struct {
		name         string
		allowPrivate bool
		url          string
		status       int
		mark         string // X-Deepresearch-Egress
		proxyStatus  string // substring of Proxy-Status
	}{
		{name: "site answers", allowPrivate: true, url: ok.URL + "/", status: 200},
		{name: "policy refusal", url: ok.URL + "/", status: 403, mark: "refused"},
		{name: "DNS failure", allowPrivate: true, url: "http://nxdomain.test/", status: 502, mark: "error", proxyStatus: "error=dns_error"},
		{name: "connection refused", allowPrivate: true, url: "http://" + deadAddr + "/", status: 502, mark: "error", proxyStatus: "error=connection_refused"},
		{name: "timeout", allowPrivate: true, url: slow.URL + "/", status: 504, mark: "error", proxyStatus: "error=connection_timeout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := New(Policy{AllowPrivate: tt.allowPrivate, Timeout: 300 * time.Millisecond})
			g.lookup = func(_ context.Context, _, host string) ([]netip.Addr, error) {
				return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
			}
			px, err := g.StartProxy(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			defer px.Close()
			pu, _ := url.Parse(px.URL)
			c := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(pu)}}
			defer c.CloseIdleConnections()
			resp, err := c.Get(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d; want %d (%s)", resp.StatusCode, tt.status, body)
			}
			if got := resp.Header.Get(PolicyHeader); got != tt.mark {
				t.Errorf("%s = %q; want %q", PolicyHeader, got, tt.mark)
			}
			ps := resp.Header.Get("Proxy-Status")
			if !strings.Contains(ps, tt.proxyStatus) || (tt.proxyStatus == "") != (ps == "") {
				t.Errorf("Proxy-Status = %q; want it to contain %q", ps, tt.proxyStatus)
			}
			if tt.mark == "error" && (!strings.Contains(ps, `details="egress proxy: `) || !strings.HasPrefix(string(body), "egress proxy: ")) {
				t.Errorf("the reason is missing: Proxy-Status %q, body %q", ps, body)
			}
		})
	}
}

func TestSFString(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain`, `"plain"`},
		{`say "hi" \ now`, `"say \"hi\" \\ now"`},
		{"line\nbreak caf\u00e9", `"line?break caf??"`},
	}
	for _, tt := range tests {
		if got := sfString(tt.in); got != tt.want {
			t.Errorf("sfString(%q) = %s; want %s", tt.in, got, tt.want)
		}
	}
}
