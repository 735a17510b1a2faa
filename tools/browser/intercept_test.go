package browser

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

// victim is a loopback listener that must never be connected to.
type victim struct {
	addr  string
	conns atomic.Int64
}

func newVictim(t *testing.T) *victim {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return serveVictim(t, l)
}

func serveVictim(t *testing.T, l net.Listener) *victim {
	v := &victim{addr: l.Addr().String()}
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("VICTIM-SECRET")) }),
		ConnState: func(_ net.Conn, s http.ConnState) {
			if s == http.StateNew {
				v.conns.Add(1)
			}
		},
	}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return v
}

// attackerClient is the guarded client with one exception: the test's own
// attacker site (on loopback too) may be reached, as a public site would.
func attackerClient(g *egress.Guard, attacker string) *http.Client {
	tr := g.Transport()
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if addr == attacker {
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		}
		return g.DialContext(ctx, network, addr)
	}
	c := g.Client()
	c.Transport = tr
	return c
}

// kinds records which kinds of sub-resource reached the attacker site.
type kinds struct {
	mu sync.Mutex
	m  map[string]int
}

func (k *kinds) add(s string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.m == nil {
		k.m = map[string]int{}
	}
	k.m[s]++
}

func (k *kinds) get(s string) int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.m[s]
}

// The SSRF sub-resource matrix against a browser that cannot use our
// proxy (a remote one): every request of the page is carried by the
// guarded client, so no spelling of loopback, as no kind of sub-resource,
// navigation or redirect, reaches the victim; the page's own allowed
// sub-resources arrive; WebSockets, which interception cannot see, fail.
func TestInterceptedRemoteBrowserObeysPolicy(t *testing.T) {
	bin := needChromium(t)
	v := newVictim(t)
	interceptMatrix(t, startRemoteChromium(t, bin), v)
}

// interceptMatrix runs the matrix against the browser at endpoint; every
// victim (all on the first one's port) must see no connection.
func interceptMatrix(t *testing.T, endpoint string, victims ...*victim) {
	v := victims[0]
	_, vport, _ := net.SplitHostPort(v.addr)
	var seen kinds
	var s *site
	s = newSite(t, map[string]http.HandlerFunc{
		"/control": func(w http.ResponseWriter, r *http.Request) {
			k := r.URL.Query().Get("kind")
			if r.Header.Get("Upgrade") != "" {
				k = "upgrade:" + strings.ToLower(r.Header.Get("Upgrade"))
			}
			seen.add(k)
			switch k {
			case "script":
				w.Header().Set("Content-Type", "text/javascript")
				_, _ = w.Write([]byte(`document.title = "script ran";`))
			case "css":
				w.Header().Set("Content-Type", "text/css")
				_, _ = w.Write([]byte(`body { margin: 1px }`))
			case "iframe":
				html(`<p>CONTROL-IFRAME</p>`)(w, r)
			default:
				_, _ = w.Write([]byte("CONTROL-DATA"))
			}
		},
		"/redirect": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
		},
		"/ssrf": func(w http.ResponseWriter, r *http.Request) {
			targets := append([]string{s.URL + "/control"}, r.URL.Query()["t"]...)
			var head, body, script strings.Builder
			for _, u := range targets {
				fmt.Fprintf(&head, `<script src="%s?kind=script"></script><link rel="stylesheet" href="%s?kind=css">`+"\n", u, u)
				fmt.Fprintf(&body, `<iframe src="%s?kind=iframe"></iframe>`+"\n", u)
				ws := "ws" + strings.TrimPrefix(u, "http")
				fmt.Fprintf(&script, `fetch(%s + "?kind=fetch").catch(() => {});
try { const x = new XMLHttpRequest(); x.open("GET", %s + "?kind=xhr"); x.send(); } catch (e) {}
try { new WebSocket(%s + "?kind=ws"); } catch (e) {}
`, jsString(u), jsString(u), jsString(ws))
			}
			html(`<!doctype html><html><head><title>Sub-resources</title>`+head.String()+`</head><body>
<article><h1>Sub-resources</h1><p>SSRF-PAGE-FACT: this page loads its targets as every kind of sub-resource.</p>`+
				body.String()+`</article><script>`+script.String()+`</script></body></html>`)(w, r)
		},
	})
	attacker := s.Listener.Addr().String()
	spellings := []string{"127.0.0.1", "localhost", "2130706433", "0x7f000001", "0177.0.0.1", "127.1", "[::ffff:127.0.0.1]", "127.0.0.2", "0.0.0.0"}
	var targets []string
	for _, h := range spellings {
		targets = append(targets, "http://"+h+":"+vport+"/")
	}
	targets = append(targets, "http://169.254.169.254/latest/meta-data/")

	g := egress.New(egress.Policy{})
	p := newTestPool(t, Config{RemoteURLs: []string{endpoint}, MaxTabs: 4, Client: attackerClient(g, attacker),
		RenderTimeout: 20 * time.Second})

	q := url.Values{"t": targets}
	r, err := p.Render(context.Background(), s.url("/ssrf?"+q.Encode()))
	if err != nil {
		t.Fatalf("the embedding page: %v", err)
	}
	t.Logf("embedding page: %s %v", r.Wait, r.Phases)
	if !strings.Contains(r.HTML, "SSRF-PAGE-FACT") || r.Title != "script ran" {
		t.Errorf("the page or its allowed script did not arrive (title %q)", r.Title)
	}
	for _, k := range []string{"script", "css", "iframe", "fetch", "xhr"} {
		if seen.get(k) == 0 {
			t.Errorf("no %s request reached the allowed site: the sub-resources were not carried", k)
		}
	}
	if n := seen.get("upgrade:websocket"); n != 0 {
		t.Errorf("%d WebSocket handshakes passed: interception cannot check them, they must fail", n)
	}

	// Navigation to the victim, by URL, by redirect and by script.
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, u := range []string{targets[0], targets[2]} { // 127.0.0.1, 2130706433
		for _, start := range []string{u, s.url("/redirect?to=" + url.QueryEscape(u))} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := p.Render(context.Background(), start)
				mu.Lock()
				defer mu.Unlock()
				if err == nil || !strings.Contains(err.Error(), "refused by policy") {
					t.Errorf("%s: err = %v, want a policy refusal", start, err)
				}
			}()
		}
	}
	wg.Wait()
	for _, v := range victims {
		if n := v.conns.Load(); n != 0 {
			t.Errorf("the loopback victim at %s accepted %d connections", v.addr, n)
		}
	}
}
