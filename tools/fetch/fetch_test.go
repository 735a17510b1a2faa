package fetch_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/fetch"
)

func TestMain(m *testing.M) {
	// The test binary re-executes itself as the PDF worker.
	fetch.PDFWorkerMain()
	goleak.VerifyTestMain(m, goleak.Cleanup(func(int) { fetch.ClosePDFWorkers() }))
}

const ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"

func setup(t *testing.T, p egress.Policy, maxBytes int64) (*fixtures.Web, *fetch.Fetcher) {
	t.Helper()
	web := fixtures.Start()
	t.Cleanup(web.Close)
	if p.Trusted == nil && !p.AllowPrivate {
		p.Trusted = []string{web.Listener.Addr().String()}
	}
	c := egress.New(p).Client()
	t.Cleanup(c.CloseIdleConnections)
	return web, fetch.New(c, maxBytes, ua)
}

func TestFetchContent(t *testing.T) {
	web, f := setup(t, egress.Policy{}, 0)
	tests := []struct {
		path, ctype, want, notWant, title string
	}{
		{path: "/pages/article", ctype: "text/html", want: "mercury bath"},
		{path: "/pages/xhtml", ctype: "application/xhtml+xml", want: "mercury bath"},
		{path: "/pages/gzip", ctype: "text/html", want: "mercury bath"},
		{path: "/pages/encoded/gzip", ctype: "text/html", want: "mercury bath"},
		{path: "/pages/encoded/br", ctype: "text/html", want: "mercury bath"},
		{path: "/pages/encoded/zstd", ctype: "text/html", want: "mercury bath"},
		{path: "/pages/encoded/deflate", ctype: "text/html", want: "mercury bath"},
		{path: "/pages/encoded/deflate-raw", ctype: "text/html", want: "mercury bath"},
		{path: "/pages/cp1252", ctype: "text/html", want: fixtures.CP1252Text, notWant: "\uFFFD"},
		{path: "/pages/cp1252?header=1", ctype: "text/html", want: fixtures.CP1252Text, notWant: "\uFFFD"},
		{path: "/pages/lying-charset", ctype: "text/html", want: "\uFFFD"},
		{path: "/pages/invalid-utf8", ctype: "text/html", want: "INVALID-UTF8-FACT"},
		{path: "/pages/text", ctype: "text/plain", want: "ZW-TEXT-FACT"},
		{path: "/pages/data.json", ctype: "application/json", want: `"harbours"`},
		{path: "/pages/feed.xml", ctype: "application/rss+xml", want: "<rss"},
		{path: "/pages/report.pdf", ctype: "application/pdf", want: "oldest " + fixtures.PDFPhrase, title: fixtures.PDFTitle},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r, err := f.Fetch(context.Background(), web.URL+tt.path)
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if r.ContentType != tt.ctype {
				t.Errorf("ContentType = %q; want %q", r.ContentType, tt.ctype)
			}
			if !strings.Contains(r.Body, tt.want) {
				t.Errorf("body lacks %q: %.300q", tt.want, r.Body)
			}
			if tt.notWant != "" && strings.Contains(r.Body, tt.notWant) {
				t.Errorf("body contains %q", tt.notWant)
			}
			if tt.title != "" && r.Title != tt.title {
				t.Errorf("Title = %q; want %q", r.Title, tt.title)
			}
			if r.Status != 200 || r.FinalURL != web.URL+tt.path {
				t.Errorf("status %d final %s", r.Status, r.FinalURL)
			}
		})
	}
}

func TestFetchSendsBrowserHeaders(t *testing.T) {
	var got http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := egress.New(egress.Policy{AllowPrivate: true}).Client()
	defer c.CloseIdleConnections()
	if _, err := fetch.New(c, 0, ua).Fetch(context.Background(), srv.URL); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"User-Agent": ua, "Accept-Language": "en-US,en;q=0.9", "Accept-Encoding": "gzip, deflate, br, zstd",
	}
	for k, v := range want {
		if got.Get(k) != v {
			t.Errorf("%s = %q; want %q", k, got.Get(k), v)
		}
	}
	if !strings.HasPrefix(got.Get("Accept"), "text/html") {
		t.Errorf("Accept = %q", got.Get("Accept"))
	}
}

func TestFetchRedirectChain(t *testing.T) {
	web, f := setup(t, egress.Policy{}, 0)
	r, err := f.Fetch(context.Background(), web.URL+"/pages/redirect/3")
	if err != nil {
		t.Fatal(err)
	}
	if r.FinalURL != web.URL+"/pages/article" || r.URL != web.URL+"/pages/redirect/3" {
		t.Fatalf("URL %s final %s", r.URL, r.FinalURL)
	}
}

