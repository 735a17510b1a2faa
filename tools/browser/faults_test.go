package browser

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/go-rod/rod/lib/proto"
	"go.uber.org/goleak"
)

func TestMaxTabsUnderLoad(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/p": slow(150*time.Millisecond, `<!doctype html><html><body><p>page</p></body></html>`),
	})
	const maxTabs = 3
	p := newTestPool(t, Config{MaxTabs: maxTabs})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r, err := p.Render(context.Background(), s.url(fmt.Sprintf("/p?i=%d", i)))
			if err == nil && !strings.Contains(r.HTML, "page") {
				err = fmt.Errorf("render %d: no content", i)
			}
			errs <- err
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	st := p.Stats()
	if st.MaxOpenTabs > maxTabs || st.MaxOpenTabs < 2 {
		t.Errorf("max open tabs = %d, want 2..%d (limit respected and actually parallel)", st.MaxOpenTabs, maxTabs)
	}
	if st.OpenTabs != 0 || st.Renders != 8 || st.Launches != 1 {
		t.Errorf("stats = %+v, want 0 open, 8 renders, 1 launch", st)
	}
}

// A cancelled render gives its tab back at once: the next render, limited
// to one tab, starts without waiting for the first page's budget.
func TestCancelReleasesTab(t *testing.T) {
	baseline := goleak.IgnoreCurrent() // goroutines at start; cleanup runs after the pool closed
	t.Cleanup(func() { goleak.VerifyNone(t, baseline) })
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	s := newSite(t, map[string]http.HandlerFunc{
		"/endless": hang(done),
		"/quick":   html(`<!doctype html><html><body><p>quick page</p></body></html>`),
	})
	p := newTestPool(t, Config{MaxTabs: 1, RenderTimeout: 20 * time.Second})
	if _, err := p.Render(context.Background(), s.url("/quick")); err != nil { // launch first
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := p.Render(ctx, s.url("/endless"))
		errc <- err
	}()
	for s.count("/endless") == 0 {
		time.Sleep(10 * time.Millisecond)
	}
	start := time.Now()
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("cancelled render did not return within 3s")
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("cancel took %v", took)
	}
	if st := p.Stats(); st.OpenTabs != 0 {
		t.Errorf("tab still open after cancel: %+v", st)
	}
	// The only slot is free again.
	ctx2, cancel2 := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel2()
	if _, err := p.Render(ctx2, s.url("/quick")); err != nil {
		t.Errorf("render after cancel: %v", err)
	}
}

