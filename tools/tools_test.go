package tools

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browser"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/research"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// connect serves h over an in-process MCP session, the way the CLI does.
func connect(t *testing.T, register func(*server.MCPServer)) *client.Client {
	t.Helper()
	s := server.NewMCPServer("test", "0", server.WithToolCapabilities(false))
	register(s)
	c, err := client.NewInProcessClientWithOptions(s, client.WithProtocolVersion(mcp.ProtocolVersion20251125))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	init := mcp.InitializeRequest{}
	init.Params.ClientInfo = mcp.Implementation{Name: "tools-test", Version: "0"}
	if _, err := c.Initialize(ctx, init); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func call(t *testing.T, c *client.Client, name string, args any) *mcp.CallToolResult {
	t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	req.Params.Arguments = args
	res, err := c.CallTool(context.Background(), req)
	if err != nil {
		t.Fatalf("%s: protocol error %v (tools must answer with isError results)", name, err)
	}
	return res
}

func text(res *mcp.CallToolResult) string {
	var b strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(mcp.TextContent); ok {
			b.WriteString(tc.Text)
		}
	}
	return b.String()
}

// engines builds real engines over a client that reaches nothing: argument
// validation must answer before any of them is used.
func engines(t *testing.T) *Handlers {
	t.Helper()
	guard := egress.New(egress.Policy{})
	s, err := search.New(search.Config{Order: []string{"searxng"}, SearXNGURL: "http://127.0.0.1:1"}, guard.Client(), nil)
	if err != nil {
		t.Fatal(err)
	}
	b := browse.New(browse.Config{})
	return &Handlers{Search: s, Browse: b, Research: research.New(s, b, 1)}
}

