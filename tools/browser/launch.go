package browser

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/go-rod/rod/lib/cdp"
	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/launcher/flags"
	"github.com/go-rod/rod/lib/proto"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/useragent"
)

// launchTimeout bounds starting or connecting to one browser.
const launchTimeout = 30 * time.Second

// userDataPrefix marks every profile directory, and so every Chromium
// process command line, started by this process (see Processes).
func userDataPrefix() string { return fmt.Sprintf("%s%d-", profilePrefix, os.Getpid()) }

// launchFlags sets everything we want on top of rod's defaults.
func (p *Pool) launchFlags(l *launcher.Launcher, bin string) {
	if isHeadlessShell(bin) {
		l.Set(flags.Headless) // it has one headless mode, its own
	} else {
		l.HeadlessNew(true)
	}
	l.Leakless(true).
		Delete("enable-automation"). // navigator.webdriver=true invites bot walls
		// rod turns Chromium's IPC flooding protection off; with it off, a
		// page calling history.pushState 100k times keeps the browser
		// process (and so every other tab) busy for minutes.
		Delete("disable-ipc-flooding-protection").
		Delete("disable-popup-blocking").
		Set("disable-gpu").
		// The display compositor (software, with the GPU off) on a thread of
		// the browser process instead of a GPU process of its own: frames
		// reach it without a process hop (A/B, twice: 156.8 -> 150.6 and
		// 159.6 -> 155.2 ms of Chromium CPU per render of the bench page),
		// and there is one process fewer.
		Set("in-process-gpu").
		Set("disable-dev-shm-usage").
		Set("disable-quic").
		Set("no-first-run").
		Set("disable-background-networking").
		Set("disable-component-update").
		Set("disable-sync").
		Set("disable-domain-reliability").
		Set("disable-breakpad").
		Set("no-pings").
		Set("no-default-browser-check").
		Set("mute-audio").
		Set("hide-scrollbars").
		// Not --disable-threaded-compositing: the CPU it saves (~20% per
		// render) is that of frames the page then never gets, so its
		// requestAnimationFrame callbacks and IntersectionObservers never
		// run, nor the content scripts write from them (TestFrameDrivenContent).
		Set("disable-notifications").
		Set("disable-blink-features", "AutomationControlled").
		// Images are blocked per request too; this stops <img> from asking at all.
		Set("blink-settings", "imagesEnabled=false").
		Set("force-webrtc-ip-handling-policy", "disable_non_proxied_udp").
		Set("webrtc-ip-handling-policy", "disable_non_proxied_udp").
		Set("disable-features",
			"site-per-process", "TranslateUI", "OptimizationHints", "MediaRouter",
			"DialMediaRouteProvider", "AutofillServerCommunication", "InterestFeedContentSuggestions",
			"CertificateTransparencyComponentUpdater", "HttpsUpgrades", "HttpsFirstBalancedModeAutoEnable",
			"PrivacySandboxSettings4", "Translate", "BackForwardCache", "WebRtcHideLocalIpsWithMdns",
			// Every window (so every incognito context, i.e. every render)
			// otherwise gets the omnibox's WebUI popups preloaded: a second
			// renderer process (chrome://omnibox-popup.top-chrome/) that
			// cost as much CPU as the page's own. Headless never shows them.
			"WebUIOmniboxPopup", "WebUIOmniboxAimPopup",
			// A new frame host and document for each cross-document
			// navigation, so that the back-forward cache (off above) can keep
			// the old one: for us only the cost of building it twice per
			// render, about:blank then the page (measured: 234 -> 217 ms of
			// Chromium CPU per render, the same DOM).
			"RenderDocument").
		// The network service in the browser process, not a process of its
		// own: one process fewer per browser and no IPC hop per request
		// (measured: ~10 ms less Chromium CPU per render). rod's defaults
		// name the feature's old spelling, which Chromium 156 ignores.
		Set("enable-features", "NetworkServiceInProcess2")
	if os.Geteuid() == 0 {
		l.Set(flags.NoSandbox)
	}
	if p.cfg.MaxHeapMB > 0 {
		// The hard stop behind the per-call heap check (waitContent): a tight
		// allocation loop never lets that check run. Past it the renderer
		// crashes, which fails only its render (ErrCrashed). Twice the soft
		// limit leaves the check time to see a page that grows in steps.
		l.Set("js-flags", fmt.Sprintf("--max-old-space-size=%d", 2*p.cfg.MaxHeapMB))
	}
	if p.cfg.ProxyURL != "" {
		// Without the bypass rule Chromium sends loopback and link-local
		// traffic around the proxy, i.e. around the egress guard.
		l.Set(flags.ProxyServer, p.cfg.ProxyURL).Set("proxy-bypass-list", "<-loopback>")
	}
}

