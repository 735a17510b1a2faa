package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/deepresearch-mcp/deepresearch-mcp/server"
)

// oneShotTools maps a subcommand to its tool and builds the arguments. The
// call goes through an in-process MCP client, so a terminal user gets exactly
// what a model gets: one code path.
var oneShotTools = map[string]struct {
	tool    string
	example string
	args    func(o *options, arg string) map[string]any
}{
	"search": {"web_search", `"sqlite wal mode"`, func(o *options, q string) map[string]any {
		a := map[string]any{"query": q}
		setInt(a, "max_results", o.maxResults)
		setStr(a, "recency", o.recency)
		return a
	}},
	"browse": {"browse_page", "https://go.dev/doc/", func(o *options, u string) map[string]any {
		a := map[string]any{"url": u}
		setInt(a, "offset", o.offset)
		setInt(a, "max_chars", o.maxChars)
		setStr(a, "render", o.render)
		setStr(a, "query", o.query)
		return a
	}},
	"research": {"deep_research", `"who designed the Go gopher?"`, func(o *options, q string) map[string]any {
		a := map[string]any{"question": q}
		setInt(a, "max_pages", o.maxPages)
		setInt(a, "time_budget_s", o.timeBudget)
		return a
	}},
}

func setInt(m map[string]any, k string, v int) {
	if v != 0 {
		m[k] = v
	}
}

func setStr(m map[string]any, k, v string) {
	if v != "" {
		m[k] = v
	}
}

func oneShot(ctx context.Context, srv *server.Server, o *options, cmd string, rest []string, stdout, stderr io.Writer) int {
	spec := oneShotTools[cmd]
	c, err := client.NewInProcessClientWithOptions(srv.MCP, client.WithProtocolVersion(mcp.ProtocolVersion20251125))
	if err != nil {
		fmt.Fprintln(stderr, "deepresearch-mcp:", err)
		return exitToolError
	}
	defer c.Close()
	if err := c.Start(ctx); err != nil {
		fmt.Fprintln(stderr, "deepresearch-mcp:", err)
		return exitToolError
	}
	init := mcp.InitializeRequest{}
	init.Params.ClientInfo = mcp.Implementation{Name: "deepresearch-mcp-cli", Version: versionString()}
	if _, err := c.Initialize(ctx, init); err != nil {
		fmt.Fprintln(stderr, "deepresearch-mcp:", err)
		return exitToolError
	}

	// Show progress on stderr, one line per new message.
	var mu sync.Mutex
	last := ""
	c.OnNotification(func(n mcp.JSONRPCNotification) {
		if n.Method != "notifications/progress" {
			return
		}
		msg, _ := n.Params.AdditionalFields["message"].(string)
		mu.Lock()
		defer mu.Unlock()
		if msg != "" && msg != last {
			last = msg
			fmt.Fprintln(stderr, "…", msg)
		}
	})

	req := mcp.CallToolRequest{}
	req.Params.Name = spec.tool
	req.Params.Arguments = spec.args(o, strings.Join(rest, " "))
	req.Params.Meta = &mcp.Meta{ProgressToken: "cli"}
	res, err := c.CallTool(ctx, req)
	if err != nil {
		fmt.Fprintf(stderr, "deepresearch-mcp: %s: %v\n", spec.tool, err)
		return exitToolError
	}
	if res.IsError {
		fmt.Fprintln(stderr, resultText(res))
		return exitToolError
	}
	if o.json {
		out, err := structuredJSON(res)
		if err != nil {
			fmt.Fprintln(stderr, "deepresearch-mcp:", err)
			return exitToolError
		}
		stdout.Write(out)
		return exitOK
	}
	t := resultText(res)
	fmt.Fprint(stdout, t)
	if !strings.HasSuffix(t, "\n") {
		fmt.Fprintln(stdout)
	}
	return exitOK
}

func resultText(res *mcp.CallToolResult) string {
	var b strings.Builder
	for _, c := range res.Content {
		if t, ok := mcp.AsTextContent(c); ok {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

// structuredJSON prints the structured content indented, in the field order
// the server wrote it.
func structuredJSON(res *mcp.CallToolResult) ([]byte, error) {
	raw := []byte(res.RawStructuredContent)
	if len(raw) == 0 {
		var err error
		if raw, err = json.Marshal(res.StructuredContent); err != nil {
			return nil, fmt.Errorf("encode structured content: %w", err)
		}
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "  "); err != nil {
		return nil, fmt.Errorf("encode structured content: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
