package browser

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestRender covers what one render must deliver, on one shared browser.
func TestRender(t *testing.T) {
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	s := newSite(t, map[string]http.HandlerFunc{
		"/static": html(`<!doctype html><html><head><title>A static article</title></head>
			<body><article><h1>Static heading</h1><p>Plain server-side text.</p></article></body></html>`),
		"/spa": html(`<!doctype html><html><head><title>SPA</title></head><body><div id="root"></div>
			<noscript>Please enable JavaScript</noscript>
			<script>setTimeout(function(){document.getElementById("root").innerHTML =
			  "<p>Text that only JavaScript writes.</p>"; document.title = "SPA loaded";}, 150)</script></body></html>`),
		"/spa-xhr": html(`<!doctype html><html><body><div id="root">loading</div><script>
			fetch("/api").then(r => r.json()).then(d => { document.getElementById("root").textContent = d.text; });
			</script></body></html>`),
		"/api":          slow(300*time.Millisecond, `{"text":"Data fetched by XHR."}`),
		"/jsredirect":   html(`<!doctype html><html><body><script>location.href = "/landing?from=js"</script></body></html>`),
		"/metaredirect": html(`<!doctype html><html><head><meta http-equiv="refresh" content="0; url=/landing?from=meta"></head><body>moving</body></html>`),
		"/landing":      html(`<!doctype html><html><head><title>Landing</title></head><body><p>You have landed.</p></body></html>`),
		"/gone": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte("<html><body><p>No such page here.</p></body></html>"))
		},
		"/endless": hang(done),
		"/alert": html(`<!doctype html><html><body><script>alert("hello"); confirm("sure?");
			document.body.insertAdjacentHTML("beforeend", "<p>after the dialogs</p>")</script></body></html>`),
		"/download": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Header().Set("Content-Disposition", `attachment; filename="data.bin"`)
			_, _ = w.Write(make([]byte, 1024))
		},
		"/deep": html(`<!doctype html><html><body><p>top</p><script>
			let el = document.body; for (let i = 0; i < 100000; i++) { const d = document.createElement("div"); el.appendChild(d); el = d; }
			el.textContent = "bottom";</script></body></html>`),
		"/loop": html(`<!doctype html><html><head><title>Loop</title></head><body><p>before the loop</p>
			<script>for (;;) {}</script></body></html>`),
	})

	p := newTestPool(t, Config{MaxTabs: 2, RenderTimeout: 5 * time.Second})

	tests := []struct {
		name      string
		path      string
		status    int
		final     string // suffix of FinalURL
		title     string
		want      []string
		absent    []string
		maxTime   time.Duration
		wantErr   error
		errSubstr string
		mayCrash  bool // hostile input: a crashed tab is a clean answer too
	}{
		{name: "static page", path: "/static", status: 200, final: "/static", title: "A static article",
			want: []string{"Static heading", "Plain server-side text."}},
		{name: "SPA text after JS", path: "/spa", status: 200, title: "SPA loaded",
			want: []string{"Text that only JavaScript writes."}, absent: []string{"<script", "<noscript", "enable JavaScript"}},
		{name: "SPA waits for XHR", path: "/spa-xhr", status: 200, want: []string{"Data fetched by XHR."}},
		{name: "JS location redirect", path: "/jsredirect", status: 200, final: "/landing?from=js", title: "Landing",
			want: []string{"You have landed."}},
		{name: "meta refresh redirect", path: "/metaredirect", status: 200, final: "/landing?from=meta",
			want: []string{"You have landed."}},
		{name: "404 status reported", path: "/gone", status: 404, want: []string{"No such page here."}},
		{name: "never finishes loading", path: "/endless", status: 200, title: "Endless",
			want: []string{"The first paragraph arrived."}, maxTime: 4 * time.Second},
		{name: "alert and confirm dismissed", path: "/alert", status: 200, want: []string{"after the dialogs"},
			maxTime: 3 * time.Second},
		{name: "download is not a page", path: "/download", wantErr: ErrNavigation, errSubstr: "download"},
		{name: "100k-deep DOM", path: "/deep", status: 200, want: []string{"top"}, mayCrash: true, maxTime: 5 * time.Second},
		{name: "infinite JS loop", path: "/loop", wantErr: ErrTimeout, errSubstr: "timed out after 5s rendering",
			maxTime: 6500 * time.Millisecond},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			r, err := p.Render(context.Background(), s.url(tc.path))
			took := time.Since(start)
			if tc.maxTime > 0 && took > tc.maxTime {
				t.Errorf("took %v, want at most %v", took, tc.maxTime)
			}
			if tc.mayCrash && errors.Is(err, ErrCrashed) {
				t.Logf("tab crashed: %v", err)
				return
			}
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				if !strings.Contains(err.Error(), tc.errSubstr) {
					t.Errorf("err %q lacks %q", err, tc.errSubstr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			if r.Status != tc.status {
				t.Errorf("Status = %d, want %d", r.Status, tc.status)
			}
			if r.URL != s.url(tc.path) {
				t.Errorf("URL = %q", r.URL)
			}
			if tc.final != "" && !strings.HasSuffix(r.FinalURL, tc.final) {
				t.Errorf("FinalURL = %q, want suffix %q", r.FinalURL, tc.final)
			}
			if tc.title != "" && r.Title != tc.title {
				t.Errorf("Title = %q, want %q", r.Title, tc.title)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.HTML, w) {
					t.Errorf("HTML lacks %q:\n%s", w, r.HTML)
				}
			}
			for _, a := range tc.absent {
				if strings.Contains(r.HTML, a) {
					t.Errorf("HTML contains %q:\n%s", a, r.HTML)
				}
			}
		})
	}
	if st := p.Stats(); st.OpenTabs != 0 || st.MaxOpenTabs > 2 {
		t.Errorf("stats after renders: %+v", st)
	}
}
