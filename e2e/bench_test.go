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
