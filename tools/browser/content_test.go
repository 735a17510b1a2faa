package browser

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-rod/rod/lib/proto"
)

// Images, fonts and media never reach the server; stylesheets and scripts do.
func TestBlocksHeavyResources(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/page": html(`<!doctype html><html><head><title>Heavy</title>
			<link rel="stylesheet" href="/style.css">
			<style>@font-face { font-family: F; src: url(/font.woff2); } body { font-family: F; background: url(/bg.png); }</style>
			</head><body><p>Words matter.</p><img src="/img.png"><picture><source srcset="/pic.webp"><img src="/pic.png"></picture>
			<video src="/movie.mp4" autoplay muted></video><audio src="/sound.mp3" autoplay></audio>
			<script src="/app.js"></script></body></html>`),
		"/style.css": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/css")
			_, _ = w.Write([]byte(`p { color: #222; } div.x { background-image: url(/css-bg.png); }`))
		},
		"/app.js": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/javascript")
			_, _ = w.Write([]byte(`document.body.insertAdjacentHTML("beforeend", "<div class=x>script ran</div>"); new Image().src = "/js-img.png";`))
		},
	})
	p := newTestPool(t, Config{MaxTabs: 1})
	r, err := p.Render(context.Background(), s.url("/page"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.HTML, "script ran") {
		t.Errorf("script did not run: %s", r.HTML)
	}
	for _, path := range []string{"/style.css", "/app.js"} {
		if s.count(path) != 1 {
			t.Errorf("%s requested %d times, want 1", path, s.count(path))
		}
	}
	for _, path := range []string{"/img.png", "/pic.png", "/pic.webp", "/bg.png", "/css-bg.png", "/js-img.png", "/font.woff2", "/movie.mp4", "/sound.mp3"} {
		if n := s.count(path); n != 0 {
			t.Errorf("%s reached the server %d times; it must be blocked", path, n)
		}
	}
}

// Hidden text never reaches the HTML; visible text does.
func TestRemovesHiddenContent(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/hidden": html(`<!doctype html><html><head><title>Traps</title><meta name="author" content="Ann Author">
			<style>.gone { display: none } .ghost { visibility: hidden } .away { position: absolute; left: -10000px; }
			.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
			.shut { height: 0; overflow: hidden } .indent { text-indent: -9999px; overflow: hidden }</style></head><body>
			<p>VISIBLE-1 ordinary paragraph.</p>
			<p class="gone">SECRET-display-none</p>
			<p style="display:none">SECRET-inline-display-none</p>
			<p class="ghost">SECRET-visibility-hidden</p>
			<p hidden>SECRET-hidden-attribute</p>
			<div aria-hidden="true">SECRET-aria-hidden</div>
			<div class="away">SECRET-offscreen</div>
			<span class="sr">SECRET-screen-reader-only</span>
			<div class="shut"><p>SECRET-zero-height</p></div>
			<h2 class="indent">SECRET-text-indent</h2>
			<div style="width:0;height:0;overflow:hidden">SECRET-zero-size</div>
			<template><p>SECRET-template</p></template>
			<noscript><p>SECRET-noscript</p></noscript>
			<!-- SECRET-comment -->
			<script>var x = "SECRET-script";</script>
			<div><span>VISIBLE-2 nested</span> <b>VISIBLE-3 bold</b></div>
			<div style="display:contents"><p>VISIBLE-4 display contents</p></div>
			<details><summary>VISIBLE-5 summary</summary><p>VISIBLE-6 folded details</p></details>
			<div class="card"><h2><a href="/s/1">VISIBLE-8 card title</a></h2>
			<p><a href="/s/1" aria-hidden="true" tabindex="-1">VISIBLE-9 card summary in its redundant link</a></p></div>
			<div class="card"><h2><a href="/s/2">Second card</a></h2>
			<p><a href="/s/2" aria-hidden="true" tabindex="-1" class="away">SECRET-redundant-link-off-screen</a></p>
			<p><a href="/s/2" aria-hidden="true" tabindex="-1" style="color: rgba(0,0,0,0)">SECRET-redundant-link-transparent</a></p></div>
			<script>document.body.insertAdjacentHTML("beforeend",
			  '<p>VISIBLE-7 from script</p><p style="display:none">SECRET-script-hidden</p>');
			  window.getComputedStyle = () => ({display: "block", visibility: "visible"});</script>
			</body></html>`),
	})
	p := newTestPool(t, Config{MaxTabs: 1})
	r, err := p.Render(context.Background(), s.url("/hidden"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 9; i++ {
		if w := "VISIBLE-" + string(rune('0'+i)); !strings.Contains(r.HTML, w) {
			t.Errorf("lost visible text %s", w)
		}
	}
	if n := strings.Count(r.HTML, "SECRET"); n != 0 {
		t.Errorf("%d hidden texts left in the HTML:\n%s", n, r.HTML)
	}
	if !strings.Contains(r.HTML, `content="Ann Author"`) || r.Title != "Traps" {
		t.Errorf("head metadata lost: title %q\n%s", r.Title, r.HTML)
	}
}

func TestRefusesNonHTTPSchemes(t *testing.T) {
	p := New(Config{Bin: "/nonexistent/chromium"}) // never launched: refused before
	defer func() { _ = p.Close() }()
	for _, u := range []string{"file:///etc/passwd", "chrome://version", "view-source:http://example.com/",
		"data:text/html,<p>x</p>", "javascript:alert(1)", "about:blank", "ftp://example.com/", "gopher://x/"} {
		_, err := p.Render(context.Background(), u)
		if !errors.Is(err, ErrPolicy) {
			t.Errorf("%s: err = %v, want ErrPolicy", u, err)
		}
	}
	if st := p.Stats(); st.Launches != 0 {
		t.Errorf("a browser was launched for refused URLs: %+v", st)
	}
}

func TestNoBrowserError(t *testing.T) {
	p := New(Config{Bin: "/nonexistent/chromium"})
	defer func() { _ = p.Close() }()
	_, err := p.Render(context.Background(), "http://127.0.0.1:1/")
	if !errors.Is(err, ErrNoBrowser) {
		t.Fatalf("err = %v, want ErrNoBrowser", err)
	}
	if !strings.Contains(err.Error(), "install chromium or pass --browser / --browser-url") {
		t.Errorf("message does not say what to do: %v", err)
	}
}

// The 64-character label makes the name invalid, so resolution fails
// locally: tests send no DNS query off the machine.
func TestDNSFailure(t *testing.T) {
	p := newTestPool(t, Config{MaxTabs: 1, RenderTimeout: 8 * time.Second})
	_, err := p.Render(context.Background(), "http://xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.invalid/")
	if !errors.Is(err, ErrDNS) {
		t.Fatalf("err = %v, want ErrDNS", err)
	}
}

func TestNoRodFlag(t *testing.T) {
	if flag.Lookup("rod") != nil {
		t.Error(`rod registered its global "-rod" flag; norodflag must run before rod's init`)
	}
}

