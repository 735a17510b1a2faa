// Package browser renders pages in headless Chromium (go-rod): a pool of tabs
// bounded by MaxTabs, one incognito context per render (opened ahead as a
// spare tab, see spare.go), crash recovery.
//
// Usage:
//
//	p := browser.New(browser.Config{MaxTabs: 4, ProxyURL: proxy.URL})
//	defer p.Close()
//	r, err := p.Render(ctx, "https://example.com/")
//	// r.HTML is the DOM after scripts ran, hidden elements and
//	// script/style/noscript/template removed; r.Status is the main
//	// document's HTTP status, r.FinalURL the URL after JS/meta redirects.
//	// err is an *Error: errors.Is(err, browser.ErrDNS / ErrPolicy /
//	// ErrTimeout / ErrCrashed / ErrBrowserGone / ErrHTTPStatus / ...).
//
// The browser starts on the first Render: Config.Bin, else the headless
// shell or the system's Chromium (LookBinary), else rod's managed
// download; or Config.RemoteURLs (DevTools endpoints; several form one
// pool, least busy first). A crashed tab fails
// only its render; a dead browser is relaunched by the next Render. Close
// leaves no process behind (see Processes).
package browser

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-rod/rod/lib/launcher"

	// Must come before rod in init order: see the package doc.
	_ "github.com/deepresearch-mcp/deepresearch-mcp/tools/browser/internal/norodflag"
)

// Config says which browser to use and how.
type Config struct {
	Bin        string   // Chromium binary; empty: LookBinary's (the headless shell when installed)
	RemoteURLs []string // DevTools endpoints to connect to instead of launching
	MaxTabs    int      // pages open at once; 0 means DefaultMaxTabs
	// SpareTabs is how many tabs each browser keeps opened ahead, each in a
	// fresh incognito context of its own, so a render need not wait for
	// one (see spare.go); 0 means 1, <0 none; at most MaxTabs.
	SpareTabs int
	ProxyURL  string // all browser traffic goes through this proxy (the egress guard)
	UserAgent string // empty: the browser's own, without "Headless"
	Log       *slog.Logger

	// RenderTimeout is the hard cap on one render once it has a tab; 0 means
	// 10s. A shorter deadline on the caller's context wins.
	RenderTimeout time.Duration
	// AcceptLanguage lists languages by preference, e.g. "en-US,en" (the
	// default); Chromium adds the q-values itself, so any given are dropped.
	AcceptLanguage string
	// Client, when set, is the guarded HTTP client (egress.Guard.Client)
	// that carries every request of pages rendered in a remote browser (see
	// intercept.go): a browser on another host cannot reach ProxyURL. With
	// InterceptLocal, the local browser's pages go through it too.
	Client         *http.Client
	InterceptLocal bool
	// MaxHeapMB caps a tab's JavaScript heap: a render whose page uses more
	// fails with ErrResourceLimit (a local browser also gets the cap as a V8
	// flag, which stops a tight allocation loop). 0 means 512; <0: no cap.
	MaxHeapMB int
	// Diagnose, when set, is asked why the proxy refused rawURL (a CONNECT
	// tunnel hides the proxy's reason from the browser). A non-nil error is
	// wrapped into the render error, so errors.As finds e.g. an
	// *egress.PolicyError, and its text replaces the generic one.
	Diagnose func(ctx context.Context, rawURL string) error
}

// Rendered is the DOM of a page after its scripts ran.
type Rendered struct {
	URL      string
	FinalURL string
	Status   int
	Title    string
	HTML     string // serialised DOM, hidden elements removed
	// Settled is true when the snapshot was taken because the page was
	// whole (loaded, nothing pending, text unchanged); false when a cap
	// ended the wait first (a page that keeps changing, or the budget):
	// the content may be partial. Wait says which.
	Settled bool
	Wait    string
	// Phases is where the render's time went (see Phase).
	Phases []Phase
}

// Stats are counters for tests and benchmarks.
type Stats struct {
	OpenTabs    int   // tabs (incognito contexts) renders use now; spares not counted
	MaxOpenTabs int   // most tabs ever used by renders at once
	Renders     int64 // renders started (with a tab)
	Launches    int64 // browsers launched or connected
	Crashes     int64 // tabs that crashed
	BrowserLost int64 // browsers that died or disconnected
	Wedged      int64 // browsers replaced because they stopped answering
}

