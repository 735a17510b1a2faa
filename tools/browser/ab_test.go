package browser

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/launcher/flags"
)

// procInfo is one process of a browser: its type and CPU so far.
type procInfo struct {
	pid, ppid  int
	kind       string        // browser, zygote, renderer, gpu-process, utility, ...
	self, kids time.Duration // own CPU, and that of its reaped children
}

// browserProcs lists the live processes descending from root.
func browserProcs(root int) []procInfo {
	all := map[int]procInfo{}
	eachProc(func(pid int, state string, ppid int) {
		if state == "Z" || state == "X" {
			return
		}
		stat, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
		if err != nil {
			return
		}
		i := bytes.LastIndexByte(stat, ')')
		f := bytes.Fields(stat[i+1:])
		if len(f) < 15 {
			return
		}
		tick := func(k int) time.Duration {
			n, _ := strconv.ParseInt(string(f[k]), 10, 64)
			return time.Duration(n) * time.Second / 100
		}
		pi := procInfo{pid: pid, ppid: ppid, self: tick(11) + tick(12), kids: tick(13) + tick(14), kind: "browser"}
		cmd, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
		// Helpers rewrite their command line as one space-separated string.
		for _, a := range bytes.FieldsFunc(cmd, func(r rune) bool { return r == 0 || r == ' ' }) {
			if t, ok := bytes.CutPrefix(a, []byte("--type=")); ok {
				pi.kind = string(t)
			}
			if t, ok := bytes.CutPrefix(a, []byte("--utility-sub-type=")); ok {
				pi.kind += ":" + string(t)
			}
		}
		all[pid] = pi
	})
	var out []procInfo
	for pid, pi := range all {
		for q, hops := pid, 0; q > 1 && hops < 64; q, hops = all[q].ppid, hops+1 {
			if q == root {
				out = append(out, pi)
				break
			}
		}
	}
	return out
}

// cpuByKind sums CPU per process type; exited children count under
// "<parent kind>+reaped".
func cpuByKind(root int) map[string]time.Duration {
	m := map[string]time.Duration{}
	for _, pi := range browserProcs(root) {
		m[pi.kind] += pi.self
		if pi.kids > 0 {
			m[pi.kind+"+reaped"] += pi.kids
		}
	}
	return m
}

// selfCPU is this process's CPU time so far (the test: Go side and site).
func selfCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rendererWatch samples which renderer processes a browser had.
type rendererWatch struct {
	mu   sync.Mutex
	seen map[int]string
	stop chan struct{}
	done chan struct{}
}

func watchRenderers(root func() int) *rendererWatch {
	w := &rendererWatch{seen: map[int]string{}, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		for {
			if r := root(); r != 0 {
				for _, pi := range browserProcs(r) {
					if pi.kind == "renderer" {
						w.mu.Lock()
						w.seen[pi.pid] = pi.kind
						w.mu.Unlock()
					}
				}
			}
			select {
			case <-w.stop:
				return
			case <-time.After(3 * time.Millisecond):
			}
		}
	}()
	return w
}

func (w *rendererWatch) count() int {
	close(w.stop)
	<-w.done
	return len(w.seen)
}

// abFlags parses AB_FLAGS: ";"-separated changes to B's launch flags:
// "name=v1,v2" sets, "-name" deletes, "+disable-features=X,Y" appends to a
// comma list.
func abFlags(spec string) func(l *launcher.Launcher) {
	return func(l *launcher.Launcher) {
		for _, part := range strings.Split(spec, ";") {
			part = strings.TrimSpace(part)
			switch {
			case part == "":
			case strings.HasPrefix(part, "-"):
				l.Delete(flags.Flag(part[1:]))
			case strings.HasPrefix(part, "+"):
				name, v, _ := strings.Cut(part[1:], "=")
				l.Append(flags.Flag(name), strings.Split(v, ",")...)
			default:
				name, v, ok := strings.Cut(part, "=")
				if ok {
					l.Set(flags.Flag(name), strings.Split(v, ",")...)
				} else {
					l.Set(flags.Flag(name))
				}
			}
		}
	}
}

// bigSite serves /big: a long article (kb kilobytes of paragraphs) with a
// stylesheet and a script of a few hundred kB, as news sites have.
func bigSite(tb testing.TB, kb int) *site {
	var paras strings.Builder
	for i := 0; paras.Len() < kb<<10; i++ {
		fmt.Fprintf(&paras, "<p class=\"para\">Paragraph %d of the long article, with enough words to look like prose, and a <a href=\"/x%d\">link</a>.</p>\n", i, i)
	}
	var css, js strings.Builder
	for i := 0; css.Len() < 60<<10; i++ {
		fmt.Fprintf(&css, ".c%d{margin:%dpx;padding:1px;color:#333}\n", i, i%20)
	}
	js.WriteString("window.siteData = [")
	for i := 0; js.Len() < 300<<10; i++ {
		fmt.Fprintf(&js, "{id:%d,name:\"item %d\",tags:[\"a\",\"b\"]},", i, i)
	}
	js.WriteString("];\n")
	page := `<!doctype html><html><head><title>Long article</title><link rel="stylesheet" href="/site.css">
<script src="/app.js"></script></head><body><article><h1>Long article</h1>` + paras.String() +
		`<div id="app"></div><script>document.getElementById("app").textContent = "rendered by script";</script></article></body></html>`
	return newSite(tb, map[string]http.HandlerFunc{
		"/big": html(page),
		"/site.css": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/css")
			_, _ = w.Write([]byte(css.String()))
		},
		"/app.js": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/javascript")
			_, _ = w.Write([]byte(js.String()))
		},
	})
}

