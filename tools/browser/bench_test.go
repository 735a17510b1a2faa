package browser

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const benchPage = `<!doctype html><html><head><title>Bench article</title>
<style>.note{display:none}</style></head><body><article><h1>Benchmark article</h1>
%s<p class="note">hidden</p><div id="app"></div>
<script>document.getElementById("app").textContent = "rendered by script";</script>
</article></body></html>`

func benchSite(b *testing.B) *site {
	var paras strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&paras, "<p>Paragraph %d of the benchmark article, with enough words to look like prose.</p>\n", i)
	}
	return newSite(b, map[string]http.HandlerFunc{"/article": html(fmt.Sprintf(benchPage, paras.String()))})
}

// BenchmarkRender: latency of one render on a warm browser.
func BenchmarkRender(b *testing.B) {
	s := benchSite(b)
	p := newTestPool(b, Config{MaxTabs: 1})
	if _, err := p.Render(context.Background(), s.url("/article")); err != nil { // launch
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := p.Render(context.Background(), s.url("/article"))
		if err != nil || !strings.Contains(r.HTML, "rendered by script") {
			b.Fatalf("render: %v", err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/page")
}

// BenchmarkThroughput: pages per second with MaxTabs callers at once.
func BenchmarkThroughput(b *testing.B) {
	s := benchSite(b)
	for _, tabs := range []int{1, 4, 8} {
		b.Run(fmt.Sprintf("tabs=%d", tabs), func(b *testing.B) {
			p := newTestPool(b, Config{MaxTabs: tabs})
			if _, err := p.Render(context.Background(), s.url("/article")); err != nil {
				b.Fatal(err)
			}
			var next atomic.Int64
			var failed atomic.Int64
			b.ResetTimer()
			start := time.Now()
			var wg sync.WaitGroup
			for w := 0; w < tabs; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for next.Add(1) <= int64(b.N) {
						if _, err := p.Render(context.Background(), s.url("/article")); err != nil {
							failed.Add(1)
						}
					}
				}()
			}
			wg.Wait()
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "pages/s")
			if failed.Load() > 0 {
				b.Errorf("%d renders failed", failed.Load())
			}
			if st := p.Stats(); st.MaxOpenTabs > tabs {
				b.Errorf("max open tabs %d > %d", st.MaxOpenTabs, tabs)
			}
		})
	}
}
