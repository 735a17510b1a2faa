package e2e

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/weburl"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools"
)

// namedWeb serves the test article under real-looking names: the binary
// resolves them to loopback through DEEPRESEARCH_HOSTS, so the domain
// filters see example.org hosts, as they would on the web.
//   - docs.example.org/pages/article: the Raft article
//   - example.org/pages/leader: a second Raft page
//   - example.org/pages/away: redirects to elsewhere.example.net/pages/offsite,
//     a Raft page whose sentences carry the word "Offsite"
type namedWeb struct {
	*httptest.Server
	port string
}

const offsiteHTML = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Raft consensus explained</title></head>
<body><main><article><h1>Raft consensus explained</h1>
<p>Offsite: Raft reaches consensus by electing a leader that replicates its log to a majority of the servers in the cluster.</p>
<p>Offsite: a Raft leader commits an entry once a majority of followers have stored it, which is how consensus is reached.</p>
</article></main></body></html>`

const leaderHTML = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Raft leader election</title></head>
<body><main><article><h1>Raft leader election</h1>
<p>In Raft, consensus is reached through an elected leader: a follower that hears no heartbeat becomes a candidate and asks the other servers for votes.</p>
<p>The candidate that wins votes from a majority of the cluster becomes the leader and replicates log entries to the followers.</p>
</article></main></body></html>`

func startNamedWeb(t *testing.T) *namedWeb {
	t.Helper()
	w := &namedWeb{}
	page := func(body string) http.HandlerFunc {
		return func(rw http.ResponseWriter, r *http.Request) {
			rw.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(rw, body)
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /searxng/search", func(rw http.ResponseWriter, r *http.Request) {
		q := r.URL.Query().Get("q")
		rw.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(rw).Encode(map[string]any{
			"query": q,
			"results": []map[string]any{
				{"url": "http://docs.example.org:" + w.port + "/pages/article", "title": "The Raft Consensus Algorithm", "content": "Raft is a consensus algorithm.", "engines": []string{"fixture"}},
				{"url": "http://example.org:" + w.port + "/pages/away", "title": "How Raft reaches consensus", "content": "Raft reaches consensus through a leader.", "engines": []string{"fixture"}},
				{"url": "http://example.org:" + w.port + "/pages/leader", "title": "Raft leader election", "content": "Raft elects a leader.", "engines": []string{"fixture"}},
			},
		})
	})
	mux.HandleFunc("GET /pages/article", page(articleHTML))
	mux.HandleFunc("GET /pages/leader", page(leaderHTML))
	mux.HandleFunc("GET /pages/offsite", page(offsiteHTML))
	mux.HandleFunc("GET /pages/paper", page(leaderHTML))
	mux.HandleFunc("GET /pages/away", func(rw http.ResponseWriter, r *http.Request) {
		http.Redirect(rw, r, "http://elsewhere.example.net:"+w.port+"/pages/offsite", http.StatusFound)
	})
	w.Server = httptest.NewServer(mux)
	t.Cleanup(w.Close)
	_, w.port, _ = net.SplitHostPort(w.Listener.Addr().String())
	return w
}

func (w *namedWeb) env() []string {
	return env(w.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1",
		"DEEPRESEARCH_HOSTS=docs.example.org=127.0.0.1,example.org=127.0.0.1,www.example.org=127.0.0.1,elsewhere.example.net=127.0.0.1")
}

func research(t *testing.T, w *namedWeb, args map[string]any) tools.DeepResearchOutput {
	t.Helper()
	c, _ := spawn(t, w.env())
	args["question"] = "How does Raft reach consensus?"
	args["time_budget_s"] = 20
	res, _ := call(t, c, "deep_research", args, 40*time.Second)
	if res == nil {
		t.FailNow()
	}
	if res.IsError {
		t.Fatalf("deep_research isError: %s", text(res))
	}
	var out tools.DeepResearchOutput
	structured(t, res, &out)
	return out
}

// TestDeepResearchDomainForms: the wildcard and www. forms of include_domains
// mean the site example.org, in deep_research as in web_search.
func TestDeepResearchDomainForms(t *testing.T) {
	w := startNamedWeb(t)
	for _, include := range [][]string{{"*.example.org"}, {"www.example.org"}, {"https://Example.org/some/path"}} {
		t.Run(include[0], func(t *testing.T) {
			out := research(t, w, map[string]any{"include_domains": include, "max_pages": 3, "max_depth": 0})
			if len(out.Evidence) == 0 {
				t.Fatalf("include_domains %v: no evidence; sources %+v", include, out.Sources)
			}
			allowed, err := weburl.ParseDomains([]string{"example.org"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range out.Evidence {
				if !allowed.Allows(e.URL) {
					t.Errorf("evidence from %s, outside example.org", e.URL)
				}
			}
		})
	}
}

// TestDeepResearchRedirectOutOfDomains: a result that redirects out of the
// allowed domains supplies no evidence; its source says it was skipped.
func TestDeepResearchRedirectOutOfDomains(t *testing.T) {
	w := startNamedWeb(t)
	out := research(t, w, map[string]any{"include_domains": []string{"example.org"}, "max_pages": 3, "max_depth": 0})
	if len(out.Evidence) == 0 {
		t.Fatalf("no evidence at all (the test web has two allowed Raft pages); sources %+v", out.Sources)
	}
	for _, e := range out.Evidence {
		if strings.Contains(e.Quote, "Offsite") || strings.Contains(e.URL, "elsewhere.example.net") {
			t.Errorf("evidence from the page outside the domains: %+v", e)
		}
	}
	var away *tools.ResearchSource
	for i, s := range out.Sources {
		if u, err := url.Parse(s.URL); err == nil && u.Path == "/pages/away" {
			away = &out.Sources[i]
		}
		if strings.Contains(s.URL, "elsewhere.example.net") && s.Status == "ok" {
			t.Errorf("the redirect target is listed as read: %+v", s)
		}
	}
	if away == nil {
		t.Fatalf("the redirecting result is not among the sources: %+v", out.Sources)
	}
	if away.Status != "skipped" || !strings.Contains(away.Reason, "outside the include/exclude domains") {
		t.Errorf("redirecting source %+v; want status skipped with the reason", *away)
	}
}

// TestDeepResearchBadDomain: junk in a domain list is an isError naming it.
func TestDeepResearchBadDomain(t *testing.T) {
	w := startNamedWeb(t)
	c, _ := spawn(t, w.env())
	res, _ := call(t, c, "deep_research", map[string]any{"question": "How does Raft reach consensus?", "exclude_domains": []string{"example dot org"}}, 20*time.Second)
	if res == nil || !res.IsError || !strings.Contains(text(res), `exclude_domains entry "example dot org" is not a domain`) {
		t.Fatalf("want an isError naming the entry, got %+v", res)
	}
}