// A caller waiting for a tab gives up when its context ends.
func TestWaitForTabHonoursContext(t *testing.T) {
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	s := newSite(t, map[string]http.HandlerFunc{"/endless": hang(done)})
	p := newTestPool(t, Config{MaxTabs: 1, RenderTimeout: 3 * time.Second})
	go func() { _, _ = p.Render(context.Background(), s.url("/endless")) }()
	for s.count("/endless") == 0 {
		time.Sleep(10 * time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := p.Render(ctx, s.url("/endless"))
	if !errors.Is(err, ErrTimeout) || !strings.Contains(err.Error(), "waiting for a free browser tab") {
		t.Errorf("err = %v, want a timeout waiting for a tab", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("waited %v for a tab with a 200ms deadline", took)
	}
}

func TestTabCrashRecovers(t *testing.T) {
	baseline := goleak.IgnoreCurrent() // goroutines at start; cleanup runs after the pool closed
	t.Cleanup(func() { goleak.VerifyNone(t, baseline) })
	s := newSite(t, map[string]http.HandlerFunc{
		"/crash": html(`<!doctype html><html><body><p>about to crash</p></body></html>`),
		"/after": html(`<!doctype html><html><body><p>life goes on</p></body></html>`),
	})
	p := newTestPool(t, Config{MaxTabs: 1, RenderTimeout: 8 * time.Second})
	var crashed atomic.Bool
	p.testAfterNavigate = func(ctx context.Context, tb *tab) {
		if crashed.Swap(true) { // only the first render
			return
		}
		cctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		_ = proto.PageCrash{}.Call(tb.sess.with(cctx)) // never answers: the renderer is gone
	}
	start := time.Now()
	_, err := p.Render(context.Background(), s.url("/crash"))
	if !errors.Is(err, ErrCrashed) || !strings.Contains(err.Error(), "the page crashed the browser tab") {
		t.Fatalf("err = %v, want ErrCrashed", err)
	}
	if took := time.Since(start); took > 4*time.Second {
		t.Errorf("crash noticed after %v; it must not wait for the budget", took)
	}
	r, err := p.Render(context.Background(), s.url("/after"))
	if err != nil || !strings.Contains(r.HTML, "life goes on") {
		t.Fatalf("render after crash: %v", err)
	}
	if st := p.Stats(); st.Crashes != 1 || st.Launches != 1 || st.OpenTabs != 0 {
		t.Errorf("stats = %+v, want 1 crash, same browser, no tab open", st)
	}
}

func TestBrowserKilledMidCall(t *testing.T) {
	baseline := goleak.IgnoreCurrent() // goroutines at start; cleanup runs after the pool closed
	t.Cleanup(func() { goleak.VerifyNone(t, baseline) })
	var p *Pool
	s := newSite(t, map[string]http.HandlerFunc{
		"/slow": func(w http.ResponseWriter, r *http.Request) {
			p.Kill() // Chromium dies while waiting for this answer
			slow(500*time.Millisecond, "<p>too late</p>")(w, r)
		},
		"/fine": html(`<!doctype html><html><body><p>fresh browser</p></body></html>`),
	})
	p = newTestPool(t, Config{MaxTabs: 2, RenderTimeout: 8 * time.Second})
	// Launch first, so the bound below times noticing the death, not a
	// Chromium start on a loaded machine.
	if _, err := p.Render(context.Background(), s.url("/fine")); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err := p.Render(context.Background(), s.url("/slow"))
	if !errors.Is(err, ErrBrowserGone) {
		t.Fatalf("err = %v, want ErrBrowserGone", err)
	}
	// The cause is why the browser died, not the cancellation of the
	// render's context that followed (callers would read "cancelled").
	var re *Error
	if errors.Is(err, context.Canceled) || !errors.As(err, &re) || re.Err == nil {
		t.Errorf("err = %#v, want the browser's death as cause, not context.Canceled", err)
	} else if !errors.Is(re.Err, errKilled) && !errors.Is(re.Err, errProcessExited) && !isConnErr(re.Err) {
		t.Errorf("cause = %v, want the kill, the exit or a DevTools connection error", re.Err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("failure noticed after %v", took)
	}
	oldPID := p.BrowserPID()
	r, err := p.Render(context.Background(), s.url("/fine"))
	if err != nil || !strings.Contains(r.HTML, "fresh browser") {
		t.Fatalf("render after kill: %v", err)
	}
	if st := p.Stats(); st.Launches != 2 || st.BrowserLost != 1 {
		t.Errorf("stats = %+v, want 2 launches and 1 lost browser", st)
	}
	if pid := p.BrowserPID(); pid == 0 || pid == oldPID {
		t.Errorf("browser pid %d after relaunch (before %d)", pid, oldPID)
	}
}

// Several renders at once see the browser die; exactly one relaunch follows.
func TestConcurrentRelaunch(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/p": html(`<!doctype html><html><body><p>ok</p></body></html>`),
	})
	p := newTestPool(t, Config{MaxTabs: 4})
	if _, err := p.Render(context.Background(), s.url("/p")); err != nil {
		t.Fatal(err)
	}
	// Killed behind the pool's back (as by the OOM killer): the next calls
	// find out only when talking to it.
	if err := syscall.Kill(p.BrowserPID(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := p.Render(context.Background(), s.url("/p")); err != nil {
				t.Errorf("render after kill: %v", err)
			}
		}()
	}
	wg.Wait()
	if st := p.Stats(); st.Launches != 2 {
		t.Errorf("launches = %d, want 2 (one relaunch for all callers)", st.Launches)
	}
}

func TestCloseLeavesNoProcesses(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{"/p": html(`<p>x</p>`)})
	fds := openFDs(t)
	p := New(Config{Bin: needChromium(t)})
	if _, err := p.Render(context.Background(), s.url("/p")); err != nil {
		t.Fatal(err)
	}
	if n := len(Processes()); n < 2 {
		t.Fatalf("only %d browser processes found while running; the leak check would be blind", n)
	}
	start := time.Now()
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("Close took %v", time.Since(start))
	waitNoProcesses(t)
	s.CloseClientConnections() // the browser's keep-alive connection is the server's fd
	deadline := time.Now().Add(2 * time.Second)
	for openFDs(t) > fds && time.Now().Before(deadline) {
		// leakless never closes its side of the guard's socket; the
		// finalizer does once the guard exited.
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
	}
	if n := openFDs(t); n > fds {
		ents, _ := os.ReadDir("/proc/self/fd")
		for _, e := range ents {
			l, _ := os.Readlink("/proc/self/fd/" + e.Name())
			t.Log(e.Name(), l)
		}
		t.Errorf("open files: %d before, %d after Close", fds, n)
	}
	if _, err := p.Render(context.Background(), s.url("/p")); !errors.Is(err, ErrClosed) {
		t.Errorf("render after Close: %v, want ErrClosed", err)
	}
}

// Close while renders are in flight: they fail with ErrClosed at once and
// Close still leaves nothing behind.
func TestCloseDuringRender(t *testing.T) {
	baseline := goleak.IgnoreCurrent() // goroutines at start; cleanup runs after the pool closed
	t.Cleanup(func() { goleak.VerifyNone(t, baseline) })
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	s := newSite(t, map[string]http.HandlerFunc{"/endless": hang(done)})
	p := New(Config{Bin: needChromium(t), MaxTabs: 2, RenderTimeout: 20 * time.Second})
	errc := make(chan error, 2)
	for i := 0; i < 2; i++ {
		go func(i int) {
			_, err := p.Render(context.Background(), s.url(fmt.Sprintf("/endless?i=%d", i)))
			errc <- err
		}(i)
	}
	for s.count("/endless") < 2 {
		time.Sleep(10 * time.Millisecond)
	}
	start := time.Now()
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("Close took %v", took)
	}
	for i := 0; i < 2; i++ {
		if err := <-errc; !errors.Is(err, ErrClosed) {
			t.Errorf("in-flight render: %v, want ErrClosed", err)
		}
	}
	waitNoProcesses(t)
}

func openFDs(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(entries)
}
