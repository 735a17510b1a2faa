package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/research"
)

// buildServer builds cmd/deepresearch-mcp into dir and returns the binary's path.
func buildServer(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "deepresearch-mcp")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/deepresearch-mcp")
	cmd.Dir = moduleRoot()
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("build deepresearch-mcp: %w", err)
	}
	return bin, nil
}

// moduleRoot finds the directory holding go.mod, from the working directory up.
func moduleRoot() string {
	dir, _ := os.Getwd()
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// mcpClient is the server under test, spoken to as a real client would.
type mcpClient struct {
	c *client.Client
}

func startMCP(ctx context.Context, bin string, env []string) (*mcpClient, error) {
	t := transport.NewStdioWithOptions(bin, append(os.Environ(), env...), nil)
	if err := t.Start(ctx); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	c := client.NewClient(t, client.WithProtocolVersion(mcp.ProtocolVersion20251125))
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.ProtocolVersion20251125
	init.Params.ClientInfo = mcp.Implementation{Name: "researchbench", Version: "1"}
	if _, err := c.Initialize(ctx, init); err != nil {
		c.Close()
		return nil, fmt.Errorf("initialize %s: %w", bin, err)
	}
	return &mcpClient{c: c}, nil
}

func (m *mcpClient) Close() error { return m.c.Close() }

// research calls deep_research with only the question: default settings.
func (m *mcpClient) research(ctx context.Context, q string) (*research.Result, error) {
	req := mcp.CallToolRequest{}
	req.Params.Name = "deep_research"
	req.Params.Arguments = map[string]any{"question": q}
	res, err := m.c.CallTool(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("call deep_research: %w", err)
	}
	if res.IsError {
		msg := ""
		for _, c := range res.Content {
			if t, ok := c.(mcp.TextContent); ok {
				msg += t.Text
			}
		}
		return nil, errors.New("deep_research failed: " + msg)
	}
	var raw []byte
	if len(res.RawStructuredContent) > 0 {
		raw = res.RawStructuredContent
	} else if res.StructuredContent != nil {
		raw, err = json.Marshal(res.StructuredContent)
		if err != nil {
			return nil, err
		}
	} else {
		return nil, errors.New("deep_research returned no structured content")
	}
	var out research.Result
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("decode deep_research result: %w", err)
	}
	return &out, nil
}
