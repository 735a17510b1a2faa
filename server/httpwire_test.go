package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	mcpserver "github.com/mark3labs/mcp-go/server"
)

// rawHTTP is a Streamable HTTP client at the wire: every message and header
// is the test's own.
type rawHTTP struct {
	t       *testing.T
	url     string
	session string
}

func (c *rawHTTP) do(ctx context.Context, method, body string, header ...string) *http.Response {
	c.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.url, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	req.Header.Set("Mcp-Protocol-Version", "2025-11-25")
	if c.session != "" {
		req.Header.Set("Mcp-Session-Id", c.session)
	}
	for i := 0; i+1 < len(header); i += 2 {
		if header[i+1] == "" {
			req.Header.Del(header[i])
		} else {
			req.Header.Set(header[i], header[i+1])
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp
}

// initialize opens a session.
func (c *rawHTTP) initialize() {
	c.t.Helper()
	resp := c.do(context.Background(), http.MethodPost, initBody)
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Mcp-Session-Id") == "" {
		c.t.Fatalf("initialize: %d, session %q", resp.StatusCode, resp.Header.Get("Mcp-Session-Id"))
	}
	c.session = resp.Header.Get("Mcp-Session-Id")
	resp = c.do(context.Background(), http.MethodPost, `{"jsonrpc":"2.0","method":"notifications/initialized"}`)
	resp.Body.Close()
}

// messages reads the JSON-RPC messages of a response, JSON or SSE, until it
// ends; each is sent on the returned channel.
func messages(resp *http.Response) <-chan map[string]any {
	out := make(chan map[string]any, 64)
	go func() {
		defer close(out)
		defer resp.Body.Close()
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
			var m map[string]any
			if json.NewDecoder(resp.Body).Decode(&m) == nil {
				out <- m
			}
			return
		}
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var m map[string]any
				if json.Unmarshal([]byte(data), &m) == nil {
					out <- m
				}
			}
		}
	}()
	return out
}

// addTicker registers a tool that sends n progress notifications, pausing
// between them, the way the real tools send theirs.
func addTicker(s *Server, n int, pause time.Duration) {
	s.MCP.AddTool(mcp.NewTool("tick"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		srv := mcpserver.ServerFromContext(ctx)
		for i := range n {
			_ = srv.SendNotificationToClient(ctx, "notifications/progress", map[string]any{"progressToken": req.Params.Meta.ProgressToken, "progress": i})
			select {
			case <-ctx.Done():
				return mcp.NewToolResultError("cancelled"), nil
			case <-time.After(pause):
			}
		}
		return mcp.NewToolResultText("done"), nil
	})
}

// TestHTTPProgressOnItsOwnStream: with the standalone GET stream open and
// two calls in flight, each call's progress arrives on its own POST stream,
// complete and in order, before its result; none reaches the GET stream.
func TestHTTPProgressOnItsOwnStream(t *testing.T) {
	s := newTestServer(t, Config{})
	const n = 20
	addTicker(s, n, 5*time.Millisecond)
	ts := httptest.NewServer(s.HTTPHandler())
	t.Cleanup(ts.Close)
	c := &rawHTTP{t: t, url: ts.URL + EndpointPath}
	c.initialize()

	getCtx, stopGet := context.WithCancel(context.Background())
	defer stopGet()
	get := c.do(getCtx, http.MethodGet, "")
	if get.StatusCode != 200 {
		t.Fatalf("GET stream: %d", get.StatusCode)
	}
	onGet := messages(get)
	time.Sleep(50 * time.Millisecond) // the GET stream is registered

	var wg sync.WaitGroup
	for _, id := range []string{`7`, `"7"`} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp := c.do(context.Background(), http.MethodPost, fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"method":"tools/call","params":{"name":"tick","_meta":{"progressToken":%s}}}`, id, id))
			var got []float64
			var result bool
			for m := range messages(resp) {
				switch {
				case m["method"] == "notifications/progress":
					if result {
						t.Errorf("id %s: progress after the result", id)
					}
					p := m["params"].(map[string]any)
					if fmt.Sprint(p["progressToken"]) != strings.Trim(id, `"`) {
						t.Errorf("id %s: progress of token %v on this stream", id, p["progressToken"])
					}
					got = append(got, p["progress"].(float64))
				case m["result"] != nil:
					result = true
				}
			}
			if !result || len(got) != n {
				t.Errorf("id %s: result %v, %d progress notifications of %d: %v", id, result, len(got), n, got)
			}
			for i := 1; i < len(got); i++ {
				if got[i] <= got[i-1] {
					t.Errorf("id %s: progress out of order: %v", id, got)
					break
				}
			}
		}()
	}
	wg.Wait()
	stopGet()
	for m := range onGet {
		if m["method"] == "notifications/progress" {
			t.Errorf("a call's progress reached the GET stream: %v", m)
		}
	}
}
