package egress_test

import (
	"bufio"
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

func startProxy(t *testing.T, g *egress.Guard) *egress.Proxy {
	t.Helper()
	p, err := g.StartProxy(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := p.Close(); err != nil {
			t.Errorf("proxy close: %v", err)
		}
	})
	return p
}

func proxiedClient(t *testing.T, p *egress.Proxy, tlsConf *tls.Config) *http.Client {
	pu, _ := url.Parse(p.URL)
	tr := &http.Transport{Proxy: http.ProxyURL(pu), TLSClientConfig: tlsConf}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr, Timeout: 5 * time.Second}
}

func TestProxyHTTP(t *testing.T) {
	web := fixtures.Start()
	defer web.Close()
	tg := newTarget(t)
	p := startProxy(t, egress.New(egress.Policy{Trusted: []string{web.Listener.Addr().String()}}))
	c := proxiedClient(t, p, nil)

	resp, err := c.Get(web.URL + "/pages/article")
	if err != nil {
		t.Fatalf("allowed GET through proxy: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "mercury bath") {
		t.Fatalf("allowed GET: status %d, body %.100q", resp.StatusCode, body)
	}

	for _, u := range []string{
		tg.URL + "/",
		"http://localhost:" + tg.port + "/",
		"http://2130706433:" + tg.port + "/",
		"http://169.254.169.254/latest/meta-data/",
		"http://metadata.google.internal/",
	} {
		resp, err := c.Get(u)
		if err != nil {
			t.Fatalf("GET %s through proxy: %v", u, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden || resp.Header.Get(egress.PolicyHeader) != "refused" ||
			!strings.Contains(string(body), "refused by policy") {
			t.Errorf("GET %s: status %d header %q body %q; want 403 policy refusal", u, resp.StatusCode, resp.Header.Get(egress.PolicyHeader), body)
		}
		if _, ok := p.Refused(u); !ok {
			t.Errorf("Refused(%s) = false; want the refusal recorded", u)
		}
	}
	// A redirect is passed to the client, whose next request is checked again.
	resp, err = c.Get(web.URL + "/pages/redirect-to?url=" + url.QueryEscape(tg.URL+"/"))
	if err != nil {
		t.Fatalf("redirect through proxy: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("redirect to loopback through proxy: final status %d; want 403", resp.StatusCode)
	}
	if _, ok := p.Refused(web.URL + "/pages/article"); ok {
		t.Errorf("Refused reports an allowed URL")
	}
	if n := tg.hits.Load(); n != 0 {
		t.Fatalf("loopback target saw %d requests through the proxy; want 0", n)
	}
}

func TestProxyCONNECT(t *testing.T) {
	var allowedHits, refusedHits atomic.Int64
	allowed := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		allowedHits.Add(1)
		_, _ = io.WriteString(w, "tls-ok")
	}))
	defer allowed.Close()
	refused := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		refusedHits.Add(1)
	}))
	defer refused.Close()

	p := startProxy(t, egress.New(egress.Policy{Trusted: []string{allowed.Listener.Addr().String()}}))
	tlsConf := allowed.Client().Transport.(*http.Transport).TLSClientConfig.Clone()
	c := proxiedClient(t, p, tlsConf)

	resp, err := c.Get(allowed.URL + "/")
	if err != nil {
		t.Fatalf("allowed CONNECT: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "tls-ok" || allowedHits.Load() != 1 {
		t.Fatalf("allowed CONNECT: body %q hits %d", body, allowedHits.Load())
	}

	_, err = c.Get(refused.URL + "/")
	if err == nil {
		t.Fatalf("CONNECT to an untrusted loopback port succeeded")
	}
	if _, ok := p.Refused(refused.URL + "/"); !ok {
		t.Errorf("CONNECT refusal not recorded: %v", p.Refusals())
	}
	if refusedHits.Load() != 0 {
		t.Fatalf("refused TLS target saw %d requests", refusedHits.Load())
	}

	// Raw CONNECT to the metadata address: 403 with the reason in the body.
	conn, err := net.Dial("tcp", strings.TrimPrefix(p.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, _ = io.WriteString(conn, "CONNECT 169.254.169.254:443 HTTP/1.1\r\nHost: 169.254.169.254:443\r\n\r\n")
	r, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r.Body)
	r.Body.Close()
	if r.StatusCode != 403 || !strings.Contains(string(b), "never allowed") {
		t.Fatalf("CONNECT metadata: %d %q", r.StatusCode, b)
	}
}

func TestProxyCloseEndsTunnels(t *testing.T) {
	// A tunnel to a server that never answers must end when the proxy closes.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		c, err := ln.Accept()
		if err == nil {
			accepted <- c
		}
	}()
	g := egress.New(egress.Policy{Trusted: []string{ln.Addr().String()}})
	p, err := g.StartProxy(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.Dial("tcp", strings.TrimPrefix(p.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, _ = io.WriteString(conn, "CONNECT "+ln.Addr().String()+" HTTP/1.1\r\nHost: "+ln.Addr().String()+"\r\n\r\n")
	br := bufio.NewReader(conn)
	r, err := http.ReadResponse(br, &http.Request{Method: http.MethodConnect})
	if err != nil || r.StatusCode != 200 {
		t.Fatalf("CONNECT: %v %v", r, err)
	}
	up := <-accepted
	defer up.Close()
	done := make(chan error, 1)
	go func() { done <- p.Close() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not end the open tunnel")
	}
	_ = conn.SetReadDeadline(time.Now().Add(2 * time.Second))
	if _, err := br.ReadByte(); err == nil {
		t.Fatal("tunnel still open after Close")
	}
}

func TestProxyStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	p, err := egress.New(egress.Policy{}).StartProxy(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		c, err := net.DialTimeout("tcp", strings.TrimPrefix(p.URL, "http://"), time.Second)
		if err != nil {
			_ = p.Close()
			return
		}
		c.Close()
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("proxy still accepting after its context was canceled")
}

// A redirect the policy refuses by its URL alone (another scheme, a refused
// IP literal) is refused by the proxy itself, as a refusal of the
// redirecting URL only: Chromium would otherwise fail it with a network
// error that hides the reason.
func TestProxyRefusesRedirectTarget(t *testing.T) {
	web := fixtures.Start()
	defer web.Close()
	p := startProxy(t, egress.New(egress.Policy{Trusted: []string{web.Listener.Addr().String()}}))
	c := proxiedClient(t, p, nil)
	for _, to := range []string{"file:///etc/passwd", "gopher://127.0.0.1:70/", "http://0x7f000001:9/", "http://169.254.169.254/"} {
		u := web.URL + "/pages/redirect-to?code=307&url=" + url.QueryEscape(to)
		resp, err := c.Get(u)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden || resp.Header.Get(egress.PolicyHeader) != "refused" || !strings.Contains(string(body), "redirects to a refused target") {
			t.Errorf("redirect to %s: status %d body %q; want a 403 policy refusal", to, resp.StatusCode, body)
		}
		if _, ok := p.Refused(u); !ok {
			t.Errorf("Refused(%s) = false", u)
		}
	}
	if _, ok := p.Refused(web.URL + "/pages/article"); ok {
		t.Error("a refused redirect made its whole (trusted) host refused")
	}
}
