package browse_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"go.uber.org/goleak"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
	"github.com/deepresearch-mcp/deepresearch-mcp/internal/useragent"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browser"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/fetch"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

const ua = useragent.Chrome

type env struct {
	web    *fixtures.Web
	guard  *egress.Guard
	engine *browse.Engine
	proxy  *egress.Proxy // render tests only
	pool   *browser.Pool // render tests only
}

// newEnv starts the fixture web and an engine whose guard trusts only the
// fixture server (private targets refused otherwise).
func newEnv(t testing.TB, cfg browse.Config) *env {
	t.Helper()
	web := fixtures.Start()
	t.Cleanup(web.Close)
	g := egress.New(egress.Policy{Trusted: []string{web.Listener.Addr().String()}, Timeout: 10 * time.Second})
	c := g.Client()
	t.Cleanup(c.CloseIdleConnections)
	cfg.Fetcher = fetch.New(c, 4<<20, ua)
	cfg.Guard = g
	return &env{web: web, guard: g, engine: browse.New(cfg)}
}

func (e *env) url(p string) string { return e.web.URL + p }

func fetchOf(t testing.TB, e *env) *fetch.Fetcher {
	c := e.guard.Client()
	t.Cleanup(c.CloseIdleConnections)
	return fetch.New(c, 4<<20, ua)
}

func TestReadArticle(t *testing.T) {
	e := newEnv(t, browse.Config{})
	ctx := context.Background()
	res, err := e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/article")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Title, "How Lighthouses Keep Their Lamps Turning") {
		t.Errorf("title %q", res.Title)
	}
	if !strings.Contains(res.Content, "mercury") || strings.Contains(res.Content, "Accept all") || strings.Contains(res.Content, "Marine insurance") {
		t.Errorf("content is not the main text: %.400q", res.Content)
	}
	if res.Rendered || res.Cached || res.NextOffset != nil || res.TotalChars != utf8.RuneCountInString(res.Content) {
		t.Errorf("rendered %v cached %v next %v total %d", res.Rendered, res.Cached, res.NextOffset, res.TotalChars)
	}
	if res.ContentType != "text/html" || res.FinalURL != e.url("/pages/article") {
		t.Errorf("type %q final %q", res.ContentType, res.FinalURL)
	}
	found := false
	for _, l := range res.Links {
		if !strings.HasPrefix(l.URL, "http") {
			t.Errorf("relative link %q", l.URL)
		}
		if strings.Contains(l.URL, "wikipedia.org/wiki/Fresnel_lens") {
			found = true
		}
	}
	if !found {
		t.Errorf("content link missing: %+v", res.Links)
	}
	// Again, with a fragment and an upper-case host: the same cache entry.
	u, _ := url.Parse(e.url("/pages/article#section"))
	u.Host = strings.ToUpper(u.Host)
	res2, err := e.engine.Read(ctx, browse.ReadRequest{URL: u.String()})
	if err != nil {
		t.Fatal(err)
	}
	if !res2.Cached || res2.Content != res.Content {
		t.Errorf("second read: cached %v", res2.Cached)
	}
	if n := e.web.Hits("/pages/article"); n != 1 {
		t.Errorf("article fetched %d times; want 1", n)
	}
}

func TestSingleflight(t *testing.T) {
	e := newEnv(t, browse.Config{})
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, err := e.engine.Load(context.Background(), e.url("/pages/long"), browse.RenderNever)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := e.web.Hits("/pages/long"); n != 1 {
		t.Fatalf("16 concurrent loads fetched %d times; want 1", n)
	}
}

func TestCanceledCallerDoesNotFailOthers(t *testing.T) {
	e := newEnv(t, browse.Config{})
	// /pages/redirect/5 is quick; the first caller gives up at once.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := e.engine.Load(ctx, e.url("/pages/redirect/5"), browse.RenderNever); !errors.Is(err, context.Canceled) {
		t.Fatalf("canceled caller: %v", err)
	}
	p, _, err := e.engine.Load(context.Background(), e.url("/pages/redirect/5"), browse.RenderNever)
	if err != nil || !strings.HasSuffix(p.FinalURL, "/pages/article") {
		t.Fatalf("next caller: %v", err)
	}
}

