package e2e

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
)

// call makes one tool call that must be answered (result or isError) within
// budget; a protocol error or a late answer fails the test.
func call(t testing.TB, c *client.Client, name string, args map[string]any, budget time.Duration) (*mcp.CallToolResult, time.Duration) {
	t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	req.Params.Arguments = args
	// The context gives the answer some slack past its budget, so a
	// late answer is reported as late rather than as a lost one.
	ctx, cancel := context.WithTimeout(context.Background(), budget+30*time.Second)
	defer cancel()
	start := time.Now()
	res, err := c.CallTool(ctx, req)
	took := time.Since(start)
	if err != nil {
		t.Errorf("%s %v: protocol error after %v: %v; tool failures must be isError results", name, args, took.Round(time.Millisecond), err)
		return nil, took
	}
	if took > budget {
		t.Errorf("%s %v: answered after %v, over its %v budget", name, args, took.Round(time.Millisecond), budget)
	}
	return res, took
}

// each runs f for every item with at most n at once (the server runs calls
// concurrently; the matrices would take minutes one by one).
func each[T any](items []T, n int, f func(T)) {
	sem := make(chan struct{}, n)
	var wg sync.WaitGroup
	for _, it := range items {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			f(it)
		})
	}
	wg.Wait()
}

// browseOut decodes browse_page's structured content.
type browseOut struct {
	URL        string `json:"url"`
	FinalURL   string `json:"final_url"`
	Title      string `json:"title"`
	Content    string `json:"content"`
	NextOffset *int   `json:"next_offset"`
	TotalChars int    `json:"total_chars"`
	Links      []struct {
		N    int    `json:"n"`
		Text string `json:"text"`
		URL  string `json:"url"`
	} `json:"links"`
	Rendered bool   `json:"rendered"`
	Cached   bool   `json:"cached"`
	Note     string `json:"note"`
}

func structured(t testing.TB, res *mcp.CallToolResult, v any) string {
	t.Helper()
	raw, err := json.Marshal(res.StructuredContent)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("structured content %s: %v", raw, err)
	}
	return string(raw)
}

func policyRefusal(res *mcp.CallToolResult) bool {
	return res != nil && res.IsError && strings.Contains(text(res), "refused by policy")
}

// listener is an HTTP server on loopback that counts every connection it
// accepts, not only the requests that made it through, and records the
// requests it served (path, ?kind=, Upgrade).
type listener struct {
	*httptest.Server
	conns atomic.Int64
	mu    sync.Mutex
	reqs  []string
}

func startListener(t testing.TB) *listener {
	t.Helper()
	l := &listener{}
	l.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		kind := r.URL.Query().Get("kind")
		if r.Header.Get("Upgrade") != "" {
			kind = "upgrade:" + strings.ToLower(r.Header.Get("Upgrade"))
		}
		l.mu.Lock()
		l.reqs = append(l.reqs, r.URL.Path+" "+kind)
		l.mu.Unlock()
		switch kind {
		case "script":
			w.Header().Set("Content-Type", "text/javascript")
			_, _ = w.Write([]byte("void 0;"))
		case "css":
			w.Header().Set("Content-Type", "text/css")
			_, _ = w.Write([]byte("p{}"))
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(`<!DOCTYPE html><html><head><title>Victim</title></head><body><article><h1>Victim</h1><p>VICTIM-SECRET-FACT: this text lives on a loopback server that must only be read when private targets are allowed. It has a few sentences so that extraction keeps it as the main content of the page.</p></article></body></html>`))
		}
	}))
	l.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			l.conns.Add(1)
		}
	}
	l.Start()
	t.Cleanup(l.Close)
	return l
}

func (l *listener) port() string {
	_, p, _ := net.SplitHostPort(l.Listener.Addr().String())
	return p
}

func (l *listener) kinds() map[string]int {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := map[string]int{}
	for _, r := range l.reqs {
		_, k, _ := strings.Cut(r, " ")
		out[k]++
	}
	return out
}
