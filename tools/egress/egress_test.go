package egress_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// target is a loopback listener that must never be reached by a refused request.
type target struct {
	*httptest.Server
	hits atomic.Int64
	port string
}

func newTarget(t *testing.T) *target {
	t.Helper()
	tg := &target{}
	tg.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tg.hits.Add(1)
		_, _ = io.WriteString(w, "SECRET-INTERNAL-DATA")
	}))
	t.Cleanup(tg.Close)
	_, tg.port, _ = net.SplitHostPort(tg.Listener.Addr().String())
	return tg
}

func client(t *testing.T, g *egress.Guard) *http.Client {
	c := g.Client()
	c.Timeout = 5 * time.Second
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// ssrfHosts are spellings of addresses the guard must refuse when private
// targets are not allowed; %s is the target's port.
var ssrfHosts = []string{
	"127.0.0.1:%s", "localhost:%s", "localhost.:%s", "LOCALHOST:%s", "2130706433:%s", "0x7f000001:%s",
	"0177.0.0.1:%s", "127.1:%s", "0:%s", "0.0.0.0:%s", "[::]:%s", "[::1]:%s", "[::ffff:127.0.0.1]:%s",
	"[::ffff:7f00:1]:%s", "127.0.0.1.:%s", "0x7f.1:%s",
	"169.254.169.254:%s", "2852039166:%s", "0251.0376.0251.0376:%s", "0xa9fea9fe:%s", "[fd00:ec2::254]:%s",
	"[::ffff:169.254.169.254]:%s", "[64:ff9b::a9fe:a9fe]:%s", "100.100.100.200:%s",
	"metadata.google.internal:%s", "metadata.google.internal.:%s",
	"10.0.0.1:%s", "172.16.0.1:%s", "192.168.1.1:%s", "100.64.0.1:%s", "[fc00::1]:%s", "[fe80::1]:%s",
	"224.0.0.1:%s", "255.255.255.255:%s",
}

var badSchemes = []string{
	"file:///etc/passwd", "view-source:http://127.0.0.1:%s/", "chrome://settings", "data:text/html,<p>hi</p>",
	"javascript:alert(1)", "gopher://127.0.0.1:%s/_GET", "ftp://127.0.0.1:%s/", "FILE:///etc/hosts",
}

func formatPort(s, port string) string {
	if strings.Contains(s, "%s") {
		return fmt.Sprintf(s, port)
	}
	return s
}

func TestSSRFMatrixDirect(t *testing.T) {
	tg := newTarget(t)
	c := client(t, egress.New(egress.Policy{}))
	for _, h := range ssrfHosts {
		u := "http://" + formatPort(h, tg.port) + "/"
		t.Run(u, func(t *testing.T) {
			resp, err := c.Get(u)
			if err == nil {
				resp.Body.Close()
				t.Fatalf("GET %s: want a policy refusal, got status %d", u, resp.StatusCode)
			}
			pe, ok := egress.IsPolicyError(err)
			if !ok {
				t.Fatalf("GET %s: want *PolicyError, got %v", u, err)
			}
			if pe.Reason == "" {
				t.Fatalf("empty reason")
			}
		})
	}
	for _, s := range badSchemes {
		u := formatPort(s, tg.port)
		t.Run(u, func(t *testing.T) {
			_, err := egress.New(egress.Policy{}).CheckURL(u)
			pe, ok := egress.IsPolicyError(err)
			if !ok || !strings.Contains(pe.Reason, "only http and https") {
				t.Fatalf("CheckURL(%s) = %v; want scheme refusal", u, err)
			}
			if resp, err := c.Get(u); err == nil {
				resp.Body.Close()
				t.Fatalf("GET %s succeeded", u)
			}
		})
	}
	if n := tg.hits.Load(); n != 0 {
		t.Fatalf("loopback target saw %d requests; want 0", n)
	}
}

func TestCheckURLReasons(t *testing.T) {
	g := egress.New(egress.Policy{})
	tests := []struct {
		url, want string
	}{
		{"http://2130706433/", "127.0.0.1 (written 2130706433)"},
		{"http://0x7f000001/", "loopback"},
		{"http://169.254.169.254/latest/meta-data/", "never allowed"},
		{"http://metadata.google.internal/computeMetadata/v1/", "cloud metadata"},
		{"http://user:pw@example.com/", "credentials"},
		{"ftp://example.com/", "scheme ftp is not allowed; only http and https"},
		{"http://10.1.2.3/", "--allow-private"},
	}
	for _, tt := range tests {
		_, err := g.CheckURL(tt.url)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("CheckURL(%s) = %v; want it to mention %q", tt.url, err, tt.want)
		}
	}
	for _, ok := range []string{"https://example.com/a?b=c", "http://93.184.216.34/", "http://[2606:4700::1111]/"} {
		if _, err := g.CheckURL(ok); err != nil {
			t.Errorf("CheckURL(%s) = %v; want allowed", ok, err)
		}
	}
}