func TestPagingReassemblesExactly(t *testing.T) {
	e := newEnv(t, browse.Config{})
	ctx := context.Background()
	page, _, err := e.engine.Load(ctx, e.url("/pages/long"), browse.RenderAuto)
	if err != nil {
		t.Fatal(err)
	}
	full := page.Doc.Markdown
	if utf8.RuneCountInString(full) < 20000 {
		t.Fatalf("long page too short: %d chars", utf8.RuneCountInString(full))
	}
	for _, maxChars := range []int{500, 1234, 5000, 20000, 100000} {
		t.Run(fmt.Sprint(maxChars), func(t *testing.T) {
			var b strings.Builder
			off, calls := 0, 0
			for {
				res, err := e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/long"), MaxChars: maxChars, Offset: off})
				if err != nil {
					t.Fatal(err)
				}
				calls++
				if !res.Cached || res.Offset != off || res.TotalChars != page.TotalChars {
					t.Fatalf("window at %d: cached %v offset %d total %d", off, res.Cached, res.Offset, res.TotalChars)
				}
				if n := utf8.RuneCountInString(res.Content); n > maxChars || n == 0 {
					t.Fatalf("window at %d has %d chars; max %d", off, n, maxChars)
				}
				b.WriteString(res.Content)
				if res.NextOffset == nil {
					break
				}
				// Cut on a paragraph boundary: the window ends with a blank line.
				if !strings.HasSuffix(res.Content, "\n\n") {
					t.Errorf("window at %d ends mid-paragraph: %q", off, res.Content[max(0, len(res.Content)-40):])
				}
				off = *res.NextOffset
			}
			if b.String() != full {
				t.Fatalf("windows do not reassemble the page (%d vs %d bytes)", b.Len(), len(full))
			}
			if calls < page.TotalChars/maxChars {
				t.Fatalf("only %d calls", calls)
			}
		})
	}
	if n := e.web.Hits("/pages/long"); n != 1 {
		t.Fatalf("paging fetched the page %d times; want 1", n)
	}
}

func TestReadValidation(t *testing.T) {
	e := newEnv(t, browse.Config{})
	ctx := context.Background()
	long := e.url("/pages/long")
	page, _, err := e.engine.Load(ctx, long, "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		req  browse.ReadRequest
		want string
	}{
		{browse.ReadRequest{}, "url is required"},
		{browse.ReadRequest{URL: long, MaxChars: 100}, "max_chars must be between 500 and 100000 (got 100)"},
		{browse.ReadRequest{URL: long, MaxChars: 200000}, "max_chars must be between 500 and 100000"},
		{browse.ReadRequest{URL: long, Offset: -1}, "offset must be 0 or more"},
		{browse.ReadRequest{URL: long, Offset: page.TotalChars + 5}, fmt.Sprintf("offset %d is past the end (total_chars %d)", page.TotalChars+5, page.TotalChars)},
		{browse.ReadRequest{URL: long, Render: "sometimes"}, `render must be "auto", "always" or "never"`},
		{browse.ReadRequest{URL: "javascript:alert(1)"}, "scheme javascript is not allowed; only http and https"},
		{browse.ReadRequest{URL: "example.com/page"}, "not an absolute URL"},
	}
	for _, tt := range tests {
		_, err := e.engine.Read(ctx, tt.req)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Read(%+v) = %v; want %q", tt.req, err, tt.want)
		}
	}
}

func TestQueryMode(t *testing.T) {
	e := newEnv(t, browse.Config{})
	ctx := context.Background()
	res, err := e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/long"), Query: "radio beacons", MaxChars: 3000})
	if err != nil {
		t.Fatal(err)
	}
	if n := utf8.RuneCountInString(res.Content); n > 3000 {
		t.Fatalf("query window has %d chars", n)
	}
	if !strings.Contains(res.Content, "radio beacons") || !strings.Contains(res.Content, strings.TrimSpace(browse.GapMarker)) {
		t.Fatalf("query window: %q", res.Content)
	}
	// Passages come in page order.
	last := -1
	for _, line := range strings.Split(res.Content, "\n") {
		var sec, para int
		if _, err := fmt.Sscanf(line, "Paragraph %d.%d", &sec, &para); err == nil {
			if v := sec*10 + para; v <= last {
				t.Fatalf("passages out of page order at %q", line)
			} else {
				last = v
			}
		}
	}
	if last < 0 {
		t.Fatal("no paragraphs in the query window")
	}
	if res.TotalChars < 20000 || res.Offset != 0 {
		t.Fatalf("total %d offset %d should describe the full content", res.TotalChars, res.Offset)
	}
	// A query nothing matches falls back to the plain window, saying so.
	res, err = e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/long"), Query: "xylophone zeppelin", MaxChars: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Note, "no passage matched") || res.NextOffset == nil {
		t.Fatalf("unmatched query: note %q next %v", res.Note, res.NextOffset)
	}
	if n := e.web.Hits("/pages/long"); n != 1 {
		t.Fatalf("fetched %d times", n)
	}
}

