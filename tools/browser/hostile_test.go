package browser

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// floodPage calls a History API method n times as fast as it can.
func floodPage(method string, n int) http.HandlerFunc {
	return html(fmt.Sprintf(`<!doctype html><html><head><title>Flood</title></head><body><p>flooding</p>
<script>for (let i = 0; i < %d; i++) history.%s({i}, "", "/flood?" + i);</script></body></html>`, n, method))
}

const normalPage = `<!doctype html><html><head><title>Normal</title></head><body><article><h1>A normal page</h1>
<p>The normal page has a paragraph of ordinary text that every render must return.</p></article></body></html>`

// A page flooding the History API must not wedge the browser for the
// renders of other callers: during the flood and after it, a normal page
// renders within a bound.
func TestHistoryFloodDoesNotWedgeOthers(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/push":    floodPage("pushState", 100000),
		"/replace": floodPage("replaceState", 100000),
		"/normal":  html(normalPage),
	})
	p := newTestPool(t, Config{MaxTabs: 4, RenderTimeout: 6 * time.Second})
	if _, err := p.Render(context.Background(), s.url("/normal")); err != nil {
		t.Fatal(err)
	}
	// The wedge this guards against lasted ~155 s; a normal render takes
	// well under 1 s idle but up to ~5 s under -race on two loaded cores.
	const bound = 8 * time.Second
	normal := func(what string) {
		start := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		r, err := p.Render(ctx, s.url("/normal"))
		took := time.Since(start)
		if err != nil {
			t.Errorf("%s: normal render failed after %s: %v", what, took, err)
			return
		}
		if !strings.Contains(r.HTML, "every render must return") {
			t.Errorf("%s: normal render lost its text", what)
		}
		if took > bound {
			t.Errorf("%s: normal render took %s, want <= %s; phases %v", what, took, bound, r.Phases)
		}
	}
	var wg sync.WaitGroup
	for _, path := range []string{"/push", "/replace"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			_, err := p.Render(context.Background(), s.url(path))
			t.Logf("%s: %s, err=%v", path, time.Since(start), err)
		}()
	}
	time.Sleep(300 * time.Millisecond)
	for i := 0; i < 3; i++ {
		normal(fmt.Sprintf("during flood #%d", i))
	}
	wg.Wait()
	for i := 0; i < 3; i++ {
		normal(fmt.Sprintf("after flood #%d", i))
	}
}

// A browser that stops answering (here: its process is stopped) is found
// by the health probe, killed and replaced; the renders caught in it fail
// as a browser problem, and the next ones succeed.
func TestUnresponsiveBrowserIsReplaced(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{"/normal": html(normalPage)})
	p := newTestPool(t, Config{MaxTabs: 2, RenderTimeout: 3 * time.Second})
	p.probeTimeout, p.probeStrikes = 2*time.Second, 2 // quicker than in production
	if _, err := p.Render(context.Background(), s.url("/normal")); err != nil {
		t.Fatal(err)
	}
	pid := p.BrowserPID()
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = syscall.Kill(pid, syscall.SIGCONT) })
	start := time.Now()
	// The render caught in it either fails as a browser problem or, when
	// the probe replaced the browser before the page was asked for, is
	// retried on the new one.
	_, err := p.Render(context.Background(), s.url("/normal"))
	if err != nil && (!errors.Is(err, ErrBrowserGone) || !strings.Contains(err.Error(), "browser problem")) {
		t.Errorf("err = %v, want ErrBrowserGone saying it is a browser problem", err)
	}
	t.Logf("first render after %s: %v", time.Since(start), err)
	deadline := time.Now().Add(15 * time.Second)
	for p.Stats().Wedged == 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("replaced after %s", time.Since(start))
	r, err := p.Render(context.Background(), s.url("/normal"))
	if err != nil || !strings.Contains(r.HTML, "every render must return") {
		t.Fatalf("render after the browser was replaced: %v", err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("recovered after %s, want <= 10s", took)
	}
	if st := p.Stats(); st.Wedged != 1 || st.Launches != 2 {
		t.Errorf("stats = %+v, want 1 wedged browser replaced by a second launch", st)
	}
}

// A page that allocates without bound fails its own render: with
// ErrResourceLimit when it allocates in steps (the per-call heap check),
// with ErrCrashed when it allocates in one tight loop (the V8 heap cap
// stops the renderer); either way the message names memory, and the next
// render on the same browser is unaffected.
func TestHeapCap(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		// Grows by about 4 MB every 50 ms while its data request is pending,
		// so it is not whole before it passes the limit.
		"/steps": html(`<!doctype html><html><body><p>growing</p><script>
			const keep = []; setInterval(() => { keep.push(new Array(1 << 20).fill(keep.length)); }, 50);
			fetch("/data");</script></body></html>`),
		"/data": slow(6*time.Second, "{}"),
		"/tight": html(`<!doctype html><html><body><p>exploding</p><script>
			const keep = []; for (;;) keep.push(new Array(1 << 24).fill(1));</script></body></html>`),
		"/normal": html(normalPage),
	})
	p := newTestPool(t, Config{MaxTabs: 1, MaxHeapMB: 96, RenderTimeout: 10 * time.Second})
	for _, tc := range []struct {
		path string
		kind error
	}{{"/steps", ErrResourceLimit}, {"/tight", ErrCrashed}} {
		path := tc.path
		start := time.Now()
		_, err := p.Render(context.Background(), s.url(path))
		if !errors.Is(err, tc.kind) || !strings.Contains(err.Error(), "memory") {
			t.Errorf("%s: err = %v, want %v about memory", path, err, tc.kind)
		}
		t.Logf("%s: %s: %v", path, time.Since(start), err)
		r, err := p.Render(context.Background(), s.url("/normal"))
		if err != nil || !strings.Contains(r.HTML, "every render must return") {
			t.Errorf("render after %s: %v", path, err)
		}
	}
	if st := p.Stats(); st.Launches != 1 {
		t.Errorf("stats = %+v: the browser was relaunched", st)
	}
}

// Profile directories left by a process that died (SIGKILL) are removed
// when a browser is launched; those of live processes stay.
func TestRemovesStaleProfiles(t *testing.T) {
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	tmp := os.TempDir()
	stale := filepath.Join(tmp, fmt.Sprintf("%s%d-stale", profilePrefix, dead.Process.Pid))
	live := filepath.Join(tmp, fmt.Sprintf("%s%d-live", profilePrefix, os.Getppid()))
	for _, d := range []string{stale, live} {
		if err := os.MkdirAll(filepath.Join(d, "Default"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { _ = os.RemoveAll(stale); _ = os.RemoveAll(live) })
	s := newSite(t, map[string]http.HandlerFunc{"/normal": html(normalPage)})
	p := newTestPool(t, Config{MaxTabs: 1})
	if _, err := p.Render(context.Background(), s.url("/normal")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale profile of dead pid %d still there (%v)", dead.Process.Pid, err)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("profile of a live process was removed: %v", err)
	}
}