func TestParseHostIP(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2130706433", "127.0.0.1"}, {"0x7f000001", "127.0.0.1"}, {"0177.0.0.1", "127.0.0.1"},
		{"127.1", "127.0.0.1"}, {"0", "0.0.0.0"}, {"0x7f.0.0.1", "127.0.0.1"}, {"127.0.1", "127.0.0.1"},
		{"[::ffff:127.0.0.1]", "::ffff:127.0.0.1"}, {"::1", "::1"}, {"169.254.169.254.", "169.254.169.254"},
		{"example.com", ""}, {"1.2.3.4.5", ""}, {"256.1.1.1", ""}, {"4294967296", ""}, {"09", ""},
	}
	for _, tt := range tests {
		ip, ok := egress.ParseHostIP(tt.in)
		got := ""
		if ok {
			got = ip.String()
		}
		if got != tt.want {
			t.Errorf("ParseHostIP(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestAllowPrivateStillRefusesMetadata(t *testing.T) {
	tg := newTarget(t)
	c := client(t, egress.New(egress.Policy{AllowPrivate: true}))
	resp, err := c.Get(tg.URL + "/")
	if err != nil {
		t.Fatalf("AllowPrivate: GET loopback: %v", err)
	}
	resp.Body.Close()
	if tg.hits.Load() != 1 {
		t.Fatalf("want the loopback target reached once, got %d", tg.hits.Load())
	}
	for _, h := range []string{"169.254.169.254", "2852039166", "[fd00:ec2::254]", "100.100.100.200", "metadata.google.internal",
		"[::ffff:169.254.169.254]", "169.254.1.1", "[fe80::1]", "[64:ff9b::a9fe:a9fe]"} {
		resp, err := c.Get("http://" + h + "/latest/meta-data/")
		if err == nil {
			resp.Body.Close()
			t.Errorf("AllowPrivate: %s reached", h)
			continue
		}
		if _, ok := egress.IsPolicyError(err); !ok {
			t.Errorf("AllowPrivate: %s: want a policy error, got %v", h, err)
		}
	}
}

func TestRedirectToLoopbackRefused(t *testing.T) {
	web := fixtures.Start()
	defer web.Close()
	tg := newTarget(t)
	webHost := web.Listener.Addr().String()
	c := client(t, egress.New(egress.Policy{Trusted: []string{webHost}}))

	// The trusted fixture itself is reachable, and its own redirects too.
	resp, err := c.Get(web.URL + "/pages/redirect/3")
	if err != nil {
		t.Fatalf("trusted redirect chain: %v", err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/pages/article" {
		t.Fatalf("final URL %s; want /pages/article", resp.Request.URL)
	}
	for _, code := range []int{301, 302, 303, 307, 308} {
		for _, h := range []string{"127.0.0.1", "localhost", "2130706433", "0x7f000001", "[::ffff:127.0.0.1]", "0", "169.254.169.254"} {
			to := "http://" + h + ":" + tg.port + "/"
			u := fmt.Sprintf("%s/pages/redirect-to?code=%d&url=%s", web.URL, code, url.QueryEscape(to))
			resp, err := c.Get(u)
			if err == nil {
				resp.Body.Close()
				t.Errorf("redirect %d to %s followed (status %d)", code, to, resp.StatusCode)
				continue
			}
			if _, ok := egress.IsPolicyError(err); !ok {
				t.Errorf("redirect %d to %s: want policy error, got %v", code, to, err)
			}
		}
	}
	// A redirect to a scheme other than http(s).
	resp, err = c.Get(web.URL + "/pages/redirect-to?url=" + url.QueryEscape("file:///etc/passwd"))
	if err == nil {
		resp.Body.Close()
		t.Errorf("redirect to file: followed")
	}
	if n := tg.hits.Load(); n != 0 {
		t.Fatalf("loopback target saw %d requests; want 0", n)
	}
}

func TestRedirectLoopStops(t *testing.T) {
	web := fixtures.Start()
	defer web.Close()
	c := client(t, egress.New(egress.Policy{AllowPrivate: true}))
	_, err := c.Get(web.URL + "/pages/redirect-loop")
	if !errors.Is(err, egress.ErrTooManyRedirects) || !strings.Contains(err.Error(), "stopped after 10 redirects") {
		t.Fatalf("redirect loop: got %v", err)
	}
	if n := web.Hits("/pages/redirect-loop"); n != 10 {
		t.Fatalf("redirect loop hits = %d; want 10 (the request and 9 redirects; the 10th redirect is refused)", n)
	}
}

func TestEnvProxyIgnored(t *testing.T) {
	tg := newTarget(t)
	// A proxy from the environment would carry requests past the dial check.
	t.Setenv("HTTP_PROXY", tg.URL)
	t.Setenv("http_proxy", tg.URL)
	c := client(t, egress.New(egress.Policy{}))
	resp, err := c.Get("http://93.184.216.34.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.invalid/")
	if err == nil {
		resp.Body.Close()
	}
	if tg.hits.Load() != 0 {
		t.Fatalf("request went through the environment's proxy")
	}
}

func TestLimitReader(t *testing.T) {
	tests := []struct {
		n, limit int64
		tooLarge bool
	}{{10, 10, false}, {11, 10, true}, {0, 10, false}, {1 << 20, 1000, true}}
	for _, tt := range tests {
		b, err := io.ReadAll(egress.LimitReader(strings.NewReader(strings.Repeat("x", int(tt.n))), tt.limit))
		if got := errors.Is(err, egress.ErrTooLarge); got != tt.tooLarge {
			t.Errorf("n=%d limit=%d: err=%v; want tooLarge=%v", tt.n, tt.limit, err, tt.tooLarge)
		}
		if int64(len(b)) > tt.limit {
			t.Errorf("n=%d limit=%d: read %d bytes", tt.n, tt.limit, len(b))
		}
	}
}

func TestDialContextMixedAnswer(t *testing.T) {
	// A name whose every address is refused is refused as a whole.
	g := egress.New(egress.Policy{})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := g.DialContext(ctx, "tcp", "localhost:80")
	pe, ok := egress.IsPolicyError(err)
	if !ok || !strings.Contains(pe.Reason, "localhost resolves to") {
		t.Fatalf("dial localhost: %v", err)
	}
}

func TestTrustedNeverPassesMetadata(t *testing.T) {
	g := egress.New(egress.Policy{Trusted: []string{"169.254.169.254:80", "metadata.google.internal:80", "[fd00:ec2::254]:80"}})
	c := client(t, g)
	for _, u := range []string{"http://169.254.169.254/", "http://metadata.google.internal/", "http://[fd00:ec2::254]/"} {
		resp, err := c.Get(u)
		if err == nil {
			resp.Body.Close()
			t.Errorf("%s reached although metadata is never allowed", u)
			continue
		}
		if pe, ok := egress.IsPolicyError(err); !ok || !strings.Contains(pe.Reason, "never allowed") {
			t.Errorf("%s: %v", u, err)
		}
	}
}

func TestTrustedIsPerPort(t *testing.T) {
	a, b := newTarget(t), newTarget(t)
	c := client(t, egress.New(egress.Policy{Trusted: []string{a.Listener.Addr().String()}}))
	resp, err := c.Get(a.URL)
	if err != nil {
		t.Fatalf("trusted endpoint: %v", err)
	}
	resp.Body.Close()
	if _, err := c.Get(b.URL); err == nil {
		t.Fatal("another port on the trusted host was reached")
	}
	if a.hits.Load() != 1 || b.hits.Load() != 0 {
		t.Fatalf("hits a=%d b=%d; want 1 and 0", a.hits.Load(), b.hits.Load())
	}
}
