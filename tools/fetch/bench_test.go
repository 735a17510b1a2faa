package fetch_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/fetch"
)

// BenchmarkFetch measures one GET through the egress guard per fixture
// page and encoding: connection reuse, decoding, charset, PDF text.
func BenchmarkFetch(b *testing.B) {
	web, f := setupB(b)
	ctx := context.Background()
	for _, p := range []string{"/pages/article", "/pages/encoded/gzip", "/pages/encoded/br", "/pages/encoded/zstd", "/pages/encoded/deflate", "/pages/cp1252", "/pages/long", "/pages/report.pdf"} {
		b.Run(strings.TrimPrefix(p, "/pages/"), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if _, err := f.Fetch(ctx, fmt.Sprintf("%s%s?i=%d", web.URL, p, i)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func setupB(b *testing.B) (*fixtures.Web, *fetch.Fetcher) {
	web := fixtures.Start()
	b.Cleanup(web.Close)
	c := egress.New(egress.Policy{Trusted: []string{web.Listener.Addr().String()}}).Client()
	b.Cleanup(c.CloseIdleConnections)
	return web, fetch.New(c, 0, ua)
}
