package e2e

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// TestHostileSearchHostTrust: a search endpoint on loopback (SEARXNG_URL)
// is reachable by the search client only. Page reads of that host:port —
// any path, the endpoint's own path, other spellings of the address,
// redirects from an allowed site, over HTTP and in Chromium, and
// deep_research over results that point there — are refused without
// --allow-private, and the search host serves nothing but searches.
func TestHostileSearchHostTrust(t *testing.T) {
	noLeaks(t)
	chromiumOrSkip(t)
	searchHost := fixtures.Start() // plays SearXNG; its pages must stay unread
	t.Cleanup(searchHost.Close)
	other := fixtures.Start() // an allowed site that redirects to the search host
	t.Cleanup(other.Close)
	s := spawnServer(t, env(searchHost.URL, "DEEPRESEARCH_ALLOW_HOSTS="+hostPortOf(other.URL)))

	res, _ := call(t, s.c, "web_search", map[string]any{"query": "lighthouse lamps"}, 30*time.Second)
	if res == nil || res.IsError {
		t.Fatalf("web_search through the trusted endpoint: %v", res)
	}
	searches := searchHost.Hits("/searxng/search")
	if searches == 0 {
		t.Fatal("the search endpoint saw no request")
	}

	port := strings.TrimPrefix(searchHost.URL, "http://127.0.0.1:")
	type row struct{ url, render string }
	var rows []row
	for _, render := range []string{"never", "always"} {
		rows = append(rows,
			row{searchHost.URL + "/pages/article", render},
			row{searchHost.URL + "/searxng/search?q=lighthouse&format=json", render},
			row{"http://localhost:" + port + "/pages/article", render},
			row{"http://[::ffff:127.0.0.1]:" + port + "/pages/article", render},
			row{"http://2130706433:" + port + "/pages/article", render},
			row{other.URL + "/pages/redirect-to?url=" + url.QueryEscape(searchHost.URL+"/pages/article"), render},
			row{other.URL + "/pages/redirect-to?code=307&url=" + url.QueryEscape(searchHost.URL+"/searxng/search?q=x"), render},
		)
	}
	each(rows, 4, func(r row) {
		res, _ := call(t, s.c, "browse_page", map[string]any{"url": r.url, "render": r.render}, 45*time.Second)
		if res == nil {
			return
		}
		if !policyRefusal(res) {
			t.Errorf("render=%s %s: want a policy refusal, got isError=%v %.300q", r.render, r.url, res.IsError, text(res))
		}
	})
	// The allowed site itself is read (the refusals above are about the search host).
	if res, _ := call(t, s.c, "browse_page", map[string]any{"url": other.URL + "/pages/article", "render": "never"}, 30*time.Second); res == nil || res.IsError {
		t.Fatalf("the allowed site: %v", res)
	}

	// deep_research searches (allowed) and reads the results, which all
	// point at the search host (refused).
	res, _ = call(t, s.c, "deep_research", map[string]any{"question": "how do lighthouse lamps turn", "max_pages": 4, "time_budget_s": 30}, 60*time.Second)
	if res == nil {
		return
	}
	var out struct {
		Evidence []struct{ URL string } `json:"evidence"`
	}
	structured(t, res, &out)
	for _, e := range out.Evidence {
		if strings.Contains(e.URL, port) {
			t.Errorf("deep_research quoted the search host: %s", e.URL)
		}
	}
	if n := searchHost.Hits(""); n != searchHost.Hits("/searxng/search") {
		t.Errorf("the search host served %d requests, only %d of them searches: page reads reached it", n, searchHost.Hits("/searxng/search"))
	}
}
