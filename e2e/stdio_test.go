package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools"
)

// spawn starts the binary with envv and connects mcp-go's stdio client at 2025-11-25.
func spawn(t testing.TB, envv []string) (*client.Client, *mcp.InitializeResult) {
	t.Helper()
	s := spawnServer(t, envv)
	return s.c, s.init
}

// stdioServer is a spawned binary with its client, process and stderr.
type stdioServer struct {
	c    *client.Client
	init *mcp.InitializeResult
	cmd  *exec.Cmd
	mu   sync.Mutex
	errb bytes.Buffer
}

// Stderr is what the server logged so far.
func (s *stdioServer) Stderr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.errb.String()
}

// spawnServer is spawn that also hands back the process, for tests that
// look at it from outside (/proc) or kill what it started.
func spawnServer(t testing.TB, envv []string) *stdioServer {
	t.Helper()
	s := &stdioServer{}
	// Our own command: exactly envv (mcp-go's default appends it to ours),
	// and no context tying the process to the start-up timeout.
	tr := transport.NewStdioWithOptions(bin, envv, nil, transport.WithCommandFunc(
		func(_ context.Context, command string, envv, args []string) (*exec.Cmd, error) {
			cmd := exec.Command(command, args...)
			cmd.Env = envv
			cmd.Stderr = lockedWriter{&s.mu, &s.errb}
			s.cmd = cmd
			return cmd, nil
		}))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := tr.Start(ctx); err != nil {
		t.Fatal(err)
	}
	c := client.NewClient(tr, client.WithProtocolVersion(mcp.ProtocolVersion20251125))
	s.c = c
	t.Cleanup(func() {
		c.Close()
		if t.Failed() {
			t.Logf("server stderr:\n%s", s.Stderr())
		}
	})
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	init := mcp.InitializeRequest{}
	init.Params.ClientInfo = mcp.Implementation{Name: "e2e", Version: "0"}
	res, err := c.Initialize(ctx, init)
	if err != nil {
		t.Fatal(err)
	}
	s.init = res
	return s
}

type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func text(res *mcp.CallToolResult) string {
	var b strings.Builder
	for _, c := range res.Content {
		if t, ok := c.(mcp.TextContent); ok {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

func callTool(t *testing.T, c *client.Client, name string, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	req.Params.Arguments = args
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := c.CallTool(ctx, req)
	if err != nil {
		t.Fatalf("%s: protocol error %v; tool failures must be isError results", name, err)
	}
	return res
}

func TestStdioHandshakeAndSnapshots(t *testing.T) {
	web := startWeb(t)
	c, init := spawn(t, env(web.URL))
	if init.ProtocolVersion != mcp.ProtocolVersion20251125 {
		t.Errorf("negotiated %q, want %q", init.ProtocolVersion, mcp.ProtocolVersion20251125)
	}
	if init.ServerInfo.Name != "deepresearch-mcp" || init.Capabilities.Tools == nil || init.Capabilities.Logging == nil {
		t.Errorf("server info/capabilities: %+v %+v", init.ServerInfo, init.Capabilities)
	}
	for _, tool := range []string{"deep_research", "web_search", "browse_page", "untrusted-web-content"} {
		if !strings.Contains(init.Instructions, tool) {
			t.Errorf("instructions do not mention %s", tool)
		}
	}
	list, err := c.ListTools(context.Background(), mcp.ListToolsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tool := range list.Tools {
		names = append(names, tool.Name)
		raw, err := json.Marshal(tool)
		if err != nil {
			t.Fatal(err)
		}
		got, err := tools.NormalizeSnapshot(raw)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "tools", "__toolsnaps__", tool.Name+".snap"))
		if err != nil {
			t.Fatalf("no golden snapshot for %s: %v", tool.Name, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s as listed over stdio differs from its golden snapshot (go test ./tools -update regenerates it):\n%s", tool.Name, got)
		}
	}
	if strings.Join(names, ",") != "browse_page,deep_research,web_search" && len(names) != 3 {
		t.Errorf("tools listed: %v", names)
	}
}

func TestStdioBrowsePage(t *testing.T) {
	web := startWeb(t)
	page := web.URL + "/pages/article"

	t.Run("allowed", func(t *testing.T) {
		c, _ := spawn(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1"))
		res := callTool(t, c, "browse_page", map[string]any{"url": page, "render": "never"})
		if res.IsError {
			t.Fatalf("browse_page isError: %s", text(res))
		}
		var out tools.BrowsePageOutput
		structured(t, res, &out)
		if out.URL != page || out.TotalChars == 0 || out.Content == "" || out.Rendered {
			t.Errorf("structured content: %+v", out)
		}
		if !strings.Contains(text(res), `<untrusted-web-content id="`) {
			t.Errorf("page text not fenced:\n%s", text(res))
		}
	})

	t.Run("refused without --allow-private", func(t *testing.T) {
		// Search on another server: a configured search endpoint is trusted
		// (a local SearXNG needs no --allow-private), pages are not.
		search := startWeb(t)
		before := web.Hits("/pages/article")
		c, _ := spawn(t, env(search.URL))
		res := callTool(t, c, "browse_page", map[string]any{"url": page})
		if !res.IsError {
			t.Fatalf("loopback page read without --allow-private: %s", text(res))
		}
		if msg := text(res); !strings.Contains(msg, "refused by policy") {
			t.Errorf("refusal does not say why: %q", msg)
		}
		if n := web.Hits("/pages/article") - before; n != 0 {
			t.Errorf("the loopback page saw %d requests; the guard must refuse before connecting", n)
		}
	})
}

func TestStdioInvalidArguments(t *testing.T) {
	web := startWeb(t)
	c, _ := spawn(t, env(web.URL))
	for _, tc := range []struct {
		tool string
		args map[string]any
		want string
	}{
		{"web_search", map[string]any{"max_results": 5}, `"query" is required`},
		{"browse_page", map[string]any{"url": "file:///etc/passwd"}, "refused by policy"},
		{"deep_research", map[string]any{"question": "q", "max_pages": 500}, "max_pages must be between 1 and 50"},
	} {
		res := callTool(t, c, tc.tool, tc.args)
		if !res.IsError || !strings.Contains(text(res), tc.want) {
			t.Errorf("%s %v: isError=%v %q, want an error containing %q", tc.tool, tc.args, res.IsError, text(res), tc.want)
		}
	}
}

// TestStdioCancellation: a notifications/cancelled from the client must stop
// the call all the way down to its outbound request. The search provider here
// hangs until its request is abandoned, which is what the test observes.
func TestStdioCancellation(t *testing.T) {
	arrived := make(chan struct{}, 8)
	abandoned := make(chan struct{}, 8)
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		select {
		case <-r.Context().Done():
			abandoned <- struct{}{}
		case <-time.After(60 * time.Second):
		}
	}))
	defer hang.Close()
	c, _ := spawn(t, env(hang.URL)) // every path of hang plays the provider

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan *mcp.CallToolResult, 1)
	go func() {
		req := mcp.CallToolRequest{}
		req.Params.Name = "web_search"
		req.Params.Arguments = map[string]any{"query": "a query that hangs"}
		res, _ := c.CallTool(ctx, req)
		done <- res
	}()
	select {
	case <-arrived:
	case res := <-done:
		t.Fatalf("the call ended before reaching the provider: %v", res)
	case <-time.After(20 * time.Second):
		t.Fatal("the search never reached the provider")
	}
	cancel()
	select {
	case <-abandoned:
	case <-time.After(10 * time.Second):
		t.Fatal("cancelling the call did not abandon its outbound request")
	}
	// The server keeps serving after a cancellation.
	res := callTool(t, c, "web_search", map[string]any{})
	if !res.IsError {
		t.Errorf("server did not answer a call after cancellation")
	}
}

