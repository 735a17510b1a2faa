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
	resp, err := c.try(ctx, method, body, header...)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp
}

// try is do for a request that may fail (off the test's goroutine).
func (c *rawHTTP) try(ctx context.Context, method, body string, header ...string) (*http.Response, error) {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.url, rd)
	if err != nil {
		return nil, err
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
	return http.DefaultClient.Do(req)
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

// holder is a tool that holds each call until release is closed or the
// call is cancelled, reporting which "tag" argument ended which way.
type holder struct {
	release   chan struct{}
	once      sync.Once
	started   chan string
	cancelled chan string
}

// releaseAll lets every held call finish.
func (h *holder) releaseAll() { h.once.Do(func() { close(h.release) }) }

// addHolder registers the tool. A test releases the calls still held when
// it ends (it failed) before its server closes: t.Cleanup(h.releaseAll)
// after t.Cleanup(ts.Close).
func addHolder(t *testing.T, s *Server) *holder {
	h := &holder{release: make(chan struct{}), started: make(chan string, 16), cancelled: make(chan string, 16)}
	s.MCP.AddTool(mcp.NewTool("hold", mcp.WithString("tag")), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		tag := req.GetString("tag", "")
		h.started <- tag
		select {
		case <-ctx.Done():
			h.cancelled <- tag
			return mcp.NewToolResultError("cancelled " + tag), nil
		case <-h.release:
			return mcp.NewToolResultText("released " + tag), nil
		}
	})
	return h
}

func (h *holder) wait(t *testing.T, ch chan string, n int, what string) map[string]bool {
	t.Helper()
	got := map[string]bool{}
	for len(got) < n {
		select {
		case tag := <-ch:
			got[tag] = true
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: got %v, want %d", what, got, n)
		}
	}
	return got
}

func holdCall(id, tag string) string {
	return fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"method":"tools/call","params":{"name":"hold","arguments":{"tag":%q}}}`, id, tag)
}

// answer collects what a POST stream carried.
type answer struct {
	tag  string
	msgs []map[string]any
}

func (a answer) result() string {
	for _, m := range a.msgs {
		if r, ok := m["result"].(map[string]any); ok {
			b, _ := json.Marshal(r)
			return string(b)
		}
	}
	return ""
}

func startCall(c *rawHTTP, id, tag string, out chan<- answer) {
	go func() {
		a := answer{tag: tag}
		resp, err := c.try(context.Background(), http.MethodPost, holdCall(id, tag))
		if err != nil {
			a.msgs = append(a.msgs, map[string]any{"transport error": err.Error()})
			out <- a
			return
		}
		for m := range messages(resp) {
			a.msgs = append(a.msgs, m)
		}
		out <- a
	}()
}

// TestHTTPCancelExactIDAndSession: a cancel reaches only the call of its
// own session with exactly its id (61 is not "61"), and that call's stream
// ends without a response; the others are answered.
func TestHTTPCancelExactIDAndSession(t *testing.T) {
	s := newTestServer(t, Config{})
	h := addHolder(t, s)
	ts := httptest.NewServer(s.HTTPHandler())
	t.Cleanup(ts.Close)
	t.Cleanup(h.releaseAll)
	a := &rawHTTP{t: t, url: ts.URL + EndpointPath}
	a.initialize()
	b := &rawHTTP{t: t, url: ts.URL + EndpointPath}
	b.initialize()

	answers := make(chan answer, 4)
	startCall(a, `61`, "a-numeric", answers)
	startCall(a, `"61"`, "a-string", answers)
	startCall(b, `61`, "b-numeric", answers)
	h.wait(t, h.started, 3, "calls started")

	resp := a.do(context.Background(), http.MethodPost, `{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":61}}`)
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Errorf("cancel notification: %d, want 202", resp.StatusCode)
	}
	if got := h.wait(t, h.cancelled, 1, "cancelled"); !got["a-numeric"] {
		t.Fatalf("cancelled %v, want a-numeric", got)
	}
	h.releaseAll()
	for range 3 {
		ans := <-answers
		switch ans.tag {
		case "a-numeric":
			if len(ans.msgs) != 0 {
				t.Errorf("the cancelled call's stream carried %v", ans.msgs)
			}
		default:
			if !strings.Contains(ans.result(), "released "+ans.tag) {
				t.Errorf("%s: answer %v", ans.tag, ans.msgs)
			}
		}
	}
	select {
	case tag := <-h.cancelled:
		t.Errorf("%s was cancelled too", tag)
	default:
	}
}