// launchLocal starts a Chromium with a fresh profile and connects to it.
func (p *Pool) launchLocal(ctx context.Context) (*instance, error) {
	bin, err := findBin(ctx, p.cfg.Bin)
	if err != nil {
		return nil, err
	}
	if n := removeStaleProfiles(os.TempDir()); n > 0 {
		p.log.Info("removed profile directories of dead processes", "count", n)
	}
	dir, err := os.MkdirTemp("", userDataPrefix())
	if err != nil {
		return nil, fmt.Errorf("launch Chromium: profile directory: %w", err)
	}
	l := launcher.New().Context(ctx).Bin(bin).UserDataDir(dir)
	p.launchFlags(l, bin)
	if p.testFlags != nil {
		p.testFlags(l)
	}
	u, err := l.Launch()
	if err != nil {
		if l.PID() != 0 {
			l.Kill()
		}
		_ = os.RemoveAll(dir)
		return nil, fmt.Errorf("launch Chromium %s: %w", bin, err)
	}
	in := newInstance(p, "local", l, dir)
	go in.watchProcess()
	if err := in.connect(ctx, u); err != nil {
		_ = in.shutdown()
		return nil, fmt.Errorf("connect to the Chromium just launched (%s): %w", bin, err)
	}
	p.log.Debug("browser launched", "bin", bin, "version", in.product, "pid", l.PID(), "profile", dir)
	return in, nil
}

// connectRemote attaches to a DevTools endpoint somebody else runs.
func (p *Pool) connectRemote(ctx context.Context, endpoint string) (*instance, error) {
	wsURL, err := resolveWS(ctx, endpoint)
	if err != nil {
		return nil, fmt.Errorf("connect to browser %s: %w", endpoint, err)
	}
	in := newInstance(p, endpoint, nil, "")
	if err := in.connect(ctx, wsURL); err != nil {
		return nil, fmt.Errorf("connect to browser %s: %w", endpoint, err)
	}
	p.log.Debug("browser connected", "endpoint", endpoint, "version", in.product)
	return in, nil
}

// connect opens the DevTools WebSocket and reads the browser's identity.
// The connection outlives ctx; ctx only bounds the handshake.
func (in *instance) connect(ctx context.Context, wsURL string) error {
	pu, err := url.Parse(wsURL)
	if err != nil {
		return err
	}
	d := &deadlineDialer{tls: pu.Scheme == "wss"}
	if d.tls && pu.Port() == "" {
		pu.Host += ":443"
		wsURL = pu.String()
	}
	ws := &cdp.WebSocket{Dialer: d}
	if err := ws.Connect(ctx, wsURL, nil); err != nil {
		if d.conn != nil {
			_ = d.conn.Close()
		}
		return err
	}
	_ = d.conn.SetDeadline(time.Time{})
	in.ws = ws
	in.conn = cdp.New().Start(ws)
	in.events = newRouter()
	in.events.onAny = in.onBrowserEvent
	go in.watchEvents()

	// The socket is closed if ctx ends first, which fails the calls. Target
	// discovery is what makes Chromium report renderer crashes (with their
	// reason) on the browser session; nothing else of it is used.
	bs := in.browser(ctx)
	ver, err := proto.BrowserGetVersion{}.Call(bs)
	if err == nil {
		err = proto.TargetSetDiscoverTargets{Discover: true}.Call(bs)
	}
	if err != nil {
		in.closing.Store(true) // never in use: losing it is no news
		_ = ws.Close()
		return err
	}
	in.ua, in.uaMeta = userAgent(in.pool.cfg.UserAgent, ver)
	in.product = ver.Product
	go in.probe()
	if n := in.pool.spareTabs(); n > 0 {
		in.spares = newSpares(in, n)
		go in.spares.run()
	}
	return nil
}

