package e2e

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// testWeb is the little web these tests need: a SearXNG endpoint and an
// article. (The shared fixtures package serves the full fixture web for the
// engines' own tests.)
type testWeb struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

const articleHTML = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The Raft Consensus Algorithm</title></head>
<body><nav><a href="/">Home</a></nav><main><article><h1>The Raft Consensus Algorithm</h1>
<p>Raft is a consensus algorithm designed as an alternative to the Paxos family of algorithms. It was meant to be more understandable than Paxos by means of separation of logic.</p>
<p>Raft achieves consensus via an elected leader. A server in a Raft cluster is either a leader or a follower, and can be a candidate in the precise case of an election.</p>
<p>Read the <a href="/pages/paper">original paper</a> for the details of leader election and log replication.</p>
</article></main><footer>Footer text</footer></body></html>`

func startWeb(t testing.TB) *testWeb {
	t.Helper()
	w := &testWeb{hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /searxng/search", func(rw http.ResponseWriter, r *http.Request) {
		base := "http://" + r.Host
		q := r.URL.Query().Get("q")
		rw.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(rw).Encode(map[string]any{
			"query": q,
			"results": []map[string]any{
				{"url": base + "/pages/article", "title": "The Raft Consensus Algorithm", "content": "Raft is a consensus algorithm. Query: " + html.EscapeString(q), "engines": []string{"fixture"}},
				{"url": "https://example.org/raft", "title": "Raft elsewhere", "content": "Another page about Raft.", "engines": []string{"fixture"}},
			},
		})
	})
	mux.HandleFunc("GET /pages/article", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(rw, articleHTML)
	})
	w.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		w.mu.Lock()
		w.hits[r.URL.Path]++
		w.mu.Unlock()
		mux.ServeHTTP(rw, r)
	}))
	w.Start()
	t.Cleanup(w.Close)
	return w
}

func (w *testWeb) Hits(path string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.hits[path]
}