func TestInvalidArguments(t *testing.T) {
	h := engines(t)
	c := connect(t, h.Register)
	for _, tc := range []struct {
		tool string
		args any
		want []string // all must appear in the error text
	}{
		{"web_search", map[string]any{}, []string{`"query" is required`}},
		{"web_search", map[string]any{"query": "   "}, []string{`"query" is required`}},
		{"web_search", map[string]any{"query": "x", "max_results": 50}, []string{"max_results must be between 1 and 20 (got 50)"}},
		{"web_search", map[string]any{"query": "x", "max_results": "5"}, []string{`argument "max_results" must be a whole number`}},
		{"web_search", map[string]any{"query": "x", "recency": "decade"}, []string{"recency must be one of"}},
		{"web_search", map[string]any{"query": "x", "limit": 3}, []string{`unknown argument "limit"`, "query, max_results"}},
		{"browse_page", map[string]any{}, []string{`"url" is required`}},
		{"browse_page", map[string]any{"url": "file:///etc/passwd"}, []string{"refused by policy", "only http and https"}},
		{"browse_page", map[string]any{"url": "javascript:alert(1)"}, []string{"refused by policy"}},
		{"browse_page", map[string]any{"url": "/relative/path"}, []string{"not an absolute URL"}},
		{"browse_page", map[string]any{"url": "https://example.com", "max_chars": 10}, []string{"max_chars must be between 500 and 100000"}},
		{"browse_page", map[string]any{"url": "https://example.com", "offset": -1}, []string{"offset must be 0 or more"}},
		{"browse_page", map[string]any{"url": "https://example.com", "render": "sometimes"}, []string{`render must be "auto", "always" or "never"`}},
		{"deep_research", map[string]any{"question": ""}, []string{`"question" is required`}},
		{"deep_research", map[string]any{"question": "q", "max_depth": 9}, []string{"max_depth must be between 0 and 4"}},
		{"deep_research", map[string]any{"question": "q", "time_budget_s": 1}, []string{"time_budget_s must be between 5 and 300"}},
		{"deep_research", map[string]any{"question": "q", "queries": "one"}, []string{`argument "queries" must be an array of strings`}},
		// Text is bounded like numbers: a megabyte question or ten thousand
		// queries is work no call's budget pays for.
		{"web_search", map[string]any{"query": strings.Repeat("ferry timetable ", 30)}, []string{`"query" is 479 characters long; at most 400`}},
		{"deep_research", map[string]any{"question": strings.Repeat("Who built the lighthouse? ", 80)}, []string{`"question" is 2079 characters long; at most 2000`, `"queries"`}},
		{"deep_research", map[string]any{"question": "q", "queries": []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"}}, []string{`"queries" has 9 entries; at most 8`}},
		{"deep_research", map[string]any{"question": "q", "queries": []string{"tide", strings.Repeat("é", 401)}}, []string{`"queries"[1] is 401 characters long`}},
		{"browse_page", map[string]any{"url": "https://example.com/?q=" + strings.Repeat("x", 8000)}, []string{`"url" is 8023 characters long; at most 8000`, "page's address"}},
		{"browse_page", map[string]any{"url": "https://example.com", "query": strings.Repeat("tide table ", 40)}, []string{`"query" is 439 characters long; at most 400`, "a few words"}},
		// 0 is out of range like any other value below the schema's minimum.
		{"web_search", map[string]any{"query": "x", "max_results": 0}, []string{"max_results must be between 1 and 20 (got 0)"}},
		{"browse_page", map[string]any{"url": "https://example.com", "max_chars": 0}, []string{"max_chars must be between 500 and 100000 (got 0)"}},
		{"deep_research", map[string]any{"question": "q", "max_pages": 0}, []string{"max_pages must be between", "(got 0)"}},
		{"deep_research", map[string]any{"question": "q", "time_budget_s": 0}, []string{"time_budget_s must be between 5 and 300 (got 0)"}},
		{"deep_research", map[string]any{"question": "q", "max_evidence_tokens": 0}, []string{"max_evidence_tokens must be between", "(got 0)"}},
	} {
		t.Run(fmt.Sprintf("%s/%.60v", tc.tool, tc.args), func(t *testing.T) {
			res := call(t, c, tc.tool, tc.args)
			if !res.IsError {
				t.Fatalf("want isError, got %s", text(res))
			}
			for _, w := range tc.want {
				if !strings.Contains(text(res), w) {
					t.Errorf("error %q lacks %q", text(res), w)
				}
			}
		})
	}
}

func TestMissingEngineIsReported(t *testing.T) {
	c := connect(t, (&Handlers{}).Register)
	for tool, args := range map[string]any{
		"web_search":    map[string]any{"query": "x"},
		"browse_page":   map[string]any{"url": "https://example.com"},
		"deep_research": map[string]any{"question": "x"},
	} {
		res := call(t, c, tool, args)
		if !res.IsError || !strings.Contains(text(res), "not available") {
			t.Errorf("%s without engine: want isError 'not available', got %v %q", tool, res.IsError, text(res))
		}
	}
}

func TestToolErrorMapping(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("dial: %w", &egress.PolicyError{Target: "127.0.0.1:80", Reason: "loopback address"}), "refused by policy: 127.0.0.1:80: loopback address"},
		{fmt.Errorf("read: %w", context.Canceled), "was cancelled"},
		{fmt.Errorf("read: %w", context.DeadlineExceeded), "timed out"},
		// The browser died under the call: the cause is context.Canceled, but the client did not cancel.
		{&browser.Error{URL: "http://x/", Kind: browser.ErrBrowserGone, Err: context.Canceled}, "the browser process died"},
		{&browser.Error{URL: "http://x/", Kind: browser.ErrCrashed, Err: context.Canceled}, "crashed"},
		{fmt.Errorf("HTTP 404 Not Found"), "browse_page failed: HTTP 404 Not Found"},
	} {
		res := toolError("browse_page", tc.err)
		if !res.IsError || !strings.Contains(text(res), tc.want) {
			t.Errorf("toolError(%v) = %q, want it to contain %q", tc.err, text(res), tc.want)
		}
	}
}

func TestPanicBecomesToolError(t *testing.T) {
	h := &Handlers{}
	c := connect(t, func(s *server.MCPServer) {
		s.AddTool(mcp.NewTool("boom"), h.guard("boom", func(context.Context, mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			panic("kaboom")
		}))
	})
	res := call(t, c, "boom", map[string]any{})
	if !res.IsError || !strings.Contains(text(res), "kaboom") {
		t.Fatalf("want isError mentioning the panic, got %v %q", res.IsError, text(res))
	}
}