// Pool renders pages.
type Pool struct {
	cfg Config
	log *slog.Logger
	sem chan struct{} // one token per tab

	launchLock chan struct{} // one launch/connect at a time, honouring ctx

	mu      sync.Mutex
	closed  bool
	local   *instance
	remotes []*instance // index = cfg.RemoteURLs index; nil until connected
	rr      int

	renders sync.WaitGroup // in-flight renders, so Close can wait for them

	openTabs    atomic.Int64
	maxOpenTabs atomic.Int64
	nRenders    atomic.Int64
	nLaunches   atomic.Int64
	nCrashes    atomic.Int64
	nLost       atomic.Int64
	nWedged     atomic.Int64

	probeKey string // name of the page-world activity probe (see activityJS)
	// Health probe of the browsers (see health.go).
	probeTimeout time.Duration
	probeStrikes int

	activityJS string

	// testAfterNavigate, when set (tests only), runs once the page committed.
	testAfterNavigate func(ctx context.Context, t *tab)
	// testFlags, when set (tests and benchmarks only), changes the launch
	// flags after launchFlags set them: A/B comparisons of flags in one run.
	testFlags func(l *launcher.Launcher)
}

// DefaultMaxTabs is how many pages are open at once when the config says
// nothing: the one default for the server, its flag and the research engine.
const DefaultMaxTabs = 4

// New returns a pool; the browser starts on first use.
func New(cfg Config) *Pool {
	if cfg.MaxTabs <= 0 {
		cfg.MaxTabs = DefaultMaxTabs
	}
	if cfg.RenderTimeout <= 0 {
		cfg.RenderTimeout = 10 * time.Second
	}
	if cfg.MaxHeapMB == 0 {
		cfg.MaxHeapMB = 512
	}
	cfg.AcceptLanguage = languages(cfg.AcceptLanguage)
	key := newProbeKey()
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Pool{
		cfg:          cfg,
		log:          log,
		sem:          make(chan struct{}, cfg.MaxTabs),
		launchLock:   make(chan struct{}, 1),
		remotes:      make([]*instance, len(cfg.RemoteURLs)),
		probeKey:     key,
		probeTimeout: probeTimeout,
		probeStrikes: probeStrikes,
		activityJS:   fmt.Sprintf(activityJS, key),
	}
}

// spareTabs is the number of spares per browser (Config.SpareTabs).
func (p *Pool) spareTabs() int {
	switch n := p.cfg.SpareTabs; {
	case n < 0:
		return 0
	case n == 0:
		return 1
	default:
		return min(n, p.cfg.MaxTabs)
	}
}

// Stats returns the pool's counters.
func (p *Pool) Stats() Stats {
	return Stats{
		OpenTabs:    int(p.openTabs.Load()),
		MaxOpenTabs: int(p.maxOpenTabs.Load()),
		Renders:     p.nRenders.Load(),
		Launches:    p.nLaunches.Load(),
		Crashes:     p.nCrashes.Load(),
		BrowserLost: p.nLost.Load(),
		Wedged:      p.nWedged.Load(),
	}
}

// Render loads rawURL and returns its DOM once the page is quiet (or a hard cap passed).
func (p *Pool) Render(ctx context.Context, rawURL string) (*Rendered, error) {
	return p.render(ctx, rawURL)
}

// Close shuts the browser and every process it started.
func (p *Pool) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	insts := p.instancesLocked()
	p.mu.Unlock()

	// Renders in flight fail fast with ErrClosed; wait for their cleanup.
	for _, in := range insts {
		in.cancelAll(errPoolClosed)
	}
	p.renders.Wait()
	p.mu.Lock()
	insts = p.instancesLocked()
	p.mu.Unlock()

	var errs []error
	for _, in := range insts {
		if err := in.shutdown(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Kill ends the local browser process abruptly, as a crash or the OOM
// killer would (for fault tests). Renders in flight fail; the next Render
// launches a new browser. It returns false when no local browser is running.
func (p *Pool) Kill() bool {
	p.mu.Lock()
	in := p.local
	p.mu.Unlock()
	if in == nil || in.launcher == nil {
		return false
	}
	ok := in.kill()
	in.markDead(errKilled)
	return ok
}

// BrowserPID is the process id of the running local browser, 0 if none.
func (p *Pool) BrowserPID() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.local == nil || p.local.launcher == nil || p.local.isDead() {
		return 0
	}
	return p.local.launcher.PID()
}

func (p *Pool) instancesLocked() []*instance {
	var out []*instance
	if p.local != nil {
		out = append(out, p.local)
	}
	for _, in := range p.remotes {
		if in != nil {
			out = append(out, in)
		}
	}
	return out
}

// languages turns an Accept-Language value into the bare list Chromium
// wants ("de-DE,de;q=0.8" -> "de-DE,de").
func languages(v string) string {
	var out []string
	for _, part := range strings.Split(v, ",") {
		lang, _, _ := strings.Cut(part, ";")
		if lang = strings.TrimSpace(lang); lang != "" {
			out = append(out, lang)
		}
	}
	if len(out) == 0 {
		return "en-US,en"
	}
	return strings.Join(out, ",")
}
