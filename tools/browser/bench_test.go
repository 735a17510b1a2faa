package browser

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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

func benchSite(b testing.TB) *site {
	var paras strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&paras, "<p>Paragraph %d of the benchmark article, with enough words to look like prose.</p>\n", i)
	}
	return newSite(b, map[string]http.HandlerFunc{"/article": html(fmt.Sprintf(benchPage, paras.String()))})
}

// phaseStats collects Rendered.Phases over a benchmark.
type phaseStats struct {
	mu     sync.Mutex
	totals map[string][]time.Duration
	whole  []time.Duration
}

func (ps *phaseStats) add(r *Rendered, whole time.Duration) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.totals == nil {
		ps.totals = map[string][]time.Duration{}
	}
	for _, p := range r.Phases {
		ps.totals[p.Name] = append(ps.totals[p.Name], p.D)
	}
	ps.whole = append(ps.whole, whole)
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// report prints the p50 of the whole render and of each phase.
func (ps *phaseStats) report(b *testing.B) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	b.ReportMetric(float64(median(ps.whole).Microseconds())/1000, "p50-ms")
	for _, name := range []string{spanTab, spanSpare, spanContext, spanTarget, spanSetup, spanNavigate, spanWait, spanLate, spanSnapshot, spanHidden, spanClose} {
		if ds := ps.totals[name]; len(ds) > 0 {
			b.ReportMetric(float64(median(ds).Microseconds())/1000, name+"-p50-ms")
		}
	}
}

// BenchmarkRender: latency of one render of a whole static page on a warm
// browser (launched, its spare tab ready: calls a few hundred ms apart, as
// a model's are), with the p50 of each phase (see Phase). ms/page counts
// the pauses out; BenchmarkThroughput/tabs=1 is the back-to-back figure.
func BenchmarkRender(b *testing.B) {
	s := benchSite(b)
	p := newTestPool(b, Config{MaxTabs: 1})
	if _, err := p.Render(context.Background(), s.url("/article")); err != nil { // launch
		b.Fatal(err)
	}
	var ps phaseStats
	cpu0 := browserCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		waitSpare(b, p)
		b.StartTimer()
		start := time.Now()
		r, err := p.Render(context.Background(), s.url("/article"))
		if err != nil || !strings.Contains(r.HTML, "rendered by script") {
			b.Fatalf("render: %v", err)
		}
		ps.add(r, time.Since(start))
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/page")
	b.ReportMetric(float64((settledBrowserCPU(b)-cpu0).Milliseconds())/float64(b.N), "chromium-cpu-ms/page")
	ps.report(b)
}

// waitSpare waits until the pool's browser has its spare tabs ready.
func waitSpare(tb testing.TB, p *Pool) {
	tb.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		p.mu.Lock()
		in := p.local
		p.mu.Unlock()
		if in != nil && in.spares.count() >= in.spares.want {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatal("no spare tab ready after 20s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// BenchmarkLateContentWait: what waiting for late content costs a page
// that is whole at load: the p50 of the time from its load event to the
// end of the wait (after-load), and of the whole wait phase (commit to
// snapshot, load included), on a static news page.
func BenchmarkLateContentWait(b *testing.B) {
	s := newSite(b, map[string]http.HandlerFunc{"/static": html(newsPage("Static article", articleHTML("static"), ""))})
	p := newTestPool(b, Config{MaxTabs: 1})
	if _, err := p.Render(context.Background(), s.url("/static")); err != nil {
		b.Fatal(err)
	}
	var waits, late []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := p.Render(context.Background(), s.url("/static"))
		if err != nil || !r.Settled {
			b.Fatalf("render: %v", err)
		}
		waits = append(waits, phase(r.Phases, spanWait))
		late = append(late, phase(r.Phases, spanLate))
	}
	b.ReportMetric(float64(median(waits).Microseconds())/1000, "wait-p50-ms")
	b.ReportMetric(float64(median(late).Microseconds())/1000, "after-load-p50-ms")
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
			var firstErr atomic.Value
			var ps phaseStats
			cpu0 := browserCPU()
			b.ResetTimer()
			start := time.Now()
			var wg sync.WaitGroup
			for w := 0; w < tabs; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for next.Add(1) <= int64(b.N) {
						t0 := time.Now()
						r, err := p.Render(context.Background(), s.url("/article"))
						if err != nil {
							failed.Add(1)
							firstErr.CompareAndSwap(nil, err.Error())
							continue
						}
						ps.add(r, time.Since(t0))
					}
				}()
			}
			wg.Wait()
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "pages/s")
			b.ReportMetric(float64((settledBrowserCPU(b)-cpu0).Milliseconds())/float64(b.N), "chromium-cpu-ms/page")
			ps.report(b)
			if failed.Load() > 0 {
				b.Errorf("%d renders failed; first: %v; stats %+v", failed.Load(), firstErr.Load(), p.Stats())
			}
			if st := p.Stats(); st.MaxOpenTabs > tabs {
				b.Errorf("max open tabs %d > %d", st.MaxOpenTabs, tabs)
			}
		})
	}
}

// settledBrowserCPU is browserCPU once the renderers of the last renders
// have been reaped (their time counts only then), with the timer stopped.
func settledBrowserCPU(b *testing.B) time.Duration {
	b.StopTimer()
	time.Sleep(time.Second)
	return browserCPU()
}

// browserCPU is the CPU time the pool's Chromium processes used so far
// (user + system, with their reaped children: renderers that exited are
// counted by the zygote that reaped them). Unlike wall time it hardly
// depends on what else the machine runs.
func browserCPU() time.Duration {
	var ticks int64
	for _, pid := range Processes() {
		stat, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
		if err != nil {
			continue
		}
		i := bytes.LastIndexByte(stat, ')')
		if i < 0 {
			continue
		}
		f := bytes.Fields(stat[i+1:])
		if len(f) < 15 {
			continue
		}
		for _, k := range []int{11, 12, 13, 14} { // utime stime cutime cstime
			n, _ := strconv.ParseInt(string(f[k]), 10, 64)
			ticks += n
		}
	}
	return time.Duration(ticks) * time.Second / 100 // USER_HZ
}