// userAgent returns the configured UA, or the browser's own with
// "HeadlessChrome" turned into "Chrome", and client hints that claim the
// same version as the UA string (the configured one's when it names one).
func userAgent(configured string, ver *proto.BrowserGetVersionResult) (string, *proto.EmulationUserAgentMetadata) {
	ua := strings.Replace(ver.UserAgent, "HeadlessChrome/", "Chrome/", 1)
	full := ver.Product[strings.IndexByte(ver.Product, '/')+1:]
	if configured != "" {
		ua = configured
		v := useragent.ChromeVersion(configured)
		if v == "" {
			return configured, nil // not a Chrome: no Chrome client hints
		}
		full = v
	}
	major, _, _ := strings.Cut(full, ".")
	brands := []*proto.EmulationUserAgentBrandVersion{
		{Brand: "Chromium", Version: major},
		{Brand: "Not_A Brand", Version: "24"},
	}
	fullBrands := []*proto.EmulationUserAgentBrandVersion{
		{Brand: "Chromium", Version: full},
		{Brand: "Not_A Brand", Version: "24.0.0.0"},
	}
	meta := &proto.EmulationUserAgentMetadata{
		Brands: brands, FullVersionList: fullBrands,
		Platform: "Linux", PlatformVersion: "", Architecture: "x86", Model: "", Mobile: false,
	}
	return ua, meta
}

// resolveWS turns "host:port" or "http://host:port" into the browser's
// WebSocket URL (like launcher.ResolveURL, but honouring ctx).
func resolveWS(ctx context.Context, endpoint string) (string, error) {
	endpoint = strings.TrimSpace(endpoint)
	if strings.HasPrefix(endpoint, "ws://") || strings.HasPrefix(endpoint, "wss://") {
		return endpoint, nil
	}
	if !strings.Contains(endpoint, "://") {
		endpoint = "http://" + endpoint
	}
	u, err := url.Parse(endpoint)
	if err != nil {
		return "", err
	}
	u.Path, u.RawQuery = "/json/version", ""
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return "", err
	}
	// No keep-alive: this is a one-off request, and an idle connection would
	// outlive the pool.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	res, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer func() { _ = res.Body.Close() }()
	var v struct {
		WebSocketDebuggerURL string `json:"webSocketDebuggerUrl"`
	}
	if err := json.NewDecoder(io.LimitReader(res.Body, 1<<20)).Decode(&v); err != nil {
		return "", fmt.Errorf("read %s: %w", u, err)
	}
	if v.WebSocketDebuggerURL == "" {
		return "", errors.New("no webSocketDebuggerUrl in " + u.String())
	}
	ws, err := url.Parse(v.WebSocketDebuggerURL)
	if err != nil {
		return "", err
	}
	// The browser names itself localhost; reach it where we found it.
	ws.Host = u.Host
	if u.Scheme == "https" {
		ws.Scheme = "wss"
	}
	return ws.String(), nil
}

// deadlineDialer bounds the WebSocket handshake by ctx's deadline (rod's
// handshake does not watch ctx) and speaks TLS for wss.
type deadlineDialer struct {
	tls  bool
	conn net.Conn
}

func (d *deadlineDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	var nd net.Dialer
	conn, err := nd.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	if d.tls {
		host, _, _ := net.SplitHostPort(addr)
		tc := tls.Client(conn, &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12})
		if err := tc.HandshakeContext(ctx); err != nil {
			_ = conn.Close()
			return nil, err
		}
		conn = tc
	}
	d.conn = conn
	return conn, nil
}
