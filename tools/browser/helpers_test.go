package browser

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// needChromium skips (or fails under CI) when no browser is installed.
// It returns the binary a pool launches by default (LookBinary: the
// headless shell when installed); DEEPRESEARCH_BROWSER (the server's own
// setting) picks another, e.g. /usr/bin/chromium, to run the tests and
// benchmarks on.
func needChromium(tb testing.TB) string {
	tb.Helper()
	if b := os.Getenv("DEEPRESEARCH_BROWSER"); b != "" {
		return b
	}
	bin, ok := LookBinary()
	if !ok {
		if os.Getenv("CI") == "true" {
			tb.Fatal("Chromium not found and CI=true: install chromium")
		}
		tb.Skip("Chromium not found: install chromium to run browser tests")
	}
	return bin
}

// newTestPool returns a pool closed at the end of the test, checking that
// no Chromium process survives Close.
func newTestPool(tb testing.TB, cfg Config) *Pool {
	tb.Helper()
	if cfg.Bin == "" && len(cfg.RemoteURLs) == 0 {
		cfg.Bin = needChromium(tb)
	}
	p := New(cfg)
	tb.Cleanup(func() {
		if err := p.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
		waitNoProcesses(tb)
	})
	return p
}

func waitNoProcesses(tb testing.TB) {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		left := Processes()
		dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), userDataPrefix()+"*"))
		if len(left) == 0 && Zombies() == 0 && len(dirs) == 0 {
			return
		}
		if time.Now().After(deadline) {
			tb.Errorf("after Close: %d Chromium processes left (%v), %d zombies, profiles left: %v",
				len(left), left, Zombies(), dirs)
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// site is a loopback web site that records which paths were requested.
type site struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) url(path string) string { return s.URL + path }

func newSite(tb testing.TB, pages map[string]http.HandlerFunc) *site {
	tb.Helper()
	s := &site{hits: map[string]int{}}
	mux := http.NewServeMux()
	for path, h := range pages {
		mux.HandleFunc(path, h)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	tb.Cleanup(s.Close)
	return s
}

func html(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, body)
	}
}

// hang writes the start of a page, then never finishes it (until the
// client goes away or the test ends).
func hang(done <-chan struct{}) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, "<!doctype html><html><head><title>Endless</title></head><body><p>The first paragraph arrived.</p>")
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-done:
		}
	}
}

// slow answers after d (or when the client gives up).
func slow(d time.Duration, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			return
		}
		html(body)(w, r)
	}
}

// proxy is a minimal HTTP forward proxy (absolute-form GET and CONNECT)
// that refuses hosts in deny with a 403 written like the egress proxy's.
type proxy struct {
	*httptest.Server
	deny     map[string]bool
	requests atomic.Int64
	connects atomic.Int64
	mu       sync.Mutex
	seen     []string
}

func newProxy(tb testing.TB, deny ...string) *proxy {
	tb.Helper()
	p := &proxy{deny: map[string]bool{}}
	for _, d := range deny {
		p.deny[d] = true
	}
	tr := &http.Transport{Proxy: nil, DisableKeepAlives: true}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.URL.Hostname()
		if r.Method == http.MethodConnect {
			host, _, _ = net.SplitHostPort(r.Host)
		}
		p.mu.Lock()
		p.seen = append(p.seen, r.Method+" "+r.Host)
		p.mu.Unlock()
		switch host {
		case "egress-refused.example": // as tools/egress writes a refusal
			w.Header().Set("X-Deepresearch-Egress", "refused")
			w.WriteHeader(http.StatusForbidden)
			_, _ = fmt.Fprintf(w, "refused by policy: http://%s/: resolves to a private address\n", host)
			return
		case "busy-refused.example": // a refusal whose page never settles
			switch r.URL.Path {
			case "/":
				w.Header().Set("X-Deepresearch-Egress", "refused")
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(http.StatusForbidden)
				_, _ = fmt.Fprint(w, `<!doctype html><p>refused by policy: busy-refused.example is on the deny list</p>
					<script>setInterval(() => fetch("/busy?" + Math.random()), 100);
					setTimeout(() => fetch("/late"), 5000)</script>`)
			case "/late":
				p.mu.Lock()
				p.seen = append(p.seen, "late timer fired")
				p.mu.Unlock()
			}
			return
		case "nxdomain.example": // the proxy's own failure to resolve the site
			w.Header().Set("X-Deepresearch-Egress", "error")
			w.WriteHeader(http.StatusBadGateway)
			_, _ = fmt.Fprintf(w, "egress proxy: dial tcp: lookup %s: no such host\n", host)
			return
		}
		if p.deny[host] {
			w.Header().Set("Proxy-Status", `testproxy; error=destination_ip_prohibited; details="host `+host+` is on the deny list"`)
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(http.StatusForbidden)
			_, _ = fmt.Fprintf(w, "refused by policy: %s is on the deny list\n", host)
			return
		}
		if r.Method == http.MethodConnect {
			p.connects.Add(1)
			up, err := net.Dial("tcp", r.Host)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadGateway)
				return
			}
			w.WriteHeader(http.StatusOK)
			conn, _, err := http.NewResponseController(w).Hijack()
			if err != nil {
				_ = up.Close()
				return
			}
			go func() { _, _ = io.Copy(up, conn); _ = up.Close() }()
			_, _ = io.Copy(conn, up)
			_ = conn.Close()
			return
		}
		p.requests.Add(1)
		out := r.Clone(context.Background())
		out.RequestURI = ""
		res, err := tr.RoundTrip(out.WithContext(r.Context()))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer func() { _ = res.Body.Close() }()
		for k, v := range res.Header {
			w.Header()[k] = v
		}
		w.WriteHeader(res.StatusCode)
		_, _ = io.Copy(w, res.Body)
	}))
	tb.Cleanup(p.Close)
	return p
}

func (p *proxy) saw(sub string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range p.seen {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func freePort(tb testing.TB) int {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer func() { _ = l.Close() }()
	return l.Addr().(*net.TCPAddr).Port
}