func TestContentTypes(t *testing.T) {
	e := newEnv(t, browse.Config{})
	tests := []struct {
		path, ctype, want, title string
		notWant                  []string
	}{
		{"/pages/text", "text/plain", "ZW-TEXT-FACT", "text (", []string{"\u200b", "\u202e"}},
		{"/pages/data.json", "application/json", "```json\n{\n  \"harbours\": [", "data.json", nil},
		{"/pages/report.pdf", "application/pdf", "Fresnel lens", fixtures.PDFTitle, nil},
		{"/pages/feed.xml", "application/rss+xml", "<rss", "feed.xml", nil},
		{"/pages/cp1252", "text/html", "“smart quotes” café", "Café", []string{"\uFFFD"}},
		{"/pages/hidden", "text/html", "rope ladder", "Harbour Pilotage", []string{"PWNED", "\u200b", "\u202e"}},
		{"/pages/encoded/br", "text/html", "mercury", "Lighthouses", nil},
		{"/pages/redirect/3", "text/html", "mercury", "Lighthouses", nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, err := e.engine.Read(context.Background(), browse.ReadRequest{URL: e.url(tt.path), Render: browse.RenderNever})
			if err != nil {
				t.Fatal(err)
			}
			if res.ContentType != tt.ctype || !strings.Contains(res.Title, tt.title) {
				t.Errorf("type %q title %q", res.ContentType, res.Title)
			}
			if !strings.Contains(res.Content, tt.want) {
				t.Errorf("content lacks %q: %.300q", tt.want, res.Content)
			}
			for _, nw := range tt.notWant {
				if strings.Contains(res.Content, nw) || strings.Contains(res.Title, nw) {
					t.Errorf("content contains %q", nw)
				}
			}
		})
	}
}

func TestErrors(t *testing.T) {
	e := newEnv(t, browse.Config{})
	other := fixtures.Start() // a loopback server the guard does not trust
	defer other.Close()
	tests := []struct {
		path, want string
	}{
		{"/pages/challenge", "blocked by a bot challenge (Cloudflare) at "},
		{"/pages/captcha", "blocked by a bot challenge (captcha)"},
		{"/pages/image.png", "unsupported content type image/png; browse_page reads HTML, text, JSON and PDF"},
		{"/pages/404", "HTTP 404"},
		{"/pages/500", "HTTP 500"},
		{"/pages/huge?mb=8", "too large"},
		{"/pages/gzip-bomb", "too large"},
		{"/pages/redirect-loop", "stopped after 10 redirects"},
		{"/pages/redirect-to?url=" + url.QueryEscape(other.URL+"/pages/article"), "refused by policy"},
		{"/pages/redirect-to?code=307&url=" + url.QueryEscape("http://0x7f000001:"+strings.Split(other.Listener.Addr().String(), ":")[1]+"/"), "refused by policy"},
	}
	for _, tt := range tests {
		for _, mode := range []string{browse.RenderAuto, browse.RenderNever} {
			_, err := e.engine.Read(context.Background(), browse.ReadRequest{URL: e.url(tt.path), Render: mode})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s (%s): %v; want %q", tt.path, mode, err, tt.want)
			}
		}
	}
	for _, u := range []string{other.URL + "/pages/article", "http://localhost:" + strings.Split(other.Listener.Addr().String(), ":")[1] + "/pages/article", "http://169.254.169.254/"} {
		_, err := e.engine.Read(context.Background(), browse.ReadRequest{URL: u})
		if _, ok := egress.IsPolicyError(err); !ok {
			t.Errorf("%s: %v; want a policy error", u, err)
		}
	}
	if n := other.Hits(""); n != 0 {
		t.Fatalf("untrusted loopback server saw %d requests", n)
	}
	var ce *browse.ChallengeError
	_, err := e.engine.Read(context.Background(), browse.ReadRequest{URL: e.url("/pages/challenge")})
	if !errors.As(err, &ce) || ce.Provider != "Cloudflare" || ce.Status != 403 {
		t.Fatalf("challenge error: %#v", err)
	}
}

