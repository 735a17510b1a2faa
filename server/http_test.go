package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
)

const testToken = "s3cret-token"

func newTestServer(t *testing.T, cfg Config) *Server {
	t.Helper()
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

const initBody = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"0"}}}`

func TestHTTPGuard(t *testing.T) {
	s := newTestServer(t, Config{AuthToken: testToken, AllowedOrigins: []string{"https://app.example.com/"}})
	ts := httptest.NewServer(s.HTTPHandler())
	t.Cleanup(ts.Close)

	big := bytes.Repeat([]byte("x"), MaxRequestBody+1)
	for _, tc := range []struct {
		name    string
		path    string
		body    io.Reader
		chunked bool
		header  map[string]string
		host    string
		method  string
		status  int
	}{
		{name: "right token", header: map[string]string{"Authorization": "Bearer " + testToken}, status: 200},
		{name: "token scheme is case-insensitive", header: map[string]string{"Authorization": "bearer " + testToken}, status: 200},
		{name: "no token", status: 401},
		{name: "wrong token", header: map[string]string{"Authorization": "Bearer nope"}, status: 401},
		{name: "token as basic auth", header: map[string]string{"Authorization": "Basic " + testToken}, status: 401},
		{name: "foreign origin", header: map[string]string{"Authorization": "Bearer " + testToken, "Origin": "https://evil.example"}, status: 403},
		{name: "foreign origin without token", header: map[string]string{"Origin": "https://evil.example"}, status: 403},
		{name: "null origin", header: map[string]string{"Authorization": "Bearer " + testToken, "Origin": "null"}, status: 403},
		{name: "localhost origin", header: map[string]string{"Authorization": "Bearer " + testToken, "Origin": "http://localhost:6274"}, status: 200},
		{name: "loopback origin", header: map[string]string{"Authorization": "Bearer " + testToken, "Origin": "http://127.0.0.1:3000"}, status: 200},
		{name: "listed origin", header: map[string]string{"Authorization": "Bearer " + testToken, "Origin": "https://APP.example.com"}, status: 200},
		{name: "lookalike origin", header: map[string]string{"Authorization": "Bearer " + testToken, "Origin": "https://localhost.evil.example"}, status: 403},
		{name: "DNS rebinding Host", host: "evil.example:80", header: map[string]string{"Authorization": "Bearer " + testToken}, status: 403},
		{name: "oversized body", body: bytes.NewReader(big), header: map[string]string{"Authorization": "Bearer " + testToken}, status: 413},
		{name: "oversized chunked body", body: bytes.NewReader(big), chunked: true, header: map[string]string{"Authorization": "Bearer " + testToken}, status: 413},
		{name: "healthz without token", path: "/healthz", status: 200},
		{name: "CORS preflight from a listed origin", method: http.MethodOptions, header: map[string]string{"Origin": "https://app.example.com", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type, mcp-protocol-version"}, status: 204},
		{name: "CORS preflight from another origin", method: http.MethodOptions, header: map[string]string{"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}, status: 403},
		{name: "CORS preflight from localhost", method: http.MethodOptions, header: map[string]string{"Origin": "http://localhost:6274", "Access-Control-Request-Method": "POST"}, status: 204},
		{name: "OPTIONS that is not a preflight needs the token", method: http.MethodOptions, status: 401},
		// No OAuth: metadata discovery finds nothing, with or without a token,
		// so OAuth-aware clients show the 401 and its hint.
		{name: "protected resource metadata without token", method: http.MethodGet, path: "/.well-known/oauth-protected-resource", status: 404},
		{name: "protected resource metadata for the endpoint", method: http.MethodGet, path: "/.well-known/oauth-protected-resource/mcp", status: 404},
		{name: "authorization server metadata", method: http.MethodGet, path: "/.well-known/oauth-authorization-server", status: 404},
		{name: "openid configuration", method: http.MethodGet, path: "/.well-known/openid-configuration", header: map[string]string{"Authorization": "Bearer " + testToken}, status: 404},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.path
			if path == "" {
				path = EndpointPath
			}
			body := tc.body
			if body == nil {
				body = strings.NewReader(initBody)
			}
			method := http.MethodPost
			if path == "/healthz" {
				method, body = http.MethodGet, nil
			}
			if tc.method != "" {
				method, body = tc.method, nil
			}
			req, err := http.NewRequest(method, ts.URL+path, body)
			if err != nil {
				t.Fatal(err)
			}
			if tc.chunked {
				req.ContentLength = -1
				req.Body = io.NopCloser(tc.body) // hide the length so it is sent chunked
			}
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept", "application/json, text/event-stream")
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			if tc.host != "" {
				req.Host = tc.host
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			got, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, got)
			}
			if tc.status == 401 && !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without WWW-Authenticate: Bearer: %v", resp.Header)
			}
			// CORS echoes the allowed origin (never "*") and varies with it.
			if origin := tc.header["Origin"]; origin != "" && tc.status != 403 {
				if acao := resp.Header.Get("Access-Control-Allow-Origin"); acao != origin {
					t.Errorf("Access-Control-Allow-Origin %q, want %q", acao, origin)
				}
			}
			if acao := resp.Header.Get("Access-Control-Allow-Origin"); acao == "*" || (tc.header["Origin"] == "" && acao != "") {
				t.Errorf("Access-Control-Allow-Origin %q for Origin %q", acao, tc.header["Origin"])
			}
			if tc.status != 403 && !strings.Contains(resp.Header.Get("Vary"), "Origin") {
				t.Errorf("no Vary: Origin: %v", resp.Header)
			}
			if tc.status == 204 && !strings.Contains(strings.ToLower(resp.Header.Get("Access-Control-Allow-Headers")), "mcp-protocol-version") {
				t.Errorf("preflight does not allow MCP-Protocol-Version: %v", resp.Header)
			}
			if tc.status == 200 && path == EndpointPath && !strings.Contains(string(got), `"serverInfo"`) {
				t.Errorf("initialize answer lacks serverInfo: %s", got)
			}
		})
	}
}

// connectHTTP opens an MCP session over Streamable HTTP at the version real clients use.
func connectHTTP(t *testing.T, url string, headers map[string]string) *client.Client {
	t.Helper()
	tr, err := transport.NewStreamableHTTP(url, transport.WithHTTPHeaders(headers))
	if err != nil {
		t.Fatal(err)
	}
	c := client.NewClient(tr, client.WithProtocolVersion(mcp.ProtocolVersion20251125))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	init := mcp.InitializeRequest{}
	init.Params.ClientInfo = mcp.Implementation{Name: "http-test", Version: "0"}
	res, err := c.Initialize(ctx, init)
	if err != nil {
		t.Fatal(err)
	}
	if res.ProtocolVersion != mcp.ProtocolVersion20251125 {
		t.Errorf("negotiated %s, want %s", res.ProtocolVersion, mcp.ProtocolVersion20251125)
	}
	if !strings.Contains(res.Instructions, "deep_research") {
		t.Errorf("instructions missing: %q", res.Instructions)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestHTTPToolCallWithProgress(t *testing.T) {
	searx := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"query":%q,"results":[{"url":"https://example.org/raft","title":"Raft","content":"Raft is a consensus algorithm."},{"url":"https://example.com/paxos","title":"Paxos","content":"Paxos."}]}`, r.URL.Query().Get("q"))
	}))
	t.Cleanup(searx.Close)
	s := newTestServer(t, Config{AuthToken: testToken, Search: []string{"searxng"}, SearXNGURL: searx.URL})
	ts := httptest.NewServer(s.HTTPHandler())
	t.Cleanup(ts.Close)

	c := connectHTTP(t, ts.URL+EndpointPath, map[string]string{"Authorization": "Bearer " + testToken})
	tools, err := c.ListTools(context.Background(), mcp.ListToolsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tools.Tools) != 3 {
		t.Fatalf("listed %d tools, want 3", len(tools.Tools))
	}

	progress := make(chan map[string]any, 16)
	c.OnNotification(func(n mcp.JSONRPCNotification) {
		if n.Method == "notifications/progress" {
			progress <- n.Params.AdditionalFields
		}
	})
	req := mcp.CallToolRequest{}
	req.Params.Name = "web_search"
	req.Params.Arguments = map[string]any{"query": "raft consensus", "max_results": 3}
	req.Params.Meta = &mcp.Meta{ProgressToken: "p-42"}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	res, err := c.CallTool(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	txt := ""
	for _, ct := range res.Content {
		if tc, ok := ct.(mcp.TextContent); ok {
			txt += tc.Text
		}
	}
	if res.IsError {
		// The search engine is another package; what this test owns is the
		// transport, so a tool-level failure is reported, not hidden.
		t.Logf("web_search answered isError: %s", txt)
	} else {
		var out struct {
			Provider string `json:"provider"`
			Results  []struct {
				Rank int `json:"rank"`
			} `json:"results"`
		}
		raw, _ := json.Marshal(res.StructuredContent)
		if err := json.Unmarshal(raw, &out); err != nil || out.Provider != "searxng" || len(out.Results) == 0 || len(out.Results) > 3 {
			t.Errorf("structured content %s (err %v), want searxng results (at most 3)", raw, err)
		}
	}
	select {
	case p := <-progress:
		if p["progressToken"] != "p-42" {
			t.Errorf("progress for token %v, want p-42", p["progressToken"])
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no progress notification received")
	}
}

func TestHTTPDisconnectCancelsCall(t *testing.T) {
	s := newTestServer(t, Config{})
	started := make(chan struct{})
	var once sync.Once
	cancelled := make(chan struct{})
	s.MCP.AddTool(mcp.NewTool("block_until_cancelled"), func(ctx context.Context, _ mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		once.Do(func() { close(started) })
		select {
		case <-ctx.Done():
			close(cancelled)
			return mcp.NewToolResultError("cancelled"), nil
		case <-time.After(30 * time.Second):
			return mcp.NewToolResultText("not cancelled"), nil
		}
	})
	ts := httptest.NewServer(s.HTTPHandler())
	t.Cleanup(ts.Close)
	c := connectHTTP(t, ts.URL+EndpointPath, nil)

	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		req := mcp.CallToolRequest{}
		req.Params.Name = "block_until_cancelled"
		_, err := c.CallTool(ctx, req)
		errc <- err
	}()
	select {
	case <-started:
	case <-time.After(10 * time.Second):
		t.Fatal("tool never started")
	}
	cancel() // the client drops the request's connection
	select {
	case <-cancelled:
	case <-time.After(5 * time.Second):
		t.Fatal("the tool's context was not cancelled when the client went away")
	}
	if err := <-errc; err == nil {
		t.Error("the cancelled call returned no error to the client")
	}
}

func TestListenAndServeShutsDown(t *testing.T) {
	s := newTestServer(t, Config{})
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	errc := make(chan error, 1)
	go func() {
		errc <- s.ListenAndServe(ctx, "127.0.0.1:0", func(a net.Addr) { addrc <- a.String() })
	}()
	addr := <-addrc
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("healthz: %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatalf("ListenAndServe: %v", err)
		}
	case <-time.After(shutdownGrace + 2*time.Second):
		t.Fatal("ListenAndServe did not return after cancel")
	}
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("still serving after shutdown")
	}
}
