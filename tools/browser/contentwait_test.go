package browser

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

//go:embed testdata/news.html
var newsTemplate string

// articleParas is the body of a test article: five paragraphs, each with a
// marker phrase the assertions look for.
func articleParas(topic string) []string {
	var out []string
	for i := 1; i <= 5; i++ {
		out = append(out, fmt.Sprintf("Paragraph %d on %s: the survey team measured the tide gauges along the eastern pier "+
			"twice a day for a month, and the readings suggest the sea wall settles faster than the engineers expected when it was built.", i, topic))
	}
	return out
}

func articleHTML(topic string) string {
	return "<p>" + strings.Join(articleParas(topic), "</p><p>") + "</p>"
}

// newsPage is a news-site page whose article element holds "Loading…"
// until script (a <script> element, may be empty) replaces it.
func newsPage(title, body, script string) string {
	page := strings.ReplaceAll(newsTemplate, "{{TITLE}}", title)
	if body != "" {
		page = strings.Replace(page, `<p class="placeholder">Loading…</p>`, body, 1)
	}
	return strings.Replace(page, "{{SCRIPT}}", script, 1)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func writeArticle(topic string) string {
	return `document.getElementById("article").innerHTML = ` + jsString(articleHTML(topic)) + `;`
}

func jsonBody(v any) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(150 * time.Millisecond)
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(v)
	}
}

// The snapshot waits for text that scripts write late: on DOMContentLoaded,
// after timers, after a chain of two fetches or XHRs; a whole page is not
// held back by a ticker or a polling loop.
// renderWholeArticle renders url and fails t unless every paragraph of
// topic's article is in the snapshot and its placeholder is gone.
func renderWholeArticle(t *testing.T, p *Pool, url, topic string) *Rendered {
	t.Helper()
	r, err := p.Render(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	for _, para := range articleParas(topic) {
		if !strings.Contains(r.HTML, para) {
			t.Errorf("article paragraph missing: %.40s…", para)
		}
	}
	if strings.Contains(r.HTML, "Loading…") {
		t.Errorf("the placeholder is still there (%s)", r.Wait)
	}
	return r
}

func TestWaitsForLateContent(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/static": html(newsPage("Static article", articleHTML("static"), "")),
		"/dcl": html(newsPage("DOMContentLoaded article", "",
			`<script>document.addEventListener("DOMContentLoaded", () => { `+writeArticle("dcl")+` });</script>`)),
		"/t400":  html(newsPage("Timer article", "", `<script>setTimeout(() => { `+writeArticle("t400")+` }, 400);</script>`)),
		"/t1500": html(newsPage("Slow timer article", "", `<script>setTimeout(() => { `+writeArticle("t1500")+` }, 1500);</script>`)),
		"/fetch": html(newsPage("Fetched article", "", `<script>
			fetch("/api/meta.json").then(r => r.json()).then(m => fetch(m.next)).then(r => r.json())
			  .then(d => { document.getElementById("article").innerHTML = d.html; });</script>`)),
		"/xhr": html(newsPage("XHR article", "", `<script>
			function get(u, f) { const x = new XMLHttpRequest(); x.open("GET", u); x.onload = () => f(JSON.parse(x.responseText)); x.send(); }
			get("/api/meta-xhr.json", m => get(m.next, d => { document.getElementById("article").innerHTML = d.html; }));</script>`)),
		"/api/meta.json":        jsonBody(map[string]string{"next": "/api/article.json"}),
		"/api/article.json":     jsonBody(map[string]string{"html": articleHTML("fetch")}),
		"/api/meta-xhr.json":    jsonBody(map[string]string{"next": "/api/article-xhr.json"}),
		"/api/article-xhr.json": jsonBody(map[string]string{"html": articleHTML("xhr")}),
		// Whole at load, but with a clock ticking and an analytics poll.
		"/busy-static": html(newsPage("Busy static article", articleHTML("busy"), `<script>
			setInterval(() => { document.title = "Busy static article " + Date.now(); }, 50);
			(function poll() { setTimeout(poll, 700); })();</script>`)),
	})
	p := newTestPool(t, Config{MaxTabs: 2, RenderTimeout: 8 * time.Second})
	for _, tc := range []struct{ path, topic string }{
		{"/static", "static"}, {"/dcl", "dcl"}, {"/t400", "t400"}, {"/t1500", "t1500"},
		{"/fetch", "fetch"}, {"/xhr", "xhr"}, {"/busy-static", "busy"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			r := renderWholeArticle(t, p, s.url(tc.path), tc.topic)
			if !r.Settled {
				t.Errorf("not settled: %s", r.Wait)
			}
			if tc.topic == "static" || tc.topic == "busy" {
				// A whole page is taken once it loaded, far before the caps.
				if w := phase(r.Phases, spanWait); w > lateWaitMax/2 {
					t.Errorf("a whole page waited %s (%s)", w, r.Wait)
				}
			}
			t.Logf("%s: %s, phases %v", tc.path, r.Wait, r.Phases)
		})
	}
}

func phase(ps []Phase, name string) time.Duration {
	for _, p := range ps {
		if p.Name == name {
			return p.D
		}
	}
	return -1
}

// Content that scripts write from frame callbacks (one or two
// requestAnimationFrames after load, an IntersectionObserver) appears: the
// page gets frames although nobody looks at it (--disable-threaded-compositing
// stops them: these placeholders stayed), and the wait waits for a frame
// callback that is due.
func TestFrameDrivenContent(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/raf": html(newsPage("Frame article", "", `<script>
			window.addEventListener("load", () => requestAnimationFrame(() => { `+writeArticle("raf")+` }));</script>`)),
		"/double-raf": html(newsPage("Painted article", "", `<script>
			requestAnimationFrame(() => requestAnimationFrame(() => { `+writeArticle("double")+` }));</script>`)),
		"/observer": html(newsPage("Observed article", "", `<script>
			new IntersectionObserver((es, o) => { if (es.some(e => e.isIntersecting)) { o.disconnect(); `+writeArticle("observer")+` } })
			  .observe(document.getElementById("article"));</script>`)),
	})
	p := newTestPool(t, Config{MaxTabs: 2, RenderTimeout: 8 * time.Second})
	for _, tc := range []struct{ path, topic string }{
		{"/raf", "raf"}, {"/double-raf", "double"}, {"/observer", "observer"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			renderWholeArticle(t, p, s.url(tc.path), tc.topic)
		})
	}
}
