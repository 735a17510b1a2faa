package search

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/useragent"
)

// captured is what a provider sent to a throwaway server that answers with
// an empty but well-formed body in the provider's format.
type captured struct {
	method, path string
	query        url.Values
	form         url.Values
	header       http.Header
	json         map[string]any
}

func captureServer(t *testing.T, answer string) (*httptest.Server, func() captured) {
	t.Helper()
	var mu sync.Mutex
	var got captured
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		c := captured{method: r.Method, path: r.URL.Path, query: r.URL.Query(), header: r.Header.Clone()}
		if r.Header.Get("Content-Type") == "application/x-www-form-urlencoded" {
			c.form, _ = url.ParseQuery(string(body))
		}
		if r.Header.Get("Content-Type") == "application/json" {
			_ = json.Unmarshal(body, &c.json)
		}
		mu.Lock()
		got = c
		mu.Unlock()
		_, _ = io.WriteString(w, answer)
	}))
	t.Cleanup(srv.Close)
	return srv, func() captured { mu.Lock(); defer mu.Unlock(); return got }
}

func TestProviderRequests(t *testing.T) {
	req := Request{Query: "climate report", Recency: "week", IncludeDomains: []string{"ipcc.ch"}}
	tests := []struct {
		name   string
		answer string
		cfg    func(base string) Config
		check  func(t *testing.T, c captured)
	}{
		{"duckduckgo", `<html><body><div id="links"><div class="no-results">No results.</div></div></body></html>`,
			func(base string) Config {
				return Config{Order: []string{"duckduckgo"}, DuckDuckGoURL: base, Region: "de-de"}
			},
			func(t *testing.T, c captured) {
				want := map[string]string{"q": "climate report site:ipcc.ch", "kl": "de-de", "df": "w", "b": ""}
				if c.method != "POST" || c.path != "/html/" {
					t.Errorf("%s %s", c.method, c.path)
				}
				for k, v := range want {
					if got, ok := c.form[k]; !ok || got[0] != v {
						t.Errorf("form %s = %v, want %q", k, got, v)
					}
				}
				for _, h := range []string{"Sec-Fetch-Mode", "Sec-Ch-Ua", "Accept-Language", "Origin", "Referer"} {
					if c.header.Get(h) == "" {
						t.Errorf("browser header %s missing", h)
					}
				}
				if ua := c.header.Get("User-Agent"); ua != useragent.Chrome {
					t.Errorf("User-Agent %q", ua)
				}
			}},
		{"searxng", `{"results":[]}`,
			func(base string) Config {
				return Config{Order: []string{"searxng"}, SearXNGURL: base + "/", Region: "us-en"}
			},
			func(t *testing.T, c captured) {
				want := map[string]string{"q": "climate report site:ipcc.ch", "format": "json", "time_range": "week", "language": "en-US"}
				if c.method != "GET" || c.path != "/search" {
					t.Errorf("%s %s", c.method, c.path)
				}
				for k, v := range want {
					if got := c.query.Get(k); got != v {
						t.Errorf("param %s = %q, want %q", k, got, v)
					}
				}
			}},
		{"brave", `{"type":"search"}`,
			func(base string) Config {
				return Config{Order: []string{"brave"}, BraveKey: "brave-key", BraveURL: base, Region: "uk-en"}
			},
			func(t *testing.T, c captured) {
				want := map[string]string{"q": "climate report site:ipcc.ch", "freshness": "pw", "count": "10", "country": "GB"}
				if c.method != "GET" || c.path != "/res/v1/web/search" {
					t.Errorf("%s %s", c.method, c.path)
				}
				for k, v := range want {
					if got := c.query.Get(k); got != v {
						t.Errorf("param %s = %q, want %q", k, got, v)
					}
				}
				if got := c.header.Get("X-Subscription-Token"); got != "brave-key" {
					t.Errorf("token header %q", got)
				}
			}},
		{"serper", `{"organic":[]}`,
			func(base string) Config {
				return Config{Order: []string{"serper"}, SerperKey: "serper-key", SerperURL: base, Region: "fr-fr"}
			},
			func(t *testing.T, c captured) {
				want := map[string]any{"q": "climate report site:ipcc.ch", "tbs": "qdr:w", "num": 10.0, "gl": "fr", "hl": "fr"}
				if c.method != "POST" || c.path != "/search" {
					t.Errorf("%s %s", c.method, c.path)
				}
				for k, v := range want {
					if got := c.json[k]; got != v {
						t.Errorf("body %s = %v, want %v", k, got, v)
					}
				}
				if got := c.header.Get("X-API-KEY"); got != "serper-key" {
					t.Errorf("key header %q", got)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, got := captureServer(t, tt.answer)
			e, _ := newEngine(t, tt.cfg(srv.URL))
			resp, err := e.Search(ctxT(t), req)
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			if len(resp.Results) != 0 || resp.Provider != tt.name {
				t.Errorf("resp %+v", resp)
			}
			tt.check(t, got())
		})
	}
}

func TestDuckDuckGoEndpointFromBase(t *testing.T) {
	tests := []struct{ base, wantPath string }{
		{"", "/html/"},
		{"/", "/html/"},
		{"/html/", "/html/"},
		{"/lite", "/lite/"},
		{"/proxy/ddg", "/proxy/ddg/html/"},
	}
	for _, tt := range tests {
		srv, got := captureServer(t, `<html><body><div id="links"></div></body></html>`)
		e, _ := newEngine(t, Config{DuckDuckGoURL: srv.URL + tt.base})
		if _, err := e.Search(ctxT(t), Request{Query: "endpoint"}); err != nil {
			t.Fatalf("%q: %v", tt.base, err)
		}
		if p := got().path; p != tt.wantPath {
			t.Errorf("base %q: request went to %q, want %q", tt.base, p, tt.wantPath)
		}
	}
}
