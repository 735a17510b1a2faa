package browse_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browser"
)

var benchPages = []string{"/pages/article", "/pages/long", "/pages/hidden", "/pages/cp1252", "/pages/encoded/br", "/pages/report.pdf", "/pages/data.json"}

// BenchmarkFastPath measures one uncached browse over HTTP (fetch, decode,
// extract) per fixture page; each iteration asks a new URL so the cache
// never answers.
func BenchmarkFastPath(b *testing.B) {
	e := newEnv(b, browse.Config{})
	ctx := context.Background()
	for _, p := range benchPages {
		b.Run(strings.TrimPrefix(p, "/pages/"), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if _, _, err := e.engine.Load(ctx, fmt.Sprintf("%s?bench=%d", e.url(p), i), browse.RenderNever); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCachedRead measures a paging read served from the cache.
func BenchmarkCachedRead(b *testing.B) {
	e := newEnv(b, browse.Config{})
	ctx := context.Background()
	if _, err := e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/long")}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := e.engine.Read(ctx, browse.ReadRequest{URL: e.url("/pages/long"), MaxChars: 2000, Offset: (i * 2000) % 30000}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderPath measures one uncached render in Chromium per page.
func BenchmarkRenderPath(b *testing.B) {
	if _, err := os.Stat(chromium); err != nil {
		b.Skipf("Chromium not found at %s", chromium)
	}
	e := newEnv(b, browse.Config{})
	proxy, err := e.guard.StartProxy(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	pool := browser.New(browser.Config{Bin: chromium, MaxTabs: 1, ProxyURL: proxy.URL, RenderTimeout: 15 * time.Second})
	b.Cleanup(func() {
		_ = pool.Close()
		_ = proxy.Close()
	})
	e.engine = browse.New(browse.Config{Fetcher: fetchOf(b, e), Renderer: pool, Guard: e.guard, Proxy: proxy})
	ctx := context.Background()
	// Start the browser outside the measurement.
	if _, _, err := e.engine.Load(ctx, e.url("/pages/article?warm=1"), browse.RenderAlways); err != nil {
		b.Fatal(err)
	}
	for _, p := range []string{"/pages/article", "/pages/spa", "/pages/long"} {
		b.Run(strings.TrimPrefix(p, "/pages/"), func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				if _, _, err := e.engine.Load(ctx, fmt.Sprintf("%s?bench=%d", e.url(p), i), browse.RenderAlways); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
