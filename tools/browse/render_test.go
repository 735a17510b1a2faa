package browse_test

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browser"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/fetch"
)

// chromium is the binary a pool launches by default (the headless shell
// when installed), or DEEPRESEARCH_BROWSER's.
var chromium = func() string {
	if b := os.Getenv("DEEPRESEARCH_BROWSER"); b != "" {
		return b
	}
	if b, ok := browser.LookBinary(); ok {
		return b
	}
	return "/usr/bin/chromium" // absent: the tests say so
}()

// newRenderEnv is newEnv with a real Chromium behind the egress proxy.
func newRenderEnv(t *testing.T) *env {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		if inCI() {
			t.Fatalf("Chromium not found at %s (CI=true): %v", chromium, err)
		}
		t.Skipf("Chromium not found at %s: %v", chromium, err)
	}
	e := newEnv(t, browse.Config{})
	proxy, err := e.guard.StartProxy(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	pool := browser.New(browser.Config{
		Bin: chromium, MaxTabs: 2, ProxyURL: proxy.URL, RenderTimeout: 15 * time.Second,
		Diagnose: proxy.Diagnose,
	})
	t.Cleanup(func() {
		_ = pool.Close()
		_ = proxy.Close()
	})
	e.engine = browse.New(browse.Config{
		Fetcher: fetchOf(t, e), Renderer: pool, Guard: e.guard, Proxy: proxy,
	})
	e.proxy = proxy
	e.pool = pool
	return e
}

func TestRenderPath(t *testing.T) {
	e := newRenderEnv(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	res, err := e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/spa")})
	if err != nil {
		t.Fatalf("auto on the SPA: %v", err)
	}
	if !res.Rendered || !strings.Contains(res.Content, fixtures.SPAPhrase) {
		t.Fatalf("auto on the SPA: rendered %v, content %.300q", res.Rendered, res.Content)
	}
	res, err = e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/article")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rendered {
		t.Fatal("auto rendered a static article that plain HTTP reads fine")
	}
	res, err = e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/article"), Render: browse.RenderAlways})
	if err != nil {
		t.Fatalf("render=always: %v", err)
	}
	if !res.Rendered || res.Cached || !strings.Contains(res.Content, "mercury") {
		t.Fatalf("render=always: rendered %v cached %v", res.Rendered, res.Cached)
	}
	// A plain 403 (no challenge) is retried in the browser, which gets the same answer.
	_, err = e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/status/403")})
	if fe, ok := fetch.AsError(err); !ok || fe.Status != 403 {
		t.Errorf("403 page: %v; want HTTP 403", err)
	}
	if n := e.web.Hits("/pages/status/403"); n != 2 {
		t.Errorf("403 page requested %d times; want 2 (HTTP, then Chromium)", n)
	}
	// A challenge is never rendered blindly.
	_, err = e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/challenge")})
	if err == nil || !strings.Contains(err.Error(), "bot challenge (Cloudflare)") || e.web.Hits("/pages/challenge") != 1 {
		t.Errorf("challenge: %v (hits %d)", err, e.web.Hits("/pages/challenge"))
	}
	// A rendered page's redirect to an untrusted loopback server is refused by the proxy.
	other := fixtures.Start()
	defer other.Close()
	_, err = e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/js-redirect?url=" + other.URL + "/pages/article"), Render: browse.RenderAlways})
	if n := other.Hits(""); n != 0 {
		t.Fatalf("untrusted loopback server saw %d requests from Chromium (err %v)", n, err)
	}
	if _, ok := egress.IsPolicyError(err); !ok {
		t.Errorf("JS redirect to an untrusted loopback server: %v; want a policy error", err)
	}
	// The requested URL itself on an untrusted loopback port.
	_, err = e.engine.Read(ctx, browse.ReadRequest{URL: other.URL + "/pages/article", Render: browse.RenderAlways})
	if _, ok := egress.IsPolicyError(err); !ok || other.Hits("") != 0 {
		t.Errorf("render=always on an untrusted loopback server: %v (hits %d); want a policy error", err, other.Hits(""))
	}
	// Sub-resources of a rendered page (script, stylesheet, img, iframe, fetch, XHR, WebSocket),
	// in every spelling of the loopback address, never reach it.
	_, port, _ := strings.Cut(strings.TrimPrefix(other.URL, "http://"), ":")
	q := url.Values{}
	for _, h := range []string{"127.0.0.1", "localhost", "localhost.", "2130706433", "0x7f000001", "0177.0.0.1", "127.1",
		"0", "0.0.0.0", "[::]", "[::1]", "[::ffff:127.0.0.1]"} {
		q.Add("target", "http://"+h+":"+port+"/x")
	}
	q.Add("target", "http://169.254.169.254/latest/meta-data/")
	res, err = e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/ssrf?" + q.Encode()), Render: browse.RenderAlways})
	if err != nil || !strings.Contains(res.Content, "SSRF-PAGE-FACT") {
		t.Fatalf("ssrf page: %v", err)
	}
	if n := other.Hits(""); n != 0 {
		t.Fatalf("sub-resources reached the untrusted loopback server %d times", n)
	}
	// The requests were made and refused by the proxy (not skipped by Chromium).
	refusedKinds := map[string]bool{}
	for _, r := range e.proxy.Refusals() {
		if strings.HasSuffix(r.Host, ":"+port) {
			if _, k, ok := strings.Cut(r.URL, "kind="); ok {
				refusedKinds[k] = true
			} else if strings.HasPrefix(r.URL, "https://") {
				refusedKinds["connect"] = true
			}
		}
	}
	// Images are blocked by the browser before any request; a WebSocket shows as a CONNECT.
	for _, k := range []string{"script", "css", "iframe", "fetch", "xhr", "connect"} {
		if !refusedKinds[k] {
			t.Errorf("no %s request to the target was refused by the proxy (refused: %v)", k, refusedKinds)
		}
	}

	// Main-document redirects by meta refresh and JS location, in odd spellings.
	for _, p := range []string{"/pages/meta-refresh?url=", "/pages/js-redirect?url="} {
		for _, h := range []string{"0x7f000001", "[::ffff:127.0.0.1]", "localhost"} {
			target := "http://" + h + ":" + port + "/pages/article"
			_, err := e.engine.Read(ctx, browse.ReadRequest{URL: e.url(p + url.QueryEscape(target)), Render: browse.RenderAlways})
			if n := other.Hits(""); n != 0 {
				t.Fatalf("%s%s reached the untrusted server (err %v)", p, target, err)
			}
			if err != nil && !strings.Contains(err.Error(), "refused by policy") {
				t.Errorf("%s%s: %v; want a policy refusal or the redirecting page", p, target, err)
			}
		}
	}
}

func TestAutoFallsBackWhenBrowserFails(t *testing.T) {
	e := newEnv(t, browse.Config{})
	// A real pool that cannot start its browser.
	pool := browser.New(browser.Config{Bin: "/nonexistent/chromium", MaxTabs: 1})
	t.Cleanup(func() { _ = pool.Close() })
	e.engine = browse.New(browse.Config{Fetcher: fetchOf(t, e), Renderer: pool, Guard: e.guard})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// A static page never needs the browser.
	res, err := e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/article")})
	if err != nil || res.Rendered {
		t.Fatalf("article with a broken browser: %v", err)
	}
	// An SPA shell with no text of its own cannot fall back: the error says rendering failed.
	_, err = e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/spa")})
	if err == nil || !strings.Contains(err.Error(), "render") {
		t.Fatalf("spa with a broken browser: %v", err)
	}
}