func TestFetchErrors(t *testing.T) {
	web, f := setup(t, egress.Policy{}, 1<<20)
	tests := []struct {
		name   string
		url    string
		kind   fetch.Kind
		status int
		msg    string
	}{
		{"404", web.URL + "/pages/404", fetch.KindHTTPStatus, 404, "HTTP 404"},
		{"500", web.URL + "/pages/500", fetch.KindHTTPStatus, 500, "try again later"},
		{"challenge keeps body", web.URL + "/pages/challenge", fetch.KindHTTPStatus, 403, "HTTP 403"},
		{"image", web.URL + "/pages/image.png", fetch.KindUnsupported, 0, "unsupported content type image/png; browse_page reads HTML, text, JSON and PDF"},
		{"huge", web.URL + "/pages/huge?mb=3", fetch.KindTooLarge, 0, "too large"},
		{"endless", web.URL + "/pages/endless", fetch.KindTooLarge, 0, "too large"},
		{"gzip bomb", web.URL + "/pages/gzip-bomb", fetch.KindTooLarge, 0, "after decompression"},
		{"brotli bomb", web.URL + "/pages/brotli-bomb", fetch.KindTooLarge, 0, "after decompression"},
		{"redirect loop", web.URL + "/pages/redirect-loop", fetch.KindRedirects, 0, "stopped after 10 redirects"},
		{"policy", "http://127.0.0.1:1/", fetch.KindPolicy, 0, "refused by policy"},
		{"policy redirect", web.URL + "/pages/redirect-to?url=http://127.0.0.1:1/", fetch.KindPolicy, 0, "loopback"},
		{"scheme", "file:///etc/passwd", fetch.KindPolicy, 0, "scheme file is not allowed"},
		{"metadata name", "http://metadata.google.internal/", fetch.KindPolicy, 0, "metadata"},
		{"dns", "http://xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.invalid/", fetch.KindDNS, 0, "DNS lookup failed"},
		{"bad url", "not a url", fetch.KindBadURL, 0, "absolute URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.Fetch(context.Background(), tt.url)
			fe, ok := fetch.AsError(err)
			if !ok {
				t.Fatalf("want *fetch.Error, got %v", err)
			}
			if fe.Kind != tt.kind || fe.Status != tt.status {
				t.Fatalf("kind %s status %d (%v); want %s %d", fe.Kind, fe.Status, err, tt.kind, tt.status)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("message %q lacks %q", err.Error(), tt.msg)
			}
		})
	}
	if _, err := f.Fetch(context.Background(), web.URL+"/pages/challenge"); err != nil {
		fe, _ := fetch.AsError(err)
		if !strings.Contains(fe.Body, "Just a moment...") {
			t.Errorf("challenge body not kept: %.200q", fe.Body)
		}
	}
}

func TestFetchConnectionRefused(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	addr := srv.URL
	srv.Close()
	c := egress.New(egress.Policy{AllowPrivate: true}).Client()
	defer c.CloseIdleConnections()
	_, err := fetch.New(c, 0, ua).Fetch(context.Background(), addr)
	fe, ok := fetch.AsError(err)
	if !ok || fe.Kind != fetch.KindConnection || !strings.Contains(err.Error(), "could not connect") {
		t.Fatalf("got %v", err)
	}
}

func TestFetchTimeout(t *testing.T) {
	web := fixtures.Start()
	defer web.Close()
	c := egress.New(egress.Policy{AllowPrivate: true, Timeout: 300 * time.Millisecond}).Client()
	defer c.CloseIdleConnections()
	f := fetch.New(c, 0, ua)
	// Nothing arrives: a timeout.
	_, err := f.Fetch(context.Background(), web.URL+"/pages/hang")
	if fe, ok := fetch.AsError(err); !ok || fe.Kind != fetch.KindTimeout || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("/pages/hang: got %v; want a timeout", err)
	}
	// Part of the page arrives, then nothing: the part, marked truncated.
	r, err := f.Fetch(context.Background(), web.URL+"/pages/slow")
	if err != nil || !r.Truncated || !strings.Contains(r.Body, "SLOW-FIRST-PART") {
		t.Errorf("/pages/slow: %v; want the first part, truncated", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	c2 := egress.New(egress.Policy{AllowPrivate: true}).Client()
	defer c2.CloseIdleConnections()
	_, err = fetch.New(c2, 0, ua).Fetch(ctx, web.URL+"/pages/hang")
	if fe, ok := fetch.AsError(err); !ok || fe.Kind != fetch.KindTimeout || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("context deadline: got %v", err)
	}
}