// The browser introduces itself the same way in headers and to scripts,
// without "Headless" or the automation flag.
func TestIdentity(t *testing.T) {
	page := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<!doctype html><html><body><p id="h">UA=[%s] AL=[%s]</p><p id="js"></p><script>
			document.getElementById("js").textContent = "JSUA=[" + navigator.userAgent + "] WD=[" + navigator.webdriver + "]";
			</script></body></html>`, template.HTMLEscapeString(r.UserAgent()), template.HTMLEscapeString(r.Header.Get("Accept-Language")))
	}
	s := newSite(t, map[string]http.HandlerFunc{"/id": page})
	tests := []struct {
		name string
		cfg  Config
		ua   string // "" means derived from the browser
		al   string
	}{
		{name: "derived", cfg: Config{}, al: "en-US,en;q=0.9"},
		{name: "configured", cfg: Config{UserAgent: "Mozilla/5.0 (X11; Linux x86_64) TestAgent/1.0", AcceptLanguage: "de-DE,de;q=0.8"},
			ua: "Mozilla/5.0 (X11; Linux x86_64) TestAgent/1.0", al: "de-DE,de;q=0.9"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.cfg.MaxTabs = 1
			p := newTestPool(t, tc.cfg)
			r, err := p.Render(context.Background(), s.url("/id"))
			if err != nil {
				t.Fatal(err)
			}
			ua := between(r.HTML, "UA=[", "]")
			jsua := between(r.HTML, "JSUA=[", "]")
			if ua == "" || ua != jsua {
				t.Errorf("header UA %q != script UA %q", ua, jsua)
			}
			if strings.Contains(ua, "Headless") {
				t.Errorf("UA gives headless away: %q", ua)
			}
			if tc.ua != "" && ua != tc.ua {
				t.Errorf("UA = %q, want %q", ua, tc.ua)
			}
			if tc.ua == "" && !strings.Contains(ua, "Chrome/") {
				t.Errorf("derived UA %q lacks Chrome/", ua)
			}
			if al := between(r.HTML, "AL=[", "]"); al != tc.al {
				t.Errorf("Accept-Language = %q, want %q", al, tc.al)
			}
			if wd := between(r.HTML, "WD=[", "]"); wd != "false" {
				t.Errorf("navigator.webdriver = %q, want false", wd)
			}
		})
	}
}

func between(s, a, b string) string {
	i := strings.Index(s, a)
	if i < 0 {
		return ""
	}
	s = s[i+len(a):]
	j := strings.Index(s, b)
	if j < 0 {
		return ""
	}
	return s[:j]
}

// A tab keeps no copies of the responses it loaded (DevTools' body
// buffers are off: nothing reads them, and filling them costs CPU).
func TestKeepsNoResponseBodies(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{"/doc": html(newsPage("Bodies", articleHTML("bodies"), ""))})
	p := newTestPool(t, Config{MaxTabs: 1})
	var bodyErr error
	asked := false
	p.testAfterNavigate = func(ctx context.Context, tb *tab) {
		tb.mu.Lock()
		sess := tb.sess
		tb.mu.Unlock()
		tree, err := proto.PageGetFrameTree{}.Call(sess.with(ctx))
		if err != nil {
			t.Errorf("frame tree: %v", err)
			return
		}
		// The main document's request id is its loader id. Its body may
		// still be arriving: ask once it finished loading.
		deadline := time.Now().Add(time.Second)
		for {
			var res *proto.NetworkGetResponseBodyResult
			res, bodyErr = proto.NetworkGetResponseBody{RequestID: proto.NetworkRequestID(tree.FrameTree.Frame.LoaderID)}.Call(sess.with(ctx))
			asked = true
			if bodyErr == nil && res.Body != "" {
				return
			}
			if time.Now().After(deadline) {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	r, err := p.Render(context.Background(), s.url("/doc"))
	if err != nil || !strings.Contains(r.HTML, "Paragraph 1 on bodies") {
		t.Fatalf("render: %v", err)
	}
	if !asked {
		t.Fatal("the body was never asked for")
	}
	if bodyErr == nil {
		t.Error("the tab kept the document's body for DevTools")
	} else if msg := bodyErr.Error(); !strings.Contains(msg, "evicted") && !strings.Contains(msg, "No data found") && !strings.Contains(msg, "No resource") {
		t.Errorf("unexpected error asking for the body: %v", bodyErr)
	}
}
