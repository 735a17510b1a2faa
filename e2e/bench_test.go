package e2e

import (
	"context"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
)

// BenchmarkStdioRoundTrip measures what the server and the stdio transport
// add to every call: a tools/call that fails argument validation does no I/O
// beyond the JSON-RPC exchange with the spawned binary.
func BenchmarkStdioRoundTrip(b *testing.B) {
	web := startWeb(b)
	c, _ := spawn(b, env(web.URL))
	req := mcp.CallToolRequest{}
	req.Params.Name = "web_search"
	req.Params.Arguments = map[string]any{"query": ""}
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		res, err := c.CallTool(ctx, req)
		if err != nil || !res.IsError {
			b.Fatalf("unexpected answer: %v %v", res, err)
		}
	}
	b.StopTimer()
	c.Close()
}

// BenchmarkColdStart measures a client's wait from spawning the binary to
// the answer of tools/list (initialize included), and the server's resident
// memory once it has answered (idle-rss-MB). The -race build inflates both;
// the README figures come from a plain `go test -bench`.
func BenchmarkColdStart(b *testing.B) {
	web := startWeb(b)
	envv := env(web.URL)
	var rssKB float64
	for b.Loop() {
		s := spawnServer(b, envv)
		if _, err := s.c.ListTools(context.Background(), mcp.ListToolsRequest{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		rssKB += float64(procStatusKB(s.cmd.Process.Pid, "VmRSS"))
		s.c.Close()
		b.StartTimer()
	}
	b.ReportMetric(rssKB/1024/float64(b.N), "idle-rss-MB")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/start")
}