// BenchmarkFlagsAB: pool A (the launch flags) against pool B (the same
// with AB_FLAGS applied, see abFlags), alternating ABBA rounds of AB_ROUND
// (16) renders with AB_TABS (8) callers in one run, so both see the same
// load. Reports Chromium CPU per render (all processes of the pool's
// browser, counted to a second after the last round: renderers are reaped
// late), Go CPU per render, pages/s, p50 and renderer processes started
// per render for each. AB_CPU=1 also logs the CPU by process type;
// AB_BIG_KB=n renders a long article (n kB, with 360 kB of CSS and
// script) instead of the bench page. Under load trust the CPU figures:
// pages/s of two identical pools differ by several percent.
//
//	AB_CPU=1 AB_FLAGS='+disable-features=Foo' go test -run '^$' -bench FlagsAB -benchtime 96x -v ./tools/browser/
func BenchmarkFlagsAB(b *testing.B) {
	spec := os.Getenv("AB_FLAGS")
	tabs := 8
	if v, err := strconv.Atoi(os.Getenv("AB_TABS")); err == nil && v > 0 {
		tabs = v
	}
	round := 16
	if v, err := strconv.Atoi(os.Getenv("AB_ROUND")); err == nil && v > 0 {
		round = v
	}
	s := benchSite(b)
	path := "/article"
	if kb, err := strconv.Atoi(os.Getenv("AB_BIG_KB")); err == nil && kb > 0 {
		s = bigSite(b, kb)
		path = "/big"
	}
	bin := needChromium(b)
	pools := []*Pool{New(Config{Bin: bin, MaxTabs: tabs}), New(Config{Bin: bin, MaxTabs: tabs})}
	b.Cleanup(func() {
		for _, p := range pools {
			if err := p.Close(); err != nil {
				b.Errorf("Close: %v", err)
			}
		}
		waitNoProcesses(b)
	})
	pools[1].testFlags = abFlags(spec)
	for _, p := range pools {
		if _, err := p.Render(context.Background(), s.url(path)); err != nil {
			b.Fatal(err)
		}
	}
	type acc struct {
		n       int
		wall    time.Duration
		cpu     map[string]time.Duration
		rends   int
		p50s    []time.Duration
		htmlLen int
		goCPU   time.Duration
	}
	accs := []*acc{{cpu: map[string]time.Duration{}}, {cpu: map[string]time.Duration{}}}
	runRound := func(k int, n int) {
		p := pools[k]
		g0 := selfCPU()
		w := watchRenderers(p.BrowserPID)
		start := time.Now()
		var wg sync.WaitGroup
		var mu sync.Mutex
		next := 0
		for range tabs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					mu.Lock()
					if next >= n {
						mu.Unlock()
						return
					}
					next++
					mu.Unlock()
					t0 := time.Now()
					r, err := p.Render(context.Background(), s.url(path))
					if err != nil || !strings.Contains(r.HTML, "rendered by script") {
						b.Errorf("render: %v", err)
						return
					}
					mu.Lock()
					accs[k].p50s = append(accs[k].p50s, time.Since(t0))
					accs[k].htmlLen = len(r.HTML)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		a := accs[k]
		a.wall += time.Since(start)
		a.n += n
		a.rends += w.count()
		a.goCPU += selfCPU() - g0
	}
	if os.Getenv("AB_PROCS") != "" {
		for _, pi := range browserProcs(pools[0].BrowserPID()) {
			cmd, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pi.pid), "cmdline"))
			b.Logf("process %d (parent %d): %s %.300q", pi.pid, pi.ppid, pi.kind, cmd)
		}
	}
	// Chromium CPU is counted from here to the end for each pool, not per
	// round: a renderer's time is added to its zygote's when it is reaped,
	// which may be after its round ended.
	settle := func() { time.Sleep(time.Second) }
	settle()
	c0 := []map[string]time.Duration{cpuByKind(pools[0].BrowserPID()), cpuByKind(pools[1].BrowserPID())}
	b.ResetTimer()
	left := b.N
	for i := 0; left > 0; i++ {
		n := min(round, left)
		// ABBA order: neither pool always goes first.
		if i%2 == 0 {
			runRound(0, n)
			runRound(1, n)
		} else {
			runRound(1, n)
			runRound(0, n)
		}
		left -= n
	}
	b.StopTimer()
	settle()
	for k, p := range pools {
		for kind, d := range cpuByKind(p.BrowserPID()) {
			accs[k].cpu[kind] += d - c0[k][kind]
		}
	}
	for k, name := range []string{"A", "B"} {
		a := accs[k]
		var total time.Duration
		kinds := make([]string, 0, len(a.cpu))
		for kind, d := range a.cpu {
			total += d
			kinds = append(kinds, kind)
		}
		sort.Strings(kinds)
		b.ReportMetric(float64(total.Milliseconds())/float64(a.n), name+"-cpu-ms/page")
		b.ReportMetric(float64(a.n)/a.wall.Seconds(), name+"-pages/s")
		b.ReportMetric(float64(a.goCPU.Microseconds())/1000/float64(a.n), name+"-go-cpu-ms/page")
		b.ReportMetric(float64(a.rends)/float64(a.n), name+"-renderers/page")
		b.ReportMetric(float64(median(a.p50s).Microseconds())/1000, name+"-p50-ms")
		if os.Getenv("AB_CPU") != "" {
			var parts []string
			for _, kind := range kinds {
				parts = append(parts, fmt.Sprintf("%s=%.1f", kind, float64(a.cpu[kind].Microseconds())/1000/float64(a.n)))
			}
			b.Logf("%s (%q): cpu ms/page by process: %s; html %d bytes", name, map[bool]string{true: spec, false: ""}[k == 1], strings.Join(parts, " "), a.htmlLen)
		}
	}
}