func TestRenderWithoutBrowser(t *testing.T) {
	e := newEnv(t, browse.Config{})
	_, err := e.engine.Read(context.Background(), browse.ReadRequest{URL: e.url("/pages/article"), Render: browse.RenderAlways})
	if err == nil || !strings.Contains(err.Error(), "no browser is available") {
		t.Fatalf("render=always without a browser: %v", err)
	}
	// auto on a JavaScript app without a browser: the HTTP version, and a note.
	res, err := e.engine.Read(context.Background(), browse.ReadRequest{URL: e.url("/pages/spa")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rendered || !strings.Contains(res.Note, "need JavaScript") || strings.Contains(res.Content, fixtures.SPAPhrase) {
		t.Fatalf("spa without browser: rendered %v note %q", res.Rendered, res.Note)
	}
}

func TestCacheBounded(t *testing.T) {
	e := newEnv(t, browse.Config{CacheEntries: 2})
	ctx := context.Background()
	for i := 0; i < 5; i++ {
		if _, _, err := e.engine.Load(ctx, e.url(fmt.Sprintf("/pages/article?v=%d", i)), browse.RenderNever); err != nil {
			t.Fatal(err)
		}
	}
	if n := e.engine.CacheLen(); n > 4 {
		t.Fatalf("cache holds %d keys with CacheEntries 2", n)
	}
	// The newest is cached, the oldest was evicted.
	if _, cached, _ := e.engine.Load(ctx, e.url("/pages/article?v=4"), browse.RenderNever); !cached {
		t.Error("newest page evicted")
	}
	if _, cached, _ := e.engine.Load(ctx, e.url("/pages/article?v=0"), browse.RenderNever); cached {
		t.Error("oldest page still cached")
	}
}

func TestCacheExpires(t *testing.T) {
	e := newEnv(t, browse.Config{CacheTTL: 50 * time.Millisecond})
	ctx := context.Background()
	if _, _, err := e.engine.Load(ctx, e.url("/pages/article"), browse.RenderNever); err != nil {
		t.Fatal(err)
	}
	time.Sleep(80 * time.Millisecond)
	if _, cached, _ := e.engine.Load(ctx, e.url("/pages/article"), browse.RenderNever); cached {
		t.Fatal("expired page served from cache")
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTP://Example.COM", "http://example.com/"},
		{"https://example.com:443/a#frag", "https://example.com/a"},
		{"http://example.com:80/a?b=1", "http://example.com/a?b=1"},
		{"http://example.com:8080/a", "http://example.com:8080/a"},
		{"http://[::1]:80/", "http://[::1]/"},
	}
	for _, tt := range tests {
		got, err := browse.Normalize(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Normalize(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// inCI reports whether missing tools must fail the test instead of skipping it.
func inCI() bool { return os.Getenv("CI") == "true" }

func TestSlowPagePartial(t *testing.T) {
	web := fixtures.Start()
	defer web.Close()
	g := egress.New(egress.Policy{Trusted: []string{web.Listener.Addr().String()}, Timeout: 500 * time.Millisecond})
	c := g.Client()
	defer c.CloseIdleConnections()
	eng := browse.New(browse.Config{Fetcher: fetch.New(c, 0, ua), Guard: g})
	res, err := eng.Read(context.Background(), browse.ReadRequest{URL: web.URL + "/pages/slow"})
	if err != nil {
		t.Fatalf("slow page: %v", err)
	}
	if !strings.Contains(res.Content, "SLOW-FIRST-PART") || !strings.Contains(res.Note, "fetch timeout of this server cut the read short") {
		t.Fatalf("slow page: note %q content %.200q", res.Note, res.Content)
	}
	// A partial page is not cached as if it were the page.
	again, err := eng.Read(context.Background(), browse.ReadRequest{URL: web.URL + "/pages/slow"})
	if err != nil || again.Cached {
		t.Fatalf("second read of a partial page: cached=%v err=%v", again != nil && again.Cached, err)
	}
	_, err = eng.Read(context.Background(), browse.ReadRequest{URL: web.URL + "/pages/hang"})
	if fe, ok := fetch.AsError(err); !ok || fe.Kind != fetch.KindTimeout {
		t.Fatalf("hanging page: %v; want a timeout", err)
	}
}
