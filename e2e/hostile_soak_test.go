package e2e

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// TestHostileSoak: 200 mixed hostile calls (encoding chains, bombs, hostile
// PDFs, fence forgeries, hidden text, malformed responses, a few renders)
// on one server leave its memory, open files, threads and Chromium
// processes at their baseline, within tolerances that cover caches and the
// kept PDF workers; and every call is answered within its budget.
func TestHostileSoak(t *testing.T) {
	noLeaks(t)
	chromiumOrSkip(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	s := spawnServer(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1"))
	pid := s.cmd.Process.Pid

	// Warm up every engine once, so the baseline includes the browser, a
	// PDF worker and the connection pools.
	for _, a := range []map[string]any{
		{"url": web.URL + "/pages/article", "render": "always"},
		{"url": web.URL + "/pages/report.pdf"},
		{"url": web.URL + "/pages/article", "render": "never"},
	} {
		if res, _ := call(t, s.c, "browse_page", a, 90*time.Second); res == nil || res.IsError {
			t.Fatalf("warm-up %v: %v", a, res)
		}
	}
	time.Sleep(time.Second)
	baseRSS, baseFDs, baseThreads := procStatusKB(pid, "VmRSS"), openFDs(fmt.Sprint(pid)), procStatusKB(pid, "Threads")
	baseChromium := len(chromiumBelow(pid, "*"))

	httpPaths := []string{
		"/hostile/encoding-chain?n=60000", "/hostile/encoding-chain?n=300000", "/hostile/gzip3", "/hostile/bomb2",
		"/pages/gzip-bomb", "/pages/brotli-bomb", "/hostile/fence", "/hostile/fence-lookalike", "/hostile/hidden-css",
		"/hostile/hidden", "/hostile/location", "/hostile/bad-header", "/hostile/bad-status", "/hostile/bad-encoding",
		"/hostile/bad-scheme", "/hostile/pdf/huge-count", "/hostile/pdf/self-tree", "/hostile/pdf/parent-loop",
		"/hostile/pdf/deep", "/pages/redirect-loop",
	}
	renderPaths := []string{"/hostile/hidden-css", "/hostile/replace-state", "/hostile/fence-lookalike", "/pages/infinite-js"}
	type job struct{ args map[string]any }
	var jobs []job
	for i := 0; len(jobs) < 200; i++ {
		switch {
		case i%20 == 7:
			// A query string per call defeats the page cache, so each
			// render really opens a tab.
			jobs = append(jobs, job{map[string]any{"url": fmt.Sprintf("%s%s?soak=%d", web.URL, renderPaths[(i/20)%len(renderPaths)], i), "render": "always"}})
		case i%50 == 13:
			jobs = append(jobs, job{map[string]any{"url": fmt.Sprintf("%s/hostile/pdf/many-kids?soak=%d", web.URL, i)}})
		default:
			p := httpPaths[i%len(httpPaths)]
			sep := "?"
			if containsByte(p, '?') {
				sep = "&"
			}
			jobs = append(jobs, job{map[string]any{"url": fmt.Sprintf("%s%s%ssoak=%d", web.URL, p, sep, i), "render": "never"}})
		}
	}
	start := time.Now()
	var peak atomic.Int64
	round := func() {
		each(jobs, 6, func(j job) {
			call(t, s.c, "browse_page", j.args, 60*time.Second)
			if r := int64(procStatusKB(pid, "VmRSS")); r > peak.Load() {
				peak.Store(r)
			}
		})
	}
	round()
	t.Logf("200 hostile calls in %v; server RSS %d MB at the baseline, %d MB peak", time.Since(start).Round(time.Millisecond), baseRSS>>10, peak.Load()>>10)
	if raceEnabled {
		// The race detector's shadow memory (5-10x every heap byte) is not
		// returned to the system, so RSS after one round says nothing about
		// leaks. A second round of the same calls must then reuse what the
		// first took: the memory baseline is the RSS after the first round.
		time.Sleep(time.Second)
		baseRSS = procStatusKB(pid, "VmRSS")
		round()
		t.Logf("second round (race build): RSS %d MB before it, %d MB peak", baseRSS>>10, peak.Load()>>10)
	}

	// Back to the baseline (the browser closes its tabs, transports their
	// idle connections, the GC its garbage) within a few seconds.
	rssBudget := 200 << 10
	if raceEnabled {
		// The second round's heap lands partly on addresses the first did
		// not use, and their shadow memory stays too: over six runs of two
		// builds, the same calls left 60 to 202 MB above the first round's
		// end. A leak keeps the pages of 200 calls (up to megabytes each,
		// 5-10x that in shadow) and shows far above this.
		rssBudget = 320 << 10
	}
	var rss, fds, threads, chromium int
	for deadline := time.Now().Add(15 * time.Second); ; {
		rss, fds, threads, chromium = procStatusKB(pid, "VmRSS"), openFDs(fmt.Sprint(pid)), procStatusKB(pid, "Threads"), len(chromiumBelow(pid, "*"))
		ok := rss-baseRSS < rssBudget && fds-baseFDs <= 16 && threads-baseThreads <= 16 && chromium <= baseChromium+1
		if ok || time.Now().After(deadline) {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Logf("after: RSS %d MB (baseline %d), fds %d (%d), threads %d (%d), Chromium processes %d (%d)", rss>>10, baseRSS>>10, fds, baseFDs, threads, baseThreads, chromium, baseChromium)
	if rss-baseRSS >= rssBudget {
		t.Errorf("RSS stayed %d MB above its baseline", (rss-baseRSS)>>10)
	}
	if fds-baseFDs > 16 {
		t.Errorf("%d more open files than at the baseline", fds-baseFDs)
	}
	if threads-baseThreads > 16 {
		t.Errorf("%d more threads than at the baseline", threads-baseThreads)
	}
	if chromium > baseChromium+1 {
		t.Errorf("%d Chromium processes, %d at the baseline", chromium, baseChromium)
	}
	if res, _ := call(t, s.c, "browse_page", map[string]any{"url": web.URL + "/pages/article?after-soak", "render": "never"}, 30*time.Second); res == nil || res.IsError {
		t.Fatalf("the server stopped serving after the soak: %v", res)
	}
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