func TestProgressHeartbeat(t *testing.T) {
	old := heartbeat
	heartbeat = 200 * time.Millisecond
	defer func() { heartbeat = old }()

	var mu sync.Mutex
	var got []float64
	var messages []string
	c := connect(t, func(s *server.MCPServer) {
		s.AddTool(mcp.NewTool("slow"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			p := startProgress(ctx, req)
			defer p.finish()
			p.report(0, 0, "starting")
			time.Sleep(700 * time.Millisecond) // several heartbeats
			p.report(0, 0, "a value that did not increase")
			time.Sleep(100 * time.Millisecond)
			return mcp.NewToolResultText("done"), nil
		})
	})
	c.OnNotification(func(n mcp.JSONRPCNotification) {
		if n.Method != "notifications/progress" {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		got = append(got, n.Params.AdditionalFields["progress"].(float64))
		if m, ok := n.Params.AdditionalFields["message"].(string); ok {
			messages = append(messages, m)
		}
		if n.Params.AdditionalFields["progressToken"] != "tok-1" {
			t.Errorf("progress token %v, want tok-1", n.Params.AdditionalFields["progressToken"])
		}
	})
	req := mcp.CallToolRequest{}
	req.Params.Name = "slow"
	req.Params.Meta = &mcp.Meta{ProgressToken: "tok-1"}
	if _, err := c.CallTool(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // notifications travel apart from the response
	mu.Lock()
	defer mu.Unlock()
	if len(got) < 3 {
		t.Fatalf("got %d progress notifications (%v), want the first, heartbeats and the last", len(got), got)
	}
	for i := 1; i < len(got); i++ {
		if got[i] <= got[i-1] {
			t.Errorf("progress must increase: %v", got)
		}
	}
	if messages[0] != "starting" {
		t.Errorf("first message %q", messages[0])
	}
}

func TestNoProgressWithoutToken(t *testing.T) {
	var mu sync.Mutex
	n := 0
	c := connect(t, (&Handlers{Search: nil}).Register)
	c.OnNotification(func(nt mcp.JSONRPCNotification) {
		if nt.Method == "notifications/progress" {
			mu.Lock()
			n++
			mu.Unlock()
		}
	})
	p := startProgress(context.Background(), mcp.CallToolRequest{})
	p.report(1, 2, "ignored") // must not panic or send
	p.finish()
	call(t, c, "web_search", map[string]any{"query": "x"})
	time.Sleep(50 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if n != 0 {
		t.Errorf("got %d progress notifications without a token", n)
	}
}

func TestBindRoundTrip(t *testing.T) {
	req := mcp.CallToolRequest{}
	req.Params.RawArguments = json.RawMessage(`{"question":"q","max_depth":0,"queries":[" a ",""]}`)
	var a DeepResearchArgs
	if err := bind(req, &a); err != nil {
		t.Fatal(err)
	}
	r, err := a.validate()
	if err != nil {
		t.Fatal(err)
	}
	if r.MaxDepth >= 0 {
		t.Errorf("explicit max_depth 0 must reach the engine as no hops (negative), got %d", r.MaxDepth)
	}
	if r.MaxPages != DefaultResearchPages || r.TimeBudget != time.Duration(DefaultTimeBudgetS)*time.Second || r.MaxEvidenceTokens != DefaultEvidenceTokens {
		t.Errorf("defaults not applied: %+v", r)
	}
	if len(r.Queries) != 1 || r.Queries[0] != "a" {
		t.Errorf("queries not cleaned: %q", r.Queries)
	}
}

func TestCheckURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.com/a": "https://example.com/a",
		"example.com/a?b=c":     "https://example.com/a?b=c",
		"  http://x.org  ":      "http://x.org",
	} {
		got, err := checkURL(in)
		if err != nil || got != want {
			t.Errorf("checkURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "ftp://x.org/f", "data:text/html,hi", "view-source:https://x.org", "http://", "localhost"} {
		if _, err := checkURL(bad); err == nil {
			t.Errorf("checkURL(%q) accepted", bad)
		}
	}
}

func TestDeepResearchDepth(t *testing.T) {
	zero, three := 0, 3
	tests := []struct {
		name string
		arg  *int
		want int // what the engine is asked for
	}{
		{"left out: the default", nil, DefaultResearchDepth},
		{"0: no hops (the engine reads 0 as its default)", &zero, -1},
		{"3", &three, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := DeepResearchArgs{Question: "Who wrote Raft?", MaxDepth: tt.arg}
			req, err := a.validate()
			if err != nil {
				t.Fatal(err)
			}
			if req.MaxDepth != tt.want {
				t.Errorf("MaxDepth = %d, want %d", req.MaxDepth, tt.want)
			}
		})
	}
}