// TestStdioCallsRunConcurrently: eight calls that can only finish together
// (the provider answers once it holds eight requests) must all finish — with
// mcp-go's default of 5 stdio workers they would wait for each other forever.
func TestStdioCallsRunConcurrently(t *testing.T) {
	const n = 8
	var mu sync.Mutex
	held := 0
	all := make(chan struct{})
	barrier := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		held++
		if held == n {
			close(all)
		}
		mu.Unlock()
		select {
		case <-all:
		case <-r.Context().Done():
			return
		case <-time.After(30 * time.Second):
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"query": r.URL.Query().Get("q"), "results": []map[string]any{
			{"url": "https://example.org/" + r.URL.Query().Get("q"), "title": "A result", "content": "snippet"},
		}})
	}))
	defer barrier.Close()
	c, _ := spawn(t, env(barrier.URL))

	var wg sync.WaitGroup
	results := make(chan *mcp.CallToolResult, n)
	for i := range n {
		wg.Go(func() {
			req := mcp.CallToolRequest{}
			req.Params.Name = "web_search"
			req.Params.Arguments = map[string]any{"query": "concurrent query " + string(rune('a'+i))}
			ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
			defer cancel()
			res, err := c.CallTool(ctx, req)
			if err != nil {
				t.Errorf("call %d: %v", i, err)
				return
			}
			results <- res
		})
	}
	wg.Wait()
	close(results)
	select {
	case <-all:
	default:
		t.Fatalf("the provider never held %d requests at once (got %d): calls were serialised", n, held)
	}
	got := 0
	for res := range results {
		got++
		if res.IsError {
			t.Errorf("call failed: %s", text(res))
		}
	}
	if got != n {
		t.Errorf("%d answers for %d calls", got, n)
	}
}

// TestStdioDeepResearch: a research call on the little test web answers once,
// with progress on the way and a result that matches its contract.
func TestStdioDeepResearch(t *testing.T) {
	web := startWeb(t)
	c, _ := spawn(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1"))
	var mu sync.Mutex
	var progress []string
	c.OnNotification(func(n mcp.JSONRPCNotification) {
		if n.Method == "notifications/progress" && n.Params.AdditionalFields["progressToken"] == "research-1" {
			mu.Lock()
			progress = append(progress, fmt.Sprint(n.Params.AdditionalFields["message"]))
			mu.Unlock()
		}
	})
	req := mcp.CallToolRequest{}
	req.Params.Name = "deep_research"
	req.Params.Arguments = map[string]any{"question": "How does Raft reach consensus?", "max_pages": 3, "time_budget_s": 20}
	req.Params.Meta = &mcp.Meta{ProgressToken: "research-1"}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	start := time.Now()
	res, err := c.CallTool(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 20*time.Second+20*time.Second {
		t.Errorf("took %s, well past its 20 s budget", d)
	}
	if res.IsError {
		t.Fatalf("deep_research isError: %s", text(res))
	}
	var out tools.DeepResearchOutput
	raw := structured(t, res, &out)
	if out.Question == "" || out.Stats.Searches == 0 || len(out.Queries) == 0 {
		t.Errorf("result lacks question, queries or searches: %s", raw)
	}
	for _, e := range out.Evidence {
		if e.Source < 1 || e.Source > len(out.Sources) || out.Sources[e.Source-1].URL != e.URL {
			t.Errorf("evidence %+v does not point at its source", e)
		}
	}
	found := false
	for _, s := range out.Sources {
		found = found || s.URL == web.URL+"/pages/article"
	}
	if !found {
		t.Errorf("the article was not among the sources: %+v", out.Sources)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(progress) == 0 {
		t.Error("no progress notification for a call with a progress token")
	}
}
