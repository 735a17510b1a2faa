package search

import (
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Each API provider asks for a later results page in its own spelling, and
// says nothing of pages when the first is wanted.
func TestProviderPageRequests(t *testing.T) {
	tests := []struct {
		name, answer string
		cfg          func(base string) Config
		page         int
		check        func(c captured) string // "" when right
	}{
		{"searxng page 2", `{"results":[]}`, func(b string) Config { return Config{Order: []string{"searxng"}, SearXNGURL: b} }, 2,
			func(c captured) string { return wantParam(c.query.Get("pageno"), "2") }},
		{"searxng page 1", `{"results":[]}`, func(b string) Config { return Config{Order: []string{"searxng"}, SearXNGURL: b} }, 0,
			func(c captured) string { return wantParam(c.query.Get("pageno"), "1") }},
		{"brave page 3", `{"type":"search"}`, func(b string) Config { return Config{Order: []string{"brave"}, BraveKey: "k", BraveURL: b} }, 3,
			func(c captured) string { return wantParam(c.query.Get("offset"), "2") }},
		{"brave page 1", `{"type":"search"}`, func(b string) Config { return Config{Order: []string{"brave"}, BraveKey: "k", BraveURL: b} }, 1,
			func(c captured) string {
				if c.query.Has("offset") {
					return "offset sent for the first page"
				}
				return ""
			}},
		{"serper page 2", `{"organic":[]}`, func(b string) Config { return Config{Order: []string{"serper"}, SerperKey: "k", SerperURL: b} }, 2,
			func(c captured) string { return wantParam(fmt.Sprint(c.json["page"]), "2") }},
		{"serper page 1", `{"organic":[]}`, func(b string) Config { return Config{Order: []string{"serper"}, SerperKey: "k", SerperURL: b} }, 0,
			func(c captured) string {
				if _, ok := c.json["page"]; ok {
					return "page sent for the first page"
				}
				return ""
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, got := captureServer(t, tt.answer)
			e, _ := newEngine(t, tt.cfg(srv.URL))
			if _, err := e.Search(ctxT(t), Request{Query: "harbour history", Page: tt.page}); err != nil {
				t.Fatalf("Search: %v", err)
			}
			if msg := tt.check(got()); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func wantParam(got, want string) string {
	if got != want {
		return fmt.Sprintf("got %q, want %q", got, want)
	}
	return ""
}

func TestPageOutOfRangeSendsNothing(t *testing.T) {
	srv, got := captureServer(t, `{"results":[]}`)
	e, _ := newEngine(t, Config{Order: []string{"searxng"}, SearXNGURL: srv.URL})
	for _, page := range []int{-1, maxPage + 1} {
		_, err := e.Search(ctxT(t), Request{Query: "harbour", Page: page})
		if !errors.Is(err, ErrInvalidRequest) {
			t.Errorf("page %d: err %v, want ErrInvalidRequest", page, err)
		}
	}
	if c := got(); c.method != "" {
		t.Errorf("a request was sent: %s %s", c.method, c.path)
	}
}

// ddgPaged is a loopback DuckDuckGo HTML endpoint with two results pages.
// Page 1 is the saved results page (its Next form carries a vqd token);
// page 2 is served only to a form that carries that token and offset, as
// DuckDuckGo does: anything else asking for a later page gets the anomaly
// page. Page 2 has a Previous form before its Next-less end.
type ddgPaged struct {
	*httptest.Server
	mu    sync.Mutex
	posts []string // the s= of each request, "" for page 1
}

const ddgFixtureVQD = "4-123456789012345678901234567890123456789"

func startDDGPaged(t *testing.T) *ddgPaged {
	t.Helper()
	page1 := readFixture(t, "ddg_html.html")
	anomaly := readFixture(t, "ddg_anomaly.html")
	d := &ddgPaged{}
	d.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q, s, vqd := r.FormValue("q"), r.FormValue("s"), r.FormValue("vqd")
		d.mu.Lock()
		d.posts = append(d.posts, s)
		d.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		switch {
		case s == "":
			fmt.Fprint(w, strings.ReplaceAll(string(page1), "FIXTURE_QUERY", html.EscapeString(q)))
		case s == "10" && vqd == ddgFixtureVQD:
			fmt.Fprint(w, ddgSecondPage(q))
		default:
			_, _ = w.Write(anomaly)
		}
	}))
	t.Cleanup(d.Close)
	return d
}

func (d *ddgPaged) requests() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.posts...)
}

// ddgSecondPage is a later results page in the HTML endpoint's layout:
// header chrome, two results, and only a Previous form (no page after it).
func ddgSecondPage(q string) string {
	eq := html.EscapeString(q)
	result := func(host, title, snippet string) string {
		return `<div class="result results_links results_links_deep web-result ">
  <div class="links_main links_deep result__body">
    <h2 class="result__title"><a rel="nofollow" class="result__a" href="//duckduckgo.com/l/?uddg=https%3A%2F%2F` + host + `%2Fharbour&amp;rut=abc">` + title + `</a></h2>
    <div class="result__extras"><div class="result__extras__url"><a class="result__url" href="//duckduckgo.com/l/?uddg=https%3A%2F%2F` + host + `%2Fharbour">` + host + `/harbour</a></div></div>
    <a class="result__snippet" href="//duckduckgo.com/l/?uddg=https%3A%2F%2F` + host + `%2Fharbour">` + snippet + `</a>
    <div class="clear"></div>
  </div>
</div>`
	}
	return `<!DOCTYPE html><html><head><title>` + eq + ` at DuckDuckGo</title>
<script type="text/javascript">var DDG = {};</script></head>
<body class="body--html"><div class="header"><form id="search_form" action="/html/" method="post"><input name="q" type="text" value="` + eq + `"><input type="submit" value="S"></form></div>
<div id="links" class="results">
` + result("eleven.example", "Harbour <b>history</b>, part eleven", "The eleventh result: the <b>harbour</b> was dredged in 1870.") + `
` + result("twelve.example", "Old charts of the <b>harbour</b>", "Charts drawn before the breakwater was built.") + `
<div class="nav-link"><form action="/html/" method="post">
  <input type="submit" class='btn btn--alt' value="Previous" />
  <input type="hidden" name="q" value="` + eq + `" /><input type="hidden" name="s" value="0" />
  <input type="hidden" name="vqd" value="` + ddgFixtureVQD + `" /></form></div>
</div></body></html>`
}

