package browser

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// With ProxyURL set, even a loopback page goes through the proxy (the
// --proxy-bypass-list=<-loopback> trap), and the proxy's refusals come back
// as policy errors with its reason.
func TestProxy(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/page": html(`<!doctype html><html><head><title>Via proxy</title></head><body><p>proxied text</p>
			<script>fetch("/xhr").then(r => r.text()).then(t => document.body.insertAdjacentHTML("beforeend", "<p>" + t + "</p>"))</script></body></html>`),
		"/xhr": func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("xhr text")) },
	})
	px := newProxy(t, "refused.example", "tunnel-refused.example")
	diagnosed := fmt.Errorf("refused by policy: tunnel-refused.example: resolves to a private address")
	p := newTestPool(t, Config{MaxTabs: 2, ProxyURL: px.URL, RenderTimeout: 8 * time.Second,
		Diagnose: func(ctx context.Context, rawURL string) error {
			if strings.Contains(rawURL, "tunnel-refused.example") {
				return diagnosed
			}
			return nil
		}})

	t.Run("loopback page through the proxy", func(t *testing.T) {
		r, err := p.Render(context.Background(), s.url("/page"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(r.HTML, "proxied text") || !strings.Contains(r.HTML, "xhr text") {
			t.Errorf("content missing: %s", r.HTML)
		}
		host := strings.TrimPrefix(s.URL, "http://")
		if !px.saw("GET " + host) {
			t.Errorf("the proxy never saw %s: loopback bypassed it (seen: %v)", host, px.seen)
		}
		if px.requests.Load() < 2 {
			t.Errorf("proxy forwarded %d requests, want the page and its XHR", px.requests.Load())
		}
	})
	t.Run("plain HTTP refused by the proxy", func(t *testing.T) {
		_, err := p.Render(context.Background(), "http://refused.example/")
		if !errors.Is(err, ErrPolicy) || !strings.Contains(err.Error(), "on the deny list") {
			t.Fatalf("err = %v, want ErrPolicy with the proxy's reason", err)
		}
	})
	t.Run("refusal marked by the egress header", func(t *testing.T) {
		_, err := p.Render(context.Background(), "http://egress-refused.example/")
		if !errors.Is(err, ErrPolicy) || !strings.Contains(err.Error(), "resolves to a private address") {
			t.Fatalf("err = %v, want ErrPolicy with the proxy's reason", err)
		}
	})
	t.Run("refused main document does not wait for the page to settle", func(t *testing.T) {
		// The refusal page keeps the network busy and fires a timer after
		// 5s, inside the 6s the render would wait for quiet (8s budget less
		// the snapshot reserve): waiting would let the timer fire first.
		_, err := p.Render(context.Background(), "http://busy-refused.example/")
		if !errors.Is(err, ErrPolicy) || !strings.Contains(err.Error(), "on the deny list") {
			t.Fatalf("err = %v, want ErrPolicy with the proxy's reason", err)
		}
		if px.saw("late timer fired") {
			t.Errorf("the render waited for the refused page's activity to end")
		}
	})
	t.Run("DNS failure at the proxy", func(t *testing.T) {
		_, err := p.Render(context.Background(), "http://nxdomain.example/")
		if !errors.Is(err, ErrDNS) {
			t.Fatalf("err = %v, want ErrDNS", err)
		}
	})
	t.Run("CONNECT refused, reason from Diagnose", func(t *testing.T) {
		_, err := p.Render(context.Background(), "https://tunnel-refused.example/")
		if !errors.Is(err, ErrPolicy) || !errors.Is(err, diagnosed) {
			t.Fatalf("err = %v, want ErrPolicy wrapping the diagnosis", err)
		}
		if !strings.Contains(err.Error(), "private address") {
			t.Errorf("reason lost: %v", err)
		}
	})
}

// RemoteURLs: several DevTools endpoints form one pool; renders spread
// over them and Close leaves the remote browsers running.
func TestRemoteEndpoints(t *testing.T) {
	bin := needChromium(t)
	s := newSite(t, map[string]http.HandlerFunc{
		"/p": slow(200*time.Millisecond, `<!doctype html><html><body><p>remote page</p></body></html>`),
	})
	var endpoints []string
	for i := 0; i < 2; i++ {
		endpoints = append(endpoints, startRemoteChromium(t, bin))
	}
	p := New(Config{RemoteURLs: endpoints, MaxTabs: 4})
	errc := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func(i int) {
			r, err := p.Render(context.Background(), s.url(fmt.Sprintf("/p?i=%d", i)))
			if err == nil && !strings.Contains(r.HTML, "remote page") {
				err = errors.New("content missing")
			}
			errc <- err
		}(i)
	}
	for i := 0; i < 4; i++ {
		if err := <-errc; err != nil {
			t.Error(err)
		}
	}
	if st := p.Stats(); st.Launches != 2 {
		t.Errorf("connected to %d endpoints, want both", st.Launches)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}

	// A remote browser was launched without our proxy flag: the proxy is
	// set on each incognito context instead.
	px := newProxy(t)
	pp := New(Config{RemoteURLs: endpoints[:1], ProxyURL: px.URL})
	if _, err := pp.Render(context.Background(), s.url("/p?via=proxy")); err != nil {
		t.Error(err)
	}
	if !px.saw("GET " + strings.TrimPrefix(s.URL, "http://")) {
		t.Errorf("remote render bypassed the proxy (seen %v)", px.seen)
	}
	if err := pp.Close(); err != nil {
		t.Fatal(err)
	}
	// The remote browsers are not ours to stop: they still answer.
	for _, e := range endpoints {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		_, err := resolveWS(ctx, e)
		cancel()
		if err != nil {
			t.Errorf("remote browser %s gone after Close: %v", e, err)
		}
	}
}

// startRemoteChromium runs a browser the way an operator would, with a
// fixed DevTools port, and returns its http://host:port endpoint.
func startRemoteChromium(t *testing.T, bin string) string {
	t.Helper()
	dir := t.TempDir()
	port := freePort(t)
	cmd := exec.Command(bin, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-dev-shm-usage", fmt.Sprintf("--remote-debugging-port=%d", port), "--user-data-dir="+dir, "about:blank")
	if os.Geteuid() != 0 {
		cmd.Args = append(cmd.Args[:2], cmd.Args[3:]...)
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // Chromium and its helpers
		_ = cmd.Wait()
		time.Sleep(100 * time.Millisecond) // helpers are reaped by init
	})
	endpoint := fmt.Sprintf("http://127.0.0.1:%d", port)
	waitDevTools(t, endpoint, 10*time.Second, "remote Chromium")
	return endpoint
}

// waitDevTools waits until a Chromium's DevTools endpoint answers.
func waitDevTools(t *testing.T, endpoint string, within time.Duration, what string) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		_, err := resolveWS(ctx, endpoint)
		cancel()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not start: %v", what, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
