package e2e

import (
	"context"
	"fmt"
	"os/exec"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// benchMix is the benchmark's call mix, one call per i: like a model's
// session — mostly HTTP reads and searches, some renders, a few refusals.
// Every URL and query is new (no cache hits) unless cached is set.
func benchMix(web *fixtures.Web, i int, cached bool) (string, map[string]any) {
	id := fmt.Sprint(i)
	if cached {
		id = fmt.Sprint(i % 8)
	}
	switch i % 10 {
	case 0, 1:
		return "web_search", map[string]any{"query": "lighthouse " + id}
	case 2, 3, 4:
		return "browse_page", map[string]any{"url": web.URL + "/pages/article?b=" + id, "render": "never"}
	case 5:
		return "browse_page", map[string]any{"url": web.URL + "/pages/long?b=" + id, "render": "never", "query": "Section 12"}
	case 6:
		return "browse_page", map[string]any{"url": web.URL + "/pages/report.pdf?b=" + id, "render": "never"}
	case 7, 8:
		return "browse_page", map[string]any{"url": web.URL + "/pages/spa?b=" + id, "render": "always"}
	default:
		return "browse_page", map[string]any{"url": "http://127.0.0.1:1/refused-" + id}
	}
}

// runLoad makes b.N calls of the mix with conc callers and reports latency
// percentiles and throughput.
func runLoad(b *testing.B, c *client.Client, web *fixtures.Web, conc int, cached bool) {
	var next atomic.Int64
	lat := make([]time.Duration, b.N)
	var failed atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for range conc {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= b.N {
					return
				}
				name, args := benchMix(web, i, cached)
				req := mcp.CallToolRequest{}
				req.Params.Name, req.Params.Arguments = name, args
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
				t0 := time.Now()
				res, err := c.CallTool(ctx, req)
				lat[i] = time.Since(t0)
				cancel()
				if err != nil || (res.IsError && i%10 != 9) {
					failed.Add(1)
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	var renders, others []time.Duration
	for i, d := range lat {
		if i%10 == 7 || i%10 == 8 {
			renders = append(renders, d)
		} else {
			others = append(others, d)
		}
	}
	b.ReportMetric(pct(lat, 0.50), "p50-ms")
	b.ReportMetric(pct(lat, 0.95), "p95-ms")
	// Renders queue for a tab; everything else should not wait behind them.
	b.ReportMetric(pct(others, 0.50), "no-render-p50-ms")
	b.ReportMetric(pct(others, 0.95), "no-render-p95-ms")
	b.ReportMetric(pct(renders, 0.50), "render-p50-ms")
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "calls/s")
	b.ReportMetric(float64(failed.Load()), "failed")
}

// BenchmarkLoadStdio: the mixed load over stdio at 64 concurrent calls
// (--max-tabs 4, the default). Run with:
//
//	go test -run '^$' -bench 'BenchmarkLoad' -benchtime 256x ./e2e/
func BenchmarkLoadStdio(b *testing.B) {
	for _, cached := range []bool{false, true} {
		b.Run(fmt.Sprintf("cached=%v", cached), func(b *testing.B) {
			benchChromium(b)
			web := fixtures.Start()
			b.Cleanup(web.Close)
			c, _ := spawn(b, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1"))
			warm(b, c, web)
			runLoad(b, c, web, 64, cached)
		})
	}
}

// BenchmarkLoadHTTP: the same over Streamable HTTP, one session.
func BenchmarkLoadHTTP(b *testing.B) {
	benchChromium(b)
	web := fixtures.Start()
	b.Cleanup(web.Close)
	endpoint, _ := startHTTPServer(b, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1"))
	c := httpClient(b, endpoint)
	warm(b, c, web)
	runLoad(b, c, web, 64, false)
}

func benchChromium(b *testing.B) {
	if _, err := exec.LookPath("chromium"); err != nil {
		b.Skip("Chromium not installed")
	}
}

// warm launches Chromium before the clock starts.
func warm(b *testing.B, c *client.Client, web *fixtures.Web) {
	req := mcp.CallToolRequest{}
	req.Params.Name = "browse_page"
	req.Params.Arguments = map[string]any{"url": web.URL + "/pages/spa?warm", "render": "always"}
	if res, err := c.CallTool(context.Background(), req); err != nil || res.IsError {
		b.Fatalf("warm-up render: %v %v", res, err)
	}
}

// pct is the p-th quantile of ds in milliseconds.
func pct(ds []time.Duration, p float64) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[min(len(s)-1, int(p*float64(len(s))))].Microseconds()) / 1000
}