// DuckDuckGo's second page is reached through page 1's Next form, its vqd
// token included; there is no third page after a page without a Next form.
func TestDuckDuckGoLaterPages(t *testing.T) {
	tests := []struct {
		page      int
		wantPosts []string
		wantFirst string // first result's URL, "" for no results
		wantN     int
	}{
		{1, []string{""}, "", -1}, // the saved page's own results (checked elsewhere)
		{2, []string{"", "10"}, "https://eleven.example/harbour", 2},
		{3, []string{"", "10"}, "", 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint("page ", tt.page), func(t *testing.T) {
			d := startDDGPaged(t)
			e, _ := newEngine(t, Config{Order: []string{"duckduckgo"}, DuckDuckGoURL: d.URL})
			resp, err := e.Search(ctxT(t), Request{Query: "harbour history", Page: tt.page})
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			if got := d.requests(); strings.Join(got, ",") != strings.Join(tt.wantPosts, ",") {
				t.Errorf("requests (s=) %q, want %q", got, tt.wantPosts)
			}
			if tt.wantN >= 0 && len(resp.Results) != tt.wantN {
				t.Fatalf("%d results, want %d: %+v", len(resp.Results), tt.wantN, resp.Results)
			}
			if tt.wantFirst != "" && resp.Results[0].URL != tt.wantFirst {
				t.Errorf("first result %q, want %q", resp.Results[0].URL, tt.wantFirst)
			}
			if tt.page == 1 && len(resp.Results) == 0 {
				t.Error("page 1 has no results")
			}
		})
	}
}

// A later page that DuckDuckGo refuses (no token: the anomaly page) is
// reported as blocked, not as "no results".
func TestDuckDuckGoLaterPageBlocked(t *testing.T) {
	anomaly := readFixture(t, "ddg_anomaly.html")
	page1 := readFixture(t, "ddg_html.html")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		if r.FormValue("s") == "" {
			_, _ = w.Write(page1)
			return
		}
		_, _ = w.Write(anomaly)
	}))
	t.Cleanup(srv.Close)
	e, _ := newEngine(t, Config{Order: []string{"duckduckgo"}, DuckDuckGoURL: srv.URL})
	_, err := e.Search(ctxT(t), Request{Query: "harbour", Page: 2})
	if !errors.Is(err, ErrBlocked) {
		t.Fatalf("err %v, want ErrBlocked", err)
	}
}

// The Next form of real saved pages (HTML and lite endpoints) gives the
// fields the next page is asked with.
func TestDDGNextPageRealPages(t *testing.T) {
	for _, file := range []string{"ddg_html_pagina_1.html", "ddg_lite_pagina_1.html"} {
		t.Run(file, func(t *testing.T) {
			next, ok := ddgNextPage(readShared(t, file))
			if !ok {
				t.Fatal("no next page found")
			}
			want := map[string]string{"q": "rust programming", "s": "10", "dc": "11", "vqd": "4-228146944907429031912155131235649544909", "kl": "wt-wt"}
			for k, v := range want {
				if got := next.Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
		})
	}
}

func TestDDGNextPageAbsent(t *testing.T) {
	tests := map[string]string{
		"previous only": ddgSecondPage("harbour"),
		"no results":    string(readFixture(t, "ddg_html_noresults.html")),
		"anomaly":       string(readFixture(t, "ddg_anomaly.html")),
		"not html":      "\x00\x01 not a page",
		"empty":         "",
	}
	for name, page := range tests {
		if next, ok := ddgNextPage([]byte(page)); ok {
			t.Errorf("%s: found a next page %v", name, next)
		}
	}
}

// Page 1 and page 2 of one query are two cache entries.
func TestEngineCachesPagesApart(t *testing.T) {
	d := startDDGPaged(t)
	e, _ := newEngine(t, Config{Order: []string{"duckduckgo"}, DuckDuckGoURL: d.URL})
	first, err := e.Search(ctxT(t), Request{Query: "harbour history"})
	if err != nil {
		t.Fatal(err)
	}
	second, err := e.Search(ctxT(t), Request{Query: "harbour history", Page: 2})
	if err != nil {
		t.Fatal(err)
	}
	if first.Results[0].URL == second.Results[0].URL {
		t.Fatalf("page 2 answered with page 1's results: %q", first.Results[0].URL)
	}
	again, err := e.Search(ctxT(t), Request{Query: "harbour history", Page: 2})
	if err != nil || again.Results[0].URL != second.Results[0].URL {
		t.Fatalf("page 2 again: %v %+v", err, again)
	}
	if n := len(d.requests()); n != 3 {
		t.Errorf("%d requests, want 3 (page 1, then page 1 and its next; page 2 again from the cache)", n)
	}
}