// TestHTTPModernCancelReachesNoOne: at protocol 2026-07-28 there are no
// sessions and closing the stream is the cancellation; a sessionless
// notifications/cancelled must not reach another client's call.
func TestHTTPModernCancelReachesNoOne(t *testing.T) {
	s := newTestServer(t, Config{})
	h := addHolder(t, s)
	ts := httptest.NewServer(s.HTTPHandler())
	t.Cleanup(ts.Close)
	t.Cleanup(h.releaseAll)
	c := &rawHTTP{t: t, url: ts.URL + EndpointPath}
	const meta = `"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientInfo":{"name":"m","version":"0"},"io.modelcontextprotocol/clientCapabilities":{}}`
	modern := []string{"Mcp-Protocol-Version", "2026-07-28"}

	ctx, hangUp := context.WithCancel(context.Background())
	defer hangUp()
	done := make(chan struct{})
	go func() {
		defer close(done)
		resp, err := c.try(ctx, http.MethodPost, `{"jsonrpc":"2.0","id":61,"method":"tools/call","params":{"name":"hold","arguments":{"tag":"modern"},`+meta+`}}`, append(modern, "Mcp-Method", "tools/call", "Mcp-Name", "hold")...)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}()
	select {
	case <-h.started:
	case <-time.After(10 * time.Second):
		t.Fatal("the modern call did not start")
	}
	resp := c.do(context.Background(), http.MethodPost, `{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":61,`+meta+`}}`, modern...)
	resp.Body.Close()
	select {
	case <-h.cancelled:
		t.Fatal("a sessionless cancel reached a call")
	case <-time.After(300 * time.Millisecond):
	}
	hangUp() // the client closes its stream: that is the cancellation
	select {
	case <-h.cancelled:
	case <-time.After(10 * time.Second):
		t.Fatal("closing the stream did not cancel the call")
	}
	<-done
}

// TestHTTPSessions: only sessions the server minted and has not ended are
// served; DELETE ends a session and cancels its calls without an answer.
func TestHTTPSessions(t *testing.T) {
	s := newTestServer(t, Config{})
	h := addHolder(t, s)
	ts := httptest.NewServer(s.HTTPHandler())
	t.Cleanup(ts.Close)
	t.Cleanup(h.releaseAll)
	c := &rawHTTP{t: t, url: ts.URL + EndpointPath}
	c.initialize()
	ping := `{"jsonrpc":"2.0","id":2,"method":"ping"}`
	status := func(method, body string, header ...string) int {
		t.Helper()
		// A GET that is (wrongly) served opens an endless stream.
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		resp := c.do(ctx, method, body, header...)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	made := "mcp-session-" + "0123456789abcdef0123456789abcdef"
	for _, tc := range []struct {
		name, method, body string
		header             []string
		want               int
	}{
		{"live session", http.MethodPost, ping, nil, 200},
		{"made-up session", http.MethodPost, ping, []string{"Mcp-Session-Id", made}, 404},
		{"made-up uuid session", http.MethodPost, ping, []string{"Mcp-Session-Id", "mcp-session-8c7e7c1e-2d2a-4c55-9a44-1f0e6f3b2a10"}, 404},
		{"no session", http.MethodPost, ping, []string{"Mcp-Session-Id", ""}, 400},
		{"GET with a made-up session", http.MethodGet, "", []string{"Mcp-Session-Id", made}, 404},
		{"DELETE of an unknown session", http.MethodDelete, "", []string{"Mcp-Session-Id", made}, 404},
	} {
		if got := status(tc.method, tc.body, tc.header...); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}

	answers := make(chan answer, 1)
	startCall(c, `3`, "in-session", answers)
	h.wait(t, h.started, 1, "call started")
	if got := status(http.MethodDelete, ""); got != 200 {
		t.Fatalf("DELETE: %d", got)
	}
	h.wait(t, h.cancelled, 1, "call cancelled by DELETE")
	if ans := <-answers; len(ans.msgs) != 0 {
		t.Errorf("a call of the deleted session was answered: %v", ans.msgs)
	}
	for _, m := range []string{http.MethodPost, http.MethodGet, http.MethodDelete} {
		body := ""
		if m == http.MethodPost {
			body = ping
		}
		if got := status(m, body); got != 404 {
			t.Errorf("%s after DELETE: %d, want 404", m, got)
		}
	}
}
